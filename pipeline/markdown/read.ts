import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { toString } from 'mdast-util-to-string';
import { InputError } from '../errors.ts';
import type { TextBlock } from '../ingest/read-blocks.ts';
import { isEditorialInsertion, isStageDirection } from '../normalize/chrome.ts';
import type { MetaOverrides } from '../normalize/options.ts';
import { parseEditorMeta } from '../normalize/sidecar.ts';
import { findAsker, labelKey, parseSpeakerLabel } from '../normalize/speaker-label.ts';
import type { DocMeta, Lead, Speaker, SpeakerTurn, TranscriptRoot } from '../types.ts';
import { FENCE_CLOSE, LEAD_OPEN, META_KEYS } from './write.ts';

const FRONT = /^---\n(?<yaml>[\s\S]*?)\n---\n/;

/**
 * Keys that pressroom's normalised Markdown always has (it writes every key of META_KEYS, null when
 * unknown) and an editor's front matter never may (parseEditorMeta refuses them). One of them at the start
 * of a line tells pressroom's own file, even after an editor fixed its title or deleted its null lines.
 * Note: the values are no sign: pressroom writes JSON, which is YAML, and an editor may write JSON too.
 */
const PRESSROOM_ONLY_KEY = /^(?:subtitle|timezone|endTime|dateline|closingDateline|sourceUrl):/m;

/**
 * Pressroom's own Markdown (its front matter has pressroom's keys) reads straight back to the tree. Any
 * other Markdown becomes blocks for the normaliser; an editor's front matter (title, date, time, place,
 * speakers, lang) comes with them as `frontMatter`, which wins over what the normaliser detects.
 */
export function readMarkdown(
  text: string,
  file: string,
  lang: string,
): { tree: TranscriptRoot } | { blocks: TextBlock[]; frontMatter?: MetaOverrides } {
  const front = FRONT.exec(text);
  if (!front?.groups) return { blocks: markdownBlocks(text) };
  if (!PRESSROOM_ONLY_KEY.test(front.groups.yaml!)) {
    const frontMatter = parseEditorMeta(front.groups.yaml!, file, 2);
    // Blank lines in place of the front matter keep the blocks' line numbers those of the file.
    return { blocks: markdownBlocks(front[0].replace(/[^\n]/g, '') + text.slice(front[0].length)), frontMatter };
  }
  const meta = readFrontMatter(front.groups.yaml!, file, lang);
  const lineOffset = front[0].split('\n').length - 1;
  return { tree: { type: 'root', children: readBody(text.slice(front[0].length), meta, lineOffset), data: { meta } } };
}

function readFrontMatter(yaml: string, file: string, lang: string): DocMeta {
  const meta: Record<string, unknown> = { title: '', date: null, place: null, dateline: null, closingDateline: null, speakers: [], lang };
  yaml.split('\n').forEach((line, index) => {
    const match = /^(?<key>[A-Za-z]+): (?<value>.*)$/.exec(line);
    const key = match?.groups?.key as (typeof META_KEYS)[number] | undefined;
    if (!match?.groups || !key || !META_KEYS.includes(key))
      throw new InputError(
        file,
        { line: index + 2, column: 1 },
        `Unexpected front matter line, expected one of ${META_KEYS.join(', ')} followed by ": " and a JSON value`,
      );
    try {
      meta[key] = JSON.parse(match.groups.value!);
    } catch (cause) {
      throw new InputError(
        file,
        { line: index + 2, column: key.length + 3 },
        `Unexpected value for ${key}, expected JSON (a "quoted string", null or a list)`,
        { cause },
      );
    }
  });
  const speakers = meta.speakers;
  if (!Array.isArray(speakers) || !speakers.every((speaker) => typeof speaker?.name === 'string' && typeof speaker?.role === 'string'))
    throw new InputError(file, { line: 2, column: 1 }, 'Unexpected speakers value, expected a list of {"name": …, "role": …}');
  // Markdown written before generic roles existed marks a questioner with `question` alone.
  for (const speaker of speakers as Speaker[]) if (speaker.question && !speaker.generic) speaker.generic = 'question';
  return meta as unknown as DocMeta;
}

/** CommonMark plus GFM footnotes ("[^1]" and "[^1]: text"), which the normalised Markdown writes. */
function parse(text: string) {
  return fromMarkdown(text, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] });
}

