import { resolveLocales, type FallbackLng } from '../locale/resolve.ts';

export interface UiFallback {
  locale: string;
  /** The catalog its interface comes from instead, or undefined when no language in its chain has one. */
  fallsBackTo: string | undefined;
  chain: string[];
}

/**
 * The locales whose interface (locales/<lng>/ui.json) would come from another language: `kk` with
 * catalogs for en, ru and ky gets English buttons and headings. A regional locale served by its
 * language (`ky-KG` by `ky`) is not one. The chain is the one the translator uses (`resolveLocales`).
 */
export function uiFallbacks(locales: readonly string[], catalogLanguages: ReadonlySet<string>, fallbackLng: FallbackLng): UiFallback[] {
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
  const found: UiFallback[] = [];
  for (const locale of locales) {
    const chain = resolveLocales(locale, fallbackLng);
    const fallsBackTo = chain.find((tag) => catalogLanguages.has(tag));
    if (fallsBackTo === undefined || primary(fallsBackTo) !== primary(locale)) found.push({ locale, fallsBackTo, chain });
  }
  return found;
}

/** One sentence per locale, for the CLI: what is missing, what exists, what the pages get instead. */
export function describeUiFallback(fallback: UiFallback, catalogs: string, catalogLanguages: ReadonlySet<string>): string {
  const known = [...catalogLanguages].sort().join(', ') || 'none';
  const instead = fallback.fallsBackTo
    ? `its pages use the ${fallback.fallsBackTo} interface (fallback chain ${fallback.chain.join(' → ')})`
    : `its pages show the UI string keys (no language of its chain ${fallback.chain.join(' → ')} has a catalog)`;
  return `Unexpected locale “${fallback.locale}” without UI strings (no ${catalogs}/${fallback.locale}/ui.json), expected one of the locales with UI strings (${known}) or that catalog; ${instead}`;
}

/** The locales the site is published in (index pages, feeds, sitemap, search, archive): the config's, else its source locale. */
export function publishedLocales(config: { locales: string[]; sourceLocale: string }): string[] {
  return config.locales.length > 0 ? config.locales : [config.sourceLocale];
}
