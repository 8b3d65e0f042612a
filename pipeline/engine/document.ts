import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentReport, LocaleReport } from '../report/build-report.ts';
import type { Placement } from '../emit/write.ts';
import type { PipelineConfig } from '../config/defaults.ts';
import { InputError } from '../errors.ts';
import type { BrowserPool } from '../render/pdf/browser.ts';
import { documentTitleLang, formatDate, languageName } from '../render/page.ts';
import { downloadFormats, madeFormats, outputFormat } from '../render/formats.ts';
import { loadRenderer, type FormatInput } from '../render/renderer.ts';
import { layout, utf8, type OutputFile } from '../render/outputs.ts';
import { localeTermUses } from '../report/glossary-report.ts';
import { countCategories } from '../report/categories.ts';
import { Reporter, type Message } from '../report/messages.ts';
import { runStage, type DocFile, type StageContext, type Timings } from '../stage.ts';
import { formatOrder, LOCALE_STAGES, runEntry, runSourceStages } from './stages.ts';
import type { IndexDocument, IndexEntry } from '../report/index-model.ts';
import { toString } from 'mdast-util-to-string';
import type { TranscriptRoot } from '../types.ts';
import type { LoadedResources } from '../resources.ts';
import { sha256, type ArtifactCache } from './cache.ts';
import { readTranscriptSettings } from '../normalize/sidecar.ts';
import { attributionFor } from '../config/attribution.ts';
import { documentLanguage, isSourceLocale } from '../locale/source-language.ts';
import { artifactKey, documentFacts, transcriptHash, type ArtifactKey, type DocumentFacts } from './fingerprint.ts';
import type { Sink } from './sink.ts';
import { localeSegments, type LocaleSegments } from '../xliff/collect.ts';

/** What one document × locale leaves for the report and the index; cached with its files. */
export interface ArtifactMeta {
  report: LocaleReport;
  index: IndexEntry;
  messages: Message[];
}

/**
 * A target locale's segments as published, for the translation dashboard (pipeline/report/dashboard.ts):
 * kept and cached with the artifact (apart from its meta: read only when the dashboard is made again), so
 * the dashboard never reads a document again.
 */
interface ArtifactHeavy {
  segments: LocaleSegments;
}

/**
 * What a reused transcript gives every build: the source stages' messages to repeat and its language. The
 * facts the full artifact keys depend on (DocumentFacts) are cached apart, read only when a key is computed.
 */
interface SourceMeta {
  messages: Message[];
  sourceLang?: string;
}

export interface EngineContext {
  config: PipelineConfig;
  resources: LoadedResources;
  timings: Timings;
  pool: BrowserPool;
  cache: ArtifactCache | undefined;
  sink: Sink;
  /** localeBase() per locale (the source locale included), computed once per build. */
  bases: Map<string, string>;
  /** inputHashes().resources, taken before the resources were read (optional: without it, every key is computed in full). */
  resourceHash?: string;
  /**
   * Whether the dashboard is made in this build, so that reused artifacts must give their segments (read
   * from the cache apart from their meta); false when the cache holds the dashboard for these inputs.
   */
  segments: boolean;
  onStage(label: string): void;
  onArtifact(name: string, rebuilt: boolean): void;
}

export interface DocumentResult {
  report: DocumentReport;
  index: IndexDocument;
  messages: Message[];
  rebuilt: string[];
  reused: string[];
  /** Per target locale, in config order: what the dashboard is made from. */
  segments: LocaleSegments[];
}

