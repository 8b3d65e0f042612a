export type TermStatus = 'preferred' | 'admitted' | 'deprecated';

export interface Term {
  text: string;
  status: TermStatus;
  termType: string | undefined;
}

export interface Concept {
  id: string;
  subject: string | undefined;
  /** Terms per canonical language tag; the first preferred term is the one to use. */
  terms: Map<string, Term[]>;
  file: string;
  line: number;
}
