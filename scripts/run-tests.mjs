#!/usr/bin/env node
// Runs every test/**/*.test.ts (Node 20's `--test <dir>` only discovers .js files: we list them), each file
// in its own process, two at a time.
//
// - The run has a temporary folder of its own (TMPDIR for every test process), removed at the end, so no
//   run sees what an earlier one left. It is on /dev/shm when that is a roomy, executable tmpfs: the build
//   cache flushes every file it writes, which on a disk is most of an engine test's time.
// - The sample project, built once per run by the first file that asks for it (test/helpers/sample-build.ts),
//   is kept there for the files that only read it.
// - package.test.ts packs the package, and `npm pack` recompiles dist/ and swaps it in: the files that run
//   the bin (which takes dist/ when it is fresh) run after it, never beside it.
//
// Usage: node scripts/run-tests.mjs [part of a path …]; PRESSROOM_TEST_CONCURRENCY=1 runs one file at a time.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const filter = process.argv.slice(2);
const files = readdirSync(path.join(root, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts') && !file.startsWith(`fixtures${path.sep}`))
  .map((file) => path.join('test', file))
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .sort();

/**
 * Files that may run the bin (the CLI as a process: test/helpers/cli.ts's pressroom and pressroomAsync, or
 * any node started by path) or read dist/. Matched generously: a false match only runs later.
 */
const usesDist = (file) =>
  /\bpressroom(Async)?\(|process\.execPath|\bbin\/|(?<!build\/)\bdist\b/.test(readFileSync(path.join(root, file), 'utf8'));
const PACKS = (file) => file === path.join('test', 'package.test.ts');
// The packing test first: it is long, and the other files of its group run beside it.
const first = [...files.filter(PACKS), ...files.filter((file) => !PACKS(file) && !usesDist(file))];
const second = files.filter((file) => !first.includes(file));

/** /dev/shm when it is a tmpfs with room and no noexec (a container's is often 64 MB), else the usual one. */
function scratchParent() {
  try {
    const mount = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .find((fields) => fields[1] === '/dev/shm');
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (mount?.[2] === 'tmpfs' && !mount[3]?.split(',').includes('noexec') && bavail * bsize > 4 * 1024 ** 3) return '/dev/shm';
  } catch {
    // No /dev/shm (not Linux): the usual temporary folder.
  }
  return os.tmpdir();
}

const scratch = mkdtempSync(path.join(scratchParent(), 'pressroom-tests-'));
// Like /tmp: a test runs the CLI as nobody (security-emit), whose tsx cache goes here too.
chmodSync(scratch, 0o1777);
const env = { ...process.env, TMPDIR: scratch, PRESSROOM_TEST_SHARED: scratch };
// Ctrl-C reaches the test processes too; the folder is still removed once they have stopped.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (process.exitCode = 130));

// A test file that leaves a handle open (a browser nobody closed) would otherwise keep CI waiting for
// hours: every test gets five minutes, finished files are made to exit, and the whole run has a ceiling.
const [major, minor] = process.versions.node.split('.').map(Number);
const guards = major > 20 || (major === 20 && minor >= 14) ? ['--test-force-exit', '--test-timeout=300000'] : [];
const CEILING_MS = 25 * 60_000;
const concurrency = Number(process.env.PRESSROOM_TEST_CONCURRENCY) || 2;
const started = Date.now();
let status = 0;
try {
  for (const group of [first, second]) {
    if (group.length === 0) continue;
    const left = CEILING_MS - (Date.now() - started);
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...guards, ...group], {
      cwd: root,
      env,
      stdio: 'inherit',
      timeout: Math.max(left, 1),
      killSignal: 'SIGKILL',
    });
    if (result.error) {
      console.error(`run-tests: the suite did not finish in ${CEILING_MS / 60_000} minutes and was stopped (${result.error.message})`);
      status = 1;
      break;
    }
    if (result.status !== 0) status = result.status ?? 1;
  }
} finally {
  try {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    // A test that died with a tmpfs mounted in it (security-emit's full disk) leaves a busy mount point.
    console.error(`run-tests: could not remove ${scratch}: ${error.message}`);
  }
}
process.exitCode = process.exitCode || status;
