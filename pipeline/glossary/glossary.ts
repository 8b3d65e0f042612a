import { matchKey } from '../normalize/typography.ts';
import { compileTerm, findPatterns, indexKey, termText, wordIndexKeys, wordsOf, type TermPattern, type Word } from './match.ts';
import type { Concept, Term } from './types.ts';

export interface TermHit {
  concept: Concept;
  term: Term;
  /** Offset of the match in the searched text. */
  offset: number;
  /** The text matched, as written (an inflected form: Кыргызстана). */
  text: string;
}

interface Indexed {
  concept: Concept;
  term: Term;
  pattern: TermPattern;
}

/**
 * Lookups over a set of concepts: whole-string translation of labels, and term spotting in sentences
 * with the inflection-aware matcher of match.ts. A term written with memoQ's stem marker
 * (`Кыргызстан|`) is kept without it: the marker only changes how it matches.
 */
export class Glossary {
  readonly concepts: readonly Concept[];
  private readonly patterns = new Map<Term, TermPattern>();
  private readonly index = new Map<string, Map<string, Indexed[]>>();

  constructor(concepts: readonly Concept[]) {
    this.concepts = concepts.map((concept) => {
      if (![...concept.terms.values()].some((terms) => terms.some((term) => termText(term.text) !== term.text))) return concept;
      const terms = new Map([...concept.terms].map(([lang, list]) => [lang, list.map((term) => ({ ...term, text: termText(term.text) }))]));
      const copy = { ...concept, terms };
      for (const [lang, list] of concept.terms)
        list.forEach((term, i) => this.patterns.set(terms.get(lang)![i]!, compileTerm(term.text, lang, term.termType)));
      return copy;
    });
  }

  /** The preferred target term for a source string that is itself a glossary term (a name, an office, a place). */
  translate(source: string, sourceLang: string, chain: readonly string[]): { text: string; lang: string; concept: Concept } | undefined {
    const key = matchKey(source).toLowerCase();
    for (const concept of this.concepts) {
      const terms = concept.terms.get(sourceLang) ?? [];
      if (!terms.some((term) => matchKey(term.text).toLowerCase() === key)) continue;
      for (const lang of chain) {
        const preferred = preferredTerm(concept, lang);
        if (preferred) return { text: preferred.text, lang, concept };
      }
    }
    return undefined;
  }

  /** Every occurrence of a `lang` term in `text`, longest term first, without overlaps, in text order. */
  find(text: string, lang: string): TermHit[] {
    return this.spans(wordsOf(text, lang), (word) => wordIndexKeys(word).flatMap((key) => this.indexFor(lang).get(key) ?? []), text);
  }

  /** Occurrences of the given terms only (other concepts cannot hide them), longest first, without overlaps. */
  occurrences(text: string, lang: string, wanted: readonly { concept: Concept; term: Term }[]): TermHit[] {
    const list = wanted.map(({ concept, term }) => ({ concept, term, pattern: this.patternOf(term, lang) }));
    return this.spans(wordsOf(text, lang), (word) => list.filter((entry) => wordIndexKeys(word).includes(indexKey(entry.pattern))), text);
  }

  /** How a term matches: its compiled pattern (match.ts). */
  patternOf(term: Term, lang: string): TermPattern {
    let pattern = this.patterns.get(term);
    if (!pattern || pattern.lang !== lang) this.patterns.set(term, (pattern = compileTerm(term.text, lang, term.termType)));
    return pattern;
  }

  private spans(words: Word[], candidates: (word: Word) => Indexed[], text: string): TermHit[] {
    return findPatterns(words, (word) => candidates(word).map((entry) => ({ item: entry, pattern: entry.pattern }))).map((span) => ({
      concept: span.item.concept,
      term: span.item.term,
      offset: span.start,
      text: text.slice(span.start, span.stop),
    }));
  }

  private indexFor(lang: string): Map<string, Indexed[]> {
    let index = this.index.get(lang);
    if (index) return index;
    index = new Map();
    for (const concept of this.concepts) {
      for (const term of concept.terms.get(lang) ?? []) {
        if (!term.text.trim()) continue;
        const pattern = this.patternOf(term, lang);
        const key = indexKey(pattern);
        const list = index.get(key) ?? [];
        list.push({ concept, term, pattern });
        index.set(key, list);
      }
    }
    this.index.set(lang, index);
    return index;
  }
}

export function preferredTerm(concept: Concept, lang: string): Term | undefined {
  const terms = concept.terms.get(lang) ?? [];
  return terms.find((term) => term.status === 'preferred') ?? terms.find((term) => term.status === 'admitted');
}
