// Word documents (.docx) in, every format out; and formats pressroom cannot read refused by their bytes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { expandInputs } from '../pipeline/config/load.ts';
import { InputError, PipelineError } from '../pipeline/errors.ts';
import { ingestFile } from '../pipeline/ingest/index.ts';
import { normaliseFile } from '../pipeline/normalize/file.ts';
import { Reporter } from '../pipeline/report/messages.ts';
import { docxTranscript, type DocxTranscript } from './helpers/docx-transcript.ts';
import { buildTranscripts } from './helpers/project.ts';
import { zipEntries } from './helpers/zip-entries.ts';

const TITLE = 'Press conference on the northern heating season';
const LEAD = [
  'The Administrator held a press conference on the heating season in the northern regions.',
  'Journalists from regional newspapers and from abroad took part.',
];
const TURNS = [
  'Administrator Jane Roe: Good afternoon, colleagues. The heating season began early this year.',
  'The money for repairs reached every region by the start of the summer.',
  'Question: What about the villages without roads?',
  'Jane Roe: They get fuel by the winter roads, as they always have. As the saying goes, «Тише едешь — дальше будешь».',
  'Governor John Doe: In our region all boiler houses were repaired on time.',
];
const NOTE = 'Figures of the regional ministries, October 2026.';
const TRANSCRIPT: DocxTranscript = {
  title: TITLE,
  paragraphs: ['November 3, 2026', 'Moscow', ...LEAD, '* * *', ...TURNS],
  footnote: { after: 2 + LEAD.length + 1 + 1, text: NOTE },
};
/** The text of every paragraph after its label: what must reach every output. */
const SPOKEN = TURNS.map((turn) => turn.replace(/^[^:]{2,80}:\s/u, ''));

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-docx-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit);
}

test('should normalise a Word transcript: Heading 1 as title, bold labels as speaker turns, the footnote as a note', async () => {
  const bytes = await docxTranscript(TRANSCRIPT);
  const report = new Reporter('statement.docx');
  const { tree } = await normaliseFile(bytes, 'statement.docx', 'en', report);
  assert.equal(tree.data.meta.title, TITLE);
  assert.equal(tree.data.meta.date, '2026-11-03');
  const turns = tree.children.filter((node) => node.type === 'speakerTurn');
  // Four labels, four turns: "Jane Roe:" is the Administrator introduced in the first label.
  assert.deepEqual(
    turns.map((turn) => turn.speaker.name),
    ['Jane Roe', turns[1]?.speaker.name, 'Jane Roe', 'John Doe'],
  );
  assert.equal(turns[1]?.speaker.question, true, 'the question is a turn of the generic role');
  const texts: string[] = [];
  let definitions = 0;
  let references = 0;
  walk(tree, (node) => {
    if (node.type === 'text') texts.push(node.value);
    if (node.type === 'footnoteDefinition') definitions += 1;
    if (node.type === 'footnoteReference') references += 1;
  });
  const all = texts.join(' ');
  for (const spoken of SPOKEN) assert.ok(all.includes(spoken), `lost “${spoken}”`);
  assert.ok(all.includes(NOTE));
  assert.equal(definitions, 1);
  assert.equal(references, 1);
  assert.ok(!report.messages.some((message) => message.severity === 'error'));
});

test('should take Word’s Title style as the title and keep a Russian document’s Cyrillic text', async () => {
  const bytes = await docxTranscript({
    title: 'Пресс-конференция об отопительном сезоне',
    titleStyle: 'title',
    paragraphs: ['3 ноября 2026 года, Москва', 'Иван Петров: Добрый день, коллеги. Отопительный сезон начался рано.'],
  });
  const ingested = await ingestFile(bytes, 'заявление.docx', 'ru');
  assert.ok('blocks' in ingested);
  assert.deepEqual(
    ingested.blocks.map((block) => block.text),
    [
      'Пресс-конференция об отопительном сезоне',
      '3 ноября 2026 года, Москва',
      'Иван Петров: Добрый день, коллеги. Отопительный сезон начался рано.',
    ],
  );
  const { tree } = await normaliseFile(bytes, 'заявление.docx', 'ru', new Reporter('заявление.docx'));
  assert.equal(tree.data.meta.title, 'Пресс-конференция об отопительном сезоне');
});

