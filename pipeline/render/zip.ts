export interface ZipEntry {
  path: string;
  contents: Uint8Array | string;
  /** Stored, not deflated. EPUB's `mimetype` must be; already-compressed files are without being asked. */
  store?: boolean;
}

/**
 * Files whose format is compressed already: deflating them again costs time (the fonts were most of the
 * EPUB stage's time, once per EPUB and bundle) and saves next to nothing, so they are stored.
 */
const COMPRESSED = /\.(woff2?|png|jpe?g|gif|webp|avif|pdf|epub|zip|gz)$/i;

/** The fixed Unix mode of every entry (-rw-r--r--): the bytes never depend on the umask of the machine. */
const FILE_MODE = 0o644;

/**
 * Zips entries in the order given through archiver, every entry stamped with `date` (in UTC) so that the
 * same input gives the same bytes on any machine, in any time zone.
 */
export async function zip(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  // Loaded by the first EPUB or bundle: an HTML-only build never needs it.
  const { ZipArchive } = await import('archiver');
  const archive = new ZipArchive({ zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    archive.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.on('end', () => resolve());
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  for (const entry of entries) {
    const contents =
      typeof entry.contents === 'string'
        ? Buffer.from(entry.contents, 'utf8')
        : Buffer.from(entry.contents.buffer, entry.contents.byteOffset, entry.contents.byteLength);
    archive.append(contents, { name: entry.path, date, mode: FILE_MODE, store: entry.store ?? COMPRESSED.test(entry.path) });
  }
  await Promise.all([archive.finalize(), finished]);
  return new Uint8Array(Buffer.concat(chunks));
}
