import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The project's own fonts, shipped next to every page and embedded in every PDF, so that a PDF opened on
 * a machine without Noto still shows Kyrgyz ң ө ү (they live in the `cyrillic-ext` subset, which most
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

export interface FontAsset {
  /** Path relative to the page, e.g. fonts/noto-serif-cyrillic-ext-400-normal.woff2. */
  path: string;
  contents: Uint8Array;
}

export interface FontKit {
  css: string;
  files: FontAsset[];
  /** Code points some shipped font declares (its `unicode-range`): what a page can draw without a fallback. */
  coverage: (codePoint: number) => boolean;
}

const require = createRequire(import.meta.url);
let cached: Promise<FontKit> | undefined;

export function loadFonts(): Promise<FontKit> {
  cached ??= buildFontKit();
  return cached;
}

async function buildFontKit(): Promise<FontKit> {
  const faces: string[] = [];
  const files: FontAsset[] = [];
  const ranges: [number, number][] = [];
  for (const { family, pkg, id, styles, subsets } of FAMILIES) {
    const root = path.dirname(require.resolve(`${pkg}/package.json`));
    const subsetRanges = JSON.parse(await readFile(path.join(root, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const subset of subsets) ranges.push(...parseUnicodeRange(subsetRanges[subset] ?? ''));
    for (const [weight, style] of styles) {
      for (const subset of subsets) {
        const name = `${id}-${subset}-${weight}-${style}.woff2`;
        files.push({ path: `fonts/${name}`, contents: await readFile(path.join(root, 'files', name)) });
        faces.push(
          `@font-face {\n  font-family: '${family}';\n  font-style: ${style};\n  font-weight: ${weight};\n  font-display: block;\n  src: url('fonts/${name}') format('woff2');\n  unicode-range: ${subsetRanges[subset]};\n}`,
        );
      }
    }
  }
  return { css: faces.join('\n'), files, coverage: (codePoint) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to) };
}

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]]. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value
    .split(',')
    .map((part) => /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part))
    .filter((match) => match !== null)
    .map((match) => [Number.parseInt(match[1]!, 16), Number.parseInt(match[2] ?? match[1]!, 16)]);
}
