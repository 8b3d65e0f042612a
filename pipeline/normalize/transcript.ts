import type { FootnoteDefinition, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import type { TextBlock } from '../ingest/read-blocks.ts';
import type { Reporter } from '../report/messages.ts';
import type { DocMeta, Lead, Speaker, SpeakerTurn, TranscriptRoot, TurnContent } from '../types.ts';
import { emptyRepairs, recordRepair, repairCharacters, type Repairs } from './characters.ts';
import { isChromeLine, isEditorialInsertion, parseSourceLine, splitStageDirections } from './chrome.ts';
import { parseDateline, parseTimeLine } from './dateline.ts';
import { featuresOf, isChromeBlock } from './features.ts';
import { isFooterPhrase } from './lexicon.ts';
import { findRepeatedRuns } from './repeated-blocks.ts';
import { findAsker, labelWordsBeyond, parseSpeakerLabel, registerSpeaker } from './speaker-label.ts';
import { speakerFromByline, speakerFromText } from './speakers/from-text.ts';
import { findFrame, type Assignment, type BlockClass } from './structure.ts';
import type { NormalizeOptions } from './options.ts';
import { normalizeTypography } from './typography.ts';

/** "(03:45)", "00:01:33": a transcription service's time stamp alone on a line, not speech. */
const TIMECODE = /^[([]?\d{1,2}:\d{2}(?::\d{2})?[)\]]?$/;
const SEPARATOR = /^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^(?:_\s*){3,}$|^[\u2014\u2013]$/;

export type { MetaOverrides, NormalizeOptions, SourceRules } from './options.ts';

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
  /** Characters repaired (deleted, replaced or folded), by rule, with the lines they were on. */
  repairs: { rule: string; count: number; lines: number[] }[];
  repairedChars: number;
  /** Every block with the class it was given and the rule that gave it, in line order: `pressroom normalise --explain`. */
  classes: { line: number; endLine: number; class: BlockClass; rule: string; text: string }[];
}

