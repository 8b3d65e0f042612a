import { ingestFile } from '../ingest/index.ts';
import { annotateSourceLanguage, declarationOf, normaliseInLanguage, ownMarkdownDeclaration } from '../locale/source-language.ts';
import type { Reporter } from '../report/messages.ts';
import { withFrontMatter } from './sidecar.ts';
import { emptySummary, normaliseBlocks, type NormalizeOptions, type Normalised } from './transcript.ts';

/**
 * One transcript file of any accepted kind (.txt, .html/.htm, .md, .docx) → tree and summary, with the
 * document's source language in its metadata. `sourceLocale` (default: `lang`) is the config's.
 */
export async function normaliseFile(
  bytes: Uint8Array,
  file: string,
  lang: string,
  report: Reporter,
  { sourceLocale = lang, ...options }: Omit<NormalizeOptions, 'lang'> & { sourceLocale?: string } = {},
): Promise<Normalised> {
  const ingested = await ingestFile(bytes, file, lang);
  if ('tree' in ingested) {
    annotateSourceLanguage(ingested.tree, { declared: ownMarkdownDeclaration(ingested.tree.data.meta), sourceLocale }, report);
    return { tree: ingested.tree, summary: emptySummary() };
  }
  // The sidecar's overrides (in options) win over the front matter's, which win over detection; the text
  // is read in the language that decides (as the build's normalise stage reads it).
  return normaliseInLanguage(
    (read) => normaliseBlocks(ingested.blocks, report, read),
    withFrontMatter({ ...options, lang }, ingested.frontMatter),
    { declared: declarationOf({ ...options, lang }, ingested.frontMatter), rule: options.ruleLang, sourceLocale },
    report,
  );
}
