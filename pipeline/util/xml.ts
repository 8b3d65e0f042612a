import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../errors.ts';

const MAX_XML_BYTES = 64 * 1024 * 1024;

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
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new InputError(file, { line, column: col }, `Unexpected XML: ${msg}; fix the markup at this place`);
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
  return parser.parse(text);
}

export function placeOf(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}

/** Line of the n-th (0-based) occurrence of `<tag` — the parser does not keep positions. */
export function elementPlaces(text: string, tag: string): { line: number; column: number; offset: number }[] {
  const places: { line: number; column: number; offset: number }[] = [];
  const pattern = new RegExp(`<${tag}[\\s>/]`, 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) places.push(placeOf(text, match.index));
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