/** The summary of a document that was not normalised (pressroom's own Markdown, read back as it is). */
export function emptySummary(): NormaliseSummary {
  return {
    dropped: [],
    duplicates: { blocks: 0, paragraphs: 0 },
    keptChars: 0,
    droppedChars: 0,
    repairs: [],
    repairedChars: 0,
    classes: [],
  };
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
  const summary = emptySummary();
  const lang = options.overrides?.lang ?? options.lang;
  const explain = (block: TextBlock, assignment: Assignment) =>
    summary.classes.push({ line: block.line, endLine: block.endLine, class: assignment.class, rule: assignment.rule, text: block.text });
  /** Takes `text` (the whole block unless a part is given) out of the document, with an entry and a report. */
  const drop = (
    block: TextBlock & { position?: Position },
    rule: string,
    reason: string,
    severity: 'info' | 'warn' = 'info',
    text = block.text,
  ) => {
    summary.dropped.push({ line: block.line, endLine: text === block.text ? block.endLine : block.line, rule, text });
    summary.droppedChars += text.length;
    report[severity](`${reason}: “${clip(text)}”`, { ruleId: rule, place: block.position ?? positionOf(block) });
  };
  const repairs = emptyRepairs();
  let blocks: Block[] = [];
  for (const block of explodeHeaderLines(raw, lang)) {
    if (block.skip) {
      drop(block, block.skip.rule, block.skip.reason);
      explain(block, { class: 'chrome', rule: block.skip.rule.replace(/^normalize:/, 'ingest:') });
      continue;
    }
    const clean = cleanBlock(block, repairs, { ...options, lang });
    if (clean.text === '') continue;
    if (options.rules?.dropLines?.some((pattern) => pattern.test(clean.text))) {
      drop(clean, 'normalize:source-rule', 'Dropped a line that the config’s source rules (dropLines) name');
      explain(clean, { class: 'chrome', rule: 'chrome:source-rule' });
      continue;
    }
    blocks.push(clean);
  }
  reportRepairs(repairs, report, summary);
  if (blocks.length === 0)
    report.fail('Unexpected empty transcript, expected a title and at least one paragraph', { ruleId: 'normalize:empty' });
  // Footnote texts are not in the reading order of the speech: they go to the end of the document.
  const notes = blocks.filter((block) => block.node?.type === 'footnoteDefinition');
  blocks = blocks.filter((block) => block.node?.type !== 'footnoteDefinition');
  if (blocks.length === 0)
    report.fail('Unexpected transcript made only of footnotes, expected a title and paragraphs', { ruleId: 'normalize:empty' });

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
    lang,
  };
  for (const speaker of options.overrides?.speakers ?? []) registerSpeaker(meta.speakers, { ...speaker });
  const labelOptions = { lang, ...(options.rules?.labels ? { patterns: options.rules.labels } : {}) };
  const labels = new Map<number, boolean>();
  const isLabel = (index: number): boolean => {
    let known = labels.get(index);
    if (known === undefined) {
      const block = blocks[index]!;
      known = !block.node && !isChromeBlock(block.text) && Boolean(parseSpeakerLabel(block.text, meta.speakers, '', labelOptions));
      labels.set(index, known);
    }
    return known;
  };
  const texts = blocks.map((block) => block.text);
  const frame = findFrame(texts, {
    lang,
    ...(options.rules?.dateFormats ? { datePatterns: options.rules.dateFormats } : {}),
    isLabel,
    isHeading: (index) => blocks[index]!.heading === 1,
    lineOf: (index) => blocks[index]!.line,
  });

  // Blocks are filtered below; the source line of the dateline is what the lead is measured against.
  const datelineLine = frame.dateline ? blocks[frame.dateline.index]!.line : 0;
  const title = blocks[frame.title]!;
  meta.title = title.text;
  explain(title, { class: 'title', rule: frame.titleRule });
  summary.keptChars += title.text.length;
  if (frame.dateline) {
    const { value, index } = frame.dateline;
    meta.date = value.date;
    meta.place = value.place;
    meta.time = value.time ?? null;
    meta.timezone = value.timezone ?? null;
    meta.dateline = blocks[index]!.text;
    summary.keptChars += blocks[index]!.text.length;
    explain(blocks[index]!, { class: 'dateline', rule: frame.dateline.rule });
  } else if (frame.dateInText) {
    meta.date = frame.dateInText.date;
    meta.time = frame.dateInText.time;
    meta.place = frame.dateInText.place ?? null;
    report.info(`Took the date ${frame.dateInText.date} from “${clip(blocks[frame.dateInText.index]!.text)}”, as no line is a dateline`, {
      ruleId: 'normalize:date-in-text',
      place: blocks[frame.dateInText.index]!.position,
    });
  } else if (!options.overrides?.date) {
    const near = blocks.slice(0, Math.max(frame.bodyStart, 1) + 2).find((block) => /\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2}/.test(block.text));
    const seen = near ? ` “${clip(near.text)}” (line ${near.line}) holds digits but is not a date line pressroom reads;` : '';
    report.warn(
      `No dateline found near the top;${seen} took “${clip(title.text)}” (line ${title.line}) as the title. Give the date in a sidecar <transcript>.meta.yaml (date: YYYY-MM-DD) or in the config's sources[].dateFormats`,
      { ruleId: 'normalize:no-dateline', place: title.position },
    );
  }
  if (frame.time) {
    const block = blocks[frame.time.index]!;
    meta.time ??= frame.time.time;
    meta.timezone ??= frame.time.timezone;
    summary.keptChars += block.text.length;
    explain(block, { class: 'time', rule: 'time:line' });
  }
  for (const found of [frame.venue, frame.placeLine]) {
    if (!found) continue;
    const block = blocks[found.index]!;
    meta.place ??= found.place;
    summary.keptChars += block.text.length;
    explain(block, { class: 'venue', rule: found === frame.venue ? 'venue:line' : 'venue:place-under-date' });
  }

  if (!meta.place && frame.headerPlace) {
    meta.place = frame.headerPlace.place;
    report.info(`Took the place “${frame.headerPlace.place}” from the masthead line`, {
      ruleId: 'normalize:place-in-masthead',
      place: blocks[frame.headerPlace.index]!.position,
    });
  }
  // Header and footer blocks that are neither title nor date: out of the text, each reported.
  const taken = new Set([frame.title, frame.dateline?.index, frame.time?.index, frame.venue?.index, frame.placeLine?.index]);
  for (const [index, assignment] of [...frame.assigned].sort(([a], [b]) => a - b)) {
    const block = blocks[index]!;
    explain(block, assignment);
    if (assignment.class === 'source') {
      meta.sourceUrl ??= parseSourceLine(block.text) ?? null;
      drop(block, 'normalize:source', 'Took the source line out of the text (source URL kept in the metadata)');
    } else if (assignment.rule === 'footer:closing-dateline') {
      meta.closingDateline = block.text;
      summary.keptChars += block.text.length;
      report.info('Kept the closing dateline as metadata, not as body text', {
        ruleId: 'normalize:closing-dateline',
        place: block.position,
      });
    } else if (assignment.rule === 'footer:end-time') {
      const end = parseTimeLine(block.text)!;
      meta.endTime = end.time;
      meta.timezone ??= end.timezone;
      drop(block, 'normalize:end-time', `Took the end line out of the text (end time ${end.time} kept in the metadata)`);
    } else if (assignment.class === 'repeat') drop(block, 'normalize:repeated-title', 'Removed a repeat of the title');
    else if (assignment.class === 'footer')
      drop(block, 'normalize:footer', `Dropped a footer line after the transcript (${assignment.rule})`);
    else if (index < frame.title || block.line < title.line)
      drop(block, 'normalize:chrome', `Dropped site chrome before the title (${assignment.rule})`);
    else drop(block, 'normalize:chrome-line', `Dropped a site chrome line in the header (${assignment.rule})`);
  }
  const overrides = options.overrides ?? {};
  if (overrides.title) meta.title = overrides.title;
  if (overrides.date) meta.date = overrides.date;
  if (overrides.time) meta.time = overrides.time;
  if (overrides.place) meta.place = overrides.place;

  blocks = blocks.filter((block, index) => {
    if (taken.has(index) || frame.assigned.has(index) || index >= frame.footerStart) return false;
    const source = parseSourceLine(block.text);
    if (source) {
      meta.sourceUrl ??= source;
      drop(block, 'normalize:source', 'Took the source line out of the text (source URL kept in the metadata)');
      explain(block, { class: 'source', rule: 'source:line' });
      return false;
    }
    if (isChromeLine(block.text) || isFooterPhrase(block.text)) {
      drop(block, 'normalize:chrome-line', 'Dropped a site or forum chrome line');
      explain(block, { class: 'chrome', rule: 'chrome:lexicon' });
      return false;
    }
    if (TIMECODE.test(block.text)) {
      drop(block, 'normalize:timecode', 'Dropped a time code line of a transcription service');
      explain(block, { class: 'chrome', rule: 'chrome:timecode' });
      return false;
    }
    return true;
  });

  blocks = dropRepeats(blocks, summary, (block, rule, reason, severity) => {
    drop(block, rule, reason, severity);
    explain(block, { class: 'repeat', rule: 'repeat:block' });
  });

  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: meta.title, position: title.position }], position: title.position },
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
      explain(block, { class: 'separator', rule: 'separator:line' });
      continue;
    }
    summary.keptChars += block.text.length;
    const context = [title.text, ...lead.children.map((node) => toString(node))].join('\n');
    const labelled = block.node ? undefined : parseSpeakerLabel(block.text, meta.speakers, context, labelOptions);
    if (labelled) {
      inLead = false;
      closeTurn(turn, report);
      const speaker = registerSpeaker(meta.speakers, labelled.speaker);
      explain(block, { class: 'label', rule: `label:${labelled.rest ? 'with-text' : 'alone'}` });
      const beyond = labelWordsBeyond(speaker, labelled.label);
      if (beyond.length > 0) {
        // The block was counted as kept above; these words of its label are not.
        summary.keptChars -= beyond.join(' ').length;
        drop(
          block,
          'normalize:label-words',
          `Unexpected words in the speaker label “${labelled.label}”, read as ${speaker.name}: neither the speaker’s name nor role, so left out; check the source`,
          'warn',
          beyond.join(' '),
        );
      }
      turn = { type: 'speakerTurn', speaker, children: [], position: block.position };
      if (labelled.note) turn.note = labelled.note;
      const asker = speaker.question ? findAsker(labelled.rest) : undefined;
      if (asker) turn.asker = asker;
      children.push(turn);
      if (labelled.rest || block.inline) turn.children.push(...contentNodes(block, labelled.rest));
      continue;
    }
    const nodes = contentNodes(block, block.text);
    explain(block, contentClass(nodes, turn ? 'body' : inLead ? 'lead' : 'body'));
    if (turn) {
      if (turn.children.length === 0 && turn.speaker.question && !turn.asker && nodes[0]?.type === 'paragraph') {
        const asker = findAsker(toString(nodes[0]));
        if (asker) turn.asker = asker;
      }
      turn.children.push(...nodes);
      turn.position = span(turn.position!, block.position);
    } else if (inLead && nodes.every((node) => node.type === 'paragraph')) lead.children.push(...(nodes as Paragraph[]));
    else {
      // Anything else ends the lead, so that the order of the page is kept.
      inLead = false;
      children.push(...nodes);
    }
  }
  closeTurn(turn, report);
  const unlabelled = !children.some((node) => node.type === 'speakerTurn');
  const dashes = [...lead.children, ...children].filter((node) => node.type === 'paragraph' && DASH_TURN.test(toString(node))).length;
  const single = unlabelled
    ? (overrides.speakers?.[0] ??
      speakerFromText(
        title.text,
        lead.children.map((node) => toString(node)),
        lang,
      ) ??
      bylineSpeaker(summary.dropped))
    : undefined;
  if (unlabelled && dashes >= 2) {
    // An interview printed with dashes only: the headline ("Teacher Jane Roe: Every child…") or the lead names the interviewee.
    const headline = parseSpeakerLabel(title.text, meta.speakers, '', labelOptions)?.speaker;
    const interviewee = overrides.speakers?.[0] ?? (headline && !headline.generic && !headline.question ? headline : single);
    const asking = parseSpeakerLabel(
      `${QUESTION_WORD[lang.split('-')[0]!] ?? QUESTION_WORD.en}:`,
      meta.speakers,
      '',
      labelOptions,
    )?.speaker;
    if (interviewee && asking?.question) {
      makeDashInterview(children, lead, registerSpeaker(meta.speakers, asking), registerSpeaker(meta.speakers, { ...interviewee }));
      report.info(`Read the paragraphs opened by a dash as an interview: questions, and answers by ${interviewee.name}`, {
        ruleId: 'normalize:dash-interview',
        place: title.position,
      });
    }
  }
  if (!children.some((node) => node.type === 'speakerTurn') && single)
    makeSingleTurn(children, lead, registerSpeaker(meta.speakers, { ...single }), datelineLine);
  else if (
    lead.children.length > 1 &&
    LEAD_FORMULA.test(toString(lead.children[0]!)) &&
    lead.children.slice(1).some((node) => FIRST_PERSON.test(toString(node)))
  ) {
    // "The following is a near-verbatim transcript of … by Jane Roe, Spokesperson": her unlabelled opening is her turn.
    const named = speakerFromText(title.text, [toString(lead.children[0]!)], lang);
    if (named) makeSingleTurn(children, lead, registerSpeaker(meta.speakers, { ...named }), datelineLine);
  }
  if (lead.children.length > 0) {
    const placed = lead.children.filter((node) => node.position);
    if (placed.length > 0) lead.position = span(placed[0]!.position!, placed.at(-1)!.position!);
    children.splice(1, 0, lead);
  }
  for (const note of notes) {
    summary.keptChars += note.text.length;
    children.push(note.node as FootnoteDefinition);
    explain(note, { class: 'note', rule: 'note:footnote' });
  }
  summary.classes.sort((a, b) => a.line - b.line || a.endLine - b.endLine);
  report.info(
    `Kept ${summary.keptChars} characters, dropped ${summary.droppedChars} (${summary.dropped.length} blocks, each reported), repaired ${summary.repairedChars}`,
    { ruleId: 'normalize:summary' },
  );
  return { tree: { type: 'root', children, data: { meta } }, summary };
}

