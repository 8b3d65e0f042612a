import type { Paragraph } from 'mdast';
import { h } from 'hastscript';
import type { Handle } from '../state.ts';

export const paragraph: Handle<Paragraph> = (node, state) => [h('p', state.all(node))];
