import path from 'node:path';
import type { BuildOptions, BuildResult } from '../build.ts';
import type { PipelineConfig } from '../config/defaults.ts';
import { barProgress, lineProgress, silentProgress } from '../engine/progress.ts';
import { parseShard } from '../engine/shard.ts';
import { DIAGNOSTIC_FORMATS, diagnosticJson, type DiagnosticFormat } from '../report/print.ts';
import { FORMAT_OPTION, type OptionTable, type OptionValues } from './options.ts';
import { UsageError, type Io } from './types.ts';

/**
 * The --format of a command line before its command parses it, for the CLI's own error output: a failed
 * command still answers in the format asked for. An invalid value is the command's usage error (options.ts); text here.
 */
export function formatOfArgv(argv: readonly string[]): DiagnosticFormat {
  let value: string | undefined;
  argv.forEach((arg, at) => {
    if (arg === '--format') value = argv[at + 1];
    else if (arg.startsWith('--format=')) value = arg.slice('--format='.length);
  });
  return value !== undefined && (DIAGNOSTIC_FORMATS as readonly string[]).includes(value) ? (value as DiagnosticFormat) : 'text';
}

/** The build engine's options: their part of the build's option table and usage (watch builds with the defaults). */
export const ENGINE_OPTIONS = {
  concurrency: { type: 'string', value: '<n>', help: 'pages printing at once (default: the number of cores)' },
  shard: {
    type: 'string',
    value: '<k/n>',
    help: 'build only shard k of n (a deterministic split by document); merge with `pressroom index`',
  },
  'no-cache': { type: 'boolean', help: 'rebuild every artifact (default: reuse unchanged ones from .pressroom-cache next to --out)' },
  cache: { type: 'string', value: '<dir>', help: 'incremental cache folder' },
  quiet: { type: 'boolean', help: 'errors only: no progress, warnings or summary; the last line (report.json has the rest)' },
  json: { type: 'boolean', help: 'print one JSON summary on stdout instead of text (its "messages": the warnings and errors)' },
  ...FORMAT_OPTION,
} as const satisfies OptionTable;

export type EngineFlags = OptionValues<typeof ENGINE_OPTIONS>;

/**
 * A live bar only for a person at a terminal; CI logs (CI set, or stderr not a TTY) get plain lines on
 * `io.err`, --quiet and --json get none.
 */
export function engineOptions(flags: EngineFlags, io: Io): BuildOptions {
  const options: BuildOptions = {};
  if (flags.concurrency !== undefined) {
    const value = Number(flags.concurrency);
    if (!Number.isInteger(value) || value < 1 || value > 64)
      throw new UsageError(`--concurrency expects a whole number from 1 to 64, got “${flags.concurrency}”`);
    options.concurrency = value;
  }
  if (flags.shard !== undefined) {
    const shard = parseShard(flags.shard);
    if (!shard) throw new UsageError(`--shard expects K/N with 1 ≤ K ≤ N (e.g. 2/4), got “${flags.shard}”`);
    options.shard = shard;
  }
  if (flags['no-cache']) options.cache = false;
  else if (flags.cache) options.cache = path.resolve(flags.cache);
  if (flags.quiet || flags.json || flags.format === 'json') options.progress = silentProgress;
  else if (process.stderr.isTTY && !process.env.CI) options.progress = barProgress(process.stderr);
  else options.progress = lineProgress(io.err);
  return options;
}

/** The --json output: one object a script can read. */
export function jsonSummary(result: BuildResult, config: PipelineConfig, seconds: number) {
  const artifacts = result.report.documents.reduce((sum, document) => sum + document.locales.length, 0);
  return {
    ok: true,
    out: config.out,
    seconds: Number(seconds.toFixed(3)),
    documents: result.report.documents.length,
    artifacts,
    files: result.files.length,
    rebuilt: result.report.incremental?.rebuilt ?? [],
    reused: result.report.incremental?.reused ?? 0,
    browserRestarts: result.report.incremental?.browserRestarts ?? 0,
    shard: result.report.shard ?? null,
    warnings: result.messages.filter((message) => message.severity === 'warning').length,
    timings: result.report.timings,
    // The diagnostics in the one JSON shape (report/print.ts), as `--format json` prints them; info is in report.json.
    messages: result.messages.filter((message) => message.severity !== 'info').map((message) => diagnosticJson(message)),
  };
}
