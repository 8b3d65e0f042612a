import { existsSync } from 'node:fs';
import path from 'node:path';
import { lockOutput } from '../emit/lock.ts';
import { openStagedOutput, type StagedOutput } from '../emit/write.ts';
import { PipelineError } from '../errors.ts';
import { MANIFEST_NAME, readManifest, retire, updateSite } from '../site/archive.ts';
import { archiveSearchFiles } from '../site/search.ts';
import { loadCliConfig, reportMessages } from './build.ts';
import { CONFIG_OPTION, FORMAT_OPTION } from './options.ts';
import { defineCommand } from './define.ts';
import { UsageError } from './types.ts';

export const removeCommand = defineCommand({
  name: 'remove',
  synopsis: '<slug…> [options]',
  about: `Takes documents out of the published site: their folders, the site manifest (${MANIFEST_NAME}) and every
site-wide file (each locale's index, year and filter pages). A slug is the document's folder name in
the output. Nothing changes unless every slug is known; the change is made in one step, under the
same lock as a build.`,
  options: {
    out: { type: 'string', value: '<dir>', help: 'the output folder (default: the config\'s "out")' },
    ...CONFIG_OPTION,
    ...FORMAT_OPTION,
  },
  async run({ values, positionals, format }, io) {
    if (positionals.length === 0) throw new UsageError('Missing slug: name the documents to remove (their folder names)');
    const config = await loadCliConfig(values);
    const out = path.relative(process.cwd(), config.out) || '.';
    // The lock would create a missing folder; there is nothing to remove from one.
    if (!existsSync(config.out))
      throw new PipelineError(`No site in ${out}: the folder does not exist; give --out the folder a build wrote`);
    const lock = lockOutput(config.out);
    let staged: StagedOutput | undefined;
    try {
      const previous = readManifest(config.out);
      const known = previous.documents.map((document) => document.slug);
      const slugs = [...new Set(positionals)];
      const unknown = slugs.filter((slug) => !known.includes(slug));
      if (unknown.length > 0)
        throw new PipelineError(
          `Unknown document${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in ${path.join(out, MANIFEST_NAME)}; ` +
            (known.length > 0 ? `the site holds: ${known.join(', ')}` : 'the site holds no documents'),
        );
      const removed = new Set(slugs);
      const site = await updateSite(config, { out: config.out, previous }, [], new Map(), removed);
      reportMessages(site.messages, io, format);
      staged = await openStagedOutput(config.out, lock);
      // The search index is made again from the pages that remain: a removed document is found no more.
      for (const file of [...site.files, ...(await archiveSearchFiles(config, site.documents))]) await staged.write(file);
      await staged.flush();
      // The folders go in the same synchronous run as the swap of the indexes that stop listing them.
      retire(config.out, [...slugs, ...site.stale], lock);
      staged.commit();
      // With --format json stdout holds the one array; the summary goes to stderr.
      (format === 'json' ? io.err : io.out)(
        `Removed ${slugs.join(', ')} from ${out}; ${site.documents.length} document${site.documents.length === 1 ? '' : 's'} remain${site.documents.length === 1 ? 's' : ''}\n`,
      );
      return 0;
    } finally {
      await staged?.dispose();
      lock.release();
    }
  },
});
