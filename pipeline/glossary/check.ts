import { preferredTerm, type Glossary, type TermHit } from './glossary.ts';
import type { Concept, Term } from './types.ts';

export type TermRule = 'term:missing' | 'term:count' | 'term:deprecated';

/** One terminology problem in one translated segment. */
export interface TermViolation {
  rule: TermRule;
  concept: string;
  /** The source term as the glossary lists it (missing, count). */
  source?: string;
  /** The target term to use: the locale's preferred (else admitted) term, when the glossary has one. */
  expected?: string;
  /** The forbidden term as the glossary lists it, and as the target writes it (deprecated). */
  term?: string;
  found?: string;
  sourceCount?: number;
  targetCount?: number;
  message: string;
}

/** Statuses that may never be published, whatever the source says. */
const FORBIDDEN = new Set<string>(['deprecated', 'superseded']);
export const isForbidden = (term: Term): boolean => FORBIDDEN.has(term.status);

/**
 * The terminology checks on one translated segment (docs/terminology.md):
 * - `term:missing`: the source names a concept and the target has none of its approved terms;
 * - `term:count`: fewer approved target terms than source occurrences (two in the source, one in the target);
 * - `term:deprecated`: a deprecated or superseded term anywhere in the target, whichever concept it
 *   belongs to and whatever the source says (a forbidden term).
 * A concept without a term in the target language is not checked (nothing to expect). Pure.
 */
export function checkSegmentTerms(
  glossary: Glossary,
  segment: { source: string; target: string; sourceLang: string; targetLang: string },
): TermViolation[] {
  const { source, target, sourceLang, targetLang } = segment;
  const violations: TermViolation[] = [];
  const forbidden = glossary
    .find(target, targetLang)
    .filter((hit) => isForbidden(hit.term) && !allowedElsewhere(glossary, hit, targetLang));

  const perConcept = new Map<Concept, TermHit[]>();
  for (const hit of glossary.find(source, sourceLang)) perConcept.set(hit.concept, [...(perConcept.get(hit.concept) ?? []), hit]);
  for (const [concept, hits] of perConcept) {
    const allowed = (concept.terms.get(targetLang) ?? []).filter((term) => !isForbidden(term) && term.text.trim() !== '');
    if (allowed.length === 0) continue;
    const found = glossary.occurrences(
      target,
      targetLang,
      allowed.map((term) => ({ concept, term })),
    ).length;
    // A forbidden form of the same concept stands in for it: reported once, as deprecated.
    const standIns = forbidden.filter((hit) => hit.concept === concept).length;
    const expected = (preferredTerm(concept, targetLang) ?? allowed[0]!).text;
    const sourceTerm = hits[0]!.term.text;
    if (found + standIns === 0)
      violations.push({
        rule: 'term:missing',
        concept: concept.id,
        source: sourceTerm,
        expected,
        sourceCount: hits.length,
        targetCount: 0,
        message: `Unexpected translation of “${sourceTerm}” without “${expected}”, expected the glossary term`,
      });
    else if (found + standIns < hits.length)
      violations.push({
        rule: 'term:count',
        concept: concept.id,
        source: sourceTerm,
        expected,
        sourceCount: hits.length,
        targetCount: found + standIns,
        message: `Unexpected ${found + standIns} of “${expected}” for ${hits.length} of “${sourceTerm}” in the source, expected one per occurrence`,
      });
  }

  for (const hit of forbidden) {
    const replacement = preferredTerm(hit.concept, targetLang);
    violations.push({
      rule: 'term:deprecated',
      concept: hit.concept.id,
      term: hit.term.text,
      found: hit.text,
      ...(replacement ? { expected: replacement.text } : {}),
      message: `Unexpected ${hit.term.status} term “${hit.term.text}”, expected ${replacement ? `“${replacement.text}”` : 'a current term'}`,
    });
  }
  return violations;
}

/** A term one concept forbids and another approves (a lint error, but not this segment's fault). */
function allowedElsewhere(glossary: Glossary, hit: TermHit, lang: string): boolean {
  const text = hit.term.text.toLocaleLowerCase();
  return glossary.concepts.some(
    (concept) =>
      concept !== hit.concept &&
      (concept.terms.get(lang) ?? []).some((term) => !isForbidden(term) && term.text.toLocaleLowerCase() === text),
  );
}
