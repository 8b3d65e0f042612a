import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../render/outputs.ts';

/** What an artifact's cache entry records next to its files. */
export interface CacheEntry<Meta> {
  key: string;
  /**
   * A coarser key that implies `key` (the whole input files rather than the parts an artifact uses): when
   * it matches, `key` is not computed. Set by the build that stored or last reused the entry.
   */
  quick?: string;
  /** Size and mtime as written: checked on every hit (cheap); the hash documents what was stored. */
  files: { path: string; sha256: string; size: number; mtimeMs: number }[];
  meta: Meta;
  /**
   * The entry's heavy part (heavy.json beside entry.json), by size and hash: stored with the entry but read
   * only when asked for (CacheHit.heavy), so that a hit reads a small record. Absent when none was stored.
   */
  heavy?: { sha256: string; size: number };
}

/** A cached artifact: its files on disk (to link into the output) and what the build reported. */
export interface CacheHit<Meta, Heavy = unknown> {
  folder: string;
  files: string[];
  /** Each file's device and inode as checked (`dev:ino`), in the order of `files`. */
  ids: string[];
  meta: Meta;
  /**
   * The heavy part stored with the entry, read now: undefined when none was stored, or when heavy.json is
   * missing, damaged or not the one the entry recorded (the caller then treats the entry as a miss).
   */
  heavy(): Promise<Heavy | undefined>;
}

const ENTRY = 'entry.json';
const HEAVY = 'heavy.json';

/**
 * One folder per artifact (document × locale). An entry is written into a temporary folder, every file
 * flushed, entry.json last, then renamed over the old entry: a crash leaves either the old entry, the
 * new one, or a stray temporary folder, and any entry whose key, JSON or file sizes and times do not check out
 * is a miss. The cache can only cost a rebuild, never serve a wrong file.
 */
export class ArtifactCache {
  constructor(readonly folder: string) {}

  private entryFolder(name: string): string {
    return path.join(this.folder, ...name.split('/'));
  }

  /**
   * The entry under `name` when its key matches and its files check out.
   *
   * @param name The artifact's name (slug/locale).
   * @param key Its key, or a function computing it: called only when `quick` does not match.
   * @param quick A key that implies `key` (optional): a no-op rebuild then skips computing `key`.
   * @param refresh Brings the recorded meta up to date with facts the key leaves out (optional): called when
   *   `key` was checked (not on a quick hit, where nothing the meta comes from changed); what it returns is
   *   recorded with the quick key, so a later quick hit serves it.
   */
  async get<Meta, Heavy = unknown>(
    name: string,
    key: string | (() => string | Promise<string>),
    quick?: string,
    refresh?: (meta: Meta) => Meta | Promise<Meta>,
  ): Promise<CacheHit<Meta, Heavy> | undefined> {
    const folder = this.entryFolder(name);
    try {
      // Synchronous: a no-op rebuild reads a thousand small entries, and the thread pool's four round trips
      // per file (open, stat, read, close) cost more than the read.
      let entry = JSON.parse(readFileSync(path.join(folder, ENTRY), 'utf8')) as CacheEntry<Meta>;
      const quickHit = quick !== undefined && entry.quick === quick;
      if (!Array.isArray(entry.files)) return undefined;
      if (!quickHit && entry.key !== (typeof key === 'string' ? key : await key())) return undefined;
      const ids: string[] = [];
      for (const file of entry.files) {
        if (file.path.includes('..') || path.isAbsolute(file.path)) return undefined;
        // Files are flushed before entry.json exists, so a crash cannot leave a short file under a
        // complete entry; an edit later (even through a hard link in the output) changes size or mtime.
        const found = statSync(path.join(folder, 'files', file.path));
        if (found.size !== file.size || found.mtimeMs !== file.mtimeMs) return undefined;
        ids.push(`${found.dev}:${found.ino}`);
      }
      if (!quickHit && refresh) entry = { ...entry, meta: await refresh(entry.meta) };
      if (quick !== undefined && !quickHit) await this.requick(folder, { ...entry, quick });
      const recorded = entry.heavy;
      return {
        folder: path.join(folder, 'files'),
        files: entry.files.map((file) => file.path),
        ids,
        meta: entry.meta,
        heavy: () => (recorded ? readHeavy<Heavy>(path.join(folder, HEAVY), recorded) : Promise.resolve(undefined)),
      };
    } catch {
      return undefined;
    }
  }

  /** Records the quick key an entry was reused under, so the next build can skip the full key too. */
  private async requick<Meta>(folder: string, entry: CacheEntry<Meta>): Promise<void> {
    const temporary = path.join(folder, `${ENTRY}.tmp-${process.pid}`);
    await writeSynced(temporary, new TextEncoder().encode(JSON.stringify(entry)));
    await rename(temporary, path.join(folder, ENTRY));
  }

  /**
   * Stores an entry: `files` and `meta`, and `heavy` (optional) apart in heavy.json, read by a later hit only
   * when asked for.
   */
  async put<Meta, Heavy = unknown>(
    name: string,
    key: string,
    files: readonly OutputFile[],
    meta: Meta,
    quick?: string,
    heavy?: Heavy,
  ): Promise<CacheHit<Meta, Heavy>> {
    const folder = this.entryFolder(name);
    await mkdir(path.dirname(folder), { recursive: true });
    const temporary = await mkdtemp(`${folder}.tmp-`);
    const ids: string[] = [];
    try {
      for (const file of files) {
        const target = path.join(temporary, 'files', file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await writeSynced(target, file.contents);
      }
      const recorded: CacheEntry<Meta>['files'] = [];
      for (const file of files) {
        const written = await stat(path.join(temporary, 'files', file.path));
        recorded.push({ path: file.path, sha256: sha256(file.contents), size: written.size, mtimeMs: written.mtimeMs });
        // A rename keeps the inode: these are the files' ids under the entry's own name too.
        ids.push(`${written.dev}:${written.ino}`);
      }
      let heavyRecord: CacheEntry<Meta>['heavy'];
      if (heavy !== undefined) {
        const bytes = new TextEncoder().encode(JSON.stringify(heavy));
        // Before entry.json, like the files: an entry that exists names a complete heavy.json.
        await writeSynced(path.join(temporary, HEAVY), bytes);
        heavyRecord = { sha256: sha256(bytes), size: bytes.byteLength };
      }
      const entry: CacheEntry<Meta> = {
        key,
        ...(quick === undefined ? {} : { quick }),
        files: recorded,
        meta,
        ...(heavyRecord ? { heavy: heavyRecord } : {}),
      };
      await writeSynced(path.join(temporary, ENTRY), new TextEncoder().encode(JSON.stringify(entry)));
      await rm(folder, { recursive: true, force: true });
      await rename(temporary, folder);
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
    return {
      folder: path.join(folder, 'files'),
      files: files.map((file) => file.path),
      ids,
      meta,
      heavy: () => Promise.resolve(heavy),
    };
  }
}

/**
 * heavy.json when it is the one its entry recorded: checked by size and hash, since it is read later than
 * entry.json and another build sharing the cache may have replaced the entry meanwhile.
 */
async function readHeavy<Heavy>(file: string, recorded: { sha256: string; size: number }): Promise<Heavy | undefined> {
  try {
    const bytes = await readFile(file);
    if (bytes.byteLength !== recorded.size || sha256(bytes) !== recorded.sha256) return undefined;
    return JSON.parse(bytes.toString('utf8')) as Heavy;
  } catch {
    return undefined;
  }
}

async function writeSynced(file: string, contents: Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
