import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentReport } from '../../pipeline/build.ts';
import { formatTermReport, localeTermUses, termReport } from '../../pipeline/report/glossary-report.ts';

const change = (segment: string, replaced: number, kept: boolean, deprecated = 'Киргизия') => ({
  concept: 'kg',
  deprecated,
  term: 'Кыргызстан',
  replaced,
  kept,
  forms: kept ? ['Киргизии'] : [],
  segment,
});

const locale = (name: string, changes: ReturnType<typeof change>[]) => ({
  locale: name,
  title: '',
  segments: 0,
  published: 0,
  marked: 0,
  termsFound: 0,
  files: [],
  glossary: localeTermUses(changes),
});

test('should list per concept and locale the documents and segments a glossary edit touched, over several documents', () => {
  const documents: DocumentReport[] = [
    {
      file: 'a.txt',
      slug: 'a',
      locales: [locale('ru', [change('s1', 1, false), change('s2', 0, true), change('s2', 1, false, 'Киргизстан')])],
    },
    { file: 'b.txt', slug: 'b', locales: [locale('ru', [change('s9', 2, false)]), locale('ky', [change('s9', 0, true)])] },
  ];
  // One segment with two deprecated terms of the same concept is one entry, its counts summed.
  assert.deepEqual(documents[0]!.locales[0]!.glossary![0]!.segments, [
    { segment: 's1', replaced: 1, kept: false },
    { segment: 's2', replaced: 1, kept: true },
  ]);
  const [ky, ru] = termReport(documents);
  assert.deepEqual(ru, {
    concept: 'kg',
    locale: 'ru',
    term: 'Кыргызстан',
    deprecated: ['Киргизия', 'Киргизстан'],
    documents: ['a', 'b'],
    replaced: 4,
    kept: 1,
    segments: [
      { document: 'a', segment: 's1', replaced: 1, kept: false },
      { document: 'a', segment: 's2', replaced: 1, kept: true },
      { document: 'b', segment: 's9', replaced: 2, kept: false },
    ],
  });
  assert.equal(ky!.documents.length, 1);
  assert.equal(
    formatTermReport(ru!),
    'ru    “Киргизия”, “Киргизстан” → “Кыргызстан”: replaced in 3 segments, kept in 1 segment (a form the glossary does not give; stale, export them for a translator); 2 documents (kg)',
  );
});
