const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface Dateline {
  date: string;
  place: string | null;
}

const monthFirst = /^(?<month>[A-Za-z]+)\.? (?<day>\d{1,2}), (?<year>\d{4})(?:, (?<place>[^,.:;]{1,80}))?$/;
const dayFirst = /^(?<day>\d{1,2}) (?<month>[A-Za-z]+)\.? (?<year>\d{4})(?:, (?<place>[^,.:;]{1,80}))?$/;

/** "November 26, 2025, Bishkek" → {date: "2025-11-26", place: "Bishkek"}; anything else → undefined. */
export function parseDateline(text: string): Dateline | undefined {
  const match = monthFirst.exec(text) ?? dayFirst.exec(text);
  if (!match?.groups) return undefined;
  const { month = '', day = '', year = '', place } = match.groups;
  const monthIndex = MONTHS.findIndex((name) => name === month.toLowerCase() || name.slice(0, 3) === month.toLowerCase());
  if (monthIndex < 0) return undefined;
  const iso = `${year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.getUTCDate() !== Number(day)) return undefined;
  return { date: iso, place: place?.trim() || null };
}
