import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { PipelineConfig } from '../config/defaults.ts';
import { slugify } from '../emit/slug.ts';
import type { Translate } from '../i18n/ui.ts';
import { datelineNodes, formatDate, languageName, renderIndexPage, textDirection } from '../render/page.ts';
import { outputFormat } from '../render/formats.ts';
import { utf8, type OutputFile } from '../render/outputs.ts';
import { ATOM_TYPE, feedName } from '../site/site-url.ts';
import type { IndexData, IndexItem, IndexSection, LinkList } from '../../templates/page-index.ts';
import type { IndexDocument, IndexEntry } from '../report/index-model.ts';
import type { Link } from '../../templates/page.ts';
import { publishedLocales } from '../config/locales.ts';

const INDEX_CSS =
  'body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;line-height:1.5}ul.files,ul.years,nav.alternates ul{display:flex;flex-wrap:wrap;gap:0 1rem;list-style:none;padding:0}.dateline,.size,footer{color:#555}footer{font-size:.9rem}article.document{margin:0 0 1.25rem}article.document :is(h3,h4,h5,p,ul){margin:.2rem 0}details{margin:.25rem 0}summary{cursor:pointer}ul.filter{columns:14rem}form.search{margin:1rem 0}\n';

/** Above this many documents, a locale's index lists the years and the latest documents; each year gets a page. */
export const YEAR_PAGES_ABOVE = 100;
/** Documents the index shows itself once the years have pages of their own. */
export const LATEST = 20;

/** The index in `lang`: output/index.<lang>.html. */
export const indexName = (lang: string) => `index.${lang}.html`;
/** Documents on one year page: a year with more continues on index.<lang>.<year>.2.html, … */
export const YEAR_PAGE_SIZE = 100;
/** Documents on one speaker's or place's page (one line each): more continue on ….2.html, … */
export const FILTER_PAGE_SIZE = 400;

// Part numbers follow a dot: keys and years have none, so `name-2` (a second name with the key `name`)
// part 1 and `name` part 2 never share a file name.
const part = (number: number) => (number > 1 ? `.${number}` : '');
/** A year of the index in `lang` (or `undated`): output/index.<lang>.<year>.html, then .<year>.2.html… */
export const yearPageName = (lang: string, year: string, number = 1) => `index.${lang}.${year}${part(number)}.html`;
/** A speaker's or a place's documents in `lang`: output/index.<lang>.<kind>.<key>.html, then ….2.html… */
export const filterPageName = (lang: string, kind: 'speaker' | 'place', key: string, number = 1) =>
  `index.${lang}.${kind}.${key}${part(number)}.html`;

const UNDATED = 'undated';

/** A document with the date it is filed under, the same in every locale so that all indexes group alike. */
interface Dated {
  document: IndexDocument;
  date: string | undefined;
}

/**
 * output/index.html (in the first locale), one output/index.<locale>.html per locale and their stylesheet,
 * newest first, grouped by year and month; above YEAR_PAGES_ABOVE documents a page per year; a page per
 * speaker and per place, linked from the index (filters that need no script). Everything in the index's
 * language: headings, dates, labels.
 */
export function indexFiles(
  config: PipelineConfig,
  documents: IndexDocument[],
  translators: (lang: string) => Translate | undefined,
): OutputFile[] {
  const locales = publishedLocales(config);
  const dated = newestFirst(documents);
  const years = [...new Set(dated.map((each) => yearOf(each.date)))];
  const paged = documents.length > YEAR_PAGES_ABOVE;
  const files = locales.flatMap((lang) =>
    localeFiles({ config, dated, years, paged, lang, locales, t: translators(lang) ?? ((key: string) => key) }),
  );
  return [
    { path: 'index.html', contents: files.find((file) => file.path === indexName(locales[0]!))!.contents },
    ...files,
    { path: 'index.css', contents: utf8(INDEX_CSS) },
  ];
}

interface LocaleInput {
  config: PipelineConfig;
  dated: Dated[];
  years: string[];
  paged: boolean;
  lang: string;
  locales: string[];
  t: Translate;
}

