import type { PipelineConfig } from '../config/defaults.ts';
import type { Translate } from '../i18n/ui.ts';
import type { OutputFile } from '../render/outputs.ts';
import { indexFiles } from '../engine/site-index.ts';
import type { Reporter } from '../report/messages.ts';
import { feedFiles } from './feed.ts';
import { sitemapFiles } from './sitemap.ts';
import { warnNoSiteUrl } from './site-url.ts';
import type { IndexDocument } from '../report/index-model.ts';

/**
 * Every file of the site that is about all documents rather than one: the indexes (and, as the site grows,
 * feeds, sitemaps, search). Made from the index entries alone, so a build, a merge of shards and a removal
 * all write the same site for the same documents.
 */
export function siteFiles(
  config: PipelineConfig,
  documents: IndexDocument[],
  translators: (lang: string) => Translate | undefined,
  /** Receives the `site:no-url` warning (feeds and sitemap with relative links). */
  report?: Reporter,
): OutputFile[] {
  const indexes = indexFiles(config, documents, translators);
  warnNoSiteUrl(config, report);
  return [
    ...indexes,
    ...feedFiles(config, documents, translators),
    ...sitemapFiles(
      config,
      documents,
      indexes.map((file) => file.path),
    ),
  ];
}
