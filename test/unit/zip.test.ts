import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { zip } from '../../pipeline/render/zip.ts';

/** Local file headers in order: name, compression method, DOS time and date, and the entry's bytes as stored. */
function localEntries(archive: Buffer) {
  const entries: { name: string; method: number; time: number; date: number; data: Buffer }[] = [];
  const central = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const centralStart = archive.readUInt32LE(central + 16);
  for (let at = 0; at < centralStart;) {
    assert.equal(archive.readUInt32LE(at), 0x04034b50, `a local header at ${at}`);
    const flags = archive.readUInt16LE(at + 6);
    const nameLength = archive.readUInt16LE(at + 26);
    const extraLength = archive.readUInt16LE(at + 28);
    const name = archive.toString('utf8', at + 30, at + 30 + nameLength);
    // The sizes are in the central directory when a data descriptor follows the data.
    let header = centralStart;
    while (archive.toString('utf8', header + 46, header + 46 + archive.readUInt16LE(header + 28)) !== name)
      header += 46 + archive.readUInt16LE(header + 28) + archive.readUInt16LE(header + 30) + archive.readUInt16LE(header + 32);
    const size = archive.readUInt32LE(header + 20);
    const start = at + 30 + nameLength + extraLength;
    entries.push({
      name,
      method: archive.readUInt16LE(at + 8),
      time: archive.readUInt16LE(at + 10),
      date: archive.readUInt16LE(at + 12),
      data: archive.subarray(start, start + size),
    });
    at = start + size + (flags & 0x08 ? (archive.readUInt32LE(start + size) === 0x08074b50 ? 16 : 12) : 0);
  }
  return entries;
}

test('zip stores already-compressed files and deflates the rest, in the order given, with the date in UTC whatever the time zone', async () => {
  const font = new Uint8Array(4096).map((_, index) => (index * 7) % 256);
  const entries = [
    { path: 'mimetype', contents: 'application/epub+zip', store: true },
    { path: 'EPUB/fonts/noto-serif-latin-400-normal.woff2', contents: font },
    { path: 'EPUB/page.xhtml', contents: '<p>Кыргызстан</p>'.repeat(50) },
    { path: 'images/photo.JPG', contents: font },
  ];
  const date = new Date('2025-11-26T23:30:10Z');
  const zoned = process.env.TZ;
  const archives: Buffer[] = [];
  try {
    for (const zone of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      process.env.TZ = zone;
      archives.push(Buffer.from(await zip(entries, date)));
    }
  } finally {
    if (zoned === undefined) delete process.env.TZ;
    else process.env.TZ = zoned;
  }
  assert.ok(
    archives.every((archive) => archive.equals(archives[0]!)),
    'the same bytes in every time zone',
  );
  const read = localEntries(archives[0]!);
  assert.deepEqual(
    read.map((entry) => [entry.name, entry.method]),
    [
      ['mimetype', 0],
      ['EPUB/fonts/noto-serif-latin-400-normal.woff2', 0],
      ['EPUB/page.xhtml', 8],
      ['images/photo.JPG', 0],
    ],
  );
  assert.equal(read[0]!.data.toString('latin1'), 'application/epub+zip');
  assert.ok(Buffer.from(font).equals(read[1]!.data), 'the font is stored byte for byte');
  assert.equal(inflateRawSync(read[2]!.data).toString('utf8'), '<p>Кыргызстан</p>'.repeat(50));
  // DOS date and time of 2025-11-26 23:30:10 UTC.
  assert.equal(read[0]!.date, ((2025 - 1980) << 9) | (11 << 5) | 26);
  assert.equal(read[0]!.time, (23 << 11) | (30 << 5) | 5);
});
