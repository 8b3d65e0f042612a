import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { cli } from '../helpers/cli.ts';
import { threeDocumentProject } from './helpers.ts';

test('progress: plain lines in CI, nothing with --quiet, one JSON object with --json', async () => {
  const folder = threeDocumentProject();
  const env = { ...process.env, CI: 'true', NO_COLOR: '1' };
  const lines = await cli(['build', '--formats', 'html', '--locales', 'en', '--no-cache'], { cwd: folder, env });
  assert.equal(lines.status, 0, lines.stderr);
  // Documents finish in any order; the counter does not.
  const progress = lines.stderr.split('\n').filter((line) => line.startsWith('['));
  assert.deepEqual(
    progress.map((line) => line.slice(0, 6)),
    ['[1/3] ', '[2/3] ', '[3/3] '],
  );
  assert.deepEqual(progress.map((line) => line.slice(6)).sort(), ['built  a-full/en', 'built  b-full/en', 'built  c-no-japarov/en']);
  assert.ok(!(lines.stderr + lines.stdout).includes('\u001b['), 'no escape codes');

  const quiet = await cli(['build', '--formats', 'html', '--locales', 'en', '--quiet'], { cwd: folder, env });
  assert.equal(quiet.status, 0, quiet.stderr);
  // Warnings still reach the user; progress does not.
  assert.doesNotMatch(quiet.stderr, /^\[\d/m);
  assert.match(quiet.stdout, /^Built \d+ files into output in [\d.]+ s; 3 artifacts built, 0 unchanged; report: output\/report\.json\n$/);

  const json = await cli(['build', '--formats', 'html', '--locales', 'en', '--json'], { cwd: folder, env });
  assert.equal(json.status, 0, json.stderr);
  const summary = JSON.parse(json.stdout) as Record<string, unknown>;
  assert.equal(summary.ok, true);
  assert.equal(summary.documents, 3);
  // Reuse itself is the incremental tests' business; here, the summary accounts for every artifact.
  assert.equal((summary.rebuilt as string[]).length + (summary.reused as number), 3);
  rmSync(folder, { recursive: true, force: true });
});
