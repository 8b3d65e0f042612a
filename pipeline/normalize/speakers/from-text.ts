import type { Speaker } from '../../types.ts';
import { nominativeFirstName, nominativeSurname } from './inflection.ts';
import { CONNECTORS, isOfficeWord, NAME_PARTICLES, ROLE_WORDS, SENTENCE_WORDS } from './lexicon.ts';

/** Titles and leads are short; a 1 MB line is not scanned past this. */
const REACH = 300;
const CAPITAL = /^\p{Lu}[\p{L}\p{M}’'.-]*$/u;
const OFFICE_CONNECTORS = new Set(['of', 'the', 'and', 'for', 'to']);

/** "Speech by Prime Minister Jane Roe at …", "Remarks as delivered by …", "Jane Roe’s statement on …". */
const EN_TITLE =
  /^(?:(?:keynote|opening|closing|welcoming|welcome|video|televised|press|joint|official|full|new year)\s+)?(?:speech|speeches|remarks|address|statement|lecture|message|toast|briefing|keynote|interview|statements)(?:\s+(?:as delivered|as prepared for delivery|delivered))?\s+(?:by|of|from|with|given by)\s+(?<who>.+)$/iu;
const EN_POSSESSIVE =
  /^(?<who>\p{Lu}[\p{L}’'.-]+(?: \p{Lu}[\p{L}’'.-]+){1,3})[’']s\s+(?:speech|remarks|address|statement|lecture|message|interview)\b/u;
/** "Below is the text of the speech made by Jane Roe, the Home Secretary, on 24 July 2018." */
const EN_LEAD =
  /\b(?:speech|statement|remarks|address|lecture|briefing|press conference|news conference)\s+(?:(?:made|given|delivered|held)\s+)?by\s+(?<who>[^.;!?]{3,200})/iu;
/**
 * A lead sentence whose subject is the speaker: "Governor Jane Roe addressed the forum.", "Председатель
 * … Лев Петров выступил перед …", "… Асан Усенов форумдун катышуучуларына кайрылды." The subject is the
 * capitalised run at the sentence's start (Cyrillic offices may hold lower-case words).
 */
const SUBJECT_VERB = [
  /^(?<who>[^.;!?]{3,200}?)\s+(?:addressed|spoke (?:to|at|before)|(?:delivered|gave|made) (?:a|an|the|his|her) (?:speech|address|statement|keynote))(?=$|[\s.,;:!?])/u,
  /^(?<who>[^.;!?]{3,200}?)\s+(?:выступил|выступила|обратился|обратилась|произн[её]с речь|произнесла речь|сделал заявление|сделала заявление)(?=$|[\s.,;:!?])/u,
  /^(?<who>[^.;!?]{3,200}?)\s+(?:кайрылды|сөз сүйлөдү|билдирүү жасады|кайрылуу жасады)(?=$|[\s.,;:!?])/u,
];
/** "Выступление Министра иностранных дел Ивана Петрова на …", "Обращение Президента …". */
const RU_TITLE =
  /^(?:выступление|обращение|заявление|речь|слово|послание|доклад|приветствие|приветственное слово|вступительное слово|заключительное слово|интервью)\s+(?<who>.+)$/iu;
/** "Кыргыз Республикасынын Президенти Асан Усеновдун Элге кайрылуусу", "… Асан Усеновдун сөзү". */
const KY_TITLE =
  /^(?<who>[^\n]{3,200}?(?:дун|дын|тун|тын|нун|нын|дүн|түн|нүн|дин|тин|нин))\s+(?:\S+\s+){0,3}?(?:сөзү|билдирүүсү|кайрылуусу|баяндамасы|куттуктоосу|маеги|интервьюсу)(?=$|[\s.,:;!?])/iu;

/**
 * The speaker a speech page names when its text carries no labels: the whole text is one turn of this
 * person. From the title ("Speech by Prime Minister Jane Roe at the Summit", "Address by the President
 * of X, John Doe", "Выступление Министра … Ивана Петрова", "… Асан Усеновдун сөзү") or a lead formula
 * ("Below is the text of the speech made by Jane Roe, the Home Secretary, on …"). Undefined unless a
 * person's name (two capitalised words that are not an office) is printed.
 */
export function speakerFromText(title: string, lead: readonly string[], lang: string): Speaker | undefined {
  void lang; // every language's forms are tried: a page's title is not always in the document's language
  const head = title
    .slice(0, 2 * REACH)
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, REACH);
  const en = EN_TITLE.exec(head)?.groups?.who ?? EN_POSSESSIVE.exec(head)?.groups?.who;
  if (en) {
    const speaker = personIn(en, false, false);
    if (speaker) return speaker;
  }
  const ru = RU_TITLE.exec(head)?.groups?.who;
  if (ru) {
    const speaker = personIn(ru, true, true);
    if (speaker) return speaker;
  }
  const ky = KY_TITLE.exec(head)?.groups?.who;
  if (ky) {
    // Kyrgyz declines only the last word, and its offices are printed in the nominative.
    const speaker = personIn(ky.replace(/(?:дун|дын|тун|тын|нун|нын|дүн|түн|нүн|дин|тин|нин)$/u, ''), true, false);
    if (speaker) return speaker;
  }
  // A headline built as a sentence ("Президент Айбек Токтосунов эл алдында сөз сүйлөдү") names its subject first.
  for (const pattern of SUBJECT_VERB) {
    const subject = pattern.exec(head)?.groups?.who;
    const named = subject && personIn(subject, /\p{Script=Cyrillic}/u.test(subject), false);
    if (named) return named;
  }
  for (const paragraph of lead.slice(0, 3)) {
    const text = paragraph
      .slice(0, 2 * REACH)
      .replace(/\s+/gu, ' ')
      .trim()
      .slice(0, REACH);
    const who = EN_LEAD.exec(text)?.groups?.who;
    const speaker = who && personIn(who, false, false);
    if (speaker) return speaker;
    for (const pattern of SUBJECT_VERB) {
      const subject = pattern.exec(text)?.groups?.who;
      // The subject is printed in the nominative: no case endings to undo.
      const named = subject && personIn(subject, /\p{Script=Cyrillic}/u.test(subject), false);
      if (named) return named;
    }
  }
  return undefined;
}

