// Golden fixtures: test/fixtures/<stage>/<case>/input.txt → expected.json + messages.txt.
// `UPDATE=1 npm test` rewrites the expected files; reviewers read them in the diff.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Nodes } from 'mdast';
import { decodeTranscript, splitBlocks } from '../pipeline/ingest/read-blocks.ts';
import { writeNormalisedMarkdown } from '../pipeline/markdown/write.ts';
import { normaliseFile } from '../pipeline/normalize/file.ts';
import { normalizeTranscript } from '../pipeline/normalize/transcript.ts';
import { formatMessage, Reporter } from '../pipeline/report/messages.ts';
import { segmentTree } from '../pipeline/segment/segment-tree.ts';

const root = fileURLToPath(new URL('fixtures/', import.meta.url));
const update = process.env.UPDATE === '1';

type Runner = (input: Uint8Array, file: string, report: Reporter) => unknown;

const runners: Record<string, Runner> = {
  normalise: async (input, file, report) => {
    const { tree } = await normaliseFile(input, file, langOf(file), report);
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
  if (node.type === 'stageDirection' || node.type === 'editorialInsertion') return { type: node.type, value: node.value };
  const children = 'children' in node ? (node.children as Nodes[]).map(outline) : [];
  if (node.type === 'paragraph') return children.length === 1 ? children[0] : children;
  if (node.type === 'speakerTurn')
    return { type: node.type, speaker: node.speaker, ...(node.asker ? { asker: node.asker } : {}), paragraphs: children.length, children };
  if (node.type === 'footnoteReference') return { type: node.type, identifier: node.identifier };
  if (node.type === 'footnoteDefinition') return { type: node.type, identifier: node.identifier, children };
  if (node.type === 'list') return { type: node.type, ordered: node.ordered, children };
  return { type: node.type, children };
}

// Other folders under test/fixtures/ (invalid, render, …) belong to their own test files.
for (const stage of Object.keys(runners)) {
  const runner = runners[stage]!;
  for (const name of readdirSync(path.join(root, stage))) {
    test(`${stage}: ${name}`, async () => {
      const folder = path.join(root, stage, name);
      const inputName = readdirSync(folder).find((entry) => entry.startsWith('input.')) ?? 'input.txt';
      const file = `test/fixtures/${stage}/${name}/${inputName}`;
      const report = new Reporter(file);
      const bytes = readFileSync(path.join(folder, inputName));
      const actual = JSON.stringify(await runner(bytes, file, report), null, 2) + '\n';
      const messages = report.messages.map(formatMessage).join('\n') + '\n';
      const expectedFile = path.join(folder, 'expected.json');
      const messagesFile = path.join(folder, 'messages.txt');
      if (update) {
        writeFileSync(expectedFile, actual);
        writeFileSync(messagesFile, messages);
      }
      assert.ok(
        existsSync(expectedFile) && existsSync(messagesFile),
        `${folder} has no expected.json or messages.txt; run UPDATE=1 npm test to write them, then review them`,
      );
      assert.equal(actual, readFileSync(expectedFile, 'utf8'), `${expectedFile} differs; run UPDATE=1 npm test if the change is intended`);
      assert.equal(messages, readFileSync(messagesFile, 'utf8'), `${messagesFile} differs`);
      if (stage === 'normalise') await checkMarkdown(folder, bytes, file);
    });
  }
}

/** Folder names carry the transcript's language as a suffix ("…-ru", "…-ky"); English otherwise. */
function langOf(file: string): string {
  return /-(ru|ky)\//.exec(file)?.[1] ?? 'en';
}

/** expected.md is the normalised Markdown; reading it back must give the same Markdown (round trip). */
async function checkMarkdown(folder: string, bytes: Uint8Array, file: string): Promise<void> {
  const lang = langOf(file);
  const markdown = writeNormalisedMarkdown((await normaliseFile(bytes, file, lang, new Reporter(file))).tree);
  const markdownFile = path.join(folder, 'expected.md');
  if (update) writeFileSync(markdownFile, markdown);
  assert.ok(existsSync(markdownFile), `${markdownFile} is missing; run UPDATE=1 npm test to write it, then review it`);
  assert.equal(markdown, readFileSync(markdownFile, 'utf8'), `${markdownFile} differs`);
  const again = (await normaliseFile(new TextEncoder().encode(markdown), 'normalised.md', lang, new Reporter('normalised.md'))).tree;
  assert.equal(writeNormalisedMarkdown(again), markdown, 'the normalised Markdown does not read back to the same document');
}
