#!/usr/bin/env node
// Node 20's `--test <dir>` only discovers .js files; list the .ts test files ourselves.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const filter = process.argv.slice(2);
const files = readdirSync(path.join(root, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts') && !file.startsWith(`fixtures${path.sep}`))
  .map((file) => path.join('test', file))
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .sort();
// A test file that leaves a handle open (a browser nobody closed) would otherwise keep CI waiting for
// hours: every test gets five minutes, finished files are made to exit, and the whole run has a ceiling.
const [major, minor] = process.versions.node.split('.').map(Number);
const guards = major > 20 || (major === 20 && minor >= 14) ? ['--test-force-exit', '--test-timeout=300000'] : [];
const CEILING_MS = 25 * 60_000;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...guards, ...files], {
  cwd: root,
  stdio: 'inherit',
  timeout: CEILING_MS,
  killSignal: 'SIGKILL',
});
if (result.error)
  console.error(`run-tests: the suite did not finish in ${CEILING_MS / 60_000} minutes and was stopped (${result.error.message})`);
process.exitCode = result.status ?? 1;
