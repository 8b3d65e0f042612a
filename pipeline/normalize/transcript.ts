import type { Paragraph, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { TextBlock } from '../ingest/read-blocks.ts';
import type { Reporter } from '../report/messages.ts';
import type { DocMeta, Lead, Speaker, SpeakerTurn, TranscriptRoot, TurnContent } from '../types.ts';
import { emptyRepairs, repairCharacters } from './characters.ts';
import { isChromeLine, isEditorialInsertion, isStageDirection, parseSourceLine } from './chrome.ts';
import { parseDateline, parseTimeLine } from './dateline.ts';
import { findRepeatedRuns } from './repeated-blocks.ts';
import { labelKey, parseSpeakerLabel } from './speaker-label.ts';
import { normalizeTypography } from './typography.ts';

const SEPARATOR = /^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^(?:_\s*){3,}$|^[\u2014\u2013]$/;
/** How far into the page the opening dateline is looked for: a dateline quoted late in a speech is not one. */
const HEADER_BLOCKS = 60;

export interface NormalizeOptions {
  lang: string;
}

interface Block extends TextBlock {
  position: Position;
}

/** One line (block) that left the document, and the rule that took it. */
export interface Dropped {
  line: number;
  endLine: number;
  rule: string;
  text: string;
}

/** What the normaliser did besides building the tree: the raw material of `pressroom normalise`. */
export interface NormaliseSummary {
  dropped: Dropped[];
  duplicates: { blocks: number; paragraphs: number };
  /** Characters of block text kept in the tree or its metadata, and dropped with an entry in `dropped`. */
  keptChars: number;
  droppedChars: number;
}

export interface Normalised {
  tree: TranscriptRoot;
  summary: NormaliseSummary;
}

export function normalizeTranscript(raw: readonly TextBlock[], report: Reporter, options: NormalizeOptions): TranscriptRoot {
  return normaliseBlocks(raw, report, options).tree;
}

/**
 * Turns the blocks of a scraped transcript into the document tree: chrome dropped, title and dateline
 * found, lead kept, speaker turns grouped, blocks the scrape repeated removed once. Every block leaves
 * either in the tree, in the metadata or in `summary.dropped` with a report entry.
 */
export function normaliseBlocks(raw: readonly TextBlock[], report: Reporter, options: NormalizeOptions): Normalised {
  const summary: NormaliseSummary = { dropped: [], duplicates: { blocks: 0, paragraphs: 0 }, keptChars: 0, droppedChars: 0 };
  const drop = (block: Block, rule: string, reason: string, severity: 'info' | 'warn' = 'info') => {
    summary.dropped.push({ line: block.line, endLine: block.endLine, rule, text: block.text });
    summary.droppedChars += block.text.length;
    report[severity](`${reason}: “${clip(block.text)}”`, { ruleId: rule, place: block.position });
  };
  const repairs = emptyRepairs();
  let blocks: Block[] = raw
    .map((block) => ({ ...block, text: normalizeTypography(repairCharacters(block.text, repairs)), position: positionOf(block) }))
    .filter((block) => block.text !== '');
  reportRepairs(repairs, report);
  if (blocks.length === 0)
    report.fail('Unexpected empty transcript, expected a title and at least one paragraph', { ruleId: 'normalize:empty' });

  const meta: DocMeta = {
    title: '',
    subtitle: null,
    date: null,
    time: null,
    timezone: null,
    endTime: null,
    place: null,
    dateline: null,
    closingDateline: null,
    sourceUrl: null,
    speakers: [],
    lang: options.lang,
  };
  const datelineIndex = blocks.findIndex((block, index) => index > 0 && index < HEADER_BLOCKS && parseDateline(block.text));
  let titleIndex = 0;
  let bodyStart = 1;
  if (datelineIndex > 0) {
    const dateline = parseDateline(blocks[datelineIndex]!.text)!;
    titleIndex = datelineIndex - 1;
    meta.date = dateline.date;
    meta.place = dateline.place;
    meta.time = dateline.time ?? null;
    meta.dateline = blocks[datelineIndex]!.text;
    bodyStart = datelineIndex + 1;
  } else {
    report.warn(
      'Unexpected transcript without a dateline (“November 26, 2025, Bishkek”), expected one under the title; the first block is taken as the title',
      { ruleId: 'normalize:no-dateline', place: blocks[0]!.position },
    );
  }
  // A time line under the dateline ("1:05 P.M. EDT", "20:55") belongs to the header.
  const timeBlock = blocks[bodyStart];
  const timeLine = timeBlock && parseTimeLine(timeBlock.text);
  if (timeLine && !timeLine.end) {
    meta.time = timeLine.time;
    meta.timezone = timeLine.timezone;
    summary.keptChars += blocks[bodyStart]!.text.length;
    bodyStart += 1;
  }
  const title = blocks[titleIndex]!;
  meta.title = title.text;
  for (const chrome of blocks.slice(0, titleIndex)) drop(chrome, 'normalize:chrome', 'Dropped site chrome before the title');
  summary.keptChars += title.text.length + (meta.dateline?.length ?? 0);
  blocks = blocks.slice(bodyStart);

  // Closing lines: dateline, "END 2:10 P.M." and source lines at the foot go to metadata.
  for (;;) {
    const last = blocks.at(-1);
    if (!last) break;
    const end = parseTimeLine(last.text);
    const source = parseSourceLine(last.text);
    if (parseDateline(last.text) && !meta.closingDateline) {
      meta.closingDateline = last.text;
      report.info('Kept the closing dateline as metadata, not as body text', {
        ruleId: 'normalize:closing-dateline',
        place: last.position,
      });
    } else if (end?.end && !meta.endTime) {
      meta.endTime = end.time;
      meta.timezone ??= end.timezone;
      report.info(`Kept the end time “${last.text}” as metadata`, { ruleId: 'normalize:end-time', place: last.position });
    } else if (source && !meta.sourceUrl) {
      meta.sourceUrl = source;
      report.info(`Kept the source line as the document’s source URL ${source}`, { ruleId: 'normalize:source', place: last.position });
    } else break;
    summary.keptChars += last.text.length;
    blocks = blocks.slice(0, -1);
  }

  blocks = blocks.filter((block) => {
    const source = parseSourceLine(block.text);
    if (source) {
      meta.sourceUrl ??= source;
      drop(block, 'normalize:source', 'Took the source line out of the text (source URL kept in the metadata)');
      return false;
    }
    if (isChromeLine(block.text)) {
      drop(block, 'normalize:chrome-line', 'Dropped a site or forum chrome line');
      return false;
    }
    return true;
  });

  blocks = dropRepeats(blocks, summary, drop);

  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: title.text, position: title.position }], position: title.position },
  ];
  const lead: Lead = { type: 'lead', children: [] };
  let turn: SpeakerTurn | undefined;
  let inLead = true;
  for (const block of blocks) {
    if (SEPARATOR.test(block.text)) {
      inLead = false;
      closeTurn(turn, report);
      turn = undefined;
      children.push({ type: 'thematicBreak', position: block.position });
      continue;
    }
    summary.keptChars += block.text.length;
    const labelled = parseSpeakerLabel(block.text, meta.speakers);
    if (labelled) {
      inLead = false;
      closeTurn(turn, report);
      const speaker = rememberSpeaker(meta.speakers, labelled.speaker);
      turn = { type: 'speakerTurn', speaker, children: [], position: block.position };
      if (labelled.note) turn.note = labelled.note;
      children.push(turn);
      if (labelled.rest) turn.children.push(contentNode(labelled.rest, block.position));
      continue;
    }
    const node = contentNode(block.text, block.position);
    if (turn) {
      turn.children.push(node);
      turn.position = span(turn.position!, block.position);
    } else if (inLead && node.type === 'paragraph') lead.children.push(node);
    else children.push(node);
  }
  closeTurn(turn, report);
  if (lead.children.length > 0) {
    lead.position = span(lead.children[0]!.position!, lead.children.at(-1)!.position!);
    children.splice(1, 0, lead);
  }
  report.info(`Kept ${summary.keptChars} characters, dropped ${summary.droppedChars} (${summary.dropped.length} blocks, each reported)`, {
    ruleId: 'normalize:summary',
  });
  return { tree: { type: 'root', children, data: { meta } }, summary };
}

