// Issue 19 item 6: an unknown column, locale or language code is an error or a warning naming the file
// and what is known, never read silently as something else: a misspelt CSV glossary header, a `kk`
// locale without UI strings, a `tm lookup --to` language no memory holds.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { uiFallbacks } from '../pipeline/config/locales.ts';
import { InputError } from '../pipeline/errors.ts';
import { parseGlossaryCsv } from '../pipeline/glossary/csv.ts';
import { languageColumn } from '../pipeline/glossary/languages.ts';
import type { GlossaryProblem } from '../pipeline/glossary/types.ts';
import { cli } from './helpers/cli.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-locale-validation-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A project folder with a config publishing en, ru and ky, and the given files. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'pressroom.config.json'), JSON.stringify({ sourceLocale: 'en', locales: ['en', 'ru', 'ky'] }));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

const misspelt = 'id,en,ru,ky,statu,notes\nc-kg,Kyrgyzstan,Кыргызстан,Кыргызстан,preferred,The country\n';

test('glossary lint: a misspelt CSV header is an error at line 1 and its column, naming the known columns; never a language', async () => {
  const dir = project('misspelt', { 'terms.csv': misspelt });
  const run = await cli(['glossary', 'lint', 'terms.csv'], { cwd: dir });
  assert.equal(run.status, 1, run.stdout);
  const lines = run.stdout.split('\n');
  const statu = lines.find((line) => line.includes('“statu”'));
  assert.ok(statu, run.stdout);
  assert.match(statu, /^terms\.csv:1:13 +error +Unexpected column “statu” \(did you mean “status”\?\)/);
  assert.match(statu, /id, subject, status, note, definition, partOfSpeech, termType/);
  assert.match(statu, /glossary:unknown-column$/);
  const notes = lines.find((line) => line.includes('“notes”'));
  assert.match(notes ?? '', /^terms\.csv:1:19 +error +Unexpected column “notes” \(did you mean “note”\?\)/);
  assert.match(run.stdout, /^2 errors, 0 warnings$/m);

  const json = await cli(['glossary', 'lint', 'terms.csv', '--json'], { cwd: dir });
  const lint = JSON.parse(json.stdout) as { locales: Record<string, unknown>; errors: number };
  assert.deepEqual(Object.keys(lint.locales), ['en', 'ky', 'ru'], 'no “statu” or “notes” language was read');
  assert.equal(lint.errors, 2);
});

test('the build reader refuses the misspelt header with file, line and column (no onProblem: nothing half-read)', () => {
  assert.throws(
    () => parseGlossaryCsv(misspelt, 'terms.csv'),
    (error: unknown) =>
      error instanceof InputError &&
      error.place?.line === 1 &&
      error.place.column === 13 &&
      /^terms\.csv:1:13: Unexpected column “statu”/.test(error.message),
  );
});

