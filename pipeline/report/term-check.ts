import { toString } from 'mdast-util-to-string';
import { checkSegmentTerms, type TermRule } from '../glossary/check.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { compileTerm, matchAt, wordsOf } from '../glossary/match.ts';
import type { LocaleSegments } from '../xliff/collect.ts';
import { needsWork } from '../xliff/collect.ts';

export interface TermProblem {
  rule: TermRule | 'term:inconsistent';
  file: string;
  slug: string;
  locale: string;
  segmentId: string;
  line: number;
  column: number;
  /** The published text of the segment, which the dashboard links to. */
  target: string;
  message: string;
}

/**
 * Checks the published translations against the glossary (glossary/check.ts: an approved target term
 * missing where the source has the concept, fewer target terms than source occurrences, a deprecated
 * term anywhere), and one source sentence translated two ways, across documents too.
 */
export function checkTerms(docs: readonly LocaleSegments[], glossary: Glossary, sourceLang: string): TermProblem[] {
  const problems: TermProblem[] = [];
  const seen = new Map<string, { text: string; slug: string }>();
  for (const doc of docs) {
    for (const state of doc.segments) {
      // A stale segment is published with its deprecated term: checked, so that terms check names it.
      if ((needsWork(state.translated) && state.translated.status !== 'stale') || state.translated.lang !== doc.locale) continue;
      const target = toString(state.translated);
      const place = state.source.position?.start ?? { line: 1, column: 1 };
      const problem = (rule: TermProblem['rule'], message: string) =>
        problems.push({
          rule,
          file: doc.file.path,
          slug: doc.file.slug,
          locale: doc.locale,
          segmentId: state.source.id,
          line: place.line,
          column: place.column,
          target,
          message,
        });
      for (const violation of checkSegmentTerms(glossary, {
        source: state.source.source,
        target,
        sourceLang,
        targetLang: doc.locale,
      }))
        problem(violation.rule, violation.message);
      const key = `${doc.locale}\u0000${state.source.source}`;
      const earlier = seen.get(key);
      if (earlier && earlier.text !== target)
        problem(
          'term:inconsistent',
          `Unexpected second translation of the same sentence, expected the one used in ${earlier.slug}: “${earlier.text}”`,
        );
      else if (!earlier) seen.set(key, { text: target, slug: doc.file.slug });
    }
  }
  return problems;
}

/**
 * Whether `text` holds `term` in any inflection, by the matcher of glossary/match.ts (prefix rule,
 * Snowball for en and ru, acronyms in exact case): Президент России → Президента России.
 */
export function containsTerm(text: string, term: string, lang = 'und'): boolean {
  const pattern = compileTerm(term, lang);
  const words = wordsOf(text, lang);
  return words.some((_, at) => matchAt(words, at, pattern) >= 0);
}
