import { existsSync } from 'node:fs';
import { parseGlossaryCsv } from '../glossary/csv.ts';
import { lintGlossary } from '../glossary/lint.ts';
import { parseTbx } from '../glossary/tbx.ts';
import type { Concept, GlossaryProblem } from '../glossary/types.ts';
import { countOf } from '../util/plural.ts';
import { readTextResource } from '../util/text-resource.ts';
import { diagnosticJson, printDiagnostics } from '../report/print.ts';
import { loadCliConfig, shownPath } from './build.ts';
import { configFilesOption, FORMAT_OPTION, jsonReportOption } from './options.ts';
import { defineCommand } from './define.ts';
import { UsageError } from './types.ts';

export const glossaryLintCommand = defineCommand({
  name: 'glossary lint',
  synopsis: '[GLOSSARY…] [--json | --format text|json|github]',
  about: `Reads glossaries (TBX 2019 or 2008, CSV or TSV; docs/terminology.md) and prints the concepts per locale,
the terms by status, and problems with file and line: duplicated concept ids or terms, two preferred
terms for one concept and language, a term both preferred and deprecated, empty terms, unknown
statuses, a CSV column that is neither a known column nor a language (errors); a term in two concepts,
a language with only deprecated terms, a language that is not one of the config's locales (warnings).
Exit 1 when there are errors or a file cannot be read, 2 on bad usage.`,
  options: {
    ...jsonReportOption('{ files, concepts, locales, problems, errors, warnings }'),
    ...FORMAT_OPTION,
    ...configFilesOption('glossaries', 'GLOSSARY'),
  },
  async run({ values, positionals, format }, io) {
    // The project's locales, when there is a project: a language column outside them is a warning.
    const hasConfig = values.config !== undefined || existsSync('pressroom.config.json');
    const config = hasConfig || positionals.length === 0 ? await loadCliConfig({ config: values.config }) : undefined;
    const locales = hasConfig && config ? [...new Set([config.sourceLocale, ...config.locales])] : undefined;
    const files = positionals.length > 0 ? positionals : config!.glossaries;
    if (files.length === 0)
      throw new UsageError('Missing GLOSSARY, expected a TBX, CSV or TSV file (or glossaries in pressroom.config.json)');

    const concepts: Concept[] = [];
    const readProblems: GlossaryProblem[] = [];
    const perFile: { file: string; concepts: number }[] = [];
    for (const file of files) {
      const shown = shownPath(file);
      const text = await readTextResource(file, shown, 'the glossary');
      const report = (problem: GlossaryProblem) => readProblems.push(problem);
      const read = /\.(csv|tsv)$/i.test(file)
        ? parseGlossaryCsv(text, shown, report, { locales })
        : parseTbx(text, shown, report, { locales });
      perFile.push({ file: shown, concepts: read.length });
      concepts.push(...read);
    }
    const lint = lintGlossary(concepts, readProblems);
    if (values.json)
      io.out(
        JSON.stringify({ files: perFile, ...lint, problems: lint.problems.map((problem) => diagnosticJson(problem)) }, null, 2) + '\n',
      );
    else if (format === 'json') printDiagnostics(lint.problems, { format, write: io.out });
    else {
      for (const { file, concepts: count } of perFile) io.out(`${file}: ${countOf(count, 'concept')}\n`);
      for (const [lang, counts] of Object.entries(lint.locales)) {
        const statuses = Object.entries(counts.statuses)
          .map(([name, count]) => `${count} ${name}`)
          .join(', ');
        io.out(`  ${lang.padEnd(6)} ${countOf(counts.concepts, 'concept')}, ${countOf(counts.terms, 'term')} (${statuses})\n`);
      }
      printDiagnostics(lint.problems, { format, write: io.out });
      io.out(`${countOf(lint.errors, 'error')}, ${countOf(lint.warnings, 'warning')}\n`);
    }
    return lint.errors > 0 ? 1 : 0;
  },
});
