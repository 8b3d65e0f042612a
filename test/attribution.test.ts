// Credit where it is due: the config's attribution goes on the transcripts it names, and a `sources` rule
// gives a transcript its own (or none: the press office's own text). Built from the sample's own config, in
// memory: the kremlin.ru transcript is credited to kremlin.ru (CC BY 4.0), the two briefings written for
// the project are credited to nobody.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../pipeline/build.ts';
import { validateConfig, normalizeConfig, readConfigFile } from '../pipeline/config/load.ts';
import { repo } from './helpers/cli.ts';

test('each document page carries the credit of its own source: the config’s, a source rule’s, or none', async () => {
  const raw = await readConfigFile(path.join(repo, 'pressroom.config.json'));
  const config = await normalizeConfig({ ...raw, formats: ['html'], out: 'output' }, repo);
  const { files } = await build(config, { write: false, concurrency: 1 });
  const pages = files.filter((file) => /^[^/]+\/[a-z]{2}\/index\.html$/.test(file.path));
  assert.equal(pages.length, 9, pages.map((file) => file.path).join(', '));
  for (const page of pages) {
    const html = Buffer.from(page.contents).toString('utf8');
    const credited = html.includes('kremlin.ru');
    if (page.path.startsWith('2025-11-26-bishkek-press-statements/'))
      assert.ok(credited && html.includes('CC BY 4.0'), `${page.path} lacks the kremlin.ru credit`);
    else assert.ok(!credited, `${page.path} credits kremlin.ru for a text written for the project`);
  }
});

test('a source rule’s attribution is checked like the config’s, with its place under the key', () => {
  assert.throws(
    () => validateConfig({ sources: [{ match: 'a/**', attribution: { url: 'https://example.org' } }] }, 'p.json'),
    /sources\[0\]\.attribution.*null or \{"source": "…"/s,
  );
  assert.doesNotThrow(() => validateConfig({ sources: [{ match: 'a/**', attribution: null }] }, 'p.json'));
});
