// The translation dashboard's data: made by pipeline/report/dashboard.ts from the engine's results, rendered
// by templates/dashboard.ts, written as output/report/dashboard.json. Its own module so that the template
// reads the type without importing the code that renders it.
import type { Counts } from './categories.ts';
import type { TermProblem } from './term-check.ts';

export interface DashboardData {
  sourceLocale: string;
  locales: {
    locale: string;
    name: string;
    counts: Counts;
    total: number;
    problems: (TermProblem & { href: string })[];
    waiting: { slug: string; title: string; segments: number; xliff: string }[];
    /** The same counts per direction: by the language the documents are written in (ru → en, ky → en …). */
    directions: { from: string; counts: Counts; total: number }[];
  }[];
  documents: {
    slug: string;
    title: string;
    /** The language the document is written in. (optional: the config's sourceLocale) */
    sourceLang?: string;
    locales: { locale: string; counts: Counts; total: number; page: string }[];
  }[];
  /** Per glossary concept met in a source: the segments and documents a glossary edit to it reaches. */
  terms: { concept: string; term: string; documents: string[]; segments: string[] }[];
}