/**
 * The person in "Prime Minister Jane Roe at the Summit", "the President of X, John Doe", "Jane Roe, the
 * Home Secretary, on 24 July": comma-separated parts are name and office in either order; otherwise the
 * last two capitalised words of the first run of capitalised words are the name, what comes before the
 * office.
 */
function personIn(text: string, cyrillic: boolean, declined: boolean): Speaker | undefined {
  const parts = text.split(/\s*,\s*/u).map((part) => part.trim());
  if (parts.length >= 2) {
    const [first, second] = [run(parts[0]!, cyrillic), run(parts[1]!, cyrillic)];
    if (first && second && first.name && !first.role && !second.name) return finish({ name: first.name, role: second.role }, declined);
    if (first && second && !first.name && second.name && !second.role) return finish({ name: second.name, role: first.role }, declined);
    // "Research Director of the Club, moderator Nurlan Varenov": the person closes the phrase, with the last office.
    if (first && second?.name && second.role)
      return finish({ name: second.name, role: `${parts[0]!.replace(/^(?:the|a|an)\s+/iu, '')}, ${second.role}` }, declined);
  }
  const whole = run(parts[0]!, cyrillic);
  return whole?.name ? finish(whole, declined) : undefined;
}

/** Office words and the name in the leading run of a title's noun phrase; lower-case words end it (Russian offices may hold some). */
function run(text: string, cyrillic: boolean): { name: string; role: string } | undefined {
  const words = text.replace(/^(?:the|a|an)\s+/iu, '').split(/\s+/u);
  const taken: string[] = [];
  for (const word of words) {
    const bare = word.toLowerCase().replace(/\.$/u, '');
    if (CAPITAL.test(word) && !SENTENCE_WORDS.has(bare)) taken.push(word);
    else if (/^\p{Ll}[\p{L}-]*$/u.test(word) && ROLE_WORDS.has(bare) && !nameAt(taken)) taken.push(word);
    // "President of X Jane Roe", but "Minister Jane Roe to Channel Five": a connector after a name ends the run.
    else if (NAME_PARTICLES.has(bare) && taken.length > 0) taken.push(word);
    else if (OFFICE_CONNECTORS.has(bare) && taken.length > 0 && !nameAt(taken)) taken.push(word);
    // Cyrillic offices: "Жогорку Кеңештин төрагасы", "Помощник Президента по международным делам", "Посол России в Китае".
    else if (cyrillic && /^\p{Ll}[\p{L}-]*$/u.test(word) && isOfficeWord(word)) taken.push(word);
    else if (cyrillic && CONNECTORS.has(bare) && taken.some(isOfficeWord) && !nameAt(taken)) taken.push(word);
    else if (cyrillic && /^\p{Ll}[\p{L}-]*$/u.test(word) && !SENTENCE_WORDS.has(bare) && !nameAt(taken)) taken.push(word);
    else break;
  }
  while (taken.length > 0 && !CAPITAL.test(taken.at(-1)!)) taken.pop();
  if (taken.length === 0) return undefined;
  // "Governor of the Northern Region": capitalised words right after "of the" are the office's, not a name.
  if (nameAt(taken) && !(taken.length >= 3 && OFFICE_CONNECTORS.has(taken.at(-3)!.toLowerCase()))) {
    const particles = taken.slice(-4, -1).filter((word) => NAME_PARTICLES.has(word)).length;
    const length = 2 + particles;
    return { name: taken.slice(-length).join(' '), role: taken.slice(0, -length).join(' ') };
  }
  return { name: '', role: taken.join(' ') };
}

