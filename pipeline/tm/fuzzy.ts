import { matchKey } from '../normalize/typography.ts';

/** memoQ/Trados match bands; `context` is 101, `exact` 100, `adapted` the 99 of a placeable substitution. */
export type Band = 'context' | 'exact' | 'adapted' | '95-99' | '85-94' | '75-84' | '50-74' | 'new';

export const BANDS: readonly Band[] = ['context', 'exact', 'adapted', '95-99', '85-94', '75-84', '50-74', 'new'];

/** The bands of a fuzzy score, below 100 and not adapted. */
export const FUZZY_BANDS: ReadonlySet<string> = new Set<Band>(['95-99', '85-94', '75-84', '50-74']);

export interface FuzzyEntry {
  source: string;
  target: string;
}

export interface FuzzyMatch<T extends FuzzyEntry> {
  entry: T;
  score: number;
  band: Band;
  /** The target with the source's numbers substituted, when the match was adapted. */
  target: string;
}

/** Score → band; `adapted` is decided by the caller, because a 99 can also be a plain fuzzy score. */
export function bandOf(score: number): Band {
  if (score >= 101) return 'context';
  if (score >= 100) return 'exact';
  if (score >= 95) return '95-99';
  if (score >= 85) return '85-94';
  if (score >= 75) return '75-84';
  if (score >= 50) return '50-74';
  return 'new';
}

const NUMBER = /\p{N}+(?:[.,]\p{N}+)*/gu;

/**
 * Word and number tokens, punctuation as tokens of its own; case folded, typography folded by matchKey.
 * The same tokens as `/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+|[^\s\p{L}\p{M}\p{N}]/gu`, found by `tokenSpans`.
 */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  const count = tokenSpans(folded);
  const tokens: string[] = [];
  for (let i = 0; i < 4 * count; i += 4) tokens.push(folded.slice(SPANS[i], SPANS[i + 1]));
  return tokens;
}

function fold(text: string): string {
  return matchKey(text).toLowerCase();
}

/**
 * The tokens of folded text in `SPANS`, four numbers each: start, end, and two independent 32-bit hashes
 * of the characters (FNV-1a and a second multiplicative one); returns how many. One loop over a table of
 * character classes that reads each character once, so that an index build makes no string for a word:
 * the vocabulary knows a word by its two hashes and its length.
 */
function tokenSpans(folded: string): number {
  const length = folded.length;
  if (SPANS.length < 4 * length) SPANS = new Int32Array(Math.max(4 * length, 2 * SPANS.length));
  const spans = SPANS;
  let count = 0;
  let kind = SPACE;
  let start = 0;
  let hash = 0;
  let second = 0;
  // One step past the end, where a space ends the last token.
  for (let at = 0; at <= length;) {
    let next = SPACE;
    let size = 1;
    let unit = 0;
    if (at < length) {
      unit = folded.charCodeAt(at);
      if (unit < 0xd800 || unit > 0xdfff) {
        const known = KINDS[unit]!;
        next = known === 0 ? (KINDS[unit] = classify(folded[at]!)) : known;
      } else {
        next = kindAt(folded, at);
        size = width(folded, at);
      }
    }
    // Letters and digits run on; space and other characters (punctuation) end a token, and each of the
    // others is a token of its own. A point or comma between digits belongs to the number ("5.5", "1,000").
    const runsOn =
      (next === kind && (kind === LETTER || kind === DIGITS)) ||
      (kind === DIGITS && (unit === 0x2e || unit === 0x2c) && at + 1 < length && kindAt(folded, at + 1) === DIGITS);
    if (!runsOn) {
      if (kind !== SPACE) {
        spans[4 * count] = start;
        spans[4 * count + 1] = at;
        spans[4 * count + 2] = hash;
        spans[4 * count + 3] = second;
        count += 1;
      }
      if (at === length) break;
      kind = next;
      start = at;
      hash = FNV_OFFSET;
      second = SECOND_OFFSET;
    }
    hash = Math.imul(hash ^ unit, FNV_PRIME);
    second = Math.imul(second ^ unit, SECOND_PRIME);
    if (size === 2) {
      const low = folded.charCodeAt(at + 1);
      hash = Math.imul(hash ^ low, FNV_PRIME);
      second = Math.imul(second ^ low, SECOND_PRIME);
    }
    at += size;
  }
  return count;
}

