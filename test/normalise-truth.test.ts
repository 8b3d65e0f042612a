// Hand-written ground truth for the normaliser: test/fixtures/normalise/<case>/truth.json states what a reader of
// the input knows (title, date, time, place, who speaks, how the turns run, what is chrome) independently of
// what the normaliser happens to produce today, unlike expected.json, which is regenerated from its output.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Nodes } from 'mdast';
import { writeNormalisedMarkdown } from '../pipeline/markdown/write.ts';
import { normaliseFile } from '../pipeline/normalize/file.ts';
import { Reporter } from '../pipeline/report/messages.ts';
import type { Speaker, SpeakerTurn, TranscriptRoot } from '../pipeline/types.ts';

const root = fileURLToPath(new URL('fixtures/normalise/', import.meta.url));

/** A turn as truth.json states it: the canonical speaker (or "question" / "remark") and its paragraph count. */
type TruthTurn = [speaker: string, paragraphs: number];

interface Truth {
  title?: string;
  date?: string | null;
  time?: string | null;
  place?: string | null;
  /** Canonical names of the people who speak, in order of first turn; generic roles (questions, remarks) excluded. */
  speakers?: string[];
  questionTurns?: number;
  turns?: TruthTurn[];
  leadParagraphs?: number;
  stageDirections?: number;
  /** Chrome and footer text that must not reach the normalised Markdown (front matter included). */
  mustNotContain?: string[];
  /** Body text that must survive into the normalised Markdown. */
  mustContain?: string[];
}

const TRUTH_KEYS = new Set<string>([
  'title',
  'date',
  'time',
  'place',
  'speakers',
  'questionTurns',
  'turns',
  'leadParagraphs',
  'stageDirections',
  'mustNotContain',
  'mustContain',
]);

/** Same rule as test/fixtures.test.ts: the folder's suffix ("…-ru", "…-ky") names the language; English otherwise. */
function langOf(file: string): string {
  return /-(ru|ky)\//.exec(file)?.[1] ?? 'en';
}

/**
 * The generic role a speaker stands for, or undefined for a person. Today a questioner carries `question: true`;
 * the registry may come to mark every generic role (question, remark, …) with `generic: '<role>'` instead; either
 * counts.
 */
function genericRole(speaker: Speaker): string | undefined {
  // Read as unknown so that this test compiles against the Speaker type before and after `generic` exists.
  const generic: unknown = (speaker as { generic?: unknown }).generic;
  if (typeof generic === 'string' && generic !== '') return generic;
  return speaker.question === true ? 'question' : undefined;
}

/** How truth.json names a turn's speaker: its generic role, else the canonical name. */
function turnSpeaker(turn: SpeakerTurn): string {
  return genericRole(turn.speaker) ?? turn.speaker.name;
}

/** Every node of one type, in document order (turns are not looked into for further turns). */
function collect<T extends Nodes['type']>(node: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  if (node.type === type) return [node as Extract<Nodes, { type: T }>];
  const children = 'children' in node ? (node.children as Nodes[]) : [];
  return children.flatMap((child) => collect(child, type));
}

/** One line per field that differs between the truth and the tree; empty when all agree. */
function differences(truth: Truth, tree: TranscriptRoot): string[] {
  const found: string[] = [];
  const differ = (field: string, expected: unknown, actual: unknown): void => {
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      found.push(`${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  const meta = tree.data.meta;
  if ('title' in truth) differ('title', truth.title, meta.title);
  if ('date' in truth) differ('date', truth.date, meta.date ?? null);
  if ('time' in truth) differ('time', truth.time, meta.time ?? null);
  if ('place' in truth) differ('place', truth.place, meta.place ?? null);
  if (truth.speakers)
    differ(
      'speakers',
      truth.speakers,
      meta.speakers.filter((speaker) => genericRole(speaker) === undefined).map((speaker) => speaker.name),
    );

  const turns = collect(tree, 'speakerTurn');
  if ('questionTurns' in truth)
    differ('questionTurns', truth.questionTurns, turns.filter((turn) => genericRole(turn.speaker) === 'question').length);
  if (truth.turns) {
    const actual = turns.map((turn): TruthTurn => [turnSpeaker(turn), turn.children.length]);
    if (actual.length !== truth.turns.length) differ('turns.length', truth.turns.length, actual.length);
    truth.turns.forEach((expected, index) => differ(`turns[${index}]`, expected, actual[index] ?? null));
  }
  if ('leadParagraphs' in truth)
    differ(
      'leadParagraphs',
      truth.leadParagraphs,
      collect(tree, 'lead').reduce((sum, lead) => sum + lead.children.length, 0),
    );
  if ('stageDirections' in truth) differ('stageDirections', truth.stageDirections, collect(tree, 'stageDirection').length);

  const markdown = writeNormalisedMarkdown(tree);
  for (const text of truth.mustNotContain ?? [])
    if (markdown.includes(text)) found.push(`mustNotContain: ${JSON.stringify(text)} reached the Markdown`);
  for (const text of truth.mustContain ?? [])
    if (!markdown.includes(text)) found.push(`mustContain: ${JSON.stringify(text)} is missing from the Markdown`);
  return found;
}

for (const name of readdirSync(root).sort()) {
  const folder = path.join(root, name);
  const truthFile = path.join(folder, 'truth.json');
  if (!existsSync(truthFile)) continue;
  test(`normalise truth: ${name}`, async () => {
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Truth;
    const unknown = Object.keys(truth).filter((key) => !TRUTH_KEYS.has(key));
    assert.deepEqual(unknown, [], `${truthFile} has fields this test does not know`);
    const inputName = readdirSync(folder).find((entry) => entry.startsWith('input.'));
    assert.ok(inputName, `${folder} has no input.* file`);
    const file = `test/fixtures/normalise/${name}/${inputName}`;
    const bytes = readFileSync(path.join(folder, inputName));
    // Awaited because the normaliser may become asynchronous (readers of HTML and DOCX); a plain value awaits as itself.
    const { tree } = await normaliseFile(bytes, file, langOf(file), new Reporter(file));
    const found = differences(truth, tree);
    assert.deepEqual(found, [], `${name} differs from its truth.json:\n  ${found.join('\n  ')}`);
  });
}
