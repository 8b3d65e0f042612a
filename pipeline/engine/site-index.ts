import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { PipelineConfig } from '../config/defaults.ts';
import type { Translate } from '../i18n/ui.ts';
import { datelineNodes, formatDate, languageName, renderIndexPage, textDirection } from '../render/page.ts';
import { utf8, type OutputFile } from '../render/outputs.ts';
import type { IndexDocument, IndexEntry, IndexItem } from '../../templates/page-index.ts';
import type { Link } from '../../templates/page.ts';

const INDEX_CSS =
  'body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;line-height:1.5}ul.files,nav.alternates ul{display:flex;flex-wrap:wrap;gap:0 1rem;list-style:none;padding:0}.dateline,.size,footer{color:#555}footer{font-size:.9rem}\n';

/** The index in `lang`: output/index.<lang>.html. */
export const indexName = (lang: string) => `index.${lang}.html`;

/**
 * output/index.html (in the first locale), one output/index.<locale>.html per locale and their stylesheet:
 * every document with its title, date, place, locales and downloads with sizes, in the index's language.
 */
export function indexFiles(
  config: PipelineConfig,
  documents: IndexDocument[],
  translators: (lang: string) => Translate | undefined,
): OutputFile[] {
  const locales = config.locales.length > 0 ? config.locales : [config.sourceLocale];
  const pages = locales.map((lang) => ({
    lang,
    html: indexHtml(config, documents, lang, translators(lang) ?? ((key: string) => key), locales),
  }));
  return [
    { path: 'index.html', contents: utf8(pages[0]!.html) },
    ...pages.map((page) => ({ path: indexName(page.lang), contents: utf8(page.html) })),
    { path: 'index.css', contents: utf8(INDEX_CSS) },
  ];
}

function indexHtml(config: PipelineConfig, documents: IndexDocument[], lang: string, t: Translate, locales: string[]): string {
  const languages = new Intl.ListFormat(lang, { type: 'conjunction' }).format(locales.map((locale) => languageName(locale, lang)));
  return renderIndexPage({
    lang,
    dir: textDirection(lang),
    title: t('index.title'),
    intro: t('index.intro', { count: documents.length, languages }),
    stylesheet: 'index.css',
    othersHeading: t('document.languages'),
    languagesHeading: t('document.languages'),
    alternates: locales
      .filter((locale) => locale !== lang)
      .map((locale) => ({ href: indexName(locale), label: languageName(locale), lang: locale, hreflang: locale })),
    items: documents.map((document) => indexItem(document, lang, t)),
    attribution: config.attribution
      ? `${config.attribution.source}${config.attribution.license ? ` (${config.attribution.license})` : ''}`
      : undefined,
  });
}

function indexItem(document: IndexDocument, lang: string, t: Translate): IndexItem {
  const entry = document.entries.find((each) => each.lang === lang) ?? document.entries[0];
  if (!entry) return { slug: document.slug, title: document.slug, lang, dateline: [], links: [], others: [] };
  const format = (link: Link) => /\.(pdf|epub|zip)$/.exec(link.href)?.[1]?.replace('zip', 'bundle');
  return {
    slug: document.slug,
    title: entry.title,
    lang: entry.lang,
    dateline: dateline(entry, lang, t),
    links: [
      { ...entry.page, label: t('download.html') },
      ...entry.files.map((file) => ({ ...file, label: format(file) ? t(`download.${format(file)}`) : file.label })),
    ],
    others: document.entries
      .filter((other) => other !== entry)
      .map((other) => ({ href: other.page.href, label: languageName(other.lang, lang), hreflang: other.lang })),
  };
}

/** "26 November 2025, Bishkek" in the index's language and the catalog's order, the date as `time`. */
function dateline(entry: IndexEntry, lang: string, t: Translate): ElementContent[] {
  // Entries cached by an older build have only the preformatted text.
  if (!entry.date && !entry.place) return [{ type: 'text', value: entry.dateline }];
  const date: ElementContent = entry.date ? h('time', { dateTime: entry.date }, formatDate(entry.date, lang)) : { type: 'text', value: '' };
  const placeLang = entry.placeLang ?? entry.lang;
  const place: ElementContent =
    placeLang === lang ? { type: 'text', value: entry.place ?? '' } : h('bdi', { lang: placeLang }, entry.place ?? '');
  if (!entry.date || !entry.place) return [entry.date ? date : place];
  return datelineNodes(t, date, place);
}
