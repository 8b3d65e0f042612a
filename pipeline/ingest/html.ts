import type { Element, ElementContent, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { BlockContent, FootnoteDefinition, ListItem, Paragraph, PhrasingContent } from 'mdast';
import { InputError } from '../errors.ts';
import { parseDateline } from '../normalize/dateline.ts';
import { isoDate, pageDate, pageTitle, plainDate, type PageFact } from './page-head.ts';
import { findArticle, type Article } from './readability.ts';
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

/** A printed dateline this far into the article is the page's own; no dateline is made from metadata then. */
const DATELINE_REACH = 4;

type Piece = string | { footnote: string };

/** How to read a page. */
export interface HtmlOptions {
  /** Find the main content with readability first (default: true); a Word document has no site chrome. (optional) */
  readability?: boolean;
  /** The transcript's language, for a dateline written from the page's metadata (default: `en`). (optional) */
  lang?: string;
  /** The file's path, for messages (default: `page.html`). (optional) */
  file?: string;
}

/**
 * A saved web page → the blocks of its transcript. The transcript is what Mozilla's Readability keeps of
 * the page (on a page too small for it, the element whose own paragraphs hold the most text). The title
 * (the article's `<h1>`, else `og:title` or `<title>` without the site's name) and the dateline (a
 * `<time>` outside the article, else the page's publication date from its metadata, unless the article
 * prints its own) come first. Lists, block quotes and footnotes keep their structure (mdast nodes on the
 * block). Page chrome and everything readability left out come back as blocks marked `skip`, so that the
 * report names every one.
 *
 * @param html The page's source.
 * @param options How to read it (optional).
 * @returns The blocks in page order, title and dateline first.
 */
export function htmlBlocks(html: string, options: HtmlOptions = {}): TextBlock[] {
  let tree: Root;
  try {
    tree = fromHtml(html);
  } catch (cause) {
    // The parser's tree builder recurses: tens of thousands of unclosed elements exhaust the stack.
    if (!(cause instanceof RangeError)) throw cause;
    throw new InputError(
      options.file ?? 'page.html',
      undefined,
      'Unexpected elements nested deeper than the HTML parser follows, expected a saved web page: save the page again from a browser, or copy its text into a .txt',
      { cause },
    );
  }
  const article = options.readability === false ? undefined : findArticle(tree);
  const page = new Page(tree, article, options.lang ?? 'en');
  page.walk(tree, false);
  page.flush();
  return page.withHead(tree, article);
}

class Page {
  blocks: TextBlock[] = [];
  private run: Piece[] = [];
  private runLine: number | undefined;
  private runInside = true;
  private readonly container: Element | undefined;
  /** What readability kept; when it ran, an element is the transcript's if and only if it is here. */
  private readonly kept: Set<Element> | undefined;
  private readonly title: Element | undefined;
  private readonly time: Element | undefined;
  /** The `<time>` was inside the transcript and printed where it stands. */
  private timePrinted = false;
  /** Inside a list item, quote or note being turned into structure: the caller has said whether it is inside. */
  private within = 0;
  /** Inside a note, whose back-link ("↩", "↑") may sit in its last paragraph (Word's notes through mammoth). */
  private inNote = 0;
  /** Fragment ids that footnote references point to → the number the note is printed with. */
  private readonly notes = new Map<string, string>();
  /** Ids of the references themselves: a note's back-link points to one of them. */
  private readonly refIds = new Set<string>();

  constructor(
    tree: Root,
    article: Article | undefined,
    private readonly lang: string,
  ) {
    this.kept = article && new Set(article.kept);
    this.container = article ? undefined : bestContainer(tree);
    const chrome = (node: Element) => this.isChrome(node);
    const isTime = (node: Element) => node.tagName === 'time' || /(?:^|\s)date(?:$|\s)/.test(className(node));
    const kept = this.kept;
    this.title =
      (kept && find(tree, (node) => node.tagName === 'h1' && kept.has(node), chrome)) ??
      find(tree, (node) => node.tagName === 'h1', chrome);
    this.time = (kept && find(tree, (node) => isTime(node) && kept.has(node), chrome)) ?? find(tree, isTime, chrome);
    if (kept) this.settleArticle(tree, kept);
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
      const here =
        this.within > 0
          ? inside
          : this.kept
            ? this.kept.has(child) || (inside && this.isDateline(child))
            : inside || child === this.container;
      if (this.isNote(child)) this.note(child);
      else if (this.isChrome(child))
        this.skipped(child, { rule: 'normalize:html-chrome', reason: `Dropped page chrome (${describe(child)})` });
      else if (child === this.title || child === this.time) this.headline(child, here);
      else if (child.tagName === 'ul' || child.tagName === 'ol') this.list(child, here);
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
    if (this.inNote > 0 && this.isBackLink(node)) return;
    if (node === this.title || node === this.time) {
      this.headline(node, inside);
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
        if (BLOCK.has(child.tagName) || this.isChrome(child) || this.isNote(child)) {
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

  /**
   * The title goes first (see {@link withHead}), never where it stands; so does a `<time>` outside the
   * transcript (reported where it stands when only its `datetime` is used). A `<time>` inside the transcript
   * is the page's printed dateline and stays where it is, a block of its own.
   */
  private headline(node: Element, inside: boolean): void {
    this.flush();
    if (node !== this.time) return;
    if (inside) {
      this.push(textOf(node), node, true);
      this.timePrinted = true;
    } else if (!this.timeFact()?.verbatim) this.push(textOf(node), node, false);
  }

  /** The `<time>` as printed when it reads as a date, else its `datetime` written plainly (not verbatim). */
  private timeFact(): (PageFact & { verbatim: boolean }) | undefined {
    if (!this.time) return undefined;
    const printed = textOf(this.time).replace(/\s+/g, ' ').trim();
    const iso = isoDate(String(this.time.properties.dateTime ?? ''));
    const line = this.time.position?.start.line ?? 1;
    if (parseDateline(printed, { lang: this.lang }) || (!iso && /\d/.test(printed))) return { text: printed, line, verbatim: true };
    return iso ? { text: plainDate(iso, this.lang), line, verbatim: false } : undefined;
  }

  /**
   * The blocks with the title and the dateline put before the first block of the transcript, so that the
   * normaliser finds them where a printed page has them.
   */
  withHead(tree: Root, article: Article | undefined): TextBlock[] {
    const first = this.blocks.findIndex((block) => !block.skip);
    const head: TextBlock[] = [];
    const title: PageFact | undefined = this.title
      ? { text: textOf(this.title), line: this.title.position?.start.line ?? 1 }
      : pageTitle(tree, article?.title);
    if (title) head.push({ ...this.factBlock(title), ...(this.title ? { heading: 1 } : {}) });
    const date = this.timePrinted ? undefined : this.dateFact(tree, article, first);
    if (date) head.push(this.factBlock(date));
    const at = first < 0 ? this.blocks.length : first;
    return [...this.blocks.slice(0, at), ...head, ...this.blocks.slice(at)];
  }

  private factBlock(fact: PageFact): TextBlock {
    return { text: fact.text.replace(/\s+/g, ' ').trim(), line: fact.line, endLine: fact.line };
  }

  /** The `<time>` as printed (its `datetime` written plainly when the print is no date), else the page's metadata. */
  private dateFact(tree: Root, article: Article | undefined, first: number): PageFact | undefined {
    const time = this.timeFact();
    if (time) return time;
    const opening = this.blocks.slice(Math.max(first, 0)).filter((block) => !block.skip);
    if (opening.slice(0, DATELINE_REACH).some((block) => parseDateline(block.text, { lang: this.lang }))) return undefined;
    const date = pageDate(tree, article?.publishedTime);
    return date && { text: plainDate(date.text, this.lang), line: date.line };
  }

  /**
   * Readability takes an element whose class says "dateline" for a byline and drops it; inside the article
   * such a line is the page's printed dateline and stays where it is.
   */
  private isDateline(node: Element): boolean {
    const text = textOf(node).replace(/\s+/g, ' ').trim();
    return text.length > 0 && text.length <= 200 && parseDateline(text, { lang: this.lang }) !== undefined;
  }

  /**
   * Readability's choice, corrected where it is known to err on transcripts. What it kept before the
   * article's title (a post header, a rubric, breadcrumbs without a class that says so) is not the
   * transcript: a transcript opens with its title. What it dropped between the title and the last block
   * it kept is, when it is prose (links are under a third of its text) or a dateline: its sibling rule
   * loses a short lead ending in a colon ("Following is a transcript of …:") and takes a dateline's
   * class for a byline. Link boxes (share bars, "read also") there stay dropped, and everything is
   * still reported when dropped.
   */
  private settleArticle(tree: Root, kept: Set<Element>): void {
    let firstStart = Infinity;
    let lastEnd = -1;
    for (const element of kept) {
      firstStart = Math.min(firstStart, element.position?.start.offset ?? Infinity);
      lastEnd = Math.max(lastEnd, element.position?.end.offset ?? -1);
    }
    const title = this.title?.position;
    const titled = title?.start.offset !== undefined && title.end.offset !== undefined && title.start.offset < lastEnd;
    const opening = titled ? title.end.offset! : firstStart;
    if (titled)
      for (const element of [...kept])
        if ((element.position?.end.offset ?? Infinity) <= title.start.offset! && !this.isDateline(element)) kept.delete(element);
    const holdsKept = (node: Element): boolean =>
      node.children.some((child) => child.type === 'element' && (kept.has(child) || holdsKept(child)));
    const settle = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element' || CODE.has(child.tagName) || this.isChrome(child) || kept.has(child)) continue;
        const start = child.position?.start.offset ?? -1;
        const end = child.position?.end.offset ?? Infinity;
        if (end <= opening || start >= lastEnd) continue;
        if (holdsKept(child)) settle(child);
        else if (start >= opening && end <= lastEnd && (this.isDateline(child) || isProse(child)))
          for (const inner of [child, ...descendants(child)]) kept.add(inner);
      }
    };
    settle(tree);
  }

  /** Site chrome by tag, class or id; a `<header>` readability kept is the article's own (its title, its date). */
  private isChrome(node: Element): boolean {
    return isChrome(node) && !(node.tagName === 'header' && this.kept?.has(node));
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
    this.within += 1;
    if (note) this.inNote += 1;
    this.walk(content, true);
    this.flush();
    if (note) this.inNote -= 1;
    this.within -= 1;
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

/** Text that is mostly not links: a paragraph, a lead, a quote; not a menu, a share bar or a "read also" box. */
function isProse(node: Element): boolean {
  const text = textOf(node).replace(/\s+/g, '');
  if (!text) return false;
  const linked = all(node, (inner) => inner.tagName === 'a')
    .map((anchor) => textOf(anchor).replace(/\s+/g, '').length)
    .reduce((sum, length) => sum + length, 0);
  return linked / text.length < 1 / 3;
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

function find(node: Root | Element, test: (node: Element) => boolean, chrome: (node: Element) => boolean = isChrome): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element' || CODE.has(child.tagName) || chrome(child)) continue;
    if (test(child)) return child;
    const found = find(child, test, chrome);
    if (found) return found;
  }
  return undefined;
}

function descendants(node: Element): Element[] {
  const out: Element[] = [];
  const stack = [...node.children];
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (child.type !== 'element') continue;
    out.push(child);
    stack.push(...child.children);
  }
  return out;
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
