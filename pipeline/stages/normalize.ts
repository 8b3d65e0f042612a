import type { Ingested } from '../ingest/index.ts';
import { normaliseIngested } from '../normalize/file.ts';
import type { Stage } from '../stage.ts';
import type { TranscriptRoot } from '../types.ts';

export const normalize: Stage<Ingested, TranscriptRoot> = (input, ctx) =>
  normaliseIngested(
    input,
    ctx.normalize ?? { lang: ctx.config.sourceLocale, keepNbsp: ctx.config.keepNbsp },
    ctx.config.sourceLocale,
    ctx.report,
  ).tree;
