// Golden fixtures: test/fixtures/<stage>/<case>/input.txt → expected.json + messages.txt.
// `UPDATE=1 npm test` rewrites the expected files; reviewers read them in the diff.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Nodes } from 'mdast';
import { decodeTranscript, splitBlocks } from '../pipeline/ingest/read-blocks.ts';
import { normalizeTranscript } from '../pipeline/normalize/transcript.ts';
import { formatMessage, Reporter } from '../pipeline/report/messages.ts';
import { segmentTree } from '../pipeline/segment/segment-tree.ts';

const root = fileURLToPath(new URL('fixtures/', import.meta.url));
const update = process.env.UPDATE === '1';

type Runner = (input: Uint8Array, file: string, report: Reporter) => unknown;

const runners: Record<string, Runner> = {
  normalize: (input, file, report) => {
    const tree = normalizeTranscript(splitBlocks(decodeTranscript(input, file)), report, { lang: 'en' });
    return { meta: tree.data.meta, children: tree.children.map((node) => outline(node)) };
  },
  segment: (input, file, report) => {
    const tree = normalizeTranscript(splitBlocks(decodeTranscript(input, file)), report, { lang: 'en' });
    return segmentTree(tree, 'en').map((segment) => ({ id: segment.id, line: segment.position?.start.line, text: segment.source }));
  },
};

/** A readable outline of the tree: node types, speakers and text, no positions (messages.txt has those). */
function outline(node: Nodes): unknown {
  if (node.type === 'text') return node.value;
  if (node.type === 'thematicBreak') return { type: node.type };
  const children = 'children' in node ? (node.children as Nodes[]).map(outline) : [];
  if (node.type === 'paragraph') return children.length === 1 ? children[0] : children;
  if (node.type === 'speakerTurn') return { type: node.type, speaker: node.speaker, paragraphs: children.length, children };
  return { type: node.type, children };
}

for (const stage of readdirSync(root)) {
  const runner = runners[stage];
  if (!runner) throw new Error(`No fixture runner for stage folder test/fixtures/${stage}`);
  for (const name of readdirSync(path.join(root, stage))) {
    test(`${stage}: ${name}`, () => {
      const folder = path.join(root, stage, name);
      const file = `test/fixtures/${stage}/${name}/input.txt`;
      const report = new Reporter(file);
      const actual = JSON.stringify(runner(readFileSync(path.join(folder, 'input.txt')), file, report), null, 2) + '\n';
      const messages = report.messages.map(formatMessage).join('\n') + '\n';
      const expectedFile = path.join(folder, 'expected.json');
      const messagesFile = path.join(folder, 'messages.txt');
      if (update || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, actual);
        writeFileSync(messagesFile, messages);
      }
      assert.equal(actual, readFileSync(expectedFile, 'utf8'), `${expectedFile} differs; run UPDATE=1 npm test if the change is intended`);
      assert.equal(messages, readFileSync(messagesFile, 'utf8'), `${messagesFile} differs`);
    });
  }
}
