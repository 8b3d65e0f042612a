import type { Element, ElementContent } from 'hast';
import type { Heading } from 'mdast';
import { h } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import { indexPage, type IndexData } from '../../templates/page-index.ts';
import { transcriptPage, type Link } from '../../templates/page.ts';
import type { Attribution } from '../config/defaults.ts';
import type { Translate } from '../i18n/ui.ts';
import type { TranscriptRoot } from '../types.ts';
import { sanitizeContent } from './sanitize.ts';
import { cssString, serializeHtml, serializeXhtml } from './serialize.ts';
import { toHast } from './html/to-hast.ts';
import { languageNames, longDateFormat, unitFormat } from '../util/intl.ts';
import { linkPreview } from './link-preview.ts';

export interface PageInput {
  tree: TranscriptRoot;
  lang: string;
  /** The document's own language (`meta.sourceLang`, else the config's `sourceLocale`): its page is the original. */
  sourceLang: string;
  /** The language the config is written in (`sourceLocale`): the attribution's names are marked with it. */
  configLang?: string;
  t: Translate;
  downloads: Link[];
  alternates: Link[];
  attribution: Attribution | null;
  untranslated: number;
  /** The page's absolute address, when `site.url` is configured (optional): og:url and the JSON-LD's url. */
  url?: string;
  /** The press office publishing the site (optional): og:site_name and the JSON-LD's publisher. */
  publisher?: string | null;
}

export function formatDate(iso: string, lang: string): string {
  return longDateFormat(lang).format(new Date(`${iso}T00:00:00Z`));
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'dv', 'ckb', 'sd', 'ug']);

/** Writing direction of a locale's script (Node 20's Intl has no textInfo yet). */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

export function languageName(lang: string, inLang = lang): string {
  const name = languageNames(inLang).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(inLang) + name.slice(1);
}

/** Title as the reader sees it: the translated heading, not the source metadata. */
export function documentTitle(tree: TranscriptRoot): string {
  const heading = tree.children.find((node) => node.type === 'heading');
  return heading ? toString(heading).trim() : tree.data.meta.title;
}

/**
 * The language the title is in when it is not the page's (a heading that fell back, or no heading: the
 * source's metadata), for `lang` on `<title>`; undefined when it is the page's, or mixed (the `<h1>` then
 * marks each part).
 */
export function documentTitleLang(tree: TranscriptRoot, lang: string, sourceLang: string): string | undefined {
  const heading = tree.children.find((node) => node.type === 'heading');
  if (!heading) return sourceLang === lang ? undefined : sourceLang;
  const langs = new Set(heading.children.map((child) => (child.type === 'segment' ? child.lang : lang)));
  const [only] = langs;
  return langs.size === 1 && only !== lang ? only : undefined;
}

/**
 * The event's clock time in the reader's locale ("2:00 PM", "14:00"), with the zone as the source printed it;
 * the time is the wall clock of the place, so it is formatted as UTC to keep Intl from shifting it.
 */
export function formatTime(time: string, lang: string, timezone?: string | null): string {
  const clock = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(`1970-01-01T${time}:00Z`),
  );
  return timezone ? `${clock} ${timezone}` : clock;
}

function datelineContent(tree: TranscriptRoot, lang: string, t: Translate): ElementContent[] {
  const { date, time, timezone, place, placeLang } = tree.data.meta;
  const printed = date && time ? `${formatDate(date, lang)}, ${formatTime(time, lang, timezone)}` : date ? formatDate(date, lang) : '';
  const dateNode: ElementContent = date ? h('time', { dateTime: time ? `${date}T${time}` : date }, printed) : { type: 'text', value: '' };
  if (!place) return [dateNode];
  const placeNode: ElementContent = placeLang && placeLang !== lang ? h('bdi', { lang: placeLang }, place) : { type: 'text', value: place };
  return datelineNodes(t, dateNode, placeNode);
}

/** The catalog's `document.dateline` with the date and place nodes where it puts them ("{{place}}, {{date}}" in some languages). */
export function datelineNodes(t: Translate, date: ElementContent, place: ElementContent): ElementContent[] {
  return (
    t('document.dateline', { date: '\u0001', place: '\u0002' })
      // eslint-disable-next-line no-control-regex -- the markers are control characters so no catalog text can contain them
      .split(/([\u0001\u0002])/)
      .filter((part) => part !== '')
      .map((part) => (part === '\u0001' ? date : part === '\u0002' ? place : { type: 'text', value: part }))
  );
}

