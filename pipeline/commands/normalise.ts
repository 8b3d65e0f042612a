import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import { writeNormalisedMarkdown } from '../markdown/write.ts';
import { normaliseFile } from '../normalize/file.ts';
import { formatMessage, Reporter } from '../report/messages.ts';
import { parseCommandArgs } from './build.ts';
import { UsageError, type Command } from './types.ts';

const usage = `Usage: pressroom normalise FILE [options]

Normalises one transcript (.txt, .html/.htm or .md) and prints its metadata, speakers, turns and the
normalisation report, without building anything.

Options:
  --lang <lng>   language of the transcript (default: en)
  --json         print one JSON object (title, date, time, place, speakers, turns, bodyParagraphs,
                 leadParagraphs, duplicatesRemoved, dropped, messages)
  --markdown     print the normalised Markdown instead
`;

export const normaliseCommand: Command = {
  name: 'normalise',
  summary: 'normalise one transcript and report what was kept and dropped',
  usage,
  async run(argv, io) {
    const { values: raw, positionals } = parseCommandArgs(argv, {
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const values = raw as Record<string, string | boolean | undefined>;
    if (positionals.length !== 1) throw new UsageError('Expected exactly one FILE to normalise');
    const file = positionals[0]!;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (cause) {
      throw new InputError(file, undefined, 'Cannot read this file; give the path of a transcript', { cause });
    }
    const report = new Reporter(file);
    const { tree, summary } = normaliseFile(bytes, file, (values.lang as string | undefined) ?? 'en', report);
    if (values.markdown) {
      io.out(writeNormalisedMarkdown(tree));
      return 0;
    }
    const meta = tree.data.meta;
    const turns = tree.children.flatMap((node) =>
      node.type === 'speakerTurn' ? [{ speaker: node.speaker.name, paragraphs: node.children.length }] : [],
    );
    const lead = tree.children.find((node) => node.type === 'lead');
    const result = {
      title: meta.title,
      subtitle: meta.subtitle ?? null,
      date: meta.date,
      time: meta.time ?? null,
      timezone: meta.timezone ?? null,
      endTime: meta.endTime ?? null,
      place: meta.place,
      sourceUrl: meta.sourceUrl ?? null,
      speakers: meta.speakers.map((speaker) => speaker.name),
      speakerRoles: meta.speakers,
      turns,
      leadParagraphs: lead?.type === 'lead' ? lead.children.length : 0,
      bodyParagraphs: turns.reduce((sum, turn) => sum + turn.paragraphs, 0),
      duplicatesRemoved: summary.duplicates,
      dropped: summary.dropped,
      keptChars: summary.keptChars,
      droppedChars: summary.droppedChars,
      messages: report.messages.map((message) => ({
        severity: message.severity,
        ruleId: message.ruleId,
        line: message.place?.start.line ?? null,
        reason: message.reason,
      })),
    };
    if (values.json) {
      io.out(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    io.out(`${meta.title}\n${[meta.date, meta.time, meta.timezone, meta.place].filter(Boolean).join(' ')}\n\n`);
    io.out(
      `Speakers: ${result.speakers.join('; ')}\nLead paragraphs: ${result.leadParagraphs}, body paragraphs: ${result.bodyParagraphs}\n`,
    );
    for (const turn of turns) io.out(`  ${turn.speaker}: ${turn.paragraphs}\n`);
    io.out(`Duplicates removed: ${summary.duplicates.blocks} blocks, ${summary.duplicates.paragraphs} paragraphs\n`);
    for (const message of report.messages) io.out(`${formatMessage(message)}\n`);
    return 0;
  },
};
