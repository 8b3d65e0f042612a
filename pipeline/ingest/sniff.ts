import { InputError } from '../errors.ts';

/** What ingest reads: a Word document, or text (plain, HTML, Markdown) that the file name tells apart. */
export type InputFormat = 'docx' | 'text';

/** The format is told by the file's first bytes: messages point there. */
export const FIRST_BYTE = { line: 1, column: 1 };

const READABLE = 'expected text, HTML, Markdown or DOCX (what pressroom reads)';

/** Formats pressroom cannot read, told by their first bytes, with what an editor should do instead. */
const SIGNATURES: { bytes: readonly number[] | string; offset?: number; name: string; todo: string }[] = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    name: 'Word 97–2003 .doc file (or another legacy Office file)',
    todo: 'save it as .docx or .txt',
  },
  { bytes: '%PDF-', name: 'PDF', todo: 'export the transcript as .docx or copy its text into a .txt' },
  { bytes: '{\\rtf', name: 'RTF file', todo: 'save it as .docx or .txt' },
  {
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    name: 'PNG image',
    todo: 'a transcript is text: ask for the text, or run OCR and save the result as .txt',
  },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image', todo: 'a transcript is text: ask for the text, or run OCR and save the result as .txt' },
  { bytes: 'GIF8', name: 'GIF image', todo: 'a transcript is text: ask for the text, or run OCR and save the result as .txt' },
  { bytes: 'WEBP', offset: 8, name: 'WebP image', todo: 'a transcript is text: ask for the text, or run OCR and save the result as .txt' },
  {
    bytes: [0x49, 0x49, 0x2a, 0x00],
    name: 'TIFF image',
    todo: 'a transcript is text: ask for the text, or run OCR and save the result as .txt',
  },
  {
    bytes: [0x4d, 0x4d, 0x00, 0x2a],
    name: 'TIFF image',
    todo: 'a transcript is text: ask for the text, or run OCR and save the result as .txt',
  },
  { bytes: [0x1f, 0x8b], name: 'gzip archive', todo: 'unpack it and give the transcript inside' },
];

/** A Word document's XML beyond this is a zip bomb, not a transcript (a 300-page book is under 20 MB). */
const MAX_DOCX_XML_BYTES = 100 * 1024 * 1024;

/**
 * Tells a Word document from text by its bytes, whatever the file's name says (a .txt that is in fact a
 * .docx is read as one), and refuses with an {@link InputError} naming the format and what to do any
 * format pressroom cannot read: legacy .doc, PDF, RTF, OpenDocument, other zip archives, images.
 *
 * @param bytes The file's contents.
 * @param file The file's path, for messages and for the `.docx` extension.
 * @returns `docx` for a Word document, `text` for anything to decode as text.
 */
export function sniffFormat(bytes: Uint8Array, file: string): InputFormat {
  const claimsDocx = file.toLowerCase().endsWith('.docx');
  if (startsWith(bytes, 'PK\u0003\u0004') || startsWith(bytes, 'PK\u0005\u0006')) return zipFormat(bytes, file);
  for (const signature of SIGNATURES)
    if (startsWith(bytes, signature.bytes, signature.offset ?? 0) && (signature.offset === undefined || startsWith(bytes, 'RIFF')))
      throw new InputError(file, FIRST_BYTE, `Unexpected ${signature.name}, ${READABLE}: ${signature.todo}`);
  if (claimsDocx)
    throw new InputError(
      file,
      FIRST_BYTE,
      `Unexpected content for a .docx file: it is not a zip archive, which every .docx is, ${READABLE}: open it in Word and save it again as .docx, or give it a .txt, .html or .md name if it is text`,
    );
  return 'text';
}

function zipFormat(bytes: Uint8Array, file: string): InputFormat {
  const entries = zipEntries(bytes);
  if (!entries)
    throw new InputError(
      file,
      FIRST_BYTE,
      `Unexpected damaged zip archive (its table of contents is missing or cut short), ${READABLE}: if it is a Word document, open it in Word and save it again as .docx`,
    );
  const mimetype = odfMimetype(bytes);
  if (mimetype) {
    const kind = mimetype.endsWith('.text') ? 'OpenDocument text (.odt)' : `OpenDocument file (${mimetype})`;
    throw new InputError(file, FIRST_BYTE, `Unexpected ${kind}, ${READABLE}: save it as .docx (File › Save As › Word) or as .txt`);
  }
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('word/document.xml') && !entries.some((entry) => /^word\/document\d*\.xml$/.test(entry.name))) {
    const kind = names.has('xl/workbook.xml')
      ? 'Excel workbook'
      : names.has('ppt/presentation.xml')
        ? 'PowerPoint presentation'
        : names.has('META-INF/container.xml')
          ? 'EPUB e-book'
          : 'zip archive that is not a Word document (it holds no word/document.xml)';
    throw new InputError(file, FIRST_BYTE, `Unexpected ${kind}, ${READABLE}: give the transcript itself, saved as .docx or .txt`);
  }
  const xmlBytes = entries.filter((entry) => entry.name.startsWith('word/')).reduce((sum, entry) => sum + entry.size, 0);
  if (xmlBytes > MAX_DOCX_XML_BYTES)
    throw new InputError(
      file,
      FIRST_BYTE,
      `Unexpected Word document whose text unpacks to ${Math.round(xmlBytes / 1024 / 1024)} MB, expected at most ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB: split the transcript, or save it as .txt`,
    );
  return 'docx';
}

/** ODF puts an uncompressed `mimetype` entry first, so its value sits at a fixed place (after the 30-byte header). */
function odfMimetype(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(30, 200));
  return /^mimetype(application\/vnd\.oasis\.opendocument\.[a-z.-]+)/.exec(head)?.[1];
}

/**
 * The names and unpacked sizes of a zip's entries, read from its central directory; undefined when the
 * directory cannot be found or runs past the end (a damaged or truncated archive).
 */
export function zipEntries(bytes: Uint8Array): { name: string; size: number }[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1)
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  // Note: ZIP64 archives mark the offset 0xFFFFFFFF; a transcript never needs one, mammoth may still read it.
  if (at === 0xffffffff) return [{ name: 'word/document.xml', size: 0 }];
  const names = new TextDecoder('utf-8');
  const entries: { name: string; size: number }[] = [];
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > bytes.length) return undefined;
    entries.push({ name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)), size: view.getUint32(at + 24, true) });
    at = next;
  }
  return entries;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[] | string, offset = 0): boolean {
  const codes = typeof prefix === 'string' ? [...prefix].map((character) => character.charCodeAt(0)) : prefix;
  if (bytes.length < offset + codes.length) return false;
  return codes.every((code, index) => bytes[offset + index] === code);
}
