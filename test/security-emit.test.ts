import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { slugify, unsafeOutputPath } from '../pipeline/emit/slug.ts';
import { writeOutput } from '../pipeline/emit/write.ts';
import { cli, pressroom, pressroomAsync, repo, snapshot } from './helpers/cli.ts';

const sample = readFileSync(path.join(repo, 'transcripts/2025-11-26-bishkek-press-statements.txt'), 'utf8');
const visible = (out: string) => snapshot(out, false);
const hiddenEntries = (out: string) => readdirSync(out).filter((name) => name.startsWith('.'));

/** A project of `documents` copies of the sample, built to HTML and EPUB in three languages (no Chromium: fast). */
function project(documents: number, edition = 'first'): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-emit-'));
  edit(folder, documents, edition);
  writeFileSync(
    path.join(folder, 'pressroom.config.json'),
    JSON.stringify({
      inputs: ['transcripts'],
      locales: ['en', 'ru', 'ky'],
      formats: ['html', 'epub'],
      catalogs: path.join(repo, 'locales'),
      onMissing: 'keep-source',
      out: 'output',
    }),
  );
  return folder;
}

function edit(folder: string, documents: number, edition: string): void {
  mkdirSync(path.join(folder, 'transcripts'), { recursive: true });
  for (let index = 0; index < documents; index += 1)
    writeFileSync(path.join(folder, 'transcripts', `statement-${index}.txt`), `${sample}\n\nThis is the ${edition} edition.\n`);
}

test('slugs cannot escape the output folder: ../, absolute paths, device names, overlong names', () => {
  assert.equal(slugify('../../etc/passwd.txt'), 'passwd');
  assert.equal(slugify('/abs/path/Report 2025.txt'), 'report-2025');
  assert.equal(slugify('C:\\Users\\x\\..\\Evil.txt'), 'evil');
  assert.equal(slugify('CON.txt'), 'con-transcript');
  assert.equal(slugify('nul'), 'nul-transcript');
  assert.equal(slugify('LPT1.txt'), 'lpt1-transcript');
  assert.equal(slugify('...txt'), 'transcript');
  assert.equal(slugify('Café—Résumé.txt'), 'cafe-resume');
  assert.ok(slugify(`${'a-'.repeat(300)}.txt`).length <= 80);
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
      const slug = slugify(name);
      assert.equal(
        unsafeOutputPath(`${slug}/en/${slug}.en.epub`),
        undefined,
        `unsafe slug ${JSON.stringify(slug)} from ${JSON.stringify(name)}`,
      );
    }),
    { numRuns: 2000 },
  );
});

test('writeOutput refuses any path that is not a plain name inside the output folder, and writes nothing', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'pressroom-paths-'));
  const bytes = new Uint8Array([1]);
  for (const bad of ['../escape', '/etc/x', 'a/../../b', 'con/x', 'NUL.txt', '.hidden', 'a//b', 'a\\b', `${'x'.repeat(256)}`, 'C:/x']) {
    await assert.rejects(
      writeOutput(out, [
        { path: 'ok.txt', contents: bytes },
        { path: bad, contents: bytes },
      ]),
      /Refusing to write/,
      bad,
    );
  }
  assert.deepEqual(readdirSync(out), []);
  assert.equal(existsSync(path.join(os.tmpdir(), 'escape')), false);
});

test('config paths: "out" in a config file stays inside the project; an output folder holding the inputs is refused', async () => {
  const folder = project(1);
  writeFileSync(path.join(folder, 'pressroom.config.json'), '{\n  "inputs": ["transcripts"],\n  "out": "../elsewhere"\n}\n');
  const outside = await cli(['build'], { cwd: folder });
  assert.equal(outside.status, 1);
  assert.match(outside.stderr, /pressroom\.config\.json:3:3: Unexpected "out": "\.\.\/elsewhere", expected a folder inside the project/);
  writeFileSync(path.join(folder, 'pressroom.config.json'), '{"inputs": ["transcripts"], "out": "."}');
  assert.match((await cli(['build'], { cwd: folder })).stderr, /Unexpected "out": "\."/);
  writeFileSync(
    path.join(folder, 'pressroom.config.json'),
    JSON.stringify({ inputs: ['transcripts'], catalogs: path.join(repo, 'locales') }),
  );
  const overlap = await cli(['build', '--out', '.'], { cwd: folder });
  assert.equal(overlap.status, 1);
  assert.match(overlap.stderr, /Refusing to build into .*: it holds .*transcripts.*give --out a folder of its own/);
  assert.deepEqual(readdirSync(folder).sort(), ['pressroom.config.json', 'transcripts']);
});

