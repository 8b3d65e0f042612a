import { h } from 'hastscript';
import type { Segment } from '../../../types.ts';
import type { Handle } from '../state.ts';

/** A segment in the document's language is plain text; one left in another language says so, for screen readers, hyphenation and reviewers. */
export const segment: Handle<Segment> = (node, state) => {
  const children = state.all(node);
  const sep = { type: 'text' as const, value: ' ' };
  if (node.lang === state.lang) return [...children, sep];
  return [h('span', { lang: node.lang, className: ['untranslated'], dataSegment: node.id }, children), sep];
};
