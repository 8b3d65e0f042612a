import type { InterruptedExitCode } from './interrupt.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit codes: 0 ok, 1 the work failed (bad input, failed build), 2 bad usage, 128 + n stopped by signal n. */
export type ExitCode = 0 | 1 | 2 | InterruptedExitCode;

export interface Command {
  name: string;
  /** Full usage text for `pressroom <name> --help`. */
  usage: string;
  run(argv: string[], io: Io): Promise<ExitCode>;
}

/** Thrown for bad usage (unknown flag, missing argument): the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
