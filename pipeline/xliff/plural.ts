const rules = new Intl.PluralRules('en');

/**
 * "1 unit", "2 units", "0 units": the English forms through Intl.PluralRules (i18next's `_one`/`_other`),
 * so that the CLI's counts read right whatever the number. `plural` is for words that add more than an s.
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${rules.select(n) === 'one' ? singular : plural}`;
}
