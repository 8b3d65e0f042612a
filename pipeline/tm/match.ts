import type { PipelineConfig } from '../config/defaults.ts';
import { resolveLocales } from '../locale/resolve.ts';
import type { ContextVerdict } from './context.ts';
import type { TmMatch, TranslationMemory } from './memory.ts';

/**
 * The one matcher. The build's translate stage (and the cache key of what it publishes), `pressroom tm
 * lookup` and the XLIFF suggestions and prefill all ask the memory through `findMatches`, so the three show
 * the same score, band and target for a segment: a context match 101 (same source and neighbours, from the
 * props an import records), exact 100, adapted 99 (numbers substituted), fuzzy capped at 99 with the bands
 * of fuzzy.ts, and the same language chain (`matchChain`).
 */

/** A segment as the matcher sees it; without `doc` there is no context to match (a sentence typed at `tm lookup`). */
export interface SegmentQuery {
  source: string;
  doc?: string;
  /** Neighbouring sources ('' at the document's edges). */
  prev?: string;
  next?: string;
}

export interface MatchOptions {
  /** The target language: the first of the locale's chain (context matches are recorded per language). */
  target: string;
  /** The source language: the document's (default: the language the memory was loaded for). */
  from?: string;
  /** The languages to look in, in order (matchChain). */
  chain: readonly string[];
  /** The matching forms of every source in the document now: what tells a stale unit (context.ts). */
  current?: ReadonlySet<string>;
  /** Lowest fuzzy score (default: 50). */
  minScore?: number;
  /** Matches returned at most (default: 5). */
  limit?: number;
  /** Only the best is wanted (the build): a context match is not followed by a fuzzy search. */
  firstOnly?: boolean;
}

export type StaleVerdict = Extract<ContextVerdict, { kind: 'stale' }>;

/** What the memory gives one segment: a stale translation (not published), else its best match, if any. */
export type SegmentLookup = { kind: 'stale'; verdict: StaleVerdict } | { kind: 'match'; match: TmMatch | undefined };

/**
 * The languages a locale's text is looked up in, as the build looks: the locale's `resolveLocales` chain
 * with `fallbackLng`, the fallbacks only when `onMissing` says "fallback", never the source language
 * (`from`: the document's, default the config's `sourceLocale`).
 */
export function matchChain(
  locale: string,
  config: Pick<PipelineConfig, 'sourceLocale' | 'fallbackLng' | 'onMissing'>,
  from: string = config.sourceLocale,
): string[] {
  return lookupLanguages(resolveLocales(locale, config.fallbackLng), config.onMissing).filter((lang) => lang !== from);
}

/** The languages of `chain` a text is looked up in: its own, and its fallbacks only when `onMissing` says "fallback". */
export function lookupLanguages(chain: readonly string[], onMissing: PipelineConfig['onMissing']): readonly string[] {
  return onMissing === 'fallback' ? chain : chain.slice(0, 1);
}

/**
 * The matches for a segment, best first: a context match first when the memory recorded one, then the
 * memory's exact or fuzzy matches. A stale unit (its source changed since it was translated) gives no
 * match, and the verdict.
 */
export function findMatches(
  segment: SegmentQuery,
  memory: TranslationMemory,
  options: MatchOptions,
): { stale?: StaleVerdict; matches: TmMatch[] } {
  const verdict =
    segment.doc === undefined
      ? undefined
      : memory.contexts.judge(
          { doc: segment.doc, source: segment.source, prev: segment.prev ?? '', next: segment.next ?? '' },
          options.target,
          options.current ?? new Set(),
          options.from,
        );
  if (verdict?.kind === 'stale') return { stale: verdict, matches: [] };
  const context = verdict && contextMatch(verdict, options.target);
  if (context && options.firstOnly) return { matches: [context] };
  const found = memory.match(segment.source, options.chain, { minScore: options.minScore, limit: options.limit, from: options.from });
  if (!context) return { matches: found };
  return { matches: [context, ...found.filter((match) => match.target !== context.target)].slice(0, options.limit ?? 5) };
}

/**
 * The memory's answer for one segment, as the translate stage publishes it and as an artifact's cache key
 * records it (engine/fingerprint.ts): the first of `findMatches`. `chain` is the look-up chain without the
 * source language; `target` its first language; `from` the document's source language.
 */
export function lookupSegment(
  segment: { doc: string; source: string; prev: string; next: string },
  memory: TranslationMemory,
  target: string,
  chain: readonly string[],
  current: ReadonlySet<string>,
  from?: string,
): SegmentLookup {
  const { stale, matches } = findMatches(segment, memory, { target, chain, current, firstOnly: true, from });
  return stale ? { kind: 'stale', verdict: stale } : { kind: 'match', match: matches[0] };
}

/** A context match (101) as the memory's matches look: the unit's target, in the segment's language. */
export function contextMatch(verdict: Extract<ContextVerdict, { kind: 'context' }>, lang: string): TmMatch {
  const { unit } = verdict;
  return {
    entry: {
      source: unit.source,
      target: verdict.target,
      unit: { id: '', variants: new Map([...unit.targets]), changed: undefined, file: unit.file, line: unit.line },
    },
    score: 101,
    band: 'context',
    target: verdict.target,
    lang,
  };
}
