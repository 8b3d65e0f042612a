import type { Heading } from 'mdast';
import { h } from 'hastscript';
import type { Handle } from '../state.ts';

export const heading: Handle<Heading> = (node, state) => [h(`h${node.depth}`, state.all(node))];