/** The class --explain shows for a block of content: a stage direction or an editor's insertion, else lead or body. */
function contentClass(nodes: readonly TurnContent[], fallback: 'lead' | 'body'): Assignment {
  if (nodes.length === 1 && nodes[0]!.type === 'stageDirection') return { class: 'stage', rule: 'stage:parenthesised' };
  if (nodes.length === 1 && nodes[0]!.type === 'editorialInsertion') return { class: 'editorial', rule: 'editorial:bracketed' };
  return { class: fallback, rule: `${fallback}:${fallback === 'lead' ? 'before-first-turn' : 'text'}` };
}

/** Words of someone speaking, not of a page describing an event: "Good afternoon", "we", "мы", "биз". */
const FIRST_PERSON =
  /(?<![\p{L}])(?:good (?:morning|afternoon|evening)|i|we|my|our|me|us|добрый (?:день|вечер)|доброе утро|я|мы|мой|моя|наш|наша|наши|нас|саламатсыздарбы|мен|биз|менин|биздин)(?![\p{L}])/iu;

/** Lead paragraphs that introduce a speech rather than belong to it: "Below is the text of the speech…". */
const LEAD_FORMULA =
  /\b(?:following is|below is|the text of|transcript of|as delivered|near-verbatim|checked against delivery|delivered (?:a|the|his|her) (?:speech|address|remarks)|made (?:a|the) (?:speech|statement)|ниже приводится|стенограмма|текст выступления|выступил[аи]? с|сөз сүйлөдү|сөзүнүн тексти)/iu;

