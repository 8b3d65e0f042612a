// Site search: a Pagefind index over the document pages of the whole archive (one index per language, from
// each page's <html lang>), a search.<locale>.html per locale and the script that shows its results.
// Pagefind runs as a service binary and is async, so this is a step of its own next to siteFiles().
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { PipelineConfig } from '../config/defaults.ts';
import { sha256, type ArtifactCache } from '../engine/cache.ts';
import { writeCached } from '../engine/site-cache.ts';
import { indexName } from '../engine/site-index.ts';
import { siteLocales, siteTranslators } from './archive.ts';
import type { Sink } from '../engine/sink.ts';
import type { Placement } from '../emit/write.ts';
import { PipelineError } from '../errors.ts';
import type { Translate } from '../i18n/ui.ts';
import { utf8, type OutputFile } from '../render/outputs.ts';
import { languageName, textDirection } from '../render/page.ts';
import { serializeHtml } from '../render/serialize.ts';
import { searchPage, SEARCH_SCRIPT } from '../../templates/search.ts';
import type { IndexDocument } from '../report/index-model.ts';
import { publishedLocales } from '../config/locales.ts';

/** The search page in `lang`: search.<lang>.html, beside the site's indexes. */
export const searchName = (lang: string) => `search.${lang}.html`;

/** Folder of the Pagefind bundle in the output. */
export const SEARCH_FOLDER = 'pagefind';

