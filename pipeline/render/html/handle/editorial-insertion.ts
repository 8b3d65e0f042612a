import { h } from 'hastscript';
import type { EditorialInsertion } from '../../../types.ts';
import type { Handle } from '../state.ts';

/** The editor's words, marked as such; its segment carries the translation or the source marked with its language. */
export const editorialInsertion: Handle<EditorialInsertion> = (node, state) => [
  h('p', { className: ['editorial'] }, node.children?.length ? state.all({ children: node.children }) : node.value),
];
