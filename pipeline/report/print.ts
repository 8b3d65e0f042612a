import path from 'node:path';
import { InputError, StageError } from '../errors.ts';
import { countOf } from '../util/plural.ts';
import { createDiagnostic, FailError, formatMessage, type Diagnostic } from './messages.ts';

/** How a command prints its diagnostics (`--format`): remark-cli lines, one JSON array, or GitHub annotations. */
export const DIAGNOSTIC_FORMATS = ['text', 'json', 'github'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** A diagnostic as JSON: the same keys, in the same order, for every command; null where there is no value. */
export interface DiagnosticJson {
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  severity: Diagnostic['severity'];
  reason: string;
  ruleId: string;
  source: string;
  locale: string | null;
  segment: string | null;
  url: string | null;
  note: string | null;
  /** A second place (a diagnostic) or the error underneath (its name and message, and its own cause). */
  cause: DiagnosticJson | ErrorJson | null;
}

export interface ErrorJson {
  name: string;
  message: string;
  cause: ErrorJson | null;
}

/** A file as GitHub and the user want it: relative to the working folder when inside it, `/`-separated. */
export function shownFile(file: string, cwd = process.cwd()): string {
  if (!path.isAbsolute(file)) return file.split(path.sep).join('/');
  const relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

/** The end of the place when it is not the start: a range worth printing. */
function endOf(diagnostic: Diagnostic): { line: number; column: number } | undefined {
  const place = diagnostic.place;
  if (!place || (place.end.line === place.start.line && place.end.column === place.start.column)) return undefined;
  return place.end;
}

/** What the reason is about, after it: `(ru)`, `(ru, segment s1f2e3d4c5)`. */
function about(diagnostic: Diagnostic): string {
  const parts = [diagnostic.locale, diagnostic.segment ? `segment ${diagnostic.segment}` : undefined].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** `file:line:col-line:col  severity  reason (locale, segment)  ruleId`: one diagnostic as a text line. */
export function formatDiagnostic(diagnostic: Diagnostic, cwd = process.cwd()): string {
  const end = endOf(diagnostic);
  const where =
    diagnostic.line === undefined
      ? ''
      : `:${diagnostic.line}${diagnostic.column === undefined ? '' : `:${diagnostic.column}`}${end ? `-${end.line}:${end.column}` : ''}`;
  return `${shownFile(diagnostic.file, cwd)}${where}  ${diagnostic.severity}  ${diagnostic.reason}${about(diagnostic)}  ${diagnostic.ruleId}`;
}

function errorJson(error: Error, depth = 0): ErrorJson {
  const cause = error.cause instanceof Error && depth < 10 ? errorJson(error.cause, depth + 1) : null;
  return { name: error.name, message: error.message, cause };
}

/** The one JSON shape of a diagnostic (`--format json`, and the problems inside each command's `--json`). */
export function diagnosticJson(diagnostic: Diagnostic, cwd = process.cwd()): DiagnosticJson {
  const end = diagnostic.place?.end;
  const cause = diagnostic.cause;
  return {
    file: shownFile(diagnostic.file, cwd),
    line: diagnostic.line ?? null,
    column: diagnostic.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    severity: diagnostic.severity,
    reason: diagnostic.reason,
    ruleId: diagnostic.ruleId,
    source: diagnostic.source,
    locale: diagnostic.locale ?? null,
    segment: diagnostic.segment ?? null,
    url: diagnostic.url ?? null,
    note: diagnostic.note ?? null,
    cause: cause === undefined ? null : cause instanceof Error ? errorJson(cause) : diagnosticJson(cause, cwd),
  };
}

// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions: data escapes %, CR
// and LF; a property value also `:` and `,`, which separate the properties.
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * One GitHub Actions workflow command: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<ruleId>::<reason>`,
 * the file relative to the working folder (GitHub wants it relative to the repository).
 */
export function githubAnnotation(diagnostic: Diagnostic, cwd = process.cwd()): string {
  const end = diagnostic.place?.end;
  const properties: [string, string | number | undefined][] = [
    ['file', diagnostic.file ? shownFile(diagnostic.file, cwd) : undefined],
    ['line', diagnostic.line],
    ['col', diagnostic.column],
    ['endLine', end?.line],
    ['endColumn', end?.column],
    ['title', diagnostic.ruleId],
  ];
  const shown = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${GITHUB_LEVEL[diagnostic.severity]} ${shown}::${escapeData(diagnostic.reason + about(diagnostic))}`;
}

/**
 * Prints diagnostics in one format: text lines, one JSON array (an empty one too), or GitHub annotations.
 * @param diagnostics What to print, in order.
 * @param options `format` (default: text), `write` for the output, `cwd` paths are shown relative to.
 */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: { format?: DiagnosticFormat; write: (text: string) => void; cwd?: string },
): void {
  const format = options.format ?? 'text';
  const cwd = options.cwd ?? process.cwd();
  if (format === 'json') {
    options.write(
      `${JSON.stringify(
        diagnostics.map((diagnostic) => diagnosticJson(diagnostic, cwd)),
        null,
        2,
      )}\n`,
    );
    return;
  }
  const line = format === 'github' ? githubAnnotation : formatDiagnostic;
  for (const diagnostic of diagnostics) options.write(`${line(diagnostic, cwd)}\n`);
}

/** Messages of one rule and locale shown per document before the rest are counted instead. */
const SHOWN_PER_RULE = 3;

/**
 * The build's text layout (remark-cli's): each file once, then its messages as `  place  severity  reason  ruleId`.
 * Repeats of a rule in one document and locale (45 untranslated segments) show the first few, then one
 * line with the count; report.json keeps them all. Info messages are left out; `quiet`: errors only.
 */
export function printGrouped(diagnostics: readonly Diagnostic[], write: (text: string) => void, options: { quiet?: boolean } = {}): void {
  const byFile = new Map<string, Diagnostic[]>();
  for (const message of diagnostics) {
    if (message.severity === 'info' || (options.quiet && message.severity !== 'error')) continue;
    byFile.set(message.file, [...(byFile.get(message.file) ?? []), message]);
  }
  for (const [file, list] of byFile) {
    write(`${file}\n`);
    const groups = new Map<string, { ruleId: string; locale: string | undefined; severity: string; count: number }>();
    for (const message of list) {
      const key = `${message.ruleId}\u0000${message.locale ?? ''}\u0000${message.severity}`;
      const group = groups.get(key) ?? { ruleId: message.ruleId, locale: message.locale, severity: message.severity, count: 0 };
      groups.set(key, group);
      group.count += 1;
      if (group.count <= SHOWN_PER_RULE) write(`  ${formatMessage(message)}\n`);
    }
    for (const group of groups.values())
      if (group.count > SHOWN_PER_RULE)
        write(
          `  … ${countOf(group.count - SHOWN_PER_RULE, `more ${group.ruleId}${group.locale ? ` (${group.locale})` : ''} ${group.severity}`)} (${group.count} in this document; report.json lists them all)\n`,
        );
  }
}

/**
 * A thrown error as a diagnostic, for `--format json|github`: the deepest bad input of its cause chain
 * (InputError: file, place, rule id) or the message a stage failed with (FailError), else the error
 * itself (`pressroom:error`, or `stage:<name>` with the document). The wrapping messages become the note.
 */
export function diagnosticFromError(error: unknown): Diagnostic {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 10; current = current.cause) chain.push(current);
  const found = chain.findIndex((entry) => entry instanceof InputError || entry instanceof FailError);
  const outer = chain.slice(0, Math.max(found, 0)).map((entry) => entry.message);
  const note = outer.length > 0 ? outer.join('; ') : undefined;
  const input = chain[found];
  if (input instanceof FailError) return { ...input.diagnostic, ...(note ? { note } : {}) };
  if (input instanceof InputError) {
    const cause = input.cause instanceof Error ? input.cause : undefined;
    return createDiagnostic({
      file: input.file,
      place: input.place,
      severity: 'error',
      reason: input.reason,
      ruleId: input.ruleId,
      ...(cause ? { cause } : {}),
      ...(note ? { note } : {}),
    });
  }
  const stage = chain.find((entry): entry is StageError => entry instanceof StageError);
  const first = chain[0];
  const cause = first?.cause instanceof Error ? first.cause : undefined;
  return createDiagnostic({
    file: stage?.file ?? '',
    severity: 'error',
    reason: first ? first.message : String(error),
    ruleId: stage ? `stage:${stage.stage}` : 'pressroom:error',
    locale: stage?.locale,
    ...(cause ? { cause } : {}),
  });
}
