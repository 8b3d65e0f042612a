/**
 * The one TMX reader: a one-pass scanner, no tree, no regular expression over the whole file. It reads a
 * strict subset of well-formed XML (no internal DTD subset or processing instruction after the declaration;
 * comments without references or `--`; CDATA only inside elements below <tuv> and <prop>; attributes
 * quoted, without `<` or line breaks, references limited to the five predefined and allowed numeric ones)
 * and refuses anything else with the offset and what it found ({@link TmxRefusal}). `parseTmx` then runs
 * the validating parser only to word the diagnostic of a malformed file (entity declarations, size, depth,
 * mismatched tags), never to read one. Every unit comes with its offsets in the text (`place.offset` to
 * `end`), its `<prop>`s and the offsets of its variants' `<seg>` content, so that a merge can splice
 * (xliff/tmx-merge.ts) and the context reader can use the props (tm/context.ts). Whatever it reads it reads
 * as the validating tree parser would (test/unit/tmx-scan.test.ts checks both against each other).
 */

/** Attributes by name, as written (nothing to decode: values with `&` are left to the tree path). */
export type Attributes = Record<string, string>;

export interface ScannedTuv {
  attributes: Attributes;
  /** The raw content of the first `<seg>`, inline markup and references as written; undefined without one. */
  seg: string | undefined;
  /** Offsets of the `<tuv` and past its end tag, and of the first `<seg>`'s content (absent without one). */
  start: number;
  end: number;
  segStart?: number;
  segEnd?: number;
  /** A self-closing `<seg/>`: where the tag starts and ends (its content offsets are both its end). */
  emptySeg?: { start: number; end: number };
}

/** A `<prop type="…">` of a unit: its raw content (references as written) and its offsets, tag to end tag. */
export interface ScannedProp {
  type: string;
  value: string;
  start: number;
  end: number;
}

export interface ScannedTu {
  attributes: Attributes;
  /** Where the `<tu` starts: line and column (1-based) and offset in the text. */
  place: { line: number; column: number; offset: number };
  /** The offset just past `</tu>` (or `/>`): `text.slice(place.offset, end)` is the unit as written. */
  end: number;
  /** Offset just past the `<tu …>` start tag. */
  openEnd: number;
  props: ScannedProp[];
  tuvs: ScannedTuv[];
}

export interface ScannedTmx {
  header: Attributes | undefined;
  /** Offsets of the `<header` and just past its start tag (or `/>`), and of `</body>`: where a merge writes. */
  headerStart: number;
  headerOpenEnd: number;
  headerSelfClosing: boolean;
  /** Just past `</header>` (or the `/>`). */
  headerEnd: number;
  /** Where `</body>` starts, or where `<body/>` starts when `bodySelfClosing`. */
  bodyEnd: number;
  bodySelfClosing: boolean;
  units: ScannedTu[];
}

/** Why the scanner would not read a text, and where: a construct outside its subset, or malformed XML. */
export class TmxRefusal {
  constructor(
    readonly at: number,
    readonly reason: string,
    /** The root element is not <tmx>: not a TMX file at all. */
    readonly wrongRoot = false,
  ) {}
}

/** As in parseUntrustedXml: a larger file or deeper nesting is refused there, with its diagnostic. */
const MAX_CHARACTERS = 64 * 1024 * 1024;
const MAX_DEPTH = 100;
// Either quote is XML (`<?xml version='1.0' encoding='UTF-8'?>` is how some exporters and Python write it).
const DECLARATION =
  /<\?xml\s+version\s*=\s*(?:"1\.[0-9]"|'1\.[0-9]')(?:\s+encoding\s*=\s*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:\s+standalone\s*=\s*(?:"(?:yes|no)"|'(?:yes|no)'))?\s*\?>/y;
/** A DOCTYPE naming an external DTD, which is never read; an internal subset is refused (the validator words why). */
const DOCTYPE = /<!DOCTYPE\s+[A-Za-z_][\w.:-]*(?:\s+(?:SYSTEM\s+"[^"<>&[\]]*"|PUBLIC\s+"[^"<>&[\]]*"\s+"[^"<>&[\]]*"))?\s*>/y;
const UNUSUAL_COMMENT = /&|--/;
/** Attribute values that would upset the tree parser's depth count. */
const UNUSUAL_VALUE = /[<>]/;
/** What XML's attribute-value normalisation turns into a space (a CRLF pair into one). */
const VALUE_WHITE_SPACE = /\r\n?|[\n\t]/g;
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7}));/y;
const PREDEFINED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** Elements whose place in the tree the reader relies on: met anywhere else, the tree path decides. */
const STRUCTURAL = new Set(['tmx', 'header', 'body', 'tu', 'tuv', 'seg']);

