/**
 * A one-pass scanner for the common shape of TMX: no tree, no validator pass, no regular expression over
 * the whole file. It is a fast path, not a second parser: it accepts a strict subset of well-formed XML
 * (no internal DTD subset, CDATA section or processing instruction after the declaration; comments
 * without markup or references; attributes quoted without references, `<`, `>` or line breaks; only the
 * five predefined and allowed numeric character references) and returns `undefined` on anything else, so that `parseTmx` reads the file through `parseUntrustedXml`,
 * which refuses what must be refused and words every diagnostic. Whatever it accepts it reads exactly as
 * the tree path does (test/unit/tmx-scan.test.ts checks both paths against each other).
 */

/** Attributes by name, as written (nothing to decode: values with `&` are left to the tree path). */
export type Attributes = Record<string, string>;

export interface ScannedTuv {
  attributes: Attributes;
  /** The raw content of the first `<seg>`, inline markup and references as written; undefined without one. */
  seg: string | undefined;
}

export interface ScannedTu {
  attributes: Attributes;
  place: { line: number; column: number; offset: number };
  tuvs: ScannedTuv[];
}

export interface ScannedTmx {
  header: Attributes | undefined;
  units: ScannedTu[];
}

/** As in parseUntrustedXml: a larger file or deeper nesting is refused there, with its diagnostic. */
const MAX_CHARACTERS = 64 * 1024 * 1024;
const MAX_DEPTH = 100;
const DECLARATION = /<\?xml\s+version="1\.[0-9]"(?:\s+encoding="[A-Za-z][A-Za-z0-9._-]*")?(?:\s+standalone="(?:yes|no)")?\s*\?>/y;
/** A DOCTYPE naming an external DTD, which is never read; an internal subset is left to the tree's refusal. */
const DOCTYPE = /<!DOCTYPE\s+tmx(?:\s+(?:SYSTEM\s+"[^"<>&[\]]*"|PUBLIC\s+"[^"<>&[\]]*"\s+"[^"<>&[\]]*"))?\s*>/y;
const UNUSUAL_COMMENT = /[<&]|--/;
/** Attribute values the tree parser would decode or normalise, or that would upset its depth count. */
const UNUSUAL_VALUE = /[<>&\r\n\t]/;
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7}));/y;

/** Elements whose place in the tree the reader relies on: met anywhere else, the tree path decides. */
const STRUCTURAL = new Set(['tmx', 'header', 'body', 'tu', 'tuv', 'seg']);

interface Tag {
  name: string;
  attributes: Attributes;
  selfClosing: boolean;
}

/**
 * The TMX in `text` as units with raw segments, or undefined when the file needs the full parser. With
 * `onUnit`, each unit is handed over as soon as it is read and not collected (`units` stays empty): the
 * reader converts it while it is young, instead of keeping a second tree of a large memory alive. A
 * caller that receives units must still discard them when the scan ends in undefined.
 */
export function scanTmx(text: string, onUnit?: (unit: ScannedTu) => void): ScannedTmx | undefined {
  if (text.length > MAX_CHARACTERS) return undefined;
  try {
    return new Scanner(text, onUnit).document();
  } catch (error) {
    if (error === FALLBACK) return undefined;
    throw error;
  }
}

