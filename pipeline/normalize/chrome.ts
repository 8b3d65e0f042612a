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
 * "Good evening. (Applause.)" → the speech and the stage direction after it; "(Laughter.) Thank you." the
 * same the other way round. Only the known words ("Laughter", "Смех", "Күлкү" …) are split off a sentence:
 * "(Can everyone hear me all right?)" is the speaker's aside. A direction inside a sentence ("-- (laughter)
 * --") stays in the text.
 */
export function splitStageDirections(text: string): { value: string; stage: boolean }[] {
  const trailing = /^(?<body>.*?[.!?\u2026\u00bb\u201d])\s+(?<stage>\([^()]{1,120}\)\.?)$/su.exec(text)?.groups;
  if (trailing && isStageDirection(trailing.stage!, true))
    return [...splitStageDirections(trailing.body!), { value: trailing.stage!, stage: true }];
  const leading = /^(?<stage>\([^()]{1,120}\)\.?)\s+(?<body>\p{Lu}.*)$/su.exec(text)?.groups;
  if (leading && isStageDirection(leading.stage!, true))
    return [{ value: leading.stage!, stage: true }, ...splitStageDirections(leading.body!)];
  return [{ value: text, stage: isStageDirection(text) }];
}

/** "[That press encounter was later cancelled.]", "[…]": the editor's words as a whole block. */
export function isEditorialInsertion(text: string): boolean {
  return /^\[[^[\]]{1,400}\]\.?$/.test(text);
}
