// `pressroom tm stats` and `pressroom glossary lint`, run through the CLI's main() as a user runs them, on the pitfall fixtures
// (test/fixtures/tm, test/fixtures/glossary) and on the sample project's own memories and glossary.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parseTbx } from '../pipeline/glossary/tbx.ts';
import { cli, repo } from './helpers/cli.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-terminology-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Stats {
  units: number;
  languages: Record<string, number>;
  pairs: { source: string; target: string; units: number; usable: number }[];
  duplicates: { identical: number; conflicting: number };
  codes: Record<string, number>;
  problems: { file: string; line: number; column: number; ruleId: string }[];
}

test('tm stats --json: UTF-16 and duplicate memories counted per file and in all, conflicts with file:line', async () => {
  const run = await cli([
    'tm',
    'stats',
    'test/fixtures/tm/utf16le-bom/input.tmx',
    'test/fixtures/tm/duplicates-changedate/input.tmx',
    'test/fixtures/tm/level2-inline-codes/input.tmx',
    '--json',
  ]);
  assert.equal(run.status, 0, run.stderr);
  const { files, total } = JSON.parse(run.stdout) as { files: (Stats & { file: string; srclang: string })[]; total: Stats };
  assert.deepEqual(
    files.map((file) => [file.file, file.srclang, file.units]),
    [
      ['test/fixtures/tm/utf16le-bom/input.tmx', 'en-US', 2],
      ['test/fixtures/tm/duplicates-changedate/input.tmx', 'en', 4],
      ['test/fixtures/tm/level2-inline-codes/input.tmx', 'en', 3],
    ],
  );
  assert.deepEqual(files[0]!.pairs, [{ source: 'en-US', target: 'ru-RU', units: 2, usable: 2 }]);
  assert.deepEqual(files[1]!.duplicates, { identical: 1, conflicting: 2 });
  assert.deepEqual(files[1]!.pairs, [{ source: 'en', target: 'ru', units: 4, usable: 1 }]);
  assert.deepEqual(
    files[1]!.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.ruleId}`),
    [
      'test/fixtures/tm/duplicates-changedate/input.tmx:11:5 tm:conflict',
      'test/fixtures/tm/duplicates-changedate/input.tmx:15:5 tm:conflict',
    ],
  );
  assert.deepEqual(files[2]!.codes, { total: 11, bpt: 3, ept: 2, ph: 2, it: 2, hi: 2 });
  assert.equal(total.units, 9);
  assert.deepEqual(total.languages, { en: 7, 'en-US': 2, ru: 7, 'ru-RU': 2 });
});

test('tm stats without MEMORY reads the configured memories and prints a summary', async () => {
  const run = await cli(['tm', 'stats']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^locales\/ru\/memory\.tmx \(srclang en\)$/m);
  assert.match(run.stdout, /^ {2}en → ru {7}\d+ units, \d+ usable$/m);
  assert.match(run.stdout, /^Total$/m);
});

test('tm stats exits 1 naming file:line:col on a memory it cannot read, 2 on bad usage', async () => {
  const bad = path.join(scratch, 'bad.tmx');
  writeFileSync(bad, '<tmx version="1.4">\n<header srclang="en"/>\n<body><tu><tuv xml:lang="ru"><seg>x</tuv></tu></body></tmx>');
  const broken = await cli(['tm', 'stats', bad]);
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /bad\.tmx:3:\d+: Unexpected/);
  assert.equal(broken.stdout, '');
  const utf16 = path.join(scratch, 'odd.tmx');
  // A UTF-16 LE file cut in the middle of a character: an odd byte at the end.
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<tmx>\n<x', 'utf16le'), Buffer.from([0x41])]));
  const odd = await cli(['tm', 'stats', utf16]);
  assert.equal(odd.status, 1);
  assert.match(odd.stderr, /odd\.tmx:2:\d+: Unexpected bytes that are not UTF-16LE/);
  const missing = await cli(['tm', 'stats', 'no-such-memory.tmx']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^pressroom: no-such-memory\.tmx: Cannot read the translation memory: no such file \(ENOENT\)/);
  assert.doesNotMatch(missing.stderr, /\n\s+at /, 'no stack for a missing file');
  assert.equal((await cli(['tm', 'stats', '--bogus'])).status, 2);
  assert.equal((await cli(['tm', 'stats', '--from', 'not a tag', bad])).status, 2);
});

interface Lint {
  files: { file: string; concepts: number }[];
  concepts: number;
  locales: Record<string, { concepts: number; terms: number; statuses: Record<string, number> }>;
  problems: { file: string; line: number; column: number; severity: string; ruleId: string }[];
  errors: number;
  warnings: number;
}

test('glossary lint on the configured glossary: at least 60 concepts per locale, acronyms admitted, deprecated variants, no errors', async () => {
  const run = await cli(['glossary', 'lint', '--json']);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const lint = JSON.parse(run.stdout) as Lint;
  assert.equal(lint.errors, 0);
  assert.ok(lint.concepts >= 60, `${lint.concepts} concepts`);
  for (const lang of ['en', 'ru', 'ky']) {
    assert.ok(lint.locales[lang]!.concepts >= 60, lang);
    assert.ok((lint.locales[lang]!.statuses.admitted ?? 0) > 0, lang);
  }
  assert.ok((lint.locales.ru!.statuses.deprecated ?? 0) >= 5);
});

test('glossary lint reports each problem with file and line and exits 1; CSV and TSV read with their lines', async () => {
  const run = await cli(['glossary', 'lint', 'test/fixtures/glossary/lint-problems/input.tbx', '--json']);
  assert.equal(run.status, 1);
  const lint = JSON.parse(run.stdout) as Lint;
  assert.deepEqual(
    lint.problems.map((problem) => `${problem.line}:${problem.column} ${problem.severity} ${problem.ruleId}`),
    [
      '10:20 error glossary:duplicate-term',
      '14:20 error glossary:conflicting-preferred',
      '19:20 warning glossary:no-preferred',
      '19:20 error glossary:preferred-and-deprecated',
      '20:20 error glossary:empty-term',
      '23:7 error glossary:duplicate-id',
      '26:20 error glossary:unknown-status',
    ],
  );
  const text = await cli(['glossary', 'lint', 'test/fixtures/glossary/lint-problems/input.tbx']);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^test\/fixtures\/glossary\/lint-problems\/input\.tbx:20:\d+ {2}error {2}Unexpected empty <term>/m);
  assert.match(text.stdout, /^6 errors, 1 warning$/m);

  const sheets = await cli([
    'glossary',
    'lint',
    'test/fixtures/glossary/csv-spreadsheet/input.csv',
    'test/fixtures/glossary/tsv-bom/input.tsv',
    '--json',
  ]);
  assert.equal(sheets.status, 0, sheets.stdout + sheets.stderr);
  const both = JSON.parse(sheets.stdout) as Lint;
  assert.deepEqual(both.files, [
    { file: 'test/fixtures/glossary/csv-spreadsheet/input.csv', concepts: 3 },
    { file: 'test/fixtures/glossary/tsv-bom/input.tsv', concepts: 2 },
  ]);
  assert.deepEqual(both.locales.ru!.statuses, { preferred: 5, admitted: 2, deprecated: 1, superseded: 1 });

  // In a spreadsheet the column is the cell's, counted past quoted cells that hold commas, doubled quotes
  // and a line break: line 5's status, line 6's en and ru cells (rows sharing an id are one concept, so
  // its terms are duplicates), line 7's empty ru variant.
  const sheet = path.join(scratch, 'problems.csv');
  writeFileSync(
    sheet,
    [
      'id,en,ru,status,note',
      'c-bishkek,Bishkek,Бишкек,preferred,',
      'c-osh,"Osh, city","Ош ""южная столица""",preferred,"two',
      'lines"',
      'c-frunze,Frunze,Фрунзе,approved,',
      'c-bishkek,Bishkek,Бишкек,preferred,',
      'c-issyk,"Issyk-Kul, lake",Иссык-Куль|,preferred,',
    ].join('\r\n'),
  );
  const csvRun = await cli(['glossary', 'lint', sheet, '--json']);
  assert.equal(csvRun.status, 1, csvRun.stderr);
  assert.deepEqual(
    (JSON.parse(csvRun.stdout) as Lint).problems.map((problem) => `${problem.line}:${problem.column} ${problem.ruleId}`),
    ['5:24 glossary:unknown-status', '6:11 glossary:duplicate-term', '6:19 glossary:duplicate-term', '7:27 glossary:empty-term'],
  );
});

test('glossary lint exits 1 with file:line:col on a glossary it cannot read, 2 on bad usage', async () => {
  const bad = path.join(scratch, 'bad.tbx');
  writeFileSync(bad, '<tbx>\n  <text><body>\n    <conceptEntry id="x"></body></text>\n</tbx>\n');
  const run = await cli(['glossary', 'lint', bad]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /bad\.tbx:3:\d+: Unexpected XML/);
  const csv = path.join(scratch, 'bad.csv');
  writeFileSync(csv, 'en,ru\nKyrgyzstan,"Кыргызстан\n');
  const unclosed = await cli(['glossary', 'lint', csv]);
  assert.equal(unclosed.status, 1);
  assert.match(unclosed.stderr, /bad\.csv:\d+:1: Unexpected CSV/);
  assert.equal((await cli(['glossary', 'lint', '--strict'])).status, 2);
});

test('tm lookup reads UTF-16 BE and TMX 1.1 memories: the region of the memory serves the language asked for', async () => {
  const utf16 = await cli([
    'tm',
    'lookup',
    '--memory',
    'test/fixtures/tm/utf16be-bom/input.tmx',
    '--from',
    'en',
    '--to',
    'ru',
    '--json',
    'Colleagues, ladies and gentlemen,',
  ]);
  assert.equal(utf16.status, 0, utf16.stderr);
  const [best] = JSON.parse(utf16.stdout) as { target: string; score: number; lang: string; line: number }[];
  assert.deepEqual([best?.target, best?.score, best?.lang, best?.line], ['Уважаемые коллеги, дамы и господа!', 100, 'ru-RU', 6]);
  const old = await cli([
    'tm',
    'lookup',
    '--memory',
    'test/fixtures/tm/tmx11-lang-case/input.tmx',
    '--from',
    'en',
    '--to',
    'ky',
    '--json',
    'Programme of cooperation',
  ]);
  assert.equal(old.status, 0, old.stderr);
  assert.equal((JSON.parse(old.stdout) as { target: string }[])[0]?.target, 'Кызматташтык программасы');
});

test('the sample glossary: Киргизия deprecated in Kyrgyz, acronyms admitted', () => {
  const concepts = parseTbx(readFileSync(path.join(repo, 'locales/glossary.tbx'), 'utf8'), 'locales/glossary.tbx');
  // kremlin.ru's Russian says Киргизия; in Kyrgyz text the Russian exonym is deprecated.
  const ky = concepts.flatMap((concept) => concept.terms.get('ky') ?? []);
  assert.equal(ky.find((term) => term.text === 'Киргизия')?.status, 'deprecated');
  const acronyms = concepts.flatMap((concept) => [...concept.terms.values()].flat()).filter((term) => term.termType === 'acronym');
  assert.ok(acronyms.length >= 5, `${acronyms.length} acronyms`);
  assert.ok(acronyms.some((term) => term.status === 'admitted'));
});

test('the sample memories: two sentences of the transcript come from the 2024 archive as adapted matches', async () => {
  const run = await cli([
    'tm',
    'lookup',
    '--to',
    'ru',
    '--json',
    'Russian direct investment in the first half of this year alone amounted to US$110 million.',
  ]);
  assert.equal(run.status, 0, run.stderr);
  const [best] = JSON.parse(run.stdout) as { score: number; band: string; target: string; file: string }[];
  assert.deepEqual([best?.score, best?.band, best?.file], [99, 'adapted', 'locales/ru/archive-2024.tmx']);
  assert.equal(best?.target, 'Только за первое полугодие этого года прямые российские инвестиции составили 110 миллионов долларов.');
});