/** Reads and normalises a transcript once, then fans out to every locale and format over the shared tree. */
export async function buildDocument(input: string, file: DocFile, engine: EngineContext): Promise<DocumentResult> {
  const { config: siteConfig, resources, timings } = engine;
  const messages: Message[] = [];
  const sourceReport = new Reporter(file.path);
  const bytes = await readFile(input).catch((cause: unknown) => {
    throw new InputError(file.path, undefined, 'Cannot read this transcript', { cause });
  });
  // The sidecar is read once, here: the key below and the normaliser see the same bytes.
  const settings = await readTranscriptSettings(input, siteConfig, file.path);
  // Every stage reads the credit from the config: a source rule may give this transcript its own.
  const config = { ...siteConfig, attribution: attributionFor(siteConfig.attribution, settings.attribution) };
  const sourceCtx: StageContext = {
    file,
    locale: config.sourceLocale,
    config,
    report: sourceReport,
    resources,
    normalize: settings.options,
  };
  const transcript = transcriptHash(bytes, settings.sidecar?.bytes);
  // What the keys need from the tree, cached per transcript: a no-op rebuild does not normalise at all.
  const sourceName = `${file.slug}/_source`;
  const sourceKey = sha256(transcript + engine.bases.get(config.sourceLocale)!);
  const sourceHit = await engine.cache?.get<SourceMeta, DocumentFacts>(sourceName, sourceKey);
  let source = sourceHit?.meta;
  // The memories and glossary, when the build left them for the first artifact that needs them.
  const ready = () => resources.ready();
  // A transcript not built before will be printed: Chromium starts while it is normalised and translated.
  if (!source && madeFormats(config.formats).some((format) => format.needs.includes('chromium'))) engine.pool.warm();
  let tree: Tree | undefined;
  const normalised = async (): Promise<Tree> => {
    if (tree) return tree;
    await ready();
    try {
      engine.onStage(`normalise ${file.slug}`);
      tree = await runSourceStages(bytes, sourceCtx, timings);
      return tree;
    } finally {
      if (!source) messages.push(...sourceReport.messages);
    }
  };
  let facts: DocumentFacts | undefined;
  if (source) messages.push(...source.messages);
  else {
    facts = documentFacts(await normalised());
    source = { messages: sourceReport.messages, ...(facts.sourceLang ? { sourceLang: facts.sourceLang } : {}) };
    await engine.cache?.put(sourceName, sourceKey, [], source, undefined, facts);
  }
  // Only the full artifact keys read the segments' sources: from the cache, else from the tree (a missing or damaged part).
  const factsOf = async () => (facts ??= (await sourceHit?.heavy()) ?? documentFacts(await normalised()));
  const result: DocumentResult = {
    report: { file: file.path, slug: file.slug, locales: [] },
    index: { slug: file.slug, entries: [] },
    messages,
    rebuilt: [],
    reused: [],
    segments: [],
  };
  // Cached files to place: when every locale is reused, the document's output folder may already hold them.
  const reused: Placement[] = [];
  for (const locale of config.locales) {
    const name = layout.folder(file.slug, locale);
    // The artifact key looks up every sentence in the memories and glossary; the quick key (whole files)
    // implies it, so a rebuild where no input file changed skips those look-ups.
    let computed: Promise<ArtifactKey> | undefined;
    const full = () =>
      (computed ??= (async () => {
        const facts = await factsOf();
        await ready();
        return artifactKey(facts, transcript, locale, engine.bases.get(locale)!, config, resources, file.slug);
      })());
    const key = async () => (await full()).key;
    const quick =
      engine.resourceHash === undefined
        ? undefined
        : sha256(JSON.stringify([transcript, engine.bases.get(locale), engine.bases.get(config.sourceLocale), engine.resourceHash]));
    let meta: ArtifactMeta;
    // The report's glossary count is left out of the key (fingerprint.ts): a reused artifact takes it afresh.
    const found = await engine.cache?.get<ArtifactMeta, ArtifactHeavy>(name, key, quick, async (cached) => ({
      ...cached,
      report: { ...cached.report, termsFound: (await full()).termsFound },
    }));
    // A target locale's entry without its segments (missing, damaged, or made before artifacts kept them)
    // cannot feed the dashboard: built again when the dashboard is made.
    const translates = !isSourceLocale(locale, source.sourceLang ?? config.sourceLocale);
    const heavy = found && translates && engine.segments ? await found.heavy() : undefined;
    const hit = found && (!translates || (found.meta.report.counts && (!engine.segments || heavy?.segments))) ? found : undefined;
    if (hit) {
      hit.files.forEach((cached, at) => reused.push([path.join(hit.folder, cached), `${name}/${cached}`, hit.ids[at]]));
      meta = hit.meta;
      if (heavy) result.segments.push(heavy.segments);
      result.reused.push(name);
    } else {
      const made = await renderLocale(
        await normalised(),
        locale,
        { ...sourceCtx, locale, report: new Reporter(file.path, locale) },
        engine,
      );
      meta = made.meta;
      if (made.segments) result.segments.push(made.segments);
      if (engine.cache) {
        const stored = await engine.cache.put(name, await key(), made.files, meta, quick, made.segments && { segments: made.segments });
        for (const cached of stored.files) await engine.sink.link(path.join(stored.folder, cached), `${name}/${cached}`);
      } else {
        for (const output of made.files) await engine.sink.write({ path: `${name}/${output.path}`, contents: output.contents });
      }
      result.rebuilt.push(name);
    }
    engine.onArtifact(name, !hit);
    messages.push(...meta.messages);
    result.report.locales.push(meta.report);
    result.index.entries.push(meta.index);
  }
  if (result.rebuilt.length > 0 || !engine.sink.keep(file.slug, reused))
    for (const [source, target] of reused) await engine.sink.link(source, target);
  return result;
}

