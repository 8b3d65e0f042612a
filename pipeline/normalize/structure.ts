import { parseSourceLine } from './chrome.ts';
import { findDateIn, isPlace, parseDateline, parseTimeLine, parseVenueLine, type Dateline } from './dateline.ts';
import { isPlaceKindWord } from './dates/lexicon.ts';
import { featuresOf, isChromeBlock, isProse, isTitleLike, type BlockFeatures } from './features.ts';
import { isFooterPhrase } from './lexicon.ts';
import { foldForRepeat } from './repeated-blocks.ts';

/** What a block is, as `pressroom normalise --explain` prints it. */
export type BlockClass =
  | 'chrome'
  | 'title'
  | 'dateline'
  | 'time'
  | 'venue'
  | 'lead'
  | 'separator'
  | 'label'
  | 'body'
  | 'stage'
  | 'editorial'
  | 'footer'
  | 'source'
  | 'repeat'
  | 'note';

export interface Assignment {
  class: BlockClass;
  /** The rule that gave the class, e.g. `title:before-dateline`, `chrome:menu-like`. */
  rule: string;
}

/** The frame of a transcript: header (title, dateline, time, venue, chrome) and footer found around the body. */
export interface Frame {
  title: number;
  titleRule: string;
  dateline?: { index: number; value: Dateline; rule: string };
  /** A date read out of a longer line (the title, a rubric) when no block is a dateline. */
  dateInText?: { index: number; date: string; time: string | null; place?: string };
  time?: { index: number; time: string; timezone: string | null };
  venue?: { index: number; place: string };
  /** A short line naming the place under a date without one ("October 27, 2026" / "20:55" / "Moscow Region"). */
  placeLine?: { index: number; place: string };
  /** The city closing a masthead line above the title, when nothing else names the place. */
  headerPlace?: { index: number; place: string };
  /** First index after the header. */
  bodyStart: number;
  /** First index of the footer (the number of blocks when there is none). */
  footerStart: number;
  /** Header and footer blocks that are not title/dateline/time/venue, with their class and rule. */
  assigned: Map<number, Assignment>;
}

export interface FrameOptions {
  lang: string;
  datePatterns?: RegExp[];
  /** Whether block i opens a speaker turn (a label): the header never reaches past the first one. */
  isLabel: (index: number) => boolean;
  /** Whether the source marked block i as its heading (an HTML `<h1>`, Word's Heading 1): the strongest sign of a title. (optional) */
  isHeading?: (index: number) => boolean;
  /** The source line block i starts on, where ingest may have reordered blocks. (optional) */
  lineOf?: (index: number) => number;
  /** How far into the page the header is looked for: a dateline quoted late in a speech is not one. */
  headerLimit?: number;
}

/** Which of several datelines of a page dates the event: "Delivered on" beats a plain one, which beats "Published". */
const KIND_RANK: Record<string, number> = { delivered: 0, event: 1, none: 1, published: 2, updated: 3 };

/**
 * Finds the header and footer of a transcript from the blocks' features and positions: the dateline (the
 * strongest anchor), the title near it (skipping chrome, menus, venue and time lines), the time and venue,
 * chrome before and after, and the footer after the last spoken block.
 */
