import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BuildReport, LocaleReport } from '../build.ts';
import { defineCommand } from './define.ts';
import { ENGINE_OPTIONS, engineOptions, jsonSummary } from './engine-flags.ts';
import { CONFIG_OPTION } from './options.ts';
import { FORMATS, type Format, type PipelineConfig } from '../config/defaults.ts';
import { normalizeConfig, readConfigFile, selectInputs, validateConfig } from '../config/load.ts';
import { PipelineError } from '../errors.ts';
import { CATEGORIES, CATEGORY_WORDS } from '../report/categories.ts';
import { formatTermReport } from '../report/glossary-report.ts';
import { createDiagnostic, type Diagnostic, type Message } from '../report/messages.ts';
import { printDiagnostics, printGrouped, type DiagnosticFormat } from '../report/print.ts';
import { interruptible, Interrupted } from './interrupt.ts';
import { describeUiFallback, uiFallbacks } from '../config/locales.ts';
import { countOf } from '../util/plural.ts';
import type { Io } from './types.ts';

export const buildCommand = defineCommand({
  name: 'build',
  synopsis: '[inputs…] [options]',
  about: `Builds transcripts into HTML, PDF, EPUB 3 and a zip bundle for every locale.
Inputs are transcript files (.txt, .html/.htm, .md, .docx) or folders of them, or the slug of one of the
config's inputs; without inputs, the config's "inputs".`,
  options: {
    locales: { type: 'string', value: '<list>', help: 'locales to publish, comma-separated (e.g. en,ru,ky)' },
    formats: { type: 'string', value: '<list>', help: `any of ${FORMATS.join(',')} (default: all)` },
    out: { type: 'string', value: '<dir>', help: 'output folder (default: output)' },
    ...CONFIG_OPTION,
    frail: { type: 'boolean', help: 'treat warnings as errors' },
    strict: { type: 'boolean', help: 'fail the build on any terminology violation (termSeverity "error" for every locale)' },
    ...ENGINE_OPTIONS,
  },
  async run({ values, positionals, format }, io) {
    const config = await loadCliConfig(values, positionals);
    const uiWarnings = await checkUiLocales(config, Boolean(values.strict), format === 'text' ? io : undefined);
    const engine = engineOptions(values, io);
    // The pipeline is loaded here, not with this module: the other commands share its option parsing.
    const { build, shardFolder } = await import('../build.ts');
    const started = performance.now();
    let result;
    try {
      result = await interruptible((signal) => build(config, { write: true, ...engine, signal }));
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error;
      io.err(`pressroom build: ${error.message}; stopped before publishing, the output folder is as it was\n`);
      return error.exitCode;
    }
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      io.out(JSON.stringify(jsonSummary(result, config, seconds)) + '\n');
      return 0;
    }
    // In text the UI check has printed its warnings already, before the build's progress.
    reportMessages(format === 'text' ? result.messages : [...uiWarnings, ...result.messages], io, format, {
      quiet: values.quiet,
    });
    if (format === 'json') return 0;
    if (!values.quiet) printSummary(result.report, config, io.out);
    const out = path.relative(process.cwd(), config.out) || '.';
    const reportPath = engine.shard ? path.join(out, shardFolder(engine.shard), 'report.json') : path.join(out, 'report.json');
    const incremental = result.report.incremental;
    const reuse = incremental ? `; ${countOf(incremental.rebuilt.length, 'artifact')} built, ${incremental.reused} unchanged` : '';
    io.out(`Built ${countOf(result.files.length, 'file')} into ${out} in ${seconds.toFixed(1)} s${reuse}; report: ${reportPath}\n`);
    return 0;
  },
});

export interface CliConfigFlags {
  locales?: string;
  formats?: string;
  out?: string;
  config?: string;
  frail?: boolean;
  strict?: boolean;
}

/** The config file a command reads: --config, else ./pressroom.config.json when present, else none (defaults). */
export const findConfigFile = (flag: string | undefined): string | undefined =>
  flag ?? (existsSync(path.join(process.cwd(), 'pressroom.config.json')) ? 'pressroom.config.json' : undefined);

/** A file as the user named it: relative to the working folder when inside it, else as given. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** The config a command runs with: the file (or defaults), then command-line flags on top. */
export async function loadCliConfig(values: CliConfigFlags, inputs: string[] = []): Promise<PipelineConfig> {
  const cwd = process.cwd();
  const configFile = findConfigFile(values.config);
  const fromFile = configFile ? await readConfigFile(path.resolve(cwd, configFile)) : {};
  const root = configFile ? path.dirname(path.resolve(cwd, configFile)) : cwd;
  const overrides: Record<string, unknown> = {};
  if (values.locales)
    overrides.locales = values.locales
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
  if (values.formats) overrides.formats = values.formats.split(',').map((format) => format.trim() as Format);
  if (values.frail) overrides.frail = true;
  if (values.strict) overrides.termSeverity = 'error';
  const checked = validateConfig(overrides, 'command line');
  const config = await normalizeConfig({ ...fromFile, ...checked }, root);
  // Paths given on the command line are relative to where the user stands, not to the config file.
  if (values.out) config.out = path.resolve(cwd, values.out);
  if (inputs.length > 0) config.inputs = await selectInputs(inputs, config.inputs, cwd);
  if (config.locales.length === 0) throw new PipelineError('No locales to build; set "locales" or --locales');
  return config;
}

