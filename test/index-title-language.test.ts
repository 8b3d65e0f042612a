// A title the memory cannot translate is published in the source's language; wherever the site shows it
// (the document's page, every index page, the feed), it is marked with that language.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../pipeline/build.ts';
import { normalizeConfig, readConfigFile } from '../pipeline/config/load.ts';
import { copySample, removeUnits } from './helpers/project.ts';

const SLUG = '2025-11-26-bishkek-press-statements';

test('an untranslated title is marked with its language on the page, in the index and in the feed', async () => {
  const project = copySample('pressroom-title-lang-');
  try {
    // The ky memory's first unit is the title's.
    const [title] = [...removeUnits(project, 'ky', [0]).keys()];
    assert.ok(title?.startsWith('Press statements'), `the removed unit is the title's, not “${title}”`);
    const raw = await readConfigFile(path.join(project, 'pressroom.config.json'));
    const config = await normalizeConfig({ ...raw, inputs: [`transcripts/${SLUG}.txt`], formats: ['html'] }, project);
    const { files } = await build(config, { write: false, cache: false });
    const text = (name: string) => Buffer.from(files.find((file) => file.path === name)!.contents).toString('utf8');
    assert.match(text(`${SLUG}/ky/index.html`), new RegExp(`<title lang="en">${title}</title>`));
    for (const index of files.map((file) => file.path).filter((name) => /^index\.ky(\.[a-z.-]+)?\.html$/.test(name))) {
      const link = new RegExp(`<a href="${SLUG}/ky/index\\.html"([^>]*)>${title}</a>`).exec(text(index));
      if (link) assert.match(link[1]!, /lang="en"/, `${index}: the title's link is not marked`);
    }
    assert.match(text('index.ky.html'), new RegExp(`<a href="${SLUG}/ky/index\\.html"[^>]*lang="en"[^>]*>${title}</a>`));
    assert.match(text('feed.ky.xml'), new RegExp(`<title xml:lang="en">${title}</title>`));
    // The translated titles stay unmarked: the ru index links the Russian title in Russian.
    assert.doesNotMatch(text('index.ru.html'), new RegExp(`<a href="${SLUG}/ru/index\\.html"[^>]*lang=`));
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
