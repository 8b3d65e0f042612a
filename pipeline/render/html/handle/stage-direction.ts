import { h } from 'hastscript';
import type { StageDirection } from '../../../types.ts';
import type { Handle } from '../state.ts';

/**
 * Not speech: set apart so that a reader (and a screen reader) does not take it for the speaker's words.
 * Its segment (segment stage) carries the translation, or the source marked with its language.
 */
export const stageDirection: Handle<StageDirection> = (node, state) => [
  h('p', { className: ['stage-direction'] }, h('i', node.children?.length ? state.all({ children: node.children }) : node.value)),
];
