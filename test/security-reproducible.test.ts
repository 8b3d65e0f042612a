import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pressroom, repo, snapshot } from './helpers/cli.ts';

/** Two builds of the same inputs in different surroundings: time zone, locale, umask-free paths, working folder. */
test('the same inputs give byte-identical HTML, EPUB, DOCX, zip and PDF outputs in different surroundings', (t) => {
  const builds = [
    { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    { TZ: 'Pacific/Kiritimati', LANG: 'ru_RU.UTF-8', LC_ALL: 'ky_KG.UTF-8' },
  ].map((env) => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-repro-')), 'nested', 'out');
    const result = pressroom(['build', '--out', out, '--locales', 'en,ru,ky'], { cwd: repo, env: { ...process.env, ...env } });
    assert.equal(result.status, 0, result.stderr);
    // A Chromium that died under a loaded machine is restarted and the page printed again (the bytes must
    // still be the same): said in the test's output, not a difference between the builds.
    for (const line of result.stderr.split('\n').filter((each) => each.includes('Chromium restarted'))) t.diagnostic(line);
    return snapshot(out);
  });
  const [first, second] = builds as [Map<string, Buffer>, Map<string, Buffer>];
  assert.deepEqual([...first.keys()].sort(), [...second.keys()].sort());
  const kinds = new Map<string, number>();
  for (const [file, bytes] of first) {
    if (file === 'report.json') continue;
    assert.ok(bytes.equals(second.get(file)!), `${file} differs between the two builds`);
    const kind = path.extname(file);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  for (const kind of ['.html', '.epub', '.docx', '.zip', '.pdf']) assert.ok(kinds.get(kind)! >= 3, `no ${kind} compared`);
  // The report records how long each stage took and whether Chromium had to be restarted (a fact about the
  // machine, like the time): everything else in it is the same.
  const report = (bytes: Buffer) => {
    const parsed = JSON.parse(bytes.toString('utf8')) as { incremental?: { browserRestarts?: number } };
    if (parsed.incremental) parsed.incremental.browserRestarts = undefined;
    return { ...parsed, timings: undefined };
  };
  assert.deepEqual(report(first.get('report.json')!), report(second.get('report.json')!));
});
