import { h } from 'hastscript';
import type { EditorialInsertion } from '../../../types.ts';
import type { Handle } from '../state.ts';

/** The editor's words, marked as such. */
export const editorialInsertion: Handle<EditorialInsertion> = (node) => [h('p', { className: ['editorial'] }, node.value)];
