import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../errors.ts';

const MAX_XML_BYTES = 64 * 1024 * 1024;
/** TMX, TBX and XLIFF nest a dozen levels at most; a deeper file is an attack on the parser's stack. */
const MAX_XML_DEPTH = 100;

/**
 * Parses an untrusted XML resource (TMX, TBX, XLIFF). Entity declarations are refused outright: none of
 * these formats needs them and they are how "billion laughs" and external-entity reads get in.
 */
export function parseUntrustedXml(text: string, file: string, stopNodes: string[] = []): unknown {
  if (text.length > MAX_XML_BYTES)
    throw new InputError(file, undefined, `Unexpected file of ${text.length} bytes, expected at most ${MAX_XML_BYTES}; split the file`);
  const entity = /<!ENTITY/i.exec(text);
  if (entity) {
    throw new InputError(
      file,
      placeOf(text, entity.index),
      'Unexpected entity declaration, expected none: entity declarations are not allowed in translation resources; remove the DOCTYPE internal subset',
    );
  }
  checkReferencesAndDepth(text, file);
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new InputError(file, { line: line ?? 1, column: col ?? 1 }, `Unexpected XML: ${msg}; fix the markup at this place`, {
      rule: 'syntax',
    });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '$',
    textNodeName: '#text',
    preserveOrder: false,
    processEntities: true,
    htmlEntities: false,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    stopNodes,
    isArray: () => true,
  });
  try {
    return parser.parse(text);
  } catch (cause) {
    // The validator lets a few shapes through (a processing instruction cut short) that the parser then throws on.
    throw new InputError(file, { line: 1, column: 1 }, `Unexpected XML: ${(cause as Error).message}; fix the markup`, {
      cause,
      rule: 'syntax',
    });
  }
}

/**
 * Refuses what the parser would crash on rather than diagnose: a character reference to a code point
 * XML does not allow (String.fromCodePoint throws past U+10FFFF), and nesting deeper than MAX_XML_DEPTH.
 */
function checkReferencesAndDepth(text: string, file: string): void {
  for (const match of text.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) {
    const digits = match[1]!;
    const code = digits[0] === 'x' || digits[0] === 'X' ? Number.parseInt(digits.slice(1), 16) : Number(digits);
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed)
      throw new InputError(
        file,
        placeOf(text, match.index),
        `Unexpected character reference ${match[0]}, expected a character XML allows; remove it or write the character itself`,
      );
  }
  let depth = 0;
  for (const match of text.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (match[1]) depth -= 1;
    else if (!match[2]) depth += 1;
    if (depth > MAX_XML_DEPTH)
      throw new InputError(
        file,
        placeOf(text, match.index),
        `Unexpected element nested ${depth} levels deep, expected at most ${MAX_XML_DEPTH}; is this file what it claims to be?`,
      );
  }
}

export function placeOf(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}

/**
 * Places of the elements named `tag`, in document order — the parser does not keep positions. A `<tag`
 * inside a comment, a CDATA section or a processing instruction is not an element and is skipped, so
 * that the n-th place is the n-th element the parser returns.
 */
export function elementPlaces(text: string, tag: string): { line: number; column: number; offset: number }[] {
  const places: { line: number; column: number; offset: number }[] = [];
  const pattern = new RegExp(`<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<\\?[\\s\\S]*?\\?>|<${tag}[\\s>/]`, 'g');
  // Lines are counted incrementally: placeOf per element is quadratic and took seconds on a 4 MB memory.
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const second = match[0].charCodeAt(1);
    if (second === 0x21 || second === 0x3f) continue;
    for (let newline = text.indexOf('\n', scanned); newline !== -1 && newline < match.index; newline = text.indexOf('\n', newline + 1)) {
      line += 1;
      lineStart = newline + 1;
    }
    scanned = match.index;
    places.push({ line, column: match.index - lineStart + 1, offset: match.index });
  }
  return places;
}

/** Inner text of raw inline XML (a TMX `<seg>` kept raw): inline codes dropped, references decoded. */
export function inlineText(raw: string): string {
  return raw
    .replace(/<(bpt|ept|ph|it|ut)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

type XmlNode = Record<string, unknown>;

export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const group = node.$ as XmlNode[] | XmlNode | undefined;
  const attributes = Array.isArray(group) ? group[0] : group;
  const value = attributes?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Text content of an element; a text-only element arrives from the parser as a bare string. */
export function textOf(node: XmlNode | string | undefined): string {
  if (typeof node === 'string') return node;
  if (!node) return '';
  const text = node['#text'];
  if (Array.isArray(text)) return text.join('');
  return typeof text === 'string' ? text : '';
}
