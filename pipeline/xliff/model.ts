import { createHash } from 'node:crypto';
import type { PhrasingContent } from 'mdast';

/** A run of segment content: text, or an inline code (a standalone placeholder, or one end of a pair). */
export type Inline =
  { kind: 'text'; text: string } | { kind: 'ph'; id: string } | { kind: 'open'; id: string } | { kind: 'close'; id: string };

/** XLIFF 2 states, in the order work moves through them; XLIFF 1.2 states map onto these. */
export const STATES = ['initial', 'translated', 'reviewed', 'final'] as const;
export type State = (typeof STATES)[number];
export const stateRank = (state: State): number => STATES.indexOf(state);

export interface Suggestion {
  score: number;
  source: string;
  target: string;
  origin: string;
}

export interface TermHint {
  source: string;
  target: string;
  /** Deprecated forms the translator must not use. */
  avoid: string[];
}

export interface Note {
  from: string;
  text: string;
}

export interface Unit {
  /** `<slug>:<position>:<source hash>`: stable while the document and the sentence stay as they are. */
  id: string;
  source: Inline[];
  target: Inline[] | undefined;
  state: State;
  /** A stale unit shipped with its current translation as the target, for a translator to revise. */
  review?: boolean;
  /** false: a read-only neighbour shipped for context. */
  translate: boolean;
  notes: Note[];
  suggestions: Suggestion[];
  terms: TermHint[];
}

export interface XliffFile {
  version: '1.2' | '2.1';
  /** The transcript's path (relative to where the export ran): import finds the document by it. */
  original: string;
  sourceLang: string;
  targetLang: string;
  units: Unit[];
}

export function unitId(slug: string, position: number, source: readonly Inline[]): string {
  return `${slug}:${position}:${sourceHash(source)}`;
}

export function parseUnitId(id: string): { slug: string; position: number; hash: string } | undefined {
  const match = /^([^:]+):(\d+):([0-9a-f]{12})$/.exec(id);
  return match ? { slug: match[1]!, position: Number(match[2]), hash: match[3]! } : undefined;
}

export function sourceHash(source: readonly Inline[]): string {
  return createHash('sha256').update(canonical(source)).digest('hex').slice(0, 12);
}

/** Text with codes as `{1}`, `{/1}`, `{ph:2}`: what the hash and comparisons see. NFC so a re-encoding CAT tool does not look like an edit. */
export function canonical(content: readonly Inline[]): string {
  return content
    .map((part) =>
      part.kind === 'text' ? part.text : part.kind === 'ph' ? `{ph:${part.id}}` : part.kind === 'open' ? `{${part.id}}` : `{/${part.id}}`,
    )
    .join('')
    .normalize('NFC');
}

export const plainText = (content: readonly Inline[]): string => content.map((part) => (part.kind === 'text' ? part.text : '')).join('');

/** A segment's mdast children as XLIFF content: formatting becomes paired codes, anything else a placeholder. */
export function fromPhrasing(children: readonly PhrasingContent[]): Inline[] {
  const out: Inline[] = [];
  let next = 1;
  const visit = (nodes: readonly PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const last = out.at(-1);
        if (last?.kind === 'text') last.text += node.value;
        else out.push({ kind: 'text', text: node.value });
      } else if ('children' in node && node.type !== 'segment') {
        const id = String(next++);
        out.push({ kind: 'open', id });
        visit(node.children as PhrasingContent[]);
        out.push({ kind: 'close', id });
      } else if (node.type === 'segment') {
        visit(node.children);
      } else {
        out.push({ kind: 'ph', id: String(next++) });
      }
    }
  };
  visit(children);
  return out;
}

/** Codes of `content` and whether pairs open and close in order. */
export function codeSignature(content: readonly Inline[]): { codes: string[]; balanced: boolean } {
  const codes: string[] = [];
  const open: string[] = [];
  let balanced = true;
  for (const part of content) {
    if (part.kind === 'ph') codes.push(`ph:${part.id}`);
    else if (part.kind === 'open') {
      codes.push(`pair:${part.id}`);
      open.push(part.id);
    } else if (part.kind === 'close') {
      if (open.pop() !== part.id) balanced = false;
    }
  }
  return { codes: codes.sort(), balanced: balanced && open.length === 0 };
}

/** Digit runs, as a translator must carry them over ("1,000" and "1 000" both give 1 and 000). */
export function numbersIn(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(/\p{Nd}+/gu)].map((match) => String(Number.parseInt(match[0], 10)));
}

// A carriage return is written as a reference: a parser turns a literal one into a line feed, and a read-only
// context unit read back would no longer equal the translation it was exported from.
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/** Escapes text and attribute values; characters XML 1.0 cannot carry are dropped rather than written broken. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"\r]/g, (char) => XML_ESCAPES[char]!).replace(NOT_XML, '');
}

// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
