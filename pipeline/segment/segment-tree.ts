import type { Heading, Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import type { Segment } from '../types.ts';
import { createSegmentIds } from './ids.ts';
import { splitSentences } from './split.ts';

/**
 * Replaces the text of every heading and paragraph with sentence segments. Paragraphs hold plain text
 * at this point (the normaliser emits nothing else), so the sentence cut is made on mdast-util-to-string.
 */
export function segmentTree(tree: Root, lang: string): Segment[] {
  const nextId = createSegmentIds();
  const segments: Segment[] = [];
  const visit = (node: Root | Root['children'][number]): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      segmentBlock(node, lang, nextId, segments);
      return;
    }
    if ('children' in node) for (const child of node.children as Root['children']) visit(child);
  };
  visit(tree);
  return segments;
}

function segmentBlock(node: Paragraph | Heading, lang: string, nextId: (text: string) => string, out: Segment[]): void {
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
      const segment: Segment = {
        type: 'segment',
        id: nextId(sentence),
        source: sentence,
        status: 'source',
        lang,
        children: [{ type: 'text', value: sentence }],
        position,
      };
      out.push(segment);
      return segment;
    });
  });
}
