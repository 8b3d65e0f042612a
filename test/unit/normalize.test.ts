import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeTranscript, splitBlocks } from '../../pipeline/ingest/read-blocks.ts';
import { InputError } from '../../pipeline/errors.ts';
import { parseDateline } from '../../pipeline/normalize/dateline.ts';
import { findRepeatedRuns } from '../../pipeline/normalize/repeated-blocks.ts';
import { parseSpeakerLabel } from '../../pipeline/normalize/speaker-label.ts';
import { matchKey, normalizeTypography } from '../../pipeline/normalize/typography.ts';

test('decodeTranscript strips the BOM, turns CRLF into LF and names the line of invalid UTF-8', () => {
  assert.equal(decodeTranscript(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a, 0x42]), 'a.txt'), 'A\nB');
  const bad = new Uint8Array([0x41, 0x0a, 0x42, 0x0a, 0xc3, 0x28]);
  assert.throws(
    () => decodeTranscript(bad, 'bad.txt'),
    (error: unknown) => error instanceof InputError && /^bad\.txt:3:1: .*UTF-8/.test(error.message),
  );
});

test('splitBlocks: blank lines separate blocks; a file without blank lines has one block per line', () => {
  assert.deepEqual(
    splitBlocks('a\nb\n\nc\n').map((block) => [block.text, block.line, block.endLine]),
    [
      ['a b', 1, 2],
      ['c', 4, 4],
    ],
  );
  assert.deepEqual(
    splitBlocks('a\nb\nc').map((block) => block.text),
    ['a', 'b', 'c'],
  );
});

test('normalizeTypography removes no-break spaces and curls quotes; matchKey ignores quote style', () => {
  assert.equal(
    normalizeTypography('President of\u00a0the\u00a0Kyrgyz  Republic , "yes" it\'s...'),
    'President of the Kyrgyz Republic, “yes” it’s…',
  );
  assert.equal(matchKey('it’s “x”'), matchKey('it\'s "x"'));
});

test('parseDateline reads month-first and day-first datelines and rejects impossible dates', () => {
  assert.deepEqual(parseDateline('November 26, 2025, Bishkek'), { date: '2025-11-26', place: 'Bishkek' });
  assert.deepEqual(parseDateline('3 March 2024'), { date: '2024-03-03', place: null });
  assert.equal(parseDateline('February 30, 2024, Moscow'), undefined);
  assert.equal(parseDateline('We met on November 26, 2025, in Bishkek and talked.'), undefined);
});

test('parseSpeakerLabel splits office and name, and refuses sentences with a colon', () => {
  assert.deepEqual(parseSpeakerLabel('President of Kyrgyzstan Sadyr Japarov: Members of the press')?.speaker, {
    name: 'Sadyr Japarov',
    role: 'President of Kyrgyzstan',
  });
  assert.deepEqual(parseSpeakerLabel('Vladimir Putin: Thank you.')?.speaker, { name: 'Vladimir Putin', role: '' });
  assert.deepEqual(parseSpeakerLabel('Press Secretary Dmitry Peskov: Next question.')?.speaker, {
    name: 'Dmitry Peskov',
    role: 'Press Secretary',
  });
  assert.equal(parseSpeakerLabel('I fully concur with Mr Japarov: today’s talks were productive.'), undefined);
  assert.equal(parseSpeakerLabel('The meeting starts at 10: 30 sharp.'), undefined);
  const known = [{ name: 'Vladimir Putin', role: 'President of Russia' }];
  assert.equal(parseSpeakerLabel('Putin: Yes.', known)?.speaker, known[0]);
});

test('findRepeatedRuns finds a run repeated back to back, longest first, and ignores a single repeated line', () => {
  assert.deepEqual(findRepeatedRuns(['a', 'b', 'c', 'b', 'c', 'd'], 2, 0), [{ start: 3, length: 2, original: 1 }]);
  assert.deepEqual(findRepeatedRuns(['x', 'Thank you.', 'Thank you.', 'y'], 2, 0), []);
  assert.deepEqual(findRepeatedRuns(['a', 'b', 'a', 'b', 'a', 'b'], 2, 0), [
    { start: 2, length: 2, original: 0 },
    { start: 4, length: 2, original: 0 },
  ]);
});
