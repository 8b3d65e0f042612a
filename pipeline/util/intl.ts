/**
 * Intl formatters, made once per language: constructing one costs far more than formatting with it, and
 * a 300-document site index formats a date, a language name and sizes for every document in every locale.
 */
const dates = new Map<string, Intl.DateTimeFormat>();
const names = new Map<string, Intl.DisplayNames>();

/** `Intl.DateTimeFormat(lang, {dateStyle: 'long', timeZone: 'UTC'})`, cached per language. */
export function longDateFormat(lang: string): Intl.DateTimeFormat {
  let format = dates.get(lang);
  if (!format) dates.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })));
  return format;
}

/** `Intl.DisplayNames([lang], {type: 'language'})`, cached per language. */
export function languageNames(lang: string): Intl.DisplayNames {
  let display = names.get(lang);
  if (!display) names.set(lang, (display = new Intl.DisplayNames([lang], { type: 'language' })));
  return display;
}

const sizes = new Map<string, Intl.NumberFormat>();

/** A short unit format (`152 kB`, `1,3 МБ`), cached per language, unit and fraction digits. */
export function unitFormat(lang: string, unit: 'kilobyte' | 'megabyte', fractionDigits: number): Intl.NumberFormat {
  const key = `${lang}\u0000${unit}\u0000${fractionDigits}`;
  let format = sizes.get(key);
  if (!format)
    sizes.set(
      key,
      (format = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: fractionDigits })),
    );
  return format;
}
