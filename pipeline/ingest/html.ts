import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { TextBlock } from './read-blocks.ts';

/** Elements that never hold the transcript: page chrome, code, widgets, `<noscript>` copies. */
const SKIP = new Set([
  'head',
  'nav',
  'header',
  'footer',
  'aside',
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'button',
  'iframe',
  'svg',
  'select',
]);
const CHROME_CLASS =
  /(?:^|[\s_-])(?:nav|menu|breadcrumbs?|share|social|cookie|banner|related|sidebar|comments?|footer|header|print|tags|widget)(?:$|[\s_-])/i;
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'li', 'dt', 'dd', 'time']);

/**
 * A saved web page → the blocks of its transcript. The body is the element whose own paragraphs hold the
 * most text (the readability heuristic); the first `<h1>` and the first `<time>` outside it give the title
 * and the dateline. Lists become "- " blocks, block quotes keep their paragraphs.
 */
export function htmlBlocks(html: string): TextBlock[] {
  const tree = fromHtml(html);
  const body = bestContainer(tree);
  const title = find(tree, (node) => node.tagName === 'h1');
  const time = find(tree, (node) => node.tagName === 'time' || /(?:^|\s)date(?:$|\s)/.test(className(node)));
  const blocks: TextBlock[] = [];
  const push = (node: Element, prefix = '') => {
    const text = textOf(node).replace(/\s+/g, ' ').trim();
    const line = node.position?.start.line ?? 1;
    if (text) blocks.push({ text: prefix + text, line, endLine: node.position?.end.line ?? line });
  };
  if (title && !(body && contains(body, title))) push(title);
  if (time && !(body && contains(body, time))) push(time);
  if (body) collect(body, (node, inList) => push(node, inList ? '- ' : ''));
  return blocks;
}

function collect(node: Element | Root, visit: (node: Element, inList: boolean) => void, inList = false): void {
  for (const child of node.children) {
    if (child.type !== 'element' || skipped(child)) continue;
    if (BLOCKS.has(child.tagName) && !hasBlockChild(child)) visit(child, child.tagName === 'li' && inList);
    else collect(child, visit, inList || child.tagName === 'ul' || child.tagName === 'ol');
  }
}

function bestContainer(tree: Root): Element | undefined {
  let best: Element | undefined;
  let bestScore = 0;
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element' || skipped(child)) continue;
      const score = child.children.reduce(
        (sum, inner) => sum + (inner.type === 'element' && inner.tagName === 'p' ? textOf(inner).length : 0),
        0,
      );
      if (score > bestScore) {
        best = child;
        bestScore = score;
      }
      walk(child);
    }
  };
  walk(tree);
  return best;
}

function skipped(node: Element): boolean {
  return (
    SKIP.has(node.tagName) ||
    CHROME_CLASS.test(className(node)) ||
    CHROME_CLASS.test(String(node.properties.id ?? '')) ||
    node.properties.hidden === true
  );
}

function className(node: Element): string {
  const value = node.properties.className;
  return Array.isArray(value) ? value.join(' ') : String(value ?? '');
}

function hasBlockChild(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (BLOCKS.has(child.tagName) || child.tagName === 'div'));
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && (SKIP.has(node.tagName) || node.tagName === 'sup')) return '';
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

function find(node: Root | Element, test: (node: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element' || skipped(child)) continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function contains(parent: Element, node: Element): boolean {
  return parent === node || parent.children.some((child) => child.type === 'element' && contains(child, node));
}