/** Scratch spans for tokenSpans (four numbers a token), grown to the longest text seen: lookups and index builds are synchronous. */
let SPANS = new Int32Array(4 * 1024);

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SECOND_OFFSET = 0x2f5a3c1b;
const SECOND_PRIME = 0x5bd1e995;

const SPACE = 1;
const LETTER = 2;
const DIGITS = 3;
const OTHER = 4;
/** Class of each BMP code unit, filled on first sight (0: not yet classified). */
const KINDS = new Uint8Array(0x10000);

function kindAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 0xd800 || unit > 0xdfff) {
    const known = KINDS[unit]!;
    return known === 0 ? (KINDS[unit] = classify(text[at]!)) : known;
  }
  // A surrogate pair is one character; a lone surrogate is a character of its own, as in a `u` expression.
  return classify(String.fromCodePoint(text.codePointAt(at)!));
}

function width(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 0xd800 || unit > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

function classify(character: string): number {
  if (/^\s$/u.test(character)) return SPACE;
  if (/^[\p{L}\p{M}]$/u.test(character)) return LETTER;
  if (/^\p{N}$/u.test(character)) return DIGITS;
  return OTHER;
}

/** Token-level Levenshtein distance with a band: stops early once the distance passes `limit`. */
export function tokenDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>, limit = Infinity): number {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (current[j]! < rowMin) rowMin = current[j]!;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** 0–100 similarity from the token distance, as CAT tools report it (100 only for identical token lists). */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 100;
  // Words become small integers first: the index calls tokenDistance with Int32Arrays, and a call with
  // strings as well would leave V8 one slower, generic version of it for both.
  const ids = new Map<string, number>();
  const encode = (words: readonly string[]) =>
    Int32Array.from(words, (word) => {
      let id = ids.get(word);
      if (id === undefined) ids.set(word, (id = ids.size));
      return id;
    });
  const distance = tokenDistance(encode(a), encode(b));
  if (distance === 0) return 100;
  return Math.min(99, Math.floor(100 * (1 - distance / longest)));
}

/**
 * When source and candidate differ only in their numbers and the candidate's target holds the candidate's
 * numbers one-to-one, the target with the source's numbers in their place; otherwise undefined.
 */
export function adaptNumbers(source: string, candidateSource: string, candidateTarget: string): string | undefined {
  const wanted = source.match(NUMBER) ?? [];
  const had = candidateSource.match(NUMBER) ?? [];
  if (wanted.length === 0 || wanted.length !== had.length) return undefined;
  if (matchKey(source.replace(NUMBER, '#')) !== matchKey(candidateSource.replace(NUMBER, '#'))) return undefined;
  if (wanted.every((n, i) => n === had[i])) return undefined;
  const inTarget = candidateTarget.match(NUMBER) ?? [];
  if ([...inTarget].sort().join('\u0000') !== [...had].sort().join('\u0000')) return undefined;
  if (new Set(had).size !== had.length) return undefined;
  const replacement = new Map(had.map((n, i) => [n, wanted[i]!]));
  return candidateTarget.replace(NUMBER, (n) => replacement.get(n) ?? n);
}

/**
 * Token ids by an open-addressing hash table keyed by two independent 32-bit hashes of a word and its
 * length, so that a word is found without reading its characters again (see tokenSpans).
 */
class Vocabulary {
  private count = 0;
  /** Word i's first hash, second hash and length at `keys[3i]`, `keys[3i + 1]`, `keys[3i + 2]`. */
  private keys = new Int32Array(3 * 1024);
  private table = new Int32Array(2048).fill(-1);

  get size(): number {
    return this.count;
  }

