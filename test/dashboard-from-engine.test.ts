// Issue 18 item 4 and issue 19 item 7: the translation dashboard is made from what the engine kept with each
// artifact (segments and counts, cached with it), never from a second reading of the documents; report.json
// carries the dashboard's per-category counts, in the one vocabulary the CLI prints.
import assert from 'node:assert/strict';
import fs, { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { BuildReport } from '../pipeline/build.ts';
import type { PipelineConfig } from '../pipeline/config/defaults.ts';
import { observedBuild as watchedBuild } from './helpers/observed-build.ts';
import { CATEGORIES } from '../pipeline/report/categories.ts';
import { main } from '../pipeline/cli.ts';
import { projectConfig, threeDocumentProject } from './engine/helpers.ts';
import { removeUnits } from './helpers/project.ts';

// Two documents (the sample and a shorter one) × en, ru, ky; the ky memory misses a few units, so XLIFF waits.
const folder = threeDocumentProject();
rmSync(path.join(folder, 'transcripts', 'b-full.txt'));
removeUnits(folder, 'ky', [5, 6, 7]);
const cache = path.join(folder, 'cache');
after(() => rmSync(folder, { recursive: true, force: true }));

const transcripts = ['a-full.txt', 'c-no-japarov.txt'].map((name) => path.join(folder, 'transcripts', name));

/** How often each transcript was read, and which documents the engine normalised. */
async function observedBuild(config: PipelineConfig, options: { cache: string | false }) {
  const { result, reads, normalised } = await watchedBuild(config, transcripts, options);
  return { report: result.report, reads, normalised };
}

/** output/report/, every file by name. */
function dashboard(out: string): Map<string, Buffer> {
  const root = path.join(out, 'report');
  return new Map(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => fs.statSync(path.join(root, name)).isFile())
      .sort()
      .map((name) => [name, readFileSync(path.join(root, name))]),
  );
}

function assertSameDashboard(actual: Map<string, Buffer>, expected: Map<string, Buffer>, what: string): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()], `${what}: the same files`);
  for (const [name, bytes] of expected) assert.ok(actual.get(name)!.equals(bytes), `${what}: report/${name} differs`);
}

let first: { report: BuildReport; reads: Map<string, number>; normalised: string[] } | undefined;
let config: PipelineConfig;
let firstDashboard: Map<string, Buffer> | undefined;

test('a build reads and normalises each document once, the dashboard included (2 documents × 3 locales)', async () => {
  config = { ...(await projectConfig(folder)), formats: ['html'] };
  // Without a cache: no input is hashed for cache keys, so the one reading left is the engine's.
  first = await observedBuild(config, { cache: false });
  assert.deepEqual(
    transcripts.map((name) => first!.reads.get(name)),
    [1, 1],
    'each transcript is read once: the dashboard reads none again',
  );
  assert.deepEqual(first.normalised.sort(), ['a-full', 'c-no-japarov']);
  assert.equal(first.report.incremental?.rebuilt.length, 6);
  const files = dashboard(config.out);
  firstDashboard = files;
  assert.ok(files.has('index.html') && files.has('index.json'));
  assert.ok(
    [...files.keys()].some((name) => name.endsWith('.ky.xlf')),
    `ky has work waiting: ${[...files.keys()].join(', ')}`,
  );
});

test('report.json counts each target locale in the dashboard’s categories, the same numbers as the dashboard', () => {
  assert.ok(first, 'the first build ran');
  const data = JSON.parse(readFileSync(path.join(config.out, 'report', 'index.json'), 'utf8')) as {
    documents: { slug: string; locales: { locale: string; counts: Record<string, number>; total: number }[] }[];
  };
  const written = JSON.parse(readFileSync(path.join(config.out, 'report.json'), 'utf8')) as BuildReport;
  let compared = 0;
  for (const document of written.documents)
    for (const locale of document.locales) {
      if (locale.locale === config.sourceLocale) {
        assert.equal(locale.counts, undefined, 'the source locale has nothing to translate');
        continue;
      }
      assert.ok(locale.counts, `${document.slug}/${locale.locale} has counts`);
      assert.deepEqual(Object.keys(locale.counts), [...CATEGORIES]);
      assert.equal(
        Object.values(locale.counts).reduce((sum, count) => sum + count, 0),
        locale.segments,
        'every segment in one category',
      );
      const shown = data.documents.find((entry) => entry.slug === document.slug)!.locales.find((entry) => entry.locale === locale.locale)!;
      assert.deepEqual(shown.counts, locale.counts, `${document.slug}/${locale.locale}: dashboard and report.json agree`);
      compared += 1;
    }
  assert.equal(compared, 4);
  const ky = written.documents.flatMap((document) => document.locales).filter((locale) => locale.locale === 'ky');
  assert.ok(
    ky.some((locale) => locale.counts!.new + locale.counts!.fuzzy > 0),
    'the units removed from the ky memory are work',
  );
});

