import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../pipeline/build.ts';
import type { PipelineConfig } from '../../pipeline/config/defaults.ts';
import { normalizeConfig } from '../../pipeline/config/load.ts';
import { slugify, unsafeOutputPath } from '../../pipeline/emit/slug.ts';
import { repo } from '../helpers/cli.ts';

const sample = readFileSync(path.join(repo, 'transcripts/2025-11-26-bishkek-press-statements.txt'), 'utf8');

/** A project whose transcripts (copies of the sample) have the given file names; HTML in English only. */
async function projectWith(names: string[]): Promise<{ folder: string; config: PipelineConfig }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-slug-'));
  mkdirSync(path.join(folder, 'transcripts'));
  for (const name of names) writeFileSync(path.join(folder, 'transcripts', name), sample);
  const config = await normalizeConfig(
    { inputs: ['transcripts'], locales: ['en'], formats: ['html'], catalogs: path.join(repo, 'locales'), out: 'output' },
    folder,
  );
  return { folder, config };
}

test('Cyrillic file names built together keep distinct slugs that say what the file is', async () => {
  const { folder, config } = await projectWith(['заявления-бишкек.txt', 'переговоры-москва.txt']);
  try {
    const result = await build(config, { write: false });
    const slugs = result.report.documents.map((document) => document.slug).sort();
    assert.deepEqual(slugs, ['peregovory-moskva', 'zayavleniya-bishkek']);
    for (const slug of slugs)
      assert.ok(
        result.files.some((file) => file.path === `${slug}/en/index.html`),
        `${slug} has a page`,
      );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('Kyrgyz letters ң, ө, ү are transliterated, not dropped', () => {
  assert.equal(slugify('Жогорку Кеңеш өкмөтү үчүн.txt'), 'zhogorku-kengesh-okmotu-uchun');
  assert.equal(slugify('ҢӨҮ.txt'), 'ngou');
});

test('names in a script without transliteration stay apart, and every slug is a safe path', () => {
  const [first, second] = [slugify('新闻发布会.txt'), slugify('记者会.txt')];
  assert.match(first, /^transcript-[0-9a-f]{8}$/);
  assert.notEqual(first, second);
  for (const name of ['заявления-бишкек.txt', 'Кеңеш.txt', '..', 'CON.txt', 'ком1.txt', `${'ө'.repeat(300)}.txt`]) {
    const slug = slugify(name);
    assert.equal(unsafeOutputPath(`${slug}/en/${slug}.en.epub`), undefined, `${name} → ${slug}`);
    assert.ok(slug.length <= 80, `${name} → ${slug}`);
  }
});

test('two transcripts with one output name are refused, naming both files', async () => {
  // Different bytes, one transliteration: Москва and moskva are the same folder name.
  const { folder, config } = await projectWith(['Москва.txt', 'moskva.txt']);
  try {
    await assert.rejects(build(config, { write: false }), (error: Error) => {
      assert.match(error.message, /output name “moskva”/);
      assert.match(error.message, /transcripts\/Москва\.txt/);
      assert.match(error.message, /transcripts\/moskva\.txt/);
      return true;
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
