import { ingestFile } from '../ingest/index.ts';
import type { Reporter } from '../report/messages.ts';
import { withFrontMatter } from './sidecar.ts';
import { emptySummary, normaliseBlocks, type NormalizeOptions, type Normalised } from './transcript.ts';

/** One transcript file of any accepted kind (.txt, .html/.htm, .md, .docx) → tree and summary. */
export async function normaliseFile(
  bytes: Uint8Array,
  file: string,
  lang: string,
  report: Reporter,
  options: Omit<NormalizeOptions, 'lang'> = {},
): Promise<Normalised> {
  const ingested = await ingestFile(bytes, file, lang);
  if ('tree' in ingested) return { tree: ingested.tree, summary: emptySummary() };
  // The sidecar's overrides (in options) win over the front matter's, which win over detection.
  return normaliseBlocks(ingested.blocks, report, withFrontMatter({ ...options, lang }, ingested.frontMatter));
}
