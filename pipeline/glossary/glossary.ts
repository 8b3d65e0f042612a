import { matchKey } from '../normalize/typography.ts';
import type { Concept, Term } from './types.ts';

export interface TermHit {
  concept: Concept;
  term: Term;
  /** Offset of the match in the searched text. */
  offset: number;
}

/** Lookups over a set of concepts: whole-string translation of labels, and term spotting in sentences. */
export class Glossary {
  constructor(readonly concepts: readonly Concept[]) {}

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

  /** Every occurrence of a source-language term in `text`, longest term first, without overlaps. */
  find(text: string, lang: string): TermHit[] {
    const candidates: TermHit[] = [];
    for (const concept of this.concepts) {
      for (const term of concept.terms.get(lang) ?? []) {
        for (const offset of wordOccurrences(text, term.text)) candidates.push({ concept, term, offset });
      }
    }
    candidates.sort((a, b) => a.offset - b.offset || b.term.text.length - a.term.text.length);
    const hits: TermHit[] = [];
    let end = -1;
    for (const hit of candidates) {
      if (hit.offset < end) continue;
      hits.push(hit);
      end = hit.offset + hit.term.text.length;
    }
    return hits;
  }
}

export function preferredTerm(concept: Concept, lang: string): Term | undefined {
  const terms = concept.terms.get(lang) ?? [];
  return terms.find((term) => term.status === 'preferred') ?? terms.find((term) => term.status === 'admitted');
}

function wordOccurrences(text: string, term: string): number[] {
  const offsets: number[] = [];
  if (!term) return offsets;
  const isWord = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  for (let index = text.indexOf(term); index >= 0; index = text.indexOf(term, index + 1)) {
    if (!isWord(text[index - 1]) && !isWord(text[index + term.length])) offsets.push(index);
  }
  return offsets;
}
