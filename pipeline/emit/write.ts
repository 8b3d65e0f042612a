import { existsSync, linkSync, lstatSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { PipelineError } from '../errors.ts';
import type { OutputFile } from '../render/outputs.ts';
import { fileSystemError } from './fs-errors.ts';
import { lockOutput, type OutputLock } from './lock.ts';
import { unsafeOutputPath } from './slug.ts';

const STAGING_PREFIX = '.pressroom-staging-';
const OLD_PREFIX = '.old-';

/**
 * Writes the build into `out` without ever leaving it half-written. Every file goes to a staging folder
 * inside `out` (same file system, so renames are atomic) and is flushed to disk; then each top-level
 * entry replaces its old version by rename, in one synchronous run that no signal handler can split.
 * Entries of earlier builds that this build does not produce are left alone. Without `lock`, takes
 * the output folder's lock for the duration.
 */
export async function writeOutput(out: string, files: readonly OutputFile[], lock?: OutputLock): Promise<void> {
  for (const file of files) {
    const problem = unsafeOutputPath(file.path);
    if (problem) throw new PipelineError(`Refusing to write “${file.path}” into the output folder: ${problem}`);
  }
  const held = lock ?? lockOutput(out);
  let staging: string | undefined;
  try {
    recoverInterrupted(out);
    try {
      staging = await mkdtemp(path.join(out, STAGING_PREFIX));
    } catch (cause) {
      throw fileSystemError(cause, out, 'create a staging folder');
    }
    held.track(staging);
    const folders = new Set(files.map((file) => path.posix.dirname(file.path)));
    for (const folder of folders) await mkdir(path.join(staging, folder), { recursive: true }).catch(fail(staging, 'create a folder'));
    for (const file of files) await writeStaged(path.join(staging, file.path), file.contents);
    await flushAll(files.map((file) => path.join(staging!, file.path)));

    const topLevel = [...new Set(files.map((file) => file.path.split('/')[0]!))];
    // Folders first, the index last: a reader never sees a link to a file that is not there yet.
    topLevel.sort((a, b) => Number(a.includes('.')) - Number(b.includes('.')) || a.localeCompare(b));
    swap(out, staging, topLevel);
  } finally {
    if (staging) {
      held.untrack(staging);
      await rm(staging, { recursive: true, force: true });
    }
    if (!lock) held.release();
  }
}

/**
 * A file already on disk (a cached artifact) and its path in the output; with the source's `dev:ino` when
 * the caller has just checked it (the artifact cache does), which spares keep() a stat of the source.
 */
export type Placement = readonly [source: string, target: string, id?: string];

/** Files going into one output folder as a batch produces them; nothing is visible until `commit`. */
export interface StagedOutput {
  write(file: OutputFile): Promise<void>;
  /** Places an existing file (a cached artifact) by hard link, or by copy across file systems. */
  link(source: string, target: string): Promise<void>;
  /**
   * Leaves the top-level entry `name` of the output as it is, instead of staging it, when it already
   * holds exactly `files` (targets under `name`), each the very file (same inode) as its source: true
   * when kept. A no-op rebuild then neither re-links nor deletes the entry's files.
   */
  keep(name: string, files: readonly Placement[]): boolean;
  /** Flushes every file written to disk; `commit` refuses to run before it. */
  flush(): Promise<void>;
  /** Swaps every top-level entry written into place, folders first and the index last. */
  commit(): void;
  dispose(): Promise<void>;
}

/**
 * The streaming form of writeOutput for batches too large to hold in memory: the same staging folder,
 * flushing and synchronous swap, with files added one at a time. The caller holds `lock`.
 */
export async function openStagedOutput(out: string, lock: OutputLock): Promise<StagedOutput> {
  recoverInterrupted(out);
  let staging: string;
  try {
    staging = await mkdtemp(path.join(out, STAGING_PREFIX));
  } catch (cause) {
    throw fileSystemError(cause, out, 'create a staging folder');
  }
  lock.track(staging);
  const folders = new Set<string>();
  const topLevel = new Set<string>();
  const kept = new Set<string>();
  // Flushed together before the swap: one fsync per file as it was written cost a batch of 20 documents
  // 0.8-1 s of waiting on the journal, where concurrent ones share its commits.
  let unflushed: string[] = [];
  const prepare = async (name: string): Promise<string> => {
    const problem = unsafeOutputPath(name);
    if (problem) throw new PipelineError(`Refusing to write “${name}” into the output folder: ${problem}`);
    if (kept.has(name.split('/')[0]!)) throw new PipelineError(`“${name}” belongs to an output entry this build keeps as it is`);
    const folder = path.posix.dirname(name);
    if (!folders.has(folder)) {
      await mkdir(path.join(staging, folder), { recursive: true }).catch(fail(staging, 'create a folder'));
      folders.add(folder);
    }
    topLevel.add(name.split('/')[0]!);
    return path.join(staging, name);
  };
  return {
    async write(file) {
      const name = await prepare(file.path);
      await writeStaged(name, file.contents);
      unflushed.push(name);
    },
    async link(source, target) {
      const file = await prepare(target);
      // Synchronous: a no-op rebuild links tens of thousands of files, and a link is cheaper than the
      // thread-pool round trip of its promise.
      try {
        linkSync(source, file);
      } catch {
        await copyFile(source, file).catch(fail(file, 'write an output file'));
      }
    },
    keep(name, files) {
      if (unsafeOutputPath(name) || name.includes('/') || topLevel.has(name)) return false;
      if (!sameFiles(path.join(out, name), name, files)) return false;
      kept.add(name);
      return true;
    },
    async flush() {
      const names = unflushed;
      unflushed = [];
      await flushAll(names);
    },
    commit() {
      if (unflushed.length > 0) throw new PipelineError('The staged output was committed before its files were flushed to disk');
      const names = [...topLevel].sort((a, b) => Number(a.includes('.')) - Number(b.includes('.')) || a.localeCompare(b));
      swap(out, staging, names);
    },
    async dispose() {
      lock.untrack(staging);
      // The previous outputs end up here: synchronous removal is several times faster for many small files.
      rmSync(staging, { recursive: true, force: true });
    },
  };
}

/** Whether `folder` holds exactly `files` (targets under `name`), each a hard link of its source. */
function sameFiles(folder: string, name: string, files: readonly Placement[]): boolean {
  const sources = new Map(files.map(([source, target, id]) => [target, { source, id }]));
  let found = 0;
  const visit = (relative: string): boolean => {
    for (const entry of readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const inner = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!visit(inner)) return false;
        continue;
      }
      const wanted = sources.get(`${name}/${inner}`);
      if (!entry.isFile() || wanted === undefined) return false;
      const have = lstatSync(path.join(folder, inner));
      if (wanted.id !== undefined) {
        if (`${have.dev}:${have.ino}` !== wanted.id) return false;
      } else {
        const want = statSync(wanted.source);
        if (have.ino !== want.ino || have.dev !== want.dev) return false;
      }
      found += 1;
    }
    return true;
  };
  try {
    return visit('') && found === sources.size;
  } catch {
    return false;
  }
}

