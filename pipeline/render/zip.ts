import { ZipArchive } from 'archiver';

export interface ZipEntry {
  path: string;
  contents: Uint8Array | string;
  /** Stored, not deflated: EPUB's `mimetype` must be. */
  store?: boolean;
}

/**
 * Zips entries in the order given, every entry stamped with `date` so that the same input gives the same
 * bytes (archiver stamps "now" otherwise).
 */
export async function zip(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  const archive = new ZipArchive({ zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    archive.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.on('end', () => resolve());
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  for (const entry of entries) {
    const contents = typeof entry.contents === 'string' ? Buffer.from(entry.contents, 'utf8') : Buffer.from(entry.contents);
    archive.append(contents, { name: entry.path, date, store: entry.store ?? false });
  }
  await archive.finalize();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