test('a second build into the same folder is refused while one runs; a dead holder’s lock is taken over', async (t) => {
  const folder = project(1);
  const out = path.join(folder, 'output');
  const holder = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { lockOutput } = await import(${JSON.stringify(path.join(repo, 'pipeline/emit/lock.ts'))}); lockOutput(process.argv[1]); console.log('locked'); setInterval(() => {}, 1000);`,
      out,
    ],
    { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // A failed assertion must not leave the holder running: it would keep this test file alive.
  t.after(() => holder.kill('SIGKILL'));
  await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
  const refused = await cli(['build'], { cwd: folder });
  assert.equal(refused.status, 1);
  assert.match(
    refused.stderr,
    new RegExp(
      `Cannot build into .*output: another build \\(pid ${holder.pid}, started [0-9T:.-]+Z\\) is writing there; wait for it to finish or give another --out`,
    ),
  );
  assert.deepEqual(readdirSync(out), ['.pressroom.lock']);

  // Killed outright, the holder cannot remove its lock: the next build sees the process is gone.
  holder.kill('SIGKILL');
  await new Promise((resolve) => holder.once('exit', resolve));
  assert.ok(existsSync(path.join(out, '.pressroom.lock')));
  const after = await cli(['build'], { cwd: folder });
  assert.equal(after.status, 0, after.stderr);
  assert.deepEqual(hiddenEntries(out), []);

  // A live pid with another start time is a reused pid, not the build that wrote the lock.
  writeFileSync(path.join(out, '.pressroom.lock'), JSON.stringify({ pid: process.pid, start: '1', host: os.hostname(), since: 'then' }));
  const reused = await cli(['build'], { cwd: folder });
  assert.equal(reused.status, 0, reused.stderr);
  assert.deepEqual(hiddenEntries(out), []);
});

test('an interrupted build (SIGINT, SIGTERM, SIGKILL, before and during writing, and while printing) leaves the previous outputs intact', async (t) => {
  const documents = 4;
  const folder = project(documents, 'first');
  const out = path.join(folder, 'output');
  const first = await cli(['build'], { cwd: folder });
  assert.equal(first.status, 0, first.stderr);
  const previous = visible(out);
  // Six files per document and locale (page, two stylesheets, PDF, EPUB, zip); the fonts are the site's.
  assert.ok(previous.size >= documents * 3 * 6, `only ${previous.size} files published`);

  edit(folder, documents, 'second');
  let interrupted = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
    for (const moment of ['rendering', 'writing'] as const) {
      await t.test(`${signal} while ${moment}`, async () => {
        const child = pressroomAsync(['build'], folder);
        const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
          child.once('exit', (code, killedBy) => resolve({ code, signal: killedBy })),
        );
        if (moment === 'rendering') {
          // Strike as soon as this build holds the lock (so the CLI listens for signals): it then normalises,
          // translates and renders until its staging folder appears. A fixed delay after the lock raced the
          // build, which now often finishes within 800 ms.
          const lockFile = path.join(out, '.pressroom.lock');
          const poll = setInterval(() => {
            if (!existsSync(lockFile) || !readFileSync(lockFile, 'utf8').includes(`"pid":${child.pid},`)) return;
            clearInterval(poll);
            child.kill(signal);
          }, 10);
          void exited.then(() => clearInterval(poll));
        } else {
          // The staging folder appears when writing starts: strike then.
          const watcher = watch(out, (_event, name) => {
            if (name?.startsWith('.pressroom-staging-')) {
              child.kill(signal);
              watcher.close();
            }
          });
          void exited.then(() => watcher.close());
        }
        const result = await exited;
        // The CLI turns SIGINT and SIGTERM into an aborted build and exits 128 + the signal's number after cleaning up.
        const stopped = signal === 'SIGKILL' ? result.signal === signal : result.code === 128 + os.constants.signals[signal];
        assert.ok(stopped, `the build finished before ${signal} arrived (${moment}): ${JSON.stringify(result)}`);
        interrupted += 1;
        assert.deepEqual(visible(out), previous, 'a published file changed');
        if (signal !== 'SIGKILL') assert.deepEqual(hiddenEntries(out), [], 'staging folder or lock left behind');
      });
    }
  }
  // Puppeteer listens for SIGTERM too (it only closes its browser): the build must still end, and publish nothing.
  await t.test('SIGTERM while printing PDFs', async () => {
    const child = pressroomAsync(['build', '--formats', 'html,pdf'], folder);
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, killedBy) => resolve({ code, signal: killedBy })),
    );
    // Strike once this build holds the lock (the SIGKILL cases left a stale one) and its Chromium is up, that
    // is while it prints: a fixed delay raced a build that prints faster than it used to.
    const lockFile = path.join(out, '.pressroom.lock');
    const owns = () => existsSync(lockFile) && readFileSync(lockFile, 'utf8').includes(`"pid":${child.pid},`);
    const poll = setInterval(() => {
      if (!owns() || !hasBrowserChild(child.pid!)) return;
      clearInterval(poll);
      child.kill('SIGTERM');
    }, 10);
    const result = await exited;
    clearInterval(poll);
    assert.ok(result.signal === 'SIGTERM' || result.code === 143, `ended with ${JSON.stringify(result)}`);
    interrupted += 1;
    assert.deepEqual(visible(out), previous, 'a published file changed');
    assert.deepEqual(hiddenEntries(out), [], 'staging folder or lock left behind');
  });
  assert.equal(interrupted, 7);

  // The next build recovers whatever SIGKILL left (staging folder, stale lock) and publishes in full.
  const last = await cli(['build'], { cwd: folder });
  assert.equal(last.status, 0, last.stderr);
  assert.deepEqual(hiddenEntries(out), []);
  const published = visible(out);
  assert.equal(published.size, previous.size);
  assert.match(published.get('statement-0/en/index.html')!.toString(), /second edition/);
});

/** Mounts a small tmpfs when the test runs as root with the right to mount (CI containers often have it). */
function smallDisk(t: { skip(message: string): void }, kilobytes: number): string | undefined {
  const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'pressroom-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', mountPoint]);
  if (mounted.status !== 0) {
    t.skip('cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)');
    return undefined;
  }
  return mountPoint;
}

test('a full disk gives a clear error, keeps the previous outputs and leaves no partial file', async (t) => {
  const mountPoint = smallDisk(t, 1536);
  if (!mountPoint) return;
  try {
    const folder = project(1);
    const out = path.join(mountPoint, 'output');
    const first = await cli(['build', '--out', out, '--locales', 'en', '--formats', 'html'], { cwd: folder });
    assert.equal(first.status, 0, first.stderr);
    const previous = visible(out);
    const full = await cli(['build', '--out', out], { cwd: folder });
    assert.equal(full.status, 1);
    assert.match(
      full.stderr,
      /Cannot write .*: the disk is full; free some space and build again \(ENOSPC\); (the previous outputs are unchanged|nothing was published)\n/,
    );
    assert.doesNotMatch(full.stderr, /\n\s+at /, 'a stack trace for a full disk');
    assert.deepEqual(visible(out), previous);
    assert.deepEqual(hiddenEntries(out), []);
  } finally {
    spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
});

test('a folder the build may not write to gives a clear error and writes nothing', () => {
  const folder = project(1);
  const out = path.join(folder, 'locked-out');
  mkdirSync(out);
  chmodSync(folder, 0o755);
  chmodSync(out, 0o555);
  // root ignores permissions: run the CLI as nobody then.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: os.tmpdir() } } : {};
  chmodSync(path.join(folder, 'pressroom.config.json'), 0o644);
  const result = pressroom(['build', '--out', out], { cwd: folder, ...asUser });
  assert.equal(result.status, 1, result.stderr);
  assert.match(
    result.stderr,
    /Cannot create the build lock at .*locked-out.*: permission denied; check who owns the output folder or give another --out \(EACCES\)/,
  );
  assert.deepEqual(readdirSync(out), []);
});

/** Whether a process started a Chromium (Linux: a /proc entry whose parent is `pid` and whose command names it). */
function hasBrowserChild(pid: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid && /chrom|headless/i.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) return true;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return false;
}
