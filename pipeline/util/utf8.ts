import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.ts';

/**
 * Reads a resource (TMX, glossary, catalog, config) as strict UTF-8. Node's 'utf8' decoding turns bad
 * bytes into U+FFFD without a word, and a catalog saved as Latin-1 would publish mojibake.
 */
export async function readUtf8(file: string, shownAs: string, what: string): Promise<string> {
  return decodeUtf8(await readFile(file), shownAs, what);
}

/** The strict UTF-8 decoding of `readUtf8`, for bytes already read. */
export function decodeUtf8(bytes: Buffer, shownAs: string, what: string): string {
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  if (!text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(bytes.subarray(hasBom(bytes) ? 3 : 0))) return text;
  // Walk the decoded text alongside the bytes: the first U+FFFD that the file does not spell out is the bad spot.
  let offset = hasBom(bytes) ? 3 : 0;
  let line = 1;
  let column = 1;
  for (const char of text) {
    const width = Buffer.byteLength(char);
    if (char === '\uFFFD' && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
    offset += width;
    if (char === '\n') {
      line += 1;
      column = 1;
    } else column += 1;
  }
  throw new InputError(
    shownAs,
    { line, column },
    `Unexpected byte sequence that is not UTF-8 (byte ${offset}), expected UTF-8 text; re-save ${what} as UTF-8`,
    { rule: 'encoding' },
  );
}

const hasBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
