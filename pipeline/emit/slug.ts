import path from 'node:path';

/** Long enough for a dated title, short enough that slug/locale/slug.locale.epub stays far below NAME_MAX (255). */
export const MAX_SLUG_LENGTH = 80;

// Windows refuses these as file names whatever the extension, and a bundle may be unzipped there.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/;

/**
 * Output folder name of a transcript: its file name, lower-case ASCII letters, digits and hyphens.
 * Only the base name is read, so `../` or an absolute path in the input cannot reach the slug, and
 * the alphabet has no separator, dot or drive letter to escape the output folder with.
 */
export function slugify(file: string): string {
  const base = path.basename(file.replaceAll('\\', '/')).replace(/\.[^.]+$/, '');
  let slug = base
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  if (RESERVED.test(slug)) slug = `${slug}-transcript`;
  return slug || 'transcript';
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
