import { ingestFile, type Ingested } from '../ingest/index.ts';
import { annotateSourceLanguage, declarationOf, normaliseInLanguage, ownMarkdownDeclaration } from '../locale/source-language.ts';
import type { Reporter } from '../report/messages.ts';
import { withFrontMatter } from './sidecar.ts';
import { emptySummary, normaliseBlocks, type NormalizeOptions, type Normalised } from './transcript.ts';

/**
 * What the ingest stage read → tree and summary, with the document's source language in its metadata: the
 * pure core of the normalize stage (stages/normalize.ts) and of `pressroom normalise` (normaliseFile), so
 * that the command prints what a build publishes. `sourceLocale` is the config's.
 */
export function normaliseIngested(ingested: Ingested, options: NormalizeOptions, sourceLocale: string, report: Reporter): Normalised {
  if ('tree' in ingested) {
    annotateSourceLanguage(ingested.tree, { declared: ownMarkdownDeclaration(ingested.tree.data.meta), sourceLocale }, report);
    return { tree: ingested.tree, summary: emptySummary() };
  }
  // The sidecar's overrides (in options) win over the front matter's, which win over detection; the text
  // is read in the language that decides: declared, a sources rule, else detected — not the config's default.
  return normaliseInLanguage(
    (read) => normaliseBlocks(ingested.blocks, report, read),
    withFrontMatter(options, ingested.frontMatter),
    { declared: declarationOf(options, ingested.frontMatter), rule: options.ruleLang, sourceLocale },
    report,
  );
}

/**
 * One transcript file of any accepted kind (.txt, .html/.htm, .md, .docx) → tree and summary: the ingest and
 * normalize stages' cores (pipeline/engine/stages.ts) without a build's resources. `sourceLocale` (default:
 * `lang`) is the config's.
 */
export async function normaliseFile(
  bytes: Uint8Array,
  file: string,
  lang: string,
  report: Reporter,
  { sourceLocale = lang, ...options }: Omit<NormalizeOptions, 'lang'> & { sourceLocale?: string } = {},
): Promise<Normalised> {
  return normaliseIngested(await ingestFile(bytes, file, lang), { ...options, lang }, sourceLocale, report);
}
