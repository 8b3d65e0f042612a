// A reader and writer for the one kind of PDF this code is given: Chromium's print (Skia's writer), one
// classic cross-reference table, no object streams, no encryption. Loading pdf-lib to change three
// dictionaries cost 0.4 s of the sample build's CPU, competing with Chromium's prints on two cores
// (issue 17, bench/README.md "bench/start-cost"). Here every object keeps its bytes except the ones
// replaced, and the file is written anew rather than updated incrementally: an update would keep
// Chromium's Info dictionary (its clock and time zone) in the file, and rebuilds must give the same bytes.
// Anything else than that structure is refused with an error rather than written out broken.
import { PipelineError } from '../../errors.ts';

export type PdfValue =
  | { type: 'ref'; num: number; gen: number }
  /** The name as written, without its slash (#xx escapes kept). */
  | { type: 'name'; name: string }
  | { type: 'string'; bytes: Uint8Array }
  | { type: 'dict'; entries: Map<string, PdfValue> }
  | { type: 'array'; items: PdfValue[] }
  /** A number, a boolean or null: written back as read. */
  | { type: 'atom'; text: string };

export type PdfDict = Extract<PdfValue, { type: 'dict' }>;

interface Slot {
  num: number;
  gen: number;
  offset: number;
}

/** A PDF not in the form described above: its metadata cannot be written, the print itself is sound. */
export class PdfStructureError extends PipelineError {}

/** The error for a file not in the form described above. */
export const notUnderstood = (what: string) =>
  new PdfStructureError(
    `Cannot add pressroom's metadata to Chromium's PDF: ${what}; the Chromium in use writes PDFs this code does not know, so report it with \`chromium --version\``,
  );

export class ChromiumPdf {
  /** Latin-1, one character per byte: offsets in the text are offsets in the file. */
  private readonly text: string;
  private readonly slots: Slot[];
  private readonly byNum = new Map<number, Slot>();
  private readonly xrefOffset: number;
  readonly trailer: PdfDict;
  private readonly replaced = new Map<number, Uint8Array>();
  private readonly added: Uint8Array[] = [];
  private size: number;