function localeFiles(input: LocaleInput): OutputFile[] {
  const { config, dated, years, paged, lang, locales, t } = input;
  const speakers = keyed(dated.flatMap(({ document }) => entryIn(document, lang)?.speakers ?? []));
  const places = keyed(dated.flatMap(({ document }) => entryIn(document, lang)?.place ?? []));
  const items = dated.map((each) => ({ ...each, item: indexItem(each.document, lang, t, speakers) }));
  const languages = new Intl.ListFormat(lang, { type: 'conjunction' }).format(locales.map((locale) => languageName(locale, lang)));
  const base = {
    lang,
    dir: textDirection(lang),
    stylesheet: 'index.css',
    othersHeading: t('document.languages'),
    languagesHeading: t('document.languages'),
    speakersHeading: t('document.speakers'),
    downloadsHeading: t('download.heading'),
    search: { action: `search.${lang}.html`, label: t('search.label'), submit: t('search.submit') },
    feed: { href: feedName(lang), label: t('feed.link'), type: ATOM_TYPE, hreflang: lang },
    attribution: config.attribution
      ? `${config.attribution.source}${config.attribution.license ? ` (${config.attribution.license})` : ''}`
      : undefined,
  };
  const alternatesOf = (name: (locale: string) => string): Link[] =>
    locales
      .filter((locale) => locale !== lang)
      .map((locale) => ({ href: name(locale), label: languageName(locale), lang: locale, hreflang: locale }));
  const up: Link = { href: indexName(lang), label: t('index.all') };
  const yearLabel = (year: string) => (year === UNDATED ? t('index.undated') : year);
  const yearList = (current?: string): LinkList => ({
    heading: t('index.years'),
    links: years.map((year) => ({
      href: yearPageName(lang, year),
      label: yearLabel(year),
      count: dated.filter((each) => yearOf(each.date) === year).length,
      current: year === current,
    })),
  });
  const filterList = (heading: string, kind: 'speaker' | 'place', names: Map<string, string>, count: (name: string) => number) => ({
    heading,
    links: [...names].map(([name, key]) => ({ href: filterPageName(lang, kind, key), label: name, count: count(name) })),
  });
  const bySpeaker = (name: string) =>
    items.filter(({ document }) => entryIn(document, lang)?.speakers?.some((each) => each.trim() === name));
  const byPlace = (name: string) => items.filter(({ document }) => entryIn(document, lang)?.place?.trim() === name);

  const pages: [string, IndexData][] = [];
  /** `data` for `chosen` documents, on as many pages as `size` asks, linked to each other by number. */
  const paginate = (chosen: Placed[], size: number, name: (number: number) => string, data: (page: Placed[]) => IndexData) => {
    const parts = Array.from({ length: Math.max(1, Math.ceil(chosen.length / size)) }, (_, at) => chosen.slice(at * size, (at + 1) * size));
    parts.forEach((page, at) => {
      const made = data(page);
      if (parts.length > 1) {
        made.title = `${made.title} (${t('index.part', { part: at + 1, parts: parts.length })})`;
        made.parts = {
          heading: t('index.pages'),
          links: parts.map((_, other) => ({ href: name(other + 1), label: String(other + 1), current: other === at })),
        };
      }
      pages.push([name(at + 1), made]);
    });
  };
  pages.push([
    indexName(lang),
    {
      ...base,
      title: t('index.title'),
      intro: t('index.intro', { count: dated.length, languages }),
      alternates: alternatesOf(indexName),
      years: paged ? yearList() : undefined,
      filters:
        speakers.size + places.size > 0
          ? {
              heading: t('index.browse'),
              lists: [
                filterList(t('index.bySpeaker'), 'speaker', speakers, (name) => bySpeaker(name).length),
                filterList(t('index.byPlace'), 'place', places, (name) => byPlace(name).length),
              ],
            }
          : undefined,
      sectionsHeading: paged ? t('index.latest') : undefined,
      sections: paged ? months(items.slice(0, LATEST), lang, t('index.undated')) : byYear(items, lang, yearLabel),
    },
  ]);
  if (paged)
    for (const year of years) {
      const inYear = items.filter((each) => yearOf(each.date) === year);
      paginate(
        inYear,
        YEAR_PAGE_SIZE,
        (number) => yearPageName(lang, year, number),
        (page) => ({
          ...base,
          title: year === UNDATED ? `${t('index.title')}: ${t('index.undated')}` : t('index.yearTitle', { year }),
          intro: t('index.documents', { count: inYear.length }),
          alternates: alternatesOf((locale) => yearPageName(locale, year)),
          up,
          years: yearList(year),
          sections:
            year === UNDATED
              ? [{ id: `_${UNDATED}`, heading: yearLabel(year), sections: [], items: page.map(({ item }) => item) }]
              : months(page, lang, t('index.undated')),
        }),
      );
    }
  const filterPages = (kind: 'speaker' | 'place', names: Map<string, string>, pick: (name: string) => typeof items, title: string) => {
    for (const [name, key] of names) {
      const chosen = pick(name);
      paginate(
        chosen,
        FILTER_PAGE_SIZE,
        (number) => filterPageName(lang, kind, key, number),
        (page) => ({
          ...base,
          search: undefined,
          title: t(title, kind === 'speaker' ? { name } : { place: name }),
          intro: t('index.documents', { count: chosen.length }),
          alternates: [],
          up,
          compact: true,
          sections: byYear(page, lang, yearLabel, false),
        }),
      );
    }
  };
  filterPages('speaker', speakers, bySpeaker, 'index.speakerTitle');
  filterPages('place', places, byPlace, 'index.placeTitle');
  return pages.map(([path, data]) => ({ path, contents: utf8(renderIndexPage(data)) }));
}

/** Newest first; undated documents last; the slug breaks ties so that every build lists alike. */
export function newestFirst(documents: readonly IndexDocument[]): Dated[] {
  return documents
    .map((document) => ({ document, date: document.entries.find((entry) => entry.date)?.date }))
    .sort((a, b) => {
      if (a.date !== b.date) {
        if (!a.date) return 1;
        if (!b.date) return -1;
        return a.date < b.date ? 1 : -1;
      }
      return a.document.slug < b.document.slug ? -1 : a.document.slug > b.document.slug ? 1 : 0;
    });
}

