import type { Heading, Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import type { Segment, SegmentKind } from '../types.ts';
import { createSegmentIds } from './ids.ts';
import { splitSentences } from './split.ts';

/**
 * Replaces the text of every heading and paragraph with sentence segments, and gives every stage direction
 * and editorial insertion one segment of its text: every string a reader sees goes through translation and
 * is reported when it falls back. Paragraphs hold plain text at this point (the normaliser emits nothing
 * else), so the sentence cut is made on mdast-util-to-string. Segments that are not speech carry their
 * kind (the title, a heading, a footnote…).
 */
export function segmentTree(tree: Root, lang: string): Segment[] {
  const nextId = createSegmentIds();
  const segments: Segment[] = [];
  const visit = (node: Root | Root['children'][number], kind: SegmentKind | undefined): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const own = node.type === 'heading' ? (node.depth === 1 ? 'title' : 'heading') : kind;
      segmentBlock(node, lang, nextId, segments, own);
      return;
    }
    if (node.type === 'stageDirection' || node.type === 'editorialInsertion') {
      if (node.children?.length || !node.value.trim()) return;
      const text = node.value.trim();
      const segment = makeSegment(text, lang, nextId, node.position, node.type === 'stageDirection' ? 'stage-direction' : 'editorial');
      node.children = [segment];
      segments.push(segment);
      return;
    }
    const inner = node.type === 'footnoteDefinition' ? 'footnote' : kind;
    if ('children' in node) for (const child of node.children as Root['children']) visit(child, inner);
  };
  visit(tree, undefined);
  return segments;
}

function makeSegment(
  text: string,
  lang: string,
  nextId: (text: string) => string,
  position: Position | undefined,
  kind: SegmentKind | undefined,
): Segment {
  return {
    type: 'segment',
    id: nextId(text),
    source: text,
    status: 'source',
    lang,
    ...(kind ? { kind } : {}),
    children: [{ type: 'text', value: text }],
    position,
  };
}

function segmentBlock(
  node: Paragraph | Heading,
  lang: string,
  nextId: (text: string) => string,
  out: Segment[],
  kind: SegmentKind | undefined,
): void {
  if (node.children.some((child) => child.type === 'segment')) return;
  // A footnote reference stays where it was, between the segments of the text around it.
  const runs: (PhrasingContent[] | PhrasingContent)[] = [];
  for (const child of node.children) {
    if (child.type === 'footnoteReference') runs.push(child);
    else if (Array.isArray(runs.at(-1))) (runs.at(-1) as PhrasingContent[]).push(child);
    else runs.push([child]);
  }
  let column = node.position?.start.column ?? 1;
  node.children = runs.flatMap((run): PhrasingContent[] => {
    if (!Array.isArray(run)) return [run];
    const sentences = splitSentences(toString({ type: 'paragraph', children: run }).trim(), lang);
    return sentences.map((sentence): PhrasingContent => {
      const position: Position | undefined = node.position && {
        start: { line: node.position.start.line, column },
        end: { line: node.position.start.line, column: column + sentence.length },
      };
      column += sentence.length + 1;
      const segment = makeSegment(sentence, lang, nextId, position, kind);
      out.push(segment);
      return segment;
    });
  });
}
