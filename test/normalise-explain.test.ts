// `pressroom normalise FILE --explain`, run in process through the CLI's main: every input block is listed
// with the class it was given and the rule that gave it, so an editor sees why a title or a speaker is wrong.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../pipeline/cli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

test('normalise --explain lists every block with its class and rule, in line order', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'pressroom-explain-'));
  const file = path.join(folder, 'briefing.txt');
  writeFileSync(
    file,
    [
      'Official website of the Ministry',
      'News  /',
      'Press conference following the talks',
      'November 3, 2026, 14:00  Moscow',
      'The ministers met the press after the talks.',
      'Minister of Trade Anna Berg: Good afternoon. We signed three agreements today.',
      'Question: When will the agreements take effect?',
      'Anna Berg: Next spring.',
      'Share',
      'Tags: trade, agreements',
    ].join('\n\n'),
  );
  const { io, out, err } = capture();
  const code = await main(['normalise', file, '--explain', '--lang', 'en'], io);
  assert.equal(code, 0, err.join(''));
  const rows = out
    .join('')
    .split('\n')
    .filter((line) => /^\s+\d/.test(line))
    .map((line) => line.trim().split(/\s+/).slice(0, 3));
  assert.deepEqual(
    rows.map(([line, kind]) => [Number(line), kind]),
    [
      [1, 'chrome'],
      [3, 'chrome'],
      [5, 'title'],
      [7, 'dateline'],
      [9, 'lead'],
      [11, 'label'],
      [13, 'label'],
      [15, 'label'],
      [17, 'footer'],
      [19, 'footer'],
    ],
  );
  assert.ok(
    rows.every((row) => /^[a-z]+:[a-z-]+$/.test(row[2]!)),
    `every row names its rule: ${JSON.stringify(rows)}`,
  );
  assert.match(out.join(''), /"Press conference following the talks"/);
});
