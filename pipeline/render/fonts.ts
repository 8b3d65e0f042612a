import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

/**
 * The project's own fonts, shipped with every page and embedded in every PDF and EPUB, so that a PDF opened
 * on a machine without Noto still shows Kyrgyz ң ө ү (they live in the `cyrillic-ext` subset, which most
 * web-font bundles leave out).
 */
const FAMILIES = [
  {
    family: 'Noto Serif',
    pkg: '@fontsource/noto-serif',
    id: 'noto-serif',
    styles: [
      ['400', 'normal'],
      ['400', 'italic'],
      ['700', 'normal'],
    ],
    subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'],
  },
  {
    family: 'Noto Sans',
    pkg: '@fontsource/noto-sans',
    id: 'noto-sans',
    styles: [
      ['400', 'normal'],
      ['700', 'normal'],
    ],
    subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'],
  },
  {
    // Arabic script (the right-to-left locales); no italic exists, so the stylesheet never asks for one.
    family: 'Noto Naskh Arabic',
    pkg: '@fontsource/noto-naskh-arabic',
    id: 'noto-naskh-arabic',
    styles: [
      ['400', 'normal'],
      ['700', 'normal'],
    ],
    subsets: ['arabic'],
  },
] as const;

/** Where the web pages of a site find the fonts they share, relative to the output folder. */
export const SITE_FONTS = 'fonts';

export interface FontAsset {
  /** Path relative to the page or package, e.g. fonts/noto-serif-cyrillic-ext-400-normal.woff2. */
  path: string;
  contents: Uint8Array;
}

/** One WOFF2 file of the kit: a family's style and weight for one script range. */
export interface FontFace {
  family: string;
  style: string;
  weight: string;
  /** noto-serif-cyrillic-ext-400-normal.woff2 */
  name: string;
  /** The installed file, linked into the site's font folder. */
  source: string;
  contents: Uint8Array;
  /** SHA-256 of `contents`, hex: the subset cache's key and the site file name's hash. */
  hash: string;
  /** The range the package declares for the file (`U+0400-045F,…`). */
  unicodeRange: string;
  ranges: [number, number][];
  /** Code points the file maps to a glyph, read from its `cmap`: what it can really draw. */
  codePoints: ReadonlySet<number>;
}

export interface FontKit {
  faces: FontFace[];
  /** @font-face rules of the full fonts under `fonts/` (what the artifact keys hash, with `files`). */
  css: string;
  files: FontAsset[];
  /** Whether some face declares the code point in its range and has a glyph for it: drawn without a fallback. */
  coverage: (codePoint: number) => boolean;
  /** The files of the site's shared font folder: content-hashed names, so a page never sees a stale font. */
  siteFiles: (FontAsset & { source: string })[];
  /** @font-face rules for the shared folder, its URLs prefixed with `folder` (e.g. `../../fonts`). */
  siteCss: (folder: string) => string;
}

const require = createRequire(import.meta.url);
let cached: Promise<FontKit> | undefined;

export function loadFonts(): Promise<FontKit> {
  cached ??= buildFontKit();
  return cached;
}

