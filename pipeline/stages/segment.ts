import { documentLanguage } from '../locale/source-language.ts';
import { segmentTree } from '../segment/segment-tree.ts';
import type { Stage } from '../stage.ts';
import type { TranscriptRoot } from '../types.ts';

export const segment: Stage<TranscriptRoot, TranscriptRoot> = (tree, ctx) => {
  // Sentences are cut by the document's language's rules, and segments carry it as their language.
  segmentTree(tree, documentLanguage(tree, ctx.config));
  return tree;
};