const FALLBACK = Symbol('fallback');

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

  constructor(
    private readonly text: string,
    private readonly onUnit: ((unit: ScannedTu) => void) | undefined,
  ) {}

  document(): ScannedTmx {
    const text = this.text;
    DECLARATION.lastIndex = 0;
    if (DECLARATION.test(text)) this.at = DECLARATION.lastIndex;
    this.misc();
    DOCTYPE.lastIndex = this.at;
    if (DOCTYPE.test(text)) {
      this.at = DOCTYPE.lastIndex;
      this.misc();
    }
    const root = this.openTag();
    if (root.name !== 'tmx' || root.selfClosing) throw FALLBACK;
    let header: Attributes | undefined;
    let body = false;
    this.depth = 1;
    for (;;) {
      this.misc();
      if (this.closing('tmx')) break;
      const tag = this.openTag();
      if (tag.name === 'header' && !header && !body) {
        header = tag.attributes;
        if (!tag.selfClosing) this.generic('header');
      } else if (tag.name === 'body' && header && !body) {
        body = true;
        if (!tag.selfClosing) this.body();
      } else throw FALLBACK;
    }
    for (let lt = text.indexOf('<', this.at); lt !== -1; lt = text.indexOf('<', this.at)) {
      this.space(lt);
      if (!isComment(text, lt)) throw FALLBACK;
      this.comment();
    }
    this.space(text.length);
    if (!body) throw FALLBACK;
    return { header, units: this.units };
  }

  private readonly units: ScannedTu[] = [];

  private body(): void {
    this.enter();
    for (;;) {
      this.misc();
      if (this.closing('body')) break;
      const start = this.at;
      const tag = this.openTag();
      if (tag.name !== 'tu') throw FALLBACK;
      const unit: ScannedTu = { attributes: tag.attributes, place: this.place(start), tuvs: [] };
      if (!tag.selfClosing) this.tu(unit);
      if (this.onUnit) this.onUnit(unit);
      else this.units.push(unit);
    }
    this.depth -= 1;
  }

  private tu(unit: ScannedTu): void {
    this.enter();
    for (;;) {
      this.misc();
      if (this.closing('tu')) break;
      const tag = this.openTag();
      if (tag.name === 'tuv') {
        const tuv: ScannedTuv = { attributes: tag.attributes, seg: undefined };
        unit.tuvs.push(tuv);
        if (!tag.selfClosing) this.tuv(tuv);
      } else if (STRUCTURAL.has(tag.name)) throw FALLBACK;
      else if (!tag.selfClosing) this.generic(tag.name);
    }
    this.depth -= 1;
  }

  private tuv(tuv: ScannedTuv): void {
    this.enter();
    for (;;) {
      this.misc();
      if (this.closing('tuv')) break;
      const tag = this.openTag();
      if (tag.name === 'seg' && tuv.seg === undefined) {
        if (tag.selfClosing) throw FALLBACK;
        const start = this.at;
        this.generic('seg');
        tuv.seg = this.text.slice(start, this.at - '</seg>'.length);
      } else if (STRUCTURAL.has(tag.name)) throw FALLBACK;
      else if (!tag.selfClosing) this.generic(tag.name);
    }
    this.depth -= 1;
  }

  /** Any well-formed content up to `</name>`: text with checked references and non-structural elements. */
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
      if (this.text.charCodeAt(lt + 1) === 0x2f) {
        if (!this.closing(stack[stack.length - 1]!)) throw FALLBACK;
        stack.pop();
        this.depth -= 1;
        if (stack.length === 0) return;
      } else {
        const tag = this.openTag();
        if (STRUCTURAL.has(tag.name)) throw FALLBACK;
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
    if (lt === -1) throw FALLBACK;
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

  /** A comment at `at`, taken only when its text holds no `<`, `&` or `--` (which the tree's checks would see). */
  private comment(): void {
    const end = this.text.indexOf('-->', this.at + 4);
    if (end === -1) throw FALLBACK;
    const content = this.text.slice(this.at + 4, end);
    if (UNUSUAL_COMMENT.test(content) || content.endsWith('-')) throw FALLBACK;
    this.at = end + 3;
  }

  /** Text up to `end` that may only be white space (between structural elements). */
  private space(end: number): void {
    for (let at = this.at; at < end; at += 1) if (!isSpace(this.text.charCodeAt(at))) throw FALLBACK;
    this.at = end;
  }

  /** Character data up to `end`: every `&` must start an allowed reference. */
  private text_(end: number): void {
    const text = this.text;
    for (let amp = this.ampersand(this.at); amp < end; amp = this.ampersand(amp + 1)) {
      REFERENCE.lastIndex = amp;
      const match = REFERENCE.exec(text);
      if (!match || REFERENCE.lastIndex > end) throw FALLBACK;
      const hex = match[1];
      const decimal = match[2];
      if (hex !== undefined || decimal !== undefined) {
        const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
        if (!allowedCharacter(code)) throw FALLBACK;
      }
    }
    if (this.nextCdataEnd < this.at) this.nextCdataEnd = position(this.text.indexOf(']]>', this.at));
    if (this.nextCdataEnd < end) throw FALLBACK;
    this.at = end;
  }

  /** `</name>` at `at`, exactly; advances past it when present. */
  private closing(name: string): boolean {
    const text = this.text;
    const at = this.at;
    if (text.charCodeAt(at + 1) !== 0x2f) return false;
    if (!sameText(name, text, at + 2, at + 2 + name.length) || text.charCodeAt(at + 2 + name.length) !== 0x3e) throw FALLBACK;
    this.at = at + 3 + name.length;
    return true;
  }

  /** A start tag at `at` (`<name attr="v" …>` or `…/>`); anything unusual falls back. */
  private openTag(): Tag {
    const text = this.text;
    let at = this.at + 1;
    const nameEnd = nameEndAt(text, at);
    if (nameEnd === at) throw FALLBACK;
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
        return { name, attributes, selfClosing: false };
      }
      if (code === 0x2f) {
        if (text.charCodeAt(at + 1) !== 0x3e) throw FALLBACK;
        this.at = at + 2;
        return { name, attributes, selfClosing: true };
      }
      const keyEnd = nameEndAt(text, at);
      if (!spaced || keyEnd === at || text.charCodeAt(keyEnd) !== 0x3d) throw FALLBACK;
      const quote = text.charCodeAt(keyEnd + 1);
      if (quote !== 0x22 && quote !== 0x27) throw FALLBACK;
      const close = text.indexOf(quote === 0x22 ? '"' : "'", keyEnd + 2);
      if (close === -1) throw FALLBACK;
      const value = text.slice(keyEnd + 2, close);
      const key = knownName(text, at, keyEnd);
      if (UNUSUAL_VALUE.test(value) || key in attributes) throw FALLBACK;
      attributes[key] = value;
      at = close + 1;
    }
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
    if (this.depth > MAX_DEPTH) throw FALLBACK;
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
