// The two locales used, not chrono's index: that loads every locale it has (a tenth of a second per run).
import * as chronoEn from 'chrono-node/en';
import * as chronoRu from 'chrono-node/ru';
import { findDateCores, isoDate, type DateCore } from './dates/core.ts';
import { isWeekday, monthNumber, QUALIFIERS } from './dates/lexicon.ts';
import { cleanPlace, isPlace, parseVenueLine } from './dates/place.ts';
import { parseTimeLine, readClock, type TimeLine } from './dates/time.ts';

export { isPlace, monthNumber, parseTimeLine, parseVenueLine };
export type { TimeLine };

export interface Dateline {
  /** ISO 8601 (YYYY-MM-DD). */
  date: string;
  place: string | null;
  /** HH:MM, 24 h; present only when the line gives one. */
  time?: string | null;
  /** As printed ("EST", "по московскому времени"), never guessed; present only when the line gives one. */
  timezone?: string | null;
  /**
   * What the line's qualifier says the date is ("Delivered on:", "Published:", "Updated", "Date:"); absent
   * for a bare dateline, which by convention is the event's.
   */
  kind?: 'delivered' | 'published' | 'updated' | 'event';
}

export interface DateOptions {
  /** BCP 47 language of the page: decides the order of slash dates (1/11/2017) and the chrono locale. */
  lang?: string;
  /**
   * A source's own dateline formats from the config, tried first, each against the whole line: named
   * groups `year`, `month` (number or name in any supported language), `day`, optionally `time`, `place`.
   */
  patterns?: RegExp[];
}

/** A dateline is a short line; anything longer is prose that mentions a date (and is never scanned). */
const DATELINE_MAX_CHARS = 200;
/** A place printed before the date ("New York / 31 May 2017", "New York, 25 June 2020") is a city, not a venue list. */
const PREFIX_PLACE_MAX_CHARS = 40;
/** chrono is asked only about short strings: its parsers are not built for megabyte lines. */
const CHRONO_MAX_CHARS = 2000;

/** A note closing the line: "(Transcript of the speech, exactly as it was delivered)", "[as delivered]". */
const TRAILING_NOTE = /\s*[([][^()[\]]{1,120}[)\]]$/u;
/**
 * A news site's credit closing its dateline: " - 24.kg , Айгуль САДЫКОВА" (the site's domain, then the
 * author). Bounded classes only, so it stays linear on long input.
 */