interface Tag {
  name: string;
  attributes: Attributes;
  selfClosing: boolean;
  /** Where its `<` is. */
  start: number;
}

/**
 * The TMX in `text` as units with raw segments, or undefined when the file needs the full parser. With
 * `onUnit`, each unit is handed over as soon as it is read and not collected (`units` stays empty): the
 * reader converts it while it is young, instead of keeping a second tree of a large memory alive. A
 * caller that receives units must still discard them when the scan ends in undefined.
 */
export function scanTmx(text: string, onUnit?: (unit: ScannedTu) => void): ScannedTmx | undefined {
  const read = readTmxText(text, onUnit);
  return read instanceof TmxRefusal ? undefined : read;
}

/** As scanTmx, but a text it does not read gives the refusal: where, and what it found there. */
export function readTmxText(text: string, onUnit?: (unit: ScannedTu) => void): ScannedTmx | TmxRefusal {
  if (text.length > MAX_CHARACTERS) return new TmxRefusal(MAX_CHARACTERS, `file of ${text.length} characters`);
  try {
    return new Scanner(text, onUnit).document();
  } catch (error) {
    if (error instanceof TmxRefusal) return error;
    throw error;
  }
}

class Scanner {
  private at = 0;
  private depth = 0;
  // Line bookkeeping for unit places, advanced only forwards: the same figures as elementPlaces(text, 'tu').
  private line = 1;
  private lineStart = 0;
  private counted = 0;
  // The next `&`, `]]>` and line break at or after the scan position: searched once each, never rescanned.
  private nextAmpersand = -1;
  private nextCdataEnd = -1;
  private nextNewline = -1;
  private headerStart = -1;
  private headerOpenEnd = -1;
  private headerSelfClosing = false;
  private headerEnd = -1;
  private bodyEnd = -1;
  private bodySelfClosing = false;

  constructor(
    private readonly text: string,
    private readonly onUnit: ((unit: ScannedTu) => void) | undefined,
  ) {}

  document(): ScannedTmx {
    const text = this.text;
    DECLARATION.lastIndex = 0;
    if (DECLARATION.test(text)) this.at = DECLARATION.lastIndex;
    this.misc();
    this.prologInstructions();
    DOCTYPE.lastIndex = this.at;
    if (DOCTYPE.test(text)) {
      this.at = DOCTYPE.lastIndex;
      this.misc();
    }
    const root = this.openTag();
    if (root.name !== 'tmx' || root.selfClosing) throw new TmxRefusal(0, `root element <${root.name}>`, true);
    let header: Attributes | undefined;
    let body = false;
    this.depth = 1;
    for (let tag = this.child('tmx'); tag; tag = this.child('tmx')) {
      if (tag.name === 'header' && !header && !body) {
        header = tag.attributes;
        this.headerStart = tag.start;
        this.headerOpenEnd = this.at;
        this.headerSelfClosing = tag.selfClosing;
        if (!tag.selfClosing) this.generic('header');
        this.headerEnd = this.at;
      } else if (tag.name === 'body' && header && !body) {
        body = true;
        if (!tag.selfClosing) this.body();
        else {
          this.bodyEnd = tag.start;
          this.bodySelfClosing = true;
        }
      } else throw this.refuse(tag.start, `<${tag.name}> ${header ? 'after <header>' : 'before <header>'}`);
    }
    for (let lt = text.indexOf('<', this.at); lt !== -1; lt = text.indexOf('<', this.at)) {
      this.space(lt);
      if (!isComment(text, lt)) throw this.refuse(lt, 'markup after </tmx>');
      this.comment();
    }
    this.space(text.length);
    if (!body) throw this.refuse(this.at, '<tmx> without <body>');
    return {
      header,
      headerStart: this.headerStart,
      headerOpenEnd: this.headerOpenEnd,
      headerSelfClosing: this.headerSelfClosing,
      headerEnd: this.headerEnd,
      bodyEnd: this.bodyEnd,
      bodySelfClosing: this.bodySelfClosing,
      units: this.units,
    };
  }

  private readonly units: ScannedTu[] = [];

  /**
   * Processing instructions before the root (`<?xml-stylesheet …?>`, which exports made to be viewed in a
   * browser carry): skipped. Anywhere else one is still refused; `<?xml …?>` here is a misplaced declaration.
   */
  private prologInstructions(): void {
    const text = this.text;
    while (text.startsWith('<?', this.at) && !/^<\?xml[\s?]/i.test(text.slice(this.at, this.at + 6))) {
      const end = text.indexOf('?>', this.at + 2);
      if (end === -1) throw this.refuse(this.at, 'a processing instruction without its end');
      this.at = end + 2;
      this.misc();
    }
  }

