// Issue 19 item 3: an artifact's key covers the memory units and glossary concepts of its own locale chain
// only. Each edit below is followed by a cached build, whose `incremental.rebuilt` is counted, and by a build
// without any cache: every file and every locale report of the cached build must equal the fresh one (a
// change that alters a page is never served from the cache).
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../pipeline/build.ts';
import type { PipelineConfig } from '../../pipeline/config/defaults.ts';
import { normalizeConfig, readConfigFile } from '../../pipeline/config/load.ts';
import { cli, snapshot } from '../helpers/cli.ts';
import { copySample } from '../helpers/project.ts';

const slug = '2025-11-26-bishkek-press-statements';
const GREETING = 'Members of the press, ladies and gentlemen,';

async function sampleProject(prefix: string, settings: Partial<PipelineConfig> = {}) {
  const folder = copySample(prefix);
  const raw = await readConfigFile(path.join(folder, 'pressroom.config.json'));
  // The English original alone: the artifacts counted below are its three (the sample's Russian and
  // Kyrgyz originals translate from other directions of the same memories: test/translate-directions.test.ts).
  const config = await normalizeConfig({ ...raw, inputs: [`transcripts/${slug}.txt`], formats: ['html'], ...settings }, folder);
  const cache = path.join(folder, 'cache');
  /** A cached build: the artifacts it rebuilt, after checking its output against a build without cache. */
  const rebuild = async (): Promise<string[]> => {
    const cached = await build(config, { cache });
    const fresh = await build(config, { write: false, cache: false });
    const files = snapshot(config.out, false);
    for (const file of fresh.files)
      if (!isReport(file.path))
        assert.deepEqual(files.get(file.path), Buffer.from(file.contents), `${file.path} differs from a fresh build`);
    assert.deepEqual(localeReports(cached.report), localeReports(fresh.report), 'the locale reports differ from a fresh build');
    return [...(cached.report.incremental?.rebuilt ?? [])].sort();
  };
  const page = (locale: string) => readFileSync(path.join(config.out, slug, locale, 'index.html'), 'utf8');
  const file = (...parts: string[]) => path.join(folder, ...parts);
  return { folder, config, rebuild, page, file };
}

function isReport(name: string): boolean {
  return name === 'report.json' || name.startsWith('report/');
}

function localeReports(report: { documents: { locales: unknown[] }[] }): unknown[] {
  return report.documents.flatMap((document) => document.locales);
}

/** Replaces the `lang` target of the unit whose English source is `source`. */
function editUnit(tmxFile: string, source: string, lang: string, edit: (target: string) => string): void {
  const tmx = readFileSync(tmxFile, 'utf8');
  const start = tmx.indexOf(`<seg>${source}</seg>`);
  assert.ok(start >= 0, `no unit for “${source}” in ${tmxFile}`);
  const open = `<tuv xml:lang="${lang}"><seg>`;
  const from = tmx.indexOf(open, start) + open.length;
  const to = tmx.indexOf('</seg>', from);
  writeFileSync(tmxFile, tmx.slice(0, from) + edit(tmx.slice(from, to)) + tmx.slice(to));
}

/** Adds a concept with the given terms ([lang, text, status]) at the end of a TBX glossary. */
function addConcept(tbxFile: string, id: string, terms: [string, string, 'preferred' | 'deprecated'][]): void {
  const sections = terms
    .map(
      ([lang, text, status]) =>
        `<langSec xml:lang="${lang}"><termSec><term>${text}</term><termNote type="administrativeStatus">${status}Term-admn-sts</termNote></termSec></langSec>`,
    )
    .join('');
  const tbx = readFileSync(tbxFile, 'utf8');
  writeFileSync(tbxFile, tbx.replace('</body>', `<conceptEntry id="${id}">${sections}</conceptEntry>\n    </body>`));
}

const all = (...locales: string[]) => locales.map((locale) => `${slug}/${locale}`).sort();

test('an edit of one locale’s memory unit or a concept only its language has rebuilds that locale only', async () => {
  const project = await sampleProject('pressroom-cache-scope-');
  assert.deepEqual(await project.rebuild(), all('en', 'ru', 'ky'));
  assert.deepEqual(await project.rebuild(), [], 'a no-op build rebuilds nothing');

  editUnit(project.file('locales/ky/memory.tmx'), GREETING, 'ky', (target) => `${target} (оңдолгон)`);
  assert.deepEqual(await project.rebuild(), all('ky'));
  assert.match(project.page('ky'), /(оңдолгон)/);

  editUnit(project.file('locales/ru/memory.tmx'), GREETING, 'ru', (target) => `${target} (исправлено)`);
  assert.deepEqual(await project.rebuild(), all('ru'));
  assert.match(project.page('ru'), /(исправлено)/);

  // English and Kyrgyz terms only: the ky pages check it; the en and ru reports count it (refreshed, not rebuilt).
  const termsBefore = (await build(project.config, { write: false, cache: false })).report.documents[0]!.locales;
  addConcept(project.file('locales/glossary.tbx'), 'c-test-family-park', [
    ['en', 'family recreation park', 'preferred'],
    ['ky', 'үй-бүлөлүк эс алуу паркы', 'preferred'],
  ]);
  assert.deepEqual(await project.rebuild(), all('ky'));
  const counted = await build(project.config, { cache: path.join(project.folder, 'cache') });
  assert.deepEqual(counted.report.incremental?.rebuilt, []);
  for (const [at, locale] of counted.report.documents[0]!.locales.entries())
    assert.equal(locale.termsFound, termsBefore[at]!.termsFound + 1, `${locale.locale} counts the new term after a quick reuse`);

  // A Russian term only, deprecated, met in a Russian translation: the ru page is checked against it.
  addConcept(project.file('locales/glossary.tbx'), 'c-test-ru-only', [['ru', 'Дамы и господа', 'deprecated']]);
  assert.deepEqual(await project.rebuild(), all('ru'));
  rmSync(project.folder, { recursive: true, force: true });
});

