import type { BlockContent, Paragraph, Root, RootContent } from 'mdast';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { DocMeta, SpeakerTurn, TranscriptRoot, TurnContent } from '../types.ts';

/** Keys written to the front matter, in this order; values are JSON, which YAML reads too. */
export const META_KEYS = [
  'title',
  'subtitle',
  'date',
  'time',
  'timezone',
  'endTime',
  'place',
  'dateline',
  'closingDateline',
  'sourceUrl',
  'lang',
  'sourceLang',
  'speakers',
] as const satisfies readonly (keyof DocMeta)[];

export const LEAD_OPEN = ':::lead';
export const FENCE_CLOSE = ':::';

/** The label a turn is printed with: the canonical role and name, and the interpreter note. */
export function turnLabel(turn: SpeakerTurn): string {
  const label = [turn.speaker.role, turn.speaker.name].filter(Boolean).join(' ');
  return turn.note ? `${label} (${turn.note})` : label;
}

/**
 * The normalised Markdown: YAML front matter with the metadata, then CommonMark in which a turn starts
 * with a paragraph led by its bold label, the lead sits between `:::lead` and `:::`, and stage directions
 * and editorial insertions are paragraphs of their own. pressroom reads it back to the same tree.
 */
export function writeNormalisedMarkdown(tree: TranscriptRoot): string {
  const meta = tree.data.meta;
  const front = META_KEYS.map((key) => `${key}: ${JSON.stringify(meta[key] ?? null)}`).join('\n');
  const body: Root = { type: 'root', children: tree.children.flatMap(flatten) };
  // Lists, block quotes and footnotes are CommonMark/GFM; an unknown node makes toMarkdown throw.
  const markdown = toMarkdown(body, { bullet: '-', rule: '*', ruleSpaces: true, ruleRepetition: 3, extensions: [gfmFootnoteToMarkdown()] });
  return `---\n${front}\n---\n\n${markdown}`;
}

function flatten(node: RootContent): RootContent[] {
  if (node.type === 'lead') return [marker(LEAD_OPEN), ...node.children.map(plain), marker(FENCE_CLOSE)];
  if (node.type === 'speakerTurn') {
    const [first, ...rest] = node.children.map(plain);
    const strong = { type: 'strong' as const, children: [{ type: 'text' as const, value: `${turnLabel(node)}:` }] };
    if (first?.type === 'paragraph' && node.children[0]!.type === 'paragraph')
      return [{ type: 'paragraph', children: [strong, { type: 'text', value: ' ' }, ...first.children] }, ...rest];
    return [{ type: 'paragraph', children: [strong] }, ...(first ? [first] : []), ...rest];
  }
  if (node.type === 'stageDirection' || node.type === 'editorialInsertion') return [plain(node)];
  return [node];
}

function plain(node: TurnContent): Paragraph | BlockContent {
  if (node.type === 'stageDirection' || node.type === 'editorialInsertion')
    return { type: 'paragraph', children: [{ type: 'text', value: node.value }] };
  return node;
}

function marker(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}
