import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGlossaryCsv } from '../../pipeline/glossary/csv.ts';
import { Glossary } from '../../pipeline/glossary/glossary.ts';
import { replaceDeprecated } from '../../pipeline/translate/deprecated-terms.ts';

// Kyrgyzstan after the translator's edit: “Киргизия” deprecated in ru; Bishkek has no ru term to use instead.
const glossary = new Glossary(
  parseGlossaryCsv('id,en,ru\nkg,Kyrgyzstan,Кыргызстан|!Киргизия\nbishkek,Bishkek,!Фрунзе\nkant,Kant,Кант\n', 'g.csv'),
);
const all = new Set(glossary.concepts);

test('should replace the form the glossary gives, keeping a capital at the start of a sentence', () => {
  const { text, terms } = replaceDeprecated('Киргизия и Россия; Россия и Киргизия.', glossary, all, 'ru');
  assert.equal(text, 'Кыргызстан и Россия; Россия и Кыргызстан.');
  assert.deepEqual(terms, [{ concept: 'kg', deprecated: 'Киргизия', term: 'Кыргызстан', replaced: 2, kept: false, forms: [] }]);
});

test('should keep and name an inflected form the glossary does not give, next to a replaced one', () => {
  const { text, terms } = replaceDeprecated('Киргизия — в Киргизии и с Киргизией.', glossary, all, 'ru');
  assert.equal(text, 'Кыргызстан — в Киргизии и с Киргизией.');
  assert.equal(terms.length, 1);
  assert.equal(terms[0]!.replaced, 1);
  assert.equal(terms[0]!.kept, true);
  assert.deepEqual(terms[0]!.forms, ['Киргизии', 'Киргизией']);
});

test('should keep a deprecated term without a current one, and leave concepts the source does not name alone', () => {
  assert.deepEqual(replaceDeprecated('Фрунзе.', glossary, all, 'ru').terms, [
    { concept: 'bishkek', deprecated: 'Фрунзе', term: undefined, replaced: 0, kept: true, forms: ['Фрунзе'] },
  ]);
  const kantOnly = new Set(glossary.concepts.filter((concept) => concept.id === 'kant'));
  assert.deepEqual(replaceDeprecated('Киргизия и Фрунзе.', glossary, kantOnly, 'ru'), { text: 'Киргизия и Фрунзе.', terms: [] });
  // Not a word of its own: a longer word that merely starts the same is no occurrence to replace.
  assert.equal(replaceDeprecated('Киргизиястан.', glossary, all, 'ru').text, 'Киргизиястан.');
});