function attributionContent(attribution: Attribution | null, t: Translate, sourceLang: string): ElementContent[] {
  if (!attribution) return [];
  const source = attribution.url
    ? h('a', { href: attribution.url, lang: sourceLang }, attribution.source)
    : h('span', { lang: sourceLang }, attribution.source);
  const marker = '\u0000';
  const [before = '', after = ''] = t('attribution.source', { source: marker }).split(marker);
  const parts: ElementContent[] = [{ type: 'text', value: before }, source, { type: 'text', value: after }];
  if (attribution.license) {
    // Written in the config, like the source's name: marked with the language the source's name is marked with.
    const license = attribution.licenseUrl
      ? h('a', { href: attribution.licenseUrl, rel: 'license', lang: sourceLang }, attribution.license)
      : h('span', { lang: sourceLang }, attribution.license);
    const [licenseBefore = '', licenseAfter = ''] = t('attribution.license', { license: marker }).split(marker);
    parts.push({ type: 'text', value: '. ' + licenseBefore }, license, { type: 'text', value: licenseAfter });
  }
  return [h('p', parts)];
}

/**
 * Which page is the original: "This is the original text." on it, "Translated from Russian." on the others
 * (the language switcher links the original). Not a link here: the print is made from this page, where a
 * relative link would point into the scratch folder it was printed from. The name is in the page's
 * language, mid-sentence, so not capitalised.
 */
function provenanceContent(input: PageInput): ElementContent[] {
  return [h('p', { className: ['provenance'] }, provenanceNote(input.t, input.lang, input.sourceLang))];
}

/** The note of which text this is, as the page, the e-book's `dc:description` and the print's Subject give it. */
export function provenanceNote(t: Translate, lang: string, sourceLang: string): string {
  if (lang === sourceLang) return t('document.original');
  return t('document.translatedFrom', { language: languageNames(lang).of(sourceLang) ?? sourceLang });
}

export interface TocEntry {
  id: string;
  label: string;
}

/**
 * Gives every speaker's section an id the e-book's table of contents and the web page's fragment links
 * can point at; after sanitising, which would otherwise rewrite them.
 */
export function numberSections(body: ElementContent[]): TocEntry[] {
  const toc: TocEntry[] = [];
  const named: Element[] = [];
  for (const node of body) {
    if (node.type !== 'element' || node.tagName !== 'section') continue;
    const heading = node.children.find((child) => child.type === 'element' && /^h[2-6]$/.test(child.tagName));
    if (!heading) continue;
    const id = `turn-${toc.length + 1}`;
    node.properties.id = id;
    (heading as Element).properties.id = `${id}-heading`;
    named.push(node);
    toc.push({ id, label: hastToString(heading).replace(/\s+/g, ' ').trim() });
  }
  // A named section is a landmark, and landmarks must differ by name: a speaker who takes the floor again
  // (a briefing's spokesperson between questions) gets sections without a name, the heading still in them.
  const uses = new Map<string, number>();
  for (const entry of toc) uses.set(entry.label, (uses.get(entry.label) ?? 0) + 1);
  named.forEach((node, at) => {
    if (uses.get(toc[at]!.label) === 1) node.properties.ariaLabelledBy = [`${toc[at]!.id}-heading`];
  });
  return toc;
}

function hastToString(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(hastToString).join('') : '';
}

