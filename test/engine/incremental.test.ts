import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from '../../pipeline/build.ts';
import { cli, pressroomAsync, repo, snapshot } from '../helpers/cli.ts';
import { editConceptTerm, projectConfig, threeDocumentProject } from './helpers.ts';

test('a one-concept glossary edit rebuilds exactly the artifacts that use the concept, and they change', async () => {
  const folder = threeDocumentProject();
  const config = await projectConfig(folder);
  const cache = path.join(folder, 'cache');
  const first = await build(config, { cache });
  assert.equal(first.report.incremental?.rebuilt.length, 9);
  const before = snapshot(config.out, false);

  const noop = await build(config, { cache });
  assert.deepEqual(noop.report.incremental?.rebuilt, []);
  assert.equal(noop.report.incremental?.reused, 9);
  const unchanged = snapshot(config.out, false);
  for (const [name, bytes] of before) if (!isReport(name)) assert.deepEqual(unchanged.get(name), bytes, name);

  // Only the Kyrgyz term changes: English and Russian pages cannot depend on it.
  editConceptTerm(path.join(folder, 'locales/glossary.tbx'), 'c-sadyr-japarov', 'ky', 'Садыр Жапаров (оңдолгон)');
  const edited = await build(config, { cache });
  assert.deepEqual(edited.report.incremental?.rebuilt.sort(), ['a-full/ky', 'b-full/ky']);
  const after = snapshot(config.out, false);
  for (const slug of ['a-full', 'b-full']) {
    const page = after.get(`${slug}/ky/index.html`)!.toString();
    assert.match(page, /Садыр Жапаров \(оңдолгон\)/);
    assert.notDeepEqual(after.get(`${slug}/ky/${slug}.ky.epub`), before.get(`${slug}/ky/${slug}.ky.epub`));
  }
  for (const [name, bytes] of after) {
    if (/^(a|b)-full\/ky\//.test(name) || kyrgyzSiteFile(name) || isReport(name)) continue;
    assert.deepEqual(bytes, before.get(name), `${name} should be unchanged`);
  }
  // The rebuilt artifacts equal what a build without any cache makes.
  const clean = await build(config, { write: false });
  for (const file of clean.files) if (!isReport(file.path)) assert.deepEqual(after.get(file.path), Buffer.from(file.contents), file.path);
  rmSync(folder, { recursive: true, force: true });
});

test('a corrupt or missing cache entry is rebuilt, never served', async () => {
  const folder = threeDocumentProject();
  const config = await projectConfig(folder);
  const cache = path.join(folder, 'cache');
  await build(config, { cache });
  const before = snapshot(config.out, false);
  writeFileSync(path.join(cache, 'a-full/ru/files/index.html'), '<p>damaged</p>');
  writeFileSync(path.join(cache, 'b-full/en/entry.json'), '{"key":');
  rmSync(path.join(cache, 'c-no-japarov/ky'), { recursive: true });
  const result = await build(config, { cache });
  assert.deepEqual(result.report.incremental?.rebuilt.sort(), ['a-full/ru', 'b-full/en', 'c-no-japarov/ky']);
  const after = snapshot(config.out, false);
  for (const [name, bytes] of before) if (!isReport(name)) assert.deepEqual(after.get(name), bytes, name);
  rmSync(folder, { recursive: true, force: true });
});

test('a build killed midway leaves a cache from which the next build is correct', async () => {
  const folder = threeDocumentProject();
  const cache = path.join(folder, 'cache');
  const entries = ['a-full', 'b-full', 'c-no-japarov'].flatMap((slug) =>
    ['en', 'ru', 'ky'].map((locale) => path.join(cache, slug, locale, 'entry.json')),
  );
  // The build kills itself the moment the first artifact's entry is renamed into place (a preloaded hook,
  // test/helpers/die-after-cache-entry.mjs), while the others are not made yet: the same point on every run,
  // where a poller racing the build's renames saw it late, or after the build had finished, under load.
  const child = pressroomAsync(['build', '--cache', cache, '--concurrency', '1', '--quiet'], folder, {
    args: ['--import', pathToFileURL(path.join(repo, 'test/helpers/die-after-cache-entry.mjs')).href],
    env: { PRESSROOM_DIE_AFTER_ENTRY_AT: JSON.stringify(entries.map((entry) => path.dirname(entry))) },
  });
  const [, signal] = (await new Promise((resolve) => child.once('close', (...outcome) => resolve(outcome)))) as [
    number | null,
    string | null,
  ];
  assert.equal(signal, 'SIGKILL', 'the build was still running when it was killed');
  // Two documents are in flight (--concurrency 1 keeps one more document going): when both render the same
  // text they reach their first entry together, and the other's rename may land in the same instant.
  const made = entries.filter((entry) => existsSync(entry)).length;
  assert.ok(made >= 1 && made <= 2, `killed right after its first cache entry (${made} entries)`);
  // Nothing is published before the whole build is made, and a cache entry is complete or absent.
  const output = path.join(folder, 'output');
  assert.deepEqual(existsSync(output) ? readdirSync(output).filter((name) => !name.startsWith('.')) : [], []);
  for (const entry of entries.filter((file) => existsSync(file))) assert.doesNotThrow(() => JSON.parse(readFileSync(entry, 'utf8')), entry);
  const next = await cli(['build', '--cache', cache, '--json'], { cwd: folder });
  assert.equal(next.status, 0, next.stderr);
  const summary = JSON.parse(next.stdout) as { rebuilt: string[]; reused: number };
  assert.ok(summary.reused >= 1, 'the finished artifacts are reused');
  assert.equal(summary.rebuilt.length + summary.reused, 9);
  assert.deepEqual(
    readdirSync(output).filter((name) => name.startsWith('.')),
    [],
    'the killed build’s staging folder or lock is left',
  );
  const clean = await cli(['build', '--no-cache', '--out', 'clean', '--quiet'], { cwd: folder });
  assert.equal(clean.status, 0, clean.stderr);
  const built = snapshot(path.join(folder, 'output'), false);
  const expected = snapshot(path.join(folder, 'clean'), false);
  for (const [name, bytes] of expected) if (!isReport(name)) assert.deepEqual(built.get(name), bytes, name);
  assert.equal(readFileSync(path.join(folder, 'output/index.html'), 'utf8'), readFileSync(path.join(folder, 'clean/index.html'), 'utf8'));
  rmSync(folder, { recursive: true, force: true });
});

test('a no-op rebuild leaves every document folder in place, and puts back one a reader changed', async () => {
  const folder = threeDocumentProject();
  const config = await projectConfig(folder);
  const cache = path.join(folder, 'cache');
  await build(config, { cache });
  const before = snapshot(config.out, false);
  const folderIds = () => new Map(['a-full', 'b-full', 'c-no-japarov'].map((slug) => [slug, statSync(path.join(config.out, slug)).ino]));
  const first = folderIds();

  // Nothing changed: each document folder is the same directory as before, not a staged copy swapped in.
  const noop = await build(config, { cache });
  assert.deepEqual(noop.report.incremental?.rebuilt, []);
  assert.deepEqual(folderIds(), first);
  assert.ok(
    noop.files.some((file) => file.path === 'a-full/en/index.html'),
    'kept files are listed as outputs',
  );

  // A stray file in one folder; in another a page replaced by a new file (not an edit through the link).
  writeFileSync(path.join(config.out, 'a-full/en/stray.txt'), 'left by a reader');
  const page = path.join(config.out, 'b-full/ru/index.html');
  writeFileSync(`${page}.new`, '<p>replaced</p>');
  renameSync(`${page}.new`, page);
  const repaired = await build(config, { cache });
  assert.deepEqual(repaired.report.incremental?.rebuilt, [], 'the cache is intact: nothing to render');
  const after = folderIds();
  assert.notEqual(after.get('a-full'), first.get('a-full'));
  assert.notEqual(after.get('b-full'), first.get('b-full'));
  assert.equal(after.get('c-no-japarov'), first.get('c-no-japarov'));
  assert.equal(existsSync(path.join(config.out, 'a-full/en/stray.txt')), false);
  const restored = snapshot(config.out, false);
  for (const [name, bytes] of before) if (!isReport(name)) assert.deepEqual(restored.get(name), bytes, name);
  rmSync(folder, { recursive: true, force: true });
});

/** Site-wide files made from the Kyrgyz pages: the site manifest, ky indexes and feed, the ky search index and the search's list of languages. */
function kyrgyzSiteFile(name: string): boolean {
  return name === 'site.json' || /^[^/]*\.ky\./.test(name) || /^pagefind\/(pagefind-entry\.json$|(.*\/)?(pagefind\.)?ky_)/.test(name);
}

/** The build's own report and dashboard carry timings and glossary listings, not artifacts. */
function isReport(name: string): boolean {
  return name === 'report.json' || name.startsWith('report/');
}
