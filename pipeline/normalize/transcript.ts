import type { Paragraph, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { TextBlock } from '../ingest/read-blocks.ts';
import type { Reporter } from '../report/messages.ts';
import type { DocMeta, Lead, Speaker, SpeakerTurn, TranscriptRoot } from '../types.ts';
import { parseDateline } from './dateline.ts';
import { findRepeatedRuns } from './repeated-blocks.ts';
import { parseSpeakerLabel } from './speaker-label.ts';
import { normalizeTypography } from './typography.ts';

const SEPARATOR = /^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^(?:_\s*){3,}$|^[\u2014\u2013]$/;

export interface NormalizeOptions {
  lang: string;
}

interface Block extends TextBlock {
  position: Position;
}

/**
 * Turns the blocks of a scraped transcript into the document tree: chrome dropped, title and dateline
 * found, lead kept, speaker turns grouped, a block the scrape repeated removed once.
 */
export function normalizeTranscript(raw: readonly TextBlock[], report: Reporter, options: NormalizeOptions): TranscriptRoot {
  let blocks: Block[] = raw
    .map((block) => ({ ...block, text: normalizeTypography(block.text), position: positionOf(block) }))
    .filter((block) => block.text !== '');
  if (blocks.length === 0)
    report.fail('Unexpected empty transcript, expected a title and at least one paragraph', { ruleId: 'normalize:empty' });

  const datelineIndex = blocks.findIndex((block, index) => index > 0 && parseDateline(block.text));
  const meta: DocMeta = { title: '', date: null, place: null, dateline: null, closingDateline: null, speakers: [], lang: options.lang };
  let titleIndex = 0;
  if (datelineIndex > 0) {
    const dateline = parseDateline(blocks[datelineIndex]!.text)!;
    titleIndex = datelineIndex - 1;
    meta.date = dateline.date;
    meta.place = dateline.place;
    meta.dateline = blocks[datelineIndex]!.text;
  } else {
    report.warn(
      'Unexpected transcript without a dateline (“November 26, 2025, Bishkek”), expected one under the title; the first block is taken as the title',
      {
        ruleId: 'normalize:no-dateline',
        place: blocks[0]!.position,
      },
    );
  }
  const title = blocks[titleIndex]!;
  meta.title = title.text;
  if (titleIndex > 0) {
    const chrome = blocks.slice(0, titleIndex);
    report.info(
      `Dropped ${chrome.length} block${chrome.length === 1 ? '' : 's'} of site chrome before the title (lines ${chrome[0]!.line}–${chrome.at(-1)!.endLine})`,
      {
        ruleId: 'normalize:chrome',
        place: span(chrome[0]!.position, chrome.at(-1)!.position),
      },
    );
  }
  blocks = blocks.slice(datelineIndex > 0 ? datelineIndex + 1 : 1);

  const last = blocks.at(-1);
  if (last && parseDateline(last.text)) {
    meta.closingDateline = last.text;
    blocks = blocks.slice(0, -1);
    report.info('Kept the closing dateline as metadata, not as body text', { ruleId: 'normalize:closing-dateline', place: last.position });
  }

  blocks = dropRepeats(blocks, report);

  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: title.text, position: title.position }], position: title.position },
  ];
  const lead: Lead = { type: 'lead', children: [] };
  let turn: SpeakerTurn | undefined;
  let inLead = true;
  for (const block of blocks) {
    if (SEPARATOR.test(block.text)) {
      inLead = false;
      turn = undefined;
      children.push({ type: 'thematicBreak', position: block.position });
      continue;
    }
    const labelled = parseSpeakerLabel(block.text, meta.speakers);
    if (labelled) {
      inLead = false;
      const speaker = rememberSpeaker(meta.speakers, labelled.speaker);
      turn = { type: 'speakerTurn', speaker, children: [], position: block.position };
      children.push(turn);
      if (labelled.rest) turn.children.push(paragraph(labelled.rest, block.position));
      continue;
    }
    const node = paragraph(block.text, block.position);
    if (turn) {
      turn.children.push(node);
      turn.position = span(turn.position!, block.position);
    } else if (inLead) lead.children.push(node);
    else children.push(node);
  }
  if (lead.children.length > 0) {
    lead.position = span(lead.children[0]!.position!, lead.children.at(-1)!.position!);
    children.splice(1, 0, lead);
  }
  return { type: 'root', children, data: { meta } };
}

function dropRepeats(blocks: Block[], report: Reporter): Block[] {
  const repeats = findRepeatedRuns(blocks.map((block) => block.text));
  if (repeats.length === 0) return blocks;
  const drop = new Set<number>();
  for (const repeat of repeats) {
    const copy = blocks.slice(repeat.start, repeat.start + repeat.length);
    const original = blocks.slice(repeat.original, repeat.original + repeat.length);
    report.warn(
      `Removed ${repeat.length} paragraphs (lines ${copy[0]!.line}–${copy.at(-1)!.endLine}) that repeat lines ${original[0]!.line}–${original.at(-1)!.endLine} word for word`,
      { ruleId: 'normalize:repeated-block', place: span(copy[0]!.position, copy.at(-1)!.position) },
    );
    for (let index = repeat.start; index < repeat.start + repeat.length; index += 1) drop.add(index);
  }
  return blocks.filter((_, index) => !drop.has(index));
}

function rememberSpeaker(speakers: Speaker[], speaker: Speaker): Speaker {
  const existing = speakers.find((known) => known.name === speaker.name);
  if (existing) {
    if (!existing.role && speaker.role) existing.role = speaker.role;
    return existing;
  }
  speakers.push(speaker);
  return speaker;
}

function paragraph(text: string, position: Position): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text, position }], position };
}

function positionOf(block: TextBlock): Position {
  return { start: { line: block.line, column: 1 }, end: { line: block.endLine, column: 1 } };
}

function span(from: Position, to: Position): Position {
  return { start: from.start, end: to.end };
}
