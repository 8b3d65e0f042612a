import os from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A run stopped by a signal; its exit code is the shell's 128 + the signal's number (130 for Ctrl-C). */
export class Interrupted extends Error {
  override name = 'Interrupted';
  readonly exitCode: InterruptedExitCode;
  constructor(readonly signal: (typeof SIGNALS)[number]) {
    super(`Interrupted by ${signal}`);
    this.exitCode = (128 + os.constants.signals[signal]) as InterruptedExitCode;
  }
}

/** 128 + SIGHUP, SIGINT, SIGTERM. */
export type InterruptedExitCode = 129 | 130 | 143;

/**
 * Runs `work` with an AbortSignal that SIGINT, SIGTERM or SIGHUP aborts, so that the library stops
 * between steps and cleans up instead of the process dying mid-write. After a signal, a failed `work`
 * throws an `Interrupted` whatever it threw. A second signal means the user will not wait for the cleanup: it is
 * raised again with no listener left, which ends the process the default way (the next build recovers
 * the staging folder and stale lock, as after a kill).
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    if (!controller.signal.aborted) {
      controller.abort(new Interrupted(signal));
      return;
    }
    detach();
    process.kill(process.pid, signal);
  };
  const detach = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    // A signal that comes once the work is done (the outputs published) changes nothing: it succeeded.
    return await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason;
    throw error;
  } finally {
    detach();
  }
}
