// emit/slug.ts takes a file name that is already a slug as its own slug, without the transliteration
// library (which builds its replacement pattern on every call: a no-op rebuild slugifies every input).
// The premise: the library returns such a name unchanged, with the options slugify gives it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import transliterateToSlug from '@sindresorhus/slugify';
import fc from 'fast-check';
import { slugify } from '../../pipeline/emit/slug.ts';

const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const alreadySlug = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join('-'));

test('a name that is already a slug is what the library makes of it, and its own slug', () => {
  fc.assert(
    fc.property(alreadySlug, (name) => {
      assert.equal(transliterateToSlug(name, { customReplacements: [['&', ' ']], decamelize: false }), name);
      assert.equal(slugify(`transcripts/${name}.txt`), slugify(`transcripts/${name}.txt`.replace(name, `${name}-`)));
    }),
    { numRuns: 300 },
  );
  // Names that are not slugs still go through the library.
  assert.equal(slugify('transcripts/Заявления Бишкек.txt'), 'zayavleniya-bishkek');
  assert.equal(slugify('transcripts/2024-01-01-statements-0001.txt'), '2024-01-01-statements-0001');
});
