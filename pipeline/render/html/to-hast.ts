import type { ElementContent, Text } from 'hast';
import type { Nodes } from 'mdast';
import { PipelineError } from '../../errors.ts';
import type { Translate } from '../../i18n/ui.ts';
import { blockquote } from './handle/blockquote.ts';
import { editorialInsertion } from './handle/editorial-insertion.ts';
import { emphasis, strong } from './handle/emphasis.ts';
import { footnoteDefinition, footnoteReference } from './handle/footnote.ts';
import { heading } from './handle/heading.ts';
import { lead } from './handle/lead.ts';
import { list, listItem } from './handle/list.ts';
import { paragraph } from './handle/paragraph.ts';
import { segment } from './handle/segment.ts';
import { speakerTurn } from './handle/speaker-turn.ts';
import { stageDirection } from './handle/stage-direction.ts';
import { text } from './handle/text.ts';
import { thematicBreak } from './handle/thematic-break.ts';
import type { Handle, RenderState } from './state.ts';

type Handlers = { [Type in Nodes['type']]?: Handle<Extract<Nodes, { type: Type }>> };

export const handlers: Handlers = {
  heading,
  paragraph,
  text,
  emphasis,
  strong,
  thematicBreak,
  segment,
  lead,
  speakerTurn,
  stageDirection,
  editorialInsertion,
  list,
  listItem,
  blockquote,
  footnoteReference,
  footnoteDefinition,
};

/** mdast → hast with one handler per node type; a node nobody handles is an error, never dropped. */
export function toHast(parent: { children: readonly Nodes[] }, lang: string, overrides: Handlers = {}, t?: Translate): ElementContent[] {
  const table: Handlers = { ...handlers, ...overrides };
  const state: RenderState = {
    lang,
    t,
    one(node) {
      const handle = table[node.type] as Handle | undefined;
      if (!handle) throw new PipelineError(`Cannot handle unknown node \`${node.type}\``);
      return handle(node, state);
    },
    all(node) {
      return trimSegmentSpace(node.children.flatMap((child) => state.one(child)));
    },
  };
  return state.all(parent);
}

/**
 * Segments are joined by a space; the last one in a block must not leave it dangling, and a footnote
 * mark sits against the sentence it belongs to, the space after it.
 */
function trimSegmentSpace(nodes: ElementContent[]): ElementContent[] {
  const out = [...nodes];
  for (let index = 1; index < out.length; index += 1) {
    const before = out[index - 1]!;
    const node = out[index]!;
    if (isSpace(before) && node.type === 'element' && node.tagName === 'sup') [out[index - 1], out[index]] = [node, before];
  }
  return isSpace(out.at(-1)) ? out.slice(0, -1) : out;
}

function isSpace(node: ElementContent | undefined): boolean {
  return node?.type === 'text' && (node as Text).value === ' ';
}
