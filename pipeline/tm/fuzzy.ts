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

/** Word and number tokens, punctuation as tokens of its own; case folded, typography folded by matchKey. */
export function tokenize(text: string): string[] {
  return (
    matchKey(text)
      .toLowerCase()
      .match(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? []
  );
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

/**
 * An inverted index from token to entries, for fuzzy candidates: a query counts the tokens each entry
 * shares with it (rare tokens first, within a budget of postings), and only the `candidates` entries
 * sharing the most are edit-distanced. `scan` ranks every entry the same way: the recall reference.
 */
export class FuzzyIndex<T extends FuzzyEntry> {
  private readonly entries: T[] = [];
  // Tokens as ids into `vocabulary`: a million entries of strings would cost gigabytes.
  private readonly tokens: Int32Array[] = [];
  private readonly vocabulary = new Map<string, number>();
  private readonly postings: number[][] = [];
  private counts = new Uint16Array(1024);

  constructor(private readonly options: { candidates?: number; budget?: number } = {}) {}

  get size(): number {
    return this.entries.length;
  }

  add(entry: T): void {
    const id = this.entries.length;
    const tokens = Int32Array.from(tokenize(entry.source), (token) => {
      let tokenId = this.vocabulary.get(token);
      if (tokenId === undefined) {
        this.vocabulary.set(token, (tokenId = this.postings.length));
        this.postings.push([]);
      }
      return tokenId;
    });
    this.entries.push(entry);
    this.tokens.push(tokens);
    for (const token of new Set(tokens)) this.postings[token]!.push(id);
  }

  /** The best matches at or above `minScore`, best first (at most `limit`). */
  lookup(source: string, { minScore = 50, limit = 5 } = {}): FuzzyMatch<T>[] {
    const query = this.encode(source);
    if (query.length === 0) return [];
    if (this.counts.length < this.entries.length) this.counts = new Uint16Array(this.entries.length * 2);
    const counts = this.counts;
    const lists = [...new Set(query)].map((token) => this.postings[token] ?? []).sort((x, y) => x.length - y.length);
    // Rare tokens first, until the budget of postings is spent: frequent tokens ("the", ",") carry no
    // signal and would turn every lookup into a scan.
    let budget = this.options.budget ?? 60_000;
    const touched: number[] = [];
    let best = 0;
    for (const list of lists) {
      if (list.length > budget && touched.length > 0) break;
      budget -= list.length;
      for (const id of list) {
        if (counts[id] === 0) touched.push(id);
        const count = (counts[id] = counts[id]! + 1);
        if (count > best) best = count;
      }
    }
    // The `candidates` entries sharing the most tokens, by a histogram rather than a sort of `touched`.
    const wanted = this.options.candidates ?? 100;
    const histogram = new Uint32Array(best + 1);
    for (const id of touched) histogram[counts[id]!]! += 1;
    let threshold = best;
    for (let total = histogram[best]!; threshold > 1 && total + histogram[threshold - 1]! <= wanted;) {
      threshold -= 1;
      total += histogram[threshold]!;
    }
    const shortlist: number[] = [];
    for (const id of touched) {
      if (counts[id]! >= threshold && shortlist.length < wanted) shortlist.push(id);
      counts[id] = 0;
    }
    return this.rank(query, source, shortlist, minScore, limit);
  }

  /** The same ranking over every entry: the reference the index is measured against. */
  scan(source: string, { minScore = 50, limit = 5 } = {}): FuzzyMatch<T>[] {
    return this.rank(this.encode(source), source, this.entries.keys(), minScore, limit);
  }

  /** Token ids of a query; a word the index has never seen gets an id of its own that matches nothing. */
  private encode(source: string): Int32Array {
    return Int32Array.from(tokenize(source), (token, i) => this.vocabulary.get(token) ?? -1 - i);
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
