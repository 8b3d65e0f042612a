import { checkTerms } from '../report/term-check.ts';
import { collectSegments } from '../xliff/collect.ts';
import { withResources } from '../xliff/project.ts';
import { loadCliConfig, parseCommandArgs, type CliConfigFlags } from './build.ts';
import { UsageError, type Command } from './types.ts';

const usage = `Usage: pressroom terms check [options]

Checks the current translations of every document against the glossaries, without building: approved
terms missing, deprecated terms used, one sentence translated two ways.

Options:
  --locale <lng>   check one locale (default: every target locale)
  --strict         exit 1 when anything is found
  --json           print the problems as a JSON array
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
    });
    const values = raw as Record<string, string | boolean | undefined>;
    const config = await loadCliConfig({ config: values.config } as CliConfigFlags);
    const locale = values.locale as string | undefined;
    if (locale && (locale === config.sourceLocale || !config.locales.includes(locale)))
      throw new UsageError(
        `Unexpected --locale ${locale}, expected one of: ${config.locales.filter((tag) => tag !== config.sourceLocale).join(', ')}`,
      );
    const problems = await withResources(config, async (resources) =>
      checkTerms(await collectSegments(config, resources, locale ? { locales: [locale] } : {}), resources.glossary, config.sourceLocale),
    );
    if (values.json) io.out(JSON.stringify(problems, null, 2) + '\n');
    else {
      for (const problem of problems)
        io.out(
          `${problem.file}:${problem.line}:${problem.column}  ${problem.locale}  ${problem.segmentId}  ${problem.message}  ${problem.rule}\n`,
        );
      io.out(`${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
    }
    return values.strict && problems.length > 0 ? 1 : 0;
  },
};