test('a unit added for a segment that had no match rebuilds its locale, and the page shows it', async () => {
  const project = await sampleProject('pressroom-cache-scope-');
  const memory = project.file('locales/ky/memory.tmx');
  const original = readFileSync(memory, 'utf8');
  const unit = /\s*<tu [^>]*>\s*<tuv xml:lang="en"><seg>Members of the press[\s\S]*?<\/tu>/.exec(original)![0];
  writeFileSync(memory, original.replace(unit, ''));
  assert.deepEqual(await project.rebuild(), all('en', 'ru', 'ky'));
  assert.match(project.page('ky'), /<span lang="en"[^>]*>Members of the press/);

  writeFileSync(memory, original);
  assert.deepEqual(await project.rebuild(), all('ky'));
  assert.doesNotMatch(project.page('ky'), /Members of the press/);
  rmSync(project.folder, { recursive: true, force: true });
});

test('a locale that falls back to another through its chain is rebuilt when a unit of that other locale changes', async () => {
  const project = await sampleProject('pressroom-cache-chain-', {
    fallbackLng: { ky: ['ru', 'en'], default: ['en'] },
    onMissing: 'fallback',
  });
  const memory = project.file('locales/ky/memory.tmx');
  const tmx = readFileSync(memory, 'utf8');
  writeFileSync(memory, tmx.replace(/\s*<tu [^>]*>\s*<tuv xml:lang="en"><seg>Members of the press[\s\S]*?<\/tu>/, ''));
  assert.deepEqual(await project.rebuild(), all('en', 'ru', 'ky'));
  assert.match(project.page('ky'), /<span lang="ru"[^>]*>Уважаемые представители/);

  editUnit(project.file('locales/ru/memory.tmx'), GREETING, 'ru', (target) => `${target} (исправлено)`);
  assert.deepEqual(await project.rebuild(), all('ru', 'ky'));
  assert.match(project.page('ky'), /(исправлено)/);
  rmSync(project.folder, { recursive: true, force: true });
});

test('an XLIFF import for ky (units with their context props) rebuilds only the ky artifact', async () => {
  const project = await sampleProject('pressroom-cache-import-');
  const memory = project.file('locales/ky/memory.tmx');
  const tmx = readFileSync(memory, 'utf8');
  const removed =
    /\s*<tu [^>]*>\s*<tuv xml:lang="en"><seg>(Members of the press[^<]*)<\/seg><\/tuv>\s*<tuv xml:lang="ky"><seg>([^<]*)<\/seg>[\s\S]*?<\/tu>/.exec(
      tmx,
    )!;
  writeFileSync(memory, tmx.replace(removed[0], ''));
  assert.deepEqual(await project.rebuild(), all('en', 'ru', 'ky'));

  const run = (...args: string[]) => cli(args, { cwd: project.folder });
  const exported = await run('xliff', 'export', '--locale', 'ky');
  assert.equal(exported.status, 0, exported.stderr);
  const xliffFile = project.file('xliff', `${slug}.ky.xlf`);
  const filled = readFileSync(xliffFile, 'utf8').replace(
    /(<trans-unit id="[^"]+" xml:space="preserve">\s*<source xml:lang="en">Members of the press[^<]*<\/source>)/,
    `$1<target xml:lang="ky" state="translated">${removed[2]}</target>`,
  );
  writeFileSync(xliffFile, filled);
  const imported = await run('xliff', 'import', xliffFile);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(readFileSync(memory, 'utf8'), /x-pressroom-doc/, 'the import records where the unit stood');
  assert.deepEqual(await project.rebuild(), all('ky'));
  assert.match(project.page('ky'), new RegExp(removed[2]!.slice(0, 20)));
  rmSync(project.folder, { recursive: true, force: true });
});

test('a concept of another language that hides a term this locale checks rebuilds this locale too', async () => {
  const project = await sampleProject('pressroom-cache-shadow-');
  const GAS =
    'Furthermore, Gazprom is a key supplier of natural gas to Kyrgyzstan and has joined the nation’s public gas supply programme.';
  // The Russian translation without «Газпром»: a term:missing violation in ru.
  editUnit(project.file('locales/ru/memory.tmx'), GAS, 'ru', (target) => target.replace('«Газпром»', 'газовая компания'));
  assert.deepEqual(await project.rebuild(), all('en', 'ru', 'ky'));
  const violations = async () =>
    (await build(project.config, { write: false, cache: false })).report.documents[0]!.locales.find((entry) => entry.locale === 'ru')!
      .termViolations!.length;
  const before = await violations();
  // A longer English term with a Kyrgyz term only: it hides "Gazprom" from the ru checks, so the violation goes.
  addConcept(project.file('locales/glossary.tbx'), 'c-test-gas-supplier', [
    ['en', 'Gazprom is a key supplier', 'preferred'],
    ['ky', '«Газпром» Кыргызстанга жаратылыш газын жеткирүүчү негизги компания', 'preferred'],
  ]);
  assert.equal(await violations(), before - 1, 'the new concept changes what the ru report says');
  assert.deepEqual(await project.rebuild(), all('ru', 'ky'));
  rmSync(project.folder, { recursive: true, force: true });
});
