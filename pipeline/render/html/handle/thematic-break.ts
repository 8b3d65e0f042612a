import type { ThematicBreak } from 'mdast';
import { h } from 'hastscript';
import type { Handle } from '../state.ts';

export const thematicBreak: Handle<ThematicBreak> = () => [h('hr')];
