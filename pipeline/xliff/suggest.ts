import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineConfig } from '../config/defaults.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { matchKey } from '../normalize/typography.ts';
import { parseTmx } from '../tm/tmx.ts';
import type { Suggestion } from './model.ts';

const MIN_SCORE = 50;
const words = (text: string) =>
  matchKey(text)
    .toLocaleLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** 100 × (1 − word edit distance / longer length): the token-level score CAT tools show. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 100;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return Math.round(100 * (1 - previous[b.length]! / Math.max(a.length, b.length)));
}

/**
 * TM candidates for the XLIFF a translator receives: a linear scan of the project's memories, scored by
 * word edit distance, 50 and up, best three. Enough for one export; the build's matcher is issue 4's.
 */
export async function memorySuggestions(config: PipelineConfig): Promise<(source: string, locale: string) => Suggestion[]> {
  const pairs: { source: string; words: string[]; set: Set<string>; target: string; lang: string; origin: string }[] = [];
  for (const file of config.memories) {
    const tmx = parseTmx(await readFile(file, 'utf8'), file);
    for (const unit of tmx.units) {
      const source = unit.variants.get(config.sourceLocale);
      if (!source) continue;
      for (const [lang, target] of unit.variants)
        if (lang !== config.sourceLocale) {
          const tokens = words(source);
          pairs.push({ source, words: tokens, set: new Set(tokens), target, lang, origin: path.basename(file) });
        }
    }
  }
  return (source, locale) => {
    const wanted = words(source);
    const lang = canonicalLocale(locale) ?? locale;
    // The score is at most (words of the query found in the candidate) / (longer length): candidates that
    // cannot reach the minimum are skipped before the quadratic edit distance.
    const reachable = (pair: (typeof pairs)[number]) =>
      (100 * wanted.filter((word) => pair.set.has(word)).length) / Math.max(wanted.length, pair.words.length) >= MIN_SCORE;
    return pairs
      .filter((pair) => pair.lang === lang && reachable(pair) && matchKey(pair.source) !== matchKey(source))
      .map((pair) => ({ score: similarity(wanted, pair.words), source: pair.source, target: pair.target, origin: pair.origin }))
      .filter((match) => match.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3);
  };
}
