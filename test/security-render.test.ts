import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { launchBrowser } from '../pipeline/render/pdf/browser.ts';
import { printPdf } from '../pipeline/render/pdf/print.ts';
import { sanitizeContent, schema } from '../pipeline/render/sanitize.ts';
import { cli, repo } from './helpers/cli.ts';
import { trapServer, hostileMarkup } from './helpers/trap-server.ts';
import { zipEntries } from './helpers/zip-entries.ts';

let trap: Awaited<ReturnType<typeof trapServer>>;
let secretFile: string;
const canary = `CANARY-${process.pid}-${Date.now()}`;
before(async () => {
  trap = await trapServer();
  const secrets = mkdtempSync(path.join(os.tmpdir(), 'pressroom-secret-'));
  secretFile = path.join(secrets, 'secret.txt');
  writeFileSync(secretFile, `${canary}\n`);
});
after(() => trap.close());

const pdfText = (file: string) => spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
/** The normaliser sets quotes typographically and the segmenter rejoins sentences: compare without either. */
const plain = (text: string) =>
  text
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ');
const textOf = (html: string) => {
  const parts: string[] = [];
  visit(fromHtml(html), 'text', (node: { value: string }) => void parts.push(node.value));
  return parts.join('');
};

function hostileTranscript(lines: string[]): string {
  return [
    'Press statements <script>alert(1)</script> {{ title }}',
    'November 26, 2025, Bishkek',
    'The leaders met. <img src=x onerror=alert(1)>',
    '* * *',
    'President of Russia Vladimir Putin: Ladies and gentlemen,',
    ...lines,
    'Thank you.',
  ].join('\n\n');
}

/** Builds one input to every format in en and ru, and checks the trap server saw nothing. */
async function buildEveryFormatWithoutRequests(folder: string, input: string): Promise<void> {
  const formats = 'html,pdf,epub,bundle';
  const args = ['build', path.join(folder, input), '--out', path.join(folder, 'out'), '--locales', 'en,ru', '--formats', formats];
  const result = await cli(args, { cwd: repo });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(trap.requests, []);
  assert.equal(trap.connections, 0);
}

test('a hostile transcript builds to every format with 0 requests to the network, and its markup shows as text', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-hostile-'));
  const lines = hostileMarkup(trap.origin, secretFile);
  writeFileSync(path.join(folder, 'hostile.txt'), hostileTranscript(lines));
  await buildEveryFormatWithoutRequests(folder, 'hostile.txt');

  for (const locale of ['en', 'ru']) {
    const base = path.join(folder, 'out', 'hostile', locale);
    const html = readFileSync(path.join(base, 'index.html'), 'utf8');
    const text = plain(textOf(html));
    for (const line of lines) assert.ok(text.includes(plain(line)), `HTML (${locale}) does not show as text: ${line}`);
    // The trap's address is in the text, and nowhere in the markup: no element or attribute points at it or at the secret.
    assert.ok(text.includes(trap.origin));
    assert.equal(
      tagsAndAttributes(fromHtml(html)).some((value) => value.includes('127.0.0.1') || value.includes(secretFile)),
      false,
    );

    const epub = readFileSync(path.join(base, `hostile.${locale}.epub`));
    const chapter = zipEntries(epub).find((entry) => entry.name.endsWith('.xhtml') && !entry.name.endsWith('nav.xhtml'));
    assert.ok(chapter, 'no content document in the EPUB');
    const xhtmlText = plain(textOf(chapter.read().toString('utf8')));
    for (const line of lines) assert.ok(xhtmlText.includes(plain(line)), `EPUB (${locale}) does not show as text: ${line}`);

    const pdf = plain(pdfText(path.join(base, `hostile.${locale}.pdf`)));
    for (const fragment of [
      '<script>fetch(',
      '{{ constructor.constructor',
      '${process.exit(1)}',
      '<!-- unclosed comment',
      '<svg><use href="',
    ])
      assert.ok(pdf.includes(fragment), `PDF (${locale}) does not show “${fragment}” as text`);
    for (const file of [html, xhtmlText, pdf]) assert.equal(file.includes(canary), false, 'the secret file leaked into an output');
  }
});

/** Tag names and attribute values of a page: where a load could hide, text excluded. */
function tagsAndAttributes(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    found.push(node.tagName);
    for (const value of Object.values(node.properties)) found.push(String(value));
  });
  return found;
}

