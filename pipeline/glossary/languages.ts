import { canonicalLocale, resolveLocales } from '../locale/resolve.ts';

export type LanguageColumn =
  | { kind: 'known'; tag: string; name: string }
  /** A language, but none the project publishes: its terms are read and never used. */
  | { kind: 'foreign'; tag: string; name: string }
  /** Not a language: a misspelt column (`statu`, `notes`) or a typo in a tag. */
  | { kind: 'unknown'; why?: string };

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The English name CLDR gives a tag (Kazakh, British English), or undefined when it knows none. */
export function languageName(tag: string): string | undefined {
  try {
    return names.of(tag);
  } catch {
    return undefined;
  }
}

/**
 * What a glossary's language label (a CSV header, a TBX `xml:lang`) names. `Intl` alone accepts any
 * five-to-eight-letter word as a language subtag (`statu`, `notes`), so a plausible language here is a
 * two- or three-letter one that is either a project locale (or in a project locale's fallback chain:
 * `ky` serves `ky-KG`) or a language CLDR has a name for.
 */
export function languageColumn(label: string, locales?: readonly string[]): LanguageColumn {
  const tag = canonicalLocale(label.trim());
  if (!tag) return { kind: 'unknown', why: `“${label}” is not a BCP 47 language tag` };
  const primary = tag.split('-')[0]!;
  if (!/^[a-z]{2,3}$/.test(primary))
    return { kind: 'unknown', why: `a language subtag has two or three letters, “${primary}” has ${primary.length}` };
  const name = languageName(tag) ?? languageName(primary);
  if (locales?.some((locale) => resolveLocales(canonicalLocale(locale) ?? locale).includes(tag)))
    return { kind: 'known', tag, name: name ?? tag };
  if (!name) return { kind: 'unknown', why: `“${tag}” names no language known to CLDR` };
  return locales && locales.length > 0 ? { kind: 'foreign', tag, name } : { kind: 'known', tag, name };
}
