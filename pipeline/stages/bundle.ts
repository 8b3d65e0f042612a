import type { OutputFile } from '../render/outputs.ts';
import { zip } from '../render/zip.ts';
import type { Stage } from '../stage.ts';
import { buildDate } from './render-epub.ts';

/** One zip per locale with everything a journalist needs offline: page, stylesheet, fonts, PDF, EPUB. */
export const bundle: Stage<{ files: OutputFile[]; date: string | null }, Uint8Array> = ({ files, date }, ctx) => {
  const root = `${ctx.file.slug}.${ctx.locale}`;
  return zip(
    files.map((file) => ({ path: `${root}/${file.path}`, contents: file.contents })),
    buildDate(date),
  );
};
