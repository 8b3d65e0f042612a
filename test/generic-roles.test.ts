// Question and remark turns belong to nobody: their label is the reader's language's word from the UI strings
// (not the source's, not marked as a foreign word), and they are never an author of the e-book.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTranscripts } from './helpers/project.ts';
import { zipEntries } from './helpers/zip-entries.ts';

test('question and remark turns print the locale’s word and are no dc:creator; the named speaker is', async () => {
  const transcript = [
    'Press conference following the talks',
    'November 3, 2026, Moscow',
    'Minister of Trade Anna Berg: Good afternoon. We signed three agreements today.',
    'Question: When will the agreements take effect?',
    'Anna Berg: Next spring.',
    'Remark: And the fourth one?',
    'Anna Berg: Next year.',
  ].join('\n\n');
  const { file, names } = await buildTranscripts({ 'briefing.txt': transcript }, { locales: ['en', 'ru'], formats: ['html', 'epub'] });
  const labels = (html: string) =>
    [...html.matchAll(/<h2 class="speaker"[^>]*>([\s\S]*?)<\/h2>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '').trim());
  const ruPage = file('briefing/ru/index.html').toString('utf8');
  const ru = labels(ruPage);
  assert.ok(ru.includes('Вопрос') && ru.includes('Реплика'), `ru labels: ${ru.join(' | ')}`);
  assert.doesNotMatch(ruPage, /<[^>]+lang="en"[^>]*>\s*(?:Question|Remark)\s*</, 'a generic role is printed in English on the ru page');
  const en = labels(file('briefing/en/index.html').toString('utf8'));
  assert.ok(en.includes('Question') && en.includes('Remark'), `en labels: ${en.join(' | ')}`);

  const epub = names.find((name) => name.startsWith('briefing/en/') && name.endsWith('.epub'));
  assert.ok(epub, `no en EPUB among ${names.join(', ')}`);
  const opf = zipEntries(file(epub))
    .find((entry) => entry.name.endsWith('.opf'))!
    .read()
    .toString('utf8');
  const creators = [...opf.matchAll(/<dc:creator[^>]*>([^<]*)<\/dc:creator>/g)].map((match) => match[1] ?? '');
  assert.ok(
    creators.some((creator) => creator.includes('Anna Berg')),
    `creators: ${creators.join(' | ')}`,
  );
  assert.ok(!creators.some((creator) => /Question|Remark/.test(creator)), `creators: ${creators.join(' | ')}`);
});