async function buildFontKit(): Promise<FontKit> {
  const faces: FontFace[] = [];
  for (const { family, pkg, id, styles, subsets } of FAMILIES) {
    const root = path.dirname(require.resolve(`${pkg}/package.json`));
    const subsetRanges = JSON.parse(await readFile(path.join(root, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const [weight, style] of styles) {
      for (const subset of subsets) {
        const name = `${id}-${subset}-${weight}-${style}.woff2`;
        const source = path.join(root, 'files', name);
        const contents = new Uint8Array(await readFile(source));
        const unicodeRange = subsetRanges[subset] ?? '';
        faces.push({
          family,
          style,
          weight,
          name,
          source,
          contents,
          hash: createHash('sha256').update(contents).digest('hex'),
          unicodeRange,
          ranges: parseUnicodeRange(unicodeRange),
          codePoints: woff2CodePoints(contents, source),
        });
      }
    }
  }
  const siteName = (face: FontFace) => `${face.name.replace(/\.woff2$/, '')}.${face.hash.slice(0, 8)}.woff2`;
  return {
    faces,
    css: faces.map((face) => fontFaceRule(face, `fonts/${face.name}`, face.unicodeRange)).join('\n'),
    files: faces.map((face) => ({ path: `fonts/${face.name}`, contents: face.contents })),
    coverage: (codePoint) => faces.some((face) => inRanges(face.ranges, codePoint) && face.codePoints.has(codePoint)),
    siteFiles: faces.map((face) => ({ path: `${SITE_FONTS}/${siteName(face)}`, contents: face.contents, source: face.source })),
    siteCss: (folder) => faces.map((face) => fontFaceRule(face, `${folder}/${siteName(face)}`, face.unicodeRange)).join('\n'),
  };
}

/** The part of the build's sink (engine/sink.ts) that places files. */
interface FontSink {
  link(source: string, target: string): Promise<void>;
  keep(name: string, files: readonly (readonly [source: string, target: string])[]): boolean;
}

/**
 * Puts the site's font folder in place: the kit's files, linked from the installed package, and the fonts
 * an earlier build left in `out` (their hashed names differ only after a font update), because pages built
 * then and not rebuilt now still name them. Left as it is when it already holds exactly these files.
 */
export async function placeSiteFonts(sink: FontSink, kit: FontKit, out?: string): Promise<void> {
  const placed = new Map(kit.siteFiles.map((file) => [file.path, file.source]));
  let earlier: string[] = [];
  try {
    earlier = out ? readdirSync(path.join(out, SITE_FONTS)) : [];
  } catch {
    // No earlier site, or no font folder in it.
  }
  for (const name of earlier)
    if (/^[a-z0-9-]+\.[0-9a-f]{8}\.woff2$/.test(name) && !placed.has(`${SITE_FONTS}/${name}`))
      placed.set(`${SITE_FONTS}/${name}`, path.join(out!, SITE_FONTS, name));
  const placements = [...placed].map(([target, source]) => [source, target] as const);
  if (sink.keep(SITE_FONTS, placements)) return;
  for (const [source, target] of placements) await sink.link(source, target);
}

/** One @font-face rule; `font-display: block` so a print never catches the fallback font mid-swap. */
export function fontFaceRule(face: Pick<FontFace, 'family' | 'style' | 'weight'>, url: string, unicodeRange: string): string {
  const format = url.endsWith('.ttf') ? 'truetype' : 'woff2';
  return `@font-face {\n  font-family: '${face.family}';\n  font-style: ${face.style};\n  font-weight: ${face.weight};\n  font-display: block;\n  src: url('${url}') format('${format}');\n  unicode-range: ${unicodeRange};\n}`;
}

export function inRanges(ranges: readonly [number, number][], codePoint: number): boolean {
  return ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]]. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value
    .split(',')
    .map((part) => /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part))
    .filter((match) => match !== null)
    .map((match) => [Number.parseInt(match[1]!, 16), Number.parseInt(match[2] ?? match[1]!, 16)]);
}

/** Sorted code points → "U+20-7E,U+A0,U+2013-2014": the shortest unicode-range listing exactly them. */
export function formatUnicodeRange(codePoints: readonly number[]): string {
  const hex = (codePoint: number) => codePoint.toString(16).toUpperCase();
  const parts: string[] = [];
  for (let at = 0; at < codePoints.length;) {
    let end = at;
    while (end + 1 < codePoints.length && codePoints[end + 1] === codePoints[end]! + 1) end += 1;
    parts.push(end === at ? `U+${hex(codePoints[at]!)}` : `U+${hex(codePoints[at]!)}-${hex(codePoints[end]!)}`);
    at = end + 1;
  }
  return parts.join(',');
}

/**
 * The code points a WOFF2 font maps to a real glyph (not .notdef), read from its `cmap` table (formats 4
 * and 12): what the file can draw, independent of the harfbuzz that made it. `file` names it in errors.
 */
