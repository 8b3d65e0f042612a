// The CLI's commands. A new command is a file in this folder and one entry here. Each module is loaded
// only when its command runs (or prints its usage): `pressroom --help` loads none of them, and a command
// loads only what it uses.
import type { Command } from './types.ts';

export interface CommandEntry {
  name: string;
  /** One line for `pressroom --help`. */
  summary: string;
  load: () => Promise<Command>;
}

export const commands: CommandEntry[] = [
  {
    name: 'build',
    summary: 'build transcripts into HTML, PDF, EPUB and bundles for every locale',
    load: async () => (await import('./build.ts')).buildCommand,
  },
  {
    name: 'index',
    summary: 'merge the outputs of sharded builds into one site index and report',
    load: async () => (await import('./index-merge.ts')).indexCommand,
  },
  {
    name: 'remove',
    summary: 'take documents out of the site: their folders and every index',
    load: async () => (await import('./remove.ts')).removeCommand,
  },
  {
    name: 'normalise',
    summary: 'normalise one transcript and report what was kept and dropped',
    load: async () => (await import('./normalise.ts')).normaliseCommand,
  },
  {
    name: 'xliff export',
    summary: 'write XLIFF for the segments of a locale that need a translator',
    load: async () => (await import('./xliff-export.ts')).xliffExportCommand,
  },
  {
    name: 'xliff import',
    summary: 'check returned XLIFF and import the accepted translations into the memory',
    load: async () => (await import('./xliff-import.ts')).xliffImportCommand,
  },
  {
    name: 'terms check',
    summary: 'check translations against the glossary without building',
    load: async () => (await import('./terms-check.ts')).termsCheckCommand,
  },
  {
    name: 'tm lookup',
    summary: 'show the best translation-memory matches for a sentence, with scores and bands',
    load: async () => (await import('./tm-lookup.ts')).tmLookupCommand,
  },
  {
    name: 'tm stats',
    summary: 'count units, language pairs, duplicates and inline codes in translation memories',
    load: async () => (await import('./tm-stats.ts')).tmStatsCommand,
  },
  {
    name: 'glossary lint',
    summary: 'check glossaries: concepts per locale, statuses, duplicates and conflicting terms',
    load: async () => (await import('./glossary-lint.ts')).glossaryLintCommand,
  },
  {
    name: 'glossary export',
    summary: 'write the glossary as TBX 2008 or 2019, CSV or TSV for a CAT tool',
    load: async () => (await import('./glossary-export.ts')).glossaryExportCommand,
  },
  {
    name: 'watch',
    summary: 'rebuild on changes to transcripts, memories, glossaries, templates or UI strings',
    load: async () => (await import('./watch.ts')).watchCommand,
  },
  {
    name: 'serve',
    summary: 'preview the output folder on localhost',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
];
