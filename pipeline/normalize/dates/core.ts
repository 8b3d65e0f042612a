import { monthNumber, TRADITIONAL_SECOND_WORDS } from './lexicon.ts';

/** A calendar date found in a string: ISO date, where it is, and a clock time fused to its year ("202103:43"). */
export interface DateCore {
  date: string;
  start: number;
  end: number;
  /** The year ran straight into a clock time ("11 September 202103:43"): the time starts at `end`. */
  fusedTime: boolean;
  /** A numeric form whose day/month order was read from the language (1/11/2017), not forced by a value over 12. */
  orderFromLanguage?: boolean;
}

/**
 * Every pattern is a short run of bounded tokens with no nested quantifiers, so a scan over a 1 MB line
 * costs a few steps per position (no catastrophic backtracking). Digits are fenced by lookarounds so that
 * "1.2.3.4.2020" or a phone number does not yield a date from its middle.
 */
const MONTH = String.raw`(?<month>\p{L}{3,12}(?: (?:${TRADITIONAL_SECOND_WORDS.join('|')}))?\.?)`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
/** A four-digit year, or one fused to "HH:MM" (a scraper dropped the space: "202103:43"). */
const YEAR = String.raw`(?<year>\d{4})(?:(?!\d)|(?<fused>(?=\d{2}:\d{2}(?!\d))))`;

interface CoreForm {
  name: string;
  pattern: RegExp;
}

const FORMS: CoreForm[] = [
  // "November 3, 2026", "Nov. 3rd 2026", "Аяк оона 20, 2024"
  { name: 'month-day-year', pattern: new RegExp(String.raw`(?<![\p{L}\d])${MONTH} (?<day>\d{1,2})${ORDINAL},? ${YEAR}`, 'giu') },
  // "3 November 2026", "3rd of November, 2026", "3 ноября 2026 года", "3 ноября 2026 г.", "07 июня / 2018"
  {
    name: 'day-month-year',
    pattern: new RegExp(
      String.raw`(?<![\d.,:/-])(?<day>\d{1,2})${ORDINAL} (?:of )?${MONTH}(?:,? | \/ )${YEAR}(?: (?:года|год|г\.|г)(?![\p{L}]))?`,
      'giu',
    ),
  },
  // Kyrgyz: "14-ноябрь, 2025-жыл", "14-ноябрь 2025-ж.", "22-Ноябрь, 2024-жыл"
  {
    name: 'kyrgyz-day-first',
    pattern: new RegExp(
      String.raw`(?<![\d.,:/-])(?<day>\d{1,2})-(?<month>\p{L}{3,12})\.?,? (?<year>\d{4})(?!\d)(?:-(?:жылы|жыл|ж\.|ж)(?![\p{L}]))?`,
      'giu',
    ),
  },
  // Kyrgyz: "2025-жылдын 14-ноябры", "2025-жылы 14-ноябрда"
  {
    name: 'kyrgyz-year-first',
    pattern: new RegExp(
      String.raw`(?<![\d.,:/-])(?<year>\d{4})-(?:жылдын|жылы|ж\.) ?(?<day>\d{1,2})-(?<month>\p{L}{3,12})(?![\p{L}])`,
      'giu',
    ),
  },
  // ISO: "2026-11-03"
  { name: 'iso', pattern: /(?<![\d./-])(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?![\d]|[./-]\d)/gu },
  // "26.11.2025", "26.11.2025 г."
  {
    name: 'dotted',
    pattern: /(?<![\d./-])(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})(?!\d|[./-]\d)(?: г\.)?/gu,
  },
  // "11/03/2026", "1/11/2017", "(24/07/19)": order decided in resolveSlash
  {
    name: 'slash',
    pattern: /(?<![\d./-])(?<first>\d{1,2})\/(?<second>\d{1,2})\/(?<year>\d{4}|\d{2})(?![\d]|[./-]\d)/gu,
  },
];

/** An ISO date when year, month and day make a real calendar day (no 30 February), else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Slash dates: M/D/YYYY in American English, D/M/YYYY elsewhere. US government pages (White House
 * titles, "1/11/2017") print month first; British, European, Russian and Kyrgyz pages print day first
 * ("24/07/19"), so `en-GB` and the other languages read D/M. A value over 12 forces the order either way.
 * Two-digit years are 20xx below 70 and 19xx from 70 (archives reach back to the 1990s, none to 1969).
 */
function resolveSlash(
  first: number,
  second: number,
  yearText: string,
  lang: string,
): { year: number; month: number; day: number; fromLanguage: boolean } {
  const twoDigit = Number(yearText);
  const year = yearText.length === 2 ? (twoDigit < 70 ? 2000 + twoDigit : 1900 + twoDigit) : twoDigit;
  if (first > 12) return { year, month: second, day: first, fromLanguage: false };
  if (second > 12) return { year, month: first, day: second, fromLanguage: false };
  const monthFirst = /^en(?:-US)?$/i.test(lang);
  return monthFirst ? { year, month: first, day: second, fromLanguage: true } : { year, month: second, day: first, fromLanguage: true };
}

function toCore(form: CoreForm, match: RegExpExecArray, lang: string): DateCore | undefined {
  const groups = match.groups!;
  let date: string | undefined;
  let orderFromLanguage: boolean | undefined;
  if (form.name === 'slash') {
    const resolved = resolveSlash(Number(groups.first), Number(groups.second), groups.year!, lang);
    date = isoDate(resolved.year, resolved.month, resolved.day);
    orderFromLanguage = resolved.fromLanguage;
  } else {
    const month = monthNumber(groups.month!);
    if (month === undefined) return undefined;
    date = isoDate(Number(groups.year), month, Number(groups.day));
  }
  if (!date) return undefined;
  const core: DateCore = { date, start: match.index, end: match.index + match[0].length, fusedTime: groups.fused !== undefined };
  if (orderFromLanguage !== undefined) core.orderFromLanguage = orderFromLanguage;
  return core;
}

/** Every date the forms above find in `text`, ordered by start (the longest first at one start). */
export function findDateCores(text: string, lang = 'en'): DateCore[] {
  const cores: DateCore[] = [];
  for (const form of FORMS) {
    form.pattern.lastIndex = 0;
    for (let match = form.pattern.exec(text); match; match = form.pattern.exec(text)) {
      const core = toCore(form, match, lang);
      if (core) cores.push(core);
      // A rejected match ("May 30, 2024" → fine; "Posts 6, 2024" → not a month) must not hide one starting inside it.
      if (!core) form.pattern.lastIndex = match.index + 1;
    }
  }
  return cores.sort((a, b) => a.start - b.start || b.end - a.end);
}
