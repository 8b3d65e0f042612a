import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSegmentTerms } from '../../pipeline/glossary/check.ts';
import { checkTerms } from '../../pipeline/report/term-check.ts';
import { parseGlossaryCsv } from '../../pipeline/glossary/csv.ts';
import { Glossary } from '../../pipeline/glossary/glossary.ts';
import { compileTerm, matchAt, wordsOf } from '../../pipeline/glossary/match.ts';
import { parseTbx } from '../../pipeline/glossary/tbx.ts';
import type { Concept } from '../../pipeline/glossary/types.ts';

const matches = (text: string, term: string, lang: string, termType?: string) => {
  const words = wordsOf(text, lang);
  const pattern = compileTerm(term, lang, termType);
  return words.some((_, at) => matchAt(words, at, pattern) >= 0);
};

test('should match Cyrillic terms at Unicode word boundaries, where \\b never fires', () => {
  assert.equal(/\bмир\b/u.test('в мир!'), false, 'the JavaScript pitfall this guards against');
  assert.equal(matches('в мир!', 'мир', 'ru'), true);
  assert.equal(matches('мировой рынок', 'мир', 'ru'), false, 'a longer word is not a form of a short one');
  assert.equal(matches('Ко\u00adмиссия', 'комиссия', 'ru'), true, 'soft hyphens are not letters of the word');
  assert.equal(matches('ещё', 'еще', 'ru'), true, 'ё folds to е');
});

test('should match Russian and Kyrgyz inflections by prefix, stem and marker', () => {
  for (const form of ['Кыргызстан', 'Кыргызстана', 'Кыргызстану', 'Кыргызстане', 'Кыргызстаном'])
    assert.equal(matches(`в ${form} сегодня`, 'Кыргызстан', 'ru'), true, form);
  // Snowball carries what the prefix rule cannot: Азия → Азии, Центральная → Центральной.
  assert.equal(matches('в Центральной Азии', 'Центральная Азия', 'ru'), true);
  assert.equal(matches('Садыра Жапарова', 'Садыр Жапаров', 'ru'), true);
  // Kyrgyz has no stemmer: the prefix rule with case suffixes.
  for (const form of ['Кыргызстандын', 'Кыргызстанга', 'Кыргызстанда', 'Кыргызстандан'])
    assert.equal(matches(form, 'Кыргызстан', 'ky'), true, form);
  assert.equal(matches('Оштон', 'Ош', 'ky'), true);
  assert.equal(matches('Ошибка', 'Ош', 'ru'), false, 'an ending longer than the rule allows');
  // The consonant alternation китеп → китеби needs the explicit stem: memoQ's marker.
  assert.equal(matches('китеби', 'китеп', 'ky'), false);
  assert.equal(matches('китеби', 'кита|', 'ky'), false);
  assert.equal(matches('китеби', 'ките|', 'ky'), true);
  // English by Snowball stem: plurals yes, Russia → Russian no.
  assert.equal(matches('two programmes', 'programme', 'en'), true);
  assert.equal(matches('Russian universities', 'Russia', 'en'), false);
});

test('should match acronyms in exact case, with a Kyrgyz case ending allowed', () => {
  assert.equal(matches('КМШнын саммити', 'КМШ', 'ky'), true);
  assert.equal(matches('в рамках ЕАЭС', 'ЕАЭС', 'ru'), true);
  assert.equal(matches('the csto said', 'CSTO', 'en'), false);
  assert.equal(matches('US dollars', 'us', 'en', 'abbreviation'), false);
});

const glossary = new Glossary(
  parseGlossaryCsv(
    [
      'id,en,ru,ky',
      'kg,Kyrgyzstan,Кыргызстан|!Киргизия|!Киргизстан,Кыргызстан|!Киргизия',
      'kr,Kyrgyz Republic,Кыргызская Республика,Кыргыз Республикасы',
      'pkr,President of the Kyrgyz Republic,Президент Кыргызской Республики,Кыргыз Республикасынын Президенти',
      'cis,CIS,СНГ,КМШ',
    ].join('\n'),
    'g.csv',
  ),
);

