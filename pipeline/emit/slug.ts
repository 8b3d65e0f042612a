import { createHash } from 'node:crypto';
import path from 'node:path';
import transliterateToSlug from '@sindresorhus/slugify';
import { InputError } from '../errors.ts';

/** Long enough for a dated title, short enough that slug/locale/slug.locale.epub stays far below NAME_MAX (255). */
export const MAX_SLUG_LENGTH = 80;

// Windows refuses these as file names whatever the extension, and a bundle may be unzipped there.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/;

// The library's Cyrillic table is Russian's; the letters Kyrgyz adds are spelt as in its Latin
// transliteration. `&` becomes a separator, not the English “and”, so ASCII names keep the slugs they had.
const REPLACEMENTS: [string, string][] = [
  ['ң', 'ng'],
  ['Ң', 'Ng'],
  ['ө', 'o'],
  ['Ө', 'O'],
  ['ү', 'u'],
  ['Ү', 'U'],
  ['&', ' '],
];

const ALREADY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Output folder name of a transcript: its file name transliterated to lower-case ASCII letters, digits
 * and hyphens (`заявления-бишкек.txt` → `zayavleniya-bishkek`). Only the base name is read, so `../` or
 * an absolute path in the input cannot reach the slug, and the alphabet has no separator, dot or drive
 * letter to escape the output folder with. A name in a script with no transliteration (Chinese, say)
 * gets `transcript-` and a hash of the name, so that two such names stay apart.
 */
export function slugify(file: string): string {
  const base = path.basename(file.replaceAll('\\', '/')).replace(/\.[^.]+$/, '');
  // A name that is already a slug is its own (the library would return it unchanged): skips the library,
  // which builds its replacement pattern anew on every call (≈ 0.4 ms; 300 inputs on every build).
  let slug = (ALREADY_SLUG.test(base) ? base : transliterateToSlug(base, { customReplacements: REPLACEMENTS, decamelize: false }))
    // The library's output is ASCII today; the folder name must stay so whatever its tables become.
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  // `fonts` is the site's shared font folder (render/fonts.ts SITE_FONTS), beside the document folders.
  if (RESERVED.test(slug) || slug === 'fonts') slug = `${slug}-transcript`;
  if (slug) return slug;
  return /[\p{L}\p{N}]/u.test(base) ? `transcript-${createHash('sha256').update(base).digest('hex').slice(0, 8)}` : 'transcript';
}

/**
 * Each input's slug, in input order; refused when two inputs would share an output folder, naming both
 * (the message is about the second, with the first as the one to compare with).
 */
export function assignSlugs(inputs: readonly { path: string; input: string }[]): string[] {
  const taken = new Map<string, string>();
  return inputs.map(({ path: file, input }) => {
    const slug = slugify(input);
    const first = taken.get(slug);
    if (first !== undefined)
      throw new InputError(
        file,
        undefined,
        `Unexpected second transcript with the output name “${slug}”, expected one name per transcript; ${first} has it too, rename one of the two`,
      );
    taken.set(slug, file);
    return slug;
  });
}

/**
 * Why an output path (relative, forward slashes) is unsafe, or undefined when it is safe: every part is
 * a plain name (no `..`, no leading dot or slash, no drive letter, no device name such as NUL) short
 * enough for every file system the outputs are copied to.
 */
export function unsafeOutputPath(relativePath: string): string | undefined {
  if (relativePath === '' || relativePath.length > 1024) return 'empty or longer than 1024 characters';
  for (const part of relativePath.split('/')) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(part)) return `“${part}” is not a plain file name`;
    if (Buffer.byteLength(part) > 255) return `“${part.slice(0, 40)}…” is longer than 255 bytes`;
    if (RESERVED.test(part.split('.')[0]!.toLowerCase())) return `“${part}” is a reserved device name`;
  }
  return undefined;
}