/** A label followed straight by another label: the export lost the words, which must be said. */
function closeTurn(turn: SpeakerTurn | undefined, report: Reporter): void {
  if (turn && turn.children.length === 0)
    report.warn(`Speaker turn “${turn.speaker.name}” has no text; check the source`, {
      ruleId: 'normalize:empty-turn',
      place: turn.position,
    });
}

function contentNode(text: string, position: Position): TurnContent {
  if (isStageDirection(text)) return { type: 'stageDirection', value: text, position };
  if (isEditorialInsertion(text)) return { type: 'editorialInsertion', value: text, position };
  return paragraph(text, position);
}

function dropRepeats(
  blocks: Block[],
  summary: NormaliseSummary,
  drop: (block: Block, rule: string, reason: string, severity: 'warn') => void,
): Block[] {
  const repeats = findRepeatedRuns(blocks.map((block) => block.text));
  if (repeats.length === 0) return blocks;
  const gone = new Set<number>();
  for (const repeat of repeats) {
    const original = blocks.slice(repeat.original, repeat.original + repeat.length);
    summary.duplicates.blocks += 1;
    summary.duplicates.paragraphs += repeat.length;
    for (let index = repeat.start; index < repeat.start + repeat.length; index += 1) {
      gone.add(index);
      drop(
        blocks[index]!,
        'normalize:repeated-block',
        `Removed a paragraph of a ${repeat.length}-paragraph block that repeats lines ${original[0]!.line}–${original.at(-1)!.endLine}`,
        'warn',
      );
    }
  }
  return blocks.filter((_, index) => !gone.has(index));
}

function reportRepairs(repairs: ReturnType<typeof emptyRepairs>, report: Reporter): void {
  const counts: [number, string, string][] = [
    [repairs.softHyphens, 'normalize:soft-hyphen', 'soft hyphens deleted'],
    [repairs.zeroWidth, 'normalize:zero-width', 'zero-width characters deleted'],
    [repairs.nonBreakingHyphens, 'normalize:nb-hyphen', 'non-breaking hyphens (U+2011) replaced by "-"'],
    [repairs.kyrgyzLetters, 'normalize:kyrgyz-letter', 'archaic letters replaced by Kyrgyz ө/Ө'],
  ];
  for (const [count, ruleId, what] of counts) if (count > 0) report.info(`${count} ${what}`, { ruleId });
  if (repairs.homoglyphWords.length > 0)
    report.warn(
      `Fixed look-alike letters from another script in ${repairs.homoglyphWords.length} words: ${repairs.homoglyphWords.slice(0, 20).join(', ')}`,
      {
        ruleId: 'normalize:homoglyph',
      },
    );
}

function rememberSpeaker(speakers: Speaker[], speaker: Speaker): Speaker {
  const existing = speakers.find((known) => labelKey(known.name) === labelKey(speaker.name));
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

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function positionOf(block: TextBlock): Position {
  return { start: { line: block.line, column: 1 }, end: { line: block.endLine, column: 1 } };
}

function span(from: Position, to: Position): Position {
  return { start: from.start, end: to.end };
}