test('a rebuild reusing cached artifacts writes the dashboard a fresh build writes, byte for byte', async () => {
  assert.ok(first, 'the first build ran');
  const filled = await observedBuild(config, { cache });
  assert.equal(filled.report.incremental?.rebuilt.length, 6);
  const noop = await observedBuild(config, { cache });
  assert.equal(noop.report.incremental?.rebuilt.length, 0);
  assert.deepEqual(noop.normalised, []);
  const before = dashboard(config.out);
  assertSameDashboard(before, firstDashboard!, 'no-op rebuild against the first build');

  // One document changes: the other's artifacts, and their segments and counts, come from the cache; the
  // dashboard, no longer cached as a whole, is made again from both.
  appendFileSync(transcripts[1]!, '\nPresident of Russia Vladimir Putin: Thank you very much.\n');
  const partial = await observedBuild(config, { cache });
  assert.deepEqual(partial.normalised, ['c-no-japarov'], 'only the changed document is normalised');
  assert.equal(partial.report.incremental?.reused, 3, 'a-full in every locale came from the cache');
  // Once for the cache keys (engine/site-cache.ts hashes every input), once by the engine; never a third time.
  assert.deepEqual(
    transcripts.map((name) => partial.reads.get(name)),
    [2, 2],
  );
  const cached = dashboard(config.out);
  assert.notDeepEqual(cached.get('index.json'), before.get('index.json'), 'the changed document shows in the dashboard');

  const freshOut = path.join(folder, 'fresh');
  const fresh = await observedBuild({ ...config, out: freshOut }, { cache: false });
  assert.equal(fresh.report.incremental?.reused, 0);
  assertSameDashboard(cached, dashboard(freshOut), 'cached rebuild against a fresh build');
});

test('a cache entry made before artifacts kept their segments is rebuilt, not served without them', async () => {
  assert.ok(first, 'the first build ran');
  // The segments are kept apart from the entry (heavy.json, by hash), read when the dashboard is made.
  const entry = path.join(cache, 'a-full', 'ru', 'entry.json');
  const heavy = path.join(cache, 'a-full', 'ru', 'heavy.json');
  type Stored = { heavy?: unknown; meta: { report: { counts?: unknown } } };
  const stored = JSON.parse(readFileSync(entry, 'utf8')) as Stored;
  assert.ok(stored.heavy && (JSON.parse(readFileSync(heavy, 'utf8')) as { segments?: unknown }).segments, 'the entry keeps the segments');
  delete stored.heavy;
  writeFileSync(entry, JSON.stringify(stored));
  // A change to the document's dashboard row, so that the dashboard is made again and needs the segments.
  appendFileSync(transcripts[1]!, '\nPresident of Russia Vladimir Putin: Thank you.\n');
  const again = await observedBuild(config, { cache });
  assert.deepEqual(
    again.report.incremental?.rebuilt.filter((name) => name.startsWith('a-full/')),
    ['a-full/ru'],
  );
  const rebuilt = JSON.parse(readFileSync(entry, 'utf8')) as Stored;
  assert.ok(rebuilt.heavy && rebuilt.meta.report.counts, 'the rebuilt entry keeps them again');
});

test('the dashboard’s XLIFF is, byte for byte, what `xliff export` writes for the same document and locale', async () => {
  assert.ok(first, 'the first build ran');
  const waiting = [...dashboard(config.out).keys()].filter((name) => name.startsWith('xliff'));
  assert.ok(waiting.length > 0);
  let compared = 0;
  for (const locale of ['ru', 'ky']) {
    const out = path.join(folder, `export-${locale}`);
    let errors = '';
    const io = { out: () => {}, err: (text: string) => void (errors += text) };
    const code = await main(
      ['xliff', 'export', '--locale', locale, '--config', path.join(folder, 'pressroom.config.json'), '--out', out],
      io,
    );
    assert.equal(code, 0, errors);
    for (const name of readdirSync(out)) {
      const ours = dashboard(config.out).get(path.join('xliff', name));
      assert.ok(ours, `the dashboard has ${name}`);
      assert.ok(ours.equals(readFileSync(path.join(out, name))), `report/xliff/${name} differs from the export`);
      compared += 1;
    }
  }
  assert.equal(compared, waiting.length, 'the export and the dashboard offer the same files');
});
