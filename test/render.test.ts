// Publication checks on real builds (the sample in en/ru/ky and the Arabic fixture), each by an
// independent tool: the Nu HTML checker, axe-core in Chromium, poppler (pdffonts, pdftotext, pdfinfo,
// pdftoppm), EPUBCheck, pdf-lib reading the PDF back, and `pressroom serve` fetched over HTTP.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import puppeteer, { type Browser } from 'puppeteer';
import { findBrowser } from '../pipeline/render/pdf/browser.ts';
import { outlineTitles } from '../pipeline/render/pdf/metadata.ts';
import { runningTitle } from '../pipeline/render/page.ts';
import { cli, pressroomAsync, repo } from './helpers/cli.ts';
import { sampleBuild, type SampleBuild } from './helpers/sample-build.ts';
import { zipEntries } from './helpers/zip-entries.ts';
import { JAVA_CHECKER_FLAGS } from './helpers/java.ts';
import { axe } from './helpers/axe.ts';

const EPUBCHECK = '/usr/share/java/epubcheck.jar';
const VNU = path.join(repo, 'node_modules/vnu-jar/build/dist/vnu.jar');
const REFERENCES = path.join(repo, 'test/fixtures/render/reference');
const sample = { slug: '2025-11-26-bishkek-press-statements', locales: ['en', 'ru', 'ky'] };
const rtl = { slug: 'statement', locales: ['ar'] };
let out: string;
let rtlOut: string;
/** The sample's output folder. */
let sampleOut: string;
let shared: SampleBuild | undefined;
let browser: Browser;

before(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'pressroom-render-'));
  rtlOut = path.join(out, 'rtl');
  // The run's one build of the sample (test/helpers/sample-build.ts): read here, never written.
  shared = await sampleBuild();
  sampleOut = shared.out;
  assert.equal(shared.status, 0, shared.stderr);
  const builtRtl = await cli(['build', '--config', 'test/fixtures/rtl/pressroom.config.json', '--out', rtlOut]);
  assert.equal(builtRtl.status, 0, builtRtl.stderr);
});

after(async () => {
  await browser?.close();
  shared?.dispose();
  rmSync(out, { recursive: true, force: true });
});

const cases = [
  ...sample.locales.map((locale) => ({ locale, slug: sample.slug, root: () => sampleOut })),
  ...rtl.locales.map((locale) => ({ locale, slug: rtl.slug, root: () => rtlOut })),
];
const fileOf = (entry: (typeof cases)[number], name: string) => path.join(entry.root(), entry.slug, entry.locale, name);
/** The site indexes: index.html and index.<locale>.html of both builds. */
const indexes = () => [
  ...['index.html', ...sample.locales.map((locale) => `index.${locale}.html`)].map((name) => path.join(sampleOut, name)),
  ...['index.html', 'index.en.html', 'index.ar.html'].map((name) => path.join(rtlOut, name)),
];
const collapse = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0');

