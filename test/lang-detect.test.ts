// The language identifier (pipeline/locale/detect.ts): golden texts per language, then properties that
// must hold whatever the text: names and quotes in the other script, sentence order and length do not
// change the answer.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DETECTED_LANGS, detectLanguage, type DetectedLang } from '../pipeline/locale/detect.ts';

const root = fileURLToPath(new URL('fixtures/lang-detect/', import.meta.url));

/** Every golden text with the language its folder names. */
const golden = DETECTED_LANGS.flatMap((lang) =>
  readdirSync(path.join(root, lang))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ lang, name: `${lang}/${name}`, text: readFileSync(path.join(root, lang, name), 'utf8').trim() })),
);
const byLang = (lang: DetectedLang) => golden.filter((entry) => entry.lang === lang);

test('golden texts: at least 20 per language, at least 99% right overall, misses listed', (t) => {
  for (const lang of DETECTED_LANGS) assert.ok(byLang(lang).length >= 20, `${lang} has only ${byLang(lang).length} texts`);
  const misses = golden
    .map((entry) => ({ ...entry, detection: detectLanguage(entry.text) }))
    .filter((entry) => entry.detection.lang !== entry.lang);
  const right = golden.length - misses.length;
  t.diagnostic(`${right}/${golden.length} right (${((100 * right) / golden.length).toFixed(1)}%)`);
  for (const miss of misses)
    t.diagnostic(`miss ${miss.name}: read as ${miss.detection.lang} ${miss.detection.confidence}, then ${miss.detection.runnerUp.lang}`);
  assert.ok(
    right / golden.length >= 0.99,
    `only ${right}/${golden.length} right; misses: ${misses.map((miss) => `${miss.name} → ${miss.detection.lang}`).join(', ')}`,
  );
});

test('a confident answer names a different runner-up, and probabilities stay within 0–1', () => {
  for (const entry of golden) {
    const detection = detectLanguage(entry.text);
    assert.notEqual(detection.runnerUp.lang, detection.lang, entry.name);
    assert.ok(detection.confidence >= detection.runnerUp.confidence && detection.confidence <= 1, entry.name);
  }
});

test('no letters, no answer: confidence 0', () => {
  for (const text of ['', '   ', '12:45 — 2026', '*** --- ***', '🙂🙂'])
    assert.equal(detectLanguage(text).confidence, 0, JSON.stringify(text));
});

test('a sentence in each language is read confidently', () => {
  // Not golden texts: plain sentences a reader of the language would call typical.
  const cases: [string, DetectedLang][] = [
    ['The government will publish the full text of the agreement on its website tomorrow.', 'en'],
    ['Правительство опубликует полный текст соглашения на своём сайте завтра.', 'ru'],
    ['Өкмөт келишимдин толук текстин эртең өзүнүн сайтына жарыялайт.', 'ky'],
  ];
  for (const [text, lang] of cases) {
    const detection = detectLanguage(text);
    assert.equal(detection.lang, lang, text);
    assert.ok(detection.confidence >= 0.8, `${text}: ${detection.confidence}`);
  }
});

test('the sample memories’ segments of four words or more are read as their xml:lang (texts not written for this test)', (t) => {
  const locales = fileURLToPath(new URL('../locales/', import.meta.url));
  const seen = { right: 0, total: 0 };
  for (const lang of readdirSync(locales, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)) {
    for (const name of readdirSync(path.join(locales, lang)).filter((file) => file.endsWith('.tmx'))) {
      const tmx = readFileSync(path.join(locales, lang, name), 'utf8');
      for (const match of tmx.matchAll(/<tuv xml:lang="(en|ru|ky)(?:-[^"]*)?"[^>]*>\s*<seg>([^<]*)<\/seg>/g)) {
        const text = match[2]!.replace(/&[a-z]+;/g, ' ');
        if (text.split(/\s+/).filter(Boolean).length < 4) continue;
        const detection = detectLanguage(text);
        seen.total += 1;
        if (detection.lang === match[1]) seen.right += 1;
        else t.diagnostic(`miss ${name} ${match[1]} → ${detection.lang} ${detection.confidence}: ${text}`);
      }
    }
  }
  t.diagnostic(`${seen.right}/${seen.total} memory segments right`);
  assert.ok(seen.total >= 100, `only ${seen.total} segments found`);
  assert.ok(seen.right / seen.total >= 0.98, `${seen.right}/${seen.total}`);
});

// --- Properties --------------------------------------------------------------------------------------------

/** Words of the other script that press texts carry: names, organisations, acronyms, a quoted word. */
const LATIN_NAMES = ['Kyrgyzstan', 'John Kerry', 'Coca-Cola', 'UNESCO', 'Antony Blinken', 'Microsoft', 'Reuters', 'Sadyr Japarov'];
const CYRILLIC_QUOTES = ['«Бишкек»', '«спасибо»', '«Газпром»', '«Кабар»', '«Жогорку Кеңеш»', '«Росатом»', 'Ош', '«Манас»'];
const RUSSIAN_NAMES = ['Владимир Путин', 'Москва', 'Сергей Лавров', 'ТАСС', '«Газпром»', 'Федерация'];

/**
 * Texts of a language long enough to carry a few foreign words (five words or more) and read right and
 * confidently as they are: a text already near the boundary may tip either way, which is what its
 * `lang:uncertain` warning says.
 */
