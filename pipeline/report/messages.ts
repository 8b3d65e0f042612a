import type { Point, Position } from 'unist';
import { PipelineError } from '../errors.ts';

export type Severity = 'info' | 'warning' | 'error';

/**
 * The one diagnostic of pressroom: what every reader (TMX, TBX, CSV, XLIFF, config, transcripts), checker
 * (glossary lint, terms check, the build's term checks) and command reports, and what the printer
 * (report/print.ts) writes as text, JSON or GitHub annotations. The field names are those of vfile's
 * `VFileMessage` (vfile-message); our own type, since only the shape is wanted, with vfile's `fatal`
 * spelled as `severity`.
 */
export interface Diagnostic {
  /** The file the message is about, as the user named it (relative to the working folder when inside it). */
  file: string;
  /** Where in the file (a point is a range of no width); undefined for the file as a whole. */
  place: Position | undefined;
  /** The place's start line and column (1-based), as vfile repeats them; undefined when not known. */
  line: number | undefined;
  column: number | undefined;
  severity: Severity;
  /** “Unexpected X, expected Y”, with what to do. */
  reason: string;
  /** `source:rule`, e.g. `tm:no-match`, `tmx:syntax`: the line's last word, and the GitHub annotation's title. */
  ruleId: string;
  /** What made the message: the stage or reader (`tm`, `tmx`, `glossary`…); the rule id's first part. */
  source: string;
  /** A second place or the error underneath: “first translated here”, the TMX unit a match came from. */
  cause?: Diagnostic | Error | undefined;
  /** The locale the message is about, when it is about one. */
  locale?: string | undefined;
  /** The segment (id) the message is about, when it is about one: term violations, stale segments. */
  segment?: string;
  /** Where to read more. */
  url?: string;
  /** A longer explanation or hint. */
  note?: string;
}

/** The build's name for a diagnostic (build().messages, report.json). */
export type Message = Diagnostic;

export interface MessageOptions {
  place?: Position | Point | undefined;
  ruleId: string;
  segment?: string;
  /** The file the message is about when it is not the reporter's own (a TMX unit, a UI catalog). */
  file?: string;
  /** (default: the rule id's first part) */
  source?: string;
  cause?: Diagnostic | Error;
  url?: string;
  note?: string;
}

/** The rule id's first part (`tm` of `tm:no-match`), else `pressroom`. */
export const sourceOf = (ruleId: string): string => (ruleId.includes(':') ? ruleId.slice(0, ruleId.indexOf(':')) : 'pressroom');

/** The start of a point or range. */
export const startOf = (place: Position | Point | undefined): Point | undefined =>
  place === undefined ? undefined : 'start' in place ? place.start : place;

/**
 * A diagnostic from its parts: line and column from the place, the source from the rule id; optional
 * fields only when they have a value, so that a message read back from JSON compares equal.
 */
export function createDiagnostic(
  init: { file: string; severity: Severity; reason: string; locale?: string | undefined } & MessageOptions,
): Diagnostic {
  const start = startOf(init.place);
  const diagnostic: Diagnostic = {
    file: init.file,
    place: init.place && start ? ('start' in init.place ? init.place : { start, end: start }) : undefined,
    line: start?.line,
    column: start?.column,
    severity: init.severity,
    reason: init.reason,
    ruleId: init.ruleId,
    source: init.source ?? sourceOf(init.ruleId),
    locale: init.locale,
  };
  if (init.segment) diagnostic.segment = init.segment;
  if (init.cause) diagnostic.cause = init.cause;
  if (init.url) diagnostic.url = init.url;
  if (init.note) diagnostic.note = init.note;
  return diagnostic;
}

/**
 * A problem of the lenient readers and checkers (GlossaryProblem, MemoryProblem: file, line, column,
 * severity, ruleId, message) as a diagnostic; its message is the reason.
 */
export function fromProblem(problem: {
  file: string;
  line: number;
  column?: number | undefined;
  severity: Severity;
  ruleId: string;
  message: string;
}): Diagnostic {
  const { file, line, column, severity, ruleId, message } = problem;
  return createDiagnostic({ file, severity, reason: message, ruleId, place: { line, column: column ?? 1 } });
}

/**
 * The TMX unit a translation came from, as a message's cause: a second place a reader can open (the
 * memory's file and line), next to the segment the message is about.
 */
export function unitCause(unit: { file: string; line: number; column?: number | undefined; id?: string }): Diagnostic {
  return createDiagnostic({
    file: unit.file,
    place: { line: unit.line, column: unit.column ?? 1 },
    severity: 'info',
    reason: `Translation memory unit${unit.id ? ` “${unit.id}”` : ''} used here`,
    ruleId: 'tm:unit',
  });
}

export class FailError extends PipelineError {
  override name = 'FailError';
  readonly diagnostic: Message;
  constructor(diagnostic: Message) {
    // The file leads, as in an InputError: the message may be all the user sees.
    super(`${diagnostic.file}:${formatMessage(diagnostic)}`);
    this.diagnostic = diagnostic;
  }
}

/** Collects the messages of one document (and locale) as the stages run. */
export class Reporter {
  readonly messages: Message[] = [];
  constructor(
    readonly file: string,
    readonly locale?: string,
  ) {}

  info(reason: string, options: MessageOptions): Message {
    return this.push('info', reason, options);
  }
  warn(reason: string, options: MessageOptions): Message {
    return this.push('warning', reason, options);
  }
  /** Records the message and stops the run, like vfile's `fail`. */
  fail(reason: string, options: MessageOptions): never {
    throw new FailError(this.push('error', reason, options));
  }

  private push(severity: Severity, reason: string, options: MessageOptions): Message {
    const message = createDiagnostic({ ...options, file: options.file ?? this.file, severity, reason, locale: this.locale });
    this.messages.push(message);
    return message;
  }
}

/**
 * A sentence as a message quotes it: white space folded, cut to `max` characters (whole code points)
 * with an ellipsis, in quotation marks. A segment id alone tells the reader nothing.
 */
export function quoteText(text: string, max = 60): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const characters = Array.from(folded);
  if (characters.length <= max) return `“${folded}”`;
  const head = characters.slice(0, max - 1).join('');
  return `“${head.trimEnd()}…”`;
}

export function formatPlace(place: Position | Point | undefined): string {
  if (!place) return '1:1';
  if (!('start' in place)) return `${place.line}:${place.column}`;
  return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`;
}

/** `12:5-12:20  warning  Unexpected …  tm:no-match` — the remark-cli line format. */
export function formatMessage(message: Message): string {
  const locale = message.locale ? ` (${message.locale})` : '';
  return `${formatPlace(message.place)}  ${message.severity}  ${message.reason}${locale}  ${message.ruleId}`;
}