/** In the bundle's cache key: another Pagefind writes another bundle. Its package exports no package.json. */
const pagefindVersion = () =>
  (
    JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/**
 * A document page: `<slug>/<locale>/index.html`. Strict, because the names also come from the site
 * manifest, which a person may edit: `../` or an absolute path must never be read into the index.
 */
const isDocumentPage = (name: string) => /^[a-z0-9][a-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9-]*\/index\.html$/.test(name);

/**
 * Remembers where each document page of the build went (its bytes, or the cached file linked into the
 * output), so that the search index reads the pages of this build without the staging folder, and those of
 * earlier builds from the output folder.
 */
export class PageRecorder implements Sink {
  private readonly pages = new Map<string, Uint8Array | string>();
  constructor(
    private readonly sink: Sink,
    private readonly out: string,
  ) {}
  async write(file: OutputFile): Promise<void> {
    if (isDocumentPage(file.path)) this.pages.set(file.path, file.contents);
    await this.sink.write(file);
  }
  async link(source: string, target: string): Promise<void> {
    if (isDocumentPage(target)) this.pages.set(target, source);
    await this.sink.link(source, target);
  }
  keep(name: string, files: readonly Placement[]): boolean {
    const kept = this.sink.keep(name, files);
    if (kept) for (const [source, target] of files) if (isDocumentPage(target)) this.pages.set(target, source);
    return kept;
  }
  /**
   * What tells the page `name`'s bytes apart without reading them: the hash of bytes made now, else the size,
   * time and inode of its file (a cached page linked or kept in place, or an earlier build's), as the
   * artifact cache checks its own files. A no-op rebuild of 900 pages then reads none of them.
   */
  async stamp(name: string): Promise<string | undefined> {
    const page = this.pages.get(name);
    if (page instanceof Uint8Array) return sha256(page);
    const found = await stat(page ?? path.join(this.out, ...name.split('/'))).catch(() => undefined);
    return found?.isFile() ? `${found.size}:${found.mtimeMs}:${found.ino}` : undefined;
  }
  /** The page `name` (relative to the output folder) as this build made it, else as the output folder holds it. */
  async read(name: string): Promise<string | undefined> {
    const page = this.pages.get(name);
    if (page instanceof Uint8Array) return new TextDecoder().decode(page);
    return page === undefined ? outputPages(this.out)(name) : readFile(page, 'utf8').catch(() => undefined);
  }
}

/**
 * Reads document pages from the output folder: the `read` of searchFiles() for a step that builds nothing
 * (a merge of shards, a removal), where every page is already in place.
 */
export const outputPages =
  (out: string) =>
  (name: string): Promise<string | undefined> =>
    readFile(path.join(out, ...name.split('/')), 'utf8').catch(() => undefined);

export interface SearchOptions {
  config: PipelineConfig;
  /** Every document of the site (the archive), not only those this build made. */
  documents: readonly IndexDocument[];
  /** A document page's HTML by its path in the output; undefined when it is not there. */
  read: (name: string) => Promise<string | undefined>;
  /** When given (PageRecorder.stamp), the cache key is made from these and pages are read only on a miss. */
  stamp?: (name: string) => Promise<string | undefined>;
  translators: (lang: string) => Translate | undefined;
}

/**
 * The search pages (one per locale of the site), their script and the Pagefind bundle over every document
 * page in `documents`.
 *
 * @returns Files relative to the output folder.
 */
export async function searchFiles(options: SearchOptions): Promise<OutputFile[]> {
  return (await searchSource(options)).make();
}

/**
 * Writes the search files into the build's sink, linked from the cache when neither a page nor the
 * search pages changed since they were made (a no-op rebuild runs no Pagefind and copies no bytes).
 *
 * @param options What searchFiles() takes, the build's sink and its cache (optional).
 * @returns Whether the files came from the cache.
 */
export async function writeSearch(options: SearchOptions & { sink: Sink; cache?: ArtifactCache }): Promise<boolean> {
  const { key, make } = await searchSource(options);
  return writeCached(options.cache, '.site/search', async () => key, options.sink, make);
}

/** The search files to make and the key of what they are made from. */
async function searchSource(options: SearchOptions): Promise<{ key: string; make: () => Promise<OutputFile[]> }> {
  const { config, documents } = options;
  const urls: string[] = [];
  for (const document of documents)
    for (const entry of document.entries)
      if (isDocumentPage(entry.page.href) && entry.page.href.startsWith(`${document.slug}/`)) urls.push(entry.page.href);
  // Pagefind's output depends on the order pages are added: by address, the bundle depends on the pages only.
  urls.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const readPages = async () => {
    const pages: { url: string; html: string }[] = [];
    for (const url of urls) {
      const html = await options.read(url);
      if (html !== undefined) pages.push({ url, html });
    }
    return pages;
  };
  const stamp = options.stamp;
  let pages: { url: string; html: string }[] | undefined;
  const stamps: [string, string][] = [];
  if (stamp)
    for (const url of urls) {
      const found = await stamp(url);
      if (found !== undefined) stamps.push([url, found]);
    }
  else {
    pages = await readPages();
    for (const page of pages) stamps.push([page.url, sha256(page.html)]);
  }
  const locales = new Set(publishedLocales(config));
  for (const document of documents) for (const entry of document.entries) locales.add(entry.lang);
  const shells: OutputFile[] = [
    ...[...locales].map((lang) => ({
      path: searchName(lang),
      contents: utf8(searchHtml(lang, options.translators(lang) ?? ((key: string) => key), [...locales])),
    })),
    { path: 'search.js', contents: utf8(SEARCH_SCRIPT) },
  ];
  const key = sha256(JSON.stringify([pagefindVersion(), shells.map((file) => [file.path, sha256(file.contents)]), stamps]));
  return { key, make: async () => [...shells, ...(await pagefindBundle(pages ?? (await readPages())))] };
}

/**
 * The search files of a step that renders nothing (`pressroom remove`, `pressroom index`): every page read
 * from the output folder, the UI strings loaded for the site's locales.
 */
export async function archiveSearchFiles(config: PipelineConfig, documents: readonly IndexDocument[]): Promise<OutputFile[]> {
  const translators = await siteTranslators(config, siteLocales(config, documents));
  return searchFiles({ config, documents, read: outputPages(config.out), translators: (lang) => translators.get(lang) });
}

/** Pagefind's UI bundles are left out: search.js is the UI, on the low-level API. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

/** Indexes `pages` with Pagefind; the bundle's files under `pagefind/`. */
export async function pagefindBundle(pages: readonly { url: string; html: string }[]): Promise<OutputFile[]> {
  const fail = (why: string, cause?: unknown) =>
    new PipelineError(`Cannot build the search index: ${why}; check that the pagefind package is installed with its binary`, { cause });
  let created: Awaited<ReturnType<typeof pagefind.createIndex>>;
  serviceUsers += 1;
  try {
    created = await pagefind.createIndex({});
  } catch (cause) {
    await releaseService();
    throw fail('Pagefind did not start', cause);
  }
  const index = created.index;
  if (!index) {
    await releaseService();
    throw fail(created.errors.join('; ') || 'Pagefind made no index');
  }
  try {
    // A few pages in flight at once keep the service busy (about 40% faster than one by one) without
    // handing it the whole archive in one go.
    for (let at = 0; at < pages.length; at += 32) {
      const batch = pages.slice(at, at + 32);
      // The URL stays relative to the output folder: search.js resolves it against the search page, so the
      // site works wherever it is served from.
      const added = await Promise.all(batch.map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
      added.forEach(({ errors }, offset) => {
        if (errors.length > 0) throw fail(`Pagefind could not index ${batch[offset]!.url}: ${errors.join('; ')}`);
      });
    }
    const { errors, files } = await index.getFiles();
    if (errors.length > 0) throw fail(errors.join('; '));
    return files
      .filter((file) => !UNUSED.test(file.path))
      .map((file) => ({ path: `${SEARCH_FOLDER}/${file.path}`, contents: file.content }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } catch (cause) {
    throw cause instanceof PipelineError ? cause : fail('Pagefind failed', cause);
  } finally {
    await index.deleteIndex().catch(() => undefined);
    await releaseService();
  }
}

/** Builds indexing at this moment: Pagefind's service process is shared by them. */
let serviceUsers = 0;

/**
 * Stops Pagefind's service once no build uses it. Note: the service runs in the folder the process stood
 * in when it started; kept alive across builds, it panicked (and hung its caller) once that folder was
 * deleted, as a long-lived process that builds in temporary folders does.
 */
async function releaseService(): Promise<void> {
  serviceUsers -= 1;
  if (serviceUsers === 0) await pagefind.close().catch(() => undefined);
}

function searchHtml(lang: string, t: Translate, locales: string[]): string {
  const marker = '\u0000';
  return serializeHtml(
    searchPage({
      lang,
      dir: textDirection(lang),
      title: t('search.title'),
      label: t('search.label'),
      submit: t('search.submit'),
      found: t('search.found', { number: marker }).replace(marker, '{number}'),
      none: t('search.none', { query: marker }).replace(marker, '{query}'),
      failed: t('search.failed'),
      noscript: t('search.noscript'),
      action: searchName(lang),
      index: { href: indexName(lang), label: t('search.back') },
      stylesheet: 'index.css',
      script: 'search.js',
      languagesHeading: t('document.languages'),
      alternates: locales
        .filter((locale) => locale !== lang)
        .map((locale) => ({ href: searchName(locale), label: languageName(locale), lang: locale, hreflang: locale })),
    }),
  );
}
