import { outputFormat, type Format } from './formats.ts';

export interface OutputFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  contents: Uint8Array;
}

/** The predictable layout of output/, documented in docs/output.md. */
export const layout = {
  folder: (slug: string, locale: string) => `${slug}/${locale}`,
  page: (slug: string, locale: string) => `${slug}/${locale}/index.html`,
  /** A download's file; its extension is the registry's (pipeline/render/formats.ts). */
  file: (slug: string, locale: string, format: Format) => `${slug}/${locale}/${slug}.${locale}.${outputFormat(format)!.extension}`,
};

export const utf8 = (text: string) => new TextEncoder().encode(text);
