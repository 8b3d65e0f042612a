// Question and remark turns belong to nobody: their label is the reader's language's word from the UI strings
// (not the source's, not marked as a foreign word), and they are never an author of the e-book.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from '../pipeline/build.ts';
import { normalizeConfig } from '../pipeline/config/load.ts';
import { zipEntries } from './helpers/zip-entries.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-roles-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('question and remark turns print the locale’s word and are no dc:creator; the named speaker is', async () => {
  mkdirSync(path.join(scratch, 'transcripts'), { recursive: true });
  writeFileSync(
    path.join(scratch, 'transcripts', 'briefing.txt'),
    [
      'Press conference following the talks',
      'November 3, 2026, Moscow',
      'Minister of Trade Anna Berg: Good afternoon. We signed three agreements today.',
      'Question: When will the agreements take effect?',
      'Anna Berg: Next spring.',
      'Remark: And the fourth one?',
      'Anna Berg: Next year.',
    ].join('\n\n'),
  );
  const config = await normalizeConfig(
    {
      inputs: ['transcripts'],
      locales: ['en', 'ru'],
      formats: ['html', 'epub'],
      out: 'output',
      catalogs: path.join(repo, 'locales'),
      onMissing: 'keep-source',
    },
    scratch,
  );
  const result = await build(config, { write: false, concurrency: 1 });
  const file = (name: string) => {
    const found = result.files.find((output) => output.path === name);
    assert.ok(found, `no ${name} among ${result.files.map((output) => output.path).join(', ')}`);
    return Buffer.from(found.contents);
  };
  const labels = (html: string) =>
    [...html.matchAll(/<h2 class="speaker"[^>]*>([\s\S]*?)<\/h2>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '').trim());
  const ruPage = file('briefing/ru/index.html').toString('utf8');
  const ru = labels(ruPage);
  assert.ok(ru.includes('Вопрос') && ru.includes('Реплика'), `ru labels: ${ru.join(' | ')}`);
  assert.doesNotMatch(ruPage, /<[^>]+lang="en"[^>]*>\s*(?:Question|Remark)\s*</, 'a generic role is printed in English on the ru page');
  const en = labels(file('briefing/en/index.html').toString('utf8'));
  assert.ok(en.includes('Question') && en.includes('Remark'), `en labels: ${en.join(' | ')}`);

  const epub = result.files.find((output) => output.path.startsWith('briefing/en/') && output.path.endsWith('.epub'));
  assert.ok(epub, 'no en EPUB');
  const opf = zipEntries(Buffer.from(epub.contents))
    .find((entry) => entry.name.endsWith('.opf'))!
    .read()
    .toString('utf8');
  const creators = [...opf.matchAll(/<dc:creator[^>]*>([^<]*)<\/dc:creator>/g)].map((match) => match[1]);
  assert.ok(
    creators.some((creator) => creator?.includes('Anna Berg')),
    `creators: ${creators.join(' | ')}`,
  );
  assert.ok(!creators.some((creator) => /Question|Remark/.test(creator ?? '')), `creators: ${creators.join(' | ')}`);
});