  constructor(private readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!this.text.startsWith('%PDF-')) throw notUnderstood('no %PDF- header');
    const tail = this.text.lastIndexOf('startxref');
    const at = /^startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text.slice(tail));
    if (tail < 0 || !at) throw notUnderstood('no startxref at the end');
    this.xrefOffset = Number(at[1]);
    const table = readXref(this.text, this.xrefOffset);
    this.trailer = table.trailer;
    for (const key of ['Prev', 'XRefStm', 'Encrypt'])
      if (this.trailer.entries.has(key)) throw notUnderstood(`the trailer has /${key} (an updated, hybrid or encrypted file)`);
    const size = this.trailer.entries.get('Size');
    if (size?.type !== 'atom' || !/^\d+$/.test(size.text)) throw notUnderstood('the trailer has no /Size');
    this.size = Number(size.text);
    this.slots = table.slots.sort((a, b) => a.offset - b.offset);
    for (const slot of this.slots) {
      if (slot.num >= this.size || this.byNum.has(slot.num)) throw notUnderstood(`object ${slot.num} is listed twice or beyond /Size`);
      if (slot.offset >= this.xrefOffset) throw notUnderstood(`object ${slot.num} lies after the cross-reference table`);
      this.byNum.set(slot.num, slot);
    }
  }

  /** The object `num` (a dictionary here: streams are never read or rewritten). */
  object(num: number): PdfValue {
    const slot = this.byNum.get(num);
    if (!slot) throw notUnderstood(`object ${num} is not in the cross-reference table`);
    const header = /(\d+)\s+(\d+)\s+obj\b/y;
    header.lastIndex = slot.offset;
    const match = header.exec(this.text);
    if (!match || Number(match[1]) !== num || Number(match[2]) !== slot.gen)
      throw notUnderstood(`object ${num} is not at its offset ${slot.offset}`);
    const [value, end] = parseValue(this.text, header.lastIndex, 0);
    if (!/^\s*endobj/.test(this.text.slice(end, end + 64))) throw notUnderstood(`object ${num} is a stream or has no endobj`);
    return value;
  }

  /** `value`, or the object it refers to. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value?.type === 'ref' ? this.object(value.num) : value;
  }

  dict(value: PdfValue | undefined, what: string): PdfDict {
    const resolved = this.resolve(value);
    if (resolved?.type !== 'dict') throw notUnderstood(`${what} is not a dictionary`);
    return resolved;
  }

  /** Writes `value` as object `num` in place of the one there. */
  replace(num: number, value: PdfValue): void {
    const slot = this.byNum.get(num);
    if (!slot) throw notUnderstood(`object ${num} is not in the cross-reference table`);
    this.replaced.set(num, latin1(`${num} ${slot.gen} obj\n${serialize(value)}\nendobj\n`));
  }

  /** A new object, or stream when `stream` is given; its reference. */
  add(value: PdfDict, stream?: Uint8Array): PdfValue {
    const num = this.size++;
    if (stream) value.entries.set('Length', { type: 'atom', text: String(stream.byteLength) });
    const head = `${num} 0 obj\n${serialize(value)}\n`;
    this.added.push(stream ? concat([latin1(`${head}stream\n`), stream, latin1('\nendstream\nendobj\n')]) : latin1(`${head}endobj\n`));
    return { type: 'ref', num, gen: 0 };
  }

  /** The whole file: the header, every object (replaced ones rewritten), new objects, one xref table. */
  save(): Uint8Array {
    const parts: Uint8Array[] = [];
    const offsets = new Map<number, { offset: number; gen: number }>();
    let length = 0;
    const push = (part: Uint8Array) => {
      parts.push(part);
      length += part.byteLength;
    };
    push(this.bytes.subarray(0, this.slots[0]?.offset ?? this.xrefOffset));
    this.slots.forEach((slot, index) => {
      offsets.set(slot.num, { offset: length, gen: slot.gen });
      const end = this.slots[index + 1]?.offset ?? this.xrefOffset;
      push(this.replaced.get(slot.num) ?? this.bytes.subarray(slot.offset, end));
    });
    const firstAdded = this.size - this.added.length;
    this.added.forEach((part, index) => {
      offsets.set(firstAdded + index, { offset: length, gen: 0 });
      push(part);
    });
    const xref = length;
    // Free entries form a list through their offsets, from object 0 to the last, which points back to 0.
    const free = [...Array(this.size).keys()].filter((num) => num === 0 || !offsets.has(num));
    const entries = [...Array(this.size).keys()].map((num) => {
      const used = offsets.get(num);
      if (used) return `${pad(used.offset, 10)} ${pad(used.gen, 5)} n \n`;
      const next = free[free.indexOf(num) + 1] ?? 0;
      return `${pad(next, 10)} ${num === 0 ? '65535' : '00000'} f \n`;
    });
    const trailer = new Map(this.trailer.entries);
    trailer.set('Size', { type: 'atom', text: String(this.size) });
    push(
      latin1(
        `xref\n0 ${this.size}\n${entries.join('')}trailer\n${serialize({ type: 'dict', entries: trailer })}\nstartxref\n${xref}\n%%EOF\n`,
      ),
    );
    return concat(parts);
  }
}

function readXref(text: string, offset: number): { slots: Slot[]; trailer: PdfDict } {
  if (!text.startsWith('xref', offset))
    throw notUnderstood('startxref does not point at a classic cross-reference table (a cross-reference stream?)');
  const slots: Slot[] = [];
  let at = offset + 4;
  const section = /\s*(\d+)\s+(\d+)[ \t]*\r?\n/y;
  const entry = /(\d{10}) (\d{5}) ([nf])[ \r\n]{0,2}/y;
  for (;;) {
    section.lastIndex = at;
    const head = section.exec(text);
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    at = section.lastIndex;
    for (let index = 0; index < count; index++) {
      entry.lastIndex = at;
      const row = entry.exec(text);
      if (!row) throw notUnderstood(`entry ${index} of the cross-reference subsection at ${first} is malformed`);
      at = entry.lastIndex;
      if (row[3] === 'n') slots.push({ num: first + index, gen: Number(row[2]), offset: Number(row[1]) });
    }
  }
  const trailer = /\s*trailer/y;
  trailer.lastIndex = at;
  if (!trailer.exec(text)) throw notUnderstood('no trailer after the cross-reference table');
  const [dict] = parseValue(text, trailer.lastIndex, 0);
  if (dict.type !== 'dict') throw notUnderstood('the trailer is not a dictionary');
  return { slots, trailer: dict };
}

const WHITESPACE = /[\0\t\n\f\r ]/;
const DELIMITER = /[\0\t\n\f\r ()<>[\]{}/%]/;

function skip(text: string, at: number): number {
  for (;;) {
    while (at < text.length && WHITESPACE.test(text[at]!)) at++;
    if (text[at] !== '%') return at;
    while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  }
}

function token(text: string, at: number): number {
  let end = at;
  while (end < text.length && !DELIMITER.test(text[end]!)) end++;
  return end;
}

