import type { Position } from 'unist';

/** Base class: every error the pipeline raises on purpose is one of these, so the CLI can print it without a stack. */
export class PipelineError extends Error {
  override name = 'PipelineError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The reader a file goes to, named by its extension: the `source` of its diagnostics and the first part of
 * their rule ids (`tmx:syntax`). A file the pipeline reads is named by what it is, whatever code reads it.
 */
export function readerOf(file: string): string {
  const name = file.toLowerCase();
  if (name.endsWith('.tmx')) return 'tmx';
  if (name.endsWith('.tbx')) return 'tbx';
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  if (name.endsWith('.xlf') || name.endsWith('.xliff')) return 'xliff';
  if (name.endsWith('config.json')) return 'config';
  if (name.endsWith('.meta.yaml') || name.endsWith('.meta.yml')) return 'sidecar';
  if (name.endsWith('.json')) return 'json';
  if (/\.(txt|html?|md|markdown|docx)$/.test(name)) return 'transcript';
  return 'input';
}

/** Bad input: names the file and the place, and says what to do. */
export class InputError extends PipelineError {
  override name = 'InputError';
  readonly file: string;
  readonly place: Position['start'] | undefined;
  /** The message without the file and place that lead `message`: a diagnostic's `reason`. */
  readonly reason: string;
  /**
   * `reader:rule`, e.g. `tmx:syntax`: `options.ruleId` when given, else the file's reader (readerOf) and
   * `options.rule` (default: `invalid`), so that a shared reader (XML, JSON, UTF-8) names the format it read.
   */
  readonly ruleId: string;
  constructor(
    file: string,
    place: Position['start'] | undefined,
    message: string,
    options?: { cause?: unknown; ruleId?: string; rule?: string },
  ) {
    super(
      `${file}${place ? `:${place.line}:${place.column}` : ''}: ${message}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.file = file;
    this.place = place;
    this.reason = message;
    this.ruleId = options?.ruleId ?? `${readerOf(file)}:${options?.rule ?? 'invalid'}`;
  }
}

/** Wraps whatever a stage threw with the stage name, the document and the locale. */
export class StageError extends PipelineError {
  override name = 'StageError';
  readonly stage: string;
  readonly file: string;
  readonly locale: string | undefined;
  constructor(stage: string, file: string, locale: string | undefined, cause: unknown) {
    super(`Stage \`${stage}\` failed on ${file}${locale ? ` (${locale})` : ''}`, { cause });
    this.stage = stage;
    this.file = file;
    this.locale = locale;
  }
}

/** Numbered cause chain, the way the CLI prints it. */
export function formatErrorChain(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  let depth = 0;
  while (current !== undefined && depth < 10) {
    const text = current instanceof Error ? current.message : String(current);
    lines.push(depth === 0 ? text : `${' '.repeat(depth * 2)}${depth}. caused by: ${text}`);
    current = current instanceof Error ? current.cause : undefined;
    depth += 1;
  }
  return lines.join('\n');
}

/** The deepest error that is not one of ours: its stack is worth printing, ours are not. */
export function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause !== undefined) current = current.cause;
  return current;
}