/**
 * A speech without a single label is one turn of the speaker the page names: the lead keeps only its
 * opening paragraphs that introduce the speech (a formula, or a summary printed above the dateline), and the rest, up to the first node a turn cannot hold,
 * becomes the turn.
 */
function makeSingleTurn(children: RootContent[], lead: Lead, speaker: Speaker, datelineLine: number): void {
  // A speaker rarely says their own full name: a lead paragraph naming them is the page's introduction.
  const surname = speaker.name.split(/\s+/u).at(-1)!.toLowerCase();
  const stem = surname.length > 5 ? surname.slice(0, -2) : surname;
  const introduces = (node: Paragraph) => {
    const text = toString(node);
    return (
      (node.position?.start.line ?? 0) < datelineLine || LEAD_FORMULA.test(text) || (stem.length >= 3 && text.toLowerCase().includes(stem))
    );
  };
  // With a separator under the lead, the page itself says where the introduction ends.
  let keep = children[1]?.type === 'thematicBreak' ? lead.children.length : 0;
  while (keep < lead.children.length && keep < 5 && introduces(lead.children[keep]!)) keep += 1;
  const spoken: TurnContent[] = lead.children.splice(keep);
  let index = 1;
  while (index < children.length && children[index]!.type === 'thematicBreak') index += 1;
  const from = index;
  while (index < children.length && TURN_CONTENT.has(children[index]!.type)) index += 1;
  spoken.push(...(children.splice(from, index - from) as TurnContent[]));
  if (spoken.length === 0) return;
  const placed = spoken.filter((node) => node.position);
  const turn: SpeakerTurn = { type: 'speakerTurn', speaker, children: spoken };
  if (placed.length > 0) turn.position = span(placed[0]!.position!, placed.at(-1)!.position!);
  children.splice(from, 0, turn);
}

