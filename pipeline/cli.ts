import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildReport } from './build.ts';
import { FORMATS, type Format, type PipelineConfig } from './config/defaults.ts';
import { normalizeConfig, readConfigFile, validateConfig } from './config/load.ts';
import { formatErrorChain, PipelineError, rootCause } from './errors.ts';
import { formatMessage, type Message } from './report/messages.ts';

const HELP = `Usage: pressroom build [inputs…] [options]

Builds transcripts into HTML, PDF, EPUB 3 and a zip bundle for every locale.

Inputs are transcript files (.txt) or folders of them; without inputs, the config's "inputs".

Options:
  --locales <list>   locales to publish, comma-separated (e.g. en,ru,ky)
  --formats <list>   any of ${FORMATS.join(',')} (default: all)
  --out <dir>        output folder (default: output)
  --config <file>    config file (default: ./pressroom.config.json when present)
  --frail            treat warnings as errors
  -h, --help         show this help

Exit status: 0 on success, 1 when the build failed (nothing is written then).
`;

/** Runs the CLI; returns the exit code instead of exiting so that tests and embedders keep control. */
export async function main(
  argv: string[],
  io: { out: (text: string) => void; err: (text: string) => void } = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        locales: { type: 'string' },
        formats: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        frail: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`pressroom: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const [command, ...inputs] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (command !== 'build') {
    io.err(command ? `pressroom: unknown command “${command}”\n\n${HELP}` : HELP);
    return 2;
  }
  try {
    const config = await loadCliConfig(parsed.values, inputs);
    const started = performance.now();
    const result = await build(config, { write: true });
    printMessages(result.messages, io.err);
    printSummary(result.report, config, io.out);
    io.out(
      `Built ${result.files.length} files into ${path.relative(process.cwd(), config.out) || '.'} in ${((performance.now() - started) / 1000).toFixed(1)} s; report: ${path.join(path.relative(process.cwd(), config.out), 'report.json')}\n`,
    );
    return 0;
  } catch (error) {
    io.err(`pressroom: ${formatErrorChain(error)}\n`);
    const deepest = rootCause(error);
    if (!(deepest instanceof PipelineError) && deepest instanceof Error && deepest.stack) io.err(`${deepest.stack}\n`);
    return 1;
  }
}

async function loadCliConfig(
  values: { locales?: string; formats?: string; out?: string; config?: string; frail?: boolean },
  inputs: string[],
): Promise<PipelineConfig> {
  const cwd = process.cwd();
  const configFile = values.config ?? (existsSync(path.join(cwd, 'pressroom.config.json')) ? 'pressroom.config.json' : undefined);
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
  const checked = validateConfig(overrides, 'command line');
  const config = await normalizeConfig({ ...fromFile, ...checked }, root);
  // Paths given on the command line are relative to where the user stands, not to the config file.
  if (values.out) config.out = path.resolve(cwd, values.out);
  if (inputs.length > 0) config.inputs = inputs.map((input) => path.resolve(cwd, input));
  if (!config.locales.includes(config.sourceLocale) && config.locales.length === 0)
    throw new PipelineError('No locales to build; set "locales" or --locales');
  return config;
}

function printMessages(messages: Message[], write: (text: string) => void): void {
  const byFile = new Map<string, Message[]>();
  for (const message of messages) {
    if (message.severity === 'info') continue;
    byFile.set(message.file, [...(byFile.get(message.file) ?? []), message]);
  }
  for (const [file, list] of byFile) {
    write(`${file}\n`);
    const shown = list.slice(0, 20);
    for (const message of shown) write(`  ${formatMessage(message)}\n`);
    if (list.length > shown.length) write(`  … and ${list.length - shown.length} more (see report.json)\n`);
  }
}

function printSummary(report: BuildReport, config: PipelineConfig, write: (text: string) => void): void {
  for (const document of report.documents) {
    for (const locale of document.locales) {
      const translation =
        locale.locale === config.sourceLocale
          ? 'source'
          : `${locale.translated}/${locale.segments} translated, ${locale.fellBack} fell back`;
      write(
        `${locale.locale.padEnd(6)}${document.slug}  ${locale.segments} segments, ${translation}, ${locale.termsFound} glossary terms, ${locale.files.length} files\n`,
      );
    }
  }
  write(
    `Stages: ${Object.entries(report.timings)
      .map(([name, ms]) => `${name} ${ms} ms`)
      .join(', ')}\n`,
  );
}
