import { parseSourceLine } from './chrome.ts';
import { findDateIn, parseDateline, parseTimeLine, parseVenueLine, type Dateline } from './dateline.ts';
import { featuresOf, isChromeBlock, isProse, isTitleLike, type BlockFeatures } from './features.ts';
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
  dateInText?: { index: number; date: string; time: string | null };
  time?: { index: number; time: string; timezone: string | null };
  venue?: { index: number; place: string };
  /** A short line naming the place under a date without one ("October 27, 2026" / "20:55" / "Moscow Region"). */
  placeLine?: { index: number; place: string };
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
  const features = texts.map((text) => featuresOf(text));
  const assigned = new Map<number, Assignment>();
  const firstLabel = texts.findIndex((_, index) => options.isLabel(index));
  const limit = Math.min(texts.length, options.headerLimit ?? 60, firstLabel < 0 ? texts.length : firstLabel);
  const dateOptions = { lang: options.lang, ...(options.datePatterns ? { patterns: options.datePatterns } : {}) };

  const datelines: { index: number; value: Dateline }[] = [];
  for (let index = 0; index < limit; index += 1) {
    const value = parseDateline(texts[index]!, dateOptions);
    if (value) datelines.push({ index, value });
  }
  datelines.sort((a, b) => rank(a.value) - rank(b.value) || a.index - b.index);
  const best = datelines[0];
  const frame: Frame = { title: 0, titleRule: 'title:first-block', bodyStart: 1, footerStart: texts.length, assigned };
  const isHeaderNoise = (index: number) =>
    Boolean(isChromeBlock(texts[index]!, features[index])) ||
    Boolean(parseTimeLine(texts[index]!)) ||
    Boolean(parseVenueLine(texts[index]!, options.lang)) ||
    Boolean(parseDateline(texts[index]!, dateOptions)) ||
    Boolean(parseSourceLine(texts[index]!));
  const titleCandidate = (index: number) =>
    !isHeaderNoise(index) && isTitleLike(texts[index]!, features[index]) && !(isProse(features[index]!) && features[index]!.words > 30);

  if (best) {
    frame.dateline = { index: best.index, value: best.value, rule: `dateline:${best.value.kind ?? 'plain'}` };
    for (const other of datelines.slice(1))
      assigned.set(other.index, { class: 'chrome', rule: `chrome:other-date-${other.value.kind ?? 'plain'}` });
    const before = range(best.index - 1, Math.max(-1, best.index - 9), -1).find(titleCandidate);
    if (before !== undefined) setTitle(frame, before, 'title:before-dateline');
    else {
      const after = range(best.index + 1, Math.min(limit, best.index + 5), 1).find(
        (index) => titleCandidate(index) && !isProse(features[index]!),
      );
      if (after !== undefined) setTitle(frame, after, 'title:after-dateline');
      else setTitle(frame, Math.max(0, best.index - 1), 'title:fallback-before-dateline');
    }
  } else {
    // No dateline: the title is the last title-like line before the text starts running.
    const firstProse = range(0, limit, 1).find((index) => isProse(features[index]!) && !isChromeBlock(texts[index]!, features[index]));
    const end = firstProse ?? limit;
    const candidates = range(0, end, 1).filter((index) => titleCandidate(index));
    const title = candidates.at(-1) ?? range(0, texts.length, 1).find((index) => !isHeaderNoise(index)) ?? 0;
    setTitle(frame, title, candidates.length > 0 ? 'title:before-text' : 'title:first-text-block');
    for (const index of [title, ...range(0, end, 1)]) {
      const found = findDateIn(texts[index]!, dateOptions);
      if (found) {
        frame.dateInText = { index, date: found.date, time: found.time ?? null };
        break;
      }
    }
  }

  // Time and venue lines anywhere in the header; a short place line under a date that has no place.
  const headerEnd = Math.max(frame.title, frame.dateline?.index ?? -1) + 1;
  let scanEnd = headerEnd;
  for (let index = 0; index < Math.min(limit, headerEnd + 6); index += 1) {
    if (index === frame.title || index === frame.dateline?.index) continue;
    const time = parseTimeLine(texts[index]!);
    if (time && !time.end && !frame.time) {
      frame.time = { index, time: time.time, timezone: time.timezone };
      scanEnd = Math.max(scanEnd, index + 1);
      continue;
    }
    const venue = parseVenueLine(texts[index]!, options.lang);
    if (venue && !frame.venue && !isProse(features[index]!)) {
      frame.venue = { index, place: venue };
      scanEnd = Math.max(scanEnd, index + 1);
    }
  }
  const dateline = frame.dateline;
  if (dateline && !dateline.value.place && frame.title < dateline.index) {
    const next = [dateline.index + 1, frame.time?.index === dateline.index + 1 ? dateline.index + 2 : -1].find(
      (index) => index > 0 && index < limit && index !== frame.venue?.index && isPlaceLine(texts[index]!, features[index]!),
    );
    if (next !== undefined) {
      frame.placeLine = { index: next, place: texts[next]! };
      scanEnd = Math.max(scanEnd, next + 1);
    }
  }

  // Everything before the title is chrome; between the title and the text, chrome and a repeated title too.
  const titleKey = foldForRepeat(texts[frame.title]!);
  const taken = new Set([frame.title, frame.dateline?.index, frame.time?.index, frame.venue?.index, frame.placeLine?.index]);
  let bodyStart = scanEnd;
  for (let index = 0; index < limit; index += 1) {
    if (taken.has(index) || assigned.has(index)) continue;
    if (index < frame.title) {
      assigned.set(index, { class: 'chrome', rule: `chrome:${isChromeBlock(texts[index]!, features[index])?.rule ?? 'before-title'}` });
      continue;
    }
    if (index < bodyStart || index === bodyStart) {
      if (isRepeatedTitle(foldForRepeat(texts[index]!), titleKey)) {
        assigned.set(index, { class: 'repeat', rule: 'repeat:title' });
        bodyStart = Math.max(bodyStart, index + 1);
        continue;
      }
      const chrome = isChromeBlock(texts[index]!, features[index]);
      if (chrome || (index < scanEnd && !isProse(features[index]!))) {
        assigned.set(index, { class: 'chrome', rule: `chrome:${chrome?.rule ?? 'header'}` });
        bodyStart = Math.max(bodyStart, index + 1);
      }
    }
  }
  frame.bodyStart = Math.max(bodyStart, ...[...taken].filter((index): index is number => index !== undefined).map((index) => index + 1));
  frame.footerStart = findFooter(texts, features, frame.bodyStart, options, dateOptions, assigned);
  return frame;
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
  return (
    features.words >= 1 && features.words <= 5 && text.length <= 60 && !features.sentenceEnd && !/[\d:]/.test(text) && /^\p{Lu}/u.test(text)
  );
}

