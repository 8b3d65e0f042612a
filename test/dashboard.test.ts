// The translation dashboard of a sample whose ky memory has gaps, opened in Chromium: it renders its
// charts, every link resolves (pages, XLIFF, JSON, and text fragments to the sentence), and axe-core
// finds no accessibility violation. SCREENSHOT=<file.png> also saves what Chromium shows.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { findBrowser } from '../pipeline/render/pdf/browser.ts';
import { cli } from './helpers/cli.ts';
import { copySample, removeUnits } from './helpers/project.ts';
import { axe } from './helpers/axe.ts';

let project: string;
let browser: Browser;
let page: Page;
const report = () => path.join(project, 'output', 'report');

before(async () => {
  project = copySample('pressroom-dashboard-');
  // The English original alone: its numbers below are the sample's; the Russian and Kyrgyz originals (and
  // sourceLocale's en as their target) are test/translate-directions.test.ts's.
  const configFile = path.join(project, 'pressroom.config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  writeFileSync(configFile, JSON.stringify({ ...config, inputs: ['transcripts/2025-11-26-bishkek-press-statements.txt'] }, null, 2));
  removeUnits(project, 'ky', [5, 6, 7, 8]);
  const built = await cli(['build', '--formats', 'html'], { cwd: project });
  assert.equal(built.status, 0, built.stderr);
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(pathToFileURL(path.join(report(), 'index.html')).href, { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
  rmSync(project, { recursive: true, force: true });
});

test('the dashboard renders a coverage bar per locale and a table per document, from the JSON twin', async () => {
  const data = JSON.parse(readFileSync(path.join(report(), 'index.json'), 'utf8'));
  assert.deepEqual(
    data.locales.map((entry: { locale: string }) => entry.locale),
    ['ru', 'ky'],
  );
  // Per glossary concept, the segments and documents an edit to it reaches.
  const kyrgyzstan = data.terms.find((entry: { term: string }) => entry.term === 'Kyrgyzstan');
  assert.deepEqual(kyrgyzstan.documents, ['2025-11-26-bishkek-press-statements']);
  assert.ok(kyrgyzstan.segments.length >= 5 && kyrgyzstan.segments.every((id: string) => /^s[0-9a-f]{10}/.test(id)));
  // ru: one sentence only the 2024 archive holds, with another figure: its fuzzy match is below the
  // publishing threshold, so the sentence waits for a translator, counted as fuzzy work (report.json files
  // it under 85-94), not as new.
  assert.equal(data.locales[0].counts.fuzzy, 1);
  assert.equal(data.locales[0].counts.new, 0);
  assert.equal(data.locales[0].counts.adapted, 2);
  const ky = data.locales[1];
  assert.equal(ky.counts.new, 4);
  assert.equal(ky.counts.exact, 118);
  const shown = await page.evaluate(() => ({
    title: document.querySelector('h1')?.textContent,
    bars: [...document.querySelectorAll('section.locale svg.bar')].map((svg) => ({
      label: svg.getAttribute('aria-label'),
      widths: [...svg.querySelectorAll('rect')].map((rect) => Math.round(rect.getBoundingClientRect().width)),
      total: Math.round(svg.getBoundingClientRect().width),
    })),
    rows: document.querySelectorAll('section.documents tbody tr').length,
    coverage: [...document.querySelectorAll('.coverage strong')].map((node) => node.textContent),
  }));
  assert.equal(shown.title, 'Translation dashboard');
  assert.deepEqual(shown.coverage, ['99.2%', '96.7%']);
  assert.match(shown.bars[0]!.label!, /Exact \(100\): 119 of 122/);
  assert.equal(shown.rows, 2);
  assert.match(shown.bars[1]!.label!, /Exact \(100\): 118 of 122, New: 4 of 122/);
  // The bar is drawn: the red part is 4/122 of the width, give or take a pixel.
  const [exact, fresh] = shown.bars[1]!.widths;
  assert.ok(Math.abs(fresh! - (shown.bars[1]!.total * 4) / 122) <= 1.5 && exact! > fresh!, JSON.stringify(shown.bars[1]));
});

test('every link resolves: pages, the XLIFF waiting for translators, and the sentence a problem is about', async () => {
  const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
  assert.ok(links.some((href) => href.endsWith('/report/xliff/2025-11-26-bishkek-press-statements.ky.xlf')));
  const fragments = links.filter((href) => href.includes('#:~:text='));
  assert.ok(fragments.length > 0, 'no problem links to a sentence');
  const texts = new Map<string, string>();
  for (const href of links) {
    const [file, fragment] = href.split('#');
    const local = fileURLToPath(file!);
    assert.ok(existsSync(local), `${href} points to a missing file`);
    if (!fragment?.startsWith(':~:text=')) continue;
    if (!texts.has(local)) {
      const target = await browser.newPage();
      await target.goto(file!, { waitUntil: 'load' });
      texts.set(local, await target.evaluate(() => document.body.innerText.replace(/\s+/g, ' ')));
      await target.close();
    }
    const wanted = decodeURIComponent(fragment.slice(':~:text='.length));
    assert.ok(texts.get(local)!.includes(wanted), `“${wanted}” is not on ${local}`);
  }
  const xliff = readFileSync(path.join(report(), 'xliff', '2025-11-26-bishkek-press-statements.ky.xlf'), 'utf8');
  assert.equal((xliff.match(/<trans-unit id="[^"]+" xml:space/g) ?? []).length, 4);
});

test('the page is the project’s own HTML, CSS and SVG: no script, nothing fetched from elsewhere (works offline)', () => {
  const html = readFileSync(path.join(report(), 'index.html'), 'utf8');
  const css = readFileSync(path.join(report(), 'dashboard.css'), 'utf8');
  assert.doesNotMatch(html, /<script|<iframe|<img|<object/i);
  // Only links may point elsewhere; anything the browser would load (stylesheet, font, image) is a local file.
  const loads = [...html.matchAll(/<link\b[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
  assert.ok(loads.length > 0 && loads.every((href) => !/^(https?:)?\/\//.test(href)), loads.join(' '));
  assert.doesNotMatch(css, /@import|url\(\s*['"]?(https?:)?\/\//i);
});

test('axe-core finds no accessibility violations', async () => {
  const results = await axe(page);
  assert.deepEqual(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    [],
  );
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT as `${string}.png`, fullPage: true });
});