const yearOf = (date: string | undefined) => date?.slice(0, 4) ?? UNDATED;

type Placed = Dated & { item: IndexItem };

/** Years, each with its months (or, for the filters' one-line lists, with its documents directly). */
function byYear(items: Placed[], lang: string, label: (year: string) => string, withMonths = true): IndexSection[] {
  const years = new Map<string, Placed[]>();
  for (const each of items) years.set(yearOf(each.date), [...(years.get(yearOf(each.date)) ?? []), each]);
  return [...years].map(([year, inYear]) => ({
    id: `_${year}`,
    heading: label(year),
    sections: withMonths && year !== UNDATED ? months(inYear, lang, label(UNDATED)) : [],
    items: withMonths && year !== UNDATED ? [] : inYear.map(({ item }) => item),
  }));
}

/** Month headings in the index's language ("November 2025", "ноябрь 2025 г."); undated documents last. */
function months(items: Placed[], lang: string, undated: string): IndexSection[] {
  const groups = new Map<string, Placed[]>();
  for (const each of items) {
    const month = each.date?.slice(0, 7) ?? UNDATED;
    groups.set(month, [...(groups.get(month) ?? []), each]);
  }
  const format = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return [...groups].map(([month, inMonth]) => ({
    id: `_${month}`,
    heading: month === UNDATED ? undated : capitalise(format.format(new Date(`${month}-01T00:00:00Z`)), lang),
    sections: [],
    items: inMonth.map(({ item }) => item),
  }));
}

const capitalise = (text: string, lang: string) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);

/**
 * A page name for each name (speakers, places): its ASCII transliteration, numbered when two names share
 * one; in the order of the names' first use, which is newest first.
 */
function keyed(names: string[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  const sorted = [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  for (const name of sorted) {
    // slugify reads a file name: dots and slashes in a name ("A. B. Smith") are word breaks, not an extension.
    const base = slugify(name.replace(/[./\\]/g, ' ') + '.x');
    let key = base;
    for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
    taken.add(key);
    keys.set(name, key);
  }
  return keys;
}

const entryIn = (document: IndexDocument, lang: string): IndexEntry | undefined =>
  document.entries.find((each) => each.lang === lang) ?? document.entries[0];

function indexItem(document: IndexDocument, lang: string, t: Translate, speakers: Map<string, string>): IndexItem {
  const entry = entryIn(document, lang);
  if (!entry) return { slug: document.slug, title: document.slug, lang, href: '', dateline: [], speakers: [], links: [], others: [] };
  const foreign = entry.lang === lang ? undefined : entry.lang;
  return {
    slug: document.slug,
    title: entry.title,
    lang: entry.lang,
    ...(entry.titleLang ? { titleLang: entry.titleLang } : {}),
    href: entry.page.href,
    dateline: dateline(entry, lang, t),
    speakers: (entry.speakers ?? []).map((name) => ({
      href: filterPageName(lang, 'speaker', speakers.get(name.trim()) ?? ''),
      label: name,
      lang: foreign,
    })),
    // The label in the index's language, by the format the entry names (an entry written before formats were
    // recorded keeps the label it was built with).
    links: entry.files.map(({ format, ...file }) => {
      const known = outputFormat(format);
      return { ...file, label: known ? t(known.label) : file.label };
    }),
    others: document.entries
      .filter((other) => other !== entry)
      .map((other) => ({ href: other.page.href, label: languageName(other.lang, lang), hreflang: other.lang })),
    original: originalLink(document, entry, lang, t),
  };
}

/** "Original: Русский" in the index's language, linking the original's page when the site has it. */
function originalLink(document: IndexDocument, entry: IndexEntry, lang: string, t: Translate): Link | undefined {
  const source = entry.sourceLang;
  if (!source) return undefined;
  const page = document.entries.find((each) => each.lang === source)?.page.href;
  return {
    href: page ?? '',
    hreflang: page ? source : undefined,
    label: t('document.originalLanguage', { language: languageName(source, lang) }),
  };
}

/** "26 November 2025, Bishkek" in the index's language and the catalog's order, the date as `time`. */
function dateline(entry: IndexEntry, lang: string, t: Translate): ElementContent[] {
  // Entries cached by an older build have only the preformatted text.
  if (!entry.date && !entry.place) return entry.dateline ? [{ type: 'text', value: entry.dateline }] : [];
  const date: ElementContent = entry.date ? h('time', { dateTime: entry.date }, formatDate(entry.date, lang)) : { type: 'text', value: '' };
  const placeLang = entry.placeLang ?? entry.lang;
  const place: ElementContent =
    placeLang === lang ? { type: 'text', value: entry.place ?? '' } : h('bdi', { lang: placeLang }, entry.place ?? '');
  if (!entry.date || !entry.place) return [entry.date ? date : place];
  return datelineNodes(t, date, place);
}
