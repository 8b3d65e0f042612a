import { ingestFile } from '../ingest/index.ts';
import type { Reporter } from '../report/messages.ts';
import { emptySummary, normaliseBlocks, type NormalizeOptions, type Normalised } from './transcript.ts';

/** One transcript file of any accepted kind (.txt, .html/.htm, .md) → tree and summary. */
export function normaliseFile(
  bytes: Uint8Array,
  file: string,
  lang: string,
  report: Reporter,
  options: Omit<NormalizeOptions, 'lang'> = {},
): Normalised {
  const ingested = ingestFile(bytes, file, lang);
  if ('tree' in ingested) return { tree: ingested.tree, summary: emptySummary() };
  return normaliseBlocks(ingested.blocks, report, { ...options, lang });
}
