/**
 * Lines that site and forum templates print around a transcript, in en, ru and ky. Only whole short lines
 * match: a speaker who says "Print" inside a sentence is never touched.
 */
const CHROME_LINES: readonly RegExp[] = [
  /^(?:print(?:er-friendly version)*|share|text version|send by e-?mail|download|tweet|reply|quote|post|menu|subscribe)$/i,
  /^(?:версия для печати|распечатать|поделиться|текстовая версия|печать|ответить|цитата|подписаться|меню)$/i,
  /^(?:басып чыгаруу|бөлүшүү:?|жазылуу|линктер|меню|текст түрүндө)$/i,
  /^(?:persons|geography|topics|tags|персоны|география|темы|теги|тэгдер|теманы):.{0,300}$/i,
  /^(?:join date|posts|blog entries|location|thanks|likes|reactions|messages):\s*.{0,40}$/i,
  /^(?:senior|junior|new|active|valued)? ?member$/i,
  /^join [\d,. ]+ other (?:followers|subscribers)$/i,
  /^.{1,60}['’]s avatar$/i,
  /^(?:old\s+)?\p{L}+ \d{1,2}(?:st|nd|rd|th)?, \d{4}(?:, \d{1,2}:\d{2}(?: [AP]M)?)? ?#\d+$/iu,
  /^(?:related (?:links|materials|news)|see also|читайте также|смотрите также|связанные материалы|окшош жаңылыктар)$/i,
  /^(?:view settings|font size:|site colours:|images|settings|настройки отображения|размер шрифта:|цвета сайта:|изображения|настройки)$/i,
  /^(?:audio|video) (?:part \d+ )?(?:mp3|mp4)(?: \(\d+ ?[kmg]b\))?$/i,
  /^\S.{0,80}\s\/$/,
];

export function isChromeLine(text: string): boolean {
  return text.length <= 320 && CHROME_LINES.some((pattern) => pattern.test(text));
}

const SOURCE_LINE =
  /^(?:the source of information|source|original|источник|ссылка на новость|оригинал|булак)\s*(?:[-–—:]|:\s*[-–—])\s*<?(?<url>https?:\/\/[^\s<>]+)>?$/i;

/** "The source of information - http://…": the repost's origin, kept as the document's source URL. */
export function parseSourceLine(text: string): string | undefined {
  return SOURCE_LINE.exec(text)?.groups?.url;
}

const STAGE_WORDS =
  /^(?:laughter|applause|inaudible|crosstalk|cross-talk|pause|break|music|audio|end|as translated|in english|in russian|смех|аплодисменты|неразборчиво|пауза|как переведено|по-русски|по-английски|күлкү|кол чабуулар|дүркүрөгөн кол чабуулар|угулбайт|которулгандай)(?!\p{L})/iu;

/** "(Laughter.)", "(Смех.)", "(Applause and laughter.)", "(Press Office aide sneezes.)": a whole block in parentheses. */
export function isStageDirection(text: string, strict = false): boolean {
  const match = /^\((?<inner>[^()]{1,120})\)\.?$/.exec(text);
  if (!match?.groups) return false;
  const inner = match.groups.inner!.trim();
  return STAGE_WORDS.test(inner) || (!strict && /^\p{Lu}/u.test(inner) && /\.$/.test(inner) && inner.split(' ').length <= 12);
}

/**
 * "[Applause]", "[inaudible]", "[Кол чабуулар]": a transcriber's note in square brackets holding the known
 * words, which may be cut off the start or end of a paragraph as a parenthesised direction is. Square
 * brackets stay the editor's (an editorial insertion, as a whole bracketed block is); "[sic]" and "[to the
 * Federal Assembly]" hold none of the words and stay in the sentence.
 */
function isBracketedNote(text: string): boolean {
  const inner = /^\[(?<inner>[^[\]]{1,120})\]\.?$/.exec(text)?.groups?.inner;
  return inner !== undefined && STAGE_WORDS.test(inner.trim());
}

/** What a paragraph's edge may hold apart from its sentences: a stage direction, or a bracketed note. */
function edgeNote(text: string): 'stage' | 'editorial' | undefined {
  if (isStageDirection(text, true)) return 'stage';
  return isBracketedNote(text) ? 'editorial' : undefined;
}

const DIRECTION = String.raw`(?:\([^()]{1,120}\)|\[[^[\]]{1,120}\])\.?`;
const TRAILING_DIRECTION = new RegExp(String.raw`^(?<body>.*?[.!?\u2026\u00bb\u201d])\s+(?<stage>${DIRECTION})$`, 'su');
const LEADING_DIRECTION = new RegExp(String.raw`^(?<stage>${DIRECTION})\s+(?<body>\p{Lu}.*)$`, 'su');

/**
 * "Good evening. (Applause.)" → the speech and the stage direction after it; "(Laughter.) Thank you." the
 * same the other way round; "Thank you. [Applause]" → the speech and an editorial insertion. Only the known
 * words ("Laughter", "Смех", "Күлкү" …) are split off a sentence: "(Can everyone hear me all right?)" is the
 * speaker's aside. A direction inside a sentence ("-- (laughter) --") stays in the text.
 */
export function splitStageDirections(text: string): { value: string; stage: boolean; editorial?: boolean }[] {
  const trailing = TRAILING_DIRECTION.exec(text)?.groups;
  const after = trailing ? edgeNote(trailing.stage!) : undefined;
  if (trailing && after) return [...splitStageDirections(trailing.body!), edgePart(trailing.stage!, after)];
  const leading = LEADING_DIRECTION.exec(text)?.groups;
  const before = leading ? edgeNote(leading.stage!) : undefined;
  if (leading && before) return [edgePart(leading.stage!, before), ...splitStageDirections(leading.body!)];
  return [{ value: text, stage: isStageDirection(text) }];
}

function edgePart(value: string, note: 'stage' | 'editorial'): { value: string; stage: boolean; editorial?: boolean } {
  return note === 'stage' ? { value, stage: true } : { value, stage: false, editorial: true };
}

/** "[That press encounter was later cancelled.]", "[…]": the editor's words as a whole block. */
export function isEditorialInsertion(text: string): boolean {
  return /^\[[^[\]]{1,400}\]\.?$/.test(text);
}
