/**
 * Intl formatters, made once per language: constructing one costs far more than formatting with it, and
 * a 300-document site index formats a date, a language name and sizes for every document in every locale.
 */
function cached<T>(made: Map<string, T>, key: string, make: () => T): T {
  let value = made.get(key);
  if (value === undefined) made.set(key, (value = make()));
  return value;
}

const dates = new Map<string, Intl.DateTimeFormat>();
const names = new Map<string, Intl.DisplayNames>();
const sizes = new Map<string, Intl.NumberFormat>();

/** `Intl.DateTimeFormat(lang, {dateStyle: 'long', timeZone: 'UTC'})`, cached per language. */
export function longDateFormat(lang: string): Intl.DateTimeFormat {
  return cached(dates, lang, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }));
}

/** `Intl.DisplayNames([lang], {type: 'language'})`, cached per language. */
export function languageNames(lang: string): Intl.DisplayNames {
  return cached(names, lang, () => new Intl.DisplayNames([lang], { type: 'language' }));
}

/** A short unit format (`152 kB`, `1,3 МБ`), cached per language, unit and fraction digits. */
export function unitFormat(lang: string, unit: 'kilobyte' | 'megabyte', fractionDigits: number): Intl.NumberFormat {
  return cached(
    sizes,
    `${lang}\u0000${unit}\u0000${fractionDigits}`,
    () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: fractionDigits }),
  );
}
