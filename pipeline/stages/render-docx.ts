import type { FormatInput } from '../render/renderer.ts';
import type { Stage } from '../stage.ts';
import { buildDate, provenanceNote } from './render-epub.ts';

/** A Word document per locale, from the translated tree the page was made from (pipeline/render/docx/). */
export const renderDocx: Stage<FormatInput, Uint8Array> = async ({ page, date }, ctx) => {
  const t = ctx.resources.translators.get(ctx.locale);
  if (!t) throw new Error(`No UI translator for ${ctx.locale}`);
  // Loaded by the first DOCX: builds that do not ask for it never load docx (bench/start-cost.ts).
  const [docx, { toDocx }, { packDocx }] = await Promise.all([
    import('docx'),
    import('../render/docx/to-docx.ts'),
    import('../render/docx/pack.ts'),
  ]);
  const document = toDocx(docx, {
    tree: page.tree,
    lang: ctx.locale,
    sourceLang: ctx.config.sourceLocale,
    t,
    attribution: ctx.config.attribution,
    publisher: ctx.config.publisher ?? undefined,
    untranslated: page.untranslated,
    provenance: provenanceNote(t, ctx.locale, page.tree.data.meta.sourceLang ?? ctx.config.sourceLocale),
  });
  return packDocx(docx, document, buildDate(date));
};
