// Per-artifact fonts: each EPUB, bundle and printed page carries only the glyphs its own text needs.
import { createHash } from 'node:crypto';
import { fontFaceRule, formatUnicodeRange, inRanges, sfntCodePoints, type FontAsset, type FontFace, type FontKit } from './fonts.ts';

export interface ArtifactFonts {
  /** @font-face rules of the faces kept, each `unicode-range` listing exactly the code points its file maps. */
  css: string;
  /** The subset TrueType files (`.ttf`), under the folder asked for. */
  files: FontAsset[];
  /** Whether a carried file maps the code point: the preflight's proof, read back from the files themselves. */
  coverage: (codePoint: number) => boolean;
}

export interface SubsetOptions {
  /** Folder of the files, relative to the stylesheet. Default `fonts`. */
  folder?: string;
  /** The artifact's language: `text-transform: uppercase` (the document kind) uses its case mapping. */
  lang?: string;
  /**
   * Exactly the text's characters (true), or whole alphabets once a letter of one is used (false, the
   * default): a few hundred bytes more per face, but one transcript's subsets are then another's in the
   * same language, so an archive build takes most of them from the cache instead of making them again.
   */
  exact?: boolean;
}

/**
 * Alphabets kept whole once the text uses one of their characters (see SubsetOptions.exact): Basic Latin
 * letters, ASCII punctuation and the usual typographic marks, the Russian alphabet, Arabic letters.
 */
