import { preferredTerm, type Glossary } from '../glossary/glossary.ts';
import type { Concept } from '../glossary/types.ts';

/** One deprecated term met in a translation: replaced by the glossary's form, or kept for a translator. */
export interface DeprecatedTerm {
  concept: string;
  /** The deprecated term as the glossary lists it. */
  deprecated: string;
  /** The term to use instead (the locale's preferred, else admitted term); undefined when the glossary has none. */
  term: string | undefined;
  /** How many occurrences were replaced (the form the glossary gives). */
  replaced: number;
  /** Whether the term is still there in a form the glossary does not give (an inflection: Киргизии). */
  kept: boolean;
  /** The kept occurrences as the text writes them. */
  forms: string[];
}

const WORD = /[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu;

/**
 * Replaces the deprecated terms of `concepts` in a translation (`lang`) by the glossary's term where the
 * translation has the very form the glossary lists (Киргизия → Кыргызстан; a capital first letter kept
 * as the text has it). A form the glossary does not give (Киргизии, Киргизиянын) cannot be rewritten
 * without a morphology: it is kept and reported. Occurrences are found by the glossary's own matcher,
 * so what counts as a deprecated term here is what `terms check` reports. Pure.
 */
export function replaceDeprecated(
  text: string,
  glossary: Glossary,
  concepts: ReadonlySet<Concept>,
  lang: string,
): { text: string; terms: DeprecatedTerm[] } {
  const found = new Map<string, DeprecatedTerm>();
  const edits: { start: number; end: number; value: string }[] = [];
  for (const hit of glossary.find(text, lang)) {
    if (hit.term.status === 'preferred' || hit.term.status === 'admitted' || !concepts.has(hit.concept)) continue;
    const use = preferredTerm(hit.concept, lang)?.text;
    const key = `${hit.concept.id}\u0000${hit.term.text}`;
    const entry = found.get(key) ?? { concept: hit.concept.id, deprecated: hit.term.text, term: use, replaced: 0, kept: false, forms: [] };
    found.set(key, entry);
    const end = spanEnd(text, hit.offset, hit.term.text);
    const form = text.slice(hit.offset, end);
    if (use !== undefined && use !== hit.term.text && sameForm(form, hit.term.text)) {
      edits.push({ start: hit.offset, end, value: withCaseOf(form, use) });
      entry.replaced += 1;
    } else {
      entry.kept = true;
      if (!entry.forms.includes(form)) entry.forms.push(form);
    }
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.value + out.slice(edit.end);
  return { text: out, terms: [...found.values()] };
}

/** Where an occurrence starting at `start` ends: as many words as the term has. */
function spanEnd(text: string, start: number, term: string): number {
  const count = Math.max(1, term.match(WORD)?.length ?? 1);
  const words = new RegExp(WORD.source, 'gu');
  words.lastIndex = start;
  let end = start;
  for (let seen = 0; seen < count; seen += 1) {
    const word = words.exec(text);
    if (!word) break;
    end = word.index + word[0].length;
  }
  return end;
}

/** The glossary's form, the first letter in either case (a sentence may start with it). */
function sameForm(form: string, term: string): boolean {
  return form.slice(1) === term.slice(1) && form[0]?.toLocaleLowerCase() === term[0]?.toLocaleLowerCase();
}

/** `use` with a capital first letter where the text capitalised the deprecated term's lower-case one. */
function withCaseOf(form: string, use: string): string {
  const first = form[0]!;
  return first !== first.toLocaleLowerCase() ? use[0]!.toLocaleUpperCase() + use.slice(1) : use;
}
