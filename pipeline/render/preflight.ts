// Font preflight: Chromium draws a character no shipped font has with a system fallback or a tofu box,
// and the PDF's text layer still extracts correctly, so text-based checks stay green. Catch it before.
import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { placeOf } from '../util/xml.ts';

/** Whether the fonts an artifact carries draw a code point. */
export type Coverage = (codePoint: number) => boolean;

/** Characters that draw nothing or that the shaping engine handles without a glyph of their own. */
const INVISIBLE = /[\s\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/u;

export interface MissingGlyph {
  char: string;
  codePoint: string;
  /** Some text around the first occurrence, so the author can find it. */
  context: string;
}

/** Every character of `text` that no shipped font covers, once each, in order of first appearance. */
export function missingGlyphs(text: string, coverage: Coverage): MissingGlyph[] {
  const missing = new Map<string, MissingGlyph>();
  let offset = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (!missing.has(char) && !INVISIBLE.test(char) && !coverage(codePoint)) {
      missing.set(char, {
        char,
        codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
        context: text.slice(Math.max(0, offset - 20), offset + 20).replace(/\s+/g, ' '),
      });
    }
    offset += char.length;
  }
  return [...missing.values()];
}

/** The text a page shows: its HTML with tags dropped and character references decoded, plus print CSS strings. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|quot|nbsp);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00A0' })[name]!);
}

/**
 * The text a stylesheet draws itself: the strings of its `content` declarations (running titles, footers,
 * separators), escapes decoded. A scanner rather than a regular expression: the running title is the
 * document's, so untrusted, and a string may hold `;` or `}`.
 */
export function cssContentText(css: string): string {
  const strings: string[] = [];
  const declaration = /(?:^|[\s;{])content\s*:/g;
  for (let match = declaration.exec(css); match; match = declaration.exec(css)) {
    let at = declaration.lastIndex;
    while (at < css.length && css[at] !== ';' && css[at] !== '}') {
      const quote = css[at]!;
      if (quote !== '"' && quote !== "'") {
        at += 1;
        continue;
      }
      let value = '';
      for (at += 1; at < css.length && css[at] !== quote; at += 1) {
        if (css[at] !== '\\') {
          value += css[at];
          continue;
        }
        const hex = /^[0-9a-f]{1,6} ?/i.exec(css.slice(at + 1, at + 8));
        if (hex) {
          value += String.fromCodePoint(Math.min(Number.parseInt(hex[0], 16), 0x10ffff));
          at += hex[0].length;
        } else {
          value += css[at + 1] ?? '';
          at += 1;
        }
      }
      strings.push(value);
      at += 1;
    }
    declaration.lastIndex = at;
  }
  return strings.join(' ');
}

/** The transcript's text for the preflight's message, or nothing when it cannot be read (a deleted input). */
export function sourceReader(file: string): () => string {
  return () => (existsSync(file) ? readFileSync(file, 'utf8') : '');
}

/**
 * Fails the build, naming every missing character with its code point, its place in the transcript when
 * it came from there, and what to do.
 */
export function preflightFonts(
  text: string,
  coverage: Coverage,
  file: string,
  source: () => string,
  locale: string,
  artifact = 'page',
): void {
  const missing = missingGlyphs(text, coverage);
  if (missing.length === 0) return;
  const first = missing[0]!;
  const sourceText = source();
  const at = sourceText.indexOf(first.char);
  const place = at >= 0 ? placeOf(sourceText, at) : undefined;
  const list = missing.map((glyph) => `${glyph.codePoint} “${glyph.char}” (in “${glyph.context.trim()}”)`).join('; ');
  throw new InputError(
    file,
    place,
    `fonts:missing-glyph: no shipped font draws ${missing.length} character(s) of the ${locale} ${artifact}: ${list}. ` +
      'Add a font covering them to pipeline/render/fonts.ts, or replace the characters in the text.',
  );
}
