import { createRequire } from 'node:module';
import type { Stemmer } from 'snowball-stemmers';

// Snowball's stemmers (≈ 0.15 s to load) are required on first use: a build whose every artifact comes from
// the cache matches no term. Not `require`: the bundler leaves a call through another name to Node.
const load = createRequire(import.meta.url);

/**
 * Term recognition that survives Russian and Kyrgyz inflection (docs/terminology.md). A term is a
 * sequence of words; each word of the text matches a word of the term by one rule:
 * - acronym (all capitals, or termType acronym/abbreviation): the capitals exactly, then at most a
 *   lower-case case ending (КМШнын, ЕАЭСа);
 * - stem marker (`Кыргызстан|`, as memoQ writes it): the text word starts with the stem, any ending;
 * - function word (lower-case, one or two letters, inside a longer term): equal;
 * - otherwise, by language: English by Snowball stem; Russian by Snowball stem or the prefix rule;
 *   every other language (Kyrgyz has no stemmer) by the prefix rule alone. The prefix rule: the text
 *   word starts with the term word and adds at most as many letters as it has, three at least
 *   (Кыргызстан → Кыргызстана, but not Ош → Ошибка); agglutinative languages such as Kyrgyz stack
 *   suffixes and may add up to eight (Россия → Россиядагыдай, Ош → Оштогу).
 * Words are runs of letters, marks and digits: JavaScript's `\b` never fires next to Cyrillic. Text is
 * compared after NFC, locale lower-casing, ё → е, and without soft hyphens and zero-width characters.
 */

export interface Word {
  /** Normalised form (see `normalizeWord`). */
  key: string;
  /** As written. */
  text: string;
  start: number;
  end: number;
}

export type WordRule = 'acronym' | 'marker' | 'exact' | 'inflected';

export interface PatternWord {
  key: string;
  /** As the glossary writes it (capitals kept for acronyms). */
  text: string;
  rule: WordRule;
  /** Snowball stem, for languages that have one. */
  stem: string | undefined;
}

export interface TermPattern {
  words: PatternWord[];
  lang: string;
}

const WORD = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060]*[\p{L}\p{M}\p{N}])?/gu;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060]/g;
const SNOWBALL: Record<string, string> = { en: 'english', ru: 'russian' };
const stemmers = new Map<string, Stemmer | undefined>();
const stems = new Map<Stemmer, Map<string, string>>();

/** Snowball stems are the hot path of term search: each word is stemmed once per process. */
function stemOf(stemmer: Stemmer, key: string): string {
  let cache = stems.get(stemmer);
  if (!cache) stems.set(stemmer, (cache = new Map()));
  let stem = cache.get(key);
  if (stem === undefined) {
    if (cache.size > 200_000) cache.clear();
    cache.set(key, (stem = stemmer.stem(key)));
  }
  return stem;
}

const primary = (lang: string) => lang.split('-')[0]!.toLowerCase();

/** The Snowball stemmer of a language, when Snowball has one and pressroom uses it (en, ru). */
export function stemmerFor(lang: string): Stemmer | undefined {
  const base = primary(lang);
  if (!stemmers.has(base))
    stemmers.set(
      base,
      SNOWBALL[base] ? (load('snowball-stemmers') as typeof import('snowball-stemmers')).newStemmer(SNOWBALL[base]) : undefined,
    );
  return stemmers.get(base);
}

/** Only these languages lower-case differently from the default (dotted and dotless i); ICU per call is slow. */
const LOCALE_CASE = new Set(['tr', 'az', 'lt']);

export function normalizeWord(word: string, lang: string): string {
  const base = primary(lang);
  const clean = word.normalize('NFC').replace(INVISIBLE, '');
  return (LOCALE_CASE.has(base) ? clean.toLocaleLowerCase(base) : clean.toLowerCase()).replace(/ё/g, 'е');
}

/** The words of a text with their offsets. */
export function wordsOf(text: string, lang: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    key: normalizeWord(match[0], lang),
    text: match[0].replace(INVISIBLE, ''),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const isAcronym = (word: string) => /\p{Lu}.*\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);

/**
 * A glossary term as a pattern. `|` after a word is memoQ's stem marker (the rest of the word may vary);
 * `termType` acronym or abbreviation makes every word case-exact.
 */