function hosts(lang: DetectedLang): string[] {
  return byLang(lang)
    .map((entry) => entry.text)
    .filter((text) => {
      const detection = detectLanguage(text);
      return text.split(/\s+/).length >= 5 && detection.lang === lang && detection.confidence >= 0.8;
    });
}

/** Inserts `insertions` (one per four words at most) between the words of `text` at the given places. */
function insert(text: string, insertions: readonly { word: string; at: number }[]): string {
  const words = text.split(' ');
  const allowed = insertions.slice(0, Math.max(1, Math.floor(words.length / 4)));
  for (const { word, at } of allowed) words.splice(at % (words.length + 1), 0, word);
  return words.join(' ');
}

function foreignWordsKeepTheLanguage(lang: DetectedLang, foreign: readonly string[]) {
  const texts = hosts(lang);
  assert.ok(texts.length >= 15, `${lang}: only ${texts.length} host texts`);
  fc.assert(
    fc.property(
      fc.constantFrom(...texts),
      fc.array(fc.record({ word: fc.constantFrom(...foreign), at: fc.nat(60) }), { minLength: 1, maxLength: 4 }),
      (text, insertions) => {
        const mixed = insert(text, insertions);
        assert.equal(detectLanguage(mixed).lang, lang, mixed);
      },
    ),
    { numRuns: 300 },
  );
}

test('Latin-script names inserted into a Russian text leave it Russian', () => foreignWordsKeepTheLanguage('ru', LATIN_NAMES));
test('Latin-script names inserted into a Kyrgyz text leave it Kyrgyz', () => foreignWordsKeepTheLanguage('ky', LATIN_NAMES));
test('Russian names and quotes inserted into a Kyrgyz text leave it Kyrgyz', () => foreignWordsKeepTheLanguage('ky', RUSSIAN_NAMES));
test('Cyrillic quotes and names inserted into an English text leave it English', () => foreignWordsKeepTheLanguage('en', CYRILLIC_QUOTES));

/** Several golden texts of one language joined into one, ended as sentences. */
function paragraphOf(lang: DetectedLang) {
  return fc
    .shuffledSubarray(
      byLang(lang).map((entry) => entry.text.replace(/([^.!?])$/, '$1.')),
      { minLength: 3, maxLength: 8 },
    )
    .map((texts) => texts.join(' '));
}

test('shuffling the sentences of a text does not change its language', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...DETECTED_LANGS).chain((lang) => fc.tuple(fc.constant(lang), paragraphOf(lang), fc.infiniteStream(fc.nat()))),
      ([lang, text, randoms]) => {
        const sentences = text.split(/(?<=[.!?])\s+/);
        const shuffled = sentences
          .map((sentence) => ({ sentence, key: randoms.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map((entry) => entry.sentence)
          .join(' ');
        const before = detectLanguage(text);
        const after = detectLanguage(shuffled);
        assert.equal(before.lang, lang, text);
        assert.equal(after.lang, before.lang, shuffled);
      },
    ),
    { numRuns: 200 },
  );
});

test('a text of several sentences is read more confidently than its shortest part', () => {
  for (const lang of DETECTED_LANGS) {
    const texts = byLang(lang).map((entry) => entry.text);
    const whole = detectLanguage(texts.join('\n\n'));
    assert.equal(whole.lang, lang);
    const shortest = texts.reduce((a, b) => (a.length <= b.length ? a : b));
    assert.ok(whole.confidence > detectLanguage(shortest).confidence, lang);
  }
});

// --- Long inputs ------------------------------------------------------------------------------------------

test('a 1 MB transcript is sampled (a few thousand words read) and read right', () => {
  for (const lang of DETECTED_LANGS) {
    const paragraph = byLang(lang)
      .map((entry) => entry.text)
      .join('\n\n');
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    assert.ok(text.length >= 1_000_000);
    const detection = detectLanguage(text);
    assert.equal(detection.lang, lang);
    assert.ok(detection.words < 10_000, `${lang}: ${detection.words} words read out of about ${Math.round(text.length / 7)}`);
    assert.ok(detection.confidence > 0.99);
  }
});

test('the sample reaches the whole text: a Russian transcript with an English second half is seen as both', () => {
  const english = byLang('en')
    .map((entry) => entry.text)
    .join(' ');
  const russian = byLang('ru')
    .map((entry) => entry.text)
    .join(' ');
  const text = russian.repeat(Math.ceil(300_000 / russian.length)) + english.repeat(Math.ceil(300_000 / english.length));
  const detection = detectLanguage(text);
  assert.deepEqual(new Set([detection.lang, detection.runnerUp.lang]), new Set(['ru', 'en']));
});

test('hostile shapes finish: one endless word, endless quotation marks, unbalanced quotes', () => {
  const word = 'а'.repeat(1_000_000);
  assert.equal(detectLanguage(word).words > 0, true);
  assert.equal(detectLanguage('«'.repeat(500_000)).confidence, 0);
  const unbalanced = `«${'Правительство опубликует текст. '.repeat(2_000)}`;
  assert.equal(detectLanguage(unbalanced).lang, 'ru');
  assert.equal(detectLanguage('-'.repeat(100_000) + 'ж'.repeat(100_000) + 'ан-'.repeat(100_000)).words > 0, true);
});