/** One value from `at` (whitespace before it skipped); the value and the offset after it. */
export function parseValue(text: string, at: number, depth: number): [PdfValue, number] {
  if (depth > 64) throw notUnderstood('objects nested more than 64 deep');
  at = skip(text, at);
  const char = text[at];
  if (text.startsWith('<<', at)) {
    const entries = new Map<string, PdfValue>();
    at += 2;
    for (;;) {
      at = skip(text, at);
      if (text.startsWith('>>', at)) return [{ type: 'dict', entries }, at + 2];
      if (text[at] !== '/') throw notUnderstood(`a dictionary key at ${at} is not a name`);
      const end = token(text, at + 1);
      const [value, next] = parseValue(text, end, depth + 1);
      entries.set(text.slice(at + 1, end), value);
      at = next;
    }
  }
  if (char === '[') {
    const items: PdfValue[] = [];
    at += 1;
    for (;;) {
      at = skip(text, at);
      if (text[at] === ']') return [{ type: 'array', items }, at + 1];
      if (at >= text.length) throw notUnderstood('an array has no end');
      const [value, next] = parseValue(text, at, depth + 1);
      items.push(value);
      at = next;
    }
  }
  if (char === '<') {
    const end = text.indexOf('>', at);
    if (end < 0) throw notUnderstood('a hex string has no end');
    const digits = text.slice(at + 1, end).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(digits)) throw notUnderstood(`a hex string at ${at} holds other characters`);
    return [{ type: 'string', bytes: Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex') }, end + 1];
  }
  if (char === '(') return literalString(text, at);
  if (char === '/') {
    const end = token(text, at + 1);
    return [{ type: 'name', name: text.slice(at + 1, end) }, end];
  }
  const end = token(text, at);
  const word = text.slice(at, end);
  if (/^\d+$/.test(word)) {
    // "12 0 R" is one reference, not two numbers and an operator.
    const ref = /\s+(\d+)\s+R(?=[\0\t\n\f\r ()<>[\]{}/%]|$)/y;
    ref.lastIndex = end;
    const match = ref.exec(text);
    if (match) return [{ type: 'ref', num: Number(word), gen: Number(match[1]) }, ref.lastIndex];
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null')
    return [{ type: 'atom', text: word }, end];
  throw notUnderstood(`unexpected “${word.slice(0, 20) || char}” at ${at}`);
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

function literalString(text: string, at: number): [PdfValue, number] {
  const bytes: number[] = [];
  let depth = 0;
  for (let index = at + 1; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\') {
      const next = text[++index];
      if (next === undefined) break;
      if (next in ESCAPES) bytes.push(ESCAPES[next]!);
      else if (/[0-7]/.test(next)) {
        let octal = next;
        while (octal.length < 3 && /[0-7]/.test(text[index + 1] ?? '')) octal += text[++index];
        bytes.push(parseInt(octal, 8) & 0xff);
      } else if (next === '\r') {
        if (text[index + 1] === '\n') index++;
      } else if (next !== '\n') bytes.push(next.charCodeAt(0));
      continue;
    }
    if (char === '(') depth++;
    if (char === ')' && depth-- === 0) return [{ type: 'string', bytes: Uint8Array.from(bytes) }, index + 1];
    bytes.push(char.charCodeAt(0));
  }
  throw notUnderstood(`a string at ${at} has no end`);
}

export function serialize(value: PdfValue): string {
  switch (value.type) {
    case 'ref':
      return `${value.num} ${value.gen} R`;
    case 'name':
      return `/${value.name}`;
    case 'atom':
      return value.text;
    case 'string': {
      const text = Buffer.from(value.bytes).toString('latin1');
      if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, '\\$&')})`;
      return `<${Buffer.from(value.bytes).toString('hex').toUpperCase()}>`;
    }
    case 'array':
      return `[${value.items.map(serialize).join(' ')}]`;
    case 'dict':
      return `<<${[...value.entries].map(([key, entry]) => `/${key} ${serialize(entry)}`).join('\n')}>>`;
  }
}

/** A text string (PDF 32000 7.9.2.2): printable ASCII as it is, anything else UTF-16BE with its byte order mark. */
export function textString(text: string): PdfValue {
  if (/^[\x20-\x7e]*$/.test(text)) return { type: 'string', bytes: latin1(text) };
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xfe;
  bytes[1] = 0xff;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    bytes[2 + index * 2] = unit >> 8;
    bytes[3 + index * 2] = unit & 0xff;
  }
  return { type: 'string', bytes };
}

/** A text string's text: UTF-16BE or UTF-8 by their marks; otherwise read as Latin-1, which PDFDocEncoding is for printable text. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  return Buffer.from(bytes).toString('latin1');
}

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const pad = (number: number, width: number) => String(number).padStart(width, '0');
const concat = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
