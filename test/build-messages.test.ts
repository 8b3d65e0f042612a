// Issue 19 item 7, the CLI side: repeats of a rule are grouped per document with a count, --quiet prints
// errors only, and counts take their noun's plural from Intl.PluralRules ("1 artifact", "2 artifacts").
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { printMessages } from '../pipeline/commands/build.ts';
import { createDiagnostic, quoteText, type Message } from '../pipeline/report/messages.ts';
import { countOf } from '../pipeline/util/plural.ts';
import { cli } from './helpers/cli.ts';
import { copySample, removeUnits } from './helpers/project.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-build-messages-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const message = (ruleId: string, line: number, severity: Message['severity'] = 'warning', locale = 'ru', file = 'a.txt'): Message =>
  createDiagnostic({
    file,
    place: { start: { line, column: 1 }, end: { line, column: 9 } },
    severity,
    reason: `Unexpected thing on line ${line}`,
    ruleId,
    locale,
  });

const messages = [
  ...[1, 2, 3, 4, 5].map((line) => message('tm:no-match', line)),
  message('term:missing', 6, 'warning', 'ky'),
  message('term:missing', 7, 'warning', 'ky'),
  ...[8, 9, 10, 11].map((line) => message('tm:no-match', line, 'warning', 'ky')),
  message('tm:no-match', 12, 'info'),
  message('build:broken', 13, 'error'),
  message('tm:no-match', 1, 'warning', 'ru', 'b.txt'),
];

test('repeats of a rule in one document and locale: the first three, then one line with the count', () => {
  let text = '';
  printMessages(messages, (chunk) => void (text += chunk));
  const lines = text.split('\n').filter(Boolean);
  assert.deepEqual(
    lines.filter((line) => line.includes('tm:no-match') && !line.includes('…')).map((line) => line.trim().split(' ')[0]),
    ['1:1-1:9', '2:1-2:9', '3:1-3:9', '8:1-8:9', '9:1-9:9', '10:1-10:9', '1:1-1:9'],
  );
  assert.ok(lines.includes('  … 2 more tm:no-match (ru) warnings (5 in this document; report.json lists them all)'), text);
  assert.ok(lines.includes('  … 1 more tm:no-match (ky) warning (4 in this document; report.json lists them all)'), text);
  assert.equal(lines.filter((line) => line.includes('term:missing')).length, 2, 'two of a rule are both shown');
  assert.ok(!text.includes('line 12'), 'info is not printed');
  assert.deepEqual(
    lines.filter((line) => !line.startsWith(' ')),
    ['a.txt', 'b.txt'],
  );
});

test('quiet: errors only', () => {
  let text = '';
  printMessages(messages, (chunk) => void (text += chunk), { quiet: true });
  assert.equal(text, 'a.txt\n  13:1-13:9  error  Unexpected thing on line 13 (ru)  build:broken\n');
});

test('quoteText: 60 characters at most, white space folded, whole code points', () => {
  assert.equal(quoteText('Short  one.\n'), '“Short one.”');
  const long = 'Кыргызстан '.repeat(10);
  const quoted = quoteText(long);
  assert.equal(Array.from(quoted.slice(1, -1)).length <= 60, true);
  assert.match(quoted, /^“Кыргызстан .*…”$/);
  assert.equal(quoteText('😀'.repeat(70)), `“${'😀'.repeat(59)}…”`, 'no emoji cut in half');
});

test('countOf: the plural form Intl.PluralRules chooses', () => {
  assert.equal(countOf(1, 'artifact'), '1 artifact');
  assert.equal(countOf(0, 'artifact'), '0 artifacts');
  assert.equal(countOf(2, 'match', 'matches'), '2 matches');
  assert.equal(countOf(21, 'сегмент', 'сегментов', 'ru'), '21 сегмент', 'ru: 21 is “one”');
});

test('build --quiet prints no warning (the sample has some) and says “1 artifact”', async () => {
  const out = path.join(scratch, 'out');
  // The CC BY sample only (the project's other originals would make it 3 artifacts).
  const sample = 'transcripts/2025-11-26-bishkek-press-statements.txt';
  const quiet = await cli(['build', sample, '--locales', 'ru', '--formats', 'html', '--out', out, '--quiet']);
  assert.equal(quiet.status, 0, quiet.stderr);
  assert.equal(quiet.stderr, '');
  assert.match(quiet.stdout, /^Built \d+ files into .* s; 1 artifact built, 0 unchanged; report: /);
  const loud = await cli(['build', sample, '--locales', 'ru', '--formats', 'html', '--out', out, '--no-cache']);
  assert.equal(loud.status, 0, loud.stderr);
  // The untranslated sentence is quoted (its first 60 characters), not only named by its id.
  assert.match(
    loud.stderr,
    /warning {2}Unexpected untranslated segment s[0-9a-f]{10} “I would like to underscore that Russia remains one of the K…”, .* tm:no-match/,
  );
  assert.match(loud.stderr, /… 8 more normalize:repeated-block warnings \(11 in this document; report\.json lists them all\)/);
});

test('the summary line counts in the dashboard’s words and numbers: a segment without a match is new, not “fell back”', async () => {
  const project = copySample('pressroom-build-vocabulary-');
  try {
    removeUnits(project, 'ky', [8]);
    const run = await cli(['build', '--locales', 'en,ru,ky', '--formats', 'html', '--no-cache'], { cwd: project });
    assert.equal(run.status, 0, run.stderr);
    const dashboard = JSON.parse(readFileSync(path.join(project, 'output', 'report', 'index.json'), 'utf8')) as {
      documents: { slug: string; locales: { locale: string; counts: Record<string, number> }[] }[];
    };
    const words: Record<string, string> = { fellBack: 'fell back' };
    let compared = 0;
    for (const document of dashboard.documents)
      for (const { locale, counts } of document.locales) {
        const line = run.stdout.split('\n').find((candidate) => candidate.startsWith(locale.padEnd(6) + document.slug));
        assert.ok(line, `a summary line for ${locale}`);
        const shown = Object.entries(counts)
          .filter(([, count]) => count > 0)
          .map(([category, count]) => `${count} ${words[category] ?? category}`)
          .join(', ');
        assert.ok(line.includes(`segments: ${shown} (`), `${line}\n  expected the dashboard's ${shown}`);
        compared += 1;
      }
    // Three originals (en, ru, ky), each translated into the two other languages.
    assert.equal(compared, 6);
    assert.match(run.stdout, /^ky\s+\S+\s+122 segments: 121 exact, 1 (new|fuzzy) \(121 published\)/m);
    assert.doesNotMatch(run.stdout, /fell back/);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
