import { inflateRawSync } from 'node:zlib';
import type * as Docx from 'docx';
import { zip } from '../zip.ts';

/**
 * The document's bytes, the same for the same input: docx stamps core.xml with the time of packing, each zip
 * entry with the clock, so the package is read back and zipped again with `date` in both places.
 */
export async function packDocx(docx: typeof Docx, document: Docx.Document, date: Date): Promise<Uint8Array> {
  const packed = await docx.Packer.toBuffer(document);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const entries = readZip(packed).map(({ path, contents }) => ({
    path,
    contents:
      path === 'docProps/core.xml'
        ? new TextDecoder().decode(contents).replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`)
        : contents,
  }));
  return zip(entries, date);
}

/** The entries of a zip docx itself wrote (central directory, stored or deflated); not for untrusted archives. */
function readZip(bytes: Uint8Array): { path: string; contents: Uint8Array }[] {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('docx wrote no zip end record');
  const count = data.readUInt16LE(end + 10);
  let cursor = data.readUInt32LE(end + 16);
  const entries: { path: string; contents: Uint8Array }[] = [];
  for (let index = 0; index < count; index += 1) {
    if (data.readUInt32LE(cursor) !== 0x02014b50) throw new Error(`docx wrote a bad zip directory entry (${index})`);
    const method = data.readUInt16LE(cursor + 10);
    const size = data.readUInt32LE(cursor + 20);
    const nameLength = data.readUInt16LE(cursor + 28);
    const offset = data.readUInt32LE(cursor + 42);
    const path = data.toString('utf8', cursor + 46, cursor + 46 + nameLength);
    const start = offset + 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28);
    const raw = data.subarray(start, start + size);
    if (!path.endsWith('/')) entries.push({ path, contents: method === 0 ? new Uint8Array(raw) : new Uint8Array(inflateRawSync(raw)) });
    cursor += 46 + nameLength + data.readUInt16LE(cursor + 30) + data.readUInt16LE(cursor + 32);
  }
  return entries;
}
