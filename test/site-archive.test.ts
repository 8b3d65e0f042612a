// The output folder is the archive: documents of earlier builds stay on disk and in every index, a rebuild
// replaces its own entry, `pressroom remove` takes documents out everywhere, and site.json (the manifest)
// always agrees with the folders and the indexes. Real writes into temporary folders, in process.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { MANIFEST_NAME, type SiteManifest } from '../pipeline/site/archive.ts';
import { cli, repo } from './helpers/cli.ts';

const LOCALES = ['en', 'ru'];
const SPEAKERS = ['Aibek Usenov', 'Dinara Kemelova', 'Mirlan Asanov'];

interface Doc {
  day: number;
  month: number;
  year: number;
  speaker: number;
  place: string;
  title: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A transcript of a few lines the normaliser reads: headline, dateline, one speaker's turn. */
const transcript = (doc: Doc) =>
  `${doc.title}\n\n${MONTHS[doc.month - 1]} ${doc.day}, ${doc.year}, ${doc.place}\n\n` +
  `Minister of Water Resources ${SPEAKERS[doc.speaker]}: We opened the canal today. It carries water to the valley.\n`;

// Removed at the end, not after each test: the search's Pagefind service, shared by every build in the
// process, panics when the folder it was started from (the first build's working folder) is gone.
const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function project(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-archive-'));
  folders.push(folder);
  mkdirSync(path.join(folder, 't'));
  writeFileSync(
    path.join(folder, 'pressroom.config.json'),
    JSON.stringify({
      inputs: ['t'],
      locales: LOCALES,
      formats: ['html'],
      out: 'site',
      catalogs: path.join(repo, 'locales'),
      onMissing: 'keep-source',
    }),
  );
  return folder;
}

async function buildDoc(folder: string, slug: string, doc: Doc) {
  writeFileSync(path.join(folder, 't', `${slug}.txt`), transcript(doc));
  const run = await cli(['build', `t/${slug}.txt`, '--no-cache', '--quiet', '--concurrency', '1'], { cwd: folder });
  assert.equal(run.status, 0, run.stderr);
  return run;
}

const read = (folder: string, name: string) => readFileSync(path.join(folder, 'site', name), 'utf8');
const manifest = (folder: string) => JSON.parse(read(folder, MANIFEST_NAME)) as SiteManifest;
/** The documents an index page lists: its articles' ids. */
const listed = (html: string) => [...html.matchAll(/<article class="document" id="([^"]+)"/g)].map((match) => match[1]!).sort();
/** Top-level folders laid out as a document: <slug>/<locale>/index.html. */
const onDisk = (folder: string) =>
  readdirSync(path.join(folder, 'site'))
    .filter((name) => LOCALES.some((locale) => existsSync(path.join(folder, 'site', name, locale, 'index.html'))))
    .sort();

/** Every locale's index, index.html, the manifest and the folders name the same documents: `expected`. */
function assertConsistent(folder: string, expected: string[]) {
  const want = [...expected].sort();
  assert.deepEqual(onDisk(folder), want, 'document folders on disk');
  assert.deepEqual(
    manifest(folder).documents.map((document) => document.slug),
    want,
    'site.json',
  );
  for (const lang of LOCALES) assert.deepEqual(listed(read(folder, `index.${lang}.html`)), want, `index.${lang}.html`);
  assert.equal(read(folder, 'index.html'), read(folder, `index.${LOCALES[0]}.html`));
  // Filter pages exist for exactly the speakers and places the index links to: none left from removed documents.
  for (const lang of LOCALES) {
    const index = read(folder, `index.${lang}.html`);
    const linked = new Set([...index.matchAll(/href="(index\.[a-z]+\.(?:speaker|place)\.[^"]+)"/g)].map((match) => match[1]!));
    const pages = readdirSync(path.join(folder, 'site')).filter(
      (name) => name.startsWith(`index.${lang}.speaker.`) || name.startsWith(`index.${lang}.place.`),
    );
    assert.deepEqual(pages.sort(), [...linked].sort(), `filter pages of ${lang}`);
  }
}

const doc = (overrides: Partial<Doc> = {}): Doc => ({
  day: 3,
  month: 11,
  year: 2025,
  speaker: 0,
  place: 'Bishkek',
  title: 'Statement on water',
  ...overrides,
});

test('a new transcript built into an existing site joins every index; earlier documents stay on disk untouched', async () => {
  const folder = project();
  await buildDoc(folder, 'first', doc({ day: 1 }));
  const page = path.join(folder, 'site/first/en/index.html');
  const before = { bytes: readFileSync(page), inode: statSync(page).ino };
  const run = await buildDoc(folder, 'second', doc({ day: 2, speaker: 1, place: 'Osh' }));
  assert.match(run.stdout, /Built/);
  assertConsistent(folder, ['first', 'second']);
  assert.deepEqual(readFileSync(page), before.bytes);
  assert.equal(statSync(page).ino, before.inode, 'the earlier document was not rewritten');
  // Newest first, in every locale.
  for (const lang of LOCALES) assert.deepEqual(listed(read(folder, `index.${lang}.html`)).length, 2);
  assert.ok(read(folder, 'index.en.html').indexOf('id="second"') < read(folder, 'index.en.html').indexOf('id="first"'));
  // A rebuild replaces its own entry (a new title and date), and nothing else.
  await buildDoc(folder, 'first', doc({ day: 9, title: 'Revised statement' }));
  assertConsistent(folder, ['first', 'second']);
  const entry = manifest(folder).documents.find((document) => document.slug === 'first')!;
  assert.equal(entry.entries[0]!.title, 'Revised statement');
  assert.equal(entry.entries[0]!.date, '2025-11-09');
  assert.ok(read(folder, 'index.ru.html').indexOf('id="first"') < read(folder, 'index.ru.html').indexOf('id="second"'));
});

test('a damaged site.json stops the build with its name and leaves the site as it was', async () => {
  const folder = project();
  await buildDoc(folder, 'first', doc());
  const index = read(folder, 'index.en.html');
  // A manifest edited by hand: its languages become file names, its links go into every index.
  const entry = (lang: string, href: string) =>
    JSON.stringify({
      version: 1,
      documents: [{ slug: 'a', entries: [{ title: 't', lang, dateline: '', languageName: 'x', page: { href, label: 'p' }, files: [] }] }],
    });
  for (const damage of [
    '{"version":1,"documents":[',
    '{"version":7,"documents":[]}',
    '{"version":1,"documents":[{"slug":"../x","entries":[]}]}',
    entry('../x', 'a/x/index.html'),
    entry('en', 'javascript:alert(1)'),
  ]) {
    writeFileSync(path.join(folder, 'site', MANIFEST_NAME), damage);
    writeFileSync(path.join(folder, 't', 'second.txt'), transcript(doc({ day: 2 })));
    const run = await cli(['build', 't/second.txt', '--no-cache', '--quiet'], { cwd: folder });
    assert.equal(run.status, 1, damage);
    assert.match(run.stderr, /Cannot read the site manifest \S*site\.json/, damage);
    assert.equal(existsSync(path.join(folder, 'site/second')), false, damage);
    assert.equal(read(folder, 'index.en.html'), index, damage);
  }
});

test('a document whose folder was deleted by hand is dropped from the site with a warning', async () => {
  const folder = project();
  await buildDoc(folder, 'first', doc());
  await buildDoc(folder, 'second', doc({ day: 2 }));
  rmSync(path.join(folder, 'site/first'), { recursive: true });
  await buildDoc(folder, 'third', doc({ day: 3 }));
  // --quiet prints errors only: the warning is in the report, against the manifest.
  const report = JSON.parse(read(folder, 'report.json')) as {
    messages: { file: string; reason: string; ruleId: string; severity: string }[];
  };
  const warning = report.messages.find((message) => message.ruleId === 'site:missing-document');
  assert.ok(warning, 'no site:missing-document warning');
  assert.equal(warning.severity, 'warning');
  assert.match(warning.file, /site\.json$/);
  assert.match(warning.reason, /first\//);
  assertConsistent(folder, ['second', 'third']);
});

test('`pressroom remove` takes documents out of folders, manifest and every index; an unknown slug changes nothing', async () => {
  const folder = project();
  for (const [slug, day, speaker] of [
    ['a', 1, 0],
    ['b', 2, 1],
    ['c', 3, 2],
  ] as const)
    await buildDoc(folder, slug, doc({ day, speaker }));
  const unknown = await cli(['remove', 'b', 'nope'], { cwd: folder });
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /Unknown document nope/);
  assert.match(unknown.stderr, /a, b, c/);
  assertConsistent(folder, ['a', 'b', 'c']);
  const removed = await cli(['remove', 'b', 'c'], { cwd: folder });
  assert.equal(removed.status, 0, removed.stderr);
  assert.match(removed.stdout, /Removed b, c .*1 document remains/);
  assertConsistent(folder, ['a']);
  // Nothing left behind: no staging or scratch folder, no lock.
  assert.deepEqual(
    readdirSync(path.join(folder, 'site')).filter((name) => name.startsWith('.')),
    [],
  );
  const usage = await cli(['remove'], { cwd: folder });
  assert.equal(usage.status, 2);
  const missing = await cli(['remove', 'a', '--out', 'nowhere'], { cwd: folder });
  assert.equal(missing.status, 1);
  assert.equal(existsSync(path.join(folder, 'nowhere')), false);
});

test('shards merged by `pressroom index` join the archive of earlier builds', async () => {
  const folder = project();
  await buildDoc(folder, 'old', doc({ day: 1 }));
  for (const [slug, day] of [
    ['new-1', 4],
    ['new-2', 5],
    ['new-3', 6],
  ] as const)
    writeFileSync(path.join(folder, 't', `${slug}.txt`), transcript(doc({ day })));
  for (const k of [1, 2]) {
    const run = await cli(['build', 't/new-1.txt', 't/new-2.txt', 't/new-3.txt', '--no-cache', '--quiet', '--shard', `${k}/2`], {
      cwd: folder,
    });
    assert.equal(run.status, 0, run.stderr);
  }
  const merged = await cli(['index'], { cwd: folder });
  assert.equal(merged.status, 0, merged.stderr);
  assertConsistent(folder, ['new-1', 'new-2', 'new-3', 'old']);
});

type Step = { kind: 'add'; doc: Doc } | { kind: 'rebuild'; pick: number; doc: Doc } | { kind: 'remove'; picks: number[] };

const docArbitrary = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
  year: fc.integer({ min: 2023, max: 2026 }),
  speaker: fc.integer({ min: 0, max: SPEAKERS.length - 1 }),
  place: fc.constantFrom('Bishkek', 'Osh', 'Naryn'),
  title: fc.constantFrom('Statement on water', 'Briefing on roads', 'Remarks at the canal'),
});
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('add' as const), doc: docArbitrary }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('rebuild' as const), pick: fc.nat(), doc: docArbitrary }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) }), weight: 2 },
);

test('property: after any sequence of add, rebuild and remove, every index lists exactly the documents on disk', async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 5 }), async (steps) => {
      runs += 1;
      const folder = project();
      const present: string[] = [];
      let next = 0;
      try {
        for (const step of steps) {
          if (step.kind === 'add') {
            const slug = `doc-${next++}`;
            await buildDoc(folder, slug, step.doc);
            present.push(slug);
          } else if (step.kind === 'rebuild') {
            if (present.length === 0) continue;
            await buildDoc(folder, present[step.pick % present.length]!, step.doc);
          } else {
            if (present.length === 0) continue;
            const slugs = [...new Set(step.picks.map((pick) => present[pick % present.length]!))];
            const run = await cli(['remove', ...slugs], { cwd: folder });
            assert.equal(run.status, 0, run.stderr);
            for (const slug of slugs) present.splice(present.indexOf(slug), 1);
          }
          if (existsSync(path.join(folder, 'site', MANIFEST_NAME))) assertConsistent(folder, present);
        }
      } finally {
        rmSync(path.join(folder, 'site'), { recursive: true, force: true });
      }
    }),
    { numRuns: 30, seed: Number(process.env.SEED ?? 20261204) },
  );
  assert.equal(runs >= 30, true);
});
