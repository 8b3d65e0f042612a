import { matchKey } from './typography.ts';

/** A run of blocks that repeats an earlier run: the signature of a scrape that captured a block twice. */
export interface Repeat {
  /** Index of the first block of the copy to drop. */
  start: number;
  length: number;
  /** Index of the first block of the original. */
  original: number;
}

/** Folds what differs between two captures of one block: spaces, NBSP, soft hyphens, zero-width, quotes, dashes, dots. */
export function foldForRepeat(text: string): string {
  return matchKey(text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, ''))
    .toLowerCase()
    .replace(/[\u2010-\u2015-]+/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/["'\u201e\u201a]/g, '')
    .replace(/\s+/g, '');
}

/** How many earlier occurrences of a block are tried as the start of an original: bounds the work on pathological input. */
const CANDIDATES = 8;

/**
 * Finds runs of two or more blocks (and at least `minChars` folded characters) that repeat an earlier run,
 * adjacent or not. A single repeated paragraph ("Thank you.") can be genuine, so it is left alone. Runs
 * never overlap their original. Linear in the number of blocks times CANDIDATES times the run length.
 */
export function findRepeatedRuns(texts: readonly string[], minLength = 2, minChars = 60): Repeat[] {
  const keys = texts.map(foldForRepeat);
  const seen = new Map<string, number[]>();
  const repeats: Repeat[] = [];
  let index = 0;
  while (index < keys.length) {
    const key = keys[index]!;
    let best: Repeat | undefined;
    for (const original of (seen.get(key) ?? []).slice(-CANDIDATES)) {
      let length = 0;
      let chars = 0;
      while (index + length < keys.length && original + length < index && keys[original + length] === keys[index + length]) {
        chars += keys[index + length]!.length;
        length += 1;
      }
      if (length >= minLength && chars >= minChars && (!best || length > best.length)) best = { start: index, length, original };
    }
    if (best) {
      repeats.push(best);
      index += best.length;
      continue;
    }
    const list = seen.get(key) ?? [];
    list.push(index);
    seen.set(key, list);
    index += 1;
  }
  return repeats;
}