test('should read a .txt that is in fact a Word document as one', async () => {
  const bytes = await docxTranscript(TRANSCRIPT);
  const ingested = await ingestFile(bytes, 'statement.txt', 'en');
  assert.ok('blocks' in ingested);
  assert.equal(ingested.blocks[0]?.text, TITLE);
  assert.ok(ingested.blocks.some((block) => block.text === TURNS[0]));
});

/** A zip with its entries stored (not compressed): enough for the formats sniffing tells apart. */
function storedZip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** Input, file name, and what the message must say: the format, and what to do. */
const REFUSED: { what: string; bytes: () => Promise<Uint8Array> | Uint8Array; file: string; format: RegExp; todo: RegExp }[] = [
  {
    what: 'a Word 97–2003 file named .doc',
    bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    file: 'briefing.doc',
    format: /Word 97–2003 \.doc/,
    todo: /save it as \.docx or \.txt/,
  },
  {
    what: 'a Word 97–2003 file named .txt',
    bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    file: 'briefing.txt',
    format: /Word 97–2003 \.doc/,
    todo: /save it as \.docx or \.txt/,
  },
  {
    what: 'a PDF',
    bytes: () => Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
    file: 'briefing.pdf',
    format: /PDF/,
    todo: /export the transcript as \.docx or copy its text into a \.txt/,
  },
  {
    what: 'an RTF file named .docx',
    bytes: () => Buffer.from('{\\rtf1\\ansi Hello}'),
    file: 'briefing.docx',
    format: /RTF/,
    todo: /save it as \.docx/,
  },
  {
    what: 'an OpenDocument text',
    bytes: () =>
      storedZip([
        ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ['content.xml', '<office:document-content/>'],
      ]),
    file: 'briefing.odt',
    format: /OpenDocument text \(\.odt\)/,
    todo: /save it as \.docx/,
  },
  {
    what: 'an EPUB named .docx',
    bytes: () =>
      storedZip([
        ['mimetype', 'application/epub+zip'],
        ['META-INF/container.xml', '<container/>'],
      ]),
    file: 'briefing.docx',
    format: /EPUB/,
    todo: /saved as \.docx or \.txt/,
  },
  {
    what: 'a zip of something else',
    bytes: () => storedZip([['notes.txt', 'hello']]),
    file: 'briefing.zip',
    format: /zip archive that is not a Word document/,
    todo: /saved as \.docx or \.txt/,
  },
  {
    what: 'a PNG image named .txt',
    bytes: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    file: 'scan.txt',
    format: /PNG image/,
    todo: /OCR/,
  },
  { what: 'a JPEG image', bytes: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), file: 'scan.jpg', format: /JPEG image/, todo: /OCR/ },
  {
    what: 'text named .docx',
    bytes: () => Buffer.from('Press conference\n\nNovember 3, 2026\n'),
    file: 'briefing.docx',
    format: /not a zip archive/,
    todo: /save it again as \.docx, or give it a \.txt/,
  },
  {
    what: 'a .docx cut short (a damaged download)',
    bytes: async () => (await docxTranscript(TRANSCRIPT)).subarray(0, 900),
    file: 'briefing.docx',
    format: /damaged zip archive/,
    todo: /save it again as \.docx/,
  },
];

for (const refused of REFUSED)
  test(`should refuse ${refused.what} with an error naming the file, the format and what to do`, async () => {
    const bytes = await refused.bytes();
    await assert.rejects(
      () => normaliseFile(bytes, refused.file, 'en', new Reporter(refused.file)),
      (error: unknown) => {
        assert.ok(error instanceof InputError, String(error));
        assert.ok(error.message.startsWith(`${refused.file}:1:1: `), error.message);
        assert.match(error.message, refused.format);
        assert.match(error.message, refused.todo);
        assert.doesNotMatch(error.message, /UTF-8/);
        return true;
      },
    );
  });

