// An Atom 1.0 feed per locale (RFC 4287): feed.<lang>.xml at the site's root, the newest documents first,
// each with its title, event date, lead, page and downloads. Made from the index entries alone, like the
// indexes, so that every build and removal rewrites it for the whole archive.
import { createHash } from 'node:crypto';
import type { PipelineConfig } from '../config/defaults.ts';
import { indexName } from '../engine/site-index.ts';
import type { Translate } from '../i18n/ui.ts';
import { outputFormat, OUTPUT_FORMATS } from '../render/formats.ts';
import { utf8, type OutputFile } from '../render/outputs.ts';
import { languageName } from '../render/page.ts';
import { escapeXml as esc } from '../xliff/model.ts';
import { ATOM_TYPE, feedName, siteBase, siteHref } from './site-url.ts';

export { ATOM_TYPE, feedName };
import type { IndexDocument, IndexEntry } from '../report/index-model.ts';
import type { Link } from '../../templates/page.ts';
import { publishedLocales } from '../config/locales.ts';

/** Entries per feed: a feed tells what is new; the archive is the index and the sitemap. */
export const FEED_LIMIT = 50;
/** `updated` of an entry without a date: the epoch, so that it sorts last and never passes for news. */
const UNDATED = '1970-01-01T00:00:00Z';

/** What an enclosure is: downloads a feed reader may fetch along with the entry. */
const ENCLOSED = new Set(OUTPUT_FORMATS.filter((format) => format.enclosure).map((format) => format.mediaType));

/** One feed per locale of the config. */
export function feedFiles(
  config: PipelineConfig,
  documents: IndexDocument[],
  translators: (lang: string) => Translate | undefined,
): OutputFile[] {
  const locales = publishedLocales(config);
  return locales.map((lang) => ({
    path: feedName(lang),
    contents: utf8(atomFeed(config, documents, lang, translators(lang) ?? ((key: string) => key), locales)),
  }));
}

interface FeedEntry {
  slug: string;
  entry: IndexEntry;
  others: IndexEntry[];
}

/** The documents as the feed in `lang` lists them: each in that language when it has it, newest first. */
export function feedEntries(documents: IndexDocument[], lang: string): FeedEntry[] {
  const day = (each: FeedEntry) => datedOn(each.entry) ?? '';
  const chosen = documents.flatMap((document) => {
    const entry = document.entries.find((each) => each.lang === lang) ?? document.entries[0];
    return entry ? [{ slug: document.slug, entry, others: document.entries.filter((other) => other !== entry) }] : [];
  });
  // Undated last; within a day by slug, so that the order never depends on the order of the build.
  return chosen.sort((a, b) => day(b).localeCompare(day(a)) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

function atomFeed(config: PipelineConfig, documents: IndexDocument[], lang: string, t: Translate, locales: string[]): string {
  const base = siteBase(config);
  const href = (file: string) => esc(siteHref(file, base));
  const entries = feedEntries(documents, lang).slice(0, FEED_LIMIT);
  const newest = entries.map((each) => datedOn(each.entry)).find(Boolean);
  const author = config.publisher ?? config.attribution?.source ?? t('feed.author');
  const rights = config.attribution
    ? [
        t('attribution.source', { source: config.attribution.source }),
        config.attribution.license ? t('attribution.license', { license: config.attribution.license }) : '',
      ]
        .filter(Boolean)
        .join('. ')
    : undefined;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${esc(lang)}">`,
    `  <title>${esc(t('feed.title', { language: languageName(lang, lang) }))}</title>`,
    `  <id>${esc(base ? siteHref(feedName(lang), base) : uuidUrn(`feed/${lang}`))}</id>`,
    `  <updated>${newest ? timestamp(newest) : UNDATED}</updated>`,
    `  <link rel="self" type="${ATOM_TYPE}" href="${href(feedName(lang))}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${esc(lang)}" href="${href(indexName(lang))}"/>`,
    ...locales
      .filter((other) => other !== lang)
      .map(
        (other) =>
          `  <link rel="alternate" type="${ATOM_TYPE}" hreflang="${esc(other)}" href="${href(feedName(other))}" title="${esc(languageName(other, other))}"/>`,
      ),
    `  <author><name>${esc(author)}</name></author>`,
    ...(rights ? [`  <rights>${esc(rights)}</rights>`] : []),
    '  <generator>pressroom</generator>',
    ...entries.flatMap((each) => entryLines(each, lang, base)),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

function entryLines({ slug, entry, others }: FeedEntry, lang: string, base: string | undefined): string[] {
  const href = (file: string) => esc(siteHref(file, base));
  const link = (rel: string, target: Link, type: string, hreflang: string, title?: string) =>
    `    <link rel="${rel}" type="${esc(type)}" hreflang="${esc(hreflang)}"` +
    `${target.size === undefined ? '' : ` length="${target.size}"`} href="${href(target.href)}"${title ? ` title="${esc(title)}"` : ''}/>`;
  const date = datedOn(entry);
  // A build without HTML gives its first download as the page: its own file entry knows the type.
  const pageType = (target: Link) =>
    target.type ??
    (target.href.endsWith('.html')
      ? 'text/html'
      : [entry, ...others].flatMap((each) => each.files).find((file) => file.href === target.href)?.type) ??
    'application/octet-stream';
  return [
    `  <entry${entry.lang === lang ? '' : ` xml:lang="${esc(entry.lang)}"`}>`,
    // A title left untranslated says its own language (RFC 4287 allows xml:lang on any element).
    `    <title${entry.titleLang && entry.titleLang !== entry.lang ? ` xml:lang="${esc(entry.titleLang)}"` : ''}>${esc(entry.title)}</title>`,
    `    <id>${esc(base ? siteHref(entry.page.href, base) : uuidUrn(`${slug}/${entry.lang}`))}</id>`,
    ...(date ? [`    <published>${timestamp(date)}</published>`] : []),
    `    <updated>${date ? timestamp(date) : UNDATED}</updated>`,
    link('alternate', entry.page, pageType(entry.page), entry.lang),
    // The same document in the other languages: type and hreflang differ, as RFC 4287 §4.2.7.2 requires.
    ...others.map((other) => link('alternate', other.page, pageType(other.page), other.lang, other.languageName)),
    ...entry.files
      // By the format the entry names; an entry written before formats were recorded, by its media type.
      .filter((file) => file.type && (file.format ? outputFormat(file.format)?.enclosure : ENCLOSED.has(file.type)))
      .map((file) => link('enclosure', file, file.type!, entry.lang, file.label)),
    ...(entry.lead ? [`    <summary type="text">${esc(entry.lead)}</summary>`] : []),
    '  </entry>',
  ];
}

/** The entry's event day when it is a whole calendar date (an older cache may hold anything). */
function datedOn(entry: IndexEntry): string | undefined {
  return entry.date && /^\d{4}-\d{2}-\d{2}$/.test(entry.date) ? entry.date : undefined;
}

/** The event's day as an RFC 3339 time: the transcripts give no time zone, so midnight UTC, the same in every build. */
function timestamp(date: string): string {
  return `${date}T00:00:00Z`;
}

/**
 * A permanent id without a site URL: a name-based (version 5) UUID of the document and locale, so that a
 * reader recognises an entry across builds and machines (RFC 4122 §4.3).
 */
export function uuidUrn(name: string): string {
  // The RFC 4122 URL namespace, with a name of our own under it.
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(namespace).update(`pressroom:${name}`).digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