/** Whether the words end with a name: two capitalised words that are not office words. */
function nameAt(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  return words
    .slice(-2)
    .every((word) => CAPITAL.test(word) && !ROLE_WORDS.has(word.toLowerCase().replace(/\.$/u, '')) && !/\.$/u.test(word));
}

/** A Russian title prints name and office in the genitive: back to the nominative, best effort. */
function finish(speaker: { name: string; role: string }, declined: boolean): Speaker {
  if (!declined) return speaker;
  const [first = '', ...rest] = speaker.name.split(' ');
  const surname = rest.join(' ');
  const feminine = /(?:[^аеиоуыэюяьй]ы|ии|[гкхжшчщ]и)$/u.test(first);
  const masculine = /(?:[^аеиоуыэюяьй]а|[еиа]я|[^аеиоуыэюяьй]я)$/u.test(first);
  if (!feminine && !masculine) return speaker;
  const name = `${nominativeFirstName(first, { ending: feminine ? 'ой' : 'а', kyrgyz: false })} ${nominativeSurname(surname, feminine)}`;
  const [head = '', ...tail] = speaker.role.split(' ');
  const role = head
    ? [
        head
          .replace(/([^аеиоуыэюяьй])я$/u, '$1ь')
          .replace(/([^аеиоуыэюяьй])а$/u, '$1')
          .replace(/([^аеиоуыэюяьй])ы$/u, '$1а'),
        ...tail,
      ].join(' ')
    : '';
  return { name, role };
}

/** Honorifics and post-nominals that mark a person among the organisations of a "From:" line. */
const PERSON_MARK = /\b(?:the\s+)?(?:rt\.?\s+hon\.?|right\s+honourable|sir|dame|lord|baroness|baron)\b|\b(?:MP|MEP|MSP|KC|QC)\b/iu;

/**
 * The person a speech page's "From:" line names beside the departments ("From: HM Treasury and The Rt Hon
 * Jane Roe MP"): a part marked as a person by an honorific or a post-nominal, stripped of both.
 */
export function speakerFromByline(line: string): Speaker | undefined {
  const value = /^from\s*:\s*(?<value>.{3,300})$/iu.exec(line.replace(/\s+/gu, ' ').trim())?.groups?.value;
  if (!value) return undefined;
  const people = value
    .split(/\s*(?:,|;|\band\b)\s*/u)
    .filter((part) => PERSON_MARK.test(part))
    .map((part) =>
      part
        .replace(/^(?:the\s+)?(?:rt\.?\s+hon\.?|right\s+honourable)\s+/iu, '')
        .replace(/^(?:sir|dame|lord|baroness|baron)\s+/iu, '')
        .replace(/(?:\s+(?:MP|MEP|MSP|KC|QC|CBE|OBE|MBE))+$/u, '')
        .trim(),
    )
    .filter((name) => /^\p{Lu}[\p{L}’'.-]+(?: \p{Lu}[\p{L}’'.-]+){1,3}$/u.test(name));
  return people.length === 1 ? { name: people[0]!, role: '' } : undefined;
}