/** A speech page's "From: … and The Rt Hon Jane Roe MP" line, dropped with the header, still names the speaker. */
function bylineSpeaker(dropped: readonly Dropped[]): Speaker | undefined {
  for (const entry of dropped) {
    const speaker = entry.rule === 'normalize:chrome' || entry.rule === 'normalize:chrome-line' ? speakerFromByline(entry.text) : undefined;
    if (speaker) return speaker;
  }
  return undefined;
}

/** "- Саламатсызбы…", "– Рахмат.": a paragraph opened by a dash, how some interviews mark their turns. */
const DASH_TURN = /^[-\u2013\u2014]\s+\S/u;
const QUESTION_WORD: Record<string, string> = { en: 'Question', ru: 'Вопрос', ky: 'Суроо' };

/**
 * Dash-marked turns alternate: the first dash paragraph asks, the next answers, and so on; a paragraph
 * without a dash goes on with the turn before it. The lead keeps what comes before the first dash, and the
 * dash itself, which only marked the turn, is taken off.
 */
function makeDashInterview(children: RootContent[], lead: Lead, asking: Speaker, answering: Speaker): void {
  const isDash = (node: RootContent) => node.type === 'paragraph' && DASH_TURN.test(toString(node));
  const firstDash = lead.children.findIndex(isDash);
  const spoken: RootContent[] = firstDash >= 0 ? lead.children.splice(firstDash) : [];
  // Outside the lead, the turns start at the first dash paragraph; what stands before it stays where it is.
  let from = 1;
  if (spoken.length === 0) while (from < children.length && TURN_CONTENT.has(children[from]!.type) && !isDash(children[from]!)) from += 1;
  let index = from;
  while (index < children.length && TURN_CONTENT.has(children[index]!.type)) index += 1;
  spoken.push(...children.splice(from, index - from));
  const turns: SpeakerTurn[] = [];
  let asks = false;
  for (const node of spoken) {
    if (node.type === 'paragraph' && DASH_TURN.test(toString(node))) {
      const first = node.children[0];
      if (first?.type === 'text') first.value = first.value.replace(/^[-\u2013\u2014]\s+/u, '');
      asks = turns.length === 0 ? true : !asks;
      turns.push({ type: 'speakerTurn', speaker: asks ? asking : answering, children: [], position: node.position });
    }
    // `spoken` opens with a dash paragraph, so a turn is always open here.
    const turn = turns.at(-1)!;
    turn.children.push(node as TurnContent);
    if (turn.position && node.position) turn.position = span(turn.position, node.position);
  }
  children.splice(from, 0, ...turns);
}