const CREDIT = /\s+[-–—]\s+[\p{L}\d-]{1,30}\.[a-z]{2,6}(?:\s*,\s*[\p{L} .'-]{1,60})?$/u;
/** Separators between the parts of a dateline: comma, runs of spaces, spaced dash or slash, a bar. */
const SEPARATOR = /^(?:\s*,\s*|\s+[-–—/|]\s+|\s+)/u;

/** Same length as the input, so positions found in it are positions in the input. */
function spacesToAscii(text: string): string {
  return text.replace(/[\t\u00a0\u2007\u202f]/g, ' ');
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

interface Parts {
  place?: string;
  time?: string;
  timezone?: string | null;
}

/**
 * What may stand before the date: a place ("New York / "), a weekday ("Monday, ", "Tue, ") and a clock time
 * ("11:35, "), each closed by a separator. The date must not be glued to a word ("Политика20 декабря"): that
 * is a rubric fused with a date in a longer line, for findDateIn, not a dateline.
 */
function parsePrefix(prefix: string): Parts | undefined {
  if (prefix === '') return {};
  if (!/[\s,/–—-]$/u.test(prefix)) return undefined;
  const parts: Parts = {};
  let rest = prefix.replace(/[\s,/–—-]+$/u, '');
  const weekday = /(?:^|[\s,])(\p{L}{2,12})\.?$/u.exec(rest);
  if (weekday && isWeekday(weekday[1]!)) rest = rest.slice(0, weekday.index).replace(/[\s,/–—-]+$/u, '');
  const time = /(?:^|[\s,])(\d{1,2}:\d{2}(?: ?[AaPp]\.? ?[Mm]\.?)?)$/u.exec(rest);
  if (time) {
    const clock = readClock(time[1]!, false);
    if (!clock) return undefined;
    parts.time = clock.time;
    rest = rest.slice(0, time.index).replace(/[\s,/–—-]+$/u, '');
  }
  if (rest === '') return parts;
  const place = cleanPlace(rest);
  if (place.length > PREFIX_PLACE_MAX_CHARS || !isPlace(place)) return undefined;
  parts.place = place;
  return parts;
}

/**
 * What may follow the date: a Kyrgyz weekday (", жума"), a clock time (", 14:00", " - 14:00 -", " 15: 50",
 * "Бишкек убактысы 17:45", "14:00 по московскому времени") and a place or venue, each after a separator,
 * then a site's credit (" - 24.kg , Author"), which is dropped.
 */
function parseSuffix(suffix: string, fusedTime: boolean): Parts | undefined {
  const parts: Parts = {};
  let rest = suffix.replace(CREDIT, '');
  if (fusedTime) {
    const clock = readClock(rest, false);
    if (!clock) return undefined;
    Object.assign(parts, { time: clock.time, timezone: clock.timezone });
    rest = rest.slice(clock.length);
  } else {
    const weekday = /^\s*,?\s*(\p{L}{2,12})(?=[\s,]|$)/u.exec(rest);
    if (weekday && isWeekday(weekday[1]!)) rest = rest.slice(weekday[0].length);
    const separator = /^(?:\s*,\s*|\s+[-–—/|]\s+|\s+|T)(?:(?:at|в)\s+)?/u.exec(rest);
    const clock = separator && readClock(rest.slice(separator[0].length), true);
    if (separator && clock) {
      Object.assign(parts, { time: clock.time, timezone: clock.timezone });
      rest = rest.slice(separator[0].length + clock.length);
      // "July 03, 2014 / 01:06:48 / Public Domain" is a video's length and licence, not a dateline.
      if (clock.seconds && rest.trim() !== '') return undefined;
    }
  }
  if (rest.trim() === '' || /^\s*[-–—,]\s*$/u.test(rest)) return parts;
  const separator = SEPARATOR.exec(rest);
  if (!separator) return undefined;
  const place = cleanPlace(rest.slice(separator[0].length));
  if (!isPlace(place)) return undefined;
  parts.place = place;
  return parts;
}

function build(date: string, prefix: Parts, suffix: Parts, kind: Dateline['kind']): Dateline {
  const places = [prefix.place, suffix.place].filter((place): place is string => Boolean(place));
  const dateline: Dateline = { date, place: places.length > 0 ? places.join(', ') : null };
  const time = suffix.time ?? prefix.time;
  if (time) dateline.time = time;
  const timezone = suffix.timezone ?? prefix.timezone;
  if (time && timezone) dateline.timezone = timezone;
  if (kind) dateline.kind = kind;
  return dateline;
}

/** A config pattern must take the whole line; its groups are read with the same lexicon and checks. */
function fromPattern(pattern: RegExp, text: string): Dateline | undefined {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  const groups = match?.groups;
  if (!match || !groups || match.index !== 0 || match[0].length !== text.length) return undefined;
  const yearText = groups.year ?? '';
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const month = monthNumber(groups.month ?? '');
  const date = month === undefined ? undefined : isoDate(year, month, Number(groups.day));
  if (!date) return undefined;
  const dateline: Dateline = { date, place: groups.place ? cleanPlace(groups.place) || null : null };
  const clock = groups.time ? readClock(groups.time.trim(), true) : undefined;
  if (groups.time && !clock) return undefined;
  if (clock) dateline.time = clock.time;
  if (clock?.timezone) dateline.timezone = clock.timezone;
  return dateline;
}

/**
 * chrono serves the English and Russian phrasings the rules above do not spell out ("November 3, 2026 at
 * 2 p.m."). Its strict mode only: casual words ("today", "May I…") never become dates. A result counts
 * only with a certain day, month and year, and a clock time only with certain minutes (chrono reads the
 * "15" of a scraped "15: 50" as 15:00).
 */
function chronoCore(text: string, lang: string): { core: DateCore; time?: string } | undefined {
  if (text.length > CHRONO_MAX_CHARS) return undefined;
  const parser = lang.toLowerCase().startsWith('ru') ? chronoRu.strict : lang.toLowerCase().startsWith('en') ? chronoEn.strict : undefined;
  const result = parser?.parse(text, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!result || !result.start.isCertain('day') || !result.start.isCertain('month') || !result.start.isCertain('year')) return undefined;
  const start = result.start;
  const date = isoDate(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
  if (!date || result.end) return undefined;
  const core: DateCore = { date, start: result.index, end: result.index + result.text.length, fusedTime: false };
  if (!start.isCertain('hour')) return { core };
  if (!start.isCertain('minute')) return undefined;
  const time = `${String(start.get('hour')).padStart(2, '0')}:${String(start.get('minute')).padStart(2, '0')}`;
  return { core, time };
}

function stripQualifier(text: string): { text: string; kind: Dateline['kind'] } {
  for (const qualifier of QUALIFIERS) {
    const match = qualifier.pattern.exec(text);
    if (match) return { text: text.slice(match[0].length), kind: qualifier.kind };
  }
  return { text, kind: undefined };
}

/**
 * The whole line is a dateline: a date, with an optional clock time, place or venue, weekday and
 * qualifier, in English, Russian, Kyrgyz or numeric form. See docs/normalisation.md for the list of forms.
 * A date without a year ("БИШКЕК, 26 ноября. /ТАСС/.") is not a dated dateline: no year is ever invented.
 */
export function parseDateline(input: string, options: DateOptions = {}): Dateline | undefined {
  const lang = options.lang ?? 'en';
  const line = collapse(input);
  if (line === '' || line.length > DATELINE_MAX_CHARS || !/\d/.test(line)) return undefined;
  for (const pattern of options.patterns ?? []) {
    const dateline = fromPattern(pattern, line);
    if (dateline) return dateline;
  }
  const qualified = stripQualifier(line);
  // A closing period goes, unless it ends an abbreviation the date or place needs ("г.", "ж.", "D.C.").
  const text = qualified.text.replace(TRAILING_NOTE, '').replace(/(?<!(?:^|[\s,.])\p{L}{1,2})\.$/u, '');
  for (const core of findDateCores(text, lang)) {
    const prefix = parsePrefix(text.slice(0, core.start));
    const suffix = prefix && parseSuffix(text.slice(core.end), core.fusedTime);
    if (prefix && suffix) return build(core.date, prefix, suffix, qualified.kind);
  }
  const found = chronoCore(text, lang);
  if (!found) return undefined;
  const prefix = parsePrefix(text.slice(0, found.core.start));
  const suffix = prefix && parseSuffix(text.slice(found.core.end), false);
  if (!prefix || !suffix) return undefined;
  if (found.time && suffix.time) return undefined;
  return build(found.core.date, prefix, found.time ? { ...suffix, time: found.time } : suffix, qualified.kind);
}

export interface DateInText {
  date: string;
  time?: string | null;
  /** Where the date (and its time, when one follows) stands in the input: `input.slice(start, end)`. */
  start: number;
  end: number;
}

/**
 * The first date inside a longer line, for a page without a dateline: a title ending in a date ("Press
 * Briefing by …, 1/11/2017", "…, Moscow, May 31, 2016", "(24/07/19)"), a rubric fused to it ("Политика20
 * декабря 2018 15:54") or a date before a view counter ("28.08.2024 09:31 / 963"). A clock time right after
 * the date is taken with it. It also fires on a sentence that mentions a date: the caller decides.
 */
export function findDateIn(input: string, options: DateOptions = {}): DateInText | undefined {
  const lang = options.lang ?? 'en';
  const text = spacesToAscii(input);
  let core: DateCore | undefined = findDateCores(text, lang)[0];
  let time: string | undefined;
  if (!core) {
    const found = chronoCore(text, lang);
    if (!found) return undefined;
    core = found.core;
    time = found.time;
  }
  let end = core.end;
  if (!time) {
    const after = text.slice(core.end, core.end + 60);
    const separator = core.fusedTime ? '' : /^(?:,\s*|\s+[-–—/|]\s+|\s+|T)(?:(?:at|в)\s+)?/u.exec(after)?.[0];
    const clock = separator === undefined ? undefined : readClock(after.slice(separator.length), false);
    if (separator !== undefined && clock) {
      time = clock.time;
      end = core.end + separator.length + clock.length;
    }
  }
  return { date: core.date, time: time ?? null, start: core.start, end };
}