  /** The id of the word with these hashes and length; a new id when `add`, else -1 for a word never seen. */
  id(hash: number, second: number, length: number, add: boolean): number {
    const mask = this.table.length - 1;
    const keys = this.keys;
    let slot = hash & mask;
    for (let id = this.table[slot]!; id !== -1; slot = (slot + 1) & mask, id = this.table[slot]!) {
      if (keys[3 * id] === hash && keys[3 * id + 1] === second && keys[3 * id + 2] === length) return id;
    }
    if (!add) return -1;
    const id = this.count;
    if (3 * id + 3 > keys.length) this.keys = grown(keys, 3 * id + 3);
    this.keys[3 * id] = hash;
    this.keys[3 * id + 1] = second;
    this.keys[3 * id + 2] = length;
    this.table[slot] = id;
    this.count += 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return id;
  }

  /** The id of the `token`-th word tokenSpans last found (its hashes and length in `SPANS`). */
  spanId(token: number, add: boolean): number {
    return this.id(SPANS[4 * token + 2]!, SPANS[4 * token + 3]!, SPANS[4 * token + 1]! - SPANS[4 * token]!, add);
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let id = 0; id < this.count; id += 1) {
      let slot = this.keys[3 * id]! & mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & mask;
      this.table[slot] = id;
    }
  }
}

/**
 * An inverted index from token to entries, for fuzzy candidates: a query counts the tokens each entry
 * shares with it (rare tokens first, only as many as can decide `minScore`, within a budget of postings),
 * and only the `candidates` entries sharing the most are edit-distanced. `scan` ranks every entry the same
 * way: the recall reference (bench/tm measures the index against it).
 *
 * Token ids and posting lists live in a few large typed arrays rather than an array per entry and per
 * word: a million small arrays cost an allocation and an object header each, and the collector traces
 * them all. The posting lists are laid out by a counting sort at the first lookup after entries were
 * added, which is one pass over the token ids however many entries came in between.
 */
export class FuzzyIndex<T extends FuzzyEntry> {
  private readonly entries: T[] = [];
  private readonly vocabulary = new Vocabulary();
  /** Every entry's token ids back to back: entry i's are `tokenIds[tokenStarts[i] .. tokenStarts[i + 1])`. */
  private tokenIds = new Int32Array(1 << 12);
  private tokenStarts = new Int32Array(1 << 10);
  /** Entry ids per token, ascending, in one array: token t's are `postings[postingStarts[t] .. postingStarts[t + 1])`. */
  private postings = new Int32Array(0);
  private postingStarts = new Int32Array(1);
  /** Entries the posting lists cover: they are rebuilt, all at once, at the first lookup after an add. */
  private indexed = 0;
  private counts = new Uint16Array(1024);
  private touched = new Int32Array(1024);
  private queryNumbers = 0;

  constructor(private readonly options: { candidates?: number; budget?: number } = {}) {}

  get size(): number {
    return this.entries.length;
  }

  /** Adds an entry; `key`, when given, is `matchKey(entry.source)`, which the caller has usually computed already. */
  add(entry: T, key: string = matchKey(entry.source)): void {
    const id = this.entries.length;
    const folded = key.toLowerCase();
    const count = tokenSpans(folded);
    let at = this.tokenStarts[id]!;
    if (at + count > this.tokenIds.length) this.tokenIds = grown(this.tokenIds, at + count);
    const ids = this.tokenIds;
    const vocabulary = this.vocabulary;
    for (let token = 0; token < count; token += 1) ids[at++] = vocabulary.spanId(token, true);
    if (id + 2 > this.tokenStarts.length) this.tokenStarts = grown(this.tokenStarts, id + 2);
    this.tokenStarts[id + 1] = at;
    this.entries.push(entry);
  }

  /** Posting lists for every entry, by counting sort over the token ids (each entry once per list). */
  private buildPostings(): void {
    const words = this.vocabulary.size;
    const total = this.entries.length;
    const starts = new Int32Array(words + 1);
    const last = new Int32Array(words).fill(-1);
    const ids = this.tokenIds;
    const bounds = this.tokenStarts;
    for (let id = 0; id < total; id += 1) {
      for (let at = bounds[id]!, end = bounds[id + 1]!; at < end; at += 1) {
        const token = ids[at]!;
        if (last[token] !== id) {
          last[token] = id;
          starts[token + 1]! += 1;
        }
      }
    }
    for (let token = 0; token < words; token += 1) starts[token + 1]! += starts[token]!;
    const postings = new Int32Array(starts[words]!);
    const fill = starts.slice(0, words);
    last.fill(-1);
    for (let id = 0; id < total; id += 1) {
      for (let at = bounds[id]!, end = bounds[id + 1]!; at < end; at += 1) {
        const token = ids[at]!;
        if (last[token] !== id) {
          last[token] = id;
          postings[fill[token]!++] = id;
        }
      }
    }
    this.postings = postings;
    this.postingStarts = starts;
    this.indexed = total;
  }

