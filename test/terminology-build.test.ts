// Issue 4's matching and terminology checks as a user meets them: a ky translation made through the
// XLIFF round trip goes stale when its source sentence is edited, a deprecated term in a memory is a
// violation in the build report, and `build --strict` fails on it.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cli, type CliRun } from './helpers/cli.ts';
import { copySample, removeUnits } from './helpers/project.ts';

const slug = '2025-11-26-bishkek-press-statements';
const transcript = `transcripts/${slug}.txt`;
let project: string;
let source: string;
let translation: string;
let built: CliRun;
const run = (...args: string[]) => cli(args, { cwd: project });
const file = (...parts: string[]) => path.join(project, ...parts);
const edit = (name: string, change: (text: string) => string) => writeFileSync(file(name), change(readFileSync(file(name), 'utf8')));

before(async () => {
  project = copySample('pressroom-terms-build-');
  // A translator translates one ky sentence through the XLIFF round trip: the memory records its source hash and place.
  [source, translation] = [...removeUnits(project, 'ky', [8])][0]!;
  assert.equal((await run('xliff', 'export', '--locale', 'ky')).status, 0);
  edit(`xliff/${slug}.ky.xlf`, (xliff) =>
    xliff.replace(
      /(<source xml:lang="en">I would like to emphasise that our partnership[^<]*<\/source>)/,
      `$1\n        <target xml:lang="ky" state="translated">${translation}</target>`,
    ),
  );
  const imported = await run('xliff', 'import', `xliff/${slug}.ky.xlf`);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(readFileSync(file('locales', 'ky', 'memory.tmx'), 'utf8'), new RegExp(`<prop type="x-pressroom-doc">${slug}</prop>`));
  // Then the press office corrects that sentence in the transcript…
  edit(transcript, (text) =>
    text.replace(/(emphasise that our partnership serves our long-term) national interests\./, '$1 national and regional interests.'),
  );
  // …and an old memory unit carries a term the glossary deprecates for ky (Киргизия; Кыргызстан is preferred).
  edit('locales/ky/memory.tmx', (tmx) => tmx.replace(/(<tuv xml:lang="ky"><seg>)(Кечээ)/, '$1Киргизия: $2'));
  built = await run('build', '--formats', 'html');
});

after(() => rmSync(project, { recursive: true, force: true }));

test('a segment whose source changed after translation is stale: reported with both sources, counted, not published', () => {
  assert.equal(built.status, 0, built.stderr);
  const report = JSON.parse(readFileSync(file('output', 'report.json'), 'utf8'));
  const ky = report.documents[0].locales.find((entry: { locale: string }) => entry.locale === 'ky');
  assert.equal(ky.stale, 1);
  assert.equal(ky.segments, ky.published + ky.marked, 'a stale segment is published in the source, marked');
  const stale = report.messages.filter((message: { ruleId: string }) => message.ruleId === 'tm:stale');
  assert.equal(stale.length, 1);
  assert.equal(stale[0].locale, 'ky');
  assert.match(stale[0].segment, /^s[0-9a-f]{10}$/);
  assert.ok(stale[0].reason.includes(`translated from “${source}”`), stale[0].reason);
  assert.ok(stale[0].reason.includes('national and regional interests.”'), stale[0].reason);
  assert.match(built.stderr, /tm:stale/);
  const page = readFileSync(file('output', slug, 'ky', 'index.html'), 'utf8');
  assert.ok(!page.includes(translation), 'the translation of the old source is not published');
  assert.match(page, /national and regional interests\./);
});

test('a deprecated term in a published segment is a violation with document, segment and source line', () => {
  const report = JSON.parse(readFileSync(file('output', 'report.json'), 'utf8'));
  const ky = report.documents[0].locales.find((entry: { locale: string }) => entry.locale === 'ky');
  const deprecated = ky.termViolations.filter((violation: { rule: string }) => violation.rule === 'term:deprecated');
  assert.equal(deprecated.length, 1, JSON.stringify(ky.termViolations, null, 2));
  assert.equal(deprecated[0].file, transcript);
  assert.match(deprecated[0].segment, /^s[0-9a-f]{10}$/);
  const line = readFileSync(file(transcript), 'utf8').split('\n')[deprecated[0].line - 1]!;
  assert.match(line, /^During our informal meetings yesterday/, 'the line of the source sentence');
  assert.match(deprecated[0].message, /Unexpected deprecated term “Киргизия”, expected “Кыргызстан”/);
  const ru = report.documents[0].locales.find((entry: { locale: string }) => entry.locale === 'ru');
  assert.deepEqual(
    ru.termViolations.filter((violation: { rule: string }) => violation.rule === 'term:deprecated'),
    [],
    'Киргизия is the preferred ru term',
  );
});

test('build --strict fails on a terminology violation and names it', async () => {
  const strict = await run('build', '--formats', 'html', '--strict');
  assert.equal(strict.status, 1, strict.stdout);
  assert.match(strict.stderr, /Terminology: \d+ violations? in ky .*--strict/);
});
