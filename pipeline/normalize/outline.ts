import type { RootContent } from 'mdast';
import type { TranscriptRoot } from '../types.ts';
import type { NormaliseSummary } from './transcript.ts';

/** Blocks of speech: what `paragraphs` counts. Stage directions and editorial insertions are counted apart. */
const SPEECH = new Set(['paragraph', 'list', 'blockquote']);

export interface TurnOutline {
  speaker: string;
  paragraphs: number;
  /** The journalist who named themself in a question (optional). */
  asker?: { name: string; outlet: string };
  /** Interpreter note of the label ("as translated") (optional). */
  note?: string;
}

/**
 * What `pressroom normalise --json` prints: the document's metadata, its speakers (canonical names in the
 * order they first speak; the anonymous questioner apart), its turns and paragraph counts, and the report.
 */
export function outlineDocument(tree: TranscriptRoot, summary: NormaliseSummary) {
  const meta = tree.data.meta;
  const turns: TurnOutline[] = [];
  let bodyParagraphs = 0;
  let stageDirections = 0;
  let editorialInsertions = 0;
  let footnotes = 0;
  const count = (nodes: readonly RootContent[]) => {
    let speech = 0;
    for (const node of nodes) {
      if (SPEECH.has(node.type)) speech += 1;
      if (node.type === 'stageDirection') stageDirections += 1;
      if (node.type === 'editorialInsertion') editorialInsertions += 1;
    }
    return speech;
  };
  const rootSpeech: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'speakerTurn') {
      const paragraphs = count(node.children);
      bodyParagraphs += paragraphs;
      const turn: TurnOutline = { speaker: node.speaker.name, paragraphs };
      if (node.asker) turn.asker = node.asker;
      if (node.note) turn.note = node.note;
      turns.push(turn);
    } else if (node.type === 'footnoteDefinition') footnotes += 1;
    else if (node.type !== 'lead' && node.type !== 'heading') rootSpeech.push(node);
  }
  bodyParagraphs += count(rootSpeech);
  const lead = tree.children.find((node) => node.type === 'lead');
  return {
    title: meta.title,
    subtitle: meta.subtitle ?? null,
    date: meta.date,
    time: meta.time ?? null,
    timezone: meta.timezone ?? null,
    endTime: meta.endTime ?? null,
    place: meta.place,
    sourceUrl: meta.sourceUrl ?? null,
    speakers: meta.speakers.filter((speaker) => !speaker.question && !speaker.generic).map((speaker) => speaker.name),
    speakerRoles: meta.speakers.filter((speaker) => !speaker.question && !speaker.generic).map(({ name, role }) => ({ name, role })),
    questioner: meta.speakers.find((speaker) => speaker.question)?.name ?? null,
    turns,
    leadParagraphs: lead?.type === 'lead' ? lead.children.length : 0,
    bodyParagraphs,
    stageDirections,
    editorialInsertions,
    footnotes,
    duplicatesRemoved: summary.duplicates,
    dropped: summary.dropped,
    repairs: summary.repairs,
    keptChars: summary.keptChars,
    droppedChars: summary.droppedChars,
    repairedChars: summary.repairedChars,
  };
}
