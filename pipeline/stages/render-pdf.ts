import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { Translate } from '../i18n/ui.ts';
import type { Stage } from '../stage.ts';
import type { RootContent, TranscriptRoot } from '../types.ts';
import { buildDate } from './render-epub.ts';
import { provenanceNote } from '../render/page.ts';
import type { FormatInput } from '../render/renderer.ts';

export const renderPdf: Stage<FormatInput, Uint8Array> = async ({ page }, ctx) => {
  const folder = path.join(ctx.resources.scratch, ctx.file.slug, ctx.locale);
  // The page as it stands alone: fonts beside it (subset to its text), as Chromium may load nothing outside the folder.
  for (const file of await page.selfContained(page.files)) {
    await mkdir(path.dirname(path.join(folder, file.path)), { recursive: true });
    await writeFile(path.join(folder, file.path), file.contents);
  }
  const meta = page.tree.data.meta;
  const t = ctx.resources.translators.get(ctx.locale);
  // A question or a remark is a turn, not an author or a keyword.
  const speakers = meta.speakers.filter((speaker) => !speaker.generic && !speaker.question).map((speaker) => speaker.name);
  // Loaded by the first PDF (puppeteer-core with it): builds without PDF output never load them.
  const { printPdf } = await import('../render/pdf/print.ts');
  return printPdf(
    await ctx.resources.browser(),
    path.join(folder, 'index.html'),
    {
      title: page.title,
      lang: ctx.locale,
      author: ctx.config.publisher ?? (speakers.join(', ') || undefined),
      // Subject is what viewers show in the document's properties (and XMP's dc:description repeats it): the
      // note of which text this is goes there, after what it is; /Lang stays the print's own language.
      subject: subjectLine(
        [t?.('document.kind'), meta.place, meta.date].filter(Boolean).join(', '),
        t && provenanceNote(t, ctx.locale, meta.sourceLang ?? ctx.config.sourceLocale),
      ),
      keywords: [...speakers, ...(meta.place ? [meta.place] : [])],
      date: buildDate(meta.date),
      headings: headingTexts(page.tree, page.title, t),
    },
    ctx.config.paper,
    // A Chromium that writes its PDFs differently still publishes them, without pressroom's metadata, and
    // says so (`frail` turns it into a failure).
    (error) =>
      ctx.report.warn(`The PDF is published without its language, XMP and outline repairs: ${error.message}`, {
        ruleId: 'pdf:metadata-skipped',
        cause: error,
      }),
  );
};

/** "Transcript, Bishkek, 2025-11-26. Translated from Russian.": either part may be missing. */
function subjectLine(what: string, note: string | undefined): string | undefined {
  return [what && `${what}.`, note].filter(Boolean).join(' ') || undefined;
}

/** The text of every heading the page prints (title, sections, speaker labels): the outline's titles. */
function headingTexts(tree: TranscriptRoot, title: string, t: Translate | undefined): string[] {
  const texts = [title];
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'heading') texts.push(toString(node));
      const generic = node.type === 'speakerTurn' ? (node.speaker.generic ?? (node.speaker.question ? 'question' : undefined)) : undefined;
      // The page prints a generic role in the locale's word (handle/speaker-turn.ts); the outline says the same.
      if (node.type === 'speakerTurn' && generic && t) texts.push(t(`speaker.${generic}`));
      else if (node.type === 'speakerTurn') texts.push([node.speaker.role, node.speaker.name].filter(Boolean).join(' '));
      if ('children' in node) visit(node.children as RootContent[]);
    }
  };
  visit(tree.children);
  return texts;
}
