import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import type { PipelineConfig } from './config/defaults.ts';
import { InputError, PipelineError } from './errors.ts';
import { parseGlossaryCsv } from './glossary/csv.ts';
import { Glossary } from './glossary/glossary.ts';
import { parseTbx } from './glossary/tbx.ts';
import type { Concept } from './glossary/types.ts';
import { createTranslator, loadCatalogs, type MissingKey, type Translate } from './i18n/ui.ts';
import { loadFonts } from './render/fonts.ts';
import { loadSubsetFont } from './render/subset.ts';
import { launchBrowser } from './render/pdf/browser.ts';
import { createDiagnostic, Reporter, type Message } from './report/messages.ts';
import type { Resources } from './stage.ts';
import { TranslationMemory } from './tm/memory.ts';
import { readContexts } from './tm/context.ts';
import { parseTmx } from './tm/tmx.ts';
import { readTextResource } from './util/text-resource.ts';
import { sha256, type ArtifactCache } from './engine/cache.ts';
import { codeHash } from './engine/fingerprint.ts';

const templatesFolder = fileURLToPath(new URL('../templates/', import.meta.url));

export interface LoadedResources extends Resources {
  missingKeys: MissingKey[];
  /**
   * Loads the memories and the glossary when loadResources left them for later (`lazy`): the first
   * artifact that is not a quick cache hit awaits this before it looks anything up. Settled at once otherwise.
   */
  ready(): Promise<void>;
  /**
   * Records what loading the memories and glossary reported, for a later build to skip loading them. Called
   * by the build once it succeeded: a failed build writes nothing, not even into the cache.
   */
  recordLoad(): Promise<void>;
  close(): Promise<void>;
}

export interface LoadOptions {
  /**
   * The build's artifact cache and inputHashes().resources (the memory and glossary files' bytes, hashed
   * before anything was read). With both, and an earlier load of the same files by the same code recorded
   * in the cache, the memories and glossary are read only on `ready()`: a no-op rebuild, whose every
   * artifact is a quick hit, never reads them. What that earlier load reported is reported again now.
   */
  cache?: ArtifactCache;
  resourceHash?: string;
}

/** Where the messages of loading the memories and glossary are kept for a later build that skips loading them. */
const LOAD_ENTRY = '.site/resources';

/** Reads TMX, glossaries, UI catalogs, fonts and templates once; a bad file stops the build before any output. */
export async function loadResources(config: PipelineConfig, report: Reporter, options: LoadOptions = {}): Promise<LoadedResources> {
  const { cache, resourceHash } = options;
  // What the load reports depends on the files' bytes, the code, and the settings and folder below (paths
  // in messages are relative to the working folder).
  const loadKey =
    cache && resourceHash !== undefined
      ? sha256(
          JSON.stringify([
            await codeHash(),
            resourceHash,
            config.memories,
            config.glossaries,
            config.sourceLocale,
            config.locales.length > 0,
            process.cwd(),
          ]),
        )
      : undefined;
  const recorded = loadKey === undefined ? undefined : await cache!.get<Message[]>(LOAD_ENTRY, loadKey);
  let translation: { memory: TranslationMemory; glossary: Glossary } | undefined;
  let loading: Promise<void> | undefined;
  let record: (() => Promise<void>) | undefined;
  if (recorded && Array.isArray(recorded.meta)) report.messages.push(...recorded.meta);
  else {
    const from = report.messages.length;
    translation = await loadTranslation(config, report);
    const loadMessages = report.messages.slice(from);
    if (loadKey !== undefined)
      record = async () => {
        await cache!.put(LOAD_ENTRY, loadKey, [], loadMessages);
      };
  }
  const ready = () =>
    (loading ??= (async () => {
      // Its messages were reported from the record above: the same files give the same ones.
      translation ??= await loadTranslation(config, new Reporter('pressroom.config.json'));
    })());
  const catalogs = await loadCatalogs(config.catalogs).catch((cause: unknown) => {
    throw new PipelineError(`Cannot read the UI catalogs in ${relative(config.catalogs)}`, { cause });
  });
  const missingKeys: MissingKey[] = [];
  const translators = new Map<string, Translate>();
  for (const locale of config.locales) translators.set(locale, await createTranslator(locale, catalogs, config.fallbackLng, missingKeys));

  let browser: Promise<Browser> | undefined;
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'pressroom-'));
  const loaded = (): { memory: TranslationMemory; glossary: Glossary } => {
    if (!translation)
      throw new PipelineError('The memories and glossary were used before they were loaded (resources.ready() was not awaited)');
    return translation;
  };
  return {
    get memory() {
      return loaded().memory;
    },
    get glossary() {
      return loaded().glossary;
    },
    ready,
    recordLoad: async () => {
      await record?.();
      record = undefined;
    },
    translators,
    fonts: await loadFonts(),
    templateCss: await readFile(path.join(templatesFolder, 'style.css'), 'utf8'),
    browser: () => (browser ??= launchBrowser()),
    scratch,
    missingKeys,
    async close() {
      const { rm } = await import('node:fs/promises');
      if (browser) await (await browser.catch(() => undefined))?.close();
      // A print abandoned on a timeout may still be writing its page into the scratch folder: retried on ENOTEMPTY.
      await rm(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}

/** Reads and indexes the memories and the glossary, reporting conflicting units to `report`. */
async function loadTranslation(config: PipelineConfig, report: Reporter): Promise<{ memory: TranslationMemory; glossary: Glossary }> {
  // What renders with them loads meanwhile (a failure shows where it is used).
  loadSubsetFont().catch(() => undefined);
  const memory = new TranslationMemory();
  // Every locale may translate: a document's language is its own (a Russian original's en page needs the
  // memories even when en is the config's sourceLocale). The default direction is indexed now, the others
  // on first use (tm/memory.ts).
  for (const file of config.locales.length > 0 ? config.memories : []) {
    const text = await readResource(file, 'translation memory');
    const document = parseTmx(text, relative(file));
    memory.add(document, config.sourceLocale);
    // Units that record no direction of their own are the memory's header's.
    memory.contexts.add(readContexts(text, document.srclang === '*all*' ? config.sourceLocale : document.srclang, relative(file)));
  }
  for (const conflict of memory.conflicts) {
    report.warn(
      `Unexpected second translation of the same source in ${conflict.dropped.file}:${conflict.dropped.line}, expected one per language; using the newer unit at ${conflict.kept.file}:${conflict.kept.line}`,
      {
        ruleId: 'tm:conflict',
        // The message is about the dropped unit: its file and line, not the config's; the kept one is the cause.
        file: conflict.dropped.file,
        place: { line: conflict.dropped.line, column: conflict.dropped.column ?? 1 },
        cause: createDiagnostic({
          file: conflict.kept.file,
          place: { line: conflict.kept.line, column: conflict.kept.column ?? 1 },
          severity: 'info',
          reason: 'Newer unit used here',
          ruleId: 'tm:conflict',
        }),
      },
    );
  }
  const concepts: Concept[] = [];
  for (const file of config.glossaries) {
    const text = await readResource(file, 'glossary');
    concepts.push(...(/\.(csv|tsv)$/i.test(file) ? parseGlossaryCsv(text, relative(file)) : parseTbx(text, relative(file))));
  }
  return { memory, glossary: new Glossary(concepts) };
}

async function readResource(file: string, what: string): Promise<string> {
  try {
    return await readTextResource(file, relative(file), `the ${what}`);
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw new PipelineError(`Cannot read ${what} ${relative(file)}; check the path in pressroom.config.json`, { cause });
  }
}

export function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
