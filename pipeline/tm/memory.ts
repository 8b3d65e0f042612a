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

/** One direction of a memory: exact entries by matching form, and their fuzzy index. */
interface PairIndex {
  from: string;
  to: string;
  exact: Map<string, MemoryEntry>;
  fuzzy: FuzzyIndex<MemoryEntry>;
  /** How many of the memory's units this index has read: units added later are read at the next look-up. */
  indexed: number;
}

/**
 * Look-ups in every direction a set of TMX documents holds: a unit with en, ru and ky variants serves
 * en→ru, ru→en, ky→ru and the rest. Each direction (source language, target language) has its own exact
 * map and fuzzy index, built on first use, so that a memory of 83k units indexed for en→ru does not pay
 * for ru→en until a Russian original asks (three languages indexed both ways would be six indexes). The
 * direction `add` is given is indexed at once, so that its conflicts are known when the memory is loaded.
 */
export class TranslationMemory {
  private readonly units: TranslationUnit[] = [];
  /** Every variant's language tag, in the order first met. */
  private readonly languages = new Set<string>();
  private readonly pairs = new Map<string, PairIndex>();
  /** The source language of look-ups that name none: the first one `add` was given. */
  private defaultSource: string | undefined;
  readonly conflicts: Conflict[] = [];
  /** Where imported translations stood and the source hash they recorded: context (101) and stale (context.ts). */
  readonly contexts = new ContextIndex();

  /** Adds a document's units; `sourceLang` (optional) is the direction indexed now, and the default of look-ups. */
  add(document: TmxDocument, sourceLang?: string): void {
    for (const unit of document.units) {
      this.units.push(unit);
      for (const lang of unit.variants.keys()) this.languages.add(lang);
    }
    if (sourceLang === undefined) return;
    this.defaultSource ??= sourceLang;
    for (const lang of this.languages) if (lang !== sourceLang) this.pair(sourceLang, lang);
  }

  /** The languages the memory's units have variants in. */
  get langs(): readonly string[] {
    return [...this.languages];
  }

  /**
   * Exact (typography-insensitive) match of a `from` source in the first language of `chain` that has
   * one (default `from`: the language `add` was first given).
   */
  lookup(source: string, chain: readonly string[], from = this.defaultSource): (MemoryEntry & { lang: string }) | undefined {
    if (from === undefined) return undefined;
    const key = matchKey(source);
    for (const lang of this.withRegions(chain, from)) {
      const entry = this.pair(from, lang)?.exact.get(key);
      if (entry) return { ...entry, lang };
    }
    return undefined;
  }

  /**
   * The best matches for `source` (in `options.from`, default as `lookup`) in the first language of
   * `chain` that has any: an exact match scores 100, else fuzzy matches from the index (adapted numbers
   * score 99), best first. A fuzzy match loses a point per inline code its source has and the query has
   * not, or the other way round (`codes`: the query's; a transcript sentence has none), as Trados and
   * memoQ penalise formatting differences.
   */
  match(
    source: string,
    chain: readonly string[],
    options: { minScore?: number; limit?: number; codes?: readonly Pick<InlineCode, 'kind'>[]; from?: string } = {},
  ): TmMatch[] {
    const from = options.from ?? this.defaultSource;
    if (from === undefined) return [];
    const exact = this.lookup(source, chain, from);
    if (exact) {
      return [{ entry: exact, score: 100, band: 'exact', target: exact.target, lang: exact.lang }];
    }
    for (const lang of this.withRegions(chain, from)) {
      const found = this.pair(from, lang)?.fuzzy.lookup(source, options) ?? [];
      if (found.length > 0)
        return withCodePenalties(found, options.codes ?? [], options.minScore ?? 50).map((match) => ({ ...match, lang }));
    }
    return [];
  }

  /**
   * The chain followed by the regional variants the memory holds of its languages, so that a memory
   * written for en-GB (or EN-GB in a TMX 1.1 file) serves a document in en when nothing closer exists.
   * The source language itself is never a target.
   */
  private withRegions(chain: readonly string[], from: string): string[] {
    const regional = [...this.languages].filter(
      (lang) => !chain.includes(lang) && chain.some((wanted) => lang.toLowerCase().startsWith(`${wanted.toLowerCase()}-`)),
    );
    return (regional.length === 0 ? [...chain] : [...chain, ...regional.sort()]).filter((lang) => lang !== from);
  }

  /** The index of one direction, brought up to date with the units added since; none for a language the memory lacks. */
  private pair(from: string, to: string): PairIndex | undefined {
    if (!this.languages.has(to) || to === from) return undefined;
    const name = `${from}\u0000${to}`;
    let pair = this.pairs.get(name);
    if (!pair) this.pairs.set(name, (pair = { from, to, exact: new Map(), fuzzy: new FuzzyIndex(), indexed: 0 }));
    while (pair.indexed < this.units.length) this.index(pair, this.units[pair.indexed++]!);
    return pair;
  }

  private index(pair: PairIndex, unit: TranslationUnit): void {
    const found = sourceVariant(unit.variants, pair.from);
    if (!found || found.tag === pair.to || found.text.trim() === '') return;
    const target = unit.variants.get(pair.to);
    if (target === undefined || target.trim() === '') return;
    const key = matchKey(found.text);
    const existing = pair.exact.get(key);
    if (existing && existing.target !== target) {
      // The newer unit wins, as in CAT tools; the older one is reported so nobody wonders.
      const newer = (unit.changed ?? '') >= (existing.unit.changed ?? '');
      this.conflicts.push({ key, kept: newer ? unit : existing.unit, dropped: newer ? existing.unit : unit });
      if (!newer) return;
    }
    const entry = { source: found.text, target, unit };
    pair.exact.set(key, entry);
    pair.fuzzy.add(entry, key);
  }

  /** Whether any unit translates from `from` into a language of `chain` (or a regional variant of one, as look-ups read them). */
  serves(from: string, chain: readonly string[]): boolean {
    return this.withRegions(chain, from).some((lang) => (this.pair(from, lang)?.exact.size ?? 0) > 0);
  }

  /** Entries translating from `from` (default as `lookup`) into `lang`. */
  size(lang: string, from = this.defaultSource): number {
    return from === undefined ? 0 : (this.pair(from, lang)?.exact.size ?? 0);
  }
}

/** A unit's variant in `lang`: that tag, else the first of the same language (en for en-GB). */
function sourceVariant(variants: Map<string, string>, lang: string): { tag: string; text: string } | undefined {
  const exact = variants.get(lang);
  if (exact !== undefined) return { tag: lang, text: exact };
  const base = lang.split('-')[0];
  for (const [tag, text] of variants) if (tag.split('-')[0] === base) return { tag, text };
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
 * A memory from TMX texts as the build loads its own (pipeline/resources.ts): units in every direction,
 * `sourceLang`'s indexed now, and the context props an import records (context matches, stale segments).
 */
export function memoryFromTexts(texts: readonly { text: string; file: string }[], sourceLang: string): TranslationMemory {
  const memory = new TranslationMemory();
  for (const { text, file } of texts) {
    const document = parseTmx(text, file);
    memory.add(document, sourceLang);
    // Units that record no direction of their own are the memory's header's (as the build reads them).
    memory.contexts.add(readContexts(text, document.srclang === '*all*' ? sourceLang : document.srclang, file));
  }
  return memory;
}
