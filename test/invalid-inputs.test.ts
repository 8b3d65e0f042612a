// The invalid corpus: one folder per case under test/fixtures/invalid/, run through the CLI's main() as a
// user runs it (in this process: the bin itself is cli.test.ts's business). A case holds the bad file(s) under the names a project uses (transcript.txt, memory.tmx,
// glossary.tbx, glossary.csv, pressroom.config.json, locales/<lng>/ui.json), optional args.txt (one
// argument per line; default `build --out out`), and expected.txt: `exit N` then stderr. UPDATE=1 rewrites.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { cli, repo } from './helpers/cli.ts';

const corpus = path.join(repo, 'test/fixtures/invalid');
// INVALID_CASE=<substring> runs (and with UPDATE=1 rewrites) only the matching cases.
const cases = readdirSync(corpus)
  .filter((name) => name.includes(process.env.INVALID_CASE ?? ''))
  .sort();

function project(name: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), `pressroom-invalid-${name}-`));
  for (const lng of readdirSync(path.join(repo, 'locales'), { withFileTypes: true }).filter((entry) => entry.isDirectory()))
    cpSync(path.join(repo, 'locales', lng.name, 'ui.json'), path.join(folder, 'locales', lng.name, 'ui.json'));
  cpSync(path.join(corpus, name), folder, { recursive: true });
  if (!existsSync(path.join(folder, 'transcript.txt')))
    cpSync(path.join(repo, 'transcripts/2025-11-26-bishkek-press-statements.txt'), path.join(folder, 'transcript.txt'));
  if (!existsSync(path.join(folder, 'pressroom.config.json'))) {
    const present = (file: string) => existsSync(path.join(folder, file));
    writeFileSync(
      path.join(folder, 'pressroom.config.json'),
      JSON.stringify({
        inputs: ['transcript.txt'],
        locales: ['en', 'ru'],
        formats: ['html'],
        onMissing: 'keep-source',
        memories: present('memory.tmx') ? ['memory.tmx'] : [],
        glossaries: ['glossary.tbx', 'glossary.csv'].filter(present),
      }),
    );
  }
  mkdirSync(path.join(folder, 'locales'), { recursive: true });
  return folder;
}

const listing = (folder: string) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();

test(`the invalid corpus (${cases.length} cases) fails with file, line, column and advice, and writes nothing`, async (t) => {
  for (const name of cases) await t.test(name, () => check(name));
});

async function check(name: string): Promise<void> {
  {
    const folder = project(name);
    const argsFile = path.join(folder, 'args.txt');
    const args = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').split('\n').filter(Boolean) : ['build', '--out', 'out'];
    const before = listing(folder);
    const result = await cli(args, { cwd: folder });
    // Paths the user sees are relative to where they stand; any absolute one is the temporary project.
    const stderr = result.stderr
      .split(folder)
      .join('<project>')
      .split(repo)
      .join('<repo>/')
      // The causes quote V8's own JSON.parse message, which names the line and column from Node 22 on.
      .replace(/ \(line \d+ column \d+\)$/gm, '');
    const actual = `exit ${result.status}\n${stderr}`;
    const expectedFile = path.join(corpus, name, 'expected.txt');
    if (process.env.UPDATE) writeFileSync(expectedFile, actual);
    assert.equal(actual, readFileSync(expectedFile, 'utf8'));
    assert.deepEqual(listing(folder), before, 'the failed command wrote something');
    if (result.status === 1) {
      // Bad input: the message names the file, the line and the column.
      assert.match(
        stderr,
        /(^|\s)[\w./<>-]+\.(txt|tmx|tbx|csv|json|xlf|xliff):\d+:\d+(-\d+:\d+)?(: | {2}error {2})Unexpected /m,
        'no file:line:col in the message',
      );
    } else assert.equal(result.status, 2, 'bad usage exits 2, bad input 1');
  }
}
