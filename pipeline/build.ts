import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineConfig } from './config/defaults.ts';
import { expandInputs } from './config/load.ts';
import { slugify } from './emit/slug.ts';
import { lockOutput } from './emit/lock.ts';
import { checkOutputFolder } from './emit/paths.ts';
import { writeOutput } from './emit/write.ts';
import { InputError, PipelineError } from './errors.ts';
import { languageName, formatDate, renderIndexPage } from './render/page.ts';
import { layout, MEDIA_TYPES, utf8, type OutputFile } from './render/outputs.ts';
import { Reporter, type Message } from './report/messages.ts';
import { loadResources, relative } from './resources.ts';
import { runStage, type DocFile, type StageContext, type Timings } from './stage.ts';
import { bundle } from './stages/bundle.ts';
import { ingest } from './stages/ingest.ts';
import { normalize } from './stages/normalize.ts';
import { renderEpub } from './stages/render-epub.ts';
import { renderHtml } from './stages/render-html.ts';
import { renderPdf } from './stages/render-pdf.ts';
import { segment } from './stages/segment.ts';
import { translate } from './stages/translate.ts';
import type { IndexDocument } from '../templates/page-index.ts';

export interface LocaleReport {
  locale: string;
  title: string;
  segments: number;
  translated: number;
  fellBack: number;
  termsFound: number;
  files: string[];
}

export interface DocumentReport {
  file: string;
  slug: string;
  locales: LocaleReport[];
}

export interface BuildReport {
  documents: DocumentReport[];
  /** Milliseconds per stage, summed over documents and locales. */
  timings: Record<string, number>;
  messages: Message[];
}

export interface BuildResult {
  files: OutputFile[];
  messages: Message[];
  report: BuildReport;
}

export interface BuildOptions {
  /** false: return the files in memory and leave `config.out` alone (the test seam). Default true. */
  write?: boolean;
}

