import type { Emphasis, Strong } from 'mdast';
import { h } from 'hastscript';
import type { Handle } from '../state.ts';

export const emphasis: Handle<Emphasis> = (node, state) => [h('em', state.all(node))];
export const strong: Handle<Strong> = (node, state) => [h('strong', state.all(node))];
