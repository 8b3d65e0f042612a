/**
 * TMX level-2 inline content. A `<seg>` arrives raw (the parser treats it as a stop node); this reads it
 * into the text a translator sees plus the inline codes, each kept with its attributes, the native code
 * it stands for and the translatable text of its `<sub>` elements. Codes are never shown escaped in the
 * text and never dropped.
 */

export type InlineCodeKind = 'bpt' | 'ept' | 'it' | 'ph' | 'ut' | 'hi';

export interface InlineCode {
  kind: InlineCodeKind;
  /** Offset in the segment text where the code stands (where a `<hi>` span starts). */
  offset: number;
  /** End of the text a `<hi>` spans; equal to `offset` for the other codes. */
  end: number;
  /** The element's attributes as written (`i`, `x`, `type`, `pos`, `assoc`…). */
  attributes: Record<string, string>;
  /** The native code the element holds, references decoded (e.g. `<b>`); sub-flow text included. */
  content: string;
  /** Translatable text of the `<sub>` elements inside the code. */
  subflows: string[];
}

export interface InlineSegment {
  text: string;
  codes: InlineCode[];
}

const CODES = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;

/** Reads raw `<seg>` content: text with references decoded, inline codes kept apart. */
export function parseSegment(raw: string): InlineSegment {
  // Most segments are plain text: nothing to tokenise.
  if (!raw.includes('<') && !raw.includes('&')) return { text: raw, codes: [] };
  let text = '';
  const codes: InlineCode[] = [];
  // The code element being read (codes do not nest in TMX, but <sub> inside them holds further codes).
  let code: InlineCode | undefined;
  let codeDepth = 0;
  let sub: string | undefined;
  const his: InlineCode[] = [];
  for (const match of raw.matchAll(TOKEN)) {
    const [whole, cdata, closing, name, attributeText, selfClosing, chars] = match;
    if (whole.startsWith('<!--')) continue;
    const piece = cdata ?? (chars !== undefined ? decodeReferences(chars) : name === undefined ? whole : undefined);
    if (piece !== undefined) {
      if (!code) text += piece;
      else {
        code.content += piece;
        // Text of a code nested in the sub-flow belongs to that code, not to the translatable sub-flow.
        if (sub !== undefined && codeDepth === 1) sub += piece;
      }
      continue;
    }
    const tag = name!;
    if (code) {
      // Inside a code: a nested code in a sub-flow, a <sub>, or the code's own end.
      if (tag === 'sub' && !closing && !selfClosing && codeDepth === 1) sub = '';
      else if (tag === 'sub' && closing && codeDepth === 1) {
        if (sub !== undefined) code.subflows.push(sub);
        sub = undefined;
      } else if (CODES.has(tag) && !selfClosing) codeDepth += closing ? -1 : 1;
      if (codeDepth === 0) code = undefined;
      continue;
    }
    if (CODES.has(tag) && !closing) {
      const found: InlineCode = {
        kind: tag as InlineCodeKind,
        offset: text.length,
        end: text.length,
        attributes: attributes(attributeText ?? ''),
        content: '',
        subflows: [],
      };
      codes.push(found);
      if (!selfClosing) {
        code = found;
        codeDepth = 1;
      }
    } else if (tag === 'hi') {
      if (!closing) {
        const hi: InlineCode = {
          kind: 'hi',
          offset: text.length,
          end: text.length,
          attributes: attributes(attributeText ?? ''),
          content: '',
          subflows: [],
        };
        codes.push(hi);
        if (!selfClosing) his.push(hi);
      } else {
        const hi = his.pop();
        if (hi) hi.end = text.length;
      }
    }
    // Any other element (not TMX, or a stray </sub>) is transparent: its text stays in the segment.
  }
  return { text, codes };
}

/** Inline codes of one kind per segment, as a short signature (`bpt×2 ept×2 ph`) for comparisons and reports. */
export function codeSignature(codes: readonly InlineCode[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code.kind, (counts.get(code.kind) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, count]) => (count === 1 ? kind : `${kind}×${count}`))
    .join(' ');
}

function attributes(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of text.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    found[match[1]!] = decodeReferences(match[2] ?? match[3] ?? '');
  return found;
}

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name] ?? whole;
  });
}