test('the Nu HTML checker reports 0 errors on every page and every site index', () => {
  const pages = [...cases.map((entry) => fileOf(entry, 'index.html')), ...indexes()];
  const result = spawnSync('java', [...JAVA_CHECKER_FLAGS, '-jar', VNU, '--format', 'json', ...pages], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(result.stderr) as { messages: { type: string; url: string; message: string; lastLine?: number }[] };
  const errors = report.messages.filter((message) => message.type === 'error');
  assert.deepEqual(
    errors.map((message) => `${message.url.split('/').slice(-3).join('/')}:${message.lastLine}: ${message.message}`),
    [],
  );
});

test('axe-core in Chromium finds no accessibility violations on any page or site index', async () => {
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  for (const file of [...cases.map((entry) => fileOf(entry, 'index.html')), ...indexes()]) {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const results = await axe(page);
    assert.deepEqual(
      results.violations.map(
        (violation) => `${path.relative(out, file)} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
      [],
    );
  }
  await page.close();
});

for (const entry of cases) {
  const { locale } = entry;
  const pdf = () => fileOf(entry, `${entry.slug}.${locale}.pdf`);

  test(`${locale}: the HTML page is semantic: one h1, time datetime, a labelled section per speaker, dir, hreflang alternates`, () => {
    const html = readFileSync(fileOf(entry, 'index.html'), 'utf8');
    const dir = locale === 'ar' ? 'rtl' : 'ltr';
    assert.match(html, new RegExp(`<html lang="${locale}" dir="${dir}">`));
    assert.equal((html.match(/<h1[ >]/g) ?? []).length, 1);
    assert.match(html, /<time datetime="\d{4}-\d{2}-\d{2}">[^<]+<\/time>/);
    assert.match(html, /<section class="turn" id="turn-1" aria-labelledby="turn-1-heading"><h2 class="speaker" id="turn-1-heading">/);
    const others = (locale === 'ar' ? ['en'] : sample.locales).filter((other) => other !== locale);
    for (const other of others) {
      assert.match(html, new RegExp(`<link rel="alternate" hreflang="${other}" href="../${other}/index.html">`));
      assert.match(html, new RegExp(`<a href="../${other}/index.html" hreflang="${other}" lang="${other}" rel="alternate">`));
    }
    if (locale === 'ar') assert.match(html, /<bdi class="name" lang="en">Aigul Sadykova<\/bdi>/, 'Latin name not isolated');
  });

  test(`${locale}: text is ragged right, and no soft hyphen reaches the page, the EPUB chapter or the PDF text`, () => {
    assert.doesNotMatch(readFileSync(fileOf(entry, 'style.css'), 'utf8'), /text-align:\s*justify/);
    const epub = zipEntries(readFileSync(fileOf(entry, `${entry.slug}.${locale}.epub`)));
    const texts = {
      page: readFileSync(fileOf(entry, 'index.html'), 'utf8'),
      epub: epub
        .find((each) => each.name === 'EPUB/transcript.xhtml')!
        .read()
        .toString('utf8'),
      pdf: execFileSync('pdftotext', ['-enc', 'UTF-8', pdf(), '-'], { encoding: 'utf8' }),
    };
    for (const [name, text] of Object.entries(texts)) assert.ok(!/\u00ad|&shy;|&#(173|xad);/i.test(text), `soft hyphen in the ${name}`);
  });

  test(`${locale}: pdffonts lists only the project's families, every one embedded, subset and with a Unicode map`, () => {
    const rows = execFileSync('pdffonts', [pdf()], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.ok(rows.length >= 2);
    for (const row of rows) {
      const [name, ...rest] = row.trim().split(/\s+/);
      assert.match(name!, /^[A-Z]{6}\+Noto(Serif|Sans|NaskhArabic)-(Regular|Bold|Italic)$/, `not a subset project font: ${row}`);
      const [emb, sub, uni] = rest.slice(-5, -2);
      assert.deepEqual([emb, sub, uni], ['yes', 'yes', 'yes'], row);
      assert.doesNotMatch(row, /Type 3/);
    }
    if (locale === 'ar') assert.ok(rows.some((row) => row.includes('NotoNaskhArabic')));
  });

  test(`${locale}: pdftotext recovers every paragraph of the page, in order`, () => {
    const html = readFileSync(fileOf(entry, 'index.html'), 'utf8');
    const article = /<article>([\s\S]*)<\/article>/.exec(html)![1]!;
    const paragraphs = [...article.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => collapse(decode(match[1]!)));
    assert.ok(paragraphs.length >= (locale === 'ar' ? 4 : 20));
    const text = collapse(withoutFurniture(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf(), '-'], { encoding: 'utf8' }), entry));
    if (locale === 'ar') {
      // poppler splits shaped Arabic into glyph runs and moves word-final letters to the next line, so
      // for the RTL page only the letters are compared (as a bag); the rendered-page image checks the order.
      const bag = letterBag(text);
      for (const paragraph of paragraphs)
        for (const [letter, count] of letterBag(paragraph))
          assert.ok((bag.get(letter) ?? 0) >= count, `ar: “${letter}” missing from the PDF text (paragraph “${paragraph}”)`);
      return;
    }
    // pdftotext drops a hyphen that ends a line ("военно-|технического" comes out as one word): hyphens
    // are left out of the comparison on both sides.
    const unhyphenated = text.replace(/-/g, '');
    let from = 0;
    for (const paragraph of paragraphs.map((each) => each.replace(/-/g, ''))) {
      const at = unhyphenated.indexOf(paragraph, from);
      assert.ok(at >= from, `${locale}: paragraph missing or out of order: “${paragraph.slice(0, 80)}”`);
      from = at + paragraph.length;
    }
  });

  test(`${locale}: pdfinfo shows A4, a plausible page count, pressroom's metadata; XMP has dc:title; outline titles match the headings`, async () => {
    const info = execFileSync('pdfinfo', [pdf()], { encoding: 'utf8' });
    assert.match(info, /Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    assert.ok(locale === 'ar' ? pages === 1 : pages >= 4 && pages <= 10, `${pages} pages`);
    assert.match(info, /Creator:\s+pressroom\n/);
    assert.match(info, /Producer:\s+pressroom \(Chromium\)\n/);
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Metadata Stream:\s+yes/);
    if (locale === 'ar') assert.match(info, /Author:\s+Press Office of the Ministry of Water Resources/);
    const document = await PDFDocument.load(readFileSync(pdf()), { updateMetadata: false });
    const stream = document.context.lookup(document.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    const xmp = new TextDecoder().decode(decodePDFRawStream(stream).decode());
    const title = document.getTitle()!;
    assert.ok(xmp.includes(`<rdf:li xml:lang="x-default">${title.replace(/&/g, '&amp;')}</rdf:li>`), 'dc:title missing from XMP');
    assert.match(xmp, new RegExp(`<dc:language><rdf:Bag><rdf:li>${locale}</rdf:li>`));
    const html = readFileSync(fileOf(entry, 'index.html'), 'utf8');
    const headings = [...html.matchAll(/<h[12][^>]*>([\s\S]*?)<\/h[12]>/g)].map((match) => collapse(decode(match[1]!)));
    const titles = outlineTitles(readFileSync(pdf()));
    assert.ok(titles.length >= 2);
    // Every outline entry is a heading of the page, spaces included (Chromium glues words at a wrap).
    for (const outline of titles) assert.ok(headings.includes(collapse(outline)), `outline title “${outline}” is not a heading`);
  });

  if (locale !== 'ar')
    test(`${locale}: every page has the localised “page N of M” footer, pages after the first the running title, and none ends on a heading`, () => {
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf()], { encoding: 'utf8' }))![1]);
      const html = readFileSync(fileOf(entry, 'index.html'), 'utf8');
      const running = runningTitle(collapse(decode(/<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!)));
      const headings = [...html.matchAll(/<h2 class="speaker"[^>]*>([\s\S]*?)<\/h2>/g)].map((match) => collapse(decode(match[1]!)));
      assert.ok(headings.length >= 2);
      for (let number = 1; number <= pages; number++) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(number), '-l', String(number), pdf(), '-'], {
          encoding: 'utf8',
        });
        const lines = text.split('\n').map(collapse).filter(Boolean);
        assert.equal(
          lines.at(-1),
          footerOf(entry).replace('{{pages}}', String(pages)).replace('{{page}}', String(number)),
          `page ${number}`,
        );
        if (number === 1) assert.ok(!lines.includes(running), 'the first page has a running title');
        else assert.equal(lines[0], running, `page ${number} has no running title`);
        const last = lines.at(-2)!;
        for (const heading of headings) assert.ok(!heading.endsWith(last), `page ${number} ends on the heading “${heading}”`);
      }
    });

  test(`${locale}: page 1 rendered by pdftoppm matches the reference image within tolerance`, () => {
    const prefix = path.join(out, `page-${locale}`);
    execFileSync('pdftoppm', ['-r', '30', '-gray', '-f', '1', '-l', '1', '-singlefile', pdf(), prefix]);
    const actual = readFileSync(`${prefix}.pgm`);
    const reference = path.join(REFERENCES, `${locale}.pgm`);
    if (process.env.UPDATE || !existsSync(reference)) {
      mkdirSync(REFERENCES, { recursive: true });
      writeFileSync(reference, actual);
      if (!process.env.UPDATE) assert.fail(`no reference image: wrote ${reference}; check it and commit it`);
    }
    const a = readPgm(actual);
    const b = readPgm(readFileSync(reference));
    assert.deepEqual([a.width, a.height], [b.width, b.height]);
    let far = 0;
    let sum = 0;
    for (let index = 0; index < a.pixels.length; index++) {
      const delta = Math.abs(a.pixels[index]! - b.pixels[index]!);
      sum += delta;
      if (delta > 96) far++;
    }
    // Anti-aliasing may shift a little; a moved paragraph or a missing font changes far more.
    assert.ok(far / a.pixels.length < 0.005, `${((100 * far) / a.pixels.length).toFixed(2)} % of pixels differ strongly`);
    assert.ok(sum / a.pixels.length < 2, `mean difference ${(sum / a.pixels.length).toFixed(2)}`);
  });
}

