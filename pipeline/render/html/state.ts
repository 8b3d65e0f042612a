import type { ElementContent } from 'hast';
import type { Nodes } from 'mdast';

export interface RenderState {
  /** Language of the document being rendered; text in another language gets its own `lang`. */
  lang: string;
  all(parent: { children: readonly Nodes[] }): ElementContent[];
  one(node: Nodes): ElementContent[];
}

export type Handle<Node extends Nodes = Nodes> = (node: Node, state: RenderState) => ElementContent[];
