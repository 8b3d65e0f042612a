import type { Blockquote } from 'mdast';
import { h } from 'hastscript';
import type { Handle } from '../state.ts';

/** A passage the speaker quotes (a letter, a telegram): still the speaker's text, set apart. */
export const blockquote: Handle<Blockquote> = (node, state) => [h('blockquote', state.all(node))];
