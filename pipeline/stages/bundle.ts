import { zip } from '../render/zip.ts';
import type { Stage } from '../stage.ts';
import { buildDate } from './render-epub.ts';
import type { FormatInput } from '../render/renderer.ts';

/**
 * One zip per locale with everything a journalist needs offline: page, stylesheet, PDF, EPUB (and the DOCX when asked
 * for: pipeline/render/formats.ts, `bundle`), and the fonts
 * the page draws with, subset to its text (the site's shared font folder is not in the zip).
 */
export const bundle: Stage<FormatInput, Uint8Array> = async ({ files, date, page }, ctx) => {
  const root = `${ctx.file.slug}.${ctx.locale}`;
  return zip(
    (await page.selfContained(files)).map((file) => ({ path: `${root}/${file.path}`, contents: file.contents })),
    buildDate(date),
  );
};
