// Benchmarks, reported as ratios against a baseline measured in the same run:
//   pdf:   our PDF stage (request filter, fonts ready, pdf-lib metadata) vs bare puppeteer page.pdf on the same HTML;
//   build: the whole in-memory build of the sample (all locales, all formats) vs the PDF baseline alone.
// Usage: npm run bench [-- --runs 7]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from '../pipeline/build.ts';
import { normalizeConfig, readConfigFile } from '../pipeline/config/load.ts';
import { launchBrowser } from '../pipeline/render/pdf/browser.ts';
import { printPdf } from '../pipeline/render/pdf/print.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, '..');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

const config = await normalizeConfig(await readConfigFile(path.join(root, 'pressroom.config.json')), root);
const inMemory = await build({ ...config, formats: ['html'] }, { write: false });
const scratch = await mkdtemp(path.join(os.tmpdir(), 'pressroom-bench-'));
const folder = path.join(scratch, 'ru');
for (const file of inMemory.files.filter((file) => file.path.includes('/ru/'))) {
  const target = path.join(folder, file.path.split('/ru/')[1]!);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.contents);
}
const page = path.join(folder, 'index.html');

const browser = await launchBrowser();
const bare = await time(async () => {
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  await tab.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await tab.close();
});
const ours = await time(() =>
  printPdf(browser, page, { title: 't', lang: 'ru', author: undefined, subject: undefined, date: new Date(0) }),
);
await browser.close();

const rssBefore = process.memoryUsage().rss;
const whole = await time(() => build(config, { write: false }));
const rssAfter = process.memoryUsage().rss;
await rm(scratch, { recursive: true, force: true });

const ms = (value: number) => `${value.toFixed(0)} ms`;
const rows = [
  ['bare puppeteer page.pdf (baseline)', median(bare), 1],
  ['pressroom PDF stage', median(ours), median(ours) / median(bare)],
  ['whole build, 3 locales × 4 formats (own browser launch included)', median(whole), median(whole) / median(bare)],
] as const;
console.log(`runs: ${runs} (median), sample transcript, ru page, Node ${process.version}`);
for (const [name, value, ratio] of rows) console.log(`${name.padEnd(68)} ${ms(value).padStart(8)}  ×${ratio.toFixed(2)}`);
console.log(`RSS growth over ${runs + 1} whole builds: ${((rssAfter - rssBefore) / 1024 / 1024).toFixed(1)} MiB`);
