import { matchKey } from '../normalize/typography.ts';

/** memoQ/Trados match bands; `context` is 101, `exact` 100, `adapted` the 99 of a placeable substitution. */
export type Band = 'context' | 'exact' | 'adapted' | '95-99' | '85-94' | '75-84' | '50-74' | 'new';

export const BANDS: readonly Band[] = ['context', 'exact', 'adapted', '95-99', '85-94', '75-84', '50-74', 'new'];

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
  const spans: number[] = [];
  tokenSpans(folded, spans);
  const tokens: string[] = [];
  for (let i = 0; i < spans.length; i += 2) tokens.push(folded.slice(spans[i], spans[i + 1]));
  return tokens;
}

function fold(text: string): string {
  return matchKey(text).toLowerCase();
}

/**
 * Start and end offsets of the tokens of folded text, pushed into `spans` (emptied first): a loop over a
 * table of character classes, so that an index build makes no string for a word it already knows.
 */
function tokenSpans(folded: string, spans: number[]): void {
  spans.length = 0;
  const length = folded.length;
  for (let at = 0; at < length;) {
    const kind = kindAt(folded, at);
    const start = at;
    at += width(folded, at);
    if (kind === SPACE) continue;
    if (kind === LETTER) {
      while (at < length && kindAt(folded, at) === LETTER) at += width(folded, at);
    } else if (kind === DIGITS) {
      for (;;) {
        while (at < length && kindAt(folded, at) === DIGITS) at += width(folded, at);
        const separator = folded.charCodeAt(at);
        if ((separator !== 0x2e && separator !== 0x2c) || at + 1 >= length || kindAt(folded, at + 1) !== DIGITS) break;
        at += 1;
      }
    }
    spans.push(start, at);
  }
}

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
  return text.codePointAt(at)! > 0xffff ? 2 : 1;
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
  const distance = tokenDistance(a, b);
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

/** Token ids by an open-addressing hash over the characters of a span: no string is made for a known word. */
class Vocabulary {
  private readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  private table = new Int32Array(2048).fill(-1);

  get size(): number {
    return this.words.length;
  }

  /** The id of `text.slice(start, end)`; a new id when `add`, else -1 for a word never seen. */
  id(text: string, start: number, end: number, add: boolean): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (let id = this.table[slot]!; id !== -1; slot = (slot + 1) & mask, id = this.table[slot]!) {
      if (this.hashes[id] === hash && sameSpan(this.words[id]!, text, start, end)) return id;
    }
    if (!add) return -1;
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    this.table[slot] = id;
    if (this.words.length * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let id = 0; id < this.words.length; id += 1) {
      let slot = this.hashes[id]! & mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & mask;
      this.table[slot] = id;
    }
  }
}

function sameSpan(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i += 1) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Scratch offsets for tokenSpans: lookups and index builds are synchronous. */
const SPANS: number[] = [];

/**
 * An inverted index from token to entries, for fuzzy candidates: a query counts the tokens each entry
 * shares with it (rare tokens first, only as many as can decide `minScore`, within a budget of postings),
 * and only the `candidates` entries sharing the most are edit-distanced. `scan` ranks every entry the same
 * way: the recall reference (bench/tm measures the index against it).
 */
export class FuzzyIndex<T extends FuzzyEntry> {
  private readonly entries: T[] = [];
  // Tokens as ids into `vocabulary`: a million entries of strings would cost gigabytes.
  private readonly tokens: Int32Array[] = [];
  private readonly vocabulary = new Vocabulary();
  private readonly postings: number[][] = [];
  /** The last entry added to each token's posting list. */
  private readonly lastEntry: number[] = [];
  private counts = new Uint16Array(1024);
  private touched = new Int32Array(1024);
  private queryNumbers = 0;

  constructor(private readonly options: { candidates?: number; budget?: number } = {}) {}

  get size(): number {
    return this.entries.length;
  }

