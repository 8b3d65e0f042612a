import { toString } from 'mdast-util-to-string';
import { checkSegmentTerms, type TermRule } from '../glossary/check.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { compileTerm, matchAt, wordsOf } from '../glossary/match.ts';
import type { LocaleSegments } from '../xliff/collect.ts';
import { needsWork } from '../xliff/collect.ts';
import { createDiagnostic, type Diagnostic } from './messages.ts';

/**
 * A diagnostic (report/messages.ts: file, place, severity warning, ruleId = rule, reason = message, the
 * locale and segment) with what the dashboard shows and links: the document's slug and the target text.
 */
export interface TermProblem extends Diagnostic {
  rule: TermRule | 'term:inconsistent';
  slug: string;
  locale: string;
  segmentId: string;
  line: number;
  column: number;
  /** The published text of the segment, which the dashboard links to. */
  target: string;
  /** The reason, under the name the dashboard and `terms check --json` have always used. */
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
      const position = state.source.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
      const problem = (rule: TermProblem['rule'], message: string) =>
        problems.push({
          ...createDiagnostic({
            file: doc.file.path,
            place: position,
            severity: 'warning',
            reason: message,
            ruleId: rule,
            locale: doc.locale,
            segment: state.source.id,
          }),
          rule,
          slug: doc.file.slug,
          locale: doc.locale,
          segmentId: state.source.id,
          line: position.start.line,
          column: position.start.column,
          target,
          message,
        });
      for (const violation of checkSegmentTerms(glossary, {
        source: state.source.source,
        target,
        sourceLang: doc.sourceLang ?? sourceLang,
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
