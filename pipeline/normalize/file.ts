import { ingestFile } from '../ingest/index.ts';
import type { Reporter } from '../report/messages.ts';
import { normaliseBlocks, type Normalised } from './transcript.ts';

/** One transcript file of any accepted kind (.txt, .html/.htm, .md) → tree and summary. */
export function normaliseFile(bytes: Uint8Array, file: string, lang: string, report: Reporter): Normalised {
  const ingested = ingestFile(bytes, file, lang);
  if ('tree' in ingested)
    return { tree: ingested.tree, summary: { dropped: [], duplicates: { blocks: 0, paragraphs: 0 }, keptChars: 0, droppedChars: 0 } };
  return normaliseBlocks(ingested.blocks, report, { lang });
}
