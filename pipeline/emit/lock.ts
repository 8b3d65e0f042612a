import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PipelineError } from '../errors.ts';
import { fileSystemError } from './fs-errors.ts';

export const LOCK_NAME = '.pressroom.lock';

interface Holder {
  pid: number;
  /** Kernel start time of the process (/proc/<pid>/stat field 22): a reused pid has another one. */
  start: string | undefined;
  host: string;
  since: string;
}

export interface OutputLock {
  readonly file: string;
  /** A folder to remove if the build stops (fails or is aborted) before it is renamed into place. */
  track(folder: string): void;
  untrack(folder: string): void;
  /** Removes the folders still tracked, then the lock (and the output folder if this build made it and it stayed empty). */
  release(): void;
}

/**
 * Takes `out/.pressroom.lock` for one build: a second build into the same folder is refused while the
 * first runs, and a lock whose process is gone (killed, crashed, pid reused) is taken over. It installs
 * no signal handler: a caller that wants Ctrl-C to stop a build aborts it (BuildOptions.signal), and the
 * build's own cleanup releases the lock, so the previous outputs stay as they were.
 */
export function lockOutput(out: string): OutputLock {
  // A build that fails on bad input must leave no trace, not even an empty output folder.
  const created = !existsSync(out);
  try {
    mkdirSync(out, { recursive: true });
  } catch (cause) {
    throw fileSystemError(cause, out, 'create the output folder');
  }
  const file = path.join(out, LOCK_NAME);
  const me: Holder = { pid: process.pid, start: startTime(process.pid), host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(file, JSON.stringify(me) + '\n', { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(error, file, 'create the build lock');
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder)) {
      throw new PipelineError(
        `Cannot build into ${out}: another build (pid ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}, started ${holder.since}) is writing there; wait for it to finish or give another --out.` +
          (holder.host === me.host ? '' : ` If no build runs on ${holder.host}, delete ${file}.`),
      );
    }
    // A stale or unreadable lock: its build is gone. Two builds racing to take it over still meet at `wx`.
    if (attempt >= 2) throw new PipelineError(`Cannot take the build lock ${file}; delete it if no build is running`);
    rmSync(file, { force: true });
  }

  const tracked = new Set<string>();
  const release = () => {
    for (const folder of tracked) rmSync(folder, { recursive: true, force: true });
    tracked.clear();
    const holder = readHolder(file);
    if (holder?.pid === me.pid && holder.start === me.start) rmSync(file, { force: true });
    if (created) rmdirQuietly(out);
  };
  return {
    file,
    track: (folder) => void tracked.add(folder),
    untrack: (folder) => void tracked.delete(folder),
    release,
  };
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    if (typeof holder.pid !== 'number' || typeof holder.host !== 'string') return undefined;
    return { pid: holder.pid, start: holder.start, host: holder.host, since: String(holder.since) };
  } catch {
    // Unreadable or half-written (a build killed between create and write): nobody can be holding it.
    return undefined;
  }
}

function isAlive(holder: Holder): boolean {
  // Another machine's process cannot be checked from here: assume it runs, and say how to override.
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTime(holder.pid);
  return holder.start === undefined || now === undefined || now === holder.start;
}

function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function rmdirQuietly(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // not empty: the build wrote into it
  }
}