export function findFrame(texts: readonly string[], options: FrameOptions): Frame {
  // Read for the header and the footer only, when first asked: a speech's hundreds of blocks in between never are.
  const known: (BlockFeatures | undefined)[] = [];
  const features = (index: number): BlockFeatures => (known[index] ??= featuresOf(texts[index]!));
  const assigned = new Map<number, Assignment>();
  const dateOptions = { lang: options.lang, ...(options.datePatterns ? { patterns: options.datePatterns } : {}) };
  // A label printed above the page's own heading (which ingest moved first) is no turn of the transcript.
  const heading = options.isHeading ? texts.findIndex((_, index) => options.isHeading!(index)) : -1;
  const lineOf = options.lineOf ?? ((index: number) => index);
  const labelAt = (index: number) => options.isLabel(index) && (heading < 0 || lineOf(index) > lineOf(heading));
  let firstLabel = texts.findIndex((_, index) => labelAt(index));
  // A headline built like a label ("Smith: New airport to open in 2027") right above the dateline is the title.
  if (firstLabel >= 0 && !features(firstLabel).sentenceEnd && features(firstLabel).words <= 16) {
    const dated = range(firstLabel + 1, Math.min(texts.length, firstLabel + 4), 1).some((index) =>
      parseDateline(texts[index]!, dateOptions),
    );
    if (dated) firstLabel = texts.findIndex((_, index) => index > firstLabel && labelAt(index));
  }
  const limit = Math.min(texts.length, options.headerLimit ?? 60, firstLabel < 0 ? texts.length : firstLabel);

  const datelines: { index: number; value: Dateline }[] = [];
  // The title's scoring asks the same blocks again and again: each block is parsed once.
  const datelineAt = memo((index: number): Dateline | undefined => {
    const value = parseDateline(texts[index]!, dateOptions);
    return value && !isDatedTitle(texts[index]!, value) ? value : undefined;
  });
  for (let index = 0; index < limit; index += 1) {
    const value = datelineAt(index);
    if (value) datelines.push({ index, value });
  }
  // Of two plain datelines, the one written out with a month name and a place dates the event; a bare numeric
  // stamp ("02.05.2011 20:59") is how sites print their publication time.
  const weight = (line: { index: number; value: Dateline }) =>
    rank(line.value) + (NUMERIC_STAMP.test(texts[line.index]!) ? 0.5 : 0) + (line.value.place ? 0 : 0.25);
  datelines.sort((a, b) => weight(a) - weight(b) || a.index - b.index);
  const best = datelines[0];
  const frame: Frame = { title: 0, titleRule: 'title:first-block', bodyStart: 1, footerStart: texts.length, assigned };
  const isHeaderNoise = memo(
    (index: number) =>
      Boolean(isChromeBlock(texts[index]!, features(index))) ||
      Boolean(parseTimeLine(texts[index]!)) ||
      Boolean(parseVenueLine(texts[index]!, options.lang)) ||
      Boolean(datelineAt(index)) ||
      Boolean(parseSourceLine(texts[index]!)),
  );
  const titleCandidate = (index: number) =>
    !isHeaderNoise(index) && isTitleLike(texts[index]!, features(index)) && !(isProse(features(index)) && features(index).words > 30);

  if (best) {
    frame.dateline = { index: best.index, value: best.value, rule: `dateline:${best.value.kind ?? 'plain'}` };
    for (const other of datelines.slice(1))
      assigned.set(other.index, { class: 'chrome', rule: `chrome:other-date-${other.value.kind ?? 'plain'}` });
  }
  // A short place line under a date printed without one ("October 27, 2026" / "20:55" / "Moscow Region").
  let placeLine: number | undefined;
  if (best && !best.value.place) {
    const afterTime = parseTimeLine(texts[best.index + 1] ?? '') ? best.index + 2 : best.index + 1;
    if (afterTime < limit && isPlaceLine(texts[afterTime]!, features(afterTime))) placeLine = afterTime;
    // "St Petersburg" / "13 November 2022": the place printed on the line above the date, under a title.
    const above = best.index - 1;
    const titled = range(0, above, 1).some(
      (index) => isTitleLike(texts[index]!, features(index)) && !isChromeBlock(texts[index]!, features(index)),
    );
    const headed = options.isHeading !== undefined && range(0, limit, 1).some((index) => options.isHeading!(index));
    if (placeLine === undefined && above > 0 && titled && !headed && isPlaceLine(texts[above]!, features(above))) placeLine = above;
  }
  const noise = (index: number) => index === placeLine || isHeaderNoise(index);
  // A salutation ("Dear friends,"), a greeting ("Good afternoon") or a line cut at a comma is the start of the
  // text, not its title.
  const candidates = range(0, limit, 1).filter(
    (index) =>
      index !== placeLine &&
      titleCandidate(index) &&
      !features(index).sentenceEnd &&
      !/[,;]$/.test(texts[index]!) &&
      !SPEECH_OPENING.test(texts[index]!),
  );
  if (candidates.length > 0) {
    const scored = candidates.map((index) => ({ index, ...titleScore(index) }));
    scored.sort((a, b) => b.score - a.score || b.index - a.index);
    // A title printed twice: the first copy is the title, the second its repeat (and what stands between is header).
    const key = foldForRepeat(texts[scored[0]!.index]!);
    const first = candidates.find((index) => foldForRepeat(texts[index]!) === key) ?? scored[0]!.index;
    setTitle(frame, first, scored[0]!.rule);
  } else {
    const first = range(0, texts.length, 1).find((index) => !noise(index)) ?? 0;
    setTitle(frame, first, 'title:first-text-block');
  }
  // On a page that marks its title, the place line above the date is known once the title is: it stands
  // between them in the source (ingest moves the title first, so source lines decide, not block order).
  const above = best ? best.index - 1 : -1;
  if (best && !best.value.place && placeLine === undefined && above >= 0 && above !== frame.title && lineOf(above) > lineOf(frame.title))
    if (isPlaceLine(texts[above]!, features(above))) placeLine = above;
  if (placeLine !== undefined && placeLine !== frame.title) frame.placeLine = { index: placeLine, place: texts[placeLine]! };
  // A news site stamps its publication time above the headline; the event's own date stands under the title.
  const under = datelines.find((other) => other.index > frame.title && rank(other.value) <= rank(best!.value));
  if (best && frame.dateline && best.index < frame.title && under) {
    assigned.set(best.index, { class: 'chrome', rule: 'chrome:date-above-title' });
    assigned.delete(under.index);
    frame.dateline = { index: under.index, value: under.value, rule: `dateline:${under.value.kind ?? 'plain'}-under-title` };
    delete frame.placeLine;
  }

  // The title's own date wins over a "Published"/"Submitted" stamp; without any dateline it is the date.
  const titleDate = findDateIn(texts[frame.title]!, dateOptions);
  const chosen = frame.dateline;
  const stampAbove = chosen !== undefined && lineOf(chosen.index) < lineOf(frame.title) && NUMERIC_STAMP.test(texts[chosen.index]!);
  const stamped = chosen?.value.kind === 'published' || chosen?.value.kind === 'updated';
  if (titleDate && (!chosen || stamped || stampAbove)) {
    if (chosen) assigned.set(chosen.index, { class: 'chrome', rule: `chrome:other-date-${chosen.value.kind ?? 'stamp'}` });
    delete frame.dateline;
    frame.dateInText = { index: frame.title, date: titleDate.date, time: titleDate.time ?? null };
    // "…following talks, Moscow, May 31, 2026": the part before the date names the place.
    const before = texts[frame.title]!.slice(0, titleDate.start).replace(/[\s,(–—-]+$/u, '');
    const part = before.slice(before.lastIndexOf(',') + 1).trim();
    if (before.includes(',') && isPlaceLine(part, featuresOf(part))) frame.dateInText.place = part;
  } else if (!best) {
    for (const index of range(0, limit, 1)) {
      const found = index === frame.title ? undefined : findDateIn(texts[index]!, dateOptions);
      if (found) {
        frame.dateInText = { index, date: found.date, time: found.time ?? null };
        break;
      }
    }
  }

  /**
   * How much a header line looks like the title: it sits right above the text (the lead, the first turn),
   * right above the dateline, or holds the date. Site names and menus sit above other header lines instead.
   */
  function titleScore(index: number): { score: number; rule: string } {
    let next = index + 1;
    while (next < texts.length && next !== limit && noise(next)) next += 1;
    const aboveText =
      next >= texts.length ||
      next === limit ||
      (features(next).sentenceEnd && features(next).hasLower && features(next).words >= 3) ||
      options.isLabel(next) ||
      /^(?:\*\s*){3,}$/.test(texts[next]!);
    const aboveDateline = best !== undefined && best.index > index && range(index + 1, best.index, 1).every(noise);
    const underDateline = best !== undefined && best.index < index && range(best.index + 1, index, 1).every(noise);
    const dated = Boolean(findDateIn(texts[index]!, dateOptions));
    // Sites print the headline twice (a list entry and the article, or around the date): the repeated line is the title.
    const key = foldForRepeat(texts[index]!);
    const twice = candidates.some((other) => other !== index && foldForRepeat(texts[other]!) === key);
    // A page names its event before it dates it, so a line above the dateline is preferred to one under it.
    const beforeDateline = best !== undefined && index < best.index;
    // The page says which line is its title; the ingest puts that line first, so its position proves nothing.
    const heading = options.isHeading?.(index) ? 12 : 0;
    const score =
      heading +
      (twice ? 3 : 0) +
      (aboveText ? 4 : 0) +
      (aboveDateline ? 3 : 0) +
      (beforeDateline ? 2 : 0) +
      (dated ? 2 : 0) +
      (underDateline ? 1 : 0);
    const rule = heading
      ? 'title:page-heading'
      : aboveDateline
        ? 'title:above-dateline'
        : aboveText
          ? 'title:above-text'
          : underDateline
            ? 'title:under-dateline'
            : 'title:header-line';
    return { score, rule };
  }

  // Time and venue lines anywhere in the header; a short place line under a date that has no place.
  const headerEnd = Math.max(frame.title, frame.dateline?.index ?? -1) + 1;
  let scanEnd = headerEnd;
  for (let index = 0; index < Math.min(limit, headerEnd + 6); index += 1) {
    if (index === frame.title || index === frame.dateline?.index) continue;
    // A masthead above the title ("The White House") names the publisher, not the venue.
    if ((index < frame.title || lineOf(index) < lineOf(frame.title)) && !parseTimeLine(texts[index]!)) continue;
    const time = parseTimeLine(texts[index]!);
    if (time && !time.end && !frame.time) {
      frame.time = { index, time: time.time, timezone: time.timezone };
      scanEnd = Math.max(scanEnd, index + 1);
      continue;
    }
    const venue = parseVenueLine(texts[index]!, options.lang);
    if (venue && !frame.venue && !isProse(features(index))) {
      frame.venue = { index, place: venue };
      scanEnd = Math.max(scanEnd, index + 1);
    }
  }
  if (frame.placeLine) scanEnd = Math.max(scanEnd, frame.placeLine.index + 1);

  // Everything before the title is chrome; between the title and the text, chrome and a repeated title too.
  const titleKey = foldForRepeat(texts[frame.title]!);
  const taken = new Set([frame.title, frame.dateline?.index, frame.time?.index, frame.venue?.index, frame.placeLine?.index]);
  let bodyStart = scanEnd;
  // A dateline with the whole text above it closes the text, and a short line above it ("Thank you.") is
  // the end of the speech, not header chrome: the header ends at the text's first sentence, unless it reads
  // as chrome. (A standfirst above a dateline that the text follows, GOV.UK's, leaves the header as it is.)
  const proseAt = (index: number) => !taken.has(index) && !assigned.has(index) && isProse(features(index));
  const closing = frame.dateline !== undefined && !range(frame.dateline.index + 1, texts.length, 1).some(proseAt);
  const textStart = closing
    ? range(frame.title + 1, limit, 1).find((index) => proseAt(index) && lineOf(index) > lineOf(frame.title))
    : undefined;
  for (let index = 0; index < limit; index += 1) {
    if (taken.has(index) || assigned.has(index)) continue;
    if (index < frame.title || lineOf(index) < lineOf(frame.title)) {
      assigned.set(index, { class: 'chrome', rule: `chrome:${isChromeBlock(texts[index]!, features(index))?.rule ?? 'before-title'}` });
      continue;
    }
    if (index < bodyStart || index === bodyStart) {
      if (isRepeatedTitle(foldForRepeat(texts[index]!), titleKey)) {
        assigned.set(index, { class: 'repeat', rule: 'repeat:title' });
        bodyStart = Math.max(bodyStart, index + 1);
        continue;
      }
      const chrome = isChromeBlock(texts[index]!, features(index));
      if (chrome || (index < scanEnd && !isProse(features(index)) && (textStart === undefined || index < textStart))) {
        assigned.set(index, { class: 'chrome', rule: `chrome:${chrome?.rule ?? 'header'}` });
        bodyStart = Math.max(bodyStart, index + 1);
      }
    }
  }
  // "Department of … • Meetings Coverage • New York": a masthead of bullet-separated parts ends with the office's city.
  if (!frame.dateline?.value.place && !frame.venue && !frame.placeLine && !frame.dateInText?.place)
    for (let index = 0; index < frame.title; index += 1) {
      const parts = texts[index]!.split(/\s+[•·]\s+/u);
      const last = parts.at(-1)!;
      if (parts.length >= 3 && isPlace(last) && isPlaceLine(last, featuresOf(last))) frame.headerPlace = { index, place: last };
    }
  frame.bodyStart = Math.max(bodyStart, ...[...taken].filter((index): index is number => index !== undefined).map((index) => index + 1));
  frame.footerStart = findFooter(texts, features, frame.bodyStart, options, dateOptions, assigned);
  return frame;
}

/**
 * "Meeting with business leaders, 1 January 2010": a title that ends in its date reads like "New York, 25 June
 * 2020", but a place printed before a date is a few capitalised words, not a phrase.
 */
function isDatedTitle(text: string, value: Dateline): boolean {
  const place = value.place;
  if (!place || !text.startsWith(place)) return false;
  const words = place.split(/\s+/u);
  return (
    words.length > 3 ||
    words.some((word) => !/^[\p{Lu}\d]/u.test(word) && !/^(?:of|the|de|la|upon|on|am|an|der|на|под)$/u.test(word) && !isPlaceKindWord(word))
  );
}

/** The first words of someone speaking: a greeting, thanks, "I", "we" (en, ru, ky). */
const SPEECH_OPENING =
  /^(?:good (?:morning|afternoon|evening)|hello|thank you|thanks|i|we|добрый (?:день|вечер)|доброе утро|здравствуйте|спасибо|я|мы|саламатсыз(?:дар)?бы|рахмат|мен|биз)(?![\p{L}])/iu;

/** "END" closing a White House–style transcript, alone on its line. */
const END_MARK = /^(?:END|КОНЕЦ)\.?$/u;

/** "07.09.2019 17:06", "2019-09-07": a date printed in digits, as sites stamp their publication time. */
const NUMERIC_STAMP = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/u;

/** One answer per block index, computed on first use. */
function memo<T>(compute: (index: number) => T): (index: number) => T {
  const known = new Map<number, T>();
  return (index) => {
    if (!known.has(index)) known.set(index, compute(index));
    return known.get(index)!;
  };
}

function rank(value: Dateline): number {
  return KIND_RANK[value.kind ?? 'none'] ?? 1;
}

function setTitle(frame: Frame, index: number, rule: string): void {
  frame.title = index;
  frame.titleRule = rule;
}

function range(from: number, to: number, step: 1 | -1): number[] {
  const out: number[] = [];
  for (let index = from; step > 0 ? index < to : index > to; index += step) out.push(index);
  return out;
}

/** A repeat of the title, whole or cut short (sites print a truncated copy of it in lists). */
function isRepeatedTitle(key: string, titleKey: string): boolean {
  if (key.length < 8) return false;
  return key === titleKey || (key.length >= titleKey.length * 0.7 && titleKey.startsWith(key));
}

/** "Moscow Region", "Бишкек": a few capitalised words, no sentence, no digits. */
function isPlaceLine(text: string, features: BlockFeatures): boolean {
  if (features.words < 1 || features.words > 4 || text.length > 60 || features.sentenceEnd || /[\d:]/.test(text)) return false;
  return text.split(/\s+/u).every((word) => /^\p{Lu}/u.test(word) || /^(?:of|the|de|la|upon|on|am|an|der|на|под|-)$/u.test(word));
}

/**
 * The footer: the run of blocks after the last spoken one that are chrome, metadata, sources, a closing
 * dateline or an end time. Reading stops at the first block of speech, so a speaker's short last words stay.
 */
function findFooter(
  texts: readonly string[],
  features: (index: number) => BlockFeatures,
  bodyStart: number,
  options: FrameOptions,
  dateOptions: { lang: string; patterns?: RegExp[] },
  assigned: Map<number, Assignment>,
): number {
  let start = texts.length;
  let closingDateline = false;
  let endTime = false;
  /** Short lines without a sentence (related headlines, a signature): footer only when a footer line stands above them. */
  const weak: number[] = [];
  for (let index = texts.length - 1; index >= bodyStart; index -= 1) {
    const text = texts[index]!;
    if (options.isLabel(index)) break;
    let assignment: Assignment | undefined;
    if (parseSourceLine(text)) assignment = { class: 'source', rule: 'source:line' };
    else if (!closingDateline && parseDateline(text, dateOptions)) {
      closingDateline = true;
      assignment = { class: 'footer', rule: 'footer:closing-dateline' };
    } else if (!endTime && (parseTimeLine(text)?.end || (parseTimeLine(text) && END_MARK.test(texts[index - 1] ?? '')))) {
      // "END 2:10 P.M. EST", or "END" with the time on the line under it.
      endTime = true;
      assignment = { class: 'footer', rule: 'footer:end-time' };
    } else if (END_MARK.test(text)) {
      assignment = { class: 'footer', rule: 'footer:end-mark' };
    } else {
      const chrome = isChromeBlock(text, features(index)) ?? (isFooterPhrase(text) ? { rule: 'template-phrase' } : undefined);
      if (chrome) assignment = { class: 'footer', rule: `footer:${chrome.rule}` };
    }
    if (!assignment) {
      if (features(index).sentenceEnd || features(index).words > 16 || isProse(features(index))) break;
      weak.push(index);
      continue;
    }
    assigned.set(index, assignment);
    for (const between of weak.splice(0)) assigned.set(between, { class: 'footer', rule: 'footer:between-footer-lines' });
    start = index;
  }
  return start;
}
