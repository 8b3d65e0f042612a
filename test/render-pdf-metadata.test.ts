// pressroom's metadata on Chromium's own PDF (pipeline/render/pdf/metadata.ts over objects.ts), checked by
// tools that share no code with it: qpdf (structure, outline), poppler's pdfinfo, pdf-lib reading it back.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { PDFDocument, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { PipelineError } from '../pipeline/errors.ts';
import { launchBrowser } from '../pipeline/render/pdf/browser.ts';
import { outlineTitles, setMetadata, type PdfMetadata } from '../pipeline/render/pdf/metadata.ts';
import { printPdf } from '../pipeline/render/pdf/print.ts';
import { PdfStructureError } from '../pipeline/render/pdf/objects.ts';
import { decodeText, parseValue, serialize, textString } from '../pipeline/render/pdf/objects.ts';

const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-pdf-metadata-'));
// A heading narrow enough to wrap: Chromium's outline glues the words either side of the break.
const WRAPPED = 'Statements by the President of Russia and the President of Kyrgyzstan';
const SECTION = 'Вопрос (второй) \\ ответ';
let chromium: Uint8Array;
let browser: Browser | undefined;

const metadata: PdfMetadata = {
  title: 'Заявления для прессы & (Бишкек) 😀',
  lang: 'ru',
  author: 'Press Office',
  subject: 'Transcript, Bishkek, 2025-11-26. Translated from Russian.',
  keywords: ['Vladimir Putin', 'Sadyr Japarov'],
  date: new Date('2025-11-26T00:00:00Z'),
  headings: [WRAPPED, SECTION],
};

