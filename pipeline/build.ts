import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { PipelineConfig } from './config/defaults.ts';
import { expandInputs } from './config/load.ts';
import { assignSlugs, slugify } from './emit/slug.ts';
import { lockOutput } from './emit/lock.ts';
import { checkOutputFolder } from './emit/paths.ts';
import { openStagedOutput, type StagedOutput } from './emit/write.ts';
import { PipelineError } from './errors.ts';
import { utf8, type OutputFile } from './render/outputs.ts';
import { placeSiteFonts } from './render/fonts.ts';
import { BrowserPool } from './render/pdf/browser.ts';
import { Reporter, type Message } from './report/messages.ts';
import { loadResources, relative } from './resources.ts';
import type { DocFile, Timings } from './stage.ts';
import { ArtifactCache } from './engine/cache.ts';
import { buildDocument, type DocumentResult, type EngineContext } from './engine/document.ts';
import { localeBase } from './engine/fingerprint.ts';
import { silentProgress, type Progress } from './engine/progress.ts';
import { inShard, type Shard } from './engine/shard.ts';
import { MemorySink, StagingSink, type Sink } from './engine/sink.ts';
import { readManifest, retire, updateSite, type SiteUpdate } from './site/archive.ts';
import { PageRecorder, writeSearch } from './site/search.ts';
import { inputHashes, siteKey, writeCached } from './engine/site-cache.ts';
import { dashboardFiles } from './report/dashboard.ts';
import { termReport } from './report/glossary-report.ts';
import type { BuildReport, DocumentReport, LocaleReport } from './report/build-report.ts';
import type { IndexDocument } from './report/index-model.ts';

export type { BuildReport, DocumentReport, LocaleReport };

export interface BuildResult {
  /** In memory with `write: false`; with `write: true`, the written files' paths with empty contents. */
  files: OutputFile[];
  messages: Message[];
  report: BuildReport;
}

export interface BuildOptions {
  /** false: return the files in memory and leave `config.out` alone (the test seam). Default true. */
  write?: boolean;
  /** Pages printing at once. Default: the number of cores. */
  concurrency?: number;
  /** Folder of the incremental cache; false to build everything. Default: off with `write: false`, else <out>/../.pressroom-cache. */
  cache?: string | false;
  /** Build only the documents of this shard. */
  shard?: Shard;
  progress?: Progress;
  /** Per print, before Chromium is taken for hung and restarted. */
  printTimeoutMs?: number;
  /**
   * Stops the build between steps (loading, each document's stages, writing) with `signal.reason`; the
   * staging folder and the lock are removed and `config.out` stays as it was. The build never listens for
   * process signals itself: the CLI turns SIGINT, SIGTERM and SIGHUP into this.
   */
  signal?: AbortSignal;
}

/** The translation dashboard's cache entry. */
const DASHBOARD = '.site/dashboard';

/** Where a shard leaves its report and index data for `pressroom index`. */
export const shardFolder = (shard: Shard) => `shard-${shard.index}-of-${shard.count}`;

