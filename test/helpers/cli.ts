import { spawn, spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const bin = path.join(repo, 'bin/pressroom.mjs');

/** Runs the CLI the way a user does: a separate node process, real files, exit code and stderr. */
export function pressroom(args: string[], options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: repo, ...options, encoding: 'utf8' });
}

export function pressroomAsync(args: string[], cwd = repo) {
  return spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every file under `folder` (relative path → bytes), hidden entries included when `hidden`. */
export function snapshot(folder: string, hidden = true): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!hidden && entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(folder, full), readFileSync(full));
    }
  };
  walk(folder);
  return files;
}
