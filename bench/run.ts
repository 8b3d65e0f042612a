// pressroom benchmarks, each against a baseline measured in the same run (see bench/README.md):
//   1. PDF stage vs a minimal puppeteer script (same HTML, same page.pdf options, same concurrency)
//   2. HTML + EPUB vs Debian pandoc, one process per document and format
//   3. cold batch of N transcripts × en, ru, ky × all formats: wall time, docs/s, peak memory, heap growth
//   4. incremental: no-op rebuild and a one-concept glossary edit
//   5. 1 vs 2 concurrent pages
// Usage: npm run bench [-- --docs 300 --sample 8 --runs 5 --only pdf,pandoc,batch,scaling]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from '../pipeline/build.ts';
import type { PipelineConfig } from '../pipeline/config/defaults.ts';
import { normalizeConfig, readConfigFile } from '../pipeline/config/load.ts';
import { silentProgress } from '../pipeline/engine/progress.ts';
import { BrowserPool, launchBrowser } from '../pipeline/render/pdf/browser.ts';
import { printPdf } from '../pipeline/render/pdf/print.ts';
import { generateCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '300' },
    sample: { type: 'string', default: '8' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: 'pdf,pandoc,batch,scaling' },
  },
});
const runs = Number(values.runs);
const only = new Set(values.only.split(','));
const work = await mkdtemp(path.join(os.tmpdir(), 'pressroom-bench-'));
const corpus = await generateCorpus(path.join(work, 'corpus'), Number(values.docs));
const config = await normalizeConfig(await readConfigFile(path.join(corpus, 'pressroom.config.json')), corpus);
const transcripts = (await readdir(path.join(corpus, 'transcripts'))).sort().map((name) => path.join(corpus, 'transcripts', name));
const sample: PipelineConfig = { ...config, inputs: transcripts.slice(0, Number(values.sample)) };
const rows: string[][] = [];

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Like Promise.all with at most `limit` tasks running. */
async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

// The same HTML pages for both PDF printers: ru, the sample's first documents, on disk with CSS and fonts.
async function writePages(): Promise<string[]> {
  const html = await build({ ...sample, locales: ['ru'], formats: ['html'] }, { write: false });
  const pages: string[] = [];
  for (const file of html.files) {
    if (!/\/ru\//.test(file.path)) continue;
    const target = path.join(work, 'pages', file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
    if (file.path.endsWith('/index.html')) pages.push(target);
  }
  return pages;
}

const PDF_OPTIONS = { format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true } as const;

async function pdfStage(pages: string[], concurrency: number) {
  const browser = await launchBrowser();
  const pool = new BrowserPool({ concurrency });
  await pool.browser();
  const bare = async () =>
    eachLimit(pages, concurrency, async (file) => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.pdf(PDF_OPTIONS);
      await page.close();
    });
  const ours = async () =>
    Promise.all(
      pages.map((file) =>
        pool.run(async () =>
          printPdf(await pool.browser(), file, { title: 't', lang: 'ru', author: undefined, subject: undefined, date: new Date(0) }),
        ),
      ),
    );
  await bare();
  await ours(); // warm-up
  const bareTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    // Alternated, so that a neighbour's load on the shared machine hits both sides alike.
    bareTimes.push(await timed(bare));
    ourTimes.push(await timed(ours));
  }
  await browser.close();
  await pool.close();
  return { bare: median(bareTimes), ours: median(ourTimes) };
}

if (only.has('pdf') || only.has('scaling')) {
  const pages = await writePages();
  const two = await pdfStage(pages, 2);
  if (only.has('pdf'))
    rows.push(
      [`1. PDF, ${pages.length} ru pages, 2 pages at once: minimal puppeteer (baseline)`, s(two.bare), '1.00', ''],
      [
        '   pressroom PDF stage (pool, offline context, interception, fonts ready, pdf-lib Info)',
        s(two.ours),
        (two.ours / two.bare).toFixed(2),
        '≤ 1.15',
      ],
    );
  if (only.has('scaling')) {
    const one = await pdfStage(pages, 1);
    rows.push(
      [`5. pressroom PDF stage, ${pages.length} pages, 1 page at once`, s(one.ours), '1.00', ''],
      ['   2 pages at once (2 cores)', s(two.ours), (two.ours / one.ours).toFixed(2), ''],
      ['   minimal puppeteer, 1 vs 2 pages at once', `${s(one.bare)} / ${s(two.bare)}`, (two.bare / one.bare).toFixed(2), ''],
    );
  }
}

