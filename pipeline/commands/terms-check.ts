import { checkTerms } from '../report/term-check.ts';
import { collectSegments } from '../xliff/collect.ts';
import { withResources } from '../xliff/project.ts';
import { printDiagnostics } from '../report/print.ts';
import { loadCliConfig } from './build.ts';
import { CONFIG_OPTION, FORMAT_OPTION } from './options.ts';
import { defineCommand } from './define.ts';
import { UsageError } from './types.ts';

export const termsCheckCommand = defineCommand({
  name: 'terms check',
  synopsis: '[options]',
  about: `Checks the current translations of every document against the glossaries, without building: approved
terms missing, deprecated terms used, one sentence translated two ways.`,
  options: {
    locale: { type: 'string', value: '<lng>', help: 'check one locale (default: every target locale)' },
    strict: { type: 'boolean', help: 'exit 1 when anything is found' },
    json: {
      type: 'boolean',
      help: "print the problems as a JSON array, with the dashboard's fields (rule, slug, segmentId,\ntarget, message) besides the diagnostic's",
    },
    ...FORMAT_OPTION,
    ...CONFIG_OPTION,
  },
  maxArguments: 0,
  async run({ values, format }, io) {
    const config = await loadCliConfig({ config: values.config });
    const { locale } = values;
    // Any configured locale: the config's sourceLocale is a target of documents written in another language.
    if (locale && !config.locales.includes(locale))
      throw new UsageError(`Unexpected --locale ${locale}, expected one of: ${config.locales.join(', ')}`);
    const problems = await withResources(config, async (resources) =>
      checkTerms(await collectSegments(config, resources, locale ? { locales: [locale] } : {}), resources.glossary, config.sourceLocale),
    );
    if (values.json) io.out(JSON.stringify(problems, null, 2) + '\n');
    else if (format === 'json') printDiagnostics(problems, { format, write: io.out });
    else {
      printDiagnostics(problems, { format, write: io.out });
      io.out(`${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
    }
    return values.strict && problems.length > 0 ? 1 : 0;
  },
});
