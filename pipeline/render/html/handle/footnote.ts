import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import { h } from 'hastscript';
import type { Handle } from '../state.ts';

/** Identifiers come from the source page: only letters, digits, "-" and "_" reach an id or a fragment. */
const safe = (identifier: string) => identifier.replace(/[^\p{L}\p{N}_-]/gu, '_');

export const footnoteReference: Handle<FootnoteReference> = (node) => [
  h('sup', { className: ['footnote-ref'] }, h('a', { href: `#fn-${safe(node.identifier)}` }, node.label ?? node.identifier)),
];

/** The note's text where the document ends, numbered as the reference in the text. */
export const footnoteDefinition: Handle<FootnoteDefinition> = (node, state) => [
  h('div', { className: ['footnote'], id: `fn-${safe(node.identifier)}`, role: 'note' }, [
    h('span', { className: ['footnote-label'] }, node.label ?? node.identifier),
    ' ',
    ...state.all(node),
  ]),
];
