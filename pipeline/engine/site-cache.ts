import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineConfig } from '../config/defaults.ts';
import { expandInputs } from '../config/load.ts';
import type { OutputFile } from '../render/outputs.ts';
import { sha256, type ArtifactCache, type CacheHit } from './cache.ts';
import { sidecarCandidates } from '../normalize/sidecar.ts';
import { codeHash } from './fingerprint.ts';
import type { Placement } from '../emit/write.ts';
import type { Sink } from './sink.ts';

/** What the quick artifact keys and the site key are made from, hashed before the build reads anything. */
export interface InputHashes {
  /** Every memory and glossary file. */
  resources: string;
  /** The same, plus every transcript. */
  site: string;
}

/**
 * Hashes the bytes of every memory, glossary and transcript file. Note: taken before the build reads them,
 * so that a file edited while the build runs can only make a key made from these hashes miss next time,
 * never match wrongly.
 */
export async function inputHashes(config: PipelineConfig): Promise<InputHashes> {
  const parts: string[] = [];
  for (const file of [...config.memories, ...config.glossaries]) parts.push(file, sha256(await readFile(file)));
  const resources = sha256(parts.join('\n'));
  for (const file of await expandInputs(config.inputs)) {
    parts.push(file, sha256(await readFile(file)));
    // A sidecar changes what its transcript normalises to, so it is an input of the site too.
    for (const sidecar of sidecarCandidates(file)) {
      // Synchronous: most transcripts have none, and a failed open through the thread pool costs more than the check.
      const bytes = readOptional(sidecar);
      if (bytes) parts.push(sidecar, sha256(bytes));
    }
  }
  return { resources, site: sha256(parts.join('\n')) };
}

/**
 * The key of files made from the whole build rather than one artifact (the translation dashboard):
 * pressroom's code, the whole config, the per-locale bases (UI strings, fonts, stylesheet) and the input
 * files. Coarser than an artifact's key on purpose: any change to what such a file could read rebuilds it;
 * only a build where nothing changed reuses it.
 */
export async function siteKey(config: PipelineConfig, bases: ReadonlyMap<string, string>, inputs: InputHashes): Promise<string> {
  return sha256([await codeHash(), JSON.stringify(config), JSON.stringify([...bases].sort()), inputs.site].join('\n'));
}

/**
 * Writes files made by `make` into the sink, taking them from the cache under `name` when `key` matches
 * (a no-op rebuild), else making them and storing them for the next build.
 *
 * @param cache The build's artifact cache (optional: without one, `make` always runs).
 * @param name The cache entry's name, outside any document's folder.
 * @param key What the files depend on (siteKey).
 * @param sink Where the build's output goes.
 * @param make Makes the files, paths relative to the output folder.
 * @param found The entry as `cache.get(name, key())` gave it earlier in this build (optional: looked up now).
 * @returns Whether the files came from the cache.
 */
export async function writeCached(
  cache: ArtifactCache | undefined,
  name: string,
  key: () => Promise<string>,
  sink: Sink,
  make: () => Promise<OutputFile[]>,
  found?: CacheHit<null>,
): Promise<boolean> {
  if (!cache) {
    for (const file of await make()) await sink.write(file);
    return false;
  }
  const wanted = await key();
  const hit = found ?? (await cache.get<null>(name, wanted));
  const stored = hit ?? (await cache.put(name, wanted, await make(), null));
  const placements: Placement[] = stored.files.map((file, at) => [path.join(stored.folder, file), file, stored.ids[at]]);
  // A folder these files fill alone (pagefind/, report/) that the output already holds as exactly these
  // files (the same inodes) is kept in place: a no-op rebuild neither re-links nor deletes its thousand files.
  const folders = new Map<string, Placement[]>();
  for (const placement of placements) {
    const slash = placement[1].indexOf('/');
    if (!hit || slash <= 0) continue;
    const folder = placement[1].slice(0, slash);
    const list = folders.get(folder) ?? [];
    list.push(placement);
    folders.set(folder, list);
  }
  const kept = new Set([...folders].filter(([folder, files]) => sink.keep(folder, files)).map(([folder]) => folder));
  for (const [source, target] of placements) if (!kept.has(target.split('/')[0]!)) await sink.link(source, target);
  return hit !== undefined;
}

/** A file's bytes, or undefined when it cannot be read (absent). */
function readOptional(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
