import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { matchKey, normalizeTypography } from '../../pipeline/normalize/typography.ts';
import { FuzzyIndex, similarity, tokenize, wordIds } from '../../pipeline/tm/fuzzy.ts';

// matchKey skips the typography passes when a text has nothing they would change; the skip must never
// change a key. The reference is matchKey's definition: the typography passes, then quotes folded.
const reference = (text: string) =>
  normalizeTypography(text)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"');

test('should give the same key with and without the shortcut, whatever the typography', () => {
  const piece = fc.constantFrom(
    ...['a', 'Жапаров', ' ', '  ', '\t', '\n', '\u00a0', '\u2007', '\u202f', '\u2009', '\u200b', '\u2060', '\ufeff', '\u3000'],
    ...['"', "'", '\u2018', '\u2019', '\u201c', '\u201d', '\u00ab', '\u00bb', '.', '...', ',', '!', '?', ':', ';', '-', '--'],
    ...['e\u0301', '\u00e9', '\u2028', '\u1680', '5', '(', '['],
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(matchKey(text), reference(text));
    }),
    { numRuns: 5000 },
  );
});

test('should find every text within Latin-1 already in NFC, as matchKey assumes', () => {
  for (let a = 0; a < 0x100; a += 1)
    for (let b = 0; b < 0x100; b += 1) {
      const text = String.fromCharCode(a, b);
      assert.equal(text.normalize('NFC'), text);
    }
});

// tokenize (and the index, which reads the same spans) replaces a regular expression by a loop over a
// table of character classes; the expression stays the definition.
const tokensByExpression = (text: string) =>
  reference(text)
    .toLowerCase()
    .match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];

test('should split text into the tokens of the defining expression, whatever the script', () => {
  const piece = fc.oneof(
    fc.constantFrom('5', '3.5', '1,000', '12.', '.5', ',', 'Word', 'Кыргызстан', 'e\u0301', '١٢٣', '\u0660', 'Ⅻ', '½', '²'),
    fc.constantFrom(' ', '\n', '\u00a0', '\u2028', '—', '…', '"', '$', '😀', '𝔘𝔫', '\ud800', '\udc00', 'İ', 'ß', '\u0301'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      assert.deepEqual(tokenize(text), tokensByExpression(text));
    }),
    { numRuns: 5000 },
  );
});

test('should find an entry through the index by the same tokens, and nothing for unknown words', () => {
  const index = new FuzzyIndex<{ source: string; target: string }>();
  const sources = ['The President of Kyrgyzstan, Sadyr Japarov, met 25 officials.', 'Президент Кыргызстана встретился с 3,5 тыс. человек.'];
  for (const source of sources) index.add({ source, target: source.toUpperCase() });
  assert.equal(index.lookup('The president of Kyrgyzstan, Sadyr Japarov, met 26 officials.', { limit: 1 })[0]?.entry.source, sources[0]);
  assert.equal(index.lookup('Президент Кыргызстана встретился с 3,5 тыс. людей.', { limit: 1 })[0]?.entry.source, sources[1]);
  assert.deepEqual(index.lookup('Entirely unrelated words here.'), []);
});

test('should find entries added after a lookup, and each entry once however often a word repeats in it', () => {
  const index = new FuzzyIndex<{ source: string; target: string }>();
  index.add({ source: 'The talks in Bishkek were productive.', target: 'a' });
  assert.equal(index.lookup('The talks in Osh were productive.', { limit: 1 })[0]?.entry.target, 'a');
  // Added after the posting lists were laid out: the next lookup lays them out again.
  index.add({ source: 'The talks in Osh were very productive.', target: 'b' });
  index.add({ source: 'Talks, talks, talks and more talks in Osh.', target: 'c' });
  assert.equal(index.size, 3);
  assert.deepEqual(
    index.lookup('The talks in Osh were very productive.', { limit: 3 }).map((match) => [match.entry.target, match.score]),
    [
      ['b', 100],
      ['a', 75],
    ],
  );
  assert.equal(index.lookup('Talks, talks, talks and more talks in Bishkek.', { limit: 1 })[0]?.entry.target, 'c');
});

// The index knows a word by two hashes and its length, never comparing characters (fuzzy.ts). Short words
// over a few letters, in both scripts: anagrams, prefixes and near-identical words, the cases such an
// identity must still keep apart.
test('should give two words the same id exactly when they are the same word', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'а', 'б', 'ө', '1', '😀'), minLength: 1, maxLength: 5 });
  fc.assert(
    fc.property(fc.array(word, { minLength: 2, maxLength: 40 }), (texts) => {
      const words = texts.flatMap(tokenize);
      const ids = wordIds(words);
      assert.equal(ids.length, words.length);
      for (let i = 0; i < words.length; i += 1)
        for (let j = 0; j < i; j += 1) assert.equal(ids[i] === ids[j], words[i] === words[j], `${words[i]} / ${words[j]}`);
    }),
    { numRuns: 2000 },
  );
});

test('should tell apart every word of a large vocabulary', () => {
  // 400,000 distinct eight-letter words, Latin and Cyrillic: among so many words of one length a single
  // 32-bit hash collides some twenty times; the vocabulary must not.
  const letters = [...'abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя'];
  let state = 2463534242;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % letters.length;
  };
  const words = new Set<string>();
  while (words.size < 400_000) words.add(Array.from({ length: 8 }, () => letters[random()]).join(''));
  assert.equal(new Set(wordIds([...words])).size, words.size);
});

// Reported scores are taken again over the words (fuzzy.ts), so comparing them would prove nothing: what
// the token ids decide is which entries are within reach of minScore at all.
test('should find through token ids exactly the entries whose words are similar enough', () => {
  // Sources are the query with up to three words replaced or dropped, over few words (anagrams, prefixes,
  // both scripts), so that about half of them are within reach of minScore.
  const word = fc.constantFrom('a', 'b', 'ab', 'ba', 'а', 'аб', 'ба', 'ө', '1', '1.5', '.');
  const edits = fc.array(fc.tuple(fc.nat(), fc.option(word)), { maxLength: 3 });
  const cases = fc
    .array(word, { minLength: 3, maxLength: 6 })
    .chain((words) => fc.tuple(fc.constant(words), fc.array(edits, { minLength: 1, maxLength: 20 })))
    .map(([words, sourceEdits]) => ({
      query: words.join(' '),
      sources: sourceEdits.map((list) => {
        const edited = [...words];
        for (const [at, replacement] of list) edited.splice(at % edited.length, 1, ...(replacement === null ? [] : [replacement]));
        return edited.join(' ');
      }),
    }));
  let reached = 0;
  fc.assert(
    fc.property(cases, ({ sources, query }) => {
      const index = new FuzzyIndex<{ source: string; target: string }>();
      sources.forEach((source, i) => index.add({ source, target: String(i) }));
      const found = index.scan(query, { minScore: 60, limit: sources.length }).map((match) => Number(match.entry.target));
      const expected = sources.flatMap((source, i) => (similarity(tokenize(query), tokenize(source)) >= 60 ? [i] : []));
      assert.deepEqual(
        found.sort((a, b) => a - b),
        expected,
        query,
      );
      reached += expected.length;
    }),
    { numRuns: 300 },
  );
  assert.ok(reached > 300, `only ${reached} sources within reach in 300 runs`);
});
