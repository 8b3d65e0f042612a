// The archive: the output folder keeps every document ever built into it until `pressroom remove` takes it
// out. What the site-wide files (indexes, feeds, sitemaps, search) need to know of each document is kept in
// out/site.json, so that a build of one new transcript rewrites them for all documents without rebuilding
// the others.
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineConfig } from '../config/defaults.ts';
import { sha256, type ArtifactCache } from '../engine/cache.ts';
import { codeHash } from '../engine/fingerprint.ts';
import { fileSystemError } from '../emit/fs-errors.ts';
import type { OutputLock } from '../emit/lock.ts';
import { PipelineError } from '../errors.ts';
import { createTranslator, loadCatalogs, type MissingKey, type Translate } from '../i18n/ui.ts';
import { utf8, type OutputFile } from '../render/outputs.ts';
import { Reporter, type Message } from '../report/messages.ts';
import { relative } from '../resources.ts';
import { siteFiles } from './site-files.ts';
import { warnNoSiteUrl } from './site-url.ts';
import type { IndexDocument } from '../report/index-model.ts';
import { publishedLocales } from '../config/locales.ts';

export const MANIFEST_NAME = 'site.json';
/** Raised when the shape changes; a manifest of another version is refused rather than guessed at. */
export const MANIFEST_VERSION = 1;

export interface SiteManifest {
  version: typeof MANIFEST_VERSION;
  /** Every document present in the output folder, in slug order. */
  documents: IndexDocument[];
  /** The site-wide files the last build or removal wrote: those it no longer makes are taken out. */
  files: string[];
}

/**
 * The manifest of `out`: an empty archive when there is none yet. A manifest that cannot be read or has
 * the wrong shape stops the build with its name: rewriting the site from a part of it would silently drop
 * documents from every index.
 */
export function readManifest(out: string): SiteManifest {
  const file = path.join(out, MANIFEST_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { version: MANIFEST_VERSION, documents: [], files: [] };
    throw fileSystemError(cause, file, 'read the site manifest');
  }
  const refuse = (why: string, cause?: unknown): never => {
    throw new PipelineError(
      `Cannot read the site manifest ${file}: ${why}. It lists every document of the site; restore it from a backup, or delete it and rebuild every transcript into this folder`,
      { cause },
    );
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return refuse('it is not JSON', cause);
  }
  if (!isRecord(value)) return refuse('expected an object');
  if (value.version !== MANIFEST_VERSION)
    return refuse(
      `unexpected version ${JSON.stringify(value.version)}, expected ${MANIFEST_VERSION} (written by another pressroom version?)`,
    );
  if (!Array.isArray(value.documents)) return refuse('expected a "documents" array');
  const files = value.files ?? [];
  if (!Array.isArray(files) || !files.every((name) => typeof name === 'string' && safeSiteFile(name)))
    return refuse('expected "files" to be an array of top-level file names');
  const seen = new Set<string>();
  value.documents.forEach((document, at) => {
    const problem = documentProblem(document);
    if (problem) refuse(`documents[${at}]: ${problem}`);
    const slug = (document as IndexDocument).slug;
    if (seen.has(slug)) refuse(`documents[${at}]: the slug “${slug}” is listed twice`);
    seen.add(slug);
  });
  return { version: MANIFEST_VERSION, documents: value.documents as IndexDocument[], files: files as string[] };
}

/** The manifest as it goes into the output, written with the site files it lists. */
export function manifestFile(documents: readonly IndexDocument[], files: readonly OutputFile[]): OutputFile {
  const manifest: SiteManifest = {
    version: MANIFEST_VERSION,
    documents: [...documents].sort((a, b) => compare(a.slug, b.slug)),
    files: [...new Set(files.map((file) => file.path.split('/')[0]!))].sort(compare),
  };
  return { path: MANIFEST_NAME, contents: utf8(JSON.stringify(manifest) + '\n') };
}

export interface SiteUpdate {
  /** The site-wide files and the manifest, to write. */
  files: OutputFile[];
  /** Site-wide files of the previous write that this one no longer makes: to take out (see `retire`). */
  stale: string[];
  /** Every document of the site after this update. */
  documents: IndexDocument[];
  /** Warnings about the archive (documents whose folder is gone), against the manifest. */
  messages: Message[];
}

/**
 * The site after a build, a merge of shards or a removal: the archive of `previous` (none for a build in
 * memory) less `removed`, with the documents `built` now replacing those of the same slug, and the
 * site-wide files (siteFiles) and manifest made for all of them, in every locale of the configuration and
 * of the archive.
 */
