// Builds the bundled sample with the CLI, as a user runs it, into a temporary folder, and checks the
// outputs with independent tools: EPUBCheck, poppler (pdftotext, pdffonts), and the files read back.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { zipEntries } from './helpers/zip-entries.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const slug = '2025-11-26-bishkek-press-statements';
const locales = ['en', 'ru', 'ky'];
const EPUBCHECK = '/usr/share/java/epubcheck.jar';
let out: string;
let stdout: string;

before(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'pressroom-e2e-'));
  const result = spawnSync(process.execPath, ['bin/pressroom.mjs', 'build', '--out', out], { cwd: repo, encoding: 'utf8' });
  stdout = result.stdout;
  assert.equal(result.status, 0, `pressroom build failed:\n${result.stderr}`);
});

after(() => rmSync(out, { recursive: true, force: true }));

const file = (...parts: string[]) => path.join(out, slug, ...parts);
const collapse = (text: string) => text.replace(/-\n/g, '').replace(/\s+/g, ' ');
const article = (html: string) => /<article>([\s\S]*)<\/article>/.exec(html)?.[1] ?? assert.fail('no <article> in page');

/** The target sentence the TM gives for a source sentence: what the reader must find in the PDF. */
function memoryTranslation(locale: string, source: string): string {
  const tmx = readFileSync(path.join(repo, 'locales', locale, 'memory.tmx'), 'utf8');
  for (const unit of tmx.split('<tu ').slice(1)) {
    const en = /xml:lang="en"><seg>([\s\S]*?)<\/seg>/.exec(unit)?.[1];
    const target = new RegExp(`xml:lang="${locale}"><seg>([\\s\\S]*?)</seg>`).exec(unit)?.[1];
    if (en === source && target) return target.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  return assert.fail(`no ${locale} translation of “${source}” in the TMX`);
}

test('the terminal gets one summary line per locale, with segments, fallbacks and timings per stage', () => {
  for (const locale of locales) assert.match(stdout, new RegExp(`^${locale}\\s+${slug}\\s+122 segments`, 'm'));
  assert.match(stdout, /^ru\s+\S+\s+122 segments, 122\/122 translated, 0 fell back/m);
  assert.match(
    stdout,
    /Stages: ingest \d+ ms, normalize \d+ ms, segment \d+ ms, translate \d+ ms, render-html \d+ ms, render-epub \d+ ms, render-pdf \d+ ms, bundle \d+ ms/,
  );
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
  const ky = report.documents[0].locales.find((entry: { locale: string }) => entry.locale === 'ky');
  assert.equal(ky.segments, ky.translated + ky.fellBack);
  assert.equal(
    report.messages.filter((message: { ruleId: string; locale?: string }) => message.ruleId === 'tm:no-match' && message.locale === 'ky')
      .length,
    ky.fellBack,
  );
});

for (const locale of locales) {
  test(`${locale}: the HTML page has lang="${locale}", no site chrome, the repeated block once`, () => {
    const html = readFileSync(file(locale, 'index.html'), 'utf8');
    assert.match(html, new RegExp(`<html lang="${locale}" dir="ltr">`));
    const body = article(html);
    for (const chrome of ['View settings', 'Font size:', 'Site colours:', 'Transcripts /', 'Official website of the President of Russia'])
      assert.ok(!body.includes(chrome), `chrome “${chrome}” in the ${locale} page`);
    const repeated =
      locale === 'en'
        ? 'I fully concur with Mr Japarov'
        : memoryTranslation(locale === 'ky' ? 'ru' : locale, 'Russia is a major investor in the Kyrgyz economy.');
    if (locale !== 'ky') assert.equal(body.split(repeated).length - 1, 1, `“${repeated}” should appear once`);
    assert.equal((body.match(/<section class="turn"[ >]/g) ?? []).length, 2);
    assert.ok(existsSync(file(locale, 'style.css')));
    assert.ok(existsSync(file(locale, 'fonts', 'noto-serif-cyrillic-ext-400-normal.woff2')));
  });

  test(`${locale}: the EPUB passes EPUBCheck with 0 errors and has mimetype first and stored`, () => {
    const epub = file(locale, `${slug}.${locale}.epub`);
    const entries = zipEntries(readFileSync(epub));
    assert.equal(entries[0]?.name, 'mimetype');
    assert.equal(entries[0]?.method, 0);
    assert.equal(entries[0]?.offset, 0);
    const result = spawnSync('java', ['-jar', EPUBCHECK, epub, '--json', '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.notEqual(result.error?.message ?? '', 'ENOENT', 'java is missing: run scripts/install-test-tools.sh');
    const jsonStart = result.stdout.indexOf('{');
    const report = JSON.parse(result.stdout.slice(jsonStart));
    const problems = report.messages.filter((message: { severity: string }) => ['ERROR', 'FATAL'].includes(message.severity));
    assert.deepEqual(
      problems.map((message: { ID: string; message: string }) => `${message.ID} ${message.message}`),
      [],
    );
    assert.equal(result.status, 0, result.stderr);
  });

  test(`${locale}: the PDF is A4, holds a sentence of the locale, and embeds every font`, () => {
    const pdf = file(locale, `${slug}.${locale}.pdf`);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = collapse(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    const sentence = locale === 'en' ? 'Thank you for your attention.' : memoryTranslation(locale, 'Thank you for your attention.');
    assert.ok(text.includes(collapse(sentence)), `“${sentence}” not in the ${locale} PDF`);
    if (locale === 'ky') assert.match(text, /[ңөүҢӨҮ]/);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.ok(fonts.length > 0);
    for (const row of fonts) {
      assert.match(row, /Noto/, `not a project font: ${row}`);
      const columns = row.trim().split(/\s+/);
      assert.equal(columns.at(-5), 'yes', `font not embedded: ${row}`);
    }
  });

  test(`${locale}: the bundle zips the page, stylesheet, fonts, PDF and EPUB`, () => {
    const names = zipEntries(readFileSync(file(locale, `${slug}.${locale}.zip`))).map((entry) => entry.name);
    const root = `${slug}.${locale}`;
    for (const expected of [
      'index.html',
      'style.css',
      `${slug}.${locale}.pdf`,
      `${slug}.${locale}.epub`,
      'fonts/noto-sans-cyrillic-ext-700-normal.woff2',
    ])
      assert.ok(names.includes(`${root}/${expected}`), `${expected} missing from the bundle`);
  });
}

test('output/index.html links every page and file of every locale, and every link resolves', () => {
  const html = readFileSync(path.join(out, 'index.html'), 'utf8');
  const links = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!).filter((href) => !/^https?:/.test(href));
  for (const link of links) assert.ok(existsSync(path.join(out, decodeURIComponent(link))), `broken link ${link}`);
  for (const locale of locales) {
    for (const name of ['index.html', `${slug}.${locale}.pdf`, `${slug}.${locale}.epub`, `${slug}.${locale}.zip`])
      assert.ok(links.includes(`${slug}/${locale}/${name}`), `index does not link ${locale}/${name}`);
  }
  for (const locale of locales) {
    const page = readFileSync(file(locale, 'index.html'), 'utf8');
    for (const [, href] of page.matchAll(/href="([^"]+)"/g))
      if (!/^https?:/.test(href!)) assert.ok(existsSync(path.join(file(locale), href!)), `${locale} page: broken link ${href}`);
  }
});