/**
 * The footer: the run of blocks after the last spoken one that are chrome, metadata, sources, a closing
 * dateline or an end time. Reading stops at the first block of speech, so a speaker's short last words stay.
 */
function findFooter(
  texts: readonly string[],
  features: readonly BlockFeatures[],
  bodyStart: number,
  options: FrameOptions,
  dateOptions: { lang: string; patterns?: RegExp[] },
  assigned: Map<number, Assignment>,
): number {
  let start = texts.length;
  let closingDateline = false;
  let endTime = false;
  for (let index = texts.length - 1; index >= bodyStart; index -= 1) {
    const text = texts[index]!;
    if (options.isLabel(index)) break;
    if (parseSourceLine(text)) assigned.set(index, { class: 'source', rule: 'source:line' });
    else if (!closingDateline && parseDateline(text, dateOptions)) {
      closingDateline = true;
      assigned.set(index, { class: 'footer', rule: 'footer:closing-dateline' });
    } else if (!endTime && parseTimeLine(text)?.end) {
      endTime = true;
      assigned.set(index, { class: 'footer', rule: 'footer:end-time' });
    } else {
      const chrome = isChromeBlock(text, features[index]);
      if (!chrome) break;
      assigned.set(index, { class: 'footer', rule: `footer:${chrome.rule}` });
    }
    start = index;
  }
  return start;
}
