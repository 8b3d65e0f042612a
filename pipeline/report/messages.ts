import type { Position } from 'unist';
import { PipelineError } from '../errors.ts';

export type Severity = 'info' | 'warning' | 'error';

/** A VFile-like diagnostic: where, how bad, which rule. */
export interface Message {
  file: string;
  place: Position | undefined;
  severity: Severity;
  reason: string;
  /** `source:rule`, e.g. `tm:no-match`. */
  ruleId: string;
  locale: string | undefined;
  /** The segment (id) the message is about, when it is about one: term violations, stale segments. */
  segment?: string;
}

export interface MessageOptions {
  place?: Position | undefined;
  ruleId: string;
  segment?: string;
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
    const message: Message = {
      file: this.file,
      place: options.place,
      severity,
      reason,
      ruleId: options.ruleId,
      locale: this.locale,
      ...(options.segment ? { segment: options.segment } : {}),
    };
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

export function formatPlace(place: Position | undefined): string {
  if (!place) return '1:1';
  return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`;
}

/** `12:5-12:20  warning  Unexpected …  tm:no-match` — the remark-cli line format. */
export function formatMessage(message: Message): string {
  const locale = message.locale ? ` (${message.locale})` : '';
  return `${formatPlace(message.place)}  ${message.severity}  ${message.reason}${locale}  ${message.ruleId}`;
}
