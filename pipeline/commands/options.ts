// A command's options as one table: it drives parseArgs and writes the Options section of the command's
// usage, so that what --help says and what the parser takes cannot drift apart.
import { parseArgs } from 'node:util';
import { UsageError } from './types.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's placeholder in the usage (`<list>`); string options only. */
  value?: string;
  /** What the usage says; `\n` starts a continuation line, indented to the help column. */
  help: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** The parsed values, typed from the table: a string or a boolean per option, absent when not given. */
export type OptionValues<T extends OptionTable> = { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string };

/** `--format text|json|github`, as every command that reports diagnostics takes it (report/print.ts). */
export const FORMAT_OPTION = {
  format: {
    type: 'string',
    value: '<f>',
    help: 'diagnostics as text (default), json (one array on stdout) or github\n(GitHub Actions annotations on stdout)',
  },
} as const satisfies OptionTable;

/** `--config <file>`, as every command that reads the config takes it (commands/build.ts loadCliConfig). */
export const CONFIG_OPTION = {
  config: { type: 'string', value: '<file>', help: 'config file (default: ./pressroom.config.json when present)' },
} as const satisfies OptionTable;

type ParseOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** parseArgs with its errors turned into usage errors (exit 2). */
export function parseCommandArgs(argv: string[], options: ParseOptions) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Parses argv by the table: unknown options and a missing value are usage errors. */
export function parseOptions<T extends OptionTable>(argv: string[], table: T): { values: OptionValues<T>; positionals: string[] } {
  const options = Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, { type: spec.type }])) as ParseOptions;
  const { values, positionals } = parseCommandArgs(argv, options);
  return { values: values as OptionValues<T>, positionals };
}

/**
 * The table's lines of a usage's Options section, in table order: `  --name <value>` and its help from
 * column `width` (two spaces after a name that reaches it), continuation lines indented to the same column.
 */
export function optionsUsage(table: OptionTable, width: number): string {
  return Object.entries(table)
    .map(([name, spec]) => {
      const head = `  --${name}${spec.value ? ` ${spec.value}` : ''}`;
      const [first, ...rest] = spec.help.split('\n');
      return [
        head.length + 2 > width ? `${head}  ${first}` : `${head.padEnd(width)}${first}`,
        ...rest.map((line) => ' '.repeat(width) + line),
      ].join('\n');
    })
    .join('\n');
}