function readBody(body: string, meta: DocMeta, lineOffset: number): RootContent[] {
  const nodes = parse(body).children;
  for (const node of nodes) shift(node, lineOffset);
  const out: RootContent[] = [];
  let lead: Lead | undefined;
  let turn: SpeakerTurn | undefined;
  for (const node of nodes) {
    const text = node.type === 'paragraph' ? toString(node) : '';
    if (node.type === 'paragraph' && text === LEAD_OPEN) {
      lead = { type: 'lead', children: [], position: node.position };
      out.push(lead);
      continue;
    }
    if (lead) {
      if (text === FENCE_CLOSE) lead = undefined;
      else if (node.type === 'paragraph') lead.children.push(node);
      continue;
    }
    const first = node.type === 'paragraph' ? node.children[0] : undefined;
    if (node.type === 'paragraph' && first?.type === 'strong') {
      const label = toString(first).replace(/:$/, '');
      turn = { type: 'speakerTurn', speaker: findSpeaker(label, meta.speakers), children: [], position: node.position };
      const note = /\((?<note>[^()]+)\)$/.exec(label)?.groups?.note;
      if (note) turn.note = note;
      const asker = turn.speaker.question
        ? findAsker(toString({ type: 'paragraph', children: node.children.slice(1) }).trimStart())
        : undefined;
      if (asker) turn.asker = asker;
      out.push(turn);
      const rest = node.children.slice(1);
      if (rest[0]?.type === 'text') rest[0] = { ...rest[0], value: rest[0].value.replace(/^ /, '') };
      const content = rest.filter((child) => child.type !== 'text' || child.value !== '');
      if (content.length > 0) turn.children.push({ ...node, children: content });
      continue;
    }
    if (node.type === 'heading' || node.type === 'thematicBreak') turn = undefined;
    const content = node.type === 'paragraph' && node.children.every((child) => child.type === 'text') ? typed(node, text) : node;
    if (turn && turn.speaker.question && !turn.asker && turn.children.length === 0 && content.type === 'paragraph') {
      const asker = findAsker(toString(content));
      if (asker) turn.asker = asker;
    }
    if (turn && TURN_CONTENT.has(content.type)) turn.children.push(content as SpeakerTurn['children'][number]);
    else out.push(content);
  }
  // A label with no text before the next label: the normaliser flagged it empty, and so does the reader.
  for (const node of out) if (node.type === 'speakerTurn' && node.children.length === 0) node.empty = true;
  return out;
}

const TURN_CONTENT = new Set(['paragraph', 'stageDirection', 'editorialInsertion', 'list', 'blockquote']);

function typed(node: Paragraph, text: string): RootContent & { type: 'paragraph' | 'stageDirection' | 'editorialInsertion' } {
  if (isStageDirection(text)) return { type: 'stageDirection', value: text, position: node.position };
  if (isEditorialInsertion(text)) return { type: 'editorialInsertion', value: text, position: node.position };
  return node;
}

function findSpeaker(label: string, speakers: Speaker[]): Speaker {
  const bare = label.replace(/\s*\([^()]+\)$/, '');
  const key = labelKey(bare);
  const known = speakers.find((speaker) => labelKey([speaker.role, speaker.name].filter(Boolean).join(' ')) === key);
  if (known) return known;
  const parsed = parseSpeakerLabel(`${bare}:`, speakers)?.speaker ?? { name: bare, role: '' };
  speakers.push(parsed);
  return parsed;
}

/**
 * Markdown from elsewhere (an editor's file without front matter): each block's text, for the normaliser;
 * lists, block quotes and footnotes keep their structure, paragraphs their footnote references.
 */
function markdownBlocks(text: string): TextBlock[] {
  return parse(text).children.flatMap((node): TextBlock[] => {
    const line = node.position?.start.line ?? 1;
    const endLine = node.position?.end.line ?? line;
    if (node.type === 'thematicBreak') return [{ text: '* * *', line, endLine }];
    const value = toString(node).replace(/\s*\n\s*/g, ' ');
    if (!value) return [];
    if (node.type === 'list' || node.type === 'blockquote' || node.type === 'footnoteDefinition')
      return [{ text: value, line, endLine, node }];
    if (node.type === 'paragraph' && node.children.some((child) => child.type === 'footnoteReference'))
      return [{ text: value, line, endLine, inline: node.children.map(inlinePiece) }];
    return [{ text: value, line, endLine }];
  });
}

function inlinePiece(node: PhrasingContent): string | { footnote: string } {
  return node.type === 'footnoteReference' ? { footnote: node.identifier } : toString(node).replace(/\s*\n\s*/g, ' ');
}

function shift(node: RootContent, lines: number): void {
  if (node.position) {
    node.position.start = { ...node.position.start, line: node.position.start.line + lines };
    node.position.end = { ...node.position.end, line: node.position.end.line + lines };
  }
  if ('children' in node) for (const child of node.children as RootContent[]) shift(child, lines);
}
