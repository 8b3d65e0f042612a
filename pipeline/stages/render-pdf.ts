import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printPdf } from '../render/pdf/print.ts';
import type { Stage } from '../stage.ts';
import { buildDate } from './render-epub.ts';
import type { RenderedPage } from './render-html.ts';

export const renderPdf: Stage<RenderedPage, Uint8Array> = async (page, ctx) => {
  const folder = path.join(ctx.resources.scratch, ctx.file.slug, ctx.locale);
  for (const file of page.files) {
    await mkdir(path.dirname(path.join(folder, file.path)), { recursive: true });
    await writeFile(path.join(folder, file.path), file.contents);
  }
  const meta = page.tree.data.meta;
  return printPdf(await ctx.resources.browser(), path.join(folder, 'index.html'), {
    title: page.title,
    lang: ctx.locale,
    author: meta.speakers.map((speaker) => speaker.name).join(', ') || undefined,
    subject: ctx.config.attribution?.source,
    date: buildDate(meta.date),
  });
};
