import type { Ingested } from '../ingest/index.ts';
import { annotateSourceLanguage, declarationOf, normaliseInLanguage, ownMarkdownDeclaration } from '../locale/source-language.ts';
import { withFrontMatter } from '../normalize/sidecar.ts';
import { normalizeTranscript } from '../normalize/transcript.ts';
import type { Stage } from '../stage.ts';
import type { TranscriptRoot } from '../types.ts';

export const normalize: Stage<Ingested, TranscriptRoot> = (input, ctx) => {
  const sourceLocale = ctx.config.sourceLocale;
  if ('tree' in input) {
    annotateSourceLanguage(input.tree, { declared: ownMarkdownDeclaration(input.tree.data.meta), sourceLocale }, ctx.report);
    return input.tree;
  }
  const options = ctx.normalize ?? { lang: sourceLocale, keepNbsp: ctx.config.keepNbsp };
  // Read in the document's language (declared, a sources rule, else detected), not the config's default.
  return normaliseInLanguage(
    (read) => ({ tree: normalizeTranscript(input.blocks, ctx.report, read) }),
    withFrontMatter(options, input.frontMatter),
    { declared: declarationOf(options, input.frontMatter), rule: options.ruleLang, sourceLocale },
    ctx.report,
  ).tree;
};
