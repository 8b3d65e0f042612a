import { Readability } from '@mozilla/readability';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { parseHTML } from 'linkedom';

/** What readability kept of a page: the page's own elements (of the tree given), and its guesses. */
export interface Article {
  kept: Set<Element>;
  /** The page title readability settled on (from `<title>`, og:title, JSON-LD, the headline). (optional) */
  title: string | undefined;
  /** The publication time readability found in the page's metadata. (optional) */
  publishedTime: string | undefined;
}

/** An attribute carrying each element's index through readability, which rebuilds and renames elements. */
const MARK = 'dataPressroomNode';
const MARK_ATTRIBUTE = 'data-pressroom-node';
/** Never handed to readability: code, and `<noscript>` copies of the article that would win its scoring. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'svg', 'iframe', 'object', 'canvas', 'math']);
/** Real news pages hold 2,000–15,000 elements; beyond this readability's repeated passes cost too much. */
const MAX_ELEMENTS = 60_000;
/**
 * Real pages nest 15–60 elements deep; readability's scoring climbs every ancestor of every paragraph and
 * the serialiser recurses, so a deeper page (a hostile one) is left to the caller's own walker.
 */
const MAX_DEPTH = 200;
/** Below this much text readability has not found an article, only a fragment of a small page. */
const MIN_ARTICLE_CHARACTERS = 200;

/**
 * Finds a saved page's main content with Mozilla's Readability over linkedom (which runs no script).
 * The tree is hast from `hast-util-from-html`: every element goes through readability carrying its
 * index, so that what readability keeps maps back to the elements (and source lines) of the tree, and
 * what it drops silently can still be reported by the caller.
 *
 * @param tree The parsed page; not changed.
 * @returns The elements kept, or undefined when readability finds no article (a tiny page, a huge one).
 */
export function findArticle(tree: Root): Article | undefined {
  const elements: Element[] = [];
  const marked = mark(tree, elements);
  if (!marked || elements.length === 0 || elements.length > MAX_ELEMENTS) return undefined;
  const { document } = parseHTML(toHtml(marked as Root));
  let content: { querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }> } | undefined;
  let title: string | undefined;
  let publishedTime: string | undefined;
  try {
    const reader = new Readability(document as unknown as Document, {
      keepClasses: true,
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (element) => element,
    });
    const result = reader.parse();
    if (!result || (result.length ?? 0) < MIN_ARTICLE_CHARACTERS) return undefined;
    content = result.content as unknown as typeof content;
    title = result.title?.trim() || undefined;
    publishedTime = result.publishedTime?.trim() || undefined;
  } catch {
    // Readability throws on markup it cannot score (and on too many elements); the caller's own walker
    // still reads such a page, so the page is not lost for readability's sake.
    return undefined;
  }
  const kept = new Set<Element>();
  for (const node of content!.querySelectorAll(`[${MARK_ATTRIBUTE}]`)) {
    const element = elements[Number(node.getAttribute(MARK_ATTRIBUTE))];
    if (element) kept.add(element);
  }
  return kept.size > 0 ? { kept, title, publishedTime } : undefined;
}

/** A copy of the tree without code, each element marked with its index in `elements`; undefined when too deep. */
function mark(node: Root, elements: Element[]): Root | undefined {
  let tooDeep = false;
  const copy = (child: RootContent | ElementContent, depth: number): RootContent | undefined => {
    if (child.type !== 'element') return child.type === 'text' || child.type === 'doctype' ? child : undefined;
    if (HIDDEN.has(child.tagName) || tooDeep) return undefined;
    if (depth > MAX_DEPTH || elements.length > MAX_ELEMENTS) {
      tooDeep = true;
      return undefined;
    }
    const index = elements.push(child) - 1;
    return {
      ...child,
      properties: { ...child.properties, [MARK]: String(index) },
      children: child.children.map((inner) => copy(inner, depth + 1)).filter((inner): inner is ElementContent => inner !== undefined),
    };
  };
  const children = node.children.map((child) => copy(child, 1)).filter((child): child is RootContent => child !== undefined);
  return tooDeep ? undefined : { ...node, children };
}
