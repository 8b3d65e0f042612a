// The build's report (output/report.json and BuildResult.report): what each document × locale left, owned
// here so that the engine, the glossary report and the CLI read one definition without importing the build.
import type { Shard } from '../engine/shard.ts';
import type { Counts } from './categories.ts';
import type { Message } from './messages.ts';

export interface LocaleReport {
  locale: string;
  title: string;
  segments: number;
  /** Segments published in the locale's own language. */
  published: number;
  /** Segments published in another language (a fallback's, or the source), marked with it: segments − published. */
  marked: number;
  termsFound: number;
  /** Segments per TM match band (context, exact, adapted, fuzzy bands, new): pipeline/tm/fuzzy.ts. */
  bands?: Record<string, number>;
  /** Segments translated from an older source (tm:stale): reported with both sources, not published. */
  stale?: number;
  /**
   * Target locales: the segments per category of the one vocabulary the CLI summary and the dashboard use
   * (context, exact, adapted, fuzzy, new, stale, fellBack: pipeline/report/categories.ts).
   */
  counts?: Counts;
  /** Terminology violations in published segments (glossary/check.ts), each with its segment and source place. */
  termViolations?: { rule: string; segment: string; file: string; line: number; column: number; message: string }[];
  files: string[];
  /** Deprecated glossary terms met in this locale's translations: replaced, or kept (stale). */
  glossary?: LocaleTermUse[];
}

export interface DocumentReport {
  file: string;
  slug: string;
  locales: LocaleReport[];
}

export interface BuildReport {
  documents: DocumentReport[];
  /** Milliseconds per stage, summed over documents and locales. */
  timings: Record<string, number>;
  messages: Message[];
  /** Per glossary concept and locale, the segments and documents its deprecated terms were replaced or kept in. */
  terms?: TermReport[];
  /** Artifacts (slug/locale) built by this run and taken from the cache; browser restarts survived. */
  incremental?: { rebuilt: string[]; reused: number; browserRestarts: number };
  /** Set when this build was one shard of several; `pressroom index` merges the shards. */
  shard?: Shard;
}

/** One concept's deprecated terms in one document and locale: the segments where they were replaced or kept. */
export interface LocaleTermUse {
  concept: string;
  /** The term the glossary gives instead (undefined when it has none for the locale). */
  term: string | undefined;
  deprecated: string[];
  segments: { segment: string; replaced: number; kept: boolean }[];
}

/** Per concept and locale over the whole build: what a glossary edit touched, in which documents. */
export interface TermReport {
  concept: string;
  locale: string;
  term: string | undefined;
  deprecated: string[];
  documents: string[];
  /** Occurrences replaced by the glossary's term, over all segments. */
  replaced: number;
  /** Segments still holding a deprecated form (published as stale, exported for a translator). */
  kept: number;
  segments: { document: string; segment: string; replaced: number; kept: boolean }[];
}
