import { matchKey } from '../normalize/typography.ts';
import { fromProblem, type Diagnostic } from '../report/messages.ts';
import type { Concept, GlossaryProblem, Term } from './types.ts';

export interface LocaleCounts {
  /** Concepts with at least one term in the language. */
  concepts: number;
  terms: number;
  /** Terms per status name: preferred, admitted, deprecated, superseded (or an unknown name as written). */
  statuses: Record<string, number>;
}

export interface GlossaryLint {
  concepts: number;
  locales: Record<string, LocaleCounts>;
  /** The readers' problems and the lint's own, as diagnostics (report/messages.ts), by file and line. */
  problems: Diagnostic[];
  errors: number;
  warnings: number;
}

interface Placed {
  concept: Concept;
  term: Term;
}

/**
 * Counts and checks a set of concepts (from any number of files), adding to the problems the readers
 * reported: duplicated concept ids and terms, two preferred terms for one concept and language, a term
 * preferred in one place and deprecated in another, a term in two concepts, a language without a
 * usable term.
 */
export function lintGlossary(concepts: readonly Concept[], readProblems: readonly GlossaryProblem[] = []): GlossaryLint {
  const problems = [...readProblems];
  const at = (concept: Concept, term: Term | undefined) =>
    term?.line !== undefined
      ? { file: concept.file, line: term.line, column: term.column ?? 1 }
      : { file: concept.file, line: concept.line, column: concept.column ?? 1 };
  const locales: Record<string, LocaleCounts> = {};
  const ids = new Map<string, Concept>();
  const byText = new Map<string, Placed[]>();

  for (const concept of concepts) {
    const earlier = ids.get(concept.id);
    if (earlier)
      problems.push({
        ...at(concept, undefined),
        severity: 'error',
        ruleId: 'glossary:duplicate-id',
        message: `Unexpected second concept “${concept.id}” (first at ${earlier.file}:${earlier.line}), expected unique ids`,
      });
    else ids.set(concept.id, concept);

    for (const [lang, terms] of concept.terms) {
      const counts = (locales[lang] ??= { concepts: 0, terms: 0, statuses: {} });
      if (terms.length > 0) counts.concepts += 1;
      const seen = new Map<string, Term>();
      for (const term of terms) {
        counts.terms += 1;
        const name = term.statusName ?? term.status;
        counts.statuses[name] = (counts.statuses[name] ?? 0) + 1;
        const key = keyOf(term.text, lang);
        const twin = seen.get(key);
        if (twin)
          problems.push({
            ...at(concept, term),
            severity: 'error',
            ruleId: 'glossary:duplicate-term',
            message: `Unexpected “${term.text}” twice in concept “${concept.id}” (${lang}; first at line ${twin.line ?? concept.line}), expected each term once`,
          });
        else seen.set(key, term);
        const list = byText.get(`${lang}\u0000${key}`) ?? [];
        list.push({ concept, term });
        byText.set(`${lang}\u0000${key}`, list);
      }
      const preferred = terms.filter((term) => term.status === 'preferred');
      const distinct = new Set(preferred.map((term) => keyOf(term.text, lang)));
      if (distinct.size > 1)
        problems.push({
          ...at(concept, preferred[1]),
          severity: 'error',
          ruleId: 'glossary:conflicting-preferred',
          message: `Unexpected ${distinct.size} preferred ${lang} terms in concept “${concept.id}” (${preferred.map((term) => `“${term.text}”`).join(', ')}), expected one preferred term; mark the others admitted`,
        });
      if (terms.length > 0 && !terms.some((term) => term.status !== 'deprecated'))
        problems.push({
          ...at(concept, terms[0]),
          severity: 'warning',
          ruleId: 'glossary:no-preferred',
          message: `Unexpected only deprecated ${lang} terms in concept “${concept.id}”, expected a preferred term to replace them with`,
        });
    }
  }

  for (const [key, placed] of byText) {
    const lang = key.slice(0, key.indexOf('\u0000'));
    const usable = placed.find(({ term }) => term.status !== 'deprecated');
    const banned = placed.find(({ term }) => term.status === 'deprecated');
    if (usable && banned) {
      problems.push({
        ...at(banned.concept, banned.term),
        severity: 'error',
        ruleId: 'glossary:preferred-and-deprecated',
        message: `Unexpected “${banned.term.text}” (${lang}) both ${banned.term.statusName ?? 'deprecated'} here and ${usable.term.statusName ?? usable.term.status} in concept “${usable.concept.id}” at ${usable.concept.file}:${usable.term.line ?? usable.concept.line}, expected one status`,
      });
      continue;
    }
    const concepts = new Set(placed.map(({ concept }) => concept));
    if (concepts.size > 1 && usable) {
      const [first, second] = placed.filter((entry, index) => placed.findIndex((other) => other.concept === entry.concept) === index);
      problems.push({
        ...at(second!.concept, second!.term),
        severity: 'warning',
        ruleId: 'glossary:term-in-two-concepts',
        message: `Unexpected “${second!.term.text}” (${lang}) in concept “${second!.concept.id}” and in “${first!.concept.id}” at ${first!.concept.file}:${first!.term.line ?? first!.concept.line}, expected a term to name one concept (a homonym may be right)`,
      });
    }
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId));
  return {
    concepts: concepts.length,
    locales: Object.fromEntries(Object.entries(locales).sort(([a], [b]) => a.localeCompare(b))),
    problems: problems.map((problem) => fromProblem(problem)),
    errors: problems.filter((problem) => problem.severity === 'error').length,
    warnings: problems.filter((problem) => problem.severity === 'warning').length,
  };
}

/** Terms compare without typography or case (acronyms included: “CSTO” and “Csto” are one term twice). */
const keyOf = (text: string, lang: string) => matchKey(text).toLocaleLowerCase(lang);