if (only.has('pandoc')) {
  const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (pandoc.status !== 0) {
    rows.push(['2. pandoc not installed (run bench/install-tools.sh)', '', '', '']);
  } else {
    const count = sample.inputs.length;
    const markdown = path.join(work, 'md');
    await mkdir(markdown, { recursive: true });
    const mdFiles: string[] = [];
    for (const input of sample.inputs) {
      // The transcript is already Markdown-shaped: blank-line paragraphs and a `* * *` rule.
      const target = path.join(markdown, path.basename(input, '.txt') + '.md');
      await writeFile(target, await readFile(input, 'utf8'));
      mdFiles.push(target);
    }
    const pandocRun = async () => {
      for (const file of mdFiles) {
        execFileSync('pandoc', [file, '-s', '--metadata', 'title=Press statements', '-o', file.replace(/\.md$/, '.html')]);
        execFileSync('pandoc', [file, '--metadata', 'title=Press statements', '-o', file.replace(/\.md$/, '.epub')]);
      }
    };
    const ours = () => build({ ...sample, locales: ['en'], formats: ['html', 'epub'] }, { write: false, progress: silentProgress });
    await ours();
    const pandocTimes: number[] = [];
    const ourTimes: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      pandocTimes.push(await timed(pandocRun));
      ourTimes.push(await timed(ours));
    }
    const version = pandoc.stdout.split('\n')[0];
    rows.push(
      [
        `2. HTML + EPUB, ${count} en documents: ${version}, one process per document and format (baseline)`,
        `${s(median(pandocTimes) / count)}/doc`,
        '1.00',
        '',
      ],
      [
        '   pressroom build (in memory, resources loaded included)',
        `${s(median(ourTimes) / count)}/doc`,
        (median(ourTimes) / median(pandocTimes)).toFixed(3),
        `speed-up ${(median(pandocTimes) / median(ourTimes)).toFixed(1)}× (target ≥ 10×)`,
      ],
    );
  }
}

/** RSS of every process below this one: Chromium's browser, renderer, GPU and utility processes. */
function chromiumRss(): number {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const below = new Set([process.pid]);
  let total = 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid, rss] of table) {
      if (below.has(ppid) && !below.has(pid)) {
        below.add(pid);
        total += rss * 1024;
        grew = true;
      }
    }
  }
  return total;
}

if (only.has('batch')) {
  const cache = path.join(work, 'cache');
  const peak = { heap: 0, rss: 0, chromium: 0 };
  const heapAt: number[] = [];
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    peak.heap = Math.max(peak.heap, memory.heapUsed);
    peak.rss = Math.max(peak.rss, memory.rss);
    peak.chromium = Math.max(peak.chromium, chromiumRss());
  }, 500);
  let done = 0;
  const total = transcripts.length * config.locales.length;
  const progress = {
    ...silentProgress,
    artifact() {
      heapAt.push(process.memoryUsage().heapUsed);
      if (++done % Math.max(1, Math.floor(total / 10)) === 0) process.stderr.write(`batch: ${done}/${total}\n`);
    },
  };
  const cold = await timed(() => build(config, { cache, concurrency: 2, progress }));
  clearInterval(sampler);
  const decile = (from: number) =>
    median(heapAt.slice(Math.floor((heapAt.length * from) / 10), Math.floor((heapAt.length * (from + 1)) / 10)));
  rows.push(
    [`3. cold batch: ${transcripts.length} transcripts × 3 locales × html, pdf, epub, bundle`, s(cold), '', ''],
    ['   documents × locales per second', (total / (cold / 1000)).toFixed(2), '', ''],
    ['   peak Node heap / RSS', `${mib(peak.heap)} / ${mib(peak.rss)}`, '', 'heap < 500 MiB'],
    ['   peak Chromium RSS (all its processes)', mib(peak.chromium), '', ''],
    [
      '   heap (median) in the 2nd vs the last tenth of the batch',
      `${mib(decile(1))} → ${mib(decile(9))}`,
      (decile(9) / decile(1)).toFixed(2),
      'no growth',
    ],
  );
  const noop = await timed(() => build(config, { cache, concurrency: 2 }));
  rows.push(['4. no-op rebuild (every artifact from the cache, output re-linked)', s(noop), (noop / cold).toFixed(3), '< 2 s']);
  const tbx = path.join(corpus, 'locales/glossary.tbx');
  const text = await readFile(tbx, 'utf8');
  const start = text.indexOf('<conceptEntry id="c-collective-security-treaty-organisation">');
  const ky = text.indexOf('<langSec xml:lang="ky">', start);
  await writeFile(tbx, text.slice(0, ky) + text.slice(ky).replace(/<term>([^<]*)<\/term>/, '<term>$1 (edited)</term>'));
  let rebuilt: string[] = [];
  const edit = await timed(async () => {
    rebuilt = (await build(config, { cache, concurrency: 2 })).report.incremental?.rebuilt ?? [];
  });
  let containing = 0;
  for (const file of transcripts)
    if (/Collective\sSecurity\sTreaty\sOrganisation|CSTO/u.test(await readFile(file, 'utf8'))) containing += 1;
  rows.push([
    `   one-concept glossary edit (ky term of CSTO): ${rebuilt.length} artifacts rebuilt; ${containing} transcripts name the concept`,
    s(edit),
    (edit / cold).toFixed(3),
    '',
  ]);
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${mib(os.totalmem())} RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const lines = [
  `Machine: ${machine}; runs per figure: ${runs} (median); command: npm run bench -- ${process.argv.slice(2).join(' ')}`,
  '',
  '| benchmark | time | ratio to baseline | target |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];
console.log(lines.join('\n'));
await mkdir(path.resolve(import.meta.dirname, 'results'), { recursive: true });
await writeFile(path.resolve(import.meta.dirname, 'results/latest.md'), lines.join('\n') + '\n');
await rm(work, { recursive: true, force: true });
