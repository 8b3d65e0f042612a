// Issue 20 item 1: a no-op rebuild reads neither the memories nor the glossary (loaded on the first artifact
// that is not a quick hit), and a reused artifact's segments are kept apart from its cache entry (heavy.json),
// read only when the translation dashboard is made again. Each shortcut must still rebuild exactly what an
// input change or a damaged cache calls for, and give what a build without a cache gives.
import assert from 'node:assert/strict';
import fs, { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { build } from '../../pipeline/build.ts';
import type { PipelineConfig } from '../../pipeline/config/defaults.ts';
import { observedBuild as watchedBuild } from '../helpers/observed-build.ts';
import { snapshot } from '../helpers/cli.ts';
import { editConceptTerm, projectConfig, threeDocumentProject } from './helpers.ts';

const folder = threeDocumentProject();
after(() => rmSync(folder, { recursive: true, force: true }));
const cache = path.join(folder, 'cache');
const tbx = path.join(folder, 'locales/glossary.tbx');
const memories = ['ru', 'ky'].map((lng) => path.join(folder, 'locales', lng, 'memory.tmx'));
const resources = [tbx, ...memories];

// A second unit for a source the ru memory already translates: loading the memory reports tm:conflict.
const ruMemory = readFileSync(memories[0]!, 'utf8');
const firstUnit = /<tu [\s\S]*?<\/tu>/.exec(ruMemory)![0];
writeFileSync(
  memories[0]!,
  ruMemory.replace(
    '</body>',
    `${firstUnit.replace(/tuid="[^"]*"/, 'tuid="duplicate"').replace(/(<tuv xml:lang="ru"><seg>)/, '$1Иначе: ')}\n</body>`,
  ),
);

/** Builds with the cache: how often each memory and glossary file was read, and which documents were normalised. */
async function observedBuild(config: PipelineConfig) {
  const { result, reads, normalised } = await watchedBuild(config, resources, { cache });
  return { ...result, reads: resources.map((file) => reads.get(file) ?? 0), normalised };
}

/** Every output file a build without any cache makes, against the output folder. */
async function assertSameAsFresh(config: PipelineConfig, what: string): Promise<void> {
  const fresh = await build(config, { write: false });
  const built = snapshot(config.out, false);
  for (const file of fresh.files) {
    if (file.path === 'report.json') continue;
    assert.ok(built.get(file.path)?.equals(Buffer.from(file.contents)), `${what}: ${file.path} differs from a build without a cache`);
  }
}

const ruleIds = (messages: readonly { ruleId?: string | null }[]) => messages.map((message) => message.ruleId ?? '').sort();

let config: PipelineConfig;

test('a no-op rebuild reads no memory or glossary, and reports what loading them reported', async () => {
  config = await projectConfig(folder);
  const first = await observedBuild(config);
  assert.equal(first.report.incremental?.rebuilt.length, 9);
  // Once hashed for the quick keys (engine/site-cache.ts), once loaded; the memories once more by the
  // dashboard's XLIFF suggestions (xliff/suggest.ts).
  assert.deepEqual(first.reads, [2, 3, 3]);
  assert.ok(
    first.messages.some((message) => message.ruleId === 'tm:conflict'),
    'loading the memory reports the second unit',
  );

  const noop = await observedBuild(config);
  assert.deepEqual(noop.report.incremental?.rebuilt, []);
  assert.deepEqual(noop.reads, [1, 1, 1], 'hashed only');
  assert.deepEqual(noop.normalised, []);
  assert.deepEqual(ruleIds(noop.messages), ruleIds(first.messages));
  // As report.json and the CLI give them (a recorded message is JSON: no undefined fields).
  const conflicts = (messages: typeof first.messages) => JSON.stringify(messages.filter((message) => message.ruleId === 'tm:conflict'));
  assert.equal(conflicts(noop.messages), conflicts(first.messages));
  await assertSameAsFresh(config, 'no-op');
});

test('a miss after quick hits in the same build loads the resources then, and rebuilds exactly the changed document', async () => {
  assert.ok(config, 'the first test ran');
  const before = await observedBuild(config);
  const transcript = path.join(folder, 'transcripts/c-no-japarov.txt');
  appendFileSync(transcript, '\nPresident of Russia Vladimir Putin: Thank you very much.\n');
  // a-full and b-full come first (slug order, one at a time): their artifacts are quick hits before c's miss.
  const changed = await observedBuild(config);
  assert.deepEqual(changed.report.incremental?.rebuilt.sort(), ['c-no-japarov/en', 'c-no-japarov/ky', 'c-no-japarov/ru']);
  assert.deepEqual(changed.normalised, ['c-no-japarov']);
  assert.deepEqual(changed.reads, [2, 3, 3], 'loaded once, on the miss (and the memories read by the dashboard)');
  // The conflict is reported once, as in a build that loads everything first.
  assert.equal(changed.messages.filter((message) => message.ruleId === 'tm:conflict').length, 1);
  assert.deepEqual(
    ruleIds(changed.messages.filter((message) => !message.file?.includes('c-no-japarov'))),
    ruleIds(before.messages.filter((message) => !message.file?.includes('c-no-japarov'))),
  );
  await assertSameAsFresh(config, 'one document changed');

  // A glossary edit: every quick key misses, the full keys are computed from the loaded glossary.
  editConceptTerm(tbx, 'c-sadyr-japarov', 'ky', 'Садыр Жапаров (оңдолгон)');
  const edited = await observedBuild(config);
  assert.deepEqual(edited.report.incremental?.rebuilt.sort(), ['a-full/ky', 'b-full/ky']);
  assert.deepEqual(edited.normalised.sort(), ['a-full', 'b-full'], 'only the documents rebuilt are normalised');
  await assertSameAsFresh(config, 'glossary edit');
});

test('a missing or damaged segments file is rebuilt when the dashboard needs it, and a damaged source facts file is made again', async () => {
  assert.ok(config, 'the first test ran');
  await observedBuild(config);
  const dashboard = () => new Map([...snapshot(path.join(config.out, 'report'), false)]);
  const intact = dashboard();
  writeFileSync(path.join(cache, 'a-full/ru/heavy.json'), '{"segments":');
  rmSync(path.join(cache, 'b-full/ky/heavy.json'));
  // Valid JSON of the recorded size but not the recorded bytes: refused by its hash.
  const sourceFacts = path.join(cache, 'a-full/_source/heavy.json');
  const facts = readFileSync(sourceFacts, 'utf8');
  writeFileSync(sourceFacts, facts.replace(/"[^"]{3}"/, '"xxx"'));
  assert.equal(readFileSync(sourceFacts).byteLength, Buffer.byteLength(facts));

  // Nothing changed: the dashboard comes from the cache and no segments are read, so nothing is rebuilt.
  const noop = await observedBuild(config);
  assert.deepEqual(noop.report.incremental?.rebuilt, []);
  assert.deepEqual(dashboard(), intact);

  // A document changes: the dashboard is made again, and the two artifacts without their segments are rebuilt.
  appendFileSync(path.join(folder, 'transcripts/c-no-japarov.txt'), '\nPresident of Russia Vladimir Putin: Goodbye.\n');
  const changed = await observedBuild(config);
  assert.deepEqual(changed.report.incremental?.rebuilt.sort(), [
    'a-full/ru',
    'b-full/ky',
    'c-no-japarov/en',
    'c-no-japarov/ky',
    'c-no-japarov/ru',
  ]);
  await assertSameAsFresh(config, 'segments rebuilt');
  const fresh = await build(config, { write: false });
  for (const file of fresh.files.filter((file) => file.path.startsWith('report/')))
    assert.ok(dashboard().get(file.path.slice('report/'.length))?.equals(Buffer.from(file.contents)), `${file.path} differs`);

  // A change that needs a-full's full keys: its source facts are made again from the transcript, not read damaged.
  editConceptTerm(tbx, 'c-sadyr-japarov', 'ky', 'Садыр Жапаров (экинчи)');
  const edited = await observedBuild(config);
  assert.deepEqual(edited.report.incremental?.rebuilt.sort(), ['a-full/ky', 'b-full/ky']);
  await assertSameAsFresh(config, 'damaged source facts');
});

test('a no-op rebuild keeps the search bundle and the dashboard folders in place, and puts back one a reader changed', async () => {
  assert.ok(config, 'the first test ran');
  await observedBuild(config);
  const ids = () => new Map(['pagefind', 'report'].map((name) => [name, fs.statSync(path.join(config.out, name)).ino]));
  const first = ids();
  const noop = await observedBuild(config);
  assert.deepEqual(noop.report.incremental?.rebuilt, []);
  assert.deepEqual(ids(), first, 'the same folders, not staged copies swapped in');
  assert.ok(
    noop.files.some((file) => file.path === 'report/index.html'),
    'kept files are listed as outputs',
  );

  writeFileSync(path.join(config.out, 'pagefind/stray.txt'), 'left by a reader');
  await observedBuild(config);
  assert.notEqual(ids().get('pagefind'), first.get('pagefind'));
  assert.equal(ids().get('report'), first.get('report'));
  assert.equal(fs.existsSync(path.join(config.out, 'pagefind/stray.txt')), false);
  await assertSameAsFresh(config, 'stray file removed');
});