  add(entry: T): void {
    const id = this.entries.length;
    const folded = fold(entry.source);
    tokenSpans(folded, SPANS);
    const tokens = new Int32Array(SPANS.length / 2);
    for (let i = 0; i < tokens.length; i += 1) {
      const token = this.vocabulary.id(folded, SPANS[2 * i]!, SPANS[2 * i + 1]!, true);
      if (token === this.postings.length) {
        this.postings.push([]);
        this.lastEntry.push(-1);
      }
      tokens[i] = token;
      // Each entry once per posting list, without a Set per entry.
      if (this.lastEntry[token] !== id) {
        this.lastEntry[token] = id;
        this.postings[token]!.push(id);
      }
    }
    this.entries.push(entry);
    this.tokens.push(tokens);
  }

  /** The best matches at or above `minScore`, best first (at most `limit`). */
  lookup(source: string, { minScore = 50, limit = 5 } = {}): FuzzyMatch<T>[] {
    const query = this.encode(source);
    if (query.length === 0) return [];
    if (this.counts.length < this.entries.length) this.counts = new Uint16Array(this.entries.length * 2);
    const counts = this.counts;
    // Each distinct token with the number of query positions it covers, rarest first.
    const weights = new Map<number, number>();
    for (const token of query) weights.set(token, (weights.get(token) ?? 0) + 1);
    const lists = [...weights]
      .map(([token, weight]) => ({ list: this.postings[token] ?? [], weight }))
      .sort((x, y) => x.list.length - y.list.length);
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
    for (const { list, weight } of lists) {
      if (covered > enough || (list.length > budget && size > 0)) break;
      if (early.length === 0 && covered > checkpoint && size > 0) {
        early = this.shortlist(size, best, false);
        const found = this.rank(query, source, early, minScore, limit);
        if (found.length >= limit) {
          const bound = Math.min(Math.ceil((query.length * found[limit - 1]!.score) / 100), query.length - this.queryNumbers);
          enough = query.length - Math.max(needed, bound);
          if (covered > enough) break;
        }
      }
      covered += weight;
      budget -= list.length;
      for (const id of list) {
        if (counts[id] === 0) touched[size++] = id;
        const count = (counts[id] = counts[id]! + 1);
        if (count > best) best = count;
      }
    }
    const shortlist = this.shortlist(size, best, true);
    for (const id of early) if (!shortlist.includes(id)) shortlist.push(id);
    return this.rank(query, source, shortlist, minScore, limit);
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
    return this.rank(this.encode(source), source, this.entries.keys(), minScore, limit);
  }

  /**
   * Token ids of a query; a word the index has never seen gets an id of its own that matches nothing.
   * Sets `queryNumbers` to the number of its number tokens.
   */
  private encode(source: string): Int32Array {
    const folded = fold(source);
    tokenSpans(folded, SPANS);
    const tokens = new Int32Array(SPANS.length / 2);
    this.queryNumbers = 0;
    for (let i = 0; i < tokens.length; i += 1) {
      if (kindAt(folded, SPANS[2 * i]!) === DIGITS) this.queryNumbers += 1;
      const token = this.vocabulary.id(folded, SPANS[2 * i]!, SPANS[2 * i + 1]!, false);
      tokens[i] = token === -1 ? -1 - i : token;
    }
    return tokens;
  }

  private rank(query: Int32Array, source: string, ids: Iterable<number>, minScore: number, limit: number): FuzzyMatch<T>[] {
    const matches: FuzzyMatch<T>[] = [];
    for (const id of ids) {
      const tokens = this.tokens[id]!;
      const longest = Math.max(query.length, tokens.length);
      // A distance above this cannot reach minScore; the banded distance stops there.
      const limitDistance = Math.floor(longest * (1 - minScore / 100));
      const distance = tokenDistance(query, tokens, limitDistance);
      if (distance > limitDistance) continue;
      const entry = this.entries[id]!;
      let score = distance === 0 ? 100 : Math.min(99, Math.floor(100 * (1 - distance / longest)));
      let target = entry.target;
      let band = bandOf(score);
      const adapted = score < 100 ? adaptNumbers(source, entry.source, entry.target) : undefined;
      if (adapted !== undefined) {
        score = 99;
        band = 'adapted';
        target = adapted;
      }
      if (score >= minScore) matches.push({ entry, score, band, target });
    }
    matches.sort((a, b) => b.score - a.score || a.entry.source.length - b.entry.source.length);
    return matches.slice(0, limit);
  }
}