test('should find the longest term first, without overlaps', () => {
  const hits = glossary.find('President of the Kyrgyz Republic Sadyr Japarov met CIS leaders in the Kyrgyz Republic.', 'en');
  assert.deepEqual(
    hits.map((hit) => [hit.concept.id, hit.text]),
    [
      ['pkr', 'President of the Kyrgyz Republic'],
      ['cis', 'CIS'],
      ['kr', 'Kyrgyz Republic'],
    ],
  );
});

test('should report a missing approved term, a count mismatch and a deprecated term, with the expected form', () => {
  const check = (source: string, target: string, targetLang = 'ru') =>
    checkSegmentTerms(glossary, { source, target, sourceLang: 'en', targetLang }).map((v) => [v.rule, v.concept, v.message]);
  assert.deepEqual(check('Kyrgyzstan and the CIS.', 'Кыргызстан и СНГ.'), []);
  assert.deepEqual(check('Kyrgyzstan and the CIS.', 'Кыргызстан и Содружество.'), [
    ['term:missing', 'cis', 'Unexpected translation of “CIS” without “СНГ”, expected the glossary term'],
  ]);
  assert.deepEqual(check('Kyrgyzstan helps Kyrgyzstan.', 'Кыргызстан помогает себе.'), [
    ['term:count', 'kg', 'Unexpected 1 of “Кыргызстан” for 2 of “Kyrgyzstan” in the source, expected one per occurrence'],
  ]);
  // Forbidden whatever the source says, in any inflection; reported once, not also as missing.
  assert.deepEqual(check('Kyrgyzstan grows.', 'Экономика Киргизии растёт.'), [
    ['term:deprecated', 'kg', 'Unexpected deprecated term “Киргизия”, expected “Кыргызстан”'],
  ]);
  assert.deepEqual(check('The economy grows.', 'Киргизиянын экономикасы өсүүдө.', 'ky'), [
    ['term:deprecated', 'kg', 'Unexpected deprecated term “Киргизия”, expected “Кыргызстан”'],
  ]);
});

test('should read the stem marker from a TBX term and keep it out of the published text', () => {
  const tbx = `<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="book"><langSec xml:lang="en"><termSec><term>book</term></termSec></langSec>
<langSec xml:lang="ky"><termSec><term>ките|</term></termSec></langSec></conceptEntry></body></text></tbx>`;
  const concepts: Concept[] = parseTbx(tbx, 'g.tbx');
  const withMarker = new Glossary(concepts);
  assert.equal(withMarker.concepts[0]!.terms.get('ky')![0]!.text, 'ките');
  assert.deepEqual(checkSegmentTerms(withMarker, { source: 'A book.', target: 'Бул китеби.', sourceLang: 'en', targetLang: 'ky' }), []);
  assert.equal(withMarker.translate('book', 'en', ['ky'])?.text, 'ките');
});

test('should report one source sentence translated two ways in two documents, at the second', () => {
  const segment = (id: string, source: string, target: string, lang: string, line: number) => ({
    type: 'segment' as const,
    id,
    source,
    status: 'exact' as const,
    lang,
    children: [{ type: 'text' as const, value: target }],
    position: { start: { line, column: 1 }, end: { line, column: 10 } },
  });
  const doc = (slug: string, target: string, line: number) => ({
    file: { path: `transcripts/${slug}.txt`, slug },
    locale: 'ru',
    title: slug,
    date: null,
    segments: [
      {
        position: 1,
        source: segment('s1', 'Thank you.', 'Thank you.', 'en', line),
        translated: segment('s1', 'Thank you.', target, 'ru', line),
        speaker: undefined,
      },
    ],
  });
  const problems = checkTerms([doc('a', 'Спасибо.', 3), doc('b', 'Благодарю вас.', 7), doc('c', 'Спасибо.', 9)], glossary, 'en');
  assert.deepEqual(
    problems.map((problem) => [problem.rule, problem.file, problem.line, problem.message]),
    [
      [
        'term:inconsistent',
        'transcripts/b.txt',
        7,
        'Unexpected second translation of the same sentence, expected the one used in a: “Спасибо.”',
      ],
    ],
  );
});