/** Builds every input for every locale. Only the last step writes, and only when `write` is not false. */
export async function build(config: PipelineConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const timings: Timings = new Map();
  const buildReporter = new Reporter('pressroom.config.json');
  const messages: Message[] = buildReporter.messages;
  // Taken first: a second build into the same folder is refused before it spends a minute rendering.
  if (options.write !== false) checkOutputFolder(config);
  const lock = options.write !== false ? lockOutput(config.out) : undefined;
  const resources = await loadResources(config, buildReporter).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const files: OutputFile[] = [];
  const documents: DocumentReport[] = [];
  const index: IndexDocument[] = [];
  try {
    const inputs = await expandInputs(config.inputs);
    if (inputs.length === 0)
      throw new PipelineError(`No transcripts found in ${config.inputs.map(relative).join(', ')}; give .txt files or folders holding them`);
    const slugs = new Map<string, string>();
    for (const input of inputs) {
      const file: DocFile = { path: relative(input), slug: slugify(input) };
      const clash = slugs.get(file.slug);
      if (clash)
        throw new InputError(
          file.path,
          undefined,
          `Unexpected second transcript with the output name “${file.slug}” (first: ${clash}); rename one of them`,
        );
      slugs.set(file.slug, file.path);

      const sourceReport = new Reporter(file.path);
      const sourceCtx: StageContext = { file, locale: config.sourceLocale, config, report: sourceReport, resources };
      const bytes = await readFile(input).catch((cause: unknown) => {
        throw new InputError(file.path, undefined, 'Cannot read this transcript', { cause });
      });
      let tree;
      try {
        const blocks = await runStage('ingest', ingest, bytes, sourceCtx, timings, false);
        tree = await runStage('normalize', normalize, blocks, sourceCtx, timings, false);
        tree = await runStage('segment', segment, tree, sourceCtx, timings, false);
      } finally {
        messages.push(...sourceReport.messages);
      }

      const documentReport: DocumentReport = { file: file.path, slug: file.slug, locales: [] };
      const indexDocument: IndexDocument = { slug: file.slug, entries: [] };
      for (const locale of config.locales) {
        const report = new Reporter(file.path, locale);
        const ctx: StageContext = { ...sourceCtx, locale, report };
        try {
          const translated = await runStage('translate', translate, tree, ctx, timings);
          const page = await runStage('render-html', renderHtml, translated, ctx, timings);
          const folder = layout.folder(file.slug, locale);
          const localeFiles: OutputFile[] = config.formats.includes('html') || config.formats.includes('bundle') ? [...page.files] : [];
          if (config.formats.includes('epub') || config.formats.includes('bundle')) {
            const epub = await runStage('render-epub', renderEpub, page, ctx, timings);
            if (config.formats.includes('epub') || config.formats.includes('bundle'))
              localeFiles.push({ path: path.posix.basename(layout.file(file.slug, locale, 'epub')), contents: epub });
          }
          if (config.formats.includes('pdf') || config.formats.includes('bundle')) {
            const pdf = await runStage('render-pdf', renderPdf, page, ctx, timings);
            localeFiles.push({ path: path.posix.basename(layout.file(file.slug, locale, 'pdf')), contents: pdf });
          }
          if (config.formats.includes('bundle')) {
            const zipped = await runStage('bundle', bundle, { files: localeFiles, date: tree.data.meta.date }, ctx, timings);
            localeFiles.push({ path: path.posix.basename(layout.file(file.slug, locale, 'bundle')), contents: zipped });
          }
          const published = localeFiles.filter((output) => isRequested(output.path, config));
          for (const output of published) files.push({ path: `${folder}/${output.path}`, contents: output.contents });
          const fileList = published.map((output) => `${folder}/${output.path}`);
          documentReport.locales.push({
            locale,
            title: page.title,
            segments: translated.stats.segments,
            translated: translated.stats.translated,
            fellBack: translated.stats.fellBack,
            termsFound: translated.stats.termsFound,
            files: fileList,
          });
          const t = resources.translators.get(locale)!;
          const meta = translated.tree.data.meta;
          indexDocument.entries.push({
            title: page.title,
            lang: locale,
            dateline: [meta.date ? formatDate(meta.date, locale) : '', meta.place ?? ''].filter(Boolean).join(', '),
            languageName: languageName(locale),
            page: {
              href: config.formats.includes('html') ? layout.page(file.slug, locale) : (fileList[0] ?? ''),
              label: t('download.html'),
            },
            files: (['pdf', 'epub', 'bundle'] as const)
              .filter((format) => config.formats.includes(format))
              .map((format) => ({
                href: layout.file(file.slug, locale, format),
                label: t(`download.${format}`),
                type: MEDIA_TYPES[format],
              })),
          });
        } finally {
          messages.push(...report.messages);
        }
      }
      documents.push(documentReport);
      index.push(indexDocument);
    }

    for (const missing of resources.missingKeys) {
      buildReporter.warn(`Unexpected missing UI string “${missing.key}”, expected it in locales/${missing.lng}/ui.json`, {
        ruleId: 'i18n:missing-key',
      });
    }
    const report: BuildReport = {
      documents,
      timings: Object.fromEntries([...timings].map(([name, ms]) => [name, Math.round(ms)])),
      messages,
    };
    files.push(...indexFiles(config, index, resources.translators.get(config.locales[0] ?? config.sourceLocale)), {
      path: 'report.json',
      contents: utf8(JSON.stringify(report, null, 2) + '\n'),
    });
    if (config.frail && messages.some((message) => message.severity === 'warning')) {
      throw new PipelineError(
        `Build stopped: ${messages.filter((message) => message.severity === 'warning').length} warnings and \`frail\` is on; nothing was written`,
      );
    }
    if (options.write !== false) {
      const started = performance.now();
      await writeOutput(config.out, files, lock);
      report.timings.write = Math.round(performance.now() - started);
    }
    return { files, messages, report };
  } finally {
    await resources.close();
    lock?.release();
  }
}

function isRequested(name: string, config: PipelineConfig): boolean {
  if (name.endsWith('.pdf')) return config.formats.includes('pdf');
  if (name.endsWith('.epub')) return config.formats.includes('epub');
  if (name.endsWith('.zip')) return config.formats.includes('bundle');
  return config.formats.includes('html');
}

function indexFiles(
  config: PipelineConfig,
  documents: IndexDocument[],
  t: ((key: string, options?: Record<string, unknown>) => string) | undefined,
): OutputFile[] {
  const lang = config.locales[0] ?? config.sourceLocale;
  const translateKey = t ?? ((key: string) => key);
  const languages = new Intl.ListFormat(lang, { type: 'conjunction' }).format(config.locales.map((locale) => languageName(locale, lang)));
  const html = renderIndexPage({
    lang,
    title: translateKey('index.title'),
    intro: translateKey('index.intro', { count: documents.length, languages }),
    stylesheet: 'index.css',
    documents,
    attribution: config.attribution
      ? `${config.attribution.source}${config.attribution.license ? ` (${config.attribution.license})` : ''}`
      : undefined,
  });
  const css =
    'body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;line-height:1.5}ul.files{display:flex;gap:1rem;list-style:none;padding:0}footer{color:#555;font-size:.9rem}\n';
  return [
    { path: 'index.html', contents: utf8(html) },
    { path: 'index.css', contents: utf8(css) },
  ];
}

/** Kept here for callers that imported it from the build; the rules live in emit/slug.ts. */
export { slugify };
