// sitemap.xml (sitemaps.org 0.9 with Google's xhtml:link hreflang annotations) and robots.txt naming it:
// every document page in every locale and every index page, each with all its language versions and an
// x-default (the first locale's version).
import type { PipelineConfig } from '../config/defaults.ts';
import { utf8, type OutputFile } from '../render/outputs.ts';
import { escapeXml as esc } from '../xliff/model.ts';
import { siteBase, siteHref } from './site-url.ts';
import type { IndexDocument } from '../report/index-model.ts';
import { publishedLocales } from '../config/locales.ts';

/** The folder of the translation dashboard and the XLIFF hand-off: work material, not pages for a search engine. */
const REPORT_FOLDER = 'report/';

/** One page in all its languages: each version is a `<url>` listing all of them. */
interface PageGroup {
  versions: { lang: string; file: string }[];
  /** The version for a reader whose language is none of them (x-default). */
  fallback: string;
  /** An extra `<url>` for the fallback when it is a page of its own (index.html beside index.en.html). */
  listFallback?: boolean;
}

/**
 * sitemap.xml and robots.txt; without `site.url` robots.txt alone: the sitemap protocol takes absolute
 * URLs only, and a sitemap of relative ones would be refused by every search engine. `indexPages` are the index pages the build writes (`index.html`,
 * `index.<lang>.html`, `index.<lang>.<more>.html`): pages of one name in several locales are alternates.
 */
export function sitemapFiles(config: PipelineConfig, documents: IndexDocument[], indexPages: string[]): OutputFile[] {
  const base = siteBase(config);
  const locales = publishedLocales(config);
  const robots = { path: 'robots.txt', contents: utf8(robotsTxt(base)) };
  if (!base) return [robots];
  const groups = [...indexGroups(indexPages, locales), ...documents.flatMap((document) => documentGroup(document, locales))];
  return [{ path: 'sitemap.xml', contents: utf8(sitemapXml(groups, base)) }, robots];
}

function indexGroups(pages: string[], locales: string[]): PageGroup[] {
  const byName = new Map<string, { lang: string; file: string }[]>();
  for (const file of [...pages].sort()) {
    const match = /^index\.([A-Za-z0-9-]+)\.((?:[^/]+\.)?)html$/.exec(file);
    if (!match || !locales.includes(match[1]!)) continue;
    const versions = byName.get(match[2]!) ?? [];
    versions.push({ lang: match[1]!, file });
    byName.set(match[2]!, versions);
  }
  return [...byName].map(([rest, versions]) => {
    versions.sort((a, b) => locales.indexOf(a.lang) - locales.indexOf(b.lang));
    // index.html is the first locale's index under the site's own address.
    const main = rest === '' && pages.includes('index.html');
    return { versions, fallback: main ? 'index.html' : versions[0]!.file, listFallback: main };
  });
}

function documentGroup(document: IndexDocument, locales: string[]): PageGroup[] {
  const versions = document.entries
    .filter((entry) => entry.page.href)
    .map((entry) => ({ lang: entry.lang, file: entry.page.href }))
    .sort((a, b) => rank(locales, a.lang) - rank(locales, b.lang));
  return versions.length > 0 ? [{ versions, fallback: versions[0]!.file }] : [];
}

const rank = (locales: string[], lang: string) => (locales.includes(lang) ? locales.indexOf(lang) : locales.length);

function sitemapXml(groups: PageGroup[], base: string): string {
  const href = (file: string) => esc(siteHref(file, base));
  const url = (loc: string, group: PageGroup) => [
    '  <url>',
    `    <loc>${href(loc)}</loc>`,
    ...group.versions.map((version) => `    <xhtml:link rel="alternate" hreflang="${esc(version.lang)}" href="${href(version.file)}"/>`),
    `    <xhtml:link rel="alternate" hreflang="x-default" href="${href(group.fallback)}"/>`,
    '  </url>',
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...groups.flatMap((group) => [
      ...(group.listFallback ? url(group.fallback, group) : []),
      ...group.versions.flatMap((version) => url(version.file, group)),
    ]),
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: effective only at the root of a host, so its paths carry the site's own path under it. */
function robotsTxt(base: string | undefined): string {
  const root = base ? new URL(base).pathname : '/';
  return [
    'User-agent: *',
    `Disallow: ${root}${REPORT_FOLDER}`,
    '',
    base
      ? `Sitemap: ${new URL('sitemap.xml', base).href}`
      : '# No sitemap: it needs the site\'s address; set "site": {"url": "https://…/"} in pressroom.config.json',
    '',
  ].join('\n');
}
