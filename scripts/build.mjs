#!/usr/bin/env node
// Compiles pipeline/ and templates/ into dist/ (JavaScript and declarations, tsconfig.build.json) and copies
// the files the compiled code reads next to itself (templates/style.css). What the published package runs.
//
// The new tree is compiled beside dist/ and swapped in at the end, so a command running from dist/ while
// this runs never sees half a tree. dist/.built-at is stamped with the time the compile started:
// bin/pressroom.mjs runs dist/ only when no source file is newer than that.
//
// Usage: node scripts/build.mjs [--if-stale]   (--if-stale: do nothing when dist/ is up to date)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../bin/freshness.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const next = path.join(root, 'dist.next');
const old = path.join(root, 'dist.old');
/** Files the compiled code reads from its own folder, relative to the repository and to dist/ alike: the
 * stylesheet, and the UI strings a project without its own catalogs gets. */
const ASSETS = [
  'templates/style.css',
  ...readdirSync(path.join(root, 'locales'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `locales/${entry.name}/ui.json`),
];

/** Compiles into dist.next/ and swaps it in; returns the exit status. */
function build() {
  const startedAt = new Date();
  rmSync(next, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', next], {
    cwd: root,
    stdio: 'inherit',
  });
  // tsc exits 2 when it reported type errors but wrote every file, as it does by default: the JavaScript
  // runs, and `npm run typecheck` (CI) is what refuses type errors. Anything else wrote nothing usable.
  if (compiled.status === 2) process.stderr.write('build: tsc reported type errors (above); dist/ was written anyway.\n');
  else if (compiled.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    process.stderr.write(`build: tsc failed (${compiled.status ?? compiled.signal}); dist/ was left as it was.\n`);
    return 1;
  }
  for (const asset of ASSETS) {
    mkdirSync(path.dirname(path.join(next, asset)), { recursive: true });
    copyFileSync(path.join(root, asset), path.join(next, asset));
  }
  const stamp = path.join(next, '.built-at');
  writeFileSync(stamp, `${startedAt.toISOString()}\n`);
  utimesSync(stamp, startedAt, startedAt);

  rmSync(old, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
  return 0;
}

process.exitCode = process.argv.includes('--if-stale') && distIsFresh(root) ? 0 : build();
