import { formatErrorChain, InputError, PipelineError, rootCause } from './errors.ts';
import { commands } from './commands/index.ts';
import { explainFileSystemError } from './emit/fs-errors.ts';
import { UsageError, type ExitCode, type Io } from './commands/types.ts';
import { formatOfArgv } from './commands/engine-flags.ts';
import { diagnosticFromError, printDiagnostics } from './report/print.ts';

const help = () => `Usage: pressroom <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(16)}${command.summary}`).join('\n')}

Run \`pressroom <command> --help\` for a command's options.
In a project: \`npm i -D pressroom\`, then \`npx pressroom build [transcripts…]\`; PDF output needs a Chromium
(Debian's \`chromium\`, or PUPPETEER_EXECUTABLE_PATH), the other formats none.
Exit status: 0 success, 1 the work failed (bad input, failed build; nothing is written then), 2 bad usage,
128 + n a build stopped by signal n (130 for Ctrl-C; nothing is written then either).
`;

const stdio: Io = { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) };

/** Runs the CLI; returns the exit code instead of exiting so that tests and embedders keep control. */
export async function main(argv: string[], io: Io = stdio): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(help());
    return name ? 0 : 2;
  }
  // Commands with subcommands (`tm lookup`) are registered under their full name.
  const entry =
    commands.find((candidate) => candidate.name === `${name} ${rest[0]}`) ?? commands.find((candidate) => candidate.name === name);
  if (!entry) {
    io.err(`pressroom: unknown command “${name}”\n\n${help()}`);
    return 2;
  }
  const args = entry.name.includes(' ') ? rest.slice(1) : rest;
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (raw) {
    const error = explainFileSystemError(raw);
    if (error instanceof UsageError) {
      io.err(`pressroom ${command.name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    io.err(`pressroom: ${formatErrorChain(error)}\n`);
    // A script or CI asked for --format json|github: the failure is a diagnostic on stdout as well.
    const format = formatOfArgv(args);
    if (format !== 'text') printDiagnostics([diagnosticFromError(error)], { format, write: io.out });
    const deepest = rootCause(error);
    // A stack helps with a bug, not with bad input the chain has already diagnosed.
    if (!(deepest instanceof PipelineError) && !diagnosed(error) && error === raw && deepest instanceof Error && deepest.stack)
      io.err(`${deepest.stack}\n`);
    return 1;
  }
}

function diagnosed(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) if (current instanceof InputError) return true;
  return false;
}