  /** The best matches at or above `minScore`, best first (at most `limit`). */
  lookup(source: string, { minScore = 50, limit = 5 } = {}): FuzzyMatch<T>[] {
    const query = this.encode(source);
    if (query.length === 0) return [];
    if (this.counts.length < this.entries.length) this.counts = new Uint16Array(this.entries.length * 2);
    const counts = this.counts;
    if (this.indexed !== this.entries.length) this.buildPostings();
    // Each distinct token with the number of query positions it covers, rarest first.
    const weights = new Map<number, number>();
    for (const token of query) weights.set(token, (weights.get(token) ?? 0) + 1);
    const starts = this.postingStarts;
    const lists = [...weights]
      .map(([token, weight]) => (token < 0 ? { start: 0, end: 0, weight } : { start: starts[token]!, end: starts[token + 1]!, weight }))
      .sort((x, y) => x.end - x.start - (y.end - y.start));
    const postings = this.postings;
    // An entry scoring minScore shares at least `needed` query positions (distance ≥ length − shared), so
    // once the rarest tokens read cover more than `query.length − needed` positions, every such entry has
    // been counted (prefix filtering): the frequent rest ("the", ",") is never read. A budget of postings
    // bounds the worst case, a query of common words only.
    const needed = Math.ceil((query.length * minScore) / 100);
    let enough = query.length - needed;
    // Once the rarest tenth is read, the best candidates so far are scored: nothing can displace the
    // `limit`-th of them without sharing as large a share of the query (an adapted match, which differs
    // only in numbers, shares every other position), so fewer tokens need reading.
    const checkpoint = query.length - Math.ceil(query.length * 0.9);
    let early: number[] = [];
    let budget = this.options.budget ?? 30_000;
    if (this.touched.length < this.entries.length) this.touched = new Int32Array(this.entries.length * 2);
    const touched = this.touched;
    let size = 0;
    let best = 0;
    let covered = 0;
    for (const { start, end, weight } of lists) {
      const length = end - start;
      if (covered > enough || (length > budget && size > 0)) break;
      if (early.length === 0 && covered > checkpoint && size > 0) {
        early = this.shortlist(size, best, false);
        // Unchecked scores: they only bound what is left to read (a collision could cost recall, no more).
        const found = this.rank(query, source, early, minScore, limit, false);
        if (found.length >= limit) {
          const bound = Math.min(Math.ceil((query.length * found[limit - 1]!.score) / 100), query.length - this.queryNumbers);
          enough = query.length - Math.max(needed, bound);
          if (covered > enough) break;
        }
      }
      covered += weight;
      budget -= length;
      for (let at = start; at < end; at += 1) {
        const id = postings[at]!;
        if (counts[id] === 0) touched[size++] = id;
        const count = (counts[id] = counts[id]! + 1);
        if (count > best) best = count;
      }
    }
    const shortlist = this.shortlist(size, best, true);
    for (const id of early) if (!shortlist.includes(id)) shortlist.push(id);
    return this.rank(query, source, shortlist, minScore, limit, true);
  }

  /** The `candidates` touched entries sharing the most tokens, by a histogram rather than a sort; `reset` clears the counts. */
  private shortlist(size: number, best: number, reset: boolean): number[] {
    const counts = this.counts;
    const touched = this.touched;
    const wanted = this.options.candidates ?? 100;
    const histogram = new Uint32Array(best + 1);
    for (let i = 0; i < size; i += 1) histogram[counts[touched[i]!]!]! += 1;
    let threshold = best;
    for (let total = histogram[best]!; threshold > 1 && total + histogram[threshold - 1]! <= wanted;) {
      threshold -= 1;
      total += histogram[threshold]!;
    }
    const shortlist: number[] = [];
    for (let i = 0; i < size; i += 1) {
      const id = touched[i]!;
      if (counts[id]! >= threshold && shortlist.length < wanted) shortlist.push(id);
      if (reset) counts[id] = 0;
    }
    return shortlist;
  }

