import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSegmentIds } from '../../pipeline/segment/ids.ts';
import { splitSentences } from '../../pipeline/segment/split.ts';

test('splitSentences keeps abbreviations and initials inside the sentence', () => {
  assert.deepEqual(splitSentences('Mr. Smith met Dr. Jones in St. Petersburg. They talked.', 'en'), [
    'Mr. Smith met Dr. Jones in St. Petersburg.',
    'They talked.',
  ]);
  assert.deepEqual(splitSentences('He paid US$5.5 million. Fine.', 'en'), ['He paid US$5.5 million.', 'Fine.']);
  assert.deepEqual(splitSentences('Президенти С. Жапаров билдирди. Рахмат.', 'ky'), ['Президенти С. Жапаров билдирди.', 'Рахмат.']);
});

test('segment ids depend on the text only, so inserting a sentence elsewhere does not renumber', () => {
  const first = createSegmentIds();
  const second = createSegmentIds();
  const a = first('Alpha.');
  second('Something new.');
  assert.equal(second('Alpha.'), a);
  assert.equal(first('Alpha.'), `${a}-2`);
  assert.match(a, /^s[0-9a-f]{10}$/);
});