export async function updateSite(
  config: PipelineConfig,
  archive: { out: string; previous: SiteManifest } | undefined,
  built: readonly IndexDocument[],
  known: ReadonlyMap<string, Translate> = new Map(),
  removed: ReadonlySet<string> = new Set(),
  /** The build's artifact cache: the site files come from it when nothing they are made from changed. */
  cache?: ArtifactCache,
): Promise<SiteUpdate> {
  const report = new Reporter(archive ? relative(path.join(archive.out, MANIFEST_NAME)) : MANIFEST_NAME);
  let documents = mergeArchive(archive?.previous.documents.filter((document) => !removed.has(document.slug)) ?? [], built);
  if (archive) documents = presentDocuments(archive.out, documents, report, new Set(built.map((document) => document.slug)));
  const locales = siteLocales(config, documents);
  const translators = await siteTranslators(config, locales, known);
  const files = await cachedSiteFiles({ ...config, locales }, documents, translators, report, cache);
  const made = new Set(files.map((file) => file.path.split('/')[0]!));
  return {
    files: [...files, manifestFile(documents, files)],
    stale: (archive?.previous.files ?? []).filter((name) => !made.has(name)),
    documents,
    messages: report.messages,
  };
}

/**
 * siteFiles(), taken from `cache` when the code, the configuration, every document's index entries and the
 * UI catalogs are those it was made from: a no-op rebuild of a 300-document archive then renders none of
 * its ~40 index, speaker, place and feed files (≈ 0.4 s of CPU). Note: the catalogs are read from the
 * folder rather than taken from the translators, whose strings cannot be listed; a translator's missing
 * strings were reported by the build that made the files.
 */
async function cachedSiteFiles(
  config: PipelineConfig,
  documents: IndexDocument[],
  translators: ReadonlyMap<string, Translate>,
  report: Reporter,
  cache: ArtifactCache | undefined,
): Promise<OutputFile[]> {
  const make = () => siteFiles(config, documents, (lang) => translators.get(lang), report);
  if (!cache) return make();
  const catalogs = await loadCatalogs(config.catalogs).catch(() => undefined);
  if (!catalogs) return make();
  const key = sha256(JSON.stringify([await codeHash(), config, documents, catalogs]));
  const hit = await cache.get<null>('.site/pages', key);
  if (!hit) {
    const files = make();
    await cache.put('.site/pages', key, files, null);
    return files;
  }
  warnNoSiteUrl(config, report);
  return Promise.all(
    hit.files.map(async (name) => ({ path: name, contents: new Uint8Array(await readFile(path.join(hit.folder, name))) })),
  );
}

/** The archive after a build: documents built now replace those of the same slug; slug order. */
export function mergeArchive(previous: readonly IndexDocument[], built: readonly IndexDocument[]): IndexDocument[] {
  const bySlug = new Map(previous.map((document) => [document.slug, document]));
  for (const document of built) bySlug.set(document.slug, document);
  return [...bySlug.values()].sort((a, b) => compare(a.slug, b.slug));
}

/**
 * The documents of earlier builds whose folder is still in `out`: one removed by hand is dropped, with a
 * warning, so that no index links to a page that is gone. Folders that hold a built document but are not
 * in the manifest (built before the archive was kept, or copied in) are reported so they can be rebuilt
 * or removed.
 */
export function presentDocuments(out: string, documents: readonly IndexDocument[], report: Reporter, built: ReadonlySet<string>) {
  const kept = documents.filter((document) => {
    if (built.has(document.slug) || isFolder(path.join(out, document.slug))) return true;
    report.warn(
      `Unexpected missing folder ${document.slug}/ of a document in ${MANIFEST_NAME}, expected it in the output folder; the document is taken out of the site`,
      { ruleId: 'site:missing-document' },
    );
    return false;
  });
  const listed = new Set(kept.map((document) => document.slug));
  for (const name of unlistedFolders(out, listed))
    report.warn(
      `Unexpected folder ${name}/ with a built document that is not in ${MANIFEST_NAME}, expected every document in the manifest; rebuild its transcript into this folder to list it, or delete the folder`,
      { ruleId: 'site:unlisted-document' },
    );
  return kept;
}

/** Top-level folders of `out` laid out as a document (<slug>/<locale>/index.html or <slug>.<locale>.*) but not listed. */
function unlistedFolders(out: string, listed: ReadonlySet<string>): string[] {
  let names: string[];
  try {
    names = readdirSync(out);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^[a-z0-9][a-z0-9-]*$/.test(name) && !listed.has(name) && !/^shard-\d+-of-\d+$/.test(name))
    .filter((name) => {
      try {
        return readdirSync(path.join(out, name), { withFileTypes: true }).some(
          (locale) =>
            locale.isDirectory() &&
            /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale.name) &&
            readdirSync(path.join(out, name, locale.name)).some(
              (file) => file === 'index.html' || file.startsWith(`${name}.${locale.name}.`),
            ),
        );
      } catch {
        return false;
      }
    })
    .sort(compare);
}