async function writeStaged(file: string, contents: Uint8Array): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'wx');
    await handle.writeFile(contents);
  } catch (cause) {
    throw fileSystemError(cause, file, 'write an output file');
  } finally {
    await handle?.close();
  }
}

/** Makes the staged files durable before they are published; several at once, so they share journal commits. */
async function flushAll(files: readonly string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      let handle;
      try {
        handle = await open(file, 'r');
        await handle.sync();
      } catch (cause) {
        throw fileSystemError(cause, file, 'write an output file');
      } finally {
        await handle?.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));
}

/** Synchronous on purpose: JavaScript signal handlers run between ticks, so none can see half a swap. */
function swap(out: string, staging: string, names: readonly string[]): void {
  for (const name of names) {
    const target = path.join(out, name);
    try {
      if (existsSync(target)) renameSync(target, path.join(staging, OLD_PREFIX + name));
      renameSync(path.join(staging, name), target);
    } catch (cause) {
      throw fileSystemError(cause, target, 'move an output into place');
    }
  }
}

/**
 * A build killed outright (SIGKILL, power loss) leaves its staging folder behind, and at worst one
 * entry moved aside but not yet replaced: put that entry back, then drop the staging folder.
 * Runs under the lock, so no live build's staging folder is touched.
 */
function recoverInterrupted(out: string): void {
  for (const entry of readdirSync(out)) {
    if (!entry.startsWith(STAGING_PREFIX)) continue;
    const staging = path.join(out, entry);
    for (const old of readdirSync(staging)) {
      const target = path.join(out, old.slice(OLD_PREFIX.length));
      if (old.startsWith(OLD_PREFIX) && !existsSync(target)) renameSync(path.join(staging, old), target);
    }
    rmSync(staging, { recursive: true, force: true });
  }
}

const fail = (where: string, doing: string) => (cause: unknown) => {
  throw fileSystemError(cause, where, doing);
};
