import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  path: string;
  contents: Uint8Array | string;
  /** Stored, not deflated: EPUB's `mimetype` must be. */
  store?: boolean;
}

/** What a deflated entry costs to write: kept per input buffer so that shared files are compressed once. */
interface Compressed {
  crc: number;
  data: Uint8Array;
}

// Note: keyed by the buffer itself. The fonts are the same `Uint8Array`s in every EPUB and bundle of a
// build (pipeline/render/fonts.ts loads them once), and deflating them at level 9 was most of the EPUB
// stage's time. Buffers handed to `zip` must not be changed afterwards, which no caller does.
const deflated = new WeakMap<Uint8Array, Compressed>();

const LEVEL = 9;
/** Unix, zip 4.5: what archiver wrote, kept so that an EPUB's bytes did not change when it was replaced. */
const VERSION_MADE_BY = (3 << 8) | 45;
/** -rw-r--r-- regular file, plus the DOS archive bit. */
const EXTERNAL_ATTRIBUTES = ((0o100644 << 16) | 0x20) >>> 0;
const DATA_DESCRIPTOR = 0x08;
const UTF8_NAMES = 0x800;

/**
 * Zips entries in the order given, every entry stamped with `date` so that the same input gives the same
 * bytes. The layout is archiver's (a data descriptor after each deflated entry, Unix mode 0644, no extra
 * fields), written in one pass without streams.
 */
export async function zip(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  const time = dosTime(date);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (part: Uint8Array) => {
    parts.push(part);
    offset += part.length;
  };
  for (const entry of entries) {
    const contents = typeof entry.contents === 'string' ? Buffer.from(entry.contents, 'utf8') : entry.contents;
    const name = Buffer.from(entry.path, 'utf8');
    // Note: an empty entry meant to be deflated is stored but keeps its data descriptor, as archiver did.
    const described = entry.store !== true;
    const stored = !described || contents.length === 0;
    const { crc, data } = stored ? { crc: crc32(contents), data: contents } : compress(contents, typeof entry.contents !== 'string');
    const flags = (described ? DATA_DESCRIPTOR : 0) | (name.length === entry.path.length ? 0 : UTF8_NAMES);
    const version = described ? 20 : 10;
    const method = stored ? 0 : 8;
    const start = offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(time, 10);
    // With a data descriptor the local header leaves CRC and sizes at zero, as a streaming writer must.
    if (!described) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(contents.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    push(local);
    push(name);
    push(data);
    if (described) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(contents.length, 12);
      push(descriptor);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(VERSION_MADE_BY, 4);
    header.writeUInt16LE(version, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(time, 12);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(contents.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
    header.writeUInt32LE(start, 42);
    central.push(header, name);
  }
  if (entries.length > 0xffff || offset > 0xffffffff) throw new RangeError('Cannot zip more than 65535 entries or 4 GiB without ZIP64');
  const centralOffset = offset;
  for (const part of central) push(part);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - centralOffset, 12);
  end.writeUInt32LE(centralOffset, 16);
  push(end);
  return new Uint8Array(Buffer.concat(parts));
}

function compress(contents: Uint8Array, remember: boolean): Compressed {
  const known = deflated.get(contents);
  if (known) return known;
  const made = { crc: crc32(contents), data: deflateRawSync(contents, { level: LEVEL }) };
  if (remember) deflated.set(contents, made);
  return made;
}

/** MS-DOS date and time in UTC, clamped to the years a zip can hold (1980–2043), two-second precision. */
function dosTime(date: Date): number {
  const year = date.getUTCFullYear();
  if (year < 1980) return 0x00210000;
  if (year >= 2044) return 0x7f9fbf7d;
  return (
    (((year - 1980) << 25) |
      ((date.getUTCMonth() + 1) << 21) |
      (date.getUTCDate() << 16) |
      (date.getUTCHours() << 11) |
      (date.getUTCMinutes() << 5) |
      (date.getUTCSeconds() >> 1)) >>>
    0
  );
}
