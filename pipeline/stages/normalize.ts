import type { TextBlock } from '../ingest/read-blocks.ts';
import { normalizeTranscript } from '../normalize/transcript.ts';
import type { Stage } from '../stage.ts';
import type { TranscriptRoot } from '../types.ts';

export const normalize: Stage<TextBlock[], TranscriptRoot> = (blocks, ctx) =>
  normalizeTranscript(blocks, ctx.report, { lang: ctx.config.sourceLocale });