function pageData(input: PageInput, xhtml: boolean) {
  const { tree, lang, t } = input;
  const body = sanitizeContent(
    toHast({ children: tree.children.filter((node) => node.type !== 'heading' || node.depth !== 1) }, lang, {}, t),
  );
  numberSections(body);
  const titleHeading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  return {
    lang,
    dir: textDirection(lang),
    title: documentTitle(tree),
    titleLang: documentTitleLang(tree, lang, input.sourceLang),
    // The h1 from the heading's segments: a part that fell back is marked with its language, as in the text.
    heading: titleHeading ? sanitizeContent(toHast(titleHeading, lang, {}, t)) : undefined,
    kind: t('document.kind'),
    // Everything that comes from a document or the config passes the allow-list before the template.
    dateline: sanitizeContent(datelineContent(tree, lang, t)),
    body,
    // The original's page has nothing to translate: whatever it holds is the document itself.
    notice:
      input.untranslated > 0 && lang !== input.sourceLang
        ? t('document.untranslated', { count: input.untranslated, language: languageName(lang) })
        : undefined,
    provenance: sanitizeContent(provenanceContent(input)),
    downloadsHeading: t('download.heading'),
    languagesHeading: t('document.languages'),
    downloads: xhtml ? [] : input.downloads,
    formatSize: (bytes: number) => formatSize(bytes, lang),
    alternates: xhtml ? [] : input.alternates,
    attribution: sanitizeContent(attributionContent(input.attribution, t, input.configLang ?? input.sourceLang)),
    stylesheet: 'style.css',
    printStylesheet: xhtml ? undefined : 'print.css',
    xhtml,
    // Only the web page is linked to and shared; the e-book has its own metadata in content.opf.
    preview: xhtml ? undefined : pagePreview(input),
  };
}

function pagePreview(input: PageInput) {
  const { tree, lang } = input;
  const { date, time, place } = tree.data.meta;
  const lead = tree.children.find((node) => node.type === 'lead');
  return linkPreview({
    title: documentTitle(tree),
    lang,
    alternates: input.alternates.map((link) => link.hreflang ?? link.lang ?? '').filter(Boolean),
    // Paragraph by paragraph: toString() would run the last word of one into the first of the next.
    lead: lead
      ? lead.children
          .map((paragraph) => toString(paragraph).trim())
          .filter(Boolean)
          .join(' ') || undefined
      : undefined,
    date,
    time,
    place,
    url: input.url,
    attribution: input.attribution,
    publisher: input.publisher,
  });
}

export function renderHtmlPage(input: PageInput): string {
  return serializeHtml(transcriptPage(pageData(input, false)));
}

export function renderXhtmlChapter(input: PageInput): { xhtml: string; toc: TocEntry[] } {
  const data = pageData(input, true);
  return { xhtml: serializeXhtml(transcriptPage(data)), toc: numberSections(data.body) };
}

/** The stylesheet shared by the web page and the e-book: fonts and the template's rules. */
export function renderStylesheet(fontCss: string, templateCss: string): string {
  return `${fontCss}\n${templateCss}`;
}

/** Longest running title, in characters, that fits one line of the top margin box at 8pt on A4 and Letter. */
export const RUNNING_TITLE_MAX = 72;

/**
 * The title as the running header prints it: cut at a word boundary with an ellipsis when too long.
 * Note: Chromium drops every margin box of a page (the footer too) when one of them needs a second line.
 */
export function runningTitle(title: string, max = RUNNING_TITLE_MAX): string {
  const chars = [...title.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** Page rules for print: paper size, margins, the running title and "page n of N" in the page's language. */
export function renderPrintStylesheet(t: Translate, title: string, paper: 'A4' | 'Letter' = 'A4'): string {
  const marker = '\u0000';
  const footer = t('page.footer', { page: `${marker}page${marker}`, pages: `${marker}pages${marker}` })
    .split(marker)
    .filter((part) => part !== '')
    .map((part) => (part === 'page' ? 'counter(page)' : part === 'pages' ? 'counter(pages)' : cssString(part)))
    .join(' ');
  const page = `@page {
  size: ${paper};
  margin: 20mm 18mm 22mm;
  @top-center { content: ${cssString(runningTitle(title))}; font-family: 'Noto Sans', 'Noto Naskh Arabic', sans-serif; font-size: 8pt; color: #555; }
  @bottom-center { content: ${footer}; font-family: 'Noto Sans', 'Noto Naskh Arabic', sans-serif; font-size: 8pt; color: #555; }
}
@page :first {
  @top-center { content: none; }
}`;
  return `${page}\n`;
}

export function renderIndexPage(data: IndexData): string {
  return serializeHtml(indexPage(data, (bytes) => formatSize(bytes, data.lang)));
}

/** A file size in the reader's language: "152 kB", "152 кБ", "1,3 МБ" (decimal units, as the symbols say). */
export function formatSize(bytes: number, lang: string): string {
  const [unit, value, digits] =
    bytes < 1e6 ? (['kilobyte', Math.max(1, Math.round(bytes / 1e3)), 0] as const) : (['megabyte', bytes / 1e6, 1] as const);
  return unitFormat(lang, unit, digits).format(value);
}
