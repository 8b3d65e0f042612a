const rules = new Map<string, Intl.PluralRules>();

/**
 * “1 artifact”, “2 artifacts”: the count with its noun, the form chosen by `Intl.PluralRules` for the
 * messages' language (English: one / other). `plural` defaults to the noun with an s.
 */
export function countOf(count: number, singular: string, plural = `${singular}s`, lang = 'en'): string {
  let rule = rules.get(lang);
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
  return `${count} ${rule.select(count) === 'one' ? singular : plural}`;
}
