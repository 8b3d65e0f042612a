import type { Element, Nodes, Root } from 'hast';

/** A text node of a page, with the language it is shown in (its nearest ancestor's `lang`). */
export interface PlacedText {
  text: string;
  lang: string;
  /** Inside the document's own text (`article`, or the title `h1`) rather than the page's chrome. */
  inArticle: boolean;
  /** The elements above it, for messages: ` > body > main > p`. */
  path: string;
}

/** Every text node with letters, with the language of its nearest ancestor that has `lang`. */
export function textLanguages(tree: Root): PlacedText[] {
  const out: PlacedText[] = [];
  const visit = (node: Nodes, lang: string, inArticle: boolean, trail: string): void => {
    if (node.type === 'text') {
      if (/\p{L}/u.test(node.value)) out.push({ text: node.value, lang, inArticle, path: trail });
      return;
    }
    if (node.type !== 'root' && node.type !== 'element') return;
    const element = node.type === 'element' ? (node as Element) : undefined;
    // Not shown as text: scripts, styles and the hidden JSON-LD.
    if (element && (element.tagName === 'script' || element.tagName === 'style')) return;
    const own = element?.properties.lang;
    const here = typeof own === 'string' && own ? own : lang;
    const article = inArticle || element?.tagName === 'article' || element?.tagName === 'h1';
    for (const child of node.children) visit(child as Nodes, here, article, element ? `${trail} > ${element.tagName}` : trail);
  };
  visit(tree, '', false, '');
  return out;
}
