import type { Element, ElementContent, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { BlockContent, FootnoteDefinition, ListItem, Paragraph, PhrasingContent } from 'mdast';
import type { TextBlock } from './read-blocks.ts';

/** Code and widgets: never page text, never reported. */
const CODE = new Set(['head', 'script', 'style', 'template', 'svg', 'iframe', 'object', 'canvas', 'select', 'math']);
/** Page chrome: text a reader sees, but not the transcript's; dropped with a report entry. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'noscript', 'form', 'button', 'dialog']);
const CHROME_CLASS =
  /(?:^|[\s_-])(?:nav|menu|breadcrumbs?|share|social|cookie|banner|related|sidebar|comments?|footer|header|print|tags|widget)(?:$|[\s_-])/i;
const BLOCK = new Set([
  ...['html', 'body', 'main', 'article', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'address', 'pre'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'hr'],
]);
const OUTSIDE = { rule: 'normalize:html-outside', reason: 'Dropped text outside the transcript’s container' };

type Piece = string | { footnote: string };

/**
 * A saved web page → the blocks of its transcript. The transcript is the element whose own paragraphs hold
 * the most text (the readability heuristic); the first `<h1>` and `<time>` outside it give the title and the
 * dateline. Lists, block quotes and footnotes keep their structure (mdast nodes on the block). Page chrome
 * and text outside the transcript come back as blocks marked `skip`, so that the report names every one.
 */
export function htmlBlocks(html: string): TextBlock[] {
  const tree = fromHtml(html);
  const page = new Page(tree);
  page.walk(tree, false);
  page.flush();
  return page.blocks;
}

class Page {
  blocks: TextBlock[] = [];
  private run: Piece[] = [];
  private runLine: number | undefined;
  private runInside = true;
  private readonly container: Element | undefined;
  private readonly title: Element | undefined;
  private readonly time: Element | undefined;
  /** Fragment ids that footnote references point to → the number the note is printed with. */
  private readonly notes = new Map<string, string>();
  /** Ids of the references themselves: a note's back-link points to one of them. */
  private readonly refIds = new Set<string>();

  constructor(tree: Root) {
    this.container = bestContainer(tree);
    this.title = find(tree, (node) => node.tagName === 'h1');
    this.time = find(tree, (node) => node.tagName === 'time' || /(?:^|\s)date(?:$|\s)/.test(className(node)));
    for (const anchor of all(tree, isReference)) {
      const target = decodeURIComponent(String(anchor.properties.href).slice(1));
      if (!this.notes.has(target)) this.notes.set(target, String(this.notes.size + 1));
      if (anchor.properties.id) this.refIds.add(String(anchor.properties.id));
    }
  }

  walk(node: Root | Element, inside: boolean): void {
    for (const child of node.children) {
      if (child.type === 'text') this.inline(child.value, child, inside);
      if (child.type !== 'element' || CODE.has(child.tagName)) continue;
      const here = inside || child === this.container;
      if (this.isNote(child)) this.note(child);
      else if (isChrome(child)) this.skipped(child, { rule: 'normalize:html-chrome', reason: `Dropped page chrome (${describe(child)})` });
      else if ((child === this.title || child === this.time) && !inside) {
        this.flush();
        this.push(textOf(child), child, inside || child === this.title || child === this.time);
      } else if (child.tagName === 'ul' || child.tagName === 'ol') this.list(child, here);
      else if (child.tagName === 'blockquote') this.quote(child, here);
      else if (child.tagName === 'hr') {
        this.flush();
        this.push('* * *', child, here);
      } else if (BLOCK.has(child.tagName)) {
        this.flush();
        this.walk(child, here);
        this.flush();
      } else this.phrasing(child, here);
    }
  }

  /** Inline content joins the current run of text; `<br><br>` ends a paragraph the way `<p>` does. */
  private phrasing(node: Element, inside: boolean): void {
    if ((node === this.title || node === this.time) && !inside) {
      this.flush();
      this.push(textOf(node), node, true);
      return;
    }
    if (node.tagName === 'br') {
      if (this.run.at(-1) === '\n') {
        this.run.pop();
        this.flush();
      } else this.run.push('\n');
      return;
    }
    if (isReference(node) || (node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && isReference(child)))) {
      const anchor = isReference(node) ? node : (node.children.find((child) => child.type === 'element' && isReference(child)) as Element);
      const number = this.notes.get(decodeURIComponent(String(anchor.properties.href).slice(1)));
      if (number) this.run.push({ footnote: number });
      return;
    }
    for (const child of node.children) {
      if (child.type === 'text') this.inline(child.value, child, inside);
      else if (child.type === 'element' && !CODE.has(child.tagName)) {
        if (BLOCK.has(child.tagName) || isChrome(child) || this.isNote(child)) {
          this.flush();
          this.walk({ ...node, children: [child] }, inside);
          this.flush();
        } else this.phrasing(child, inside);
      }
    }
  }

  private inline(value: string, node: Nodes, inside: boolean): void {
    if (value.trim() && this.runLine === undefined) {
      this.runLine = node.position?.start.line;
      this.runInside = inside;
    }
    this.run.push(value);
  }

  /** Ends the current run of inline text as one block (dropped as outside the transcript unless inside it). */
  flush(): void {
    const inside = this.runInside;
    const pieces = this.run.map((piece) => (piece === '\n' ? ' ' : piece));
    const line = this.runLine ?? 1;
    this.run = [];
    this.runLine = undefined;
    const text = pieces
      .filter((piece) => typeof piece === 'string')
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) return;
    const block: TextBlock = { text, line, endLine: line };
    if (pieces.some((piece) => typeof piece !== 'string')) block.inline = mergeText(pieces);
    if (!inside) block.skip = OUTSIDE;
    this.blocks.push(block);
  }

  private push(text: string, node: Element, inside: boolean, extra: Partial<TextBlock> = {}): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return;
    const line = node.position?.start.line ?? 1;
    this.blocks.push({ text: clean, line, endLine: node.position?.end.line ?? line, ...extra, ...(inside ? {} : { skip: OUTSIDE }) });
  }

  private skipped(node: Element, skip: TextBlock['skip']): void {
    this.flush();
    const line = node.position?.start.line ?? 1;
    const text = textOf(node, (inner) => this.isNote(inner))
      .replace(/\s+/g, ' ')
      .trim();
    if (text) this.blocks.push({ text, line, endLine: node.position?.end.line ?? line, skip });
    for (const note of all(node, (inner) => this.isNote(inner))) this.note(note);
  }

  private list(node: Element, inside: boolean): void {
    this.flush();
    const items: ListItem[] = [];
    for (const item of node.children) {
      if (item.type !== 'element' || item.tagName !== 'li') continue;
      if (this.isNote(item)) this.note(item);
      else items.push({ type: 'listItem', spread: false, checked: null, children: this.structure(item) });
    }
    if (items.length === 0) return;
    const ordered = node.tagName === 'ol';
    const start = ordered ? Number(node.properties.start ?? 1) || 1 : null;
    const list: BlockContent = { type: 'list', ordered, start, spread: false, children: items };
    this.push(items.map((item) => plain(item)).join(' '), node, inside, { node: list });
  }

  private quote(node: Element, inside: boolean): void {
    this.flush();
    const children = this.structure(node);
    if (children.length > 0) this.push(children.map(plain).join(' '), node, inside, { node: { type: 'blockquote', children } });
  }

  private isNote(node: Element): boolean {
    return node.properties.id !== undefined && this.notes.has(String(node.properties.id));
  }

  private note(node: Element): void {
    this.flush();
    const children = this.structure(node, true);
    const identifier = this.notes.get(String(node.properties.id))!;
    const definition: FootnoteDefinition = { type: 'footnoteDefinition', identifier, label: identifier, children };
    if (children.length > 0) this.push(children.map(plain).join(' '), node, true, { node: definition });
  }

  /** The blocks inside an element (a list item, a quote, a note) as mdast paragraphs and lists. */
  private structure(node: Element, note = false): BlockContent[] {
    const outer = { blocks: this.blocks, run: this.run, runLine: this.runLine, runInside: this.runInside };
    this.blocks = [];
    this.run = [];
    this.runLine = undefined;
    const content = note ? { ...node, children: node.children.filter((child) => !this.isBackLink(child)) } : node;
    this.walk(content, true);
    this.flush();
    const inner = this.blocks;
    Object.assign(this, outer);
    // Chrome inside an item (a "Share" button) and notes keep their own blocks, outside the structure.
    this.blocks.push(...inner.filter((block) => block.skip || block.node?.type === 'footnoteDefinition'));
    return inner
      .filter((block) => !block.skip && block.node?.type !== 'footnoteDefinition')
      .map((block): BlockContent =>
        block.node && block.node.type !== 'footnoteDefinition' ? block.node : paragraphOf(block.inline ?? [block.text]),
      );
  }

  private isBackLink(node: ElementContent): boolean {
    if (node.type !== 'element' || node.tagName !== 'a') return false;
    const href = String(node.properties.href ?? '');
    return (
      (href.startsWith('#') && this.refIds.has(decodeURIComponent(href.slice(1)))) || /^[\u21a9\u2191^]\ufe0e?$/.test(textOf(node).trim())
    );
  }
}

