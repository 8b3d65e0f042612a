import type { GenericRole, Speaker } from '../types.ts';
import { isCyrillic, matchSurname, nominativeFirstName } from './speakers/inflection.ts';
import {
  BUTTON_WORDS,
  CONNECTORS,
  genericRoleOf,
  HONORIFICS,
  INTERFACE_LABELS,
  isOfficeWord,
  NAME_PARTICLES,
  ROLE_WORDS,
  SENTENCE_WORDS,
} from './speakers/lexicon.ts';
import { speakerFromText } from './speakers/from-text.ts';
import { featuresOf } from './features.ts';
import { isInterfaceWord } from './lexicon.ts';

export { speakerFromText } from './speakers/from-text.ts';

export interface LabelledBlock {
  speaker: Speaker;
  /** The label as printed, without its interpreter note and time code. */
  label: string;
  rest: string;
  /** "as translated" from "Question (as translated):". */
  note?: string;
  /** A transcription service's time code ("00:35" from "Speaker 2 (00:35):"); not part of the name. */
  timecode?: string;
}

export interface LabelOptions {
  /**
   * A source's own label forms (config `sources[].labels`): regular expressions matched at the start of
   * the block, with a named group `name` and optionally `role`; what follows the match is the turn's text.
   */
  patterns?: readonly RegExp[];
  /** Language of the document, for the generic roles' printed form. */
  lang?: string;
}

