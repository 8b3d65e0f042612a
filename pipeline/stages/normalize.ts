import type { Ingested } from '../ingest/index.ts';
import { normalizeTranscript } from '../normalize/transcript.ts';
import type { Stage } from '../stage.ts';
import type { TranscriptRoot } from '../types.ts';

export const normalize: Stage<Ingested, TranscriptRoot> = (input, ctx) =>
  'tree' in input
    ? input.tree
    : normalizeTranscript(input.blocks, ctx.report, { lang: ctx.config.sourceLocale, keepNbsp: ctx.config.keepNbsp });
