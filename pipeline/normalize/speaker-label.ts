import type { Speaker } from '../types.ts';

export interface LabelledBlock {
  speaker: Speaker;
  label: string;
  rest: string;
  /** "as translated" from "Question (as translated):". */
  note?: string;
}

/** White House transcripts mark reporters with a bare "Q" and spaces or a tab instead of a colon. */
const BARE_Q = /^Q(?:\s*:\s*|\s+|$)(?<rest>.*)$/su;
const NOTE = /\s*\((?<note>[^()]{1,40})\)$/u;

/** Two forms of one label ("В.Путин", "В. Путин"; "MS. LEAVITT", "Ms. Leavitt") compare equal under this key. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/\.\s+/g, '.');
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'von', 'van', 'al', 'bin', 'da', 'du', 'la', 'le']);

/**
 * Recognises "President of Kyrgyzstan Sadyr Japarov: Members of the press…": a label made of capitalised
 * words (and connectors), then a colon. A sentence such as "I fully concur with Mr Japarov: today's…" has
 * lowercase words before the colon and is not a label.
 */
export function parseSpeakerLabel(text: string, known: readonly Speaker[] = []): LabelledBlock | undefined {
  const bare = BARE_Q.exec(text);
  if (bare?.groups) return { speaker: { name: 'Q', role: '' }, label: 'Q', rest: bare.groups.rest!.trim() };
  const colon = text.indexOf(':');
  if (colon < 1 || colon > 120) return undefined;
  const full = text.slice(0, colon).trim();
  const rest = text.slice(colon + 1).trim();
  const noteMatch = NOTE.exec(full);
  const label = noteMatch ? full.slice(0, noteMatch.index).trim() : full;
  if (label.length < 2) return undefined;
  const found = findLabel(label, rest, known);
  if (found && noteMatch?.groups) found.note = noteMatch.groups.note!.trim();
  return found;
}

function findLabel(label: string, rest: string, known: readonly Speaker[]): LabelledBlock | undefined {
  const words = label.split(' ');
  if (words.length > 12) return undefined;
  const isNameWord = (word: string) => /^\p{Lu}[\p{L}\u2019'.-]*$/u.test(word);
  if (!words.every((word) => isNameWord(word) || CONNECTORS.has(word))) return undefined;
  if (words.filter(isNameWord).length < 1 || !isNameWord(words.at(-1) ?? '')) return undefined;
  if (/^\d/.test(rest)) return undefined; // "Article 5: 3 …" style lists, times "10:30"

  const key = labelKey(label);
  const knownSpeaker = known.find((speaker) => {
    const name = labelKey(speaker.name);
    return (
      key === name || key.endsWith(` ${name}`) || key === name.split(/[ .]/).at(-1) || key === labelKey(`${speaker.role} ${speaker.name}`)
    );
  });
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
