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
