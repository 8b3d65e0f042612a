// The site-wide files (indexes, speaker and place pages, feeds, robots, sitemap) are taken from the artifact
// cache on a no-op rebuild, and made again, equal to a fresh build's, when the UI strings or a document change;
// so is the search index, whose key is made from the pages' stamps.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../pipeline/build.ts';
import { sha256 } from '../../pipeline/engine/cache.ts';
import { MemorySink } from '../../pipeline/engine/sink.ts';
import { PageRecorder } from '../../pipeline/site/search.ts';
import { repo, snapshot } from '../helpers/cli.ts';
import { projectConfig, threeDocumentProject } from './helpers.ts';

/** Top-level files of the site but the build report (its timings differ from build to build). */
const isSiteFile = (name: string) => !name.includes('/') && name !== 'report.json';

async function fresh(config: Awaited<ReturnType<typeof projectConfig>>): Promise<Map<string, Buffer>> {
  const clean = await build(config, { write: false });
  return new Map(clean.files.filter((file) => isSiteFile(file.path)).map((file) => [file.path, Buffer.from(file.contents)]));
}

const written = (out: string) => new Map([...snapshot(out, false)].filter(([name]) => isSiteFile(name)));

test("a page's stamp is its bytes' hash when made now, else its file's size, time and inode, which change when it is rewritten", async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-stamp-'));
  try {
    const recorder = new PageRecorder(new MemorySink(), folder);
    const name = 'doc/en/index.html';
    assert.equal(await recorder.stamp(name), undefined, 'no page, no stamp');
    mkdirSync(path.join(folder, 'doc/en'), { recursive: true });
    writeFileSync(path.join(folder, name), '<p>one</p>');
    const first = await recorder.stamp(name);
    assert.ok(first);
    writeFileSync(path.join(folder, name), '<p>two</p>');
    utimesSync(path.join(folder, name), new Date(0), new Date(1000));
    assert.notEqual(await recorder.stamp(name), first);
    await recorder.write({ path: name, contents: new TextEncoder().encode('<p>three</p>') });
    assert.equal(await recorder.stamp(name), sha256(new TextEncoder().encode('<p>three</p>')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('should take the site files from the cache only while nothing they show changed, and equal a fresh build every time', async () => {
  const folder = threeDocumentProject();
  try {
    // UI catalogs of the project's own, to edit.
    cpSync(path.join(repo, 'locales'), path.join(folder, 'catalogs'), {
      recursive: true,
      filter: (name) => !name.endsWith('.tmx') && !name.endsWith('.tbx'),
    });
    const configFile = path.join(folder, 'pressroom.config.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), catalogs: 'catalogs' }));
    const config = await projectConfig(folder);
    const cache = path.join(folder, 'cache');
    const entry = path.join(cache, '.site/pages/entry.json');
    // The search index's key is made from the pages' file stamps (PageRecorder.stamp), not their bytes.
    const searchEntry = path.join(cache, '.site/search/entry.json');
    await build(config, { cache });
    const first = written(config.out);
    assert.ok(first.has('index.en.html') && first.has('feed.ky.xml') && first.has('robots.txt'));
    assert.deepEqual(first, await fresh(config));
    const stored = statSync(entry).mtimeMs;
    const indexed = statSync(searchEntry).mtimeMs;

    const noop = await build(config, { cache });
    assert.deepEqual(noop.report.incremental?.rebuilt, []);
    assert.equal(statSync(entry).mtimeMs, stored, 'a no-op rebuild takes the site files from the cache');
    assert.equal(statSync(searchEntry).mtimeMs, indexed, 'a no-op rebuild takes the search index from the cache');
    assert.deepEqual(written(config.out), first);
    assert.ok(
      noop.messages.some((message) => message.ruleId === 'site:no-url'),
      'the missing site.url is still reported',
    );

    // A UI string of the index, then a document's date: each makes the site files again, as a fresh build would.
    const catalog = path.join(folder, 'catalogs/en/ui.json');
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('"Published transcripts"', '"Transcripts of the press office"'));
    await build(config, { cache });
    assert.notEqual(statSync(entry).mtimeMs, stored);
    assert.match(readFileSync(path.join(config.out, 'index.en.html'), 'utf8'), /<h1>Transcripts of the press office<\/h1>/);
    assert.deepEqual(written(config.out), await fresh(config));
    const remade = statSync(entry).mtimeMs;
    const transcript = path.join(folder, 'transcripts/c-no-japarov.txt');
    writeFileSync(transcript, readFileSync(transcript, 'utf8').replace('November 26, 2025', 'November 29, 2025'));
    await build(config, { cache });
    assert.notEqual(statSync(entry).mtimeMs, remade);
    assert.notEqual(statSync(searchEntry).mtimeMs, indexed, 'a page that changed is indexed again');
    assert.match(readFileSync(path.join(config.out, 'index.en.html'), 'utf8'), /datetime="2025-11-29"/);
    assert.deepEqual(written(config.out), await fresh(config));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
