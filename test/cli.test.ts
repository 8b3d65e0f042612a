import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pressroom = (args: string[], cwd = repo) =>
  spawnSync(process.execPath, [path.join(repo, 'bin/pressroom.mjs'), ...args], { cwd, encoding: 'utf8' });

test('pressroom --help and build --help print usage and exit 0; bad usage exits 2', () => {
  const help = pressroom(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Commands:\n {2}build/);
  const buildHelp = pressroom(['build', '--help']);
  assert.equal(buildHelp.status, 0);
  assert.match(buildHelp.stdout, /--formats <list>/);
  const unknown = pressroom(['build', '--colour']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown option '--colour'/);
  assert.equal(pressroom(['publish']).status, 2);
});

test('a bad config stops the build with file, line and key, exit 1, and writes nothing', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-cli-'));
  writeFileSync(path.join(folder, 'pressroom.config.json'), '{\n  "inputs": ["x.txt"],\n  "locale": ["ru"]\n}\n');
  const result = pressroom(['build', '--out', 'out'], folder);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /pressroom\.config\.json:3:3: Unexpected config key “locale”, expected one of: inputs/);
  assert.equal(spawnSync('ls', [folder], { encoding: 'utf8' }).stdout.trim(), 'pressroom.config.json');
  writeFileSync(path.join(folder, 'pressroom.config.json'), '{"inputs": ["x.txt"]}');
  const wrongType = pressroom(['build', '--formats', 'pdf,mobi'], folder);
  assert.equal(wrongType.status, 1);
  assert.match(wrongType.stderr, /Unexpected value for “formats”/);
});
