import { segmentTree } from '../segment/segment-tree.ts';
import type { Stage } from '../stage.ts';
import type { TranscriptRoot } from '../types.ts';

export const segment: Stage<TranscriptRoot, TranscriptRoot> = (tree, ctx) => {
  segmentTree(tree, ctx.config.sourceLocale);
  return tree;
};
