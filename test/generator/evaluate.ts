// Runs the normaliser on a generated case and compares what it found with the truth, field by field.
import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normaliseFile } from '../../pipeline/normalize/file.ts';
import { Reporter } from '../../pipeline/report/messages.ts';
import type { Speaker, TranscriptRoot } from '../../pipeline/types.ts';
import { containsPhrase, type GeneratedCase, type TruthTurn } from './compose.ts';
import { caseBytes } from './docx.ts';

export const FIELDS = [
  'title',
  'date',
  'time',
  'place',
  'speakers',
  'questions',
  'turns',
  'text',
  'lead',
  'stageDirections',
  'editorialInsertions',
  'chrome',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Observed {
  title: string;
  date: string | null;
  time: string | null;
  place: string | null;
  speakers: string[];
  questions: boolean;
  turns: TruthTurn[];
  lead: string[];
  stageDirections: number;
  editorialInsertions: number;
  /** Everything a reader sees: title, lead, body and speaker names, for the chrome check. */
  visible: string;
}

export interface Evaluation {
  case: GeneratedCase;
  error?: string;
  observed?: Observed;
  ok: Record<Field, boolean>;
  expected: Record<Field, unknown>;
  actual: Record<Field, unknown>;
}

/** No-break spaces and runs of spaces read as one space: the typography policy may keep NBSPs. */
export const fold = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();

const SPEECH = new Set(['paragraph', 'list', 'blockquote']);

/**
 * The generic role a speaker plays ("question", "remark", or another the normaliser names, such as
 * "answer"), or null for a person. Read from `speaker.generic`; an older tree marks only the questioner.
 */
export function genericRole(speaker: Speaker): string | null {
  if (speaker.generic) return speaker.generic;
  if (!speaker.question) return null;
  return /^(?:remark|replica|реплика)s?$/iu.test(speaker.name.trim()) ? 'remark' : 'question';
}

export function observe(tree: TranscriptRoot): Observed {
  const meta = tree.data.meta;
  const turns: TruthTurn[] = [];
  const lead: string[] = [];
  const visible: string[] = [meta.title];
  let stageDirections = 0;
  let editorialInsertions = 0;
  let loose: TruthTurn | undefined;
  const countExtras = (node: RootContent) => {
    if (node.type === 'stageDirection') stageDirections += 1;
    if (node.type === 'editorialInsertion') editorialInsertions += 1;
  };
  tree.children.forEach((node, index) => {
    if (index > 0 || node.type !== 'heading') visible.push(toString(node as Nodes));
    if (node.type === 'lead') lead.push(...node.children.map((child) => fold(toString(child))));
    else if (node.type === 'speakerTurn') {
      loose = undefined;
      const speaker = genericRole(node.speaker) ?? node.speaker.name;
      turns.push({ speaker, paragraphs: node.children.filter((child) => SPEECH.has(child.type)).map((child) => fold(toString(child))) });
      node.children.forEach((child) => countExtras(child as RootContent));
    } else if (SPEECH.has(node.type)) {
      // Speech outside any turn: shown as a turn of nobody, so that a missed speaker is visible in the diff.
      if (!loose) turns.push((loose = { speaker: '(no speaker)', paragraphs: [] }));
      loose.paragraphs.push(fold(toString(node as Nodes)));
    } else countExtras(node);
  });
  const people = meta.speakers.filter((speaker) => genericRole(speaker) === null).map((speaker) => speaker.name);
  visible.push(...people);
  return {
    title: fold(meta.title),
    date: meta.date,
    time: meta.time ?? null,
    place: meta.place === null ? null : fold(meta.place),
    speakers: people.map(fold),
    questions: turns.some((turn) => turn.speaker === 'question'),
    turns,
    lead,
    stageDirections,
    editorialInsertions,
    visible: visible.join('\n'),
  };
}

const turnShape = (turns: readonly TruthTurn[]) => turns.map((turn) => `${turn.speaker} ×${turn.paragraphs.length}`);

export async function evaluate(generated: GeneratedCase): Promise<Evaluation> {
  const { truth } = generated;
  const expected: Record<Field, unknown> = {
    title: truth.title,
    date: truth.date,
    time: truth.time,
    place: truth.place,
    speakers: truth.speakers,
    questions: truth.questions,
    turns: turnShape(truth.turns),
    text: truth.turns.flatMap((turn) => turn.paragraphs),
    lead: truth.lead,
    stageDirections: truth.stageDirections,
    editorialInsertions: truth.editorialInsertions,
    chrome: [],
  };
  const ok = Object.fromEntries(FIELDS.map((field) => [field, false])) as Record<Field, boolean>;
  let tree: TranscriptRoot;
  try {
    // awaited: the normaliser may become asynchronous (HTML and DOCX readers).
    ({ tree } = await normaliseFile(await caseBytes(generated), generated.file, generated.lang, new Reporter(generated.file)));
  } catch (error) {
    const message = `threw ${error instanceof Error ? error.message : String(error)}`;
    const actual = Object.fromEntries(FIELDS.map((field) => [field, message])) as Record<Field, unknown>;
    return { case: generated, error: message, ok, expected, actual };
  }
  const observed = observe(tree);
  const actual: Record<Field, unknown> = {
    title: observed.title,
    date: observed.date,
    time: observed.time,
    place: observed.place,
    speakers: observed.speakers,
    questions: observed.questions,
    turns: turnShape(observed.turns),
    text: observed.turns.flatMap((turn) => turn.paragraphs),
    lead: observed.lead.length,
    stageDirections: observed.stageDirections,
    editorialInsertions: observed.editorialInsertions,
    chrome: truth.forbidden.filter((line) => containsPhrase(observed.visible, line)),
  };
  for (const field of FIELDS) ok[field] = JSON.stringify(actual[field]) === JSON.stringify(expected[field]);
  return { case: generated, observed, ok, expected, actual };
}

/** A short, readable form of a field's value for failure messages. */
export function show(field: Field, value: unknown, other?: unknown): string {
  if (field === 'text' && Array.isArray(value) && Array.isArray(other)) {
    const at = value.findIndex((paragraph, index) => paragraph !== other[index]);
    const index = at < 0 ? Math.min(value.length, other.length) : at;
    const clip = (text: unknown) => (typeof text === 'string' && text.length > 160 ? `${text.slice(0, 157)}…` : text);
    return `${value.length} paragraphs; #${index}: ${JSON.stringify(clip(value[index]) ?? '(none)')}`;
  }
  return JSON.stringify(value);
}

/** The first lines of the generated text, control characters made visible, for a failure message. */
export function head(generated: GeneratedCase, lines = 12): string {
  return generated.text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .slice(0, lines)
    .map(
      (line) =>
        `    | ${line
          .replace(/\u00a0/g, '⍽')
          .replace(/\u00ad/g, '¬')
          .replace(/\u200b/g, '⟨zw⟩')
          .replace(/\t/g, '⇥')}`,
    )
    .join('\n');
}

export interface Table {
  cases: number;
  rows: { field: Field; correct: number; accuracy: number }[];
}

export function accuracyTable(evaluations: readonly Evaluation[]): Table {
  return {
    cases: evaluations.length,
    rows: FIELDS.map((field) => {
      const correct = evaluations.filter((evaluation) => evaluation.ok[field]).length;
      return { field, correct, accuracy: evaluations.length === 0 ? 1 : correct / evaluations.length };
    }),
  };
}

export function formatTable(table: Table): string {
  const lines = [`field                 correct / ${table.cases}   accuracy`];
  for (const row of table.rows)
    lines.push(
      `${row.field.padEnd(22)}${String(row.correct).padStart(7)}${' '.repeat(String(table.cases).length + 3)}${(row.accuracy * 100).toFixed(1).padStart(7)}%`,
    );
  return lines.join('\n');
}

/** Up to `limit` failing cases of `field`: index, seed, expected vs actual, the head of the text. */
export function describeFailures(evaluations: readonly Evaluation[], field: Field, limit = 5): string {
  return evaluations
    .filter((evaluation) => !evaluation.ok[field])
    .slice(0, limit)
    .map((evaluation) => {
      const c = evaluation.case;
      return [
        `  case ${c.index} (SEED=${c.seed}, ${c.lang}, ${Object.entries(c.parts)
          .map(([part, form]) => `${part}=${form}`)
          .join(' ')})`,
        `    expected: ${show(field, evaluation.expected[field], evaluation.actual[field])}`,
        `    actual:   ${show(field, evaluation.actual[field], evaluation.expected[field])}`,
        head(c),
      ].join('\n');
    })
    .join('\n');
}
