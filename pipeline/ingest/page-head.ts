import type { Element, Root } from 'hast';
import { ENGLISH_MONTHS, RUSSIAN_GENITIVE, RUSSIAN_NOMINATIVE } from '../normalize/dates/lexicon.ts';

/** A title or date the page gives outside its article text, with the line that gave it. */
export interface PageFact {
  text: string;
  line: number;
}

/** " — Site name", " | Site", " - Site": the separators a `<title>` puts between headline and site. */
const TITLE_SEPARATORS = [' — ', ' – ', ' | ', ' - ', ' · ', ' :: ', ' » '];
/** JSON-LD is code, not text; a page's metadata never needs more, and a huge blob is not worth parsing. */
const MAX_JSON_LD_CHARACTERS = 200_000;

/**
 * The page's own title when its article has no `<h1>`: `og:title`, then `<title>` without its
 * " — Site name" suffix, then the title readability settled on.
 *
 * @param tree The parsed page.
 * @param fallback Readability's title (optional).
 * @returns The title and the line of the element that gave it, or undefined.
 */
export function pageTitle(tree: Root, fallback?: string): PageFact | undefined {
  const og = metaContent(tree, ['og:title', 'twitter:title']);
  if (og) return og;
  const siteName = metaContent(tree, ['og:site_name'])?.text;
  const title = firstElement(tree, (node) => node.tagName === 'title');
  if (title) {
    const text = withoutSiteName(textContent(title), siteName);
    if (text) return { text, line: title.position?.start.line ?? 1 };
  }
  return fallback ? { text: fallback, line: 1 } : undefined;
}

/**
 * The page's publication date from its metadata (`article:published_time`, JSON-LD `datePublished`, or
 * readability's find), as an ISO date `YYYY-MM-DD`.
 *
 * @param tree The parsed page.
 * @param fallback Readability's publication time (optional).
 * @returns The ISO date and the line that gave it, or undefined.
 */
export function pageDate(tree: Root, fallback?: string): PageFact | undefined {
  const candidates = [metaContent(tree, ['article:published_time', 'datePublished', 'date', 'dc.date']), jsonLdDate(tree)];
  if (fallback) candidates.push({ text: fallback, line: 1 });
  for (const candidate of candidates) {
    const iso = candidate && isoDate(candidate.text);
    if (iso) return { text: iso, line: candidate.line };
  }
  return undefined;
}

/** `2026-11-03T14:00:00+03:00` → `2026-11-03`, the date as the page wrote it (no time-zone shift). */
export function isoDate(value: string): string | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return undefined;
  const check = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(check.getTime()) || check.getUTCDate() !== Number(match[3]) ? undefined : `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * An ISO date written the plain way a dateline prints it in the transcript's language ("November 3,
 * 2026", "3 ноября 2026 года", "3-ноябрь, 2026-жыл"; numeric "3.11.2026" in other languages), so that
 * the normaliser's dateline reader takes it like a printed one.
 */
export function plainDate(iso: string, lang: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const base = lang.toLowerCase().split(/[-_]/)[0];
  if (base === 'en') return `${capitalised(ENGLISH_MONTHS[month - 1]!)} ${day}, ${year}`;
  if (base === 'ru') return `${day} ${RUSSIAN_GENITIVE[month - 1]} ${year} года`;
  if (base === 'ky') return `${day}-${RUSSIAN_NOMINATIVE[month - 1]}, ${year}-жыл`;
  return `${day}.${month}.${year}`;
}

/** "Address to the Congress — Official site" → "Address to the Congress"; a title that is all site name stays. */
export function withoutSiteName(title: string, siteName?: string): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (siteName) {
    const site = siteName.replace(/\s+/g, ' ').trim();
    for (const separator of TITLE_SEPARATORS) {
      if (site && text.endsWith(separator + site)) return text.slice(0, -(separator + site).length).trim();
      if (site && text.startsWith(site + separator)) return text.slice((site + separator).length).trim();
    }
  }
  // As readability does: the part before the last separator, unless that is under three words and the
  // part after the first separator is not (the site's name put first).
  let last = -1;
  let first = Infinity;
  let firstLength = 0;
  for (const separator of TITLE_SEPARATORS) {
    last = Math.max(last, text.lastIndexOf(separator));
    const at = text.indexOf(separator);
    if (at >= 0 && at < first) {
      first = at;
      firstLength = separator.length;
    }
  }
  if (last <= 0) return text;
  const head = text.slice(0, last).trim();
  const tail = text.slice(first + firstLength).trim();
  const words = (part: string) => part.split(' ').filter(Boolean).length;
  return words(head) < 3 && words(tail) >= 3 ? tail : head;
}

function metaContent(tree: Root, names: readonly string[]): PageFact | undefined {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const meta = firstElement(tree, (node) => {
    if (node.tagName !== 'meta') return false;
    const key = String(node.properties.property ?? node.properties.name ?? node.properties.itemProp ?? '').toLowerCase();
    return wanted.has(key) && typeof node.properties.content === 'string' && node.properties.content.trim() !== '';
  });
  return meta ? { text: String(meta.properties.content).replace(/\s+/g, ' ').trim(), line: meta.position?.start.line ?? 1 } : undefined;
}

function jsonLdDate(tree: Root): PageFact | undefined {
  for (const script of allElements(
    tree,
    (node) => node.tagName === 'script' && String(node.properties.type ?? '').toLowerCase() === 'application/ld+json',
  )) {
    const source = textContent(script);
    if (source.length > MAX_JSON_LD_CHARACTERS) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      // A page's broken metadata is no reason to refuse its text; the date is looked for elsewhere.
      continue;
    }
    const found = findKey(data, 'datePublished', 0) ?? findKey(data, 'dateCreated', 0);
    if (found) return { text: found, line: script.position?.start.line ?? 1 };
  }
  return undefined;
}

function findKey(value: unknown, key: string, depth: number): string | undefined {
  if (depth > 8 || value === null || typeof value !== 'object') return undefined;
  if (!Array.isArray(value) && typeof (value as Record<string, unknown>)[key] === 'string') return (value as Record<string, string>)[key];
  for (const inner of Object.values(value)) {
    const found = findKey(inner, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function textContent(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textContent(child) : '')).join('');
}

function firstElement(tree: Root | Element, test: (node: Element) => boolean): Element | undefined {
  return allElements(tree, test, 1)[0];
}

/** Elements in document order, head included, without recursion (a deeply nested page must not overflow). */
function allElements(tree: Root | Element, test: (node: Element) => boolean, limit = Infinity): Element[] {
  const found: Element[] = [];
  const stack = [...tree.children].reverse();
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (test(node)) found.push(node);
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
  }
  return found;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