test('a language column outside the project locales is a warning naming it and the locales; without a project it is fine', async () => {
  const csv = 'id,en,ru,kk\nc-kg,Kyrgyzstan,Кыргызстан,Қырғызстан\n';
  const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c-bishkek"><langSec xml:lang="en"><termSec><term>Bishkek</term></termSec></langSec>
<langSec xml:lang="uz"><termSec><term>Bishkek</term></termSec></langSec></conceptEntry>
</body></text></tbx>`;
  const dir = project('foreign', { 'kk.csv': csv, 'uz.tbx': tbx });
  const run = await cli(['glossary', 'lint', 'kk.csv', 'uz.tbx'], { cwd: dir });
  assert.equal(run.status, 0, run.stdout);
  assert.match(
    run.stdout,
    /^kk\.csv:1:10 +warning +Unexpected language column “kk” \(Kazakh\), expected one of the project's locales en, ru, ky; .*glossary:unknown-locale$/m,
  );
  assert.match(
    run.stdout,
    /^uz\.tbx:3:1 +warning +Unexpected language “uz” \(Uzbek\) in concept “c-bishkek”, expected one of the project's locales en, ru, ky/m,
  );
  assert.match(run.stdout, /^0 errors, 2 warnings$/m);

  const bare = path.join(scratch, 'bare');
  mkdirSync(bare);
  writeFileSync(path.join(bare, 'kk.csv'), csv);
  const alone = await cli(['glossary', 'lint', 'kk.csv'], { cwd: bare });
  assert.equal(alone.status, 0, alone.stdout);
  assert.match(alone.stdout, /^0 errors, 0 warnings$/m, 'no project, no locales to compare with');
});

test('languageColumn: plausible tags only; a project locale or its chain is known', () => {
  const locales = ['en', 'ru', 'ky-KG'];
  assert.equal(languageColumn('statu', locales).kind, 'unknown', 'Intl accepts five letters, a glossary column does not');
  assert.equal(languageColumn('notes').kind, 'unknown');
  assert.equal(languageColumn('def', locales).kind, 'unknown', 'three letters, but no language');
  assert.equal(languageColumn('ky_KG', locales).kind, 'unknown');
  assert.deepEqual(languageColumn('ky', locales), { kind: 'known', tag: 'ky', name: 'Kyrgyz' }, 'ky serves ky-KG');
  assert.deepEqual(languageColumn('KK', locales), { kind: 'foreign', tag: 'kk', name: 'Kazakh' });
  assert.equal(languageColumn('kk').kind, 'known', 'without project locales any language is fine');
  const problems: GlossaryProblem[] = [];
  parseGlossaryCsv('en,ky\nBishkek,Бишкек\n', 'g.csv', (problem) => problems.push(problem), { locales });
  assert.deepEqual(problems, []);
});

test('uiFallbacks: only a locale whose chain reaches another language’s catalog', () => {
  const catalogs = new Set(['en', 'ru', 'ky']);
  assert.deepEqual(uiFallbacks(['en', 'ky', 'ky-KG', 'kk'], catalogs, 'en'), [{ locale: 'kk', fallsBackTo: 'en', chain: ['kk', 'en'] }]);
  assert.deepEqual(uiFallbacks(['kk'], catalogs, { kk: ['ru'], default: ['en'] }), [
    { locale: 'kk', fallsBackTo: 'ru', chain: ['kk', 'ru'] },
  ]);
  assert.deepEqual(uiFallbacks(['kk'], new Set(['ky']), 'en'), [{ locale: 'kk', fallsBackTo: undefined, chain: ['kk', 'en'] }]);
});

test('build --locales ky,kk warns naming kk and what it falls back to; --strict and --frail refuse before any work', async () => {
  const out = path.join(scratch, 'kk-strict');
  const strict = await cli(['build', '--locales', 'ky,kk', '--formats', 'html', '--out', out, '--no-cache', '--strict']);
  assert.equal(strict.status, 1, strict.stderr);
  assert.match(strict.stderr, /Unexpected locale “kk” without UI strings \(no locales\/kk\/ui\.json\)/);
  assert.match(strict.stderr, /locales with UI strings \(en, ky, ru\)/);
  assert.match(strict.stderr, /its pages use the en interface \(fallback chain kk → en\)/);
  assert.match(strict.stderr, /Build refused \(--strict\)/);
  assert.ok(!existsSync(out), 'nothing written');
  const frail = await cli(['build', '--locales', 'kk', '--formats', 'html', '--out', out, '--no-cache', '--frail']);
  assert.equal(frail.status, 1, frail.stderr);
  assert.match(frail.stderr, /Build refused \(frail\)/);

  const built = await cli(['build', '--locales', 'kk', '--formats', 'html', '--out', path.join(scratch, 'kk'), '--no-cache', '--quiet']);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stderr, /warning: Unexpected locale “kk” without UI strings .*its pages use the en interface.*i18n:missing-locale/);
  assert.ok(existsSync(path.join(scratch, 'kk', '2025-11-26-bishkek-press-statements', 'kk', 'index.html')));
  const ky = await cli(['build', '--locales', 'ky', '--formats', 'html', '--out', path.join(scratch, 'ky'), '--no-cache', '--quiet']);
  assert.equal(ky.status, 0, ky.stderr);
  assert.doesNotMatch(ky.stderr, /i18n:missing-locale/);
});

test('a locale whose language is a word (--locales ky,kyrgyz) is refused, naming it', async () => {
  const run = await cli(['build', '--locales', 'ky,kyrgyz', '--formats', 'html', '--out', path.join(scratch, 'kyrgyz')]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /Unexpected value for “locales”: \["ky","kyrgyz"\], expected .*two- or three-letter language.*\(not "kyrgyz"\)/);
  assert.ok(!existsSync(path.join(scratch, 'kyrgyz')));
});

test('tm lookup --to kg is an error (exit 2) naming the languages the memories hold; --to ky looks up', async () => {
  const missing = await cli(['tm', 'lookup', '--to', 'kg', 'state visit']);
  assert.equal(missing.status, 2, missing.stdout);
  assert.equal(missing.stdout, '');
  assert.match(
    missing.stderr,
    /Unexpected --to kg \(Kongo\): no unit of .*locales\/ky\/memory\.tmx.* has it, expected one of the languages they hold: en, ky, ru/,
  );
  const from = await cli(['tm', 'lookup', '--from', 'de', '--to', 'ky', 'state visit']);
  assert.equal(from.status, 2);
  assert.match(from.stderr, /Unexpected --from de \(German\)/);
  const found = await cli(['tm', 'lookup', '--to', 'ky', '--json', 'Members of the press, ladies and gentlemen,']);
  assert.equal(found.status, 0, found.stderr);
  assert.equal((JSON.parse(found.stdout) as { score: number }[])[0]?.score, 100);
});
