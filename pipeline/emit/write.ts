import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../render/outputs.ts';

/**
 * Writes the build into `out` without ever leaving it half-written: everything goes to a staging folder
 * inside `out` (same file system, so renames are atomic), then each top-level entry replaces its old
 * version in one rename. Entries of earlier builds that this build does not produce are left alone.
 */
export async function writeOutput(out: string, files: readonly OutputFile[]): Promise<void> {
  await mkdir(out, { recursive: true });
  const staging = await mkdtemp(path.join(out, '.staging-'));
  try {
    for (const file of files) {
      const target = safeJoin(staging, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    const topLevel = [...new Set(files.map((file) => file.path.split('/')[0]!))];
    // Folders first, the index last: a reader never sees a link to a file that is not there yet.
    topLevel.sort((a, b) => Number(a.includes('.')) - Number(b.includes('.')) || a.localeCompare(b));
    for (const name of topLevel) {
      const target = path.join(out, name);
      const old = path.join(staging, `.old-${name}`);
      await rename(target, old).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rename(path.join(staging, name), target);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Output paths come from slugs and locales we made, but a path must never escape `out` all the same. */
function safeJoin(root: string, relativePath: string): string {
  const target = path.resolve(root, relativePath);
  if (!target.startsWith(root + path.sep)) throw new Error(`Refusing to write outside the output folder: ${relativePath}`);
  return target;
}
