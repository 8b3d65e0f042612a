import path from 'node:path';
import { lockOutput } from '../emit/lock.ts';
import { writeOutput } from '../emit/write.ts';
import { mergeShards } from '../engine/merge.ts';
import { readManifest, retire, updateSite } from '../site/archive.ts';
import { archiveSearchFiles } from '../site/search.ts';
import { utf8 } from '../render/outputs.ts';
import { loadCliConfig, reportMessages, type CliConfigFlags } from './build.ts';
import { CONFIG_OPTION, FORMAT_OPTION } from './options.ts';
import { defineCommand } from './define.ts';

export const indexCommand = defineCommand({
  name: 'index',
  synopsis: '[folder] [options]',
  about: `Merges the outputs of a sharded build (\`pressroom build --shard K/N\` on N machines, their output
folders gathered into one) into one site index (index.html) and one report.json.`,
  options: {
    out: { type: 'string', value: '<dir>', help: 'the gathered output folder (default: the config\'s "out"); same as [folder]' },
    ...CONFIG_OPTION,
    ...FORMAT_OPTION,
  },
  maxArguments: 1,
  async run({ values, positionals, format }, io) {
    const flags: CliConfigFlags = values;
    if (positionals[0] && !flags.out) flags.out = positionals[0];
    const config = await loadCliConfig(flags);
    const { report, index } = await mergeShards(config.out);
    // Under the build lock: the shards join the archive (documents of earlier builds stay listed).
    const lock = lockOutput(config.out);
    try {
      const site = await updateSite(config, { out: config.out, previous: readManifest(config.out) }, index);
      reportMessages(site.messages, io, format);
      retire(config.out, site.stale, lock);
      // Search over the pages every shard left in the folder, and those of earlier builds.
      const search = await archiveSearchFiles(config, site.documents);
      await writeOutput(
        config.out,
        [...site.files, ...search, { path: 'report.json', contents: utf8(JSON.stringify(report, null, 2) + '\n') }],
        lock,
      );
    } finally {
      lock.release();
    }
    const out = path.relative(process.cwd(), config.out) || '.';
    // With --format json stdout holds the one array; the summary goes to stderr.
    (format === 'json' ? io.err : io.out)(
      `Merged ${report.documents.length} documents from the shards in ${out} into ${path.join(out, 'index.html')} and ${path.join(out, 'report.json')}\n`,
    );
    return 0;
  },
});