function paragraphOf(pieces: readonly Piece[]): Paragraph {
  const children: PhrasingContent[] = pieces.map((piece) =>
    typeof piece === 'string'
      ? { type: 'text', value: piece }
      : { type: 'footnoteReference', identifier: piece.footnote, label: piece.footnote },
  );
  return { type: 'paragraph', children };
}

function plain(node: BlockContent | ListItem): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as (BlockContent | ListItem)[]).map(plain).join(' ') : '';
}

/** Adjacent strings become one, with runs of white space folded; references stay where they were. */
function mergeText(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (typeof piece === 'string' && typeof last === 'string') out[out.length - 1] = last + piece;
    else out.push(piece);
  }
  return out.map((piece) => (typeof piece === 'string' ? piece.replace(/\s+/g, ' ') : piece));
}

/** `<a href="#fn1">1</a>`, `<sup><a href="#note-2">[2]</a></sup>`: a link to a note in the same page. */
function isReference(node: Element): boolean {
  if (node.tagName !== 'a') return false;
  const href = String(node.properties.href ?? '');
  return href.length > 1 && href.startsWith('#') && /^\[?(?:\d{1,3}|\*{1,3}|[a-z])\]?$/i.test(textOf(node).trim());
}

function bestContainer(tree: Root): Element | undefined {
  let best: Element | undefined;
  let bestScore = 0;
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element' || CODE.has(child.tagName) || isChrome(child)) continue;
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

function isChrome(node: Element): boolean {
  return (
    CHROME.has(node.tagName) ||
    CHROME_CLASS.test(className(node)) ||
    CHROME_CLASS.test(String(node.properties.id ?? '')) ||
    node.properties.hidden === true
  );
}

/** `<div class="share">`, `<nav>`: how the report names an element. */
function describe(node: Element): string {
  const name = className(node) || String(node.properties.id ?? '');
  return name ? `<${node.tagName} class="${name.slice(0, 40)}">` : `<${node.tagName}>`;
}

function className(node: Element): string {
  const value = node.properties.className;
  return Array.isArray(value) ? value.join(' ') : String(value ?? '');
}

function textOf(node: Nodes, exclude: (node: Element) => boolean = () => false): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && (CODE.has(node.tagName) || exclude(node))) return '';
  if (node.type === 'element' && (node.tagName === 'br' || BLOCK.has(node.tagName)))
    return ` ${node.children.map((child) => textOf(child, exclude)).join('')} `;
  return 'children' in node ? node.children.map((child) => textOf(child, exclude)).join('') : '';
}

function find(node: Root | Element, test: (node: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element' || CODE.has(child.tagName) || isChrome(child)) continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function all(node: Root | Element, test: (node: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element' || CODE.has(child.tagName)) continue;
    if (test(child)) out.push(child);
    else out.push(...all(child, test));
  }
  return out;
}
