import type { Speaker } from '../types.ts';

export interface LabelledBlock {
  speaker: Speaker;
  label: string;
  rest: string;
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'von', 'van', 'al', 'bin', 'da', 'du', 'la', 'le']);

/**
 * Recognises "President of Kyrgyzstan Sadyr Japarov: Members of the press…": a label made of capitalised
 * words (and connectors), then a colon. A sentence such as "I fully concur with Mr Japarov: today's…" has
 * lowercase words before the colon and is not a label.
 */
export function parseSpeakerLabel(text: string, known: readonly Speaker[] = []): LabelledBlock | undefined {
  const colon = text.indexOf(':');
  if (colon < 2 || colon > 120) return undefined;
  const label = text.slice(0, colon).trim();
  const rest = text.slice(colon + 1).trim();
  const words = label.split(' ');
  if (words.length > 12) return undefined;
  const isNameWord = (word: string) => /^\p{Lu}[\p{L}\u2019'.-]*$/u.test(word);
  if (!words.every((word) => isNameWord(word) || CONNECTORS.has(word))) return undefined;
  if (words.filter(isNameWord).length < 1 || !isNameWord(words.at(-1) ?? '')) return undefined;
  if (/^\d/.test(rest)) return undefined; // "Article 5: 3 …" style lists, times "10:30"

  const knownSpeaker = known.find(
    (speaker) => label === speaker.name || label.endsWith(` ${speaker.name}`) || label === speaker.name.split(' ').at(-1),
  );
  if (knownSpeaker) return { speaker: knownSpeaker, label, rest };

  // Names are the trailing capitalised words after the last connector, at most two of them: the office
  // ("President of Kyrgyzstan") keeps its country.
  const lastConnector = words.findLastIndex((word) => CONNECTORS.has(word));
  const tail = words.slice(lastConnector + 1);
  const nameLength =
    lastConnector < 0 ? Math.min(words.length, words.length >= 3 ? 2 : words.length) : Math.min(2, Math.max(tail.length - 1, 0));
  if (nameLength === 0) return { speaker: { name: label, role: '' }, label, rest };
  const name = words.slice(words.length - nameLength).join(' ');
  const role = words.slice(0, words.length - nameLength).join(' ');
  return { speaker: { name, role }, label, rest };
}
