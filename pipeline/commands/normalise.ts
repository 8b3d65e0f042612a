import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { writeNormalisedMarkdown } from '../markdown/write.ts';
import { normaliseFile } from '../normalize/file.ts';
import { outlineDocument } from '../normalize/outline.ts';
import { readTranscriptSettings } from '../normalize/sidecar.ts';
import { formatMessage, Reporter } from '../report/messages.ts';
import { diagnosticJson, printDiagnostics } from '../report/print.ts';
import { loadCliConfig } from './build.ts';
import { FORMAT_OPTION } from './options.ts';
import type { SourceLangFrom } from '../types.ts';
import { defineCommand } from './define.ts';
import { UsageError } from './types.ts';

export const normaliseCommand = defineCommand({
  name: 'normalise',
  synopsis: 'FILE [options]',
  about: `Normalises one transcript (.txt, .html/.htm, .md or .docx) and prints its metadata, speakers, turns and the
normalisation report, without building anything.

The transcript's sidecar (FILE's name with .meta.yaml) and the config's "sources" rules apply as in a
build.`,
  options: {
    lang: {
      type: 'string',
      value: '<lng>',
      help: [
        "language of the transcript (default: its sidecar's or front matter's, else the language of",
        'a matching "sources" entry, else the one detected from the text (en, ru or ky), else the',
        'config\'s sourceLocale, else en); printed as "Language:", with where it came from',
      ].join('\n'),
    },
    'keep-nbsp': { type: 'boolean', help: "keep the transcript's no-break spaces in the text (the keepNbsp policy)" },
    config: {
      type: 'string',
      value: '<file>',
      help: 'config file for "sources", sourceLocale and keepNbsp (default: ./pressroom.config.json\nwhen present)',
    },
    json: {
      type: 'boolean',
      help: [
        'print one JSON object: title, subtitle, date, time, timezone, endTime, place, sourceUrl,',
        'speakers (canonical names in order of first appearance, the questioner apart), speakerRoles,',
        'questioner, turns ([{speaker, paragraphs, asker?, note?}]), leadParagraphs, bodyParagraphs,',
        'stageDirections, editorialInsertions, footnotes, duplicatesRemoved ({blocks, paragraphs}),',
        'dropped ([{line, endLine, rule, text}]), repairs ([{rule, count, lines}]), keptChars,',
        'droppedChars, repairedChars, sourceLang, sourceLangFrom (command-line, sidecar,',
        'front-matter, config, detected or default), messages (as --format json prints them)',
      ].join('\n'),
    },
    markdown: { type: 'boolean', help: 'print the normalised Markdown instead' },
    explain: {
      type: 'boolean',
      help: 'print every block of the input with the class it was given (title, dateline, chrome,\nlead, label, body, footer, …) and the rule that gave it, then the messages',
    },
    format: { ...FORMAT_OPTION.format, help: `${FORMAT_OPTION.format.help}; json prints only the messages` },
  },
  async run({ values, positionals, format }, io) {
    if (positionals.length !== 1) throw new UsageError('Expected exactly one FILE to normalise');
    const file = positionals[0]!;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (cause) {
      throw new InputError(file, undefined, 'Cannot read this file; give the path of a transcript', { cause });
    }
    const report = new Reporter(file);
    const config = await loadCliConfig({ config: values.config });
    const { lang, ...options } = (await readTranscriptSettings(path.resolve(file), config, file)).options;
    // A language given on the command line is stated like a sidecar's: it wins over everything else.
    if (typeof values.lang === 'string') {
      options.overrides = { ...options.overrides, lang: values.lang };
      delete options.langStatedIn;
    }
    if (values['keep-nbsp'] === true) options.keepNbsp = true;
    const { tree, summary } = await normaliseFile(bytes, file, values.lang ?? lang, report, {
      ...options,
      sourceLocale: config.sourceLocale,
    });
    if (format === 'json' && !values.json) {
      printDiagnostics(report.messages, { format, write: io.out });
      return 0;
    }
    if (values.markdown) {
      io.out(writeNormalisedMarkdown(tree));
      return 0;
    }
    if (values.explain) {
      io.out(explainBlocks(summary.classes));
      for (const message of report.messages) io.out(`${formatMessage(message)}\n`);
      return 0;
    }
    const outline = outlineDocument(tree, summary);
    if (values.json) {
      const messages = report.messages.map((message) => diagnosticJson(message));
      const { sourceLang = null, sourceLangFrom = null } = tree.data.meta;
      io.out(JSON.stringify({ ...outline, sourceLang, sourceLangFrom, messages }, null, 2) + '\n');
      return 0;
    }
    const meta = tree.data.meta;
    io.out(`${meta.title}\n${[meta.date, meta.time, meta.timezone, meta.place].filter(Boolean).join(' ')}\n\n`);
    io.out(`Language: ${meta.sourceLang ?? meta.lang} (${languageFrom(meta.sourceLangFrom)})\n`);
    io.out(`Speakers: ${outline.speakers.join('; ')}${outline.questioner ? ` (questions: ${outline.questioner})` : ''}\n`);
    io.out(`Lead paragraphs: ${outline.leadParagraphs}, body paragraphs: ${outline.bodyParagraphs}\n`);
    for (const turn of outline.turns)
      io.out(`  ${turn.speaker}: ${turn.paragraphs}${turn.asker ? ` (${turn.asker.name}, ${turn.asker.outlet})` : ''}\n`);
    io.out(`Duplicates removed: ${summary.duplicates.blocks} blocks, ${summary.duplicates.paragraphs} paragraphs\n`);
    io.out(`Characters kept ${summary.keptChars}, dropped ${summary.droppedChars}, repaired ${summary.repairedChars}\n`);
    if (format === 'github') printDiagnostics(report.messages, { format, write: io.out });
    else for (const message of report.messages) io.out(`${formatMessage(message)}\n`);
    return 0;
  },
});

function languageFrom(from: SourceLangFrom | undefined): string {
  if (from === 'config') return 'from the config’s sources';
  if (from === 'default') return 'the config’s sourceLocale';
  return from ? from.replace('-', ' ') : 'the config’s sourceLocale';
}

/** One line per block: its lines, its class and the rule that gave it, and the start of its text. */
export function explainBlocks(classes: readonly { line: number; endLine: number; class: string; rule: string; text: string }[]): string {
  const lines = classes.map((entry) => {
    const where = entry.endLine > entry.line ? `${entry.line}-${entry.endLine}` : String(entry.line);
    const text = entry.text.length > 70 ? `${entry.text.slice(0, 69)}…` : entry.text;
    return `${where.padStart(7)}  ${entry.class.padEnd(9)} ${entry.rule.padEnd(28)} ${JSON.stringify(text)}`;
  });
  return `${'line'.padStart(7)}  ${'class'.padEnd(9)} ${'rule'.padEnd(28)} text\n${lines.join('\n')}\n`;
}
