import type { Text } from 'mdast';
import type { Handle } from '../state.ts';

export const text: Handle<Text> = (node) => [{ type: 'text', value: node.value }];