/**
 * The locales the site's indexes are made in: the configured ones first, then any other language a
 * document of the archive was built in, so that an index written by an earlier build with more locales
 * keeps listing every document.
 */
export function siteLocales(config: PipelineConfig, documents: readonly IndexDocument[]): string[] {
  const locales = new Set(publishedLocales(config));
  for (const document of documents) for (const entry of document.entries) locales.add(entry.lang);
  return [...locales];
}

/** UI translators for `locales`, reusing `known` (the build's) and loading the catalogs only for the rest. */
export async function siteTranslators(
  config: PipelineConfig,
  locales: readonly string[],
  known: ReadonlyMap<string, Translate> = new Map(),
): Promise<Map<string, Translate>> {
  const translators = new Map(known);
  const missing = locales.filter((lang) => !translators.has(lang));
  if (missing.length === 0) return translators;
  const catalogs = await loadCatalogs(config.catalogs);
  for (const lang of missing) translators.set(lang, await createTranslator(lang, catalogs, config.fallbackLng, [] as MissingKey[]));
  return translators;
}

/**
 * Takes the top-level `names` (folders of removed documents, site files no longer made) out of `out` by
 * renaming them into a scratch folder the lock tracks, synchronously so that it runs in the same tick as
 * the swap that follows. A build killed in between leaves the scratch folder behind, and the next build
 * deletes it (emit/write.ts recoverInterrupted), so a taken-out entry never comes back.
 */
export function retire(out: string, names: readonly string[], lock: OutputLock): string | undefined {
  const present = names.filter((name) => safeSiteFile(name) && existsSync(path.join(out, name)));
  if (present.length === 0) return undefined;
  let trash: string;
  try {
    trash = mkdtempSync(path.join(out, '.pressroom-staging-'));
  } catch (cause) {
    throw fileSystemError(cause, out, 'create a folder for the entries taken out');
  }
  lock.track(trash);
  for (const name of present) {
    try {
      renameSync(path.join(out, name), path.join(trash, name));
    } catch (cause) {
      throw fileSystemError(cause, path.join(out, name), 'take an entry out of the output folder');
    }
  }
  return trash;
}

/** Site files and slugs are plain top-level names: a manifest edited by hand cannot reach outside `out`. */
const safeSiteFile = (name: string) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && name !== MANIFEST_NAME;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

// A manifest may be edited by hand: its links go into every index and its languages into file names, so
// both are held to what a build writes (a file in the document's own folder; a language tag).
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

function linkProblem(value: unknown, slug: string): string | undefined {
  if (!isRecord(value)) return 'expected a link object';
  if (!isString(value.href) || !isString(value.label)) return 'expected a link with "href" and "label"';
  if (!value.href.startsWith(`${slug}/`) || !/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(value.href))
    return `expected "href" to be a file in the document's folder ${slug}/, not ${JSON.stringify(value.href)}`;
  if (value.size !== undefined && typeof value.size !== 'number') return 'expected "size" to be a number';
  return undefined;
}

function entryProblem(value: unknown, slug: string): string | undefined {
  if (!isRecord(value)) return 'expected an entry object';
  for (const key of ['title', 'lang', 'dateline', 'languageName'] as const)
    if (!isString(value[key])) return `expected "${key}" to be text`;
  for (const key of ['date', 'place', 'placeLang', 'lead'] as const)
    if (value[key] !== undefined && !isString(value[key])) return `expected "${key}" to be text`;
  if (value.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value.date as string)) return 'expected "date" as YYYY-MM-DD';
  if (!LANGUAGE_TAG.test(value.lang as string)) return `expected "lang" to be a language tag, not ${JSON.stringify(value.lang)}`;
  for (const key of ['sourceLang', 'titleLang'] as const)
    if (value[key] !== undefined && !(isString(value[key]) && LANGUAGE_TAG.test(value[key])))
      return `expected "${key}" to be a language tag, not ${JSON.stringify(value[key])}`;
  if (value.speakers !== undefined && !(Array.isArray(value.speakers) && value.speakers.every(isString)))
    return 'expected "speakers" to be a list of names';
  const page = linkProblem(value.page, slug);
  if (page) return `page: ${page}`;
  if (!Array.isArray(value.files)) return 'expected a "files" array';
  for (const file of value.files as unknown[]) {
    const problem = linkProblem(file, slug);
    if (problem) return `files: ${problem}`;
  }
  return undefined;
}

function documentProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'expected a document object';
  if (!isString(value.slug) || !/^[a-z0-9][a-z0-9-]*$/.test(value.slug)) return 'expected "slug" to be a document folder name';
  if (!Array.isArray(value.entries)) return 'expected an "entries" array';
  for (const [at, entry] of (value.entries as unknown[]).entries()) {
    const problem = entryProblem(entry, value.slug);
    if (problem) return `entries[${at}]: ${problem}`;
  }
  return undefined;
}
