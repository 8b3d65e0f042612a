import { h } from 'hastscript';
import type { SpeakerTurn } from '../../../types.ts';
import type { Handle } from '../state.ts';

export const speakerTurn: Handle<SpeakerTurn> = (node, state) => {
  const { name, role, nameLang, roleLang } = node.speaker;
  const generic = node.speaker.generic ?? (node.speaker.question ? 'question' : undefined);
  const label = [];
  if (generic && state.t) {
    // A question or a remark is nobody's name: the page's own word for it, in the page's language.
    label.push(h('span', { className: ['name', 'generic'] }, state.t(`speaker.${generic}`)));
  } else {
    const foreignRole = roleLang && roleLang !== state.lang ? roleLang : undefined;
    if (role) label.push(h(foreignRole ? 'bdi' : 'span', { className: ['role'], lang: foreignRole }, role), ' ');
    // bdi: a Latin name inside a right-to-left page (or the reverse) must not reorder its neighbours.
    label.push(h('bdi', { className: ['name'], lang: nameLang && nameLang !== state.lang ? nameLang : undefined }, name));
  }
  return [h('section', { className: ['turn'] }, [h('h2', { className: ['speaker'] }, label), ...state.all(node)])];
};