  private refuse(at: number, reason: string): TmxRefusal {
    return new TmxRefusal(at, reason);
  }

  /**
   * The next child of the element entered last, named `name`: the child's start tag read, or undefined
   * once its end tag `</name>` is read and the element left.
   */
  private child(name: string): Tag | undefined {
    this.misc();
    if (!this.closing(name)) return this.openTag();
    this.depth -= 1;
    return undefined;
  }

  /** A child that <tu> and <tuv> do not read: refused if it is TMX structure, else skipped whole. */
  private skip(tag: Tag, parent: string): void {
    if (STRUCTURAL.has(tag.name)) throw this.refuse(tag.start, `<${tag.name}> in <${parent}>`);
    if (!tag.selfClosing) this.generic(tag.name);
  }

  private body(): void {
    this.enter();
    for (let tag = this.child('body'); tag; tag = this.child('body')) {
      if (tag.name !== 'tu') throw this.refuse(tag.start, `<${tag.name}> in <body>`);
      const unit: ScannedTu = {
        attributes: tag.attributes,
        place: this.place(tag.start),
        end: this.at,
        openEnd: this.at,
        props: [],
        tuvs: [],
      };
      if (!tag.selfClosing) this.tu(unit);
      unit.end = this.at;
      if (this.onUnit) this.onUnit(unit);
      else this.units.push(unit);
    }
    this.bodyEnd = this.at - '</body>'.length;
  }

  private tu(unit: ScannedTu): void {
    this.enter();
    for (let tag = this.child('tu'); tag; tag = this.child('tu')) {
      if (tag.name === 'tuv') {
        const tuv: ScannedTuv = { attributes: tag.attributes, seg: undefined, start: tag.start, end: this.at };
        unit.tuvs.push(tuv);
        if (!tag.selfClosing) this.tuv(tuv);
        tuv.end = this.at;
      } else if (tag.name === 'prop') {
        const contentStart = this.at;
        if (!tag.selfClosing) this.generic('prop');
        const value = tag.selfClosing ? '' : this.text.slice(contentStart, this.at - '</prop>'.length);
        unit.props.push({ type: tag.attributes.type ?? '', value, start: tag.start, end: this.at });
      } else this.skip(tag, 'tu');
    }
  }

  private tuv(tuv: ScannedTuv): void {
    this.enter();
    for (let tag = this.child('tuv'); tag; tag = this.child('tuv')) {
      if (tag.name === 'seg' && tuv.seg === undefined) {
        if (tag.selfClosing) {
          // An empty variant as XML writes it (an untranslated target in some exports): empty content,
          // and the tag itself for a merge, which must write `<seg>…</seg>` in its place.
          tuv.seg = '';
          tuv.segStart = tuv.segEnd = this.at;
          tuv.emptySeg = { start: tag.start, end: this.at };
          continue;
        }
        const contentStart = this.at;
        this.generic('seg');
        const contentEnd = this.at - '</seg>'.length;
        tuv.seg = this.text.slice(contentStart, contentEnd);
        tuv.segStart = contentStart;
        tuv.segEnd = contentEnd;
      } else this.skip(tag, 'tuv');
    }
  }

  /** Any well-formed content up to `</name>`: text with checked references, CDATA and non-structural elements. */
  private generic(name: string): void {
    this.enter();
    const stack = [name];
    for (;;) {
      const lt = this.next();
      this.text_(lt);
      if (isComment(this.text, lt)) {
        this.comment();
        continue;
      }
      if (this.text.startsWith('<![CDATA[', lt)) {
        const end = this.text.indexOf(']]>', lt + 9);
        if (end === -1) throw this.refuse(lt, 'a CDATA section without its end');
        this.at = end + 3;
        continue;
      }
      if (this.text.charCodeAt(lt + 1) === 0x2f) {
        if (!this.closing(stack[stack.length - 1]!)) throw this.refuse(lt, `an end tag other than </${stack[stack.length - 1]!}>`);
        stack.pop();
        this.depth -= 1;
        if (stack.length === 0) return;
      } else {
        const tag = this.openTag();
        if (STRUCTURAL.has(tag.name)) throw this.refuse(lt, `<${tag.name}> in <${stack[stack.length - 1]!}>`);
        if (!tag.selfClosing) {
          stack.push(tag.name);
          this.enter();
        }
      }
    }
  }

