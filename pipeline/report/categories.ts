// One vocabulary for a locale's segments, shared by the CLI summary, report.json and the dashboard.
import { FUZZY_BANDS } from '../tm/fuzzy.ts';
import type { Segment } from '../types.ts';

/** Coverage categories, in the order the dashboard's bar draws them: published as reviewed first, then the work left. */
export const CATEGORIES = ['context', 'exact', 'adapted', 'fuzzy', 'new', 'stale', 'fellBack'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Counts = Record<Category, number>;

/** The words a reader sees for each category (CLI summary); the dashboard's labels add the match scores. */
export const CATEGORY_WORDS: Record<Category, string> = {
  context: 'context',
  exact: 'exact',
  adapted: 'adapted',
  fuzzy: 'fuzzy',
  new: 'new',
  stale: 'stale',
  fellBack: 'fell back',
};

export const emptyCounts = (): Counts => ({ context: 0, exact: 0, adapted: 0, fuzzy: 0, new: 0, stale: 0, fellBack: 0 });

/**
 * Which category a translated segment falls in. A segment kept in the source language because its best
 * match scored below the locale's policy is fuzzy work, not new: a translator starts from that match (the
 * XLIFF carries it). “Fell back” is a segment published from a fallback language's memory (ky → ru), never
 * one without a match (that is new).
 */
export function categoryOf(segment: Segment, locale: string, sourceLocale: string): Category {
  const status: string = segment.status;
  if (status === 'context' || status === 'exact' || status === 'adapted' || status === 'stale') return status;
  if (status.startsWith('fuzzy')) return 'fuzzy';
  if (status === 'fallback' && segment.lang !== locale && segment.lang !== sourceLocale) return 'fellBack';
  if (segment.band !== undefined && FUZZY_BANDS.has(segment.band)) return 'fuzzy';
  return 'new';
}

/** A locale's segments counted per category. */
export function countCategories(segments: readonly Segment[], locale: string, sourceLocale: string): Counts {
  const counts = emptyCounts();
  for (const segment of segments) counts[categoryOf(segment, locale, sourceLocale)] += 1;
  return counts;
}