type Tree = TranscriptRoot;

/** Every requested format of one locale; files are relative to the locale's folder. */
async function renderLocale(
  tree: Tree,
  locale: string,
  ctx: StageContext,
  engine: EngineContext,
): Promise<{ files: OutputFile[]; meta: ArtifactMeta; segments?: LocaleSegments }> {
  const { config, timings, resources } = engine;
  const slug = ctx.file.slug;
  // Every format is made from the page; those that pack others' files (the bundle) come last, after the
  // page states the sizes. Formats without Chromium go first, so that the browser warms meanwhile.
  const made = madeFormats(config.formats);
  if (made.some((format) => format.needs.includes('chromium'))) engine.pool.warm();
  engine.onStage(`translate ${slug}/${locale}`);
  const translated = await runEntry(LOCALE_STAGES.translate, tree, ctx, timings);
  // Taken before rendering, as JSON: what the cache gives back on reuse is then what a fresh build uses.
  // The locale in the document's own language is the source artifact, whatever the config's default.
  const sourceLang = documentLanguage(tree, config);
  const segments = isSourceLocale(locale, sourceLang)
    ? undefined
    : asStored(localeSegments(tree, translated.tree, { file: ctx.file, locale, config, resources }));
  const targets = segments?.segments.map((state) => state.translated);
  const counts = targets && countCategories(targets, locale, sourceLang);
  engine.onStage(`html ${slug}/${locale}`);
  const page = await runEntry(LOCALE_STAGES.renderHtml, translated, ctx, timings);
  // Each file with the format it belongs to: what is published, sized and bundled is decided by format, not by name.
  const files: { format: string; file: OutputFile }[] = made.some((format) => format.id === 'html')
    ? page.files.map((file) => ({ format: 'html', file }))
    : [];
  const sizeOf = (format: string) => files.find((output) => output.format === format && output.format !== 'html')?.file.contents.byteLength;
  // Download links show sizes, known only now; the page inside the bundle cannot state the bundle's own.
  const sized = () => {
    const at = files.findIndex((output) => output.file.path === 'index.html');
    const sizes = Object.fromEntries(downloadFormats(config.formats).map((format) => [format.id, sizeOf(format.id)]));
    if (at >= 0) files[at] = { format: 'html', file: { path: 'index.html', contents: utf8(page.withSizes(sizes)) } };
  };
  for (const format of formatOrder(made)) {
    if (format.needs.includes('files')) sized();
    engine.onStage(`${format.id} ${slug}/${locale}`);
    const render = await loadRenderer(format);
    const input: FormatInput = {
      page,
      files: files.filter((output) => outputFormat(output.format)?.bundle !== 'never').map((output) => output.file),
      date: tree.data.meta.date,
    };
    const run = () => runStage(format.stage, render, input, ctx, timings);
    const contents = format.needs.includes('chromium') ? await engine.pool.run(run) : await run();
    // The page and its fonts were copied to scratch for Chromium; a long batch must not pile them up.
    if (format.needs.includes('chromium')) await rm(path.join(resources.scratch, slug, locale), { recursive: true, force: true });
    files.push({ format: format.id, file: { path: path.posix.basename(layout.file(slug, locale, format.id)), contents } });
  }
  sized();
  const published = files.filter((output) => config.formats.includes(output.format as never)).map((output) => output.file);
  const fileList = published.map((output) => `${layout.folder(slug, locale)}/${output.path}`);
  const t = resources.translators.get(locale)!;
  const meta = translated.tree.data.meta;
  const report: LocaleReport = {
    locale,
    title: page.title,
    segments: translated.stats.segments,
    published: translated.stats.translated,
    marked: translated.stats.fellBack,
    termsFound: translated.stats.termsFound,
    bands: translated.stats.bands,
    stale: translated.stats.stale,
    ...(counts ? { counts } : {}),
    termViolations: ctx.report.messages
      .filter((message) => message.segment && TERM_RULES.has(message.ruleId))
      .map((message) => ({
        rule: message.ruleId,
        segment: message.segment!,
        file: message.file,
        line: message.place?.start.line ?? 1,
        column: message.place?.start.column ?? 1,
        message: message.reason,
      })),
    files: fileList,
  };
  if (translated.terms.length > 0) report.glossary = localeTermUses(translated.terms);
  const titleLang = documentTitleLang(translated.tree, locale, sourceLang);
  const index: IndexEntry = {
    title: page.title,
    lang: locale,
    ...(titleLang ? { titleLang } : {}),
    sourceLang: meta.sourceLang ?? config.sourceLocale,
    dateline: [meta.date ? formatDate(meta.date, locale) : '', meta.place ?? ''].filter(Boolean).join(', '),
    date: meta.date ?? undefined,
    place: meta.place ?? undefined,
    placeLang: meta.placeLang ?? undefined,
    languageName: languageName(locale),
    lead: leadText(translated.tree),
    speakers: meta.speakers.filter((speaker) => !speaker.generic && speaker.name).map((speaker) => speaker.name),
    page: {
      href: config.formats.includes('html') ? layout.page(slug, locale) : (fileList[0] ?? ''),
      label: t(outputFormat('html')!.label),
    },
    files: downloadFormats(config.formats).map((format) => ({
      format: format.id,
      href: layout.file(slug, locale, format.id),
      label: t(format.label),
      type: format.mediaType,
      size: sizeOf(format.id),
    })),
  };
  return { files: published, meta: { report, index, messages: ctx.report.messages }, ...(segments ? { segments } : {}) };
}

/** The lead as plain text, when the document has one. */
function leadText(tree: TranscriptRoot): string | undefined {
  const lead = tree.children.find((node) => node.type === 'lead');
  // Paragraph by paragraph: toString() of the whole lead runs one paragraph's last word into the next's first.
  return lead
    ? lead.children
        .map((paragraph) => toString(paragraph).trim())
        .filter(Boolean)
        .join(' ') || undefined
    : undefined;
}

/** As the cache's entry.json gives it back. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Rule ids of the per-segment terminology checks (glossary/check.ts) that the locale report lists. */
const TERM_RULES = new Set(['term:missing', 'term:count', 'term:deprecated']);
