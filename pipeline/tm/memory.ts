import { matchKey } from '../normalize/typography.ts';
import { ContextIndex, readContexts } from './context.ts';
import { bandOf, FuzzyIndex, type FuzzyMatch } from './fuzzy.ts';
import type { InlineCode } from './inline.ts';
import { parseTmx, type TmxDocument, type TranslationUnit } from './tmx.ts';

export interface MemoryEntry {
  /** The source text as the memory holds it. */
  source: string;
  target: string;
  unit: TranslationUnit;
}

export interface TmMatch extends FuzzyMatch<MemoryEntry> {
  lang: string;
}

export interface Conflict {
  key: string;
  kept: TranslationUnit;
  dropped: TranslationUnit;
}

/** Source → target lookup for each target language, built from any number of TMX documents. */
export class TranslationMemory {
  private readonly byLang = new Map<string, Map<string, MemoryEntry>>();
  private readonly fuzzy = new Map<string, FuzzyIndex<MemoryEntry>>();
  readonly conflicts: Conflict[] = [];
  /** Where imported translations stood and the source hash they recorded: context (101) and stale (context.ts). */
  readonly contexts = new ContextIndex();

  add(document: TmxDocument, sourceLang: string): void {
    for (const unit of document.units) {
      const source = unit.variants.get(sourceLang) ?? findPrimary(unit.variants, sourceLang);
      if (source === undefined || source.trim() === '') continue;
      const key = matchKey(source);
      for (const [lang, target] of unit.variants) {
        if (lang === sourceLang || target.trim() === '') continue;
        let entries = this.byLang.get(lang);
        if (!entries) this.byLang.set(lang, (entries = new Map()));
        const existing = entries.get(key);
        if (existing && existing.target !== target) {
          // The newer unit wins, as in CAT tools; the older one is reported so nobody wonders.
          const newer = (unit.changed ?? '') >= (existing.unit.changed ?? '');
          this.conflicts.push({ key, kept: newer ? unit : existing.unit, dropped: newer ? existing.unit : unit });
          if (!newer) continue;
        }
        const entry = { source, target, unit };
        entries.set(key, entry);
        let index = this.fuzzy.get(lang);
        if (!index) this.fuzzy.set(lang, (index = new FuzzyIndex()));
        index.add(entry, key);
      }
    }
  }

  /** Exact (typography-insensitive) match in the first language of `chain` that has one. */
  lookup(source: string, chain: readonly string[]): (MemoryEntry & { lang: string }) | undefined {
    const key = matchKey(source);
    for (const lang of this.withRegions(chain)) {
      const entry = this.byLang.get(lang)?.get(key);
      if (entry) return { ...entry, lang };
    }
    return undefined;
  }

  /**
   * The best matches for `source` in the first language of `chain` that has any: an exact match scores
   * 100, else fuzzy matches from the index (adapted numbers score 99), best first. A fuzzy match loses a
   * point per inline code its source has and the query has not, or the other way round (`codes`: the
   * query's; a transcript sentence has none), as Trados and memoQ penalise formatting differences.
   */
  match(
    source: string,
    chain: readonly string[],
    options: { minScore?: number; limit?: number; codes?: readonly Pick<InlineCode, 'kind'>[] } = {},
  ): TmMatch[] {
    const exact = this.lookup(source, chain);
    if (exact) {
      return [{ entry: exact, score: 100, band: 'exact', target: exact.target, lang: exact.lang }];
    }
    for (const lang of this.withRegions(chain)) {
      const found = this.fuzzy.get(lang)?.lookup(source, options) ?? [];
      if (found.length > 0)
        return withCodePenalties(found, options.codes ?? [], options.minScore ?? 50).map((match) => ({ ...match, lang }));
    }
    return [];
  }

  /**
   * The chain followed by the regional variants the memory holds of its languages, so that a memory
   * written for en-GB (or EN-GB in a TMX 1.1 file) serves a document in en when nothing closer exists.
   */
  private withRegions(chain: readonly string[]): string[] {
    const regional = [...this.byLang.keys()].filter(
      (lang) => !chain.includes(lang) && chain.some((wanted) => lang.toLowerCase().startsWith(`${wanted.toLowerCase()}-`)),
    );
    return regional.length === 0 ? [...chain] : [...chain, ...regional.sort()];
  }

  size(lang: string): number {
    return this.byLang.get(lang)?.size ?? 0;
  }
}

function findPrimary(variants: Map<string, string>, lang: string): string | undefined {
  for (const [tag, text] of variants) if (tag.split('-')[0] === lang) return text;
  return undefined;
}

/** The codes of a unit's source variant: the one whose text the memory took as the source. */
function sourceCodes(entry: MemoryEntry): readonly Pick<InlineCode, 'kind'>[] {
  for (const [lang, text] of entry.unit.variants) if (text === entry.source) return entry.unit.codes?.get(lang) ?? [];
  return [];
}

/** How many inline codes differ between two lists, by kind (bpt, ept, it, ph, hi, ut): the size of the multiset difference. */
export function codeDifference(a: readonly Pick<InlineCode, 'kind'>[], b: readonly Pick<InlineCode, 'kind'>[]): number {
  const counts = new Map<string, number>();
  for (const code of a) counts.set(code.kind, (counts.get(code.kind) ?? 0) + 1);
  for (const code of b) counts.set(code.kind, (counts.get(code.kind) ?? 0) - 1);
  return [...counts.values()].reduce((sum, count) => sum + Math.abs(count), 0);
}

/** Fuzzy matches with a point off per differing inline code, re-banded, still at or above `minScore`, best first. */
export function withCodePenalties<T extends FuzzyMatch<MemoryEntry>>(
  matches: readonly T[],
  codes: readonly Pick<InlineCode, 'kind'>[],
  minScore: number,
): T[] {
  return matches
    .map((match) => {
      const penalty = codeDifference(codes, sourceCodes(match.entry));
      if (penalty === 0) return match;
      const score = Math.max(0, match.score - penalty);
      return { ...match, score, band: bandOf(score) };
    })
    .filter((match) => match.score >= minScore)
    .sort((a, b) => b.score - a.score);
}

/**
 * A memory from TMX texts as the build loads its own (pipeline/resources.ts): units by the source language,
 * and the context props an import records (context matches, stale segments).
 */
export function memoryFromTexts(texts: readonly { text: string; file: string }[], sourceLang: string): TranslationMemory {
  const memory = new TranslationMemory();
  for (const { text, file } of texts) {
    memory.add(parseTmx(text, file), sourceLang);
    memory.contexts.add(readContexts(text, sourceLang, file));
  }
  return memory;
}