/**
 * A locale without UI strings (`--locales ky,kk`) would be published with another language's interface:
 * a warning naming it and what it falls back to, or, under --strict or `frail`, a refusal before any work.
 * The warnings are printed on `io` (text) and returned as diagnostics, filed under the catalog folder.
 */
async function checkUiLocales(config: PipelineConfig, strict: boolean, io: Io | undefined): Promise<Diagnostic[]> {
  const { loadCatalogs } = await import('../i18n/ui.ts');
  // An unreadable catalog folder is the build's own error, with its cause; nothing to add here.
  const catalogs = await loadCatalogs(config.catalogs).catch(() => undefined);
  if (!catalogs) return [];
  const languages = new Set(Object.keys(catalogs).filter((lng) => catalogs[lng]?.ui));
  const shown = path.relative(process.cwd(), config.catalogs) || '.';
  const problems = uiFallbacks(config.locales, languages, config.fallbackLng).map((fallback) =>
    describeUiFallback(fallback, shown, languages),
  );
  if (problems.length === 0) return [];
  if (strict || config.frail)
    throw new PipelineError(
      `${problems.join('\n')}\nBuild refused (${strict ? '--strict' : 'frail'}): add the catalog, or drop the locale from --locales or "locales"`,
    );
  for (const problem of problems) io?.err(`pressroom build: warning: ${problem}  i18n:missing-locale\n`);
  return problems.map((reason) => createDiagnostic({ file: shown, severity: 'warning', reason, ruleId: 'i18n:missing-locale' }));
}

/**
 * The messages of a command that writes a site (build, index, remove) in the format asked for: text on
 * stderr in the build's layout (info left out), one JSON array on stdout (every severity), or GitHub
 * annotations for warnings and errors on stdout. `quiet`: errors only, except in JSON.
 */
export function reportMessages(messages: Diagnostic[], io: Io, format: DiagnosticFormat, options: { quiet?: boolean } = {}): void {
  if (format === 'json') printDiagnostics(messages, { format, write: io.out });
  else if (format === 'github')
    printDiagnostics(
      messages.filter((message) => message.severity === 'error' || (message.severity === 'warning' && !options.quiet)),
      { format, write: io.out },
    );
  else printMessages(messages, io.err, options);
}

/**
 * Warnings and errors per document, in the build's text layout (report/print.ts printGrouped): repeats
 * of a rule counted after the first few; report.json keeps them all. `quiet`: errors only.
 */
export function printMessages(messages: Message[], write: (text: string) => void, options: { quiet?: boolean } = {}): void {
  printGrouped(messages, write, options);
}

/**
 * The segments of a locale in the one vocabulary (pipeline/report/categories.ts): report.json's counts,
 * the numbers the dashboard shows. “Fell back” is published from a fallback language's memory, never a
 * segment without a match (that is new).
 */
function coverage(locale: LocaleReport): string {
  const counts = locale.counts;
  const shown = counts
    ? CATEGORIES.filter((category) => counts[category] > 0).map((category) => `${counts[category]} ${CATEGORY_WORDS[category]}`)
    : [];
  return shown.length > 0 ? shown.join(', ') : 'nothing to translate';
}

function printSummary(report: BuildReport, config: PipelineConfig, write: (text: string) => void): void {
  for (const document of report.documents) {
    for (const locale of document.locales) {
      const violations = locale.termViolations?.length ?? 0;
      const translation =
        // The locale in the document's own language (each has its own): the one without translation counts.
        locale.counts === undefined
          ? ', source'
          : `: ${coverage(locale)} (${locale.published} published)${violations ? `, ${countOf(violations, 'term violation')}` : ''}`;
      write(
        `${locale.locale.padEnd(6)}${document.slug}  ${countOf(locale.segments, 'segment')}${translation}, ${countOf(locale.termsFound, 'glossary term')}, ${countOf(locale.files.length, 'file')}\n`,
      );
    }
  }
  for (const entry of report.terms ?? []) write(`Glossary ${formatTermReport(entry)}\n`);
  write(
    `Stages: ${Object.entries(report.timings)
      .map(([name, ms]) => `${name} ${ms} ms`)
      .join(', ')}\n`,
  );
}
