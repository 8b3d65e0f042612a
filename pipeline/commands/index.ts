// The CLI's commands. A new command is a file in this folder and one line here.
import { buildCommand } from './build.ts';
import { glossaryLintCommand } from './glossary-lint.ts';
import { indexCommand } from './index-merge.ts';
import { normaliseCommand } from './normalise.ts';
import { serveCommand } from './serve.ts';
import { termsCheckCommand } from './terms-check.ts';
import { tmLookupCommand } from './tm-lookup.ts';
import { tmStatsCommand } from './tm-stats.ts';
import type { Command } from './types.ts';
import { watchCommand } from './watch.ts';
import { xliffExportCommand } from './xliff-export.ts';
import { xliffImportCommand } from './xliff-import.ts';

export const commands: Command[] = [
  buildCommand,
  indexCommand,
  normaliseCommand,
  xliffExportCommand,
  xliffImportCommand,
  termsCheckCommand,
  tmLookupCommand,
  tmStatsCommand,
  glossaryLintCommand,
  watchCommand,
  serveCommand,
];
