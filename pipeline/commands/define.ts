// The glue every command shares: its usage written from its option table, argv parsed by the same table,
// the diagnostics' --format read. What is left to a command's own file is what it does; errors, exit
// codes and the usage shown with a usage error are the CLI's (cli.ts).
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from '../report/print.ts';
import { optionsUsage, parseOptions, type OptionTable, type OptionValues } from './options.ts';
import { UsageError, type Command, type ExitCode, type Io } from './types.ts';

export interface Parsed<T extends OptionTable> {
  values: OptionValues<T>;
  positionals: string[];
  /** The diagnostics' --format (options.ts FORMAT_OPTION); text for a command that has none. */
  format: DiagnosticFormat;
}

export interface CommandDefinition<T extends OptionTable> {
  /** As typed after `pressroom`: `build`, `tm lookup`. */
  name: string;
  /** What follows the name in the usage line: arguments and options, e.g. `[inputs…] [options]`. */
  synopsis: string;
  /** The paragraphs between the usage line and the Options section. */
  about: string;
  /** The options, in the order the usage lists them. */
  options: T;
  /** The most arguments (positionals) it takes; more is a usage error rather than silently ignored. Default: any. */
  maxArguments?: number;
  run(parsed: Parsed<T>, io: Io): Promise<ExitCode>;
}

export function defineCommand<const T extends OptionTable>(definition: CommandDefinition<T>): Command {
  const { name, synopsis, about, options, maxArguments = Infinity, run } = definition;
  // Another command's --format (glossary export's) names what it writes, not how it reports.
  const reports = options.format?.choices === DIAGNOSTIC_FORMATS;
  return {
    name,
    options,
    usage: `Usage: pressroom ${name} ${synopsis}\n\n${about.trim()}\n\nOptions:\n${optionsUsage(options)}\n`,
    run: (argv, io) => {
      const { values, positionals } = parseOptions(argv, options);
      if (positionals.length > maxArguments)
        throw new UsageError(
          `Unexpected argument “${positionals[maxArguments]}”, expected ${maxArguments === 0 ? 'options only' : `at most ${maxArguments} argument${maxArguments === 1 ? '' : 's'}`}`,
        );
      const format = reports ? ((values.format as DiagnosticFormat | undefined) ?? 'text') : 'text';
      return run({ values, positionals, format }, io);
    },
  };
}