/** Builds every input for every locale. Nothing in `config.out` changes until every artifact is made. */
export async function build(config: PipelineConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const write = options.write !== false;
  const timings: Timings = new Map();
  const buildReporter = new Reporter('pressroom.config.json');
  const messages: Message[] = buildReporter.messages;
  const progress = options.progress ?? silentProgress;
  const signal = options.signal;
  signal?.throwIfAborted();
  // Taken first: a second build into the same folder is refused before it spends a minute rendering.
  if (write) checkOutputFolder(config);
  const lock = write ? lockOutput(config.out) : undefined;
  // Before anything is read (see inputHashes); errors reading the files are for loadResources to tell.
  const hashes = options.cache === false || (!write && !options.cache) ? undefined : await inputHashes(config).catch(() => undefined);
  const cacheFolder = options.cache ?? (write ? path.join(path.dirname(config.out), '.pressroom-cache') : false);
  const cache = cacheFolder ? new ArtifactCache(cacheFolder) : undefined;
  // With the cache, the memories and glossary are read only when an artifact is not a quick hit.
  const resources = await loadResources(config, buildReporter, { cache, resourceHash: hashes?.resources }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const pool = new BrowserPool({ concurrency, timeoutMs: options.printTimeoutMs, onRestart: (reason) => progress.restart(reason) });
  resources.browser = () => pool.browser();
  let staged: StagedOutput | undefined;
  let built: BuildResult | undefined;
  let failure: { error: unknown } | undefined;
  try {
    signal?.throwIfAborted();
    const files = await documentFiles(config, options.shard);
    staged = lock ? await openStagedOutput(config.out, lock) : undefined;
    // The archive of earlier builds, read before any rendering: a damaged manifest stops the build here.
    const previous = lock && !options.shard ? readManifest(config.out) : undefined;
    const sink: Sink = staged ? new StagingSink(staged) : new MemorySink();
    // Notes where each document page went, for the search index made after every document is built.
    const pages = new PageRecorder(sink, config.out);
    const bases = new Map<string, string>();
    for (const locale of new Set([...config.locales, config.sourceLocale])) bases.set(locale, await localeBase(config, resources, locale));
    // A dashboard the cache holds for these inputs needs no artifact's segments: reused artifacts then skip reading them.
    const dashboard =
      hashes && cache && !options.shard ? await cache.get<null>(DASHBOARD, await siteKey(config, bases, hashes)) : undefined;
    const engine: EngineContext = {
      config,
      resources,
      timings,
      pool,
      cache,
      segments: !options.shard && !dashboard,
      sink: pages,
      bases,
      resourceHash: hashes?.resources,
      // Every stage of every document starts here: the place where an abort takes effect soonest.
      onStage: (label) => {
        signal?.throwIfAborted();
        progress.stage(label);
      },
      onArtifact: (name, rebuilt) => progress.artifact(name, rebuilt),
    };
    progress.start(files.length * config.locales.length, config.formats);
    // One document more than pages in flight, so normalising and EPUB work overlaps the prints.
    const results = await mapLimit(files, concurrency + 1, ([input, file]) => {
      signal?.throwIfAborted();
      return buildDocument(input, file, engine);
    });
    progress.stop();

    for (const result of results) messages.push(...result.messages);
    for (const missing of resources.missingKeys) {
      // Filed under the catalog that lacks the key, not the config: that is the file to edit.
      const catalog = relative(path.join(config.catalogs, missing.lng, 'ui.json'));
      buildReporter.warn(`Unexpected missing UI string “${missing.key}”, expected it in ${catalog}`, {
        ruleId: 'i18n:missing-key',
        file: catalog,
      });
    }
    const report: BuildReport = {
      documents: results.map((result) => result.report),
      timings: Object.fromEntries([...timings].map(([name, ms]) => [name, Math.round(ms)])),
      messages,
      terms: termReport(results.map((result) => result.report)),
      incremental: {
        rebuilt: results.flatMap((result) => result.rebuilt),
        reused: count(results, 'reused'),
        browserRestarts: pool.restarts,
      },
      ...(options.shard ? { shard: options.shard } : {}),
    };
    const index: IndexDocument[] = results.map((result) => result.index);
    // The site-wide files list every document of the archive, not only those built now.
    const archive: SiteUpdate | undefined = options.shard
      ? undefined
      : await updateSite(config, previous && { out: config.out, previous }, index, resources.translators, undefined, engine.cache);
    messages.push(...(archive?.messages ?? []));
    const site = options.shard
      ? [{ path: `${shardFolder(options.shard)}/index.json`, contents: utf8(JSON.stringify(index) + '\n') }]
      : archive!.files;
    const reportFile = {
      path: options.shard ? `${shardFolder(options.shard)}/report.json` : 'report.json',
      contents: utf8(JSON.stringify(report, null, 2) + '\n'),
    };
    if (config.frail && messages.some((message) => message.severity === 'warning')) {
      throw new PipelineError(
        `Build stopped: ${messages.filter((message) => message.severity === 'warning').length} warnings and \`frail\` is on; nothing was written`,
      );
    }
    // The translation dashboard needs the whole build's documents: not made per shard.
    for (const file of [...site, reportFile]) await sink.write(file);
    // The web pages share one font folder (render/fonts.ts); the EPUBs and bundles carry their own subsets.
    if (config.formats.includes('html')) await placeSiteFonts(sink, resources.fonts, staged ? config.out : undefined);
    // Search covers the documents the indexes list: the pages of this build, and of earlier ones from `out`.
    if (!options.shard) {
      const started = performance.now();
      await writeSearch({
        config,
        documents: archive?.documents ?? index,
        read: (name) => pages.read(name),
        stamp: (name) => pages.stamp(name),
        translators: (lang) => resources.translators.get(lang),
        cache: engine.cache,
        sink,
      });
      // Like `write`, after report.json was made: in the returned report (and --json) only.
      report.timings.search = Math.round(performance.now() - started);
    }
    // Made from the artifacts' segments and counts (cached with them); the XLIFF and term checks it makes
    // are taken from the cache too when no input changed (a no-op rebuild).
    if (!options.shard)
      await writeCached(
        hashes && engine.cache,
        DASHBOARD,
        () => siteKey(config, bases, hashes!),
        sink,
        async () => {
          // Without the segments of reused artifacts, a dashboard made now would be wrong: only another
          // build replacing the cache's dashboard entry during this one gets here.
          if (!engine.segments)
            throw new PipelineError('The build cache changed while this build ran (the translation dashboard); build again');
          await resources.ready();
          return dashboardFiles(
            config,
            resources,
            results.map((result) => result.report),
            results.flatMap((result) => result.segments),
          );
        },
        dashboard,
      );
    await staged?.flush();
    await resources.recordLoad();
    // The last point of return: the swap below is synchronous and, once begun, completes.
    signal?.throwIfAborted();
    if (staged) {
      const started = performance.now();
      // Site files no longer made go in the same synchronous run as the swap.
      if (archive && lock) retire(config.out, archive.stale, lock);
      staged.commit();
      report.timings.write = Math.round(performance.now() - started);
    }
    const outputs =
      sink instanceof MemorySink ? sink.files : (sink as StagingSink).names.map((name) => ({ path: name, contents: new Uint8Array() }));
    built = { files: outputs, messages, report };
  } catch (error) {
    failure = { error };
  }
  progress.stop();
  // The browser closes before its scratch folder goes; a failed cleanup never hides why the build failed.
  const cleanups = await Promise.allSettled([staged?.dispose(), pool.close()]);
  cleanups.push(...(await Promise.allSettled([resources.close()])));
  lock?.release();
  if (failure) throw failure.error;
  const cleanupFailure = cleanups.find((outcome) => outcome.status === 'rejected');
  if (cleanupFailure) throw new PipelineError('The build finished but could not clean up after itself', { cause: cleanupFailure.reason });
  return built!;
}

/** The inputs with their output names, clashes refused, restricted to the shard when there is one. */
async function documentFiles(config: PipelineConfig, shard: Shard | undefined): Promise<[string, DocFile][]> {
  const inputs = await expandInputs(config.inputs);
  if (inputs.length === 0)
    throw new PipelineError(
      `No transcripts found in ${config.inputs.map(relative).join(', ')}; give transcript files (.txt, .html, .md, .docx) or folders holding them`,
    );
  const named = inputs.map((input) => ({ input, path: relative(input) }));
  const slugs = assignSlugs(named);
  const files = named.map(({ input, path }, at): [string, DocFile] => [input, { path, slug: slugs[at]! }]);
  return files.filter(([, file]) => inShard(file.slug, shard));
}

const count = (results: DocumentResult[], key: 'reused') => results.reduce((sum, result) => sum + result[key].length, 0);

/** Like Promise.all over `items`, at most `limit` at a time, results in input order; an error stops new work. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const at = next++;
      try {
        results[at] = await fn(items[at]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Settled, not all: documents already printing finish before the browser and scratch go away.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

/** Kept here for callers that imported it from the build; the rules live in emit/slug.ts. */
export { slugify };
