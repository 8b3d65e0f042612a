// Addresses of the site's pages as feeds and sitemaps give them: absolute under `site.url` when the config
// has one, else relative to the output folder's root (where feed.<lang>.xml sits).
import type { PipelineConfig } from '../config/defaults.ts';
import { Reporter } from '../report/messages.ts';

/** The feed in `lang`: output/feed.<lang>.xml (here, not in feed.ts, so that the index can link it without a cycle). */
export const feedName = (lang: string) => `feed.${lang}.xml`;
export const ATOM_TYPE = 'application/atom+xml';

// Any host would do: it is only there to let URL percent-encode a relative path, and is cut off again.
const PLACEHOLDER = 'https://pressroom.invalid/';

/** `site.url` as a folder URL (with its trailing slash), or undefined when the config has none. */
export function siteBase(config: Pick<PipelineConfig, 'site'>): string | undefined {
  const url = config.site?.url;
  if (!url) return undefined;
  const base = new URL(url);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base.href;
}

/**
 * The address of an output file (`slug/en/index.html`, `feed.en.xml`) for a feed or a sitemap, percent-
 * encoded, absolute under `base`. A document page keeps its file name, as its og:url does (one address per
 * page for search engines); the site's own index is the site's address (`./` relative).
 */
export function siteHref(file: string, base: string | undefined): string {
  const page = file === 'index.html' ? '' : file;
  if (base) return new URL(page, base).href;
  return new URL(page, PLACEHOLDER).href.slice(PLACEHOLDER.length) || './';
}

/** The one warning of a build without `site.url`: feeds are written with relative links, the sitemap not at all. */
export function warnNoSiteUrl(config: Pick<PipelineConfig, 'site'>, report: Reporter | undefined): void {
  if (siteBase(config) || !report) return;
  // Filed against the config, where the fix goes, whichever reporter (the archive's manifest) collects it.
  const about = new Reporter('pressroom.config.json', report.locale);
  about.warn(
    'Unexpected config without "site.url", expected the address where the output folder is served ' +
      '("site": {"url": "https://…/"}): the Atom feeds link relatively and sitemap.xml is not written, as feeds and sitemaps need absolute URLs',
    { ruleId: 'site:no-url' },
  );
  report.messages.push(...about.messages);
}
