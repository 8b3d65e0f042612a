// A command's options as one table: it drives the parser and writes the Options section of the command's
// usage, so that what --help says and what the parser takes cannot drift apart.
import { parseArgs } from 'node:util';
import { DIAGNOSTIC_FORMATS } from '../report/print.ts';
import { UsageError } from './usage-error.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's placeholder in the usage (`<list>`); string options only. */
  value?: string;
  /** The values a string option takes; any other is a usage error that lists them. */
  choices?: readonly string[];
  /** May be given more than once; its value is then the list of every one given. */
  multiple?: boolean;
  /** What the usage says; `\n` starts a continuation line, indented to the help column. */
  help: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** One option's parsed value, typed from its spec: a boolean, one of its choices, a string or a list. */
type OptionValue<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : S extends { choices: readonly (infer C extends string)[] }
      ? C
      : string;

/** The parsed values, typed from the table, absent when not given. */
export type OptionValues<T extends OptionTable> = { [K in keyof T]?: OptionValue<T[K]> };

/** `--format text|json|github`, as every command that reports diagnostics takes it (report/print.ts). */
export const FORMAT_OPTION = {
  format: {
    type: 'string',
    value: '<f>',
    choices: DIAGNOSTIC_FORMATS,
    help: 'diagnostics as text (default), json (one array on stdout) or github\n(GitHub Actions annotations on stdout)',
  },
} as const satisfies OptionTable;

/** `--config <file>`, as every command that reads the config takes it (commands/build.ts loadCliConfig). */
export const CONFIG_OPTION = {
  config: { type: 'string', value: '<file>', help: 'config file (default: ./pressroom.config.json when present)' },
} as const satisfies OptionTable;

/** `--config <file>` of a command that reads the config's `what` (memories) when no `arg` (MEMORY) is given. */
export const configFilesOption = (what: string, arg: string) =>
  ({
    config: { type: 'string', value: '<file>', help: `config file whose ${what} are read when no ${arg} is given` },
  }) as const satisfies OptionTable;

/** `--json` of a report whose problems are diagnostics: `shape`, the object it prints. */
export const jsonReportOption = (shape: string) =>
  ({
    json: { type: 'boolean', help: `print ${shape} as JSON (problems as\n--format json prints them)` },
  }) as const satisfies OptionTable;

/**
 * Parses argv by the table. Usage errors (exit 2) name the option and what to do: an option the table
 * does not have, a string option without its value (a following `--x` is another option, not the
 * value: `--out=-x` says otherwise), a boolean given a value, a value that is not one of the choices.
 */
export function parseOptions<T extends OptionTable>(argv: readonly string[], table: T): { values: OptionValues<T>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(table).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple === true }]),
  );
  // Not strict: the checks below, against the table, say what to do instead of parseArgs' own words.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(table, token.name) ? table[token.name] : undefined;
    if (!spec)
      throw new UsageError(
        `Unknown option '${token.rawName}', expected one of the options listed below; ` +
          `an argument that starts with '-' goes after '--', as in '-- ${token.rawName}'`,
      );
    const shown = `--${token.name}${spec.value ? ` ${spec.value}` : ''}`;
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`Unexpected value for --${token.name}, expected ${shown} alone (it takes none)`);
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
      throw new UsageError(
        `Missing value for --${token.name}, expected ${shown}` +
          (token.value === undefined ? '' : ` (a value that starts with '-' is given as --${token.name}=${token.value})`),
      );
    if (spec.choices && !spec.choices.includes(token.value))
      throw new UsageError(`Unexpected --${token.name} ${token.value}, expected one of: ${spec.choices.join(', ')}`);
    if (spec.multiple) values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
    else values[token.name] = token.value;
  }
  return { values: values as OptionValues<T>, positionals };
}

/** The head of an option's usage line: `  --name <value>`. */
const head = (name: string, spec: OptionSpec) => `  --${name}${spec.value ? ` ${spec.value}` : ''}`;

/**
 * The table's lines of a usage's Options section, in table order: `  --name <value>` and its help from
 * the column two past the longest head, continuation lines indented to the same column.
 */
export function optionsUsage(table: OptionTable): string {
  const entries = Object.entries(table);
  const width = Math.max(...entries.map(([name, spec]) => head(name, spec).length)) + 2;
  return entries
    .map(([name, spec]) => {
      const [first, ...rest] = spec.help.split('\n');
      return [`${head(name, spec).padEnd(width)}${first}`, ...rest.map((line) => ' '.repeat(width) + line)].join('\n');
    })
    .join('\n');
}