  /** The position of the next `<`; `at` stays at the start of the text before it. */
  private next(): number {
    const lt = this.text.indexOf('<', this.at);
    if (lt === -1) throw this.refuse(this.text.length, 'the end of the file before the last element closed');
    return lt;
  }

  /** White space and comments up to the next tag; `at` is left on its `<`. */
  private misc(): void {
    for (;;) {
      this.space(this.next());
      if (!isComment(this.text, this.at)) return;
      this.comment();
    }
  }

  /** A comment at `at`, taken only when its text holds no `&` or `--` (which the validator's checks would see). */
  private comment(): void {
    const end = this.text.indexOf('-->', this.at + 4);
    if (end === -1) throw this.refuse(this.at, 'a comment without its end');
    const content = this.text.slice(this.at + 4, end);
    if (UNUSUAL_COMMENT.test(content) || content.endsWith('-')) throw this.refuse(this.at, 'a comment with “&” or “--”');
    this.at = end + 3;
  }

  /** Text up to `end` that may only be white space (between structural elements). */
  private space(end: number): void {
    for (let at = this.at; at < end; at += 1) if (!isSpace(this.text.charCodeAt(at))) throw this.refuse(at, 'text between elements');
    this.at = end;
  }

  /** Character data up to `end`: every `&` must start an allowed reference. */
  private text_(end: number): void {
    const text = this.text;
    for (let amp = this.ampersand(this.at); amp < end; amp = this.ampersand(amp + 1)) {
      REFERENCE.lastIndex = amp;
      const match = REFERENCE.exec(text);
      if (!match || REFERENCE.lastIndex > end) throw this.refuse(amp, 'a reference other than &amp; &lt; &gt; &quot; &apos; or &#…;');
      const hex = match[1];
      const decimal = match[2];
      if (hex !== undefined || decimal !== undefined) {
        const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
        if (!allowedCharacter(code)) throw this.refuse(amp, `character reference ${match[0]}`);
      }
    }
    if (this.nextCdataEnd < this.at) this.nextCdataEnd = position(this.text.indexOf(']]>', this.at));
    if (this.nextCdataEnd < end) throw this.refuse(this.nextCdataEnd, '“]]>” in text');
    this.at = end;
  }

  /** `</name>` at `at`, exactly; advances past it when present. */
  private closing(name: string): boolean {
    const text = this.text;
    const at = this.at;
    if (text.charCodeAt(at + 1) !== 0x2f) return false;
    if (!sameText(name, text, at + 2, at + 2 + name.length) || text.charCodeAt(at + 2 + name.length) !== 0x3e)
      throw this.refuse(at, `an end tag other than </${name}>`);
    this.at = at + 3 + name.length;
    return true;
  }

  /** A start tag at `at` (`<name attr="v" …>` or `…/>`); anything unusual is refused. */
  private openTag(): Tag {
    const text = this.text;
    const start = this.at;
    let at = this.at + 1;
    const nameEnd = nameEndAt(text, at);
    if (nameEnd === at) throw this.refuse(start, text.startsWith('<?', start) ? 'a processing instruction' : 'markup that is no start tag');
    const name = knownName(text, at, nameEnd);
    // Note: a plain object; `in` below refuses "__proto__" and "constructor" along with repeated names.
    const attributes: Attributes = {};
    at = nameEnd;
    for (;;) {
      let code = text.charCodeAt(at);
      const spaced = isSpace(code);
      while (isSpace(code)) code = text.charCodeAt((at += 1));
      if (code === 0x3e) {
        this.at = at + 1;
        return { name, attributes, selfClosing: false, start };
      }
      if (code === 0x2f) {
        if (text.charCodeAt(at + 1) !== 0x3e) throw this.refuse(at, `“/” in <${name}>`);
        this.at = at + 2;
        return { name, attributes, selfClosing: true, start };
      }
      const keyEnd = nameEndAt(text, at);
      if (!spaced || keyEnd === at || text.charCodeAt(keyEnd) !== 0x3d)
        throw this.refuse(at, `an attribute without a quoted value in <${name}>`);
      const quote = text.charCodeAt(keyEnd + 1);
      if (quote !== 0x22 && quote !== 0x27) throw this.refuse(at, `an attribute without a quoted value in <${name}>`);
      const close = text.indexOf(quote === 0x22 ? '"' : "'", keyEnd + 2);
      if (close === -1) throw this.refuse(at, `an attribute value without its closing quote in <${name}>`);
      const raw = text.slice(keyEnd + 2, close);
      const key = knownName(text, at, keyEnd);
      if (UNUSUAL_VALUE.test(raw) || key in attributes) throw this.refuse(at, `attribute ${key} with “<” or “>”, or repeated`);
      // A tab or line break in a value is a space, as XML normalises it (before references are decoded).
      const value = raw.includes('\t') || raw.includes('\n') || raw.includes('\r') ? raw.replace(VALUE_WHITE_SPACE, ' ') : raw;
      attributes[key] = value.includes('&') ? this.decodeValue(value, keyEnd + 2) : value;
      at = close + 1;
    }
  }