/** pdftotext output without the running title and the "page N of M" footer, which break paragraphs at page ends. */
function withoutFurniture(text: string, entry: (typeof cases)[number]): string {
  const pattern = new RegExp(
    `^${footerOf(entry)
      .split(/\{\{\w+\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\d+')}$`,
  );
  const html = readFileSync(fileOf(entry, 'index.html'), 'utf8');
  const title = collapse(decode(/<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!));
  return text
    .split(/[\n\f]/)
    .filter((line) => !pattern.test(line.trim()) && collapse(line) !== title && collapse(line) !== runningTitle(title))
    .join('\n');
}

/** The locale's footer, with `{{page}}` and `{{pages}}` where the numbers go. */
function footerOf(entry: (typeof cases)[number]): string {
  const catalog = entry.locale === 'ar' ? 'test/fixtures/rtl/locales/ar/ui.json' : `locales/${entry.locale}/ui.json`;
  return (JSON.parse(readFileSync(path.join(repo, catalog), 'utf8')) as { page: { footer: string } }).page.footer;
}

function letterBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const char of text.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '')) bag.set(char, (bag.get(char) ?? 0) + 1);
  return bag;
}

/** Binary PGM (P5), what `pdftoppm -gray` writes. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

test('ar: the EPUB passes EPUBCheck with 0 errors and 0 warnings, reads right to left, carries Accessibility 1.1 metadata', () => {
  const epub = path.join(rtlOut, 'statement', 'ar', 'statement.ar.epub');
  const result = spawnSync('java', [...JAVA_CHECKER_FLAGS, '-jar', EPUBCHECK, epub, '--json', '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as {
    messages: { severity: string; ID: string; message: string }[];
  };
  assert.deepEqual(
    report.messages.filter((message) => ['FATAL', 'ERROR', 'WARNING'].includes(message.severity)).map((m) => `${m.ID} ${m.message}`),
    [],
  );
  const entries = new Map(zipEntries(readFileSync(epub)).map((entry) => [entry.name, entry]));
  const read = (name: string) => entries.get(name)!.read().toString('utf8');
  const opf = read('EPUB/package.opf');
  assert.match(opf, /<spine page-progression-direction="rtl">/);
  assert.match(opf, /xml:lang="ar" dir="rtl"/);
  for (const property of ['accessMode', 'accessModeSufficient', 'accessibilityFeature', 'accessibilityHazard', 'accessibilitySummary'])
    assert.match(opf, new RegExp(`<meta property="schema:${property}">[^<]+</meta>`));
  const nav = read('EPUB/nav.xhtml');
  assert.match(nav, /<nav epub:type="toc" id="toc">/);
  assert.match(nav, /<nav epub:type="landmarks"/);
  assert.match(nav, /href="transcript.xhtml#turn-1"/);
  assert.match(read('EPUB/transcript.xhtml'), /<html xmlns="http:\/\/www.w3.org\/1999\/xhtml" lang="ar" xml:lang="ar" dir="rtl">/);
});

test('the font preflight stops a build whose text has a character no shipped font draws, naming it and its place', async () => {
  const project = path.join(out, 'tofu');
  cpSync(path.join(repo, 'test/fixtures/rtl'), project, { recursive: true });
  const transcript = path.join(project, 'statement.txt');
  writeFileSync(transcript, readFileSync(transcript, 'utf8').replace('Good afternoon.', 'Good afternoon 你好.'));
  const memory = path.join(project, 'locales/ar/memory.tmx');
  writeFileSync(memory, readFileSync(memory, 'utf8').replace('<seg>Good afternoon.</seg>', '<seg>Good afternoon 你好.</seg>'));
  const result = await cli(['build', '--config', path.join(project, 'pressroom.config.json'), '--out', path.join(project, 'out')]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /statement\.txt:9:\d+: fonts:missing-glyph: no shipped font draws 2 character\(s\)/);
  assert.match(result.stderr, /U\+4F60 “你”/);
  assert.match(result.stderr, /U\+597D “好”/);
  assert.ok(!existsSync(path.join(project, 'out', 'statement')), 'a page was written despite the failed preflight');
});

test('pressroom serve sends a PDF as an attachment with its file name and type, and pages as HTML', async () => {
  const server = pressroomAsync(['serve', '--port', '0', '--out', sampleOut]);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      server.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(seen);
        if (match) resolve(match[0]);
      });
      server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const name = `${sample.slug}.ru.pdf`;
    const response = await fetch(`${url}${sample.slug}/ru/${name}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('content-disposition'), `attachment; filename="${name}"; filename*=UTF-8''${name}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual(bytes, new Uint8Array(readFileSync(path.join(sampleOut, sample.slug, 'ru', name))));
    const page = await fetch(`${url}${sample.slug}/ru/`);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('content-disposition'), null);
    assert.equal((await fetch(`${url}..%2f..%2fetc%2fpasswd`)).status, 404, 'a path outside the folder must not be served');
  } finally {
    server.kill('SIGTERM');
  }
});
