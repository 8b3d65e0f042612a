import type { Blockquote, FootnoteDefinition, List } from 'mdast';
import { InputError } from '../errors.ts';

/** A run of text separated from its neighbours by blank lines, with the line it started on. */
export interface TextBlock {
  text: string;
  line: number;
  endLine: number;
  /**
   * Structure an HTML or Markdown source gave the block (a list, a block quote, a footnote's text); `text`
   * is then its plain text, which the normaliser matches chrome, labels and repeats against. (optional)
   */
  node?: List | Blockquote | FootnoteDefinition;
  /** The block's text cut around footnote references ("…country.", {footnote: "1"}), when it has any. (optional) */
  inline?: (string | { footnote: string })[];
  /** Ingest already knows the block is not the transcript (an HTML page's nav, footer, cookie banner). (optional) */
  skip?: { rule: string; reason: string };
  /** The page's own heading level, when the source marked the block as its title (`<h1>`, Word's Heading 1 or Title). (optional) */
  heading?: number;
  /** The lines of a text block that spans several, as printed: a menu or a header printed without blank lines. (optional) */
  lines?: string[];
}

/**
 * Decodes a transcript file and cuts it into blocks. Strict UTF-8: a scrape saved in another encoding
 * would otherwise publish mojibake without a word.
 */
export function decodeTranscript(bytes: Uint8Array, file: string): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = countLines(bytes, offset);
    throw new InputError(
      file,
      { line, column: 1, offset },
      `Unexpected byte sequence that is not UTF-8 (byte ${offset}), expected a UTF-8 text file; re-save the transcript as UTF-8`,
      { cause },
    );
  }
  if (text.includes('\0')) {
    const offset = text.indexOf('\0');
    throw new InputError(
      file,
      { line: text.slice(0, offset).split('\n').length, column: 1 },
      'Unexpected NUL character, expected a text file; is this a binary file?',
    );
  }
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Windows tools save "Unicode" text as UTF-16: recognised by its BOM, or without one by the zero byte
 * every ASCII character leaves in the high half.
 */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = Math.min(bytes.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.3 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return text.replace(/\r\n?/g, '\n');
  } catch (cause) {
    throw new InputError(
      file,
      unpairedSurrogatePlace(bytes, encoding),
      `Unexpected bytes that are not ${encoding.toUpperCase()} (an unpaired surrogate or an odd byte at the end), expected a UTF-16 text file; re-save the transcript as UTF-8`,
      {
        cause,
      },
    );
  }
}

/** Where the first code unit that does not decode sits, so that the message names its line. */
export function unpairedSurrogatePlace(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): { line: number; column: number } {
  const start = bytes[0] === 0xff || bytes[0] === 0xfe ? 2 : 0;
  const unit = (at: number) => (encoding === 'utf-16le' ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!);
  let line = 1;
  let column = 1;
  for (let at = start; at < bytes.length; at += 2) {
    if (at + 1 >= bytes.length) return { line, column };
    const code = unit(at);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = at + 3 < bytes.length ? unit(at + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return { line, column };
      at += 2;
      column += 1;
    } else if (code >= 0xdc00 && code <= 0xdfff) return { line, column };
    else if (code === 0x0a) {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return { line, column };
}

export function splitBlocks(text: string): TextBlock[] {
  const lines = text.split('\n');
  const hasBlankLines = separatesByBlankLines(lines);
  const blocks: TextBlock[] = [];
  let current: { parts: string[]; line: number; endLine: number } | undefined;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === '') {
      if (current) blocks.push(textBlock(current));
      current = undefined;
      return;
    }
    if (!hasBlankLines) {
      blocks.push({ text: line, line: lineNumber, endLine: lineNumber });
      return;
    }
    if (current) {
      current.parts.push(line);
      current.endLine = lineNumber;
    } else current = { parts: [line], line: lineNumber, endLine: lineNumber };
  });
  if (current) blocks.push(textBlock(current));
  return blocks;
}

/**
 * A scrape without any blank line has one paragraph per line; otherwise blank lines separate blocks. One or
 * two stray blank lines (a forum's one-space line under its post header) in a long file whose lines are
 * whole sentences or short header lines do not make it a blank-line file: joining its lines would fuse
 * every paragraph into one.
 */
function separatesByBlankLines(lines: readonly string[]): boolean {
  const blanks = lines.filter((line, index) => line.trim() === '' && index < lines.length - 1).length;
  if (blanks === 0) return false;
  const filled = lines.filter((line) => line.trim() !== '');
  if (blanks > 2 || filled.length < 10) return true;
  const whole = filled.filter((line) => line.trim().length <= 60 || /[.!?\u2026:;\u00bb\u201d")\]]$/u.test(line.trim())).length;
  return whole < filled.length * 0.8;
}

function textBlock(current: { parts: string[]; line: number; endLine: number }): TextBlock {
  const block: TextBlock = { text: current.parts.join(' '), line: current.line, endLine: current.endLine };
  if (current.parts.length > 1) block.lines = current.parts;
  return block;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest prefix that fails; a prefix cut inside a valid sequence also fails, hence stream mode.
  while (low < high) {
    const middle = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, middle + 1), { stream: true });
      decoder.decode();
      low = middle + 1;
    } catch {
      high = middle;
    }
  }
  return low;
}

function countLines(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}
