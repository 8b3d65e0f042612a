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
  },
  {
    family: 'Noto Sans',
    pkg: '@fontsource/noto-sans',
    id: 'noto-sans',
    styles: [
      ['400', 'normal'],
      ['700', 'normal'],
    ],
  },
] as const;
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const;

export interface FontAsset {
  /** Path relative to the page, e.g. fonts/noto-serif-cyrillic-ext-400-normal.woff2. */
  path: string;
  contents: Uint8Array;
}

export interface FontKit {
  css: string;
  files: FontAsset[];
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
  for (const { family, pkg, id, styles } of FAMILIES) {
    const root = path.dirname(require.resolve(`${pkg}/package.json`));
    const ranges = JSON.parse(await readFile(path.join(root, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const [weight, style] of styles) {
      for (const subset of SUBSETS) {
        const name = `${id}-${subset}-${weight}-${style}.woff2`;
        files.push({ path: `fonts/${name}`, contents: await readFile(path.join(root, 'files', name)) });
        faces.push(
          `@font-face {\n  font-family: '${family}';\n  font-style: ${style};\n  font-weight: ${weight};\n  font-display: block;\n  src: url('fonts/${name}') format('woff2');\n  unicode-range: ${ranges[subset]};\n}`,
        );
      }
    }
  }
  return { css: faces.join('\n'), files };
}