  /** An attribute value with its references decoded; `offset` is where it starts, for a refusal. */
  private decodeValue(raw: string, offset: number): string {
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
      REFERENCE.lastIndex = amp;
      const match = REFERENCE.exec(raw);
      if (!match) throw this.refuse(offset + amp, 'a reference other than &amp; &lt; &gt; &quot; &apos; or &#…;');
      out += raw.slice(from, amp);
      const [whole, hex, decimal] = match;
      if (hex !== undefined || decimal !== undefined) {
        const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
        if (!allowedCharacter(code)) throw this.refuse(offset + amp, `character reference ${whole}`);
        out += String.fromCodePoint(code);
      } else out += PREDEFINED[whole]!;
      from = amp + whole.length;
    }
    return out + raw.slice(from);
  }

  /** The first `&` at or after `from` (Infinity when none); callers ask with `from` never decreasing. */
  private ampersand(from: number): number {
    if (this.nextAmpersand < from) this.nextAmpersand = position(this.text.indexOf('&', from));
    return this.nextAmpersand;
  }

  /** The first line break at or after `from` (Infinity when none); callers ask with `from` never decreasing. */
  private newline(from: number): number {
    if (this.nextNewline < from) this.nextNewline = position(this.text.indexOf('\n', from));
    return this.nextNewline;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw this.refuse(this.at, `elements nested more than ${MAX_DEPTH} deep`);
  }

  private place(offset: number): { line: number; column: number; offset: number } {
    for (let newline = this.newline(this.counted); newline < offset; newline = this.newline(newline + 1)) {
      this.line += 1;
      this.lineStart = newline + 1;
    }
    this.counted = offset;
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }
}

/**
 * Element and attribute names every unit repeats, by length. A name sliced from the text is a new string
 * that V8 hashes and internalises when it becomes a property key, half a million times in a 30 MB memory;
 * the constant is internalised once.
 */
const KNOWN_NAMES: string[][] = Array.from({ length: 256 }, () => []);
for (const name of (
  'tmx header body tu tuv seg prop note bpt ept it ph hi ut sub version srclang xml:lang lang tuid changedate ' +
  'creationdate creationid changeid usagecount lastusagedate o-tmf datatype segtype adminlang creationtool ' +
  'creationtoolversion o-encoding type i x'
).split(' '))
  KNOWN_NAMES[nameSlot(name, 0, name.length)]!.push(name);

/** A slot by length and first character: one or two known names share each. */
function nameSlot(text: string, start: number, end: number): number {
  return ((end - start) * 31 + text.charCodeAt(start)) & 255;
}

function knownName(text: string, start: number, end: number): string {
  for (const name of KNOWN_NAMES[nameSlot(text, start, end)]!) if (sameText(name, text, start, end)) return name;
  return text.slice(start, end);
}

/** Whether `text.slice(start, end)` is `name`, without making the slice (names are a few characters). */
function sameText(name: string, text: string, start: number, end: number): boolean {
  if (name.length !== end - start) return false;
  for (let i = 0; i < name.length; i += 1) if (name.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Whether a comment starts at `at`; a tag's second character settles most cases without a call. */
function isComment(text: string, at: number): boolean {
  return text.charCodeAt(at + 1) === 0x21 && text.startsWith('<!--', at);
}

function position(found: number): number {
  return found === -1 ? Infinity : found;
}

/** XML white space: space, tab, carriage return, line feed (not every `\s`). */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** The end of an ASCII name (`[A-Za-z_][A-Za-z0-9_.:-]*`) starting at `at`; `at` itself when there is none. */
function nameEndAt(text: string, at: number): number {
  let code = text.charCodeAt(at);
  if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f)) return at;
  for (;;) {
    code = text.charCodeAt((at += 1));
    const letter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    if (!(letter || (code >= 0x30 && code <= 0x3a) || code === 0x5f || code === 0x2e || code === 0x2d)) return at;
  }
}

/** The characters XML allows, as parseUntrustedXml checks character references. */
function allowedCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