  /** The same ranking over every entry: the reference the index is measured against. */
  scan(source: string, { minScore = 50, limit = 5 } = {}): FuzzyMatch<T>[] {
    return this.rank(this.encode(source), source, this.entries.keys(), minScore, limit, true);
  }

  /**
   * Token ids of a query; a word the index has never seen gets an id of its own that matches nothing.
   * Sets `queryNumbers` to the number of its number tokens.
   */
  private encode(source: string): Int32Array {
    const folded = fold(source);
    const tokens = new Int32Array(tokenSpans(folded));
    this.queryNumbers = 0;
    for (let i = 0; i < tokens.length; i += 1) {
      if (kindAt(folded, SPANS[4 * i]!) === DIGITS) this.queryNumbers += 1;
      const token = this.vocabulary.spanId(i, false);
      tokens[i] = token === -1 ? -1 - i : token;
    }
    return tokens;
  }

  private rank(
    query: Int32Array,
    source: string,
    ids: Iterable<number>,
    minScore: number,
    limit: number,
    checked: boolean,
  ): FuzzyMatch<T>[] {
    const matches: FuzzyMatch<T>[] = [];
    for (const id of ids) {
      const tokens = this.tokenIds.subarray(this.tokenStarts[id], this.tokenStarts[id + 1]);
      const longest = Math.max(query.length, tokens.length);
      // A distance above this cannot reach minScore; the banded distance stops there.
      const limitDistance = Math.floor(longest * (1 - minScore / 100));
      const distance = tokenDistance(query, tokens, limitDistance);
      if (distance > limitDistance) continue;
      const match = judged(source, this.entries[id]!, distance === 0 ? 100 : Math.min(99, Math.floor(100 * (1 - distance / longest))));
      if (match.score >= minScore) matches.push(match);
    }
    matches.sort(byScore);
    if (!checked) return matches.slice(0, limit);
    // Token ids stand for words by their hashes (Vocabulary), so the scores reported are taken again over
    // the words themselves: a hash collision could cost a candidate its place, never give a wrong score.
    const words = tokenize(source);
    const reported: FuzzyMatch<T>[] = [];
    for (const match of matches) {
      if (reported.length === limit) break;
      const score = match.band === 'adapted' ? match.score : similarity(words, tokenize(match.entry.source));
      const exact = score === match.score ? match : judged(source, match.entry, score);
      if (exact.score >= minScore) reported.push(exact);
    }
    return reported.sort(byScore);
  }
}

/** The match a score makes: adapted to 99 when only the numbers differ and the target can take the source's. */
function judged<T extends FuzzyEntry>(source: string, entry: T, score: number): FuzzyMatch<T> {
  const adapted = score < 100 ? adaptNumbers(source, entry.source, entry.target) : undefined;
  if (adapted !== undefined) return { entry, score: 99, band: 'adapted', target: adapted };
  return { entry, score, band: bandOf(score), target: entry.target };
}

function byScore(a: FuzzyMatch<FuzzyEntry>, b: FuzzyMatch<FuzzyEntry>): number {
  return b.score - a.score || a.entry.source.length - b.entry.source.length;
}

/** The ids an index's vocabulary gives the words of `texts`, in order: what tells two words apart in the index. */
export function wordIds(texts: readonly string[]): number[] {
  const vocabulary = new Vocabulary();
  const ids: number[] = [];
  for (const text of texts) {
    const count = tokenSpans(fold(text));
    for (let token = 0; token < count; token += 1) ids.push(vocabulary.spanId(token, true));
  }
  return ids;
}

/** A copy of `array` with room for at least `needed` elements, doubling so that appends stay amortised O(1). */
function grown<A extends Int32Array | Uint16Array>(array: A, needed: number): A {
  const copy = new (array.constructor as new (length: number) => A)(Math.max(needed, array.length * 2));
  copy.set(array);
  return copy;
}
