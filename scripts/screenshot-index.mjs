#!/usr/bin/env node
// Pictures of a built site's index pages for docs/output.md: docs/images/index-<locale>.png, taken in
// headless Chromium (Debian's, or PUPPETEER_EXECUTABLE_PATH) at 1000 px wide, the page's top 1400 px.
//
// Usage: node scripts/screenshot-index.mjs [--out <built site>] [--pages index.en.html,search.en.html?q=air]
//   (default: builds the sample into a temporary folder first, then index.en.html; a page's PNG is named
//   after it: index.en.html → docs/images/index-en.png)
/* global document -- evaluated in the page */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({ options: { out: { type: 'string' }, pages: { type: 'string', default: 'index.en.html' } } });

/** The Chromium pressroom prints with (pipeline/render/pdf/browser.ts findBrowser), without loading TypeScript. */
function browserPath() {
  const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) throw new Error('No Chromium found: install Debian’s chromium or set PUPPETEER_EXECUTABLE_PATH');
  return found;
}

let site = values.out && path.resolve(values.out);
let scratch;
if (!site) {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-screenshot-'));
  site = path.join(scratch, 'site');
  const built = spawnSync(
    process.execPath,
    [path.join(root, 'bin', 'pressroom.mjs'), 'build', '--formats', 'html,epub', '--out', site, '--no-cache', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error('pressroom build failed');
}
const images = path.join(root, 'docs', 'images');
mkdirSync(images, { recursive: true });
const browser = await puppeteer.launch({ executablePath: browserPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const name of values.pages.split(',')) {
    const [file, query] = name.split('?');
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 1400, deviceScaleFactor: 1 });
    const url = pathToFileURL(path.join(site, file)).href + (query ? `?${query}` : '');
    await page.goto(url, { waitUntil: 'networkidle0' });
    await page.evaluate(() => document.fonts.ready);
    // A search page shows its results once the script has run.
    if (query)
      await page
        .waitForFunction(() => document.querySelector('[role="status"], output')?.textContent?.trim(), { timeout: 10_000 })
        .catch(() => undefined);
    const png = path.join(images, `${file.replace(/\.html$/, '').replaceAll('.', '-')}.png`);
    await page.screenshot({
      path: png,
      clip: { x: 0, y: 0, width: 1000, height: Math.min(1400, await page.evaluate(() => document.documentElement.scrollHeight)) },
    });
    process.stdout.write(`${path.relative(root, png)}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
