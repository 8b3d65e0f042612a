// Every command's options come from one table (pipeline/commands/options.ts): its --help lists exactly the
// table, and its parser refuses what the table does not have. The cases are generated from the tables of
// the registered commands, so a new command or option is covered without touching this file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commands } from '../pipeline/commands/index.ts';
import { parseOptions, type OptionTable } from '../pipeline/commands/options.ts';
import { UsageError } from '../pipeline/commands/types.ts';
import { cli } from './helpers/cli.ts';

const loaded = await Promise.all(commands.map(async (entry) => ({ entry, command: await entry.load(), argv: entry.name.split(' ') })));

/** The options a usage's Options section lists, with the placeholder each shows. */
function listed(usage: string): Map<string, string | undefined> {
  const section = usage.split('\nOptions:\n')[1] ?? '';
  const options = new Map<string, string | undefined>();
  for (const match of section.matchAll(/^ {2}--([\w-]+)(?: (<[^>]+>))?/gm)) options.set(match[1]!, match[2]);
  return options;
}

test('pressroom --help names every command; each command has a table and a usage made from it', async () => {
  const help = await cli(['--help']);
  assert.equal(help.status, 0);
  for (const { entry, command } of loaded) {
    assert.match(help.stdout, new RegExp(`^ {2}${entry.name} +\\S`, 'm'), entry.name);
    assert.equal(command.name, entry.name);
    assert.ok(Object.keys(command.options).length > 0, `${entry.name} has no options`);
    assert.ok(command.usage.startsWith(`Usage: pressroom ${entry.name} `), entry.name);
  }
});

test("every command's --help lists exactly the options of its table, in its order, with their placeholders", async () => {
  for (const { entry, command, argv } of loaded) {
    const run = await cli([...argv, '--help']);
    assert.equal(run.status, 0, entry.name);
    assert.equal(run.stdout, command.usage, entry.name);
    const shown = listed(run.stdout);
    assert.deepEqual([...shown.keys()], Object.keys(command.options), `${entry.name}: --help and the table differ`);
    for (const [name, spec] of Object.entries(command.options)) {
      assert.equal(shown.get(name), spec.value, `${entry.name} --${name}: placeholder`);
      // The help's first line stands beside the option, aligned with the others.
      assert.ok(run.stdout.includes(`${spec.help.split('\n')[0]}\n`), `${entry.name} --${name}: help text`);
    }
  }
});

test('an unknown option is refused by every command with exit 2, naming it, with the usage', async () => {
  for (const { entry, command, argv } of loaded) {
    const bogus = `--not-an-option-of-${argv.join('-')}`;
    assert.ok(!(bogus.slice(2) in command.options));
    const run = await cli([...argv, bogus]);
    assert.equal(run.status, 2, entry.name);
    assert.equal(run.stdout, '', entry.name);
    assert.ok(
      run.stderr.startsWith(`pressroom ${entry.name}: Unknown option '${bogus}', expected one of the options listed below`),
      run.stderr,
    );
    assert.ok(run.stderr.endsWith(command.usage), `${entry.name}: the usage follows the error`);
  }
});

test('every string option without its value, a boolean with one and a value outside the choices exit 2 naming the option', async () => {
  for (const { entry, command, argv } of loaded) {
    for (const [name, spec] of Object.entries(command.options)) {
      if (spec.type === 'string') {
        const missing = await cli([...argv, `--${name}`]);
        assert.equal(missing.status, 2, `${entry.name} --${name}`);
        assert.match(
          missing.stderr,
          new RegExp(`^pressroom ${entry.name}: Missing value for --${name}, expected --${name} ${spec.value}\\n`),
        );
        // The next option is not taken for the value.
        const other = await cli([...argv, `--${name}`, '--help-me']);
        assert.equal(other.status, 2, `${entry.name} --${name} --help-me`);
        assert.match(other.stderr, new RegExp(`Missing value for --${name}, .*given as --${name}=--help-me`));
      } else {
        const valued = await cli([...argv, `--${name}=yes`]);
        assert.equal(valued.status, 2, `${entry.name} --${name}=yes`);
        assert.match(valued.stderr, new RegExp(`^pressroom ${entry.name}: Unexpected value for --${name}, expected --${name} alone`));
      }
      if (spec.choices) {
        const wrong = await cli([...argv, `--${name}`, 'no-such-choice']);
        assert.equal(wrong.status, 2, `${entry.name} --${name}`);
        assert.ok(wrong.stderr.includes(`Unexpected --${name} no-such-choice, expected one of: ${spec.choices.join(', ')}`), wrong.stderr);
      }
    }
  }
});

test('a command that takes no arguments, or one, refuses more instead of ignoring them', async () => {
  for (const [argv, extra, expected] of [
    [['serve'], 'output', 'expected options only'],
    [['terms', 'check'], 'ky', 'expected options only'],
    [['index', 'a'], 'b', 'expected at most 1 argument'],
  ] as const) {
    const run = await cli([...argv, extra]);
    assert.equal(run.status, 2, argv.join(' '));
    assert.ok(run.stderr.startsWith(`pressroom ${argv[0]}`), run.stderr);
    assert.ok(run.stderr.includes(`: Unexpected argument “${extra}”, ${expected}\n`), run.stderr);
  }
});

test('parseOptions: values typed by the table, repeated options collected, positionals after -- kept as given', () => {
  const table = {
    out: { type: 'string', value: '<dir>', help: 'folder' },
    memory: { type: 'string', value: '<file>', multiple: true, help: 'memories' },
    quiet: { type: 'boolean', help: 'quiet' },
    format: { type: 'string', value: '<f>', choices: ['text', 'json'], help: 'format' },
  } as const satisfies OptionTable;
  const parsed = parseOptions(['a', '--out=-x', '--memory', 'm1', '--quiet', '--memory=m2', '--format', 'json', '--', '--b'], table);
  assert.deepEqual(parsed.values, { out: '-x', memory: ['m1', 'm2'], quiet: true, format: 'json' });
  assert.deepEqual(parsed.positionals, ['a', '--b']);
  const format: 'text' | 'json' | undefined = parsed.values.format;
  assert.equal(format, 'json');
  assert.deepEqual(parseOptions([], table).values, {});
  assert.throws(
    () => parseOptions(['-q'], table),
    (error) => error instanceof UsageError && /Unknown option '-q'/.test(error.message),
  );
  // An inherited name is not an option.
  assert.throws(() => parseOptions(['--constructor'], table), /Unknown option '--constructor'/);
});
