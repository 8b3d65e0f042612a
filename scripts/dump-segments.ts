// Prints the sentence segments of a transcript as JSON lines: what the TMX files under locales/ must cover.
// Usage: node --import tsx scripts/dump-segments.ts transcripts/2025-11-26-bishkek-press-statements.txt
import { readFile } from 'node:fs/promises';
import { decodeTranscript, splitBlocks } from '../pipeline/ingest/read-blocks.ts';
import { normalizeTranscript } from '../pipeline/normalize/transcript.ts';
import { Reporter } from '../pipeline/report/messages.ts';
import { segmentTree } from '../pipeline/segment/segment-tree.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: dump-segments.ts <transcript>');
const report = new Reporter(file);
const tree = normalizeTranscript(splitBlocks(decodeTranscript(await readFile(file), file)), report, { lang: 'en' });
const segments = segmentTree(tree, 'en');
for (const segment of segments) process.stdout.write(JSON.stringify({ id: segment.id, text: segment.source }) + '\n');
process.stderr.write(JSON.stringify(tree.data.meta, null, 1) + '\n');
for (const message of report.messages) process.stderr.write(`${message.severity} ${message.reason} ${message.ruleId}\n`);
for (const node of tree.children)
  process.stderr.write(
    `${node.type} ${'children' in node ? (node.children?.length ?? 0) : ''} ${'speaker' in node ? node.speaker.name : ''}\n`,
  );