const TURN_CONTENT = new Set(['paragraph', 'stageDirection', 'editorialInsertion', 'list', 'blockquote']);

/**
 * A block printed as several short lines without a sentence among them (a menu, a release header, title and
 * dateline without a blank line between) is read line by line; a paragraph that is only hard-wrapped is not.
 */
function explodeHeaderLines(raw: readonly TextBlock[], lang: string): TextBlock[] {
  const out: TextBlock[] = [];
  for (const block of raw) {
    const lines = block.lines;
    if (!lines || block.node || block.inline || block.skip || lines.length < 2) {
      out.push(block);
      continue;
    }
    // A scrape that prints one paragraph per line, with a stray blank (or one-space) line somewhere, arrives as
    // one block of complete sentences: each line is a paragraph. A hard-wrapped paragraph ends few of its lines.
    const ended = lines.filter((line) => /[.!?\u2026:;\u00bb\u201d")\]]$/u.test(line.trim())).length;
    const wrapped = lines.some((line, index) => {
      const next = lines[index + 1]?.trim();
      return next !== undefined && !/[.!?\u2026:;\u00bb\u201d")\]]$/u.test(line.trim()) && /^\p{Ll}/u.test(next);
    });
    // Lines cut at one width (all but the last within a few characters of each other) are a wrapped paragraph.
    const widths = lines.slice(0, -1).map((line) => line.trim().length);
    const evenWidth = widths.length >= 2 && Math.min(...widths) >= 50 && Math.max(...widths) - Math.min(...widths) <= 20;
    const paragraphPerLine = !wrapped && !evenWidth && lines.length >= 3 && ended >= Math.ceil(lines.length * 0.6);
    const anchoredLine = (line: string) =>
      Boolean(parseDateline(line, { lang }) || parseTimeLine(line) || isChromeBlock(line) || isFooterPhrase(line) || TIMECODE.test(line));
    const anchored = lines.some((line) => anchoredLine(line.trim()));
    const sentence = lines.some((line) => featuresOf(line.trim()).sentenceEnd);
    const labelAlone = /:\s*$/.test(lines[0]!);
    const long = lines.some((line) => line.length > 120);
    if (!paragraphPerLine && (long || (!anchored && (sentence || labelAlone)))) {
      out.push(block);
      continue;
    }
    // A title wrapped onto a second line ("…with the President of" / "Mongolia") stays one line.
    let current: TextBlock | undefined;
    lines.forEach((printed, offset) => {
      const line = printed.trim();
      if (line === '') return;
      // A long first line of a header ("Remarks by …, moderator" / "Jane Roe at the opening…") is one title wrapped.
      const wrappedTitle =
        current !== undefined &&
        current.text.length >= 50 &&
        !anchoredLine(current.text) &&
        !anchoredLine(line) &&
        !featuresOf(current.text).sentenceEnd;
      if (
        current &&
        (wrappedTitle ||
          /(?:,|\s(?:of|the|and|for|with|to|in|on|at|by|и|в|на|с|по|для|о|жана|менен))$/iu.test(current.text) ||
          /^\p{Ll}/u.test(line))
      ) {
        current.text += ` ${line}`;
        current.endLine = block.line + offset;
        return;
      }
      current = { text: line, line: block.line + offset, endLine: block.line + offset };
      out.push(current);
    });
  }
  return out;
}

/** A label followed straight by another label: the export lost the words, which must be said. */
function closeTurn(turn: SpeakerTurn | undefined, report: Reporter): void {
  if (!turn || turn.children.length > 0) return;
  // Flagged so that readers, renderers and the round trip know the gap is the source's, not ours.
  turn.empty = true;
  report.warn(`Speaker turn “${turn.speaker.name}” has no text; check the source`, {
    ruleId: 'normalize:empty-turn',
    place: turn.position,
  });
}

/**
 * A block's content: the structure ingest gave it (list, block quote), a paragraph with its footnote
 * references, or paragraphs, stage directions and editorial insertions cut from its text.
 */
function contentNodes(block: Block, text: string): TurnContent[] {
  const position = block.position;
  if (block.node && block.node.type !== 'footnoteDefinition') return [block.node];
  if (block.inline) return [{ type: 'paragraph', children: phrasing(block.inline, block.text.length - text.length), position }];
  if (isEditorialInsertion(text)) return [{ type: 'editorialInsertion', value: text, position }];
  return splitStageDirections(text).map((part) =>
    part.stage
      ? { type: 'stageDirection' as const, value: part.value, position }
      : part.editorial
        ? { type: 'editorialInsertion' as const, value: part.value, position }
        : paragraph(part.value, position),
  );
}

/** Text and footnote references, without the first `skip` characters (the speaker label). */
function phrasing(inline: readonly (string | { footnote: string })[], skip: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let left = skip;
  for (const piece of inline) {
    if (typeof piece !== 'string') {
      out.push({ type: 'footnoteReference', identifier: piece.footnote, label: piece.footnote });
      continue;
    }
    const value = left > 0 ? piece.slice(left).replace(/^\s+/, '') : piece;
    left = Math.max(0, left - piece.length);
    if (value) out.push({ type: 'text', value });
  }
  return out;
}

/** Repairs and typography on a block's text and on every text node of its structure. */
function cleanBlock(block: TextBlock, repairs: Repairs, options: NormalizeOptions): Block {
  const counts = new Map<string, number>();
  const policy = { keepNbsp: options.keepNbsp, lang: options.lang };
  const text = normalizeTypography(repairCharacters(block.text, repairs, block.line, options.lang), { ...policy, counts });
  for (const [rule, count] of counts) recordRepair(repairs, rule, block.line, count);
  // The structure's text went through the same repairs once already (as `text`): these are not counted again.
  const quiet = emptyRepairs();
  const fix = (value: string) => {
    const edge = (pattern: RegExp) => (pattern.test(value) ? ' ' : '');
    const fixed = normalizeTypography(repairCharacters(value, quiet, block.line, options.lang), policy);
    return fixed ? edge(/^\s/) + fixed + edge(/\s$/) : edge(/^\s/);
  };
  const clean: Block = { ...block, text, position: positionOf(block) };
  if (block.node) {
    clean.node = structuredClone(block.node);
    visitText(clean.node, (node) => (node.value = fix(node.value)));
  }
  if (block.inline) {
    const pieces = block.inline.map((piece) => (typeof piece === 'string' ? fix(piece) : piece));
    if (typeof pieces[0] === 'string') pieces[0] = pieces[0].trimStart();
    const lastIndex = pieces.length - 1;
    if (typeof pieces[lastIndex] === 'string') pieces[lastIndex] = pieces[lastIndex].trimEnd();
    clean.inline = pieces;
  }
  return clean;
}

function visitText(node: Nodes, visit: (node: { value: string }) => void): void {
  if (node.type === 'text') visit(node);
  if ('children' in node) for (const child of node.children as Nodes[]) visitText(child, visit);
}

function dropRepeats(
  blocks: Block[],
  summary: NormaliseSummary,
  drop: (block: Block, rule: string, reason: string, severity: 'warn') => void,
): Block[] {
  // A label printed alone and an editor's "[…]" legitimately come back; a repeat must hold repeated speech.
  const repeats = findRepeatedRuns(blocks.map((block) => block.text)).filter((repeat) => {
    const spoken = blocks
      .slice(repeat.start, repeat.start + repeat.length)
      .filter((block) => !/:\s*$/u.test(block.text) && !isEditorialInsertion(block.text) && !/^\(.*\)\.?$/u.test(block.text));
    return spoken.reduce((sum, block) => sum + block.text.length, 0) >= 60;
  });
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

const REPAIRS: Record<string, string> = {
  'normalize:soft-hyphen': 'soft hyphens deleted',
  'normalize:zero-width': 'zero-width characters deleted',
  'normalize:nb-hyphen': 'non-breaking hyphens (U+2011) replaced by "-"',
  'normalize:kyrgyz-letter': 'archaic letters replaced by Kyrgyz ө/Ө',
  'normalize:homoglyph': 'look-alike letters from another script replaced',
  'normalize:space': 'no-break, doubled, trailing spaces and tabs folded',
  'normalize:quote': 'straight quotes made typographic',
  'normalize:ellipsis': 'characters of "..." made "…"',
  'normalize:dash': '"--" made "—"',
};

/** One message per kind of repair, with its count and lines: every character the normaliser changed is accounted for. */
function reportRepairs(repairs: Repairs, report: Reporter, summary: NormaliseSummary): void {
  for (const [rule, { count, lines }] of repairs.counts) {
    summary.repairs.push({ rule, count, lines });
    summary.repairedChars += count;
    const where = `line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 12).join(', ')}${lines.length > 12 ? ', …' : ''}`;
    const words =
      rule === 'normalize:homoglyph' ? ` in ${repairs.homoglyphWords.length} words: ${repairs.homoglyphWords.slice(0, 20).join(', ')}` : '';
    const place = { start: { line: lines[0]!, column: 1 }, end: { line: lines[0]!, column: 1 } };
    report[rule === 'normalize:homoglyph' ? 'warn' : 'info'](`${count} ${REPAIRS[rule] ?? rule}${words} (${where})`, {
      ruleId: rule,
      place,
    });
  }
  if (repairs.mixedWords.length > 0)
    report.warn(
      `Unexpected words mixing Latin and Cyrillic letters without look-alikes for all of them, expected one script; left as printed: ${repairs.mixedWords.slice(0, 20).join(', ')}`,
      { ruleId: 'normalize:mixed-script' },
    );
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
