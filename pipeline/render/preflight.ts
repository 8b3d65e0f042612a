// Font preflight: Chromium draws a character no shipped font has with a system fallback or a tofu box,
// and the PDF's text layer still extracts correctly, so text-based checks stay green. Catch it before.
import { InputError } from '../errors.ts';
import { placeOf } from '../util/xml.ts';
import type { FontKit } from './fonts.ts';

/** Characters that draw nothing or that the shaping engine handles without a glyph of their own. */
const INVISIBLE = /[\s\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/u;

export interface MissingGlyph {
  char: string;
  codePoint: string;
  /** Some text around the first occurrence, so the author can find it. */
  context: string;
}

/** Every character of `text` that no shipped font covers, once each, in order of first appearance. */
export function missingGlyphs(text: string, coverage: FontKit['coverage']): MissingGlyph[] {
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
 * Fails the build, naming every missing character with its code point, its place in the transcript when
 * it came from there, and what to do.
 */
export function preflightFonts(text: string, coverage: FontKit['coverage'], file: string, source: () => string, locale: string): void {
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
    `fonts:missing-glyph: no shipped font draws ${missing.length} character(s) of the ${locale} page: ${list}. ` +
      'Add a font covering them to pipeline/render/fonts.ts, or replace the characters in the text.',
  );
}