/** How far into a block a label may reach: labels are short, and a 1 MB line must not be scanned. */
const LABEL_REACH = 160;
/** White House transcripts mark reporters with a bare "Q" and spaces or a tab instead of a colon. */
const BARE_Q = /^Q(?:[ \t]*:[ \t]*|[ \t]+|$)/u;
const DOTTED_QA = /^(?<which>[QA])\.[ \t]+(?=\p{Lu})/u;
const NOTE = /\s*\((?<note>[^()]{1,40})\)$/u;
/** "Sadyr Japarov (President of Kyrgyzstan)": an office in brackets after the name may run longer than a note. */
const BRACKET_ROLE = /\s*\((?<role>[^()]{1,100})\)$/u;
/** Notes about the speech, not the speaker: "(through an interpreter)", "(как переведено)", "(котормо аркылуу)". */
const INTERPRETER_NOTE = /interpret|translat|перев|котор/iu;
const TIMECODE = String.raw`\(\s*(?<time>\d{1,2}:\d{2}(?::\d{2})?)\s*\)`;
/** "Karoline Leavitt (00:00):" — the time code sits between the label and its colon. */
const TIMECODE_LABEL = new RegExp(String.raw`^(?<label>[^:()\n]{1,120}?)\s*${TIMECODE}\s*:`, 'u');
/** "Dmitry Peskov: (09:51)" — the time code opens the text. */
const TIMECODE_REST = new RegExp(String.raw`^\s*${TIMECODE}\s*`, 'u');
/** "ВЛАДИМИР ПУТИН – Добрый вечер": a caps label set off by a dash instead of a colon. */
const DASH_LABEL = /^(?<label>\p{Lu}[\p{Lu}\p{M}.’'-]*(?: \p{Lu}[\p{Lu}\p{M}.’'-]*){0,5}) +[–—-] +/u;
const INITIAL_SURNAME = /^(?<initials>(?:\p{Lu}\.\s?){1,2})(?<surname>\p{Lu}[\p{L}’'-]+)$/u;
/** "Путин В.В.", "Japarov S.": the surname first, as Russian and Kyrgyz official records print it. */
const SURNAME_INITIALS = /^(?<surname>\p{Lu}[\p{L}’'-]+) (?<initials>\p{Lu}\.(?: ?\p{Lu}\.)?)$/u;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}\u2019'.-]*$/u;
const INITIAL = /^\p{Lu}\.$/u;
/** Words of a forum post header that never belong to a speaker's label. */
const FORUM_WORDS = new Set(['avatar', 'avatar’s', "avatar's", 'аватар', 'аватара']);
const PATRONYMIC = /(?:вич|вна|ична|инична)$/u;
/** "Sadyr Nurgozhoevich Japarov": a patronymic transliterated, only to tell it from the first name. */
const LATIN_PATRONYMIC = /(?:vich|vna|ichna)$/iu;

/** Two forms of one label ("В.Путин", "В. Путин"; "MS. LEAVITT", "Ms. Leavitt") compare equal under this key. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').replace(/\.\s+/g, '.').trim();
}

/** The generic role of a speaker, also for a questioner read from Markdown written before `generic` existed. */
export function genericRole(speaker: Speaker): GenericRole | undefined {
  return speaker.generic ?? (speaker.question ? 'question' : undefined);
}

/**
 * Recognises a speaker label at the start of a block: "President of Kyrgyzstan Sadyr Japarov: Members of
 * the press…", "MS. JEAN-PIERRE:", "Q    Thanks", "В.Путин:", "Sergei Ivanov, Minister of Foreign
 * Affairs:", "Speaker 1 (00:00):", "ВЛАДИМИР ПУТИН – …", or a source's own pattern. The label is
 * resolved against the speakers already known and against `context` (the title and the lead), which may
 * name the speaker in full ("В.Путин" → "Владимир Путин" from "…Владимира Путина…"). A sentence with a
 * colon ("I fully concur with Mr Ivanov: today's…") and interface words ("Note:", "Фото:", "Join Date:")
 * are not labels.
 */
export function parseSpeakerLabel(
  text: string,
  known: readonly Speaker[] = [],
  context = '',
  options: LabelOptions = {},
): LabelledBlock | undefined {
  const head = text.slice(0, LABEL_REACH);
  for (const pattern of options.patterns ?? []) {
    const match = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).exec(head);
    const name = match?.groups?.name?.trim();
    if (!match || match.index !== 0 || !name) continue;
    const role = match.groups?.role?.replace(/\s+/gu, ' ').trim();
    const printed = [role, name].filter(Boolean).join(' ');
    const rest = text.slice(match[0].length).trim();
    const generic = genericRoleOf(printed);
    if (generic) return { speaker: genericSpeaker(generic, printed, known, context), label: printed, rest };
    const speaker = knownSpeakerFor(known, name) ?? { name, role: role ?? '' };
    return { speaker, label: printed, rest };
  }
  const bare = BARE_Q.exec(head);
  if (bare) return { speaker: genericSpeaker('question', 'Q', known, context), label: 'Q', rest: text.slice(bare[0].length).trim() };
  // "Q. Minister, …" / "A. We expect …": a newspaper interview's turns. "A." answers only once a question was
  // asked, and neither is read when a name and a colon follow ("A. Lavrentieva: Hello!" is an initial).
  const dotted = DOTTED_QA.exec(head);
  if (dotted?.groups && !/^\p{Lu}[\p{L}\p{M}’'-]*\s*:/u.test(text.slice(dotted[0].length))) {
    const asked = known.some((one) => genericRole(one) === 'question');
    if (dotted.groups.which === 'Q' || asked) {
      const role = dotted.groups.which === 'Q' ? 'question' : 'answer';
      const label = dotted.groups.which!;
      return { speaker: genericSpeaker(role, label, known, context), label, rest: text.slice(dotted[0].length).trim() };
    }
  }

  let printed: string;
  let rest: string;
  let timecode: string | undefined;
  const timed = TIMECODE_LABEL.exec(head);
  const dashed = DASH_LABEL.exec(head);
  if (timed?.groups) {
    printed = timed.groups.label!;
    timecode = timed.groups.time;
    rest = text.slice(timed[0].length);
  } else {
    const colon = head.indexOf(':');
    if (dashed?.groups && (colon < 0 || colon > dashed[0].length))
      return dashLabel(dashed.groups.label!, text.slice(dashed[0].length), known, context);
    if (colon < 1) return undefined;
    printed = head.slice(0, colon);
    rest = text.slice(colon + 1);
    const time = TIMECODE_REST.exec(rest);
    if (time?.groups) {
      timecode = time.groups.time;
      rest = rest.slice(time[0].length);
    }
  }
  rest = rest.trim();
  // Labels may hold no-break spaces when the typography policy keeps them.
  const full = printed.replace(/\s+/gu, ' ').trim();
  // "Article 5: 3 …" lists and times "10:30" are not turns; a time code already said where the text starts.
  if (!timecode && /^\d/.test(rest)) return undefined;
  const withRole = bracketRole(full, rest, known, context);
  if (withRole) return withRole;
  const noteMatch = NOTE.exec(full);
  const label = noteMatch ? full.slice(0, noteMatch.index).trim() : full;
  if (label.length < 1) return undefined;
  const found = findLabel(label, rest, known, context, timecode !== undefined);
  if (!found) return undefined;
  if (noteMatch?.groups) found.note = noteMatch.groups.note!.trim();
  if (timecode) found.timecode = timecode;
  return found;
}

/**
 * "Sadyr Japarov (President of Kyrgyzstan)", "Путин В.В. (Президент России)": a person's name and, in
 * brackets, an office, read as "name, office". Brackets that hold no office word, or speak of
 * interpreting ("(through an interpreter)", "(в переводе)"), are the turn's note and stay one.
 */
function bracketRole(full: string, rest: string, known: readonly Speaker[], context: string): LabelledBlock | undefined {
  const match = BRACKET_ROLE.exec(full);
  const role = match?.groups?.role?.trim();
  if (!match || !role || !/^\p{Lu}/u.test(role) || INTERPRETER_NOTE.test(role) || !role.split(' ').some(isOfficeWord)) return undefined;
  const offices = role.split(/\s*,\s*/u);
  if (offices.length > 3 || !offices.every(isOffice)) return undefined;
  const name = full.slice(0, match.index).trim();
  if (!isPersonName(isAllCaps(name) ? titleCase(name) : name) || name.includes(',')) return undefined;
  const found = findLabel(`${name}, ${role}`, rest, known, context, false);
  return found && found.speaker.role !== '' ? found : undefined;
}

/** A caps label with a dash: only a name of two words or more, or a generic role, so that "NATO – …" stays text. */
function dashLabel(printed: string, rest: string, known: readonly Speaker[], context: string): LabelledBlock | undefined {
  if (!isAllCaps(printed)) return undefined;
  if (!genericRoleOf(printed) && printed.split(' ').length < 2) return undefined;
  return findLabel(printed, rest.trim(), known, context, false);
}

function findLabel(
  printed: string,
  rest: string,
  known: readonly Speaker[],
  context: string,
  numbered: boolean,
): LabelledBlock | undefined {
  const generic = genericRoleOf(printed);
  if (generic) return { speaker: genericSpeaker(generic, printed, known, context), label: printed, rest };
  if (isInterfaceLabel(printed)) return undefined;
  const words = printed.split(' ');
  if (words.length > 14) return undefined;
  // A forum post header run together ("Senior Member Jane Roe's Avatar Join Date"): its last words are a field.
  if (words.length > 1 && (isInterfaceLabel(words.slice(-2).join(' ')) || words.some((word) => FORUM_WORDS.has(bareWord(word)))))
    return undefined;
  // "Share В. Путин": a button's word fused to the label; the caller reports it (labelWordsBeyond).
  if (words.length > 1 && BUTTON_WORDS.has(words[0]!.toLowerCase())) {
    const found = findLabel(words.slice(1).join(' '), rest, known, context, numbered);
    return found && { ...found, label: printed };
  }
  const comma = printed.indexOf(',');
  const speaker =
    comma > 0
      ? commaLabel(printed.slice(0, comma).trim(), printed.slice(comma + 1).trim(), known, context)
      : plainLabel(printed, known, context, numbered);
  return speaker && { speaker, label: printed, rest };
}

/** "Sergei Ivanov, Minister of Foreign Affairs" (name, office) or "Director of the Club, moderator Ivan Petrov" (office, name). */
function commaLabel(left: string, right: string, known: readonly Speaker[], context: string): Speaker | undefined {
  const office = right.replace(/^(?:the|a)\s+/iu, '');
  // "Павел Турдубаев, Программный директор клуба, модератор": an office may have commas of its own.
  const offices = office.split(/\s*,\s*/u);
  if (offices.length > 3) return undefined;
  if (isPersonName(left) && offices.every(isOffice)) {
    const name = isAllCaps(left) ? titleCase(left) : left;
    const role = isAllCaps(office) ? titleCase(office) : office;
    const knownSpeaker = knownSpeakerFor(known, name);
    if (knownSpeaker) {
      if (!knownSpeaker.role) knownSpeaker.role = role;
      return knownSpeaker;
    }
    return { name, role };
  }
  if (!isOffice(left) || offices.length > 1) return undefined;
  const speaker = plainLabel(`${left} ${right}`, known, context, false);
  // The comma stays in the office as printed: "Research Director of the Club, moderator".
  const head = isAllCaps(`${left} ${right}`) ? titleCase(left) : left;
  if (speaker && speaker.role.startsWith(`${head} `)) speaker.role = `${head},${speaker.role.slice(head.length)}`;
  return speaker;
}

/** Two to four capitalised words that are not words of an office or a sentence, or an initials form. */
function isPersonName(text: string): boolean {
  if (INITIAL_SURNAME.test(text)) return true;
  const words = text.split(' ');
  if (words.length < 2 || words.length > 4) return false;
  return words.every(
    (word, index) =>
      (NAME_WORD.test(word) || (index > 0 && index < words.length - 1 && NAME_PARTICLES.has(word))) &&
      !isOfficeWord(word) &&
      !SENTENCE_WORDS.has(bareWord(word)),
  );
}

/** An office as printed after a name: up to twelve words, the first a letter, none that starts a sentence. */
function isOffice(text: string): boolean {
  const words = text.split(' ');
  if (words.length === 0 || words.length > 12 || !/^\p{L}/u.test(text)) return false;
  if (/[.!?;]\s/u.test(text) || /\d/u.test(text)) return false;
  return words.every((word) => CONNECTORS.has(word.toLowerCase()) || !SENTENCE_WORDS.has(bareWord(word)));
}

function plainLabel(printed: string, known: readonly Speaker[], context: string, numbered: boolean): Speaker | undefined {
  let words = printed.split(' ');
  // "Speaker 1 (00:00)": a number ends the label only with a transcription service's time code.
  const number = numbered && words.length > 1 && /^\d{1,3}$/.test(words.at(-1)!) ? words.at(-1) : undefined;
  if (number) words = words.slice(0, -1);
  const label = isAllCaps(words.join(' ')) ? titleCase(words.join(' ')) : words.join(' ');
  if (!acceptableWords(label.split(' '))) return undefined;
  if (number) return known.find((one) => labelKey(one.name) === labelKey(`${label} ${number}`)) ?? { name: `${label} ${number}`, role: '' };

  const knownSpeaker = knownSpeakerFor(known, label);
  if (knownSpeaker) {
    upgradeName(knownSpeaker, label, context);
    return knownSpeaker;
  }
  const labelWords = label.split(' ');
  // "THE PRESIDENT", "Spokesman": an office with no name; the title, the lead or an earlier label may say who holds it.
  const office = labelWords[0] === 'The' ? labelWords.slice(1) : labelWords;
  if (
    office.length > 0 &&
    office.every((word) => ROLE_WORDS.has(bareWord(word)) || CONNECTORS.has(word)) &&
    !HONORIFICS.has(bareWord(office[0]!))
  )
    return holderOf(office.join(' '), known, context) ?? { name: label, role: '' };
  const split = splitLabel(labelWords);
  const fromContext = nameFromContext(split.name, context);
  if (fromContext) return { name: fromContext.name, role: split.role || fromContext.role };
  return split;
}

/**
 * Whether the words can make a label: capitalised words, connectors, office words; lower-case words of
 * a Cyrillic office ("Министр иностранных дел") when the label starts with a capital; never a word that
 * starts a sentence ("I", "With", "Я", "С"). The label ends with a capitalised word.
 */
function acceptableWords(words: readonly string[]): boolean {
  if (words.length === 0 || !NAME_WORD.test(words.at(-1)!)) return false;
  if (!/^\p{Lu}/u.test(words[0]!)) return false;
  const cyrillic = isCyrillic(words.join(' '));
  return words.every((word, index) => {
    const bare = bareWord(word);
    if (CONNECTORS.has(word) || INITIAL.test(word)) return true;
    if (SENTENCE_WORDS.has(bare) && !ROLE_WORDS.has(bare)) return false;
    if (NAME_WORD.test(word)) return true;
    if (ROLE_WORDS.has(bare)) return true;
    // Lower-case words belong to an office: after its head in Russian ("Министр иностранных дел"), before
    // it in Kyrgyz ("Тышкы иштер министри"); "Поддерживаю коллегу министром …" has neither.
    return (
      cyrillic &&
      /^\p{Ll}[\p{L}-]*$/u.test(word) &&
      (words.slice(0, index).some(isOfficeWord) || words.slice(index + 1).some((later) => ROLE_WORDS.has(bareWord(later))))
    );
  });
}

function isInterfaceLabel(printed: string): boolean {
  const key = printed.toLowerCase().replace(/\s+/gu, ' ').replace(/\.$/u, '').trim();
  // "Home Politics Society Economy Share:": a menu run into one line ends in a colon but names nobody.
  // One button word before a name ("Share В. Путин") is reported by labelWordsBeyond; two or more are a menu.
  const interfaceWords = printed.split(/\s+/u).filter((word) => isInterfaceWord(word.replace(/[^\p{L}-]/gu, ''))).length;
  return INTERFACE_LABELS.has(key) || (interfaceWords >= 2 && featuresOf(printed).interfaceShare >= 0.4);
}

/** The one speaker of a generic role in a document; an answer is the interviewee when only one person can be meant. */
function genericSpeaker(role: GenericRole, printed: string, known: readonly Speaker[], context: string): Speaker {
  if (role === 'answer') {
    const persons = known.filter((one) => !genericRole(one));
    if (persons.length === 1) return persons[0]!;
    if (persons.length === 0) {
      const [title = '', ...lead] = context.split('\n');
      const named = speakerFromText(title, lead, '');
      if (named) return named;
    }
  }
  const existing = known.find((one) => genericRole(one) === role);
  if (existing) return existing;
  const name = printed.length > 1 && isAllCaps(printed) ? titleCase(printed) : printed;
  return role === 'question' ? { name, role: '', question: true, generic: role } : { name, role: '', generic: role };
}

/** "The President" when the title or an earlier label names the president: "Remarks by President Jane Roe". */
function holderOf(office: string, known: readonly Speaker[], context: string): Speaker | undefined {
  const officeKey = office.toLowerCase();
  const holders = known.filter((one) => !genericRole(one) && one.role.toLowerCase().endsWith(officeKey));
  if (holders.length === 1) return holders[0];
  const tokens = tokenize(context);
  const head = officeKey.split(' ').at(-1);
  for (let index = 0; index < tokens.length; index += 1) {
    if (tokens[index]!.toLowerCase() !== head) continue;
    // "President Jane Roe" or "Jane Roe, Spokesman for …".
    for (const [first, last] of [tokens.slice(index + 1, index + 3), tokens.slice(Math.max(0, index - 2), index)])
      if (first && last && isPersonName(`${first} ${last}`)) return { name: `${first} ${last}`, role: office };
  }
  return undefined;
}

/**
 * The known speaker a label names. "Путин В.В." is one only when exactly one known person has that
 * surname and those initials: between two candidates it stays a speaker of its own, never a guess.
 */
function knownSpeakerFor(known: readonly Speaker[], label: string): Speaker | undefined {
  const persons = known.filter((one) => !genericRole(one));
  const text = isAllCaps(label) ? titleCase(label) : label;
  if (SURNAME_INITIALS.test(text) && !persons.some((one) => labelKey(one.name) === labelKey(text))) {
    const matches = persons.filter((one) => sameSpeaker(one, text));
    return matches.length === 1 ? matches[0] : undefined;
  }
  return persons.find((one) => sameSpeaker(one, label));
}

/** Whether a label names a speaker already known: full label, name, surname, "В.Путин", "Ms. Whitfield", "Role В. Путин". */
export function sameSpeaker(speaker: Speaker, label: string): boolean {
  const text = isAllCaps(label) ? titleCase(label) : label;
  if (nameForm(speaker, text)) return true;
  const key = labelKey(text);
  if (key === labelKey(`${speaker.role} ${speaker.name}`)) return true;
  const words = text.split(/\s+/u);
  if (words.length < 2) return false;
  const split = splitLabel(words);
  return split.role !== '' && nameForm(speaker, split.name);
}

/** Whether `label` is a form of the speaker's name alone. */
function nameForm(speaker: Speaker, label: string): boolean {
  const key = labelKey(label);
  const name = labelKey(speaker.name);
  if (key === name) return true;
  const parts = speaker.name.split(/\s+/u);
  const words = label.split(/\s+/u);
  const initialForm = INITIAL_SURNAME.exec(label.replace(/\s+/gu, ' '))?.groups;
  if (parts.length < 2) {
    // A speaker registered by initials ("В.Путин") is the same as the full form printed later ("Владимир Путин").
    const registered = INITIAL_SURNAME.exec(speaker.name)?.groups;
    // A speaker first seen by surname alone ("Бекмуратов") is the one later printed with an initial.
    if (!registered) return initialForm !== undefined && initialForm.surname!.toLowerCase() === name;
    const surname = registered.surname!.toLowerCase();
    if (initialForm)
      return initialForm.surname!.toLowerCase() === surname && initialsOf(initialForm.initials!) === initialsOf(registered.initials!);
    if (words.length === 1) return key === surname;
    return words.length === 2 && words[1]!.toLowerCase() === surname && words[0]![0]!.toLowerCase() === initialsOf(registered.initials!)[0];
  }
  const reversed = SURNAME_INITIALS.exec(label.replace(/\s+/gu, ' ').trim())?.groups;
  if (reversed) return initialsMatch(parts, reversed.surname!, initialsOf(reversed.initials!));
  const surname = parts.at(-1)!.toLowerCase();
  if (initialForm)
    return initialForm.surname!.toLowerCase() === surname && initialsOf(initialForm.initials!)[0] === parts[0]![0]!.toLowerCase();
  if (words.length === 1) return key === surname;
  return words.length === 2 && HONORIFICS.has(bareWord(words[0]!)) && words[1]!.toLowerCase() === surname;
}

/**
 * A speaker first seen as "В.Путин" or "Путин" takes the full name when a later label prints it
 * ("Владимир Путин") or when the lead names the person a later initials label points at.
 */
function upgradeName(speaker: Speaker, label: string, context: string): void {
  const words = label.split(' ');
  const partial = INITIAL_SURNAME.test(speaker.name) || !speaker.name.includes(' ');
  if (!partial) return;
  if (!INITIAL_SURNAME.test(label) && words.length === 2 && isPersonName(label)) speaker.name = label;
  else if (INITIAL_SURNAME.test(label)) {
    const full = nameFromContext(label, context);
    if (full) {
      speaker.name = full.name;
      if (!speaker.role) speaker.role = full.role;
    }
  }
}

/**
 * Whether "Путин В.В." fits a full name printed in either order ("Владимир Владимирович Путин", "Жапаров
 * Садыр Нургожоевич", "Sadyr Japarov"): the surname is one of its words, the first initial opens the
 * first name, and a patronymic's initial, when the label gives one, opens the patronymic if the name has one.
 */
function initialsMatch(parts: readonly string[], surname: string, initials: string): boolean {
  const at = parts.findIndex((part) => part.toLowerCase() === surname.toLowerCase());
  if (at < 0) return false;
  const others = parts.filter((_, index) => index !== at);
  const patronymic =
    others.length > 1 ? others.find((part) => PATRONYMIC.test(part.toLowerCase()) || LATIN_PATRONYMIC.test(part)) : undefined;
  const given = others.filter((part) => part !== patronymic);
  if (given.length !== 1) return false;
  if (given[0]![0]!.toLowerCase() !== initials[0]) return false;
  return initials.length < 2 || !patronymic || patronymic[0]!.toLowerCase() === initials[1];
}

function initialsOf(initials: string): string {
  return initials.replace(/[\s.]/gu, '').toLowerCase();
}

/**
 * Words of a printed label that a known speaker's name and role do not hold ("Share" in "Share В. Путин"
 * read as В.Путин): the turn prints the speaker's canonical form, so these words would vanish unsaid.
 * Initials and honorifics ("В.", "Ms.") are forms of the name, not extra words; a generic label read as
 * the interviewee ("Answer") is the turn's role, not a word of the name.
 */
export function labelWordsBeyond(speaker: Speaker, label: string): string[] {
  if (genericRoleOf(label)) return [];
  const words = (text: string) => text.split(/[\s.,;]+/u).filter((word) => /\p{L}{2}/u.test(word));
  if (genericRole(speaker)) {
    // "Share Question": the generic role is the label's end, what comes before it is beyond.
    const printed = label.split(' ');
    const end = printed.findIndex((_, index) => genericRoleOf(printed.slice(index).join(' ')));
    return end > 0 ? words(printed.slice(0, end).join(' ')) : words(label);
  }
  const known = new Set(words(`${speaker.role} ${speaker.name}`).map((word) => word.toLowerCase()));
  return words(label).filter((word) => !known.has(word.toLowerCase()) && !HONORIFICS.has(bareWord(word)));
}

/**
 * A name printed in a label ("В.Путин", "Ms. Whitfield", "Peskov") in full, as the title or the lead
 * print it ("…Владимира Путина…" → "Владимир Путин"; "Press Secretary Dana Whitfield"), with the office
 * when the lead prints it in the nominative. Undefined unless exactly one person fits.
 */
function nameFromContext(name: string, context: string): Speaker | undefined {
  if (!context) return undefined;
  const words = name.split(' ');
  let initial: string | undefined;
  let surname: string;
  const initials = INITIAL_SURNAME.exec(name)?.groups;
  if (initials) {
    initial = initialsOf(initials.initials!)[0];
    surname = initials.surname!;
  } else if (words.length === 2 && HONORIFICS.has(bareWord(words[0]!))) surname = words[1]!;
  else if (words.length === 1) surname = words[0]!;
  else return undefined;

  const found = new Map<string, Speaker>();
  for (const line of context.split('\n')) {
    const tokens = tokenize(line);
    for (let index = 1; index < tokens.length; index += 1) {
      const [first, last] = [tokens[index - 1]!, tokens[index]!];
      if (!NAME_WORD.test(first) || INITIAL.test(first) || ROLE_WORDS.has(bareWord(first)) || HONORIFICS.has(bareWord(first))) continue;
      const match = matchSurname(last, surname);
      if (!match || (initial && first[0]!.toLowerCase() !== initial)) continue;
      // The label prints the surname in the nominative; the lead's case form gives the first name's case.
      const given = nominativeFirstName(first, match);
      const role = match.ending === '' ? roleBefore(tokens, index - 1) : '';
      found.set(labelKey(`${given} ${surname}`), { name: `${given} ${surname}`, role });
    }
  }
  if (found.size !== 1) return undefined;
  return [...found.values()][0];
}

/** The capitalised office printed right before a name in the title or lead ("President of Russia", "Press Secretary"). */
/** Connectors inside an office printed in running text ("Prime Minister of Japan"); "and" joins two people. */
const OFFICE_CONNECTORS = new Set(['of', 'the', 'for', 'to']);

function roleBefore(tokens: readonly string[], nameIndex: number): string {
  let start = nameIndex;
  while (start > 0 && nameIndex - start < 8) {
    const word = tokens[start - 1]!;
    if (NAME_WORD.test(word) && !SENTENCE_WORDS.has(bareWord(word))) start -= 1;
    else if (OFFICE_CONNECTORS.has(word) && start - 2 >= 0 && NAME_WORD.test(tokens[start - 2]!)) start -= 1;
    else break;
  }
  // "talks between Andrei Volkov and Prime Minister of Japan Kenji Mori": the office starts at an office word.
  while (start < nameIndex && !isOfficeWord(tokens[start]!)) start += 1;
  const role = tokens.slice(start, nameIndex);
  // A Cyrillic office in running text is declined ("Президента России"); only the nominative at a line's start is taken.
  if (role.length > 0 && isCyrillic(role.join(' ')) && start !== 0) return '';
  return role.join(' ');
}

function tokenize(text: string): string[] {
  return text
    .slice(0, 4000)
    .split(/[\s,;:()«»"“”„!?]+|\.(?=\s|$)/u)
    .filter(Boolean);
}

/**
 * Office and name: names are the trailing words — "А.Волков", "А. Волков", at most two capitalised words
 * after an office ("President of Russia Vladimir Putin", "Press Secretary Jane Roe"), or the whole label
 * when it has no office word ("Mary Ann Smith"), or none when it is all office ("Senior Administration
 * Official").
 */
function splitLabel(words: string[]): Speaker {
  const label = words.join(' ');
  const last = words.at(-1)!;
  let nameLength: number;
  if (INITIAL_SURNAME.test(last)) nameLength = 1;
  else if (words.length >= 2 && INITIAL_SURNAME.test(words.slice(-2).join(' '))) nameLength = 2;
  else if (HONORIFICS.has(bareWord(words[0]!))) nameLength = words.length;
  else {
    let tail = 0;
    while (tail < words.length) {
      const word = words[words.length - 1 - tail]!;
      const bare = bareWord(word);
      const particle = NAME_PARTICLES.has(word) && tail > 0 && tail < words.length - 1;
      if (particle || (NAME_WORD.test(word) && !ROLE_WORDS.has(bare) && !CONNECTORS.has(bare))) tail += 1;
      else break;
    }
    if (tail === 0) nameLength = 0;
    else {
      // "President of Russia Vladimir Putin", "Президент России Владимир Путин", "Farmer Ivan Ledov": an office's
      // last words are capitalised too, so a name is two words — three with a patronymic or a particle.
      const particles = words.slice(words.length - tail).filter((word) => NAME_PARTICLES.has(word)).length;
      const patronymic = tail >= 3 && PATRONYMIC.test(words.at(-2)!) ? 1 : 0;
      nameLength = Math.min(tail, 2 + particles + patronymic);
      // "Ташиев Камчыбек Кыдыршаевич": a label of three names ending in the patronymic is a name printed
      // surname first, as Russian and Kyrgyz official lists print it; an office never ends in a patronymic.
      if (words.length === 3 && tail === 3 && PATRONYMIC.test(last) && !PATRONYMIC.test(words[1]!)) nameLength = 3;
      // "Governor of the Northern Region": two capitalised words right after "of the" are the office's object.
      if (tail <= 2 && tail < words.length && CONNECTORS.has(words[words.length - tail - 1]!.toLowerCase())) nameLength = 0;
    }
  }
  if (nameLength === 0) return { name: label, role: '' };
  return { name: words.slice(words.length - nameLength).join(' '), role: words.slice(0, words.length - nameLength).join(' ') };
}

function bareWord(word: string): string {
  return word.toLowerCase().replace(/\.$/u, '');
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
 * Adds a speaker to the registry unless one with the same name (or the same generic role) is there
 * already; the first form seen is the canonical one, and a role learnt later fills an empty one.
 */
export function registerSpeaker(speakers: Speaker[], speaker: Speaker): Speaker {
  const generic = genericRole(speaker);
  const existing = speakers.find((known) =>
    generic ? genericRole(known) === generic : !genericRole(known) && labelKey(known.name) === labelKey(speaker.name),
  );
  if (existing) {
    if (!existing.role && speaker.role) existing.role = speaker.role;
    return existing;
  }
  speakers.push(speaker);
  return speaker;
}

const ASKER =
  /^(?:(?:[Gg]ood (?:morning|afternoon|evening)|[Hh]ello|[Зз]дравствуйте|[Дд]обрый (?:день|вечер)|[Сс]аламатсызбы)[,.!]?\s+)?(?<name>\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+){1,2}),\s+(?<outlet>[\p{Lu}«“"][^.?!]{1,60}?)[.!](?:\s|$)/u;
const NOT_A_NAME = /^(?:mr|ms|mrs|dear|господин|уважаемый|уважаемая|урматтуу)\b|\b(?:president|президент|министр|minister)\b/iu;

/** "Ilya Dornov, Polar Radio. When will…" (or the introduction alone, its question in the next paragraph): a journalist who names themself opens the question with name and outlet. */
export function findAsker(text: string): { name: string; outlet: string } | undefined {
  const groups = ASKER.exec(text)?.groups;
  if (!groups || NOT_A_NAME.test(groups.name!)) return undefined;
  return { name: groups.name!, outlet: groups.outlet!.trim() };
}