export function woff2CodePoints(bytes: Uint8Array, file: string): Set<number> {
  const fail = (what: string): never => {
    throw new Error(`${file} is not a readable WOFF2 font: ${what}`);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 48 || view.getUint32(0) !== 0x774f4632) fail('no wOF2 signature');
  if (view.getUint32(4) === 0x74746366) fail('a font collection');
  const numTables = view.getUint16(12);
  const compressedSize = view.getUint32(20);
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (let index = 0; index < 5; index++) {
      if (at >= bytes.byteLength) fail('table directory cut short');
      const byte = bytes[at++]!;
      if (index === 0 && byte === 0x80) fail('bad UIntBase128');
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    return fail('UIntBase128 longer than 5 bytes');
  };
  let offset = 0;
  let cmap: [number, number] | undefined;
  for (let table = 0; table < numTables; table++) {
    if (at >= bytes.byteLength) fail('table directory cut short');
    const flags = bytes[at++]!;
    let tag = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 0x3f) {
      tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      at += 4;
    }
    const version = flags >> 6;
    const length = base128();
    // glyf and loca are transformed under version 0 (3 is the null transform); every other table under any other.
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    const stored = transformed ? base128() : length;
    if (tag === 'cmap') cmap = [offset, length];
    offset += stored;
  }
  if (!cmap) return fail('no cmap table');
  const tables = brotliDecompressSync(bytes.subarray(at, at + compressedSize));
  if (cmap[0] + cmap[1] > tables.byteLength) fail('cmap beyond the table data');
  return cmapCodePoints(new DataView(tables.buffer, tables.byteOffset + cmap[0], cmap[1]), fail);
}

/** The same for an uncompressed TrueType/OpenType font (what harfbuzz writes as `truetype`). */
export function sfntCodePoints(bytes: Uint8Array, file: string): Set<number> {
  const fail = (what: string): never => {
    throw new Error(`${file} is not a readable TrueType font: ${what}`);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) fail('too short');
  for (let table = 0; table < view.getUint16(4); table++) {
    const record = 12 + table * 16;
    if (record + 16 > bytes.byteLength) fail('table directory cut short');
    if (String.fromCharCode(...bytes.subarray(record, record + 4)) !== 'cmap') continue;
    const [offset, length] = [view.getUint32(record + 8), view.getUint32(record + 12)];
    if (offset + length > bytes.byteLength) fail('cmap beyond the file');
    return cmapCodePoints(new DataView(bytes.buffer, bytes.byteOffset + offset, length), fail);
  }
  return fail('no cmap table');
}

// The WOFF2 known-table index (W3C WOFF2 §5.1), as far as the cmap search needs to name the tables.
const KNOWN_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep'];

function cmapCodePoints(cmap: DataView, fail: (what: string) => never): Set<number> {
  const codePoints = new Set<number>();
  const u16 = (at: number) => cmap.getUint16(at);
  const u32 = (at: number) => cmap.getUint32(at);
  try {
    const count = u16(2);
    for (let record = 0; record < count; record++) {
      const platform = u16(4 + record * 8);
      const encoding = u16(6 + record * 8);
      // Unicode subtables only: platform 0, or Windows' BMP (1) and full (10) encodings.
      if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
      const start = u32(8 + record * 8);
      const format = u16(start);
      if (format === 4) {
        const segments = u16(start + 6) / 2;
        const ends = start + 14;
        const starts = ends + segments * 2 + 2;
        const deltas = starts + segments * 2;
        const rangeOffsets = deltas + segments * 2;
        for (let segment = 0; segment < segments; segment++) {
          const [first, last] = [u16(starts + segment * 2), u16(ends + segment * 2)];
          const delta = u16(deltas + segment * 2);
          const rangeOffset = u16(rangeOffsets + segment * 2);
          for (let codePoint = first; codePoint <= last && codePoint !== 0xffff; codePoint++) {
            let glyph = (codePoint + delta) & 0xffff;
            if (rangeOffset !== 0) {
              const index = u16(rangeOffsets + segment * 2 + rangeOffset + (codePoint - first) * 2);
              glyph = index === 0 ? 0 : (index + delta) & 0xffff;
            }
            if (glyph !== 0) codePoints.add(codePoint);
          }
        }
      } else if (format === 12) {
        const groups = u32(start + 12);
        for (let group = 0; group < groups; group++) {
          const [first, last, glyph] = [u32(start + 16 + group * 12), u32(start + 20 + group * 12), u32(start + 24 + group * 12)];
          if (last - first > 0x10ffff) fail('cmap group out of range');
          for (let codePoint = first; codePoint <= last; codePoint++) if (glyph + (codePoint - first) !== 0) codePoints.add(codePoint);
        }
      }
    }
  } catch (cause) {
    if (cause instanceof RangeError) fail('cmap cut short');
    throw cause;
  }
  return codePoints;
}
