export type TermStatus = 'preferred' | 'admitted' | 'deprecated';

export interface Term {
  text: string;
  /** What the checks act on: superseded terms are deprecated here, `statusName` keeps the difference. */
  status: TermStatus;
  termType: string | undefined;
  /** The status as the file names it, normalised (preferred, admitted, deprecated, superseded), or as written when unknown. */
  statusName?: string;
  partOfSpeech?: string;
  /** Definition of the concept in this language (TBX langSec/langSet, or a CSV `definition` column). */
  definition?: string;
  /** An example sentence using the term (TBX `descrip type="context"`). */
  context?: string;
  note?: string;
  /** Line of the term in its file (the `<term>` element, the CSV record). */
  line?: number;
  /** Column of the `<term>` element, or of the CSV cell that holds the term. */
  column?: number;
}

export interface Concept {
  id: string;
  subject: string | undefined;
  /** Terms per canonical language tag; the first preferred term is the one to use. */
  terms: Map<string, Term[]>;
  file: string;
  line: number;
  column?: number;
  /** Language-independent definition (TBX entry-level `descrip type="definition"`). */
  definition?: string;
}

/** What a lenient read (`pressroom glossary lint`) reports instead of stopping at the first bad term. */
export interface GlossaryProblem {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
}

export type OnGlossaryProblem = (problem: GlossaryProblem) => void;

export interface GlossaryReadOptions {
  /** The project's locales, source included: a language outside them (and their fallback chains) is a lint warning. */
  locales?: readonly string[];
}

const STATUS_NAMES: Record<string, { status: TermStatus; name: string }> = {
  preferred: { status: 'preferred', name: 'preferred' },
  admitted: { status: 'admitted', name: 'admitted' },
  deprecated: { status: 'deprecated', name: 'deprecated' },
  superseded: { status: 'deprecated', name: 'superseded' },
  // TBX normativeAuthorization values that name an approved term.
  standardized: { status: 'preferred', name: 'preferred' },
  legal: { status: 'preferred', name: 'preferred' },
  regulated: { status: 'preferred', name: 'preferred' },
  // What spreadsheets and Weblate call a deprecated term.
  forbidden: { status: 'deprecated', name: 'deprecated' },
  // Weblate's other forbidden value, and TBX-Min's picklist (preferred, admitted, notRecommended, obsolete).
  obsolete: { status: 'deprecated', name: 'superseded' },
  notrecommended: { status: 'deprecated', name: 'deprecated' },
};

/**
 * A status as TBX (`preferredTerm-admn-sts`, `supersededTerm`) or a spreadsheet (`Preferred`) writes it,
 * or undefined when it is none of the known ones.
 */
export function termStatus(text: string): { status: TermStatus; name: string } | undefined {
  const key = text
    .trim()
    .replace(/-admn-sts$/i, '')
    .replace(/Term$/, '')
    // `not recommended`, `Not-Recommended`: the words as spreadsheets space them.
    .replace(/[\s_-]+/g, '')
    .toLowerCase();
  return Object.hasOwn(STATUS_NAMES, key) ? STATUS_NAMES[key] : undefined;
}

/** The fields that have a value, so that a term read back compares equal whatever its file left out. */
export function defined<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Record<keyof T, string>>;
}
