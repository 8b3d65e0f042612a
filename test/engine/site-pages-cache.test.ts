// The site-wide files (indexes, speaker and place pages, feeds, robots, sitemap) are taken from the artifact
// cache on a no-op rebuild, and made again, equal to a fresh build's, when the UI strings or a document change.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../pipeline/build.ts';
import { repo, snapshot } from '../helpers/cli.ts';
import { projectConfig, threeDocumentProject } from './helpers.ts';

/** Top-level files of the site but the build report (its timings differ from build to build). */
const isSiteFile = (name: string) => !name.includes('/') && name !== 'report.json';

async function fresh(config: Awaited<ReturnType<typeof projectConfig>>): Promise<Map<string, Buffer>> {
  const clean = await build(config, { write: false });
  return new Map(clean.files.filter((file) => isSiteFile(file.path)).map((file) => [file.path, Buffer.from(file.contents)]));
}

const written = (out: string) => new Map([...snapshot(out, false)].filter(([name]) => isSiteFile(name)));

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
    await build(config, { cache });
    const first = written(config.out);
    assert.ok(first.has('index.en.html') && first.has('feed.ky.xml') && first.has('robots.txt'));
    assert.deepEqual(first, await fresh(config));
    const stored = statSync(entry).mtimeMs;

    const noop = await build(config, { cache });
    assert.deepEqual(noop.report.incremental?.rebuilt, []);
    assert.equal(statSync(entry).mtimeMs, stored, 'a no-op rebuild takes the site files from the cache');
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
    assert.match(readFileSync(path.join(config.out, 'index.en.html'), 'utf8'), /datetime="2025-11-29"/);
    assert.deepEqual(written(config.out), await fresh(config));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
