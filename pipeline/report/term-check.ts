import { toString } from 'mdast-util-to-string';
import { preferredTerm, type Glossary } from '../glossary/glossary.ts';
import type { LocaleSegments } from '../xliff/collect.ts';
import { needsWork } from '../xliff/collect.ts';

export interface TermProblem {
  rule: 'term:missing' | 'term:deprecated' | 'term:inconsistent';
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
 * Checks the published translations against the glossary: an approved target term missing where the
 * source has the concept, a deprecated term anywhere, and one source sentence translated two ways.
 * Inflection is matched by prefix (Кыргызстан → Кыргызстана), the rule that also works for Kyrgyz.
 */
export function checkTerms(docs: readonly LocaleSegments[], glossary: Glossary, sourceLang: string): TermProblem[] {
  const problems: TermProblem[] = [];
  const seen = new Map<string, { text: string; slug: string }>();
  for (const doc of docs) {
    for (const state of doc.segments) {
      if (needsWork(state.translated) || state.translated.lang !== doc.locale) continue;
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
      for (const hit of glossary.find(state.source.source, sourceLang)) {
        const allowed = (hit.concept.terms.get(doc.locale) ?? []).filter((term) => term.status !== 'deprecated');
        if (allowed.length > 0 && !allowed.some((term) => containsTerm(target, term.text)))
          problem(
            'term:missing',
            `Unexpected translation of “${hit.term.text}” without “${preferredTerm(hit.concept, doc.locale)?.text ?? allowed[0]!.text}”, expected the glossary term`,
          );
      }
      for (const concept of glossary.concepts) {
        for (const term of concept.terms.get(doc.locale) ?? []) {
          if (term.status !== 'deprecated' || !containsTerm(target, term.text)) continue;
          const replacement = preferredTerm(concept, doc.locale)?.text;
          problem(
            'term:deprecated',
            `Unexpected deprecated term “${term.text}”, expected ${replacement ? `“${replacement}”` : 'a current term'}`,
          );
        }
      }
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

const isLetter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Whole-word start, any ending; acronyms (all capitals) must match exactly. */
export function containsTerm(text: string, term: string): boolean {
  if (!term) return false;
  const acronym = term === term.toUpperCase() && /\p{Lu}/u.test(term);
  const haystack = acronym ? text : text.toLocaleLowerCase();
  let needle = acronym ? term : term.toLocaleLowerCase();
  // A final vowel or soft sign changes under declension (Россия → России): match the stem before it.
  if (!acronym && needle.length > 4 && /[аяоеыиьйaeoуүө]$/u.test(needle)) needle = needle.slice(0, -1);
  for (let index = haystack.indexOf(needle); index >= 0; index = haystack.indexOf(needle, index + 1)) {
    if (isLetter(haystack[index - 1])) continue;
    if (acronym && isLetter(haystack[index + needle.length])) continue;
    return true;
  }
  return false;
}
