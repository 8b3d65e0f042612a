import type { ElementContent } from 'hast';
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

export interface PageInput {
  tree: TranscriptRoot;
  lang: string;
  sourceLang: string;
  t: Translate;
  downloads: Link[];
  alternates: Link[];
  attribution: Attribution | null;
  untranslated: number;
}

export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export function languageName(lang: string, inLang = lang): string {
  const name = new Intl.DisplayNames([inLang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(inLang) + name.slice(1);
}

/** Title as the reader sees it: the translated heading, not the source metadata. */
export function documentTitle(tree: TranscriptRoot): string {
  const heading = tree.children.find((node) => node.type === 'heading');
  return heading ? toString(heading).trim() : tree.data.meta.title;
}

function datelineContent(tree: TranscriptRoot, lang: string, t: Translate): ElementContent[] {
  const { date, place, placeLang } = tree.data.meta;
  const dateText = date ? formatDate(date, lang) : '';
  if (!place) return [{ type: 'text', value: dateText }];
  const marker = '\u0000';
  const [before = '', after = ''] = t('document.dateline', { date: dateText, place: marker }).split(marker);
  const placeNode: ElementContent =
    placeLang && placeLang !== lang ? h('span', { lang: placeLang }, place) : { type: 'text', value: place };
  return [{ type: 'text', value: before }, placeNode, { type: 'text', value: after }];
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
    const license = attribution.licenseUrl
      ? h('a', { href: attribution.licenseUrl, rel: 'license' }, attribution.license)
      : { type: 'text' as const, value: attribution.license };
    const [licenseBefore = '', licenseAfter = ''] = t('attribution.license', { license: marker }).split(marker);
    parts.push({ type: 'text', value: '. ' + licenseBefore }, license, { type: 'text', value: licenseAfter });
  }
  return [h('p', parts)];
}

function pageData(input: PageInput, xhtml: boolean) {
  const { tree, lang, t } = input;
  const body = toHast({ children: tree.children.filter((node) => node.type !== 'heading' || node.depth !== 1) }, lang);
  return {
    lang,
    title: documentTitle(tree),
    kind: t('document.kind'),
    // Everything that comes from a document or the config passes the allow-list before the template.
    dateline: sanitizeContent(datelineContent(tree, lang, t)),
    body: sanitizeContent(body),
    notice: input.untranslated > 0 ? t('document.untranslated', { count: input.untranslated, language: languageName(lang) }) : undefined,
    downloadsHeading: t('download.heading'),
    downloads: xhtml ? [] : input.downloads,
    alternates: xhtml ? [] : input.alternates,
    attribution: sanitizeContent(attributionContent(input.attribution, t, input.sourceLang)),
    stylesheet: 'style.css',
    printStylesheet: xhtml ? undefined : 'print.css',
    xhtml,
  };
}

export function renderHtmlPage(input: PageInput): string {
  return serializeHtml(transcriptPage(pageData(input, false)));
}

export function renderXhtmlChapter(input: PageInput): string {
  return serializeXhtml(transcriptPage(pageData(input, true)));
}

/** The stylesheet shared by the web page and the e-book: fonts and the template's rules. */
export function renderStylesheet(fontCss: string, templateCss: string): string {
  return `${fontCss}\n${templateCss}`;
}

/** Page rules for print: A4, margins, the running title and "page n of N" in the page's language. */
export function renderPrintStylesheet(t: Translate, title: string): string {
  const marker = '\u0000';
  const footer = t('page.footer', { page: `${marker}page${marker}`, pages: `${marker}pages${marker}` })
    .split(marker)
    .filter((part) => part !== '')
    .map((part) => (part === 'page' ? 'counter(page)' : part === 'pages' ? 'counter(pages)' : cssString(part)))
    .join(' ');
  const page = `@page {
  size: A4;
  margin: 20mm 18mm 22mm;
  @top-center { content: ${cssString(title)}; font-family: 'Noto Sans', sans-serif; font-size: 8pt; color: #555; }
  @bottom-center { content: ${footer}; font-family: 'Noto Sans', sans-serif; font-size: 8pt; color: #555; }
}
@page :first {
  @top-center { content: none; }
}`;
  return `${page}\n`;
}

export function renderIndexPage(data: IndexData): string {
  return serializeHtml(indexPage(data));
}
