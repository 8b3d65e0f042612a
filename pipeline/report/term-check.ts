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

const WORD = /[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu;

/** A word's stem for Russian and Kyrgyz inflection: up to two final vowels or signs go (Киргизская → Киргизск). */
function stem(word: string): string {
  let out = word;
  for (let cut = 0; cut < 2 && out.length > 4 && /[аяоеёыиьйэюуүөaeiouy]$/u.test(out); cut += 1) out = out.slice(0, -1);
  return out;
}

/**
 * Whether `text` holds `term`, word by word: each word of the term starts the matching word of the text
 * (Президент России → Президента России). Acronyms (all capitals) and short words must match exactly.
 */
export function containsTerm(text: string, term: string): boolean {
  const wanted = [...term.matchAll(WORD)].map(([word]) => {
    const exact = word.length <= 3 || (word === word.toUpperCase() && /\p{Lu}/u.test(word));
    return exact ? { text: word, exact } : { text: stem(word.toLocaleLowerCase()), exact };
  });
  if (wanted.length === 0) return false;
  const words = [...text.matchAll(WORD)].map(([word]) => word);
  // Kyrgyz and Russian write case endings onto acronyms (БУУнун, ОДКБ-шн): capitals exact, a lower-case tail allowed.
  const fits = (word: string, want: { text: string; exact: boolean }) =>
    want.exact
      ? word.toLocaleLowerCase() === want.text.toLocaleLowerCase() ||
        (word.startsWith(want.text) && /^[-\p{Ll}]*$/u.test(word.slice(want.text.length)))
      : word.toLocaleLowerCase().startsWith(want.text);
  for (let at = 0; at + wanted.length <= words.length; at += 1) {
    if (wanted.every((want, offset) => fits(words[at + offset]!, want))) return true;
  }
  return false;
}