test('the sanitiser keeps only allow-listed elements and attributes, and the text', () => {
  const page = fromHtml(hostileMarkup(trap.origin, secretFile).join('\n'), { fragment: true });
  const clean = sanitizeContent(page.children as Element[]);
  const root: Root = { type: 'root', children: clean };
  const allowed = new Set(schema.tagNames);
  visit(root, 'element', (node: Element) => {
    assert.ok(allowed.has(node.tagName), `kept <${node.tagName}>`);
    for (const name of Object.keys(node.properties)) {
      const ok = [...(schema.attributes?.['*'] ?? []), ...(schema.attributes?.[node.tagName] ?? [])].some(
        (entry) => (Array.isArray(entry) ? entry[0] : entry) === name,
      );
      assert.ok(ok, `kept ${name} on <${node.tagName}>`);
    }
  });
  const html = toHtml(root);
  assert.equal(html.includes('127.0.0.1'), false, html);
  assert.equal(html.includes('file:'), false, html);
  assert.match(html, /styled/);
  assert.match(html, /<a>link<\/a>/);
  assert.match(html, /\{\{ constructor/);
});

test('Chromium loads nothing outside the page folder even from a raw hostile page (JavaScript off, requests intercepted)', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-raw-'));
  mkdirSync(path.join(folder, 'page'));
  const page = path.join(folder, 'page', 'index.html');
  // Unsanitised on purpose: the renderer's own guard is tested alone.
  writeFileSync(
    page,
    `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=file://${secretFile}">` +
      `<link rel="stylesheet" href="../outside.css"></head><body><p>visible text</p><iframe src="../outside.html"></iframe>` +
      `<object data="file://${secretFile}"></object><embed src="file://${secretFile}">` +
      // Last: its unclosed comment swallows whatever follows.
      `${hostileMarkup(trap.origin, secretFile).join('\n')}</body></html>`,
  );
  writeFileSync(path.join(folder, 'outside.css'), `body::after { content: "${canary}"; }`);
  writeFileSync(path.join(folder, 'outside.html'), canary);
  const browser = await launchBrowser();
  try {
    const bytes = await printPdf(browser, page, { title: 't', lang: 'en', author: undefined, subject: undefined, date: new Date(0) });
    writeFileSync(path.join(folder, 'out.pdf'), bytes);
  } finally {
    await browser.close();
  }
  assert.deepEqual(trap.requests, []);
  assert.equal(trap.connections, 0);
  const text = pdfText(path.join(folder, 'out.pdf'));
  assert.match(text, /visible text/);
  assert.equal(text.includes(canary), false, 'a file outside the page folder reached the PDF');
});

test('a hostile saved web page builds to every format with 0 requests to the network', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-hostile-page-'));
  const loaders = hostileMarkup(trap.origin, secretFile);
  // A scraped page as a press office saves it: the loaders sit in the head, in chrome and inside the speech itself.
  const page = [
    '<!doctype html><html><head><title>Statement</title>',
    `<link rel="stylesheet" href="${trap.origin}/head.css"><style>@import url("${trap.origin}/head-import.css");</style>`,
    `<meta http-equiv="refresh" content="0;url=${trap.origin}/head-refresh"><base href="${trap.origin}/">`,
    '</head><body><main><article>',
    '<h1>Statement on the hostile page</h1>',
    '<time datetime="2026-04-02">April 2, 2026, Bishkek</time>',
    '<div class="text">',
    '<p>President of Russia Andrei Volkov: Dear friends, the trap is set.</p>',
    ...loaders.map((markup) => `<p>Another sentence. ${markup}</p>`),
    `<p>We met in <span style="background:url(${trap.origin}/span)">Bishkek</span>. Thank you.</p>`,
    '</div></article></main></body></html>',
  ].join('\n');
  writeFileSync(path.join(folder, 'hostile-page.html'), page);
  await buildEveryFormatWithoutRequests(folder, 'hostile-page.html');
  const [slug] = readdirSync(path.join(folder, 'out'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'report' && entry.name !== 'fonts')
    .map((entry) => entry.name);
  assert.ok(slug, 'no document folder in the output');
  for (const locale of ['en', 'ru']) {
    const base = path.join(folder, 'out', slug, locale);
    // The page went through every format: a build that dropped it would also make no request.
    const html = readFileSync(path.join(base, 'index.html'), 'utf8');
    assert.match(plain(textOf(html)), /the trap is set/);
    assert.equal(
      tagsAndAttributes(fromHtml(html)).some((value) => value.includes('127.0.0.1') || value.includes(secretFile)),
      false,
    );
    assert.match(plain(pdfText(path.join(base, `${slug}.${locale}.pdf`))), /the trap is set/);
    assert.ok(zipEntries(readFileSync(path.join(base, `${slug}.${locale}.epub`))).length > 0);
    assert.equal(html.includes(canary), false, 'the secret file leaked into an output');
  }
});
