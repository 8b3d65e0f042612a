import { canonicalLocale } from '../locale/resolve.ts';
import { memoryStats, type MemoryStats } from '../tm/stats.ts';
import { parseTmx } from '../tm/tmx.ts';
import { readTextResource } from '../util/text-resource.ts';
import { fromProblem, type Diagnostic } from '../report/messages.ts';
import { diagnosticJson, formatDiagnostic, printDiagnostics } from '../report/print.ts';
import { loadCliConfig, shownPath } from './build.ts';
import { configFilesOption, FORMAT_OPTION, jsonReportOption } from './options.ts';
import { defineCommand } from './define.ts';
import { UsageError } from './types.ts';

export const tmStatsCommand = defineCommand({
  name: 'tm stats',
  synopsis: '[MEMORY…] [--from <lng>] [--json | --format text|json|github]',
  about: `Reads translation memories (TMX 1.4b or 1.1, UTF-8 or UTF-16) as the build does and prints, per file and
in all: units, units per language, language pairs with the units a lookup can use (distinct non-empty
sources), duplicates (identical, or conflicting and resolved by changedate), inline codes, and problems
with file:line:col. Exit 1 when a file cannot be read (naming file, line and column), 2 on bad usage.`,
  options: {
    from: { type: 'string', value: '<lng>', help: 'source language (default: each file\'s srclang; with srclang="*all*" every language)' },
    ...jsonReportOption('{ files: [{ file, srclang, ...stats }], total: stats }'),
    ...FORMAT_OPTION,
    ...configFilesOption('memories', 'MEMORY'),
  },
  async run({ values, positionals, format }, io) {
    const from = values.from === undefined ? undefined : canonicalLocale(values.from);
    if (values.from !== undefined && !from) throw new UsageError(`Unexpected --from ${values.from}, expected a BCP 47 tag such as en`);
    const files = positionals.length > 0 ? positionals : (await loadCliConfig({ config: values.config })).memories;
    if (files.length === 0) throw new UsageError('Missing MEMORY, expected a TMX file (or memories in pressroom.config.json)');

    const read = [];
    for (const file of files) {
      const shown = shownPath(file);
      read.push({ file: shown, document: parseTmx(await readTextResource(file, shown, 'the translation memory'), shown) });
    }
    const perFile = read.map((entry) => ({
      file: entry.file,
      srclang: entry.document.srclang,
      ...withDiagnostics(memoryStats([entry], from)),
    }));
    const total = withDiagnostics(memoryStats(read, from));
    if (values.json) {
      const json = (stats: Stats) => ({ ...stats, problems: stats.problems.map((problem) => diagnosticJson(problem)) });
      io.out(JSON.stringify({ files: perFile.map(json), total: json(total) }, null, 2) + '\n');
      return 0;
    }
    if (format === 'json') {
      printDiagnostics(total.problems, { format, write: io.out });
      return 0;
    }
    for (const stats of perFile) io.out(`${stats.file} (srclang ${stats.srclang})\n${describe(stats, format === 'text')}\n`);
    if (perFile.length > 1) io.out(`Total\n${describe(total, false)}\n`);
    if (format === 'github') printDiagnostics(total.problems, { format, write: io.out });
    return 0;
  },
});

type Stats = Omit<MemoryStats, 'problems'> & { problems: Diagnostic[] };

/** The stats with their problems (a unit's file, line and column) as diagnostics. */
const withDiagnostics = (stats: MemoryStats): Stats => ({ ...stats, problems: stats.problems.map((problem) => fromProblem(problem)) });

/** The stats as text; `problems`: each problem as a line under them (else only their number). */
function describe(stats: Stats, problems: boolean): string {
  const lines = [
    `  units         ${stats.units}`,
    `  languages     ${
      Object.entries(stats.languages)
        .map(([lang, count]) => `${lang} ${count}`)
        .join(', ') || 'none'
    }`,
    ...stats.pairs.map((pair) => `  ${`${pair.source} → ${pair.target}`.padEnd(14)}${pair.units} units, ${pair.usable} usable`),
    `  duplicates    ${stats.duplicates.identical} identical, ${stats.duplicates.conflicting} conflicting`,
    `  inline codes  ${
      Object.entries(stats.codes)
        .filter(([kind]) => kind !== 'total')
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ') || 'none'
    }`,
    `  problems      ${stats.problems.length}`,
    ...(problems ? stats.problems.map((problem) => `    ${formatDiagnostic(problem)}`) : []),
  ];
  return lines.join('\n');
}