export function compileTerm(term: string, lang: string, termType?: string): TermPattern {
  const acronymType = termType !== undefined && /acronym|abbreviation|initialism/i.test(termType);
  const marked = [...term.matchAll(/([^\s|]+)(\|?)/gu)];
  const words: PatternWord[] = [];
  const stemmer = stemmerFor(lang);
  for (const [, chunk, bar] of marked) {
    const pieces = wordsOf(chunk!, lang);
    pieces.forEach((piece, index) => {
      const last = index === pieces.length - 1;
      let rule: WordRule = 'inflected';
      if (last && bar) rule = 'marker';
      else if (acronymType || isAcronym(piece.text)) rule = 'acronym';
      else if (piece.key.length <= 2 && piece.text === piece.key) rule = 'exact';
      words.push({ key: piece.key, text: piece.text, rule, stem: stemmer && stemOf(stemmer, piece.key) });
    });
  }
  // A one-word term is never a mere function word: "Ош" inflects.
  if (words.length === 1 && words[0]!.rule === 'exact') words[0]!.rule = 'inflected';
  return { words, lang };
}

/** The term's display form: the stem markers taken out. */
export const termText = (term: string) => term.replace(/\|(?=\s|$)/gu, '');

/** Languages that stack suffixes (Кыргызстан-дагы-дай, уюму-ндагы): longer endings are still forms of the word. */
const AGGLUTINATIVE = new Set(['ky', 'kk', 'tr', 'uz', 'tt', 'ba', 'az', 'tk', 'fi', 'hu', 'et']);

/** How many letters the prefix rule lets a word add: as many as it has (memoQ's 50%), three at least; more in agglutinative languages. */
export function endingAllowance(key: string, lang: string): number {
  if (AGGLUTINATIVE.has(primary(lang))) return key.length >= 4 ? Math.max(key.length, 8) : 4;
  return Math.max(3, key.length);
}

/** Whether one word of the text is a form of one word of the term. */
export function wordMatches(word: Word, pattern: PatternWord, lang: string): boolean {
  switch (pattern.rule) {
    case 'acronym':
      return (
        word.text === pattern.text || (word.text.startsWith(pattern.text) && /^\p{Ll}{1,5}$/u.test(word.text.slice(pattern.text.length)))
      );
    case 'marker':
      return word.key.startsWith(pattern.key);
    case 'exact':
      return word.key === pattern.key;
    case 'inflected': {
      if (word.key === pattern.key) return true;
      const base = primary(lang);
      const stemmer = stemmerFor(lang);
      if (stemmer && pattern.stem && pattern.stem.length >= 2 && stemOf(stemmer, word.key) === pattern.stem) return true;
      if (base === 'en') return false;
      return word.key.startsWith(pattern.key) && word.key.length - pattern.key.length <= endingAllowance(pattern.key, base);
    }
  }
}

/** Where the pattern starts at word `at` of `words`: the index after its last word, or -1. */
export function matchAt(words: readonly Word[], at: number, pattern: TermPattern): number {
  if (pattern.words.length === 0 || at + pattern.words.length > words.length) return -1;
  for (let offset = 0; offset < pattern.words.length; offset += 1)
    if (!wordMatches(words[at + offset]!, pattern.words[offset]!, pattern.lang)) return -1;
  return at + pattern.words.length;
}

export interface Span<T> {
  item: T;
  /** Word indexes [first, end). */
  first: number;
  end: number;
  /** Character offsets in the text. */
  start: number;
  stop: number;
}

/**
 * Every occurrence of the patterns in `words`, longest first (most words, then most characters), without
 * overlaps: "President of the Kyrgyz Republic" wins over "Kyrgyz Republic" inside it. In text order.
 */
export function findPatterns<T>(
  words: readonly Word[],
  candidates: (word: Word) => Iterable<{ item: T; pattern: TermPattern }>,
): Span<T>[] {
  const spans: Span<T>[] = [];
  words.forEach((word, at) => {
    for (const { item, pattern } of candidates(word)) {
      const end = matchAt(words, at, pattern);
      if (end >= 0) spans.push({ item, first: at, end, start: word.start, stop: words[end - 1]!.end });
    }
  });
  spans.sort((a, b) => b.end - b.first - (a.end - a.first) || b.stop - b.start - (a.stop - a.start) || a.first - b.first);
  const taken = new Uint8Array(words.length);
  const kept: Span<T>[] = [];
  for (const span of spans) {
    let free = true;
    for (let i = span.first; i < span.end && free; i += 1) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, span.first, span.end);
    kept.push(span);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/**
 * The key a pattern is indexed under: the first two letters of its first word, which every rule keeps
 * (a Snowball stem shorter than two letters is not used). A one-letter word is indexed by its letter.
 */
export const indexKey = (pattern: TermPattern): string => (pattern.words[0]?.key ?? '').slice(0, 2);
/** The keys a text word is looked up under: its first letter (one-letter terms) and its first two. */
export const wordIndexKeys = (word: Word): string[] => (word.key.length > 1 ? [word.key.slice(0, 1), word.key.slice(0, 2)] : [word.key]);