test('should wrap mammoth’s error with its cause when the Word document inside the zip is damaged', async () => {
  const bytes = storedZip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'],
  ]);
  await assert.rejects(
    () => ingestFile(bytes, 'broken.docx', 'en'),
    (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.match(error.message, /^broken\.docx:1:1: Unexpected damaged Word document/);
      assert.match(error.message, /save it again as \.docx/);
      assert.ok(error.cause instanceof Error, 'the cause is kept');
      return true;
    },
  );
});

test('should throw nothing but a diagnosed error on a damaged Word document (bytes flipped, cut, or random)', async () => {
  const original = await docxTranscript(TRANSCRIPT);
  const damaged = fc.oneof(
    fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }).map((flips) => {
      const copy = Buffer.from(original);
      for (const [at, value] of flips) copy[at] = value;
      return copy;
    }),
    fc.nat(original.length).map((length) => original.subarray(0, length)),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.concat([Buffer.from('PK\u0003\u0004'), bytes])),
  );
  await fc.assert(
    fc.asyncProperty(damaged, fc.constantFrom('input.docx', 'input.txt'), async (bytes, file) => {
      try {
        await normaliseFile(bytes, file, 'en', new Reporter(file));
      } catch (error) {
        assert.ok(error instanceof PipelineError, `undiagnosed ${String(error)}`);
      }
    }),
    { numRuns: 150 },
  );
});

test('should pick .docx files out of a folder input, and leave PDFs to the editor', async () => {
  const folder = path.join(scratch, 'mixed');
  mkdirSync(folder);
  for (const name of ['a.docx', 'b.txt', 'c.pdf', 'd.doc']) writeFileSync(path.join(folder, name), '');
  const found = (await expandInputs([folder])).map((file) => path.basename(file));
  assert.deepEqual(found, ['a.docx', 'b.txt']);
});

test('should build a Word transcript to HTML, PDF and EPUB with every paragraph and the labels as speaker turns', async () => {
  const built = await buildTranscripts(
    { 'heating-season.docx': await docxTranscript(TRANSCRIPT) },
    { locales: ['en'], formats: ['html', 'pdf', 'epub'] },
  );
  const file = (suffix: string) => {
    const name = built.names.find((output) => output.startsWith('heating-season/') && output.endsWith(suffix));
    assert.ok(name, `no ${suffix} among ${built.names.join(', ')}`);
    return built.file(name);
  };
  const html = file('/index.html').toString('utf8');
  const plain = (text: string) =>
    text
      .replace(/<[^>]+>/g, '')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/\s+/g, ' ');
  for (const paragraph of [TITLE, ...LEAD, ...SPOKEN, NOTE]) assert.ok(plain(html).includes(paragraph), `HTML lost “${paragraph}”`);
  const speakers = [...html.matchAll(/<h2 class="speaker"[^>]*>([\s\S]*?)<\/h2>/g)].map((match) => plain(match[1]!));
  assert.ok(speakers.length >= 4, `speaker turns: ${speakers.join(' | ')}`);
  for (const name of ['Jane Roe', 'John Doe'])
    assert.ok(
      speakers.some((speaker) => speaker.includes(name)),
      `no turn of ${name}`,
    );
  for (const spoken of SPOKEN) assert.ok(!speakers.some((speaker) => speaker.includes(spoken)));

  const epub = file('.epub');
  const chapters = zipEntries(epub)
    .filter((entry) => entry.name.endsWith('.xhtml'))
    .map((entry) => plain(entry.read().toString('utf8')))
    .join(' ');
  for (const paragraph of [TITLE, ...SPOKEN]) assert.ok(chapters.includes(paragraph), `EPUB lost “${paragraph}”`);

  const pdf = file('.pdf');
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pdfFile = path.join(scratch, 'heating-season.pdf');
  writeFileSync(pdfFile, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const words of ['Good afternoon, colleagues.', 'boiler houses', 'Тише едешь'])
    assert.ok(text.includes(words), `PDF lost “${words}”`);
});
