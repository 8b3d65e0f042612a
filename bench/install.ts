// A checkout as `npm i pressroom` would install it, for the benches that time the CLI: nothing compiled
// while timed, and the same dependencies (this checkout's node_modules) for every tree compared.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export const repo = path.resolve(import.meta.dirname, '..');

/** Compiles `checkout` (its own scripts/build.mjs) and installs dist/, bin/ and package.json as `scratch/name`: its bin. */
export function installCheckout(checkout: string, scratch: string, name: string): string {
  const built = spawnSync(process.execPath, [path.join(checkout, 'scripts', 'build.mjs')], { cwd: checkout, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`scripts/build.mjs failed in ${checkout}`);
  const installed = path.join(scratch, name);
  mkdirSync(installed);
  for (const part of ['dist', 'bin', 'package.json']) cpSync(path.join(checkout, part), path.join(installed, part), { recursive: true });
  symlinkSync(path.join(repo, 'node_modules'), path.join(installed, 'node_modules'));
  return path.join(installed, 'bin', 'pressroom.mjs');
}
