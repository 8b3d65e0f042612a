import { checkTerms } from '../report/term-check.ts';
import { collectSegments } from '../xliff/collect.ts';
import { withResources } from '../xliff/project.ts';
import { printDiagnostics } from '../report/print.ts';
import { loadCliConfig, parseCommandArgs, type CliConfigFlags } from './build.ts';
import { diagnosticFormat, FORMAT_FLAG, formatUsage } from './engine-flags.ts';
import { UsageError, type Command } from './types.ts';

const usage = `Usage: pressroom terms check [options]

Checks the current translations of every document against the glossaries, without building: approved
terms missing, deprecated terms used, one sentence translated two ways.

Options:
  --locale <lng>   check one locale (default: every target locale)
  --strict         exit 1 when anything is found
  --json           print the problems as a JSON array, with the dashboard's fields (rule, slug, segmentId,
                   target, message) besides the diagnostic's
${formatUsage(19)}
  --config <file>  config file (default: ./pressroom.config.json when present)
`;

export const termsCheckCommand: Command = {
  name: 'terms check',
  usage,
  async run(argv, io) {
    const { values: raw } = parseCommandArgs(argv, {
      locale: { type: 'string' },
      strict: { type: 'boolean' },
      json: { type: 'boolean' },
      config: { type: 'string' },
      ...FORMAT_FLAG,
    });
    const values = raw as Record<string, string | boolean | undefined>;
    const format = diagnosticFormat(values.format);
    const config = await loadCliConfig({ config: values.config } as CliConfigFlags);
    const locale = values.locale as string | undefined;
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
};