const ALPHABETS: [number, number][][] = [
  [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  [
    [0x20, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
    [0xa0, 0xa0],
    [0xab, 0xab],
    [0xbb, 0xbb],
    [0x2013, 0x2014],
    [0x2018, 0x2019],
    [0x201c, 0x201e],
    [0x2026, 0x2026],
  ],
  [
    [0x401, 0x401],
    [0x410, 0x44f],
    [0x451, 0x451],
  ],
  [
    [0x621, 0x63a],
    [0x640, 0x64a],
  ],
];

/**
 * Drawn without being in the text: page counters and list numbers (digits, the full stop), the list bullet,
 * and the hyphen a soft hyphen becomes at a line end. Added only to faces the text already needs.
 */
const DRAWN_ANYWAY = [...'0123456789.•-\u2010'].map((char) => char.codePointAt(0)!);

/**
 * The kit's faces cut down to `text`: a face none of whose range the text uses is dropped, every other one
 * subset (harfbuzz, TrueType) to the characters the text has in its range, keeping the layout closure
 * (ligatures, Arabic joining forms). Byte-reproducible: same fonts and text, same files, in the kit's order.
 */
export async function subsetFonts(kit: FontKit, text: string, options: SubsetOptions = {}): Promise<ArtifactFonts> {
  const folder = options.folder ?? 'fonts';
  const used = new Set<number>();
  const add = (value: string) => {
    for (const char of value) used.add(char.codePointAt(0)!);
  };
  add(text);
  // `.kind` is shown in capitals; upper-casing every letter is a superset, and cheap.
  add(text.toUpperCase());
  if (options.lang) add(text.toLocaleUpperCase(options.lang));
  if (!options.exact)
    for (const alphabet of ALPHABETS)
      if ([...used].some((codePoint) => inRanges(alphabet, codePoint)))
        for (const [from, to] of alphabet) for (let codePoint = from; codePoint <= to; codePoint++) used.add(codePoint);
  const kept: { face: FontFace; bytes: Uint8Array; codePoints: Set<number> }[] = [];
  for (const face of kit.faces) {
    const drawn = (codePoint: number) => inRanges(face.ranges, codePoint) && face.codePoints.has(codePoint);
    const wanted = [...used].filter(drawn);
    if (wanted.length === 0) continue;
    for (const codePoint of DRAWN_ANYWAY) if (drawn(codePoint) && !used.has(codePoint)) wanted.push(codePoint);
    wanted.sort((a, b) => a - b);
    const bytes = await subsetFace(face, wanted);
    const codePoints = sfntCodePoints(bytes, `${subsetName(face)} (subset)`);
    kept.push({ face, bytes, codePoints });
  }
  return {
    css: kept
      .map(({ face, codePoints }) =>
        fontFaceRule(
          face,
          `${folder}/${subsetName(face)}`,
          formatUnicodeRange([...codePoints].filter((codePoint) => inRanges(face.ranges, codePoint)).sort((a, b) => a - b)),
        ),
      )
      .join('\n'),
    files: kept.map(({ face, bytes }) => ({ path: `${folder}/${subsetName(face)}`, contents: bytes })),
    coverage: (codePoint) => kept.some(({ face, codePoints }) => codePoints.has(codePoint) && inRanges(face.ranges, codePoint)),
  };
}

/**
 * A subset's file name: the face's, as TrueType. Note: subsets are written uncompressed and deflated by the
 * zip (EPUB, bundle) that carries them. Encoding them as WOFF2 instead made files 20% smaller than the
 * deflated TrueType but took 50–600 ms per subset (harfbuzz's Brotli at its highest quality, in WebAssembly)
 * against about 1 ms: on two cores, a first build of the sample spent seconds there.
 */
export const subsetName = (face: Pick<FontFace, 'name'>) => face.name.replace(/\.woff2$/, '.ttf');

/** Subsets made in this process, by font hash and code points; bounded, oldest out first. */
const cache = new Map<string, { bytes: Promise<Uint8Array>; size: number }>();
const CACHE_BYTES = 64 * 1024 * 1024;
let cachedBytes = 0;
/** For the benchmark: subsets made and subsets taken from the cache since the process started. */
export const subsetStats = { made: 0, reused: 0, ms: 0 };

/** Empties the subset cache: for tests that must see a subset made twice. */
export function forgetSubsets(): void {
  cache.clear();
  cachedBytes = 0;
}

let subsetModule: Promise<typeof import('subset-font')> | undefined;

/**
 * subset-font (with fontverter, wawoff2 and pako: ≈ 0.1 s to load), loaded on first use: a build whose every
 * artifact comes from the cache makes no subset. A build that renders starts loading it with the memories
 * (resources.ts), so that its documents do not all wait for it at their first EPUB.
 */
export function loadSubsetFont(): Promise<typeof import('subset-font')> {
  return (subsetModule ??= import('subset-font'));
}

/** One face subset to exactly `codePoints` (sorted), made once per process for the same font and set. */
export function subsetFace(face: FontFace, codePoints: readonly number[]): Promise<Uint8Array> {
  const key = createHash('sha256')
    .update(`${face.hash}:${codePoints.join(',')}`)
    .digest('hex');
  const hit = cache.get(key);
  if (hit) {
    subsetStats.reused += 1;
    // Most recently used last: Map keeps insertion order.
    cache.delete(key);
    cache.set(key, hit);
    return hit.bytes;
  }
  subsetStats.made += 1;
  const started = performance.now();
  const entry: { size: number; bytes: Promise<Uint8Array> } = { size: 0, bytes: Promise.resolve(new Uint8Array()) };
  // fontverter reads the signature with Buffer methods: a plain Uint8Array is not recognised.
  const font = Buffer.from(face.contents.buffer, face.contents.byteOffset, face.contents.byteLength);
  entry.bytes = loadSubsetFont()
    .then(({ default: subsetFont }) => subsetFont(font, String.fromCodePoint(...codePoints), { targetFormat: 'truetype' }))
    .then(
      (buffer) => {
        subsetStats.ms += performance.now() - started;
        const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        entry.size = bytes.byteLength;
        cachedBytes += entry.size;
        for (const [oldest, old] of cache) {
          if (cachedBytes <= CACHE_BYTES) break;
          cache.delete(oldest);
          cachedBytes -= old.size;
        }
        return bytes;
      },
      (cause: unknown) => {
        cache.delete(key);
        throw new Error(`Cannot subset the font ${face.name} (${face.source})`, { cause });
      },
    );
  cache.set(key, entry);
  return entry.bytes;
}
