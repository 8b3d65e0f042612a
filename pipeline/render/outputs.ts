import type { Format } from '../config/defaults.ts';

export interface OutputFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  contents: Uint8Array;
}

export const MEDIA_TYPES: Record<Exclude<Format, 'html'>, string> = {
  pdf: 'application/pdf',
  epub: 'application/epub+zip',
  bundle: 'application/zip',
};

/** The predictable layout of output/, documented in docs/output.md. */
export const layout = {
  folder: (slug: string, locale: string) => `${slug}/${locale}`,
  page: (slug: string, locale: string) => `${slug}/${locale}/index.html`,
  file: (slug: string, locale: string, format: Exclude<Format, 'html'>) =>
    `${slug}/${locale}/${slug}.${locale}.${format === 'bundle' ? 'zip' : format}`,
};

export const utf8 = (text: string) => new TextEncoder().encode(text);
