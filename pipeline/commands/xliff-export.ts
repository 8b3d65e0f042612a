import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { relative } from '../resources.ts';
import { collectSegments } from '../xliff/collect.ts';
import { exportDocument, xliffFileName } from '../xliff/export.ts';
import { withResources } from '../xliff/project.ts';
import { memorySuggestions } from '../xliff/suggest.ts';
import { count } from '../xliff/plural.ts';
import { writeXliff } from '../xliff/write.ts';
import { findConfigFile, loadCliConfig } from './build.ts';
import { defineCommand } from './define.ts';
import { CONFIG_OPTION } from './options.ts';
import { UsageError } from './types.ts';

export const xliffExportCommand = defineCommand({
  name: 'xliff export',
  synopsis: '--locale <lng> [transcripts…] [options]',
  about: `Writes one XLIFF file per document for the segments of <lng> that need a translator (no translation,
fuzzy or stale), with read-only neighbours for context, TM suggestions and glossary hits. A stale
segment goes out with its current translation as the target (needs-review-translation) and the reason
in a note.

Transcripts are named as for \`pressroom build\`: files or folders (with or without a config), or the slug
of one of the config's inputs; without any, every input of the config. Unit ids are the same either way.`,
  options: {
    locale: { type: 'string', value: '<lng>', help: 'target locale (required)' },
    xliff: { type: 'string', value: '<version>', choices: ['1.2', '2.1'], help: '1.2 (default; Weblate, Translate Toolkit) or 2.1' },
    prefill: {
      type: 'boolean',
      help: 'put the best suggestion at or above xliff.prefillMinScore (default 75) of the same\nkind of text (sentence or heading) into the target, marked for review',
    },
    out: { type: 'string', value: '<dir>', help: 'folder for the .xlf files (default: xliff)' },
    ...CONFIG_OPTION,
  },
  async run({ values, positionals }, io) {
    const { locale, xliff: version } = values;
    if (!locale) throw new UsageError('Missing --locale, expected e.g. --locale ky');
    // The same resolution as build's: paths as given, slugs among the config's inputs.
    const config = await loadCliConfig({ config: values.config }, positionals);
    // Without a config there is no list of locales to hold --locale against: the one asked for is the one to export.
    if (!findConfigFile(values.config) && !config.locales.includes(locale)) config.locales = [...config.locales, locale];
    // Any locale may be a target: the config's sourceLocale is one for a document written in another
    // language (a Russian original's en file); a document written in it has nothing to export.
    if (!config.locales.includes(locale))
      throw new UsageError(`Unexpected --locale ${locale}, expected one of the locales: ${config.locales.join(', ')}`);
    const settings = {
      ...config.xliff,
      ...(version ? { version } : {}),
      ...(values.prefill ? { prefill: true } : {}),
    } as typeof config.xliff;
    const out = path.resolve(process.cwd(), values.out ?? 'xliff');
    const suggest = await memorySuggestions(config);
    const docs = await withResources(config, (resources) =>
      collectSegments(config, resources, { locales: [locale] }).then((found) =>
        found.map((doc) => ({
          doc,
          xliff: exportDocument(doc, { sourceLang: config.sourceLocale, glossary: resources.glossary, settings, suggest }),
        })),
      ),
    );
    await mkdir(out, { recursive: true });
    let written = 0;
    for (const { doc, xliff } of docs) {
      if (!xliff) {
        io.out(`${doc.file.slug} (${locale}): nothing to translate\n`);
        continue;
      }
      const file = path.join(out, xliffFileName(doc.file.slug, locale));
      // Written beside and renamed: a CAT tool watching the folder never opens half a file.
      await writeFile(`${file}.tmp`, writeXliff(xliff));
      await rename(`${file}.tmp`, file);
      written += 1;
      const work = xliff.units.filter((unit) => unit.translate).length;
      const review = xliff.units.filter((unit) => unit.review).length;
      io.out(
        `${relative(file)}: ${work} to translate${review > 0 ? ` (${review} stale, to revise)` : ''}, ${xliff.units.length - work} for context (XLIFF ${xliff.version})\n`,
      );
    }
    io.out(`Wrote ${count(written, 'XLIFF file')} for ${locale}\n`);
    return 0;
  },
});
