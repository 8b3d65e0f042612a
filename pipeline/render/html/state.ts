import type { ElementContent } from 'hast';
import type { Nodes } from 'mdast';
import type { Translate } from '../../i18n/ui.ts';

export interface RenderState {
  /** Language of the document being rendered; text in another language gets its own `lang`. */
  lang: string;
  /** The locale's UI strings: generic speaker roles ("Question", "Реплика") print in the page's language. */
  t?: Translate;
  all(parent: { children: readonly Nodes[] }): ElementContent[];
  one(node: Nodes): ElementContent[];
}

export type Handle<Node extends Nodes = Nodes> = (node: Node, state: RenderState) => ElementContent[];
