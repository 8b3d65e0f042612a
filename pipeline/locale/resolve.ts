import type { Locale } from '../types.ts';

export type FallbackLng = Locale | Locale[] | ({ default?: Locale[] } & Record<string, Locale[] | undefined>);

/**
 * The one fallback chain used by the TM lookup, the glossary and the UI strings, so the three never
 * disagree: `resolveLocales('de-CH', 'en')` → `['de-CH', 'de', 'en']` (i18next's `toResolveHierarchy`).
 */
export function resolveLocales(locale: Locale, fallbackLng: FallbackLng = []): Locale[] {
  const chain: Locale[] = [];
  const add = (tag: Locale | undefined) => {
    if (tag && !chain.includes(tag)) chain.push(tag);
  };
  const parts = locale.split('-');
  for (let length = parts.length; length > 0; length -= 1) add(parts.slice(0, length).join('-'));
  const fallbacks =
    typeof fallbackLng === 'string'
      ? [fallbackLng]
      : Array.isArray(fallbackLng)
        ? fallbackLng
        : (fallbackLng[locale] ?? fallbackLng[parts[0] ?? ''] ?? fallbackLng.default ?? []);
  for (const tag of fallbacks) add(tag);
  return chain;
}

/** A tag is valid when `Intl` accepts it; returns the canonical spelling. */
export function canonicalLocale(tag: string): Locale | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
