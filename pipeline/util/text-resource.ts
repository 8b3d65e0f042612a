import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import { unpairedSurrogatePlace, utf16Encoding } from '../ingest/read-blocks.ts';
import { decodeUtf8 } from './utf8.ts';

/**
 * Reads a translation resource (TMX, TBX, CSV/TSV glossary). memoQ and Trados export TMX as UTF-16 with
 * a BOM, so the encoding is sniffed from the bytes before decoding: UTF-16 LE or BE (BOM, or the zero
 * bytes of ASCII text), otherwise strict UTF-8. The XML declaration's `encoding` is not trusted.
 */
export async function readTextResource(file: string, shownAs: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (cause as Error).message;
    throw new InputError(
      shownAs,
      undefined,
      `Cannot read ${what}: ${reason}${code ? ` (${code})` : ''}; check the path given on the command line or in pressroom.config.json`,
      { cause },
    );
  }
  return decodeTextResource(bytes, shownAs, what);
}

export function decodeTextResource(bytes: Buffer, shownAs: string, what: string): string {
  const utf16 = utf16Encoding(bytes);
  if (!utf16) return decodeUtf8(bytes, shownAs, what);
  try {
    // TextDecoder drops the BOM itself.
    return new TextDecoder(utf16, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError(
      shownAs,
      unpairedSurrogatePlace(bytes, utf16),
      `Unexpected bytes that are not ${utf16.toUpperCase()} (an unpaired surrogate or an odd byte at the end), expected ${what} in UTF-16 or UTF-8; re-save it as UTF-8`,
      { cause },
    );
  }
}
