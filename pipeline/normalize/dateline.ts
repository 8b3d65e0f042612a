const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Russian genitive ("ноября") and Kyrgyz nominative ("ноябрь") month names share their first three letters.
const CYRILLIC_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

export interface Dateline {
  date: string;
  place: string | null;
  time?: string | null;
  timezone?: string | null;
}

const PLACE = String.raw`(?:,? (?<place>[^,.:;\d]{1,80}))?`;
const monthFirst = new RegExp(
  String.raw`^(?<month>[A-Za-z]+)\.? (?<day>\d{1,2})(?:st|nd|rd|th)?, (?<year>\d{4})(?: - (?<time>\d{1,2}:\d{2}) -)?${PLACE}$`,
);
const dayFirst = new RegExp(String.raw`^(?<day>\d{1,2}) (?<month>[A-Za-z]+)\.? (?<year>\d{4})${PLACE}$`);
const russian = new RegExp(String.raw`^(?<day>\d{1,2}) (?<month>\p{Script=Cyrillic}+) (?<year>\d{4})(?: года| г\.)?${PLACE}$`, 'u');
const kyrgyz = new RegExp(String.raw`^(?<day>\d{1,2})-(?<month>\p{Script=Cyrillic}+),? (?<year>\d{4})-ж(?:ыл|\.)\p{L}*\.?${PLACE}$`, 'u');
const numeric = /^(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})(?:,? (?<time>\d{1,2}:\d{2}))?(?:,? (?<place>[^,.:;\d]{1,80}))?$/u;
const DELIVERED = /^(?:delivered on|date|дата|күнү):\s*/i;

/**
 * "November 26, 2025, Bishkek", "26 ноября 2025 года, Бишкек", "14-ноябрь, 2025-жыл", "14.11.2025 11:32",
 * "May 24, 2018 - 23:25 - St Petersburg", "Delivered on: 2 September 2019" → ISO date, place, time.
 */
export function parseDateline(input: string): Dateline | undefined {
  const text = input.replace(DELIVERED, '').replace(/\s*\(.*\)$/, '');
  for (const pattern of [monthFirst, dayFirst, russian, kyrgyz, numeric]) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    const monthIndex = monthNumber(groups.month ?? '');
    if (monthIndex === undefined) continue;
    const day = groups.day ?? '';
    const iso = `${groups.year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
    const check = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.getUTCDate() !== Number(day)) return undefined;
    const place = groups.place?.trim().replace(/^-\s*/, '') || null;
    const dateline: Dateline = { date: iso, place };
    if (groups.time) dateline.time = groups.time.padStart(5, '0');
    return dateline;
  }
  return undefined;
}

function monthNumber(month: string): number | undefined {
  if (/^\d+$/.test(month)) {
    const number = Number(month) - 1;
    return number >= 0 && number < 12 ? number : undefined;
  }
  const lower = month.toLowerCase();
  const latin = MONTHS.findIndex((name) => name === lower || (lower.length >= 3 && name.startsWith(lower)));
  if (latin >= 0) return latin;
  // "ма" must not swallow "март": check the longer stems first.
  const order = [2, 0, 1, 3, 5, 6, 7, 8, 9, 10, 11, 4];
  const cyrillic = order.find((index) => lower.startsWith(CYRILLIC_MONTHS[index]!));
  return cyrillic === undefined || lower.length < 3 ? undefined : cyrillic;
}

export interface TimeLine {
  time: string;
  timezone: string | null;
  end: boolean;
}

const TIME_LINE = /^(?<end>END\s+)?(?<hour>\d{1,2}):(?<minute>\d{2})\s*(?:(?<half>[AP])\.?\s?M\.?)?(?:\s+(?<zone>[A-Z]{2,5}))?$/i;

/** "1:05 P.M. EDT" → 13:05 EDT; "END 2:10 P.M." → end time; "20:55" → 20:55. */
export function parseTimeLine(text: string): TimeLine | undefined {
  const groups = TIME_LINE.exec(text)?.groups;
  if (!groups) return undefined;
  let hour = Number(groups.hour);
  const minute = Number(groups.minute);
  if (minute > 59 || hour > 23 || (groups.half && (hour > 12 || hour === 0))) return undefined;
  if (groups.half?.toUpperCase() === 'P' && hour < 12) hour += 12;
  if (groups.half?.toUpperCase() === 'A' && hour === 12) hour = 0;
  return {
    time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    timezone: groups.zone?.toUpperCase() ?? null,
    end: Boolean(groups.end),
  };
}
