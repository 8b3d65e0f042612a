import path from 'node:path';
import { writeOutput } from '../emit/write.ts';
import { mergeShards } from '../engine/merge.ts';
import { siteFiles } from '../site/site-files.ts';
import { createTranslator, loadCatalogs, type MissingKey, type Translate } from '../i18n/ui.ts';
import { utf8 } from '../render/outputs.ts';
import { loadCliConfig, parseCommandArgs, type CliConfigFlags } from './build.ts';
import type { Command } from './types.ts';

const usage = `Usage: pressroom index [folder] [options]

Merges the outputs of a sharded build (\`pressroom build --shard K/N\` on N machines, their output
folders gathered into one) into one site index (index.html) and one report.json.

Options:
  --out <dir>        the gathered output folder (default: the config's "out"); same as [folder]
  --config <file>    config file (default: ./pressroom.config.json when present)
`;

export const indexCommand: Command = {
  name: 'index',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, config: { type: 'string' } });
    const flags = values as CliConfigFlags;
    if (positionals[0] && !flags.out) flags.out = positionals[0];
    const config = await loadCliConfig(flags);
    const { report, index } = await mergeShards(config.out);
    const catalogs = await loadCatalogs(config.catalogs);
    const translators = new Map<string, Translate>();
    for (const lang of config.locales)
      translators.set(lang, await createTranslator(lang, catalogs, config.fallbackLng, [] as MissingKey[]));
    await writeOutput(config.out, [
      ...siteFiles(config, index, (lang) => translators.get(lang)),
      { path: 'report.json', contents: utf8(JSON.stringify(report, null, 2) + '\n') },
    ]);
    const out = path.relative(process.cwd(), config.out) || '.';
    io.out(
      `Merged ${report.documents.length} documents from the shards in ${out} into ${path.join(out, 'index.html')} and ${path.join(out, 'report.json')}\n`,
    );
    return 0;
  },
};
