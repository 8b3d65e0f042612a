import { h } from 'hastscript';
import type { StageDirection } from '../../../types.ts';
import type { Handle } from '../state.ts';

/** Not speech: set apart so that a reader (and a screen reader) does not take it for the speaker's words. */
export const stageDirection: Handle<StageDirection> = (node) => [h('p', { className: ['stage-direction'] }, h('i', node.value))];
