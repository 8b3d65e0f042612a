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
/** Labels of an anonymous questioner, in en, ru and ky; every one of them stays a question. */
const QUESTION_LABELS = /^(?:q|question|questions|вопрос|вопросы|суроо|суроолор|correspondent|корреспондент|кабарчы|reporter|журналист)$/iu;
const HONORIFIC = /^(?:mr|ms|mrs|miss|dr|sir|madam|г-н|г-жа)\.?$/iu;
const INITIAL_SURNAME = /^\p{Lu}\.\s?\p{Lu}[\p{L}’'-]+$/u;
const INITIAL = /^\p{Lu}\.$/u;

/** Two forms of one label ("В.Путин", "В. Путин"; "MS. LEAVITT", "Ms. Leavitt") compare equal under this key. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').replace(/\.\s+/g, '.').trim();
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'von', 'van', 'al', 'bin', 'da', 'du', 'la', 'le']);

/**
 * Recognises "President of Kyrgyzstan Sadyr Japarov: Members of the press…": a label made of capitalised
 * words (and connectors), then a colon. A sentence such as "I fully concur with Mr Japarov: today's…" has
 * lowercase words before the colon and is not a label. The label is resolved against the speakers already
 * known ("Putin:", "В. Путин:", "MS. WHITFIELD:" find the speaker first named in full) and, for
 * "Ms. Whitfield", against `context` (the title and the lead), which may name her in full with her office.
 */
export function parseSpeakerLabel(text: string, known: readonly Speaker[] = [], context = ''): LabelledBlock | undefined {
  const bare = BARE_Q.exec(text);
  if (bare?.groups) return { speaker: questioner('Q', known), label: 'Q', rest: bare.groups.rest!.trim() };
  const colon = text.indexOf(':');
  if (colon < 1 || colon > 120) return undefined;
  // Labels may hold no-break spaces when the typography policy keeps them.
  const full = text.slice(0, colon).replace(/\s+/gu, ' ').trim();
  const rest = text.slice(colon + 1).trim();
  const noteMatch = NOTE.exec(full);
  const label = noteMatch ? full.slice(0, noteMatch.index).trim() : full;
  if (label.length < 2 && label !== 'Q') return undefined;
  const found = findLabel(label, rest, known, context);
  if (found && noteMatch?.groups) found.note = noteMatch.groups.note!.trim();
  return found;
}

function findLabel(printed: string, rest: string, known: readonly Speaker[], context: string): LabelledBlock | undefined {
  const words = printed.split(' ');
  if (words.length > 12) return undefined;
  const isNameWord = (word: string) => /^\p{Lu}[\p{L}\u2019'.-]*$/u.test(word);
  if (!words.every((word) => isNameWord(word) || CONNECTORS.has(word))) return undefined;
  if (!isNameWord(words.at(-1) ?? '')) return undefined;
  if (/^\d/.test(rest)) return undefined; // "Article 5: 3 …" style lists, times "10:30"

  const label = isAllCaps(printed) ? titleCase(printed) : printed;
  if (QUESTION_LABELS.test(label)) return { speaker: questioner(label, known), label: printed, rest };
  const knownSpeaker = known.find((speaker) => !speaker.question && sameSpeaker(speaker, label));
  if (knownSpeaker) return { speaker: knownSpeaker, label: printed, rest };
  return { speaker: fromContext(label, context) ?? splitLabel(label.split(' ')), label: printed, rest };
}

/** Every question label of a document maps to one questioner: the form printed first ("Q", "Question"). */
function questioner(label: string, known: readonly Speaker[]): Speaker {
  return known.find((speaker) => speaker.question) ?? { name: label, role: '', question: true };
}

/** Whether a label names a speaker already known: full label, name, surname, "В.Путин" or "Ms. Whitfield". */
export function sameSpeaker(speaker: Speaker, label: string): boolean {
  const key = labelKey(label);
  const name = labelKey(speaker.name);
  if (key === name || key.endsWith(` ${name}`) || key === labelKey(`${speaker.role} ${speaker.name}`)) return true;
  const parts = speaker.name.split(/\s+/);
  if (parts.length < 2) return false;
  const surname = parts.at(-1)!.toLowerCase();
  const words = label.split(/\s+/);
  if (words.length === 1 && key === surname) return true;
  const initial = /^(?<initial>\p{L})\.\s?(?<surname>\p{L}[\p{L}’'-]+)$/u.exec(label)?.groups;
  if (initial) return initial.surname!.toLowerCase() === surname && parts[0]![0]!.toLowerCase() === initial.initial!.toLowerCase();
  return words.length === 2 && HONORIFIC.test(words[0]!) && words[1]!.toLowerCase() === surname;
}

/**
 * Words of a printed label that a known speaker's name and role do not hold ("Share" in "Share В. Путин"
 * read as В.Путин): the turn prints the speaker's canonical form, so these words would vanish unsaid.
 * Initials and honorifics ("В.", "Ms.") are forms of the name, not extra words.
 */
export function labelWordsBeyond(speaker: Speaker, label: string): string[] {
  const words = (text: string) => text.split(/[\s.]+/u).filter((word) => /\p{L}{2}/u.test(word));
  const known = new Set(words(`${speaker.role} ${speaker.name}`).map((word) => word.toLowerCase()));
  return words(label).filter((word) => !known.has(word.toLowerCase()) && !HONORIFIC.test(word));
}

/** "Ms. Whitfield" and a title "Press Briefing by Press Secretary Dana Whitfield" → Dana Whitfield, Press Secretary. */
function fromContext(label: string, context: string): Speaker | undefined {
  const words = label.split(' ');
  if (words.length !== 2 || !HONORIFIC.test(words[0]!)) return undefined;
  const surname = words[1]!;
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const run = new RegExp(String.raw`((?:\p{Lu}[\p{L}’'-]*\s+)+)${escaped}(?![\p{L}])`, 'u').exec(context)?.[1];
  const before = run?.trim().split(/\s+/);
  if (!before?.length) return undefined;
  return { name: `${before.at(-1)} ${surname}`, role: before.slice(0, -1).join(' ') };
}

/** Office and name: names are the trailing words ("А.Волков", "А. Волков" or at most two capitalised words). */
function splitLabel(words: string[]): Speaker {
  const label = words.join(' ');
  const last = words.at(-1)!;
  let nameLength: number;
  if (INITIAL_SURNAME.test(last)) nameLength = 1;
  else if (words.length >= 2 && INITIAL.test(words.at(-2)!)) nameLength = 2;
  else if (HONORIFIC.test(words[0]!)) nameLength = words.length;
  else {
    const lastConnector = words.findLastIndex((word) => CONNECTORS.has(word));
    const tail = words.slice(lastConnector + 1);
    nameLength =
      lastConnector < 0 ? Math.min(words.length, words.length >= 3 ? 2 : words.length) : Math.min(2, Math.max(tail.length - 1, 0));
  }
  if (nameLength === 0) return { name: label, role: '' };
  return { name: words.slice(words.length - nameLength).join(' '), role: words.slice(0, words.length - nameLength).join(' ') };
}

function isAllCaps(label: string): boolean {
  const letters = label.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "MS. WHITFIELD" → "Ms. Whitfield", "PRESIDENT OF RUSSIA" → "President of Russia", "JEAN-PIERRE" → "Jean-Pierre". */
function titleCase(label: string): string {
  return label
    .split(' ')
    .map((word, index) =>
      index > 0 && CONNECTORS.has(word.toLowerCase())
        ? word.toLowerCase()
        : word.toLowerCase().replace(/(^|[.\-’'])(\p{L})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase()),
    )
    .join(' ');
}

/**
 * Adds a speaker to the registry unless one with the same name is there already; the first form seen is
 * the canonical one, and a role learnt later fills an empty one.
 */
export function registerSpeaker(speakers: Speaker[], speaker: Speaker): Speaker {
  const existing = speakers.find((known) => (speaker.question ? known.question : labelKey(known.name) === labelKey(speaker.name)));
  if (existing) {
    if (!existing.role && speaker.role) existing.role = speaker.role;
    return existing;
  }
  speakers.push(speaker);
  return speaker;
}

const ASKER =
  /^(?:(?:[Gg]ood (?:morning|afternoon|evening)|[Hh]ello|[Зз]дравствуйте|[Дд]обрый (?:день|вечер)|[Сс]аламатсызбы)[,.!]?\s+)?(?<name>\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+){1,2}),\s+(?<outlet>[\p{Lu}«“"][^.?!]{1,60}?)[.!]\s/u;
const NOT_A_NAME = /^(?:mr|ms|mrs|dear|господин|уважаемый|уважаемая|урматтуу)\b|\b(?:president|президент|министр|minister)\b/iu;

/** "Ilya Dornov, Polar Radio. When will…": a journalist who names themself opens the question with name and outlet. */
export function findAsker(text: string): { name: string; outlet: string } | undefined {
  const groups = ASKER.exec(text)?.groups;
  if (!groups || NOT_A_NAME.test(groups.name!)) return undefined;
  return { name: groups.name!, outlet: groups.outlet!.trim() };
}