before(async () => {
  const html = path.join(folder, 'index.html');
  writeFileSync(
    html,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${WRAPPED}</title></head><body>
<h1 style="width: 12em">${WRAPPED}</h1><p>Text.</p><h2>${SECTION}</h2><p>More text.</p></body></html>`,
  );
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  chromium = await page.pdf({ format: 'A4', tagged: true, outline: true });
  await page.close();
});
after(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
};
const qpdfOutline = (file: string) => {
  const titles: string[] = [];
  const visit = (items: { title: string; kids: unknown[] }[]) =>
    items.forEach((item) => {
      titles.push(item.title);
      visit(item.kids as typeof items);
    });
  visit((JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: [] }).outlines);
  return titles;
};

test('Chromium’s PDF gets the Info dictionary, /Lang, XMP and a whole outline; qpdf finds nothing wrong', async () => {
  const file = write('out.pdf', setMetadata(chromium, metadata));
  const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /No syntax or stream encoding errors found/);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.match(info, /^Title:\s+Заявления для прессы & \(Бишкек\) 😀$/m);
  assert.match(info, /^Author:\s+Press Office$/m);
  assert.match(info, /^Subject:\s+Transcript, Bishkek, 2025-11-26\. Translated from Russian\.$/m);
  assert.match(info, /^Keywords:\s+Vladimir Putin; Sadyr Japarov$/m);
  assert.match(info, /^Creator:\s+pressroom$/m);
  assert.match(info, /^Producer:\s+pressroom \(Chromium\)$/m);
  assert.match(info, /^Tagged:\s+yes$/m);
  assert.match(info, /^Metadata Stream:\s+yes$/m);
  assert.equal(
    /^Pages:\s+(\d+)$/m.exec(info)?.[1],
    /^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [write('chromium.pdf', chromium)], { encoding: 'utf8' }))?.[1],
  );
  const document = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  assert.equal(document.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(), 'ru');
  assert.equal(document.getCreationDate()?.toISOString(), '2025-11-26T00:00:00.000Z');
  assert.equal(document.getModificationDate()?.toISOString(), '2025-11-26T00:00:00.000Z');
  const stream = document.context.lookup(document.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
  const xmp = new TextDecoder().decode(decodePDFRawStream(stream).decode());
  assert.ok(xmp.includes('<rdf:li xml:lang="x-default">Заявления для прессы &amp; (Бишкек) 😀</rdf:li>'), xmp);
  assert.match(xmp, /<dc:language><rdf:Bag><rdf:li>ru<\/rdf:li>/);
  const preferences = document.catalog.lookup(PDFName.of('ViewerPreferences'));
  assert.match(String(preferences), /\/DisplayDocTitle true/);
});

test('outline titles Chromium glued at a line wrap get the heading’s words back; the others stay as printed', () => {
  const before = qpdfOutline(write('glued.pdf', chromium));
  assert.ok(
    before.some((title) => title !== WRAPPED && title.replace(/\s+/g, '') === WRAPPED.replace(/\s+/g, '')),
    `this Chromium no longer glues a wrapped heading: ${JSON.stringify(before)}`,
  );
  const output = setMetadata(chromium, metadata);
  const after = qpdfOutline(write('repaired.pdf', output));
  assert.equal(after.length, before.length);
  assert.ok(after.includes(WRAPPED), JSON.stringify(after));
  assert.ok(after.includes(SECTION), JSON.stringify(after));
  assert.deepEqual(outlineTitles(output), after);
});

test('the same print at another time and in another time zone gives the same bytes: Chromium’s Info is gone', () => {
  const text = Buffer.from(chromium).toString('latin1');
  const date = /\/CreationDate \((D:[^)]*)\)/.exec(text)?.[1];
  assert.ok(date, 'Chromium wrote no CreationDate: the test no longer varies it');
  // Same length, so every offset in Chromium's cross-reference table stays right.
  const shifted = date.replace(/\d/g, (digit) => String((Number(digit) + 1) % 10));
  const other = Buffer.from(text.replaceAll(date, shifted), 'latin1');
  const first = setMetadata(chromium, metadata);
  assert.ok(Buffer.from(first).equals(Buffer.from(setMetadata(other, metadata))));
  const written = Buffer.from(first).toString('latin1');
  assert.ok(!written.includes(date), 'Chromium’s date is still in the file');
  assert.ok(!written.includes('HeadlessChrome'), 'Chromium’s user agent is still in the file');
});

test('a PDF that is not Chromium’s plain form is refused with a clear error, not written out broken', () => {
  const input = write('input.pdf', chromium);
  const variants: [string, string[]][] = [
    ['object streams', ['--object-streams=generate']],
    ['encrypted', ['--encrypt', 'user', 'owner', '256', '--']],
  ];
  for (const [what, flags] of variants) {
    const output = path.join(folder, `${what}.pdf`);
    execFileSync('qpdf', [...flags, input, output]);
    assert.throws(
      () => setMetadata(readFileSync(output), metadata),
      (error: Error) => error instanceof PipelineError && /Cannot add pressroom's metadata to Chromium's PDF: /.test(error.message),
      what,
    );
  }
  const truncated = chromium.subarray(0, chromium.byteLength - 40);
  assert.throws(() => setMetadata(truncated, metadata), /no startxref at the end/);
  assert.throws(() => setMetadata(new TextEncoder().encode('<html></html>'), metadata), /no %PDF- header/);
  // An object whose offset is wrong (a file edited by hand) is found before anything is written.
  const shifted = Buffer.from(
    Buffer.from(chromium)
      .toString('latin1')
      .replace(/\n0000000015 00000 n/, '\n0000000016 00000 n'),
    'latin1',
  );
  assert.throws(() => setMetadata(shifted, metadata), /is not at its offset/);
});

test('a table with gaps, no Info and no outline: free entries are listed, qpdf reads the result', () => {
  // Objects 1, 2 and 4; 3 was never written.
  const objects = [
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [4 0 R] /Count 1 >>'],
    [4, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'],
  ] as const;
  let text = '%PDF-1.4\n';
  const offsets = new Map<number, number>();
  for (const [num, body] of objects) {
    offsets.set(num, text.length);
    text += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xref = text.length;
  const row = (num: number) => (offsets.has(num) ? `${String(offsets.get(num)).padStart(10, '0')} 00000 n \n` : '0000000000 00000 f \n');
  text += `xref\n0 5\n0000000000 65535 f \n${[1, 2, 3, 4].map(row).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const file = write('gaps.pdf', setMetadata(new TextEncoder().encode(text), { ...metadata, headings: undefined }));
  const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.doesNotMatch(check.stderr, /WARNING/);
  assert.match(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), /^Author:\s+Press Office$/m);
  const written = readFileSync(file, 'latin1');
  assert.match(written, /\nxref\n0 7\n0000000003 65535 f \n(\d{10} 00000 n \n){2}0000000000 00000 f \n/);
});

test('strings: escapes, nesting and octal read as PDF 32000 says; text strings round-trip in either encoding', () => {
  const [value] = parseValue('(a\\(b\\) (nested) \\101\\0601\\\nc\\\\)', 0, 0);
  assert.equal(value.type === 'string' && decodeText(value.bytes), 'a(b) (nested) A01c\\');
  // An odd last digit is followed by a 0 (7.3.4.3): "004" is 0x00 0x40.
  const [hex] = parseValue('<FEFF 0041 D83D DE00 004>', 0, 0);
  assert.equal(hex.type === 'string' && decodeText(hex.bytes), 'A😀@');
  for (const text of ['plain (and) \\ back', 'Бишкек', '😀 mixed ü'])
    assert.equal(decodeText((parseValue(serialize(textString(text)), 0, 0)[0] as { bytes: Uint8Array }).bytes), text);
  const [dict] = parseValue('<</A [1 0 R /B -2.5 true null] /C <</D (x)>>>>', 0, 0);
  assert.equal(serialize(dict), '<</A [1 0 R /B -2.5 true null]\n/C <</D (x)>>>>');
  assert.throws(() => parseValue('(never closed', 0, 0), /has no end/);
  assert.throws(() => parseValue('['.repeat(100), 0, 0), /nested more than 64 deep/);
});

test('prints reuse their tab: the same bytes as on a fresh one, and an idle tab’s refresh is refused', async () => {
  const page = (name: string, body: string, head = '') => {
    const file = path.join(folder, name, 'index.html');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>${name}</title></head><body>${body}</body></html>`,
    );
    writeFileSync(path.join(folder, name, 'other.html'), '<p>The refresh target.</p>');
    return file;
  };
  const first = page('first', '<h1>First document</h1><p>One.</p>', '<meta http-equiv="refresh" content="1.5;url=other.html">');
  const second = page('second', '<h1>Second document</h1><p>Two.</p>');
  const pages = async () => (await browser!.pages()).length;
  const before = await pages();
  const once = await printPdf(browser!, first, { ...metadata, headings: undefined });
  const tab = (await browser!.pages()).find((each) => each.url() === pathToFileURL(first).href);
  assert.ok(tab, 'the tab that printed is still open, holding its document');
  const refused: string[] = [];
  tab.on('requestfailed', (request) => refused.push(request.url()));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  assert.deepEqual(refused, [pathToFileURL(path.join(folder, 'first', 'other.html')).href], 'the idle tab’s refresh was not refused');
  const other = await printPdf(browser!, second, { ...metadata, headings: undefined });
  assert.match(execFileSync('pdftotext', [write('second.pdf', other), '-'], { encoding: 'utf8' }), /Second document/);
  const again = await printPdf(browser!, first, { ...metadata, headings: undefined });
  assert.equal(await pages(), before + 1, 'one tab for prints one after another');
  assert.ok(Buffer.from(again).equals(Buffer.from(once)), 'a reused tab printed other bytes');
});

test('a print in a form the writer does not know is published as Chromium made it when the caller takes the warning, else refused', async () => {
  // Chromium prints for real; its bytes then reach pressroom as another Chromium's might (object streams).
  const restructured = (bytes: Uint8Array) => {
    const input = write('other-chromium-in.pdf', bytes);
    const output = path.join(folder, 'other-chromium.pdf');
    execFileSync('qpdf', ['--object-streams=generate', input, output]);
    return new Uint8Array(readFileSync(output));
  };
  const real = browser!;
  const other = {
    get connected() {
      return real.connected;
    },
    newPage: async () => {
      const page = await real.newPage();
      return new Proxy(page, {
        get(target, key) {
          if (key === 'pdf') return async (...args: Parameters<typeof page.pdf>) => restructured(await target.pdf(...args));
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  } as unknown as Browser;
  const html = path.join(folder, 'index.html');
  const skipped: PdfStructureError[] = [];
  const bytes = await printPdf(other, html, metadata, 'A4', (error) => skipped.push(error));
  assert.equal(skipped.length, 1);
  assert.match(skipped[0]!.message, /Cannot add pressroom's metadata to Chromium's PDF: /);
  const file = write('published-as-printed.pdf', bytes);
  assert.equal(spawnSync('qpdf', ['--check', file]).status, 0, 'the PDF published is Chromium’s, whole');
  assert.match(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), /More text/);
  await assert.rejects(printPdf(other, html, metadata), (error: Error) => error instanceof PdfStructureError);
});
