import type { InterruptedExitCode } from './interrupt.ts';
import type { OptionTable } from './options.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit codes: 0 ok, 1 the work failed (bad input, failed build), 2 bad usage, 128 + n stopped by signal n. */
export type ExitCode = 0 | 1 | 2 | InterruptedExitCode;

export interface Command {
  name: string;
  /** Full usage text for `pressroom <name> --help`; its Options section is written from `options`. */
  usage: string;
  /** The options the command takes, which its parser and its usage are made from (options.ts). */
  options: OptionTable;
  run(argv: string[], io: Io): Promise<ExitCode>;
}

// Its own module: the option parser throws it and this module's Command names the option table's type.
export { UsageError } from './usage-error.ts';
