import type { PipelineConfig } from '../config/defaults.ts';
import type { Translate } from '../i18n/ui.ts';
import type { OutputFile } from '../render/outputs.ts';
import { indexFiles } from '../engine/site-index.ts';
import type { IndexDocument } from '../../templates/page-index.ts';

/**
 * Every file of the site that is about all documents rather than one: the indexes (and, as the site grows,
 * feeds, sitemaps, search). Made from the index entries alone, so a build, a merge of shards and a removal
 * all write the same site for the same documents.
 */
export function siteFiles(
  config: PipelineConfig,
  documents: IndexDocument[],
  translators: (lang: string) => Translate | undefined,
): OutputFile[] {
  return [...indexFiles(config, documents, translators)];
}
