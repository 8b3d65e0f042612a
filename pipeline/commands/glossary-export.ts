import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { parseGlossaryCsv } from '../glossary/csv.ts';
import { exportGlossary, GLOSSARY_FORMATS, GlossaryExportError, type GlossaryFormat } from '../glossary/export.ts';
import { parseTbx } from '../glossary/tbx.ts';
import type { Concept } from '../glossary/types.ts';
import { countOf } from '../util/plural.ts';
import { readTextResource } from '../util/text-resource.ts';
import { loadCliConfig, shownPath } from './build.ts';
import { defineCommand } from './define.ts';
import { UsageError } from './types.ts';

export const glossaryExportCommand = defineCommand({
  name: 'glossary export',
  synopsis: '--format tbx2008|tbx2019|csv|tsv [GLOSSARY…] [--out FILE]',
  about: `Writes the project's glossary (or the GLOSSARY files, TBX or CSV/TSV) in a format a CAT tool loads:
  tbx2019  TBX-Basic, ISO 30042:2019 (conceptEntry/langSec/termSec): the project's own dialect
  tbx2008  TBX-Basic, ISO 30042:2008 (martif/termEntry/langSet/tig): Translate Toolkit, OmegaT and
           older tools read this one
  csv, tsv the columns pressroom reads back (id, subject, one per language, status, partOfSpeech,
           termType, definition, note; variants in one cell separated by |); TSV for OmegaT
Concepts and terms keep their order, statuses and notes; the same glossary gives the same bytes. What a
format cannot carry (a context sentence in CSV) is said on stderr with a count.
Exit 1 when a glossary cannot be read or cannot be written in the format, 2 on bad usage.`,
  options: {
    // Not the diagnostics' --format: this command prints none, it writes a glossary in this format.
    format: {
      type: 'string',
      value: '<name>',
      choices: GLOSSARY_FORMATS,
      help: 'tbx2008, tbx2019, csv or tsv (default: from the --out extension .csv or .tsv)',
    },
    out: { type: 'string', value: '<file>', help: 'write here (written whole, then renamed into place); default: standard output' },
    config: { type: 'string', value: '<file>', help: 'config file whose glossaries, source language and locales are used' },
  },
  async run({ values, positionals }, io) {
    const fromExtension = values.out ? /\.(csv|tsv)$/i.exec(values.out)?.[1]?.toLowerCase() : undefined;
    const format = values.format ?? (fromExtension as GlossaryFormat | undefined);
    if (!format) throw new UsageError(`Missing --format, expected one of: ${GLOSSARY_FORMATS.join(', ')}`);

    const hasConfig = values.config !== undefined || existsSync('pressroom.config.json');
    const config = hasConfig || positionals.length === 0 ? await loadCliConfig({ config: values.config }) : undefined;
    const files = positionals.length > 0 ? positionals : (config?.glossaries ?? []);
    if (files.length === 0)
      throw new UsageError('Missing GLOSSARY, expected a TBX, CSV or TSV file (or glossaries in pressroom.config.json)');

    const concepts: Concept[] = [];
    const seen = new Map<string, Concept>();
    for (const file of files) {
      const shown = shownPath(file);
      const text = await readTextResource(file, shown, 'the glossary');
      for (const concept of /\.(csv|tsv)$/i.test(file) ? parseGlossaryCsv(text, shown) : parseTbx(text, shown)) {
        // Two concepts with one id would be one concept (CSV) or an invalid file (TBX ids) to the reader.
        const first = seen.get(concept.id);
        if (first)
          throw new InputError(
            concept.file,
            { line: concept.line, column: concept.column ?? 1 },
            `Unexpected second concept “${concept.id}” (first at ${first.file}:${first.line}), expected unique ids; \`pressroom glossary lint\` lists every problem`,
          );
        seen.set(concept.id, concept);
        concepts.push(concept);
      }
    }

    let result;
    try {
      result = exportGlossary(concepts, format, {
        languages: config ? [config.sourceLocale, ...config.locales] : [],
        title: `pressroom glossary: ${files.map(shownPath).join(', ')}`,
      });
    } catch (error) {
      if (!(error instanceof GlossaryExportError)) throw error;
      const term = error.term;
      throw new InputError(error.concept.file, { line: term.line ?? error.concept.line, column: term.column ?? 1 }, error.message);
    }
    for (const note of result.dropped) io.err(`pressroom glossary export: not in ${format}: ${note}\n`);
    if (!values.out) {
      io.out(result.text);
      return 0;
    }
    const out = path.resolve(values.out);
    await mkdir(path.dirname(out), { recursive: true });
    const temporary = `${out}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, format === 'csv' ? `\uFEFF${result.text}` : result.text);
      await rename(temporary, out);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    const terms = concepts.reduce((sum, concept) => sum + [...concept.terms.values()].reduce((count, list) => count + list.length, 0), 0);
    io.out(`Wrote ${shownPath(out)}: ${countOf(concepts.length, 'concept')}, ${countOf(terms, 'term')} (${format})\n`);
    return 0;
  },
});
