// What a chat app, a social network or a search engine shows for a link to a document page: Open Graph
// tags and a schema.org NewsArticle about the Event, both made from the document's own metadata.
import type { Attribution } from '../config/defaults.ts';

export interface PreviewInput {
  title: string;
  /** The page's language. */
  lang: string;
  /** Languages of the page's translations. */
  alternates: string[];
  /** The lead as plain text (optional). */
  lead?: string;
  /** ISO date of the event (optional). */
  date?: string | null;
  /** HH:MM wall-clock time at the place of the event (optional). */
  time?: string | null;
  place?: string | null;
  /** The page's absolute URL, known only when `site.url` is configured (optional). */
  url?: string;
  attribution: Attribution | null;
  /** The press office publishing the site (optional). */
  publisher?: string | null;
}

/** Longest description, in characters: what previews show before they cut it themselves. */
export const DESCRIPTION_MAX = 300;

/** Open Graph `property`/`content` pairs and the JSON-LD text, safe inside `<script type="application/ld+json">`. */
export function linkPreview(input: PreviewInput): { openGraph: [string, string][]; jsonLd: string } {
  const description = input.lead ? shorten(input.lead, DESCRIPTION_MAX) : undefined;
  const openGraph: [string, string][] = [
    ['og:type', 'article'],
    ['og:title', input.title],
    ...(description ? [['og:description', description] as [string, string]] : []),
    ['og:locale', ogLocale(input.lang)],
    ...input.alternates.map((lang): [string, string] => ['og:locale:alternate', ogLocale(lang)]),
    ...(input.url ? [['og:url', input.url] as [string, string]] : []),
    ...(input.publisher ? [['og:site_name', input.publisher] as [string, string]] : []),
    ...(input.date ? [['article:published_time', input.date] as [string, string]] : []),
  ];
  const source = input.attribution
    ? { '@type': 'Organization', name: input.attribution.source, ...(input.attribution.url ? { url: input.attribution.url } : {}) }
    : undefined;
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.title,
    ...(description ? { description } : {}),
    inLanguage: input.lang,
    ...(input.date ? { datePublished: input.date, dateCreated: input.date } : {}),
    ...(input.url ? { url: input.url, mainEntityOfPage: input.url } : {}),
    ...(input.date || input.place
      ? {
          about: {
            '@type': 'Event',
            name: input.title,
            // Local time without an offset: the source prints the zone as an abbreviation at most, never resolved.
            ...(input.date ? { startDate: input.time ? `${input.date}T${input.time}` : input.date } : {}),
            ...(input.place ? { location: { '@type': 'Place', name: input.place } } : {}),
          },
        }
      : {}),
    ...(source ? { author: source } : {}),
    ...(input.publisher ? { publisher: { '@type': 'Organization', name: input.publisher } } : source ? { publisher: source } : {}),
    ...(input.attribution?.licenseUrl || input.attribution?.license
      ? { license: input.attribution.licenseUrl ?? input.attribution.license }
      : {}),
  };
  return { openGraph, jsonLd: scriptJson(article) };
}

/**
 * JSON that cannot end its script element or open a comment in it: `<`, `>` and `&` are written as
 * `\u003c`… escapes, which JSON parsers read back as the same characters; U+2028 and U+2029 too, for old
 * JavaScript parsers that took them for line ends.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Open Graph writes locales as language_TERRITORY: en → en_US, ru → ru_RU, ky → ky_KG (CLDR's likely region). */
export function ogLocale(lang: string): string {
  try {
    const locale = new Intl.Locale(lang).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return lang;
  }
}

/** The text cut at a word boundary with an ellipsis when longer than `max` characters. */
export function shorten(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** `path` (relative to the output folder) as an absolute URL under `site.url`; undefined without one. */
export function siteAddress(siteUrl: string | undefined, path: string): string | undefined {
  if (!siteUrl) return undefined;
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
