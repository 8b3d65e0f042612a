import type { List, ListItem } from 'mdast';
import { h } from 'hastscript';
import type { Handle } from '../state.ts';

export const list: Handle<List> = (node, state) => [
  h(
    node.ordered ? 'ol' : 'ul',
    { start: node.ordered && node.start !== null && node.start !== 1 ? node.start : undefined },
    state.all(node),
  ),
];

/** A tight item's single paragraph is the item's text, as in HTML written by hand. */
export const listItem: Handle<ListItem> = (node, state) => {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return [h('li', only?.type === 'paragraph' && !node.spread ? state.all(only) : state.all(node))];
};
