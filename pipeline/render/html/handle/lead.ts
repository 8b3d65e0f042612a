import { h } from 'hastscript';
import type { Lead } from '../../../types.ts';
import type { Handle } from '../state.ts';

export const lead: Handle<Lead> = (node, state) => [h('div', { className: ['lead'] }, state.all(node))];
