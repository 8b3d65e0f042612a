import type { Ingested } from '../ingest/index.ts';
import { withFrontMatter } from '../normalize/sidecar.ts';
import { normalizeTranscript } from '../normalize/transcript.ts';
import type { Stage } from '../stage.ts';
import type { TranscriptRoot } from '../types.ts';

export const normalize: Stage<Ingested, TranscriptRoot> = (input, ctx) => {
  if ('tree' in input) return input.tree;
  const options = ctx.normalize ?? { lang: ctx.config.sourceLocale, keepNbsp: ctx.config.keepNbsp };
  return normalizeTranscript(input.blocks, ctx.report, withFrontMatter(options, input.frontMatter));
};
