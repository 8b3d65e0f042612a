// pressroom benchmarks, each against a baseline measured in the same run (see bench/README.md):
//   1. PDF stage vs a minimal puppeteer script (same HTML, same page.pdf options, same concurrency)
//   2. HTML + EPUB vs Debian pandoc, one process per document and format
//   3. cold batch of N transcripts × en, ru, ky × all formats: wall time, docs/s, peak memory, heap growth,
//      against the PDF floor (baseline 1 per page × the batch's PDFs)
//   4. incremental: no-op rebuild and a one-concept glossary edit (median of --runs each)
//   5. 1 vs 2 concurrent pages
// Usage: npm run bench [-- --docs 300 --sample 8 --pandoc-docs 20 --runs 5 --batch-runs 1 --only pdf,pandoc,batch,scaling]
//        [--cli-baseline <another checkout's bin/pressroom.mjs>: a second CLI timed in the same runs as ours, for before/after]
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from '../pipeline/build.ts';
import type { PipelineConfig } from '../pipeline/config/defaults.ts';
import { normalizeConfig, readConfigFile } from '../pipeline/config/load.ts';
import { silentProgress } from '../pipeline/engine/progress.ts';
import { BrowserPool, launchBrowser } from '../pipeline/render/pdf/browser.ts';
import { printPdf } from '../pipeline/render/pdf/print.ts';
import { generateCorpus } from './corpus.ts';
import { installCheckout, repo } from './install.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '300' },
    sample: { type: 'string', default: '8' },
    runs: { type: 'string', default: '5' },
    'pandoc-docs': { type: 'string', default: '20' },
    'batch-runs': { type: 'string', default: '1' },
    only: { type: 'string', default: 'pdf,pandoc,batch,scaling' },
    'cli-baseline': { type: 'string' },
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
        '   pressroom PDF stage (pool, interception, JavaScript off, fonts ready, Info, XMP and outline rewritten)',
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

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || '100');

/** CPU time (ms) of the child processes this one has waited for: cutime + cstime of /proc/self/stat. */
function childrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

if (only.has('pandoc')) {
  const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (pandoc.status !== 0) {
    rows.push(['2. pandoc not installed (run bench/install-tools.sh)', '', '', '']);
  } else {
    // The same documents on both sides, as many as --pandoc-docs: pressroom builds them as one batch, which
    // is how it is used; pandoc starts one process per document and format, which is how it is used.
    const inputs = transcripts.slice(0, Math.max(2, Number(values['pandoc-docs'])));
    const count = inputs.length;
    const markdown = path.join(work, 'md');
    await mkdir(markdown, { recursive: true });
    const mdFiles: string[] = [];
    for (const input of inputs) {
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
    const batchOf = (some: string[]) =>
      build({ ...config, locales: ['en'], formats: ['html', 'epub'], inputs: some }, { write: false, progress: silentProgress });
    // The CLI as a user runs it, from the package as installed: dist/ built now (scripts/build.mjs) and copied
    // with bin/ and package.json beside a link to node_modules, so that no TypeScript is compiled while it is
    // timed whatever the checkout's dist/ holds. A fresh Node process for the batch, writing the files.
    const installedBin = installCheckout(repo, work, 'pressroom');
    const cliOut = path.join(work, 'cli-out');
    const cli = (bin = installedBin) =>
      execFileSync(
        process.execPath,
        [bin, 'build', ...inputs, '--config', path.join(corpus, 'pressroom.config.json')].concat([
          '--locales',
          'en',
          '--formats',
          'html,epub',
          '--out',
          cliOut,
          '--no-cache',
          '--quiet',
        ]),
        { stdio: 'ignore' },
      );
    await batchOf(inputs); // warm-up: modules compiled, fonts read
    const pandocTimes: number[] = [];
    const batchTimes: number[] = [];
    const oneTimes: number[] = [];
    const cliTimes: number[] = [];
    // CPU time as well as wall time: on a shared machine a process waiting for a core is not working.
    const pandocCpu: number[] = [];
    const batchCpu: number[] = [];
    const cliCpu: number[] = [];
    const baselineBin = values['cli-baseline'] && path.resolve(values['cli-baseline']);
    const baselineTimes: number[] = [];
    const baselineCpu: number[] = [];
    let stages: Record<string, number> = {};
    for (let run = 0; run < runs; run += 1) {
      let children = childrenCpu();
      pandocTimes.push(await timed(pandocRun));
      pandocCpu.push(childrenCpu() - children);
      const own = process.cpuUsage();
      batchTimes.push(
        await timed(async () => {
          stages = (await batchOf(inputs)).report.timings;
        }),
      );
      const used = process.cpuUsage(own);
      batchCpu.push((used.user + used.system) / 1000);
      oneTimes.push(await timed(() => batchOf(inputs.slice(0, 1))));
      children = childrenCpu();
      cliTimes.push(await timed(async () => cli()));
      cliCpu.push(childrenCpu() - children);
      if (baselineBin) {
        children = childrenCpu();
        baselineTimes.push(await timed(async () => cli(baselineBin)));
        baselineCpu.push(childrenCpu() - children);
      }
    }
    const perPandoc = median(pandocTimes) / count;
    const perBatch = median(batchTimes) / count;
    // What one more document costs a running batch: the fixed cost (resources, site index) taken out.
    const marginal = (median(batchTimes) - median(oneTimes)) / (count - 1);
    const perCli = median(cliTimes) / count;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const version = pandoc.stdout.split('\n')[0];
    const stageList = Object.entries(stages)
      .map(([name, total]) => `${name} ${(total / count).toFixed(1)}`)
      .join(', ');
    rows.push(
      [
        `2. HTML + EPUB, ${count} en documents: ${version}, one process per document and format (baseline)`,
        `${ms(perPandoc)}/doc`,
        '1.00',
        '',
      ],
      [
        `   pressroom, one in-process batch of ${count} (resources loaded included)`,
        `${ms(perBatch)}/doc`,
        (perBatch / perPandoc).toFixed(3),
        `speed-up ${(perPandoc / perBatch).toFixed(1)}× (target ≥ 10×)`,
      ],
      [
        `   pressroom, each further document of a batch ((batch of ${count} − batch of 1) / ${count - 1})`,
        `${ms(marginal)}/doc`,
        (marginal / perPandoc).toFixed(3),
        `speed-up ${(perPandoc / marginal).toFixed(1)}×`,
      ],
      [
        `   pressroom CLI, one process for the ${count} documents (compiled package: Node start, resources, files written)`,
        `${ms(perCli)}/doc`,
        (perCli / perPandoc).toFixed(3),
        `speed-up ${(perPandoc / perCli).toFixed(1)}× (target ≥ 8×)`,
      ],
      ...(baselineBin
        ? [
            [
              `   the CLI of ${baselineBin} (--cli-baseline), the same runs`,
              `${ms(median(baselineTimes) / count)}/doc, CPU ${ms(median(baselineCpu) / count)}/doc`,
              (median(baselineTimes) / count / perPandoc).toFixed(3),
              `speed-up ${(perPandoc / (median(baselineTimes) / count)).toFixed(1)}×`,
            ],
          ]
        : []),
      [`   CPU time (user + system): pandoc, ${runs} runs`, `${ms(median(pandocCpu) / count)}/doc`, '1.00', ''],
      [
        `   CPU time: pressroom in-process batch of ${count}`,
        `${ms(median(batchCpu) / count)}/doc`,
        (median(batchCpu) / median(pandocCpu)).toFixed(3),
        `speed-up ${(median(pandocCpu) / median(batchCpu)).toFixed(1)}×`,
      ],
      [
        `   CPU time: pressroom CLI process for the ${count}`,
        `${ms(median(cliCpu) / count)}/doc`,
        (median(cliCpu) / median(pandocCpu)).toFixed(3),
        `speed-up ${(median(pandocCpu) / median(cliCpu)).toFixed(1)}×`,
      ],
      [`   pressroom stage time per document in the batch (ms): ${stageList}`, '', '', ''],
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

/** The live heap after a full collection: what the batch holds on to, not the garbage it has not collected yet. */
function liveHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

if (only.has('batch')) {
  const total = transcripts.length * config.locales.length;
  // Baseline: what the batch's PDFs physically need, the minimal puppeteer script's time per page (same
  // pages, 2 at once) times the batch's PDFs. The batch adds HTML, EPUB, bundles, TM and glossary work.
  const pages = await writePages();
  const floor = ((await pdfStage(pages, 2)).bare / pages.length) * total;
  const batchRuns = Math.max(1, Number(values['batch-runs']));
  const colds: number[] = [];
  const cache = path.join(work, 'cache');
  const peak = { heap: 0, rss: 0, chromium: 0 };
  const tenths: number[] = [];
  for (let run = 0; run < batchRuns; run += 1) {
    await rm(cache, { recursive: true, force: true });
    tenths.length = 0;
    const sampler = setInterval(() => {
      const memory = process.memoryUsage();
      peak.heap = Math.max(peak.heap, memory.heapUsed);
      peak.rss = Math.max(peak.rss, memory.rss);
      peak.chromium = Math.max(peak.chromium, chromiumRss());
    }, 500);
    let done = 0;
    const progress = {
      ...silentProgress,
      artifact() {
        done += 1;
        if (done % Math.max(1, Math.floor(total / 10)) === 0) {
          tenths.push(liveHeap());
          process.stderr.write(`batch: ${done}/${total}, live heap ${mib(tenths.at(-1)!)}\n`);
        }
      },
    };
    colds.push(await timed(() => build(config, { cache, concurrency: 2, progress })));
    clearInterval(sampler);
  }
  const cold = median(colds);
  rows.push(
    [
      `3. cold batch: ${transcripts.length} transcripts × 3 locales × html, pdf, epub, bundle (${batchRuns} run${batchRuns > 1 ? 's' : ''})`,
      s(cold),
      (cold / floor).toFixed(2),
      '',
    ],
    [`   baseline: minimal puppeteer per page × ${total} PDFs, 2 at once`, s(floor), '1.00', ''],
    ['   documents × locales per second', (total / (cold / 1000)).toFixed(2), '', ''],
    ['   peak Node heap / RSS (sampled every 0.5 s)', `${mib(peak.heap)} / ${mib(peak.rss)}`, '', 'heap < 500 MiB'],
    ['   peak Chromium RSS (all its processes)', mib(peak.chromium), '', ''],
    [
      '   live heap after GC at the 1st vs the last tenth of the batch',
      `${mib(tenths[0] ?? 0)} → ${mib(tenths.at(-1) ?? 0)} (tenths: ${tenths.map((bytes) => (bytes / 1024 / 1024).toFixed(0)).join(', ')})`,
      ((tenths.at(-1) ?? 0) / (tenths[0] ?? 1)).toFixed(2),
      'no growth',
    ],
  );
  const noops: number[] = [];
  let reusedAll = true;
  for (let run = 0; run < runs; run += 1) {
    noops.push(
      await timed(async () => {
        const result = await build(config, { cache, concurrency: 2 });
        reusedAll &&= result.report.incremental?.rebuilt.length === 0;
      }),
    );
  }
  rows.push([
    `4. no-op rebuild (every artifact from the cache, output re-linked${reusedAll ? '' : '; SOME ARTIFACTS WERE REBUILT'})`,
    s(median(noops)),
    (median(noops) / cold).toFixed(3),
    '< 2 s',
  ]);
  // One concept edited, then put back, and so on: every run is a one-concept edit that rebuilds the same artifacts.
  const tbx = path.join(corpus, 'locales/glossary.tbx');
  const original = await readFile(tbx, 'utf8');
  const start = original.indexOf('<conceptEntry id="c-collective-security-treaty-organisation">');
  const ky = original.indexOf('<langSec xml:lang="ky">', start);
  const edited = original.slice(0, ky) + original.slice(ky).replace(/<term>([^<]*)<\/term>/, '<term>$1 (edited)</term>');
  const edits: number[] = [];
  const counts = new Set<number>();
  let rebuilt: string[] = [];
  for (let run = 0; run < runs; run += 1) {
    await writeFile(tbx, run % 2 === 0 ? edited : original);
    edits.push(
      await timed(async () => {
        rebuilt = (await build(config, { cache, concurrency: 2 })).report.incremental?.rebuilt ?? [];
      }),
    );
    counts.add(rebuilt.length);
  }
  let containing = 0;
  for (const file of transcripts)
    if (/Collective\sSecurity\sTreaty\sOrganisation|CSTO/u.test(await readFile(file, 'utf8'))) containing += 1;
  const locales = [...new Set(rebuilt.map((name) => name.split('/').at(-1)))].join(', ');
  rows.push([
    `   one-concept glossary edit (ky term of CSTO): ${[...counts].join(' or ')} artifacts rebuilt (locales: ${locales}); ${containing} transcripts name the concept`,
    s(median(edits)),
    (median(edits) / cold).toFixed(3),
    '',
  ]);
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${mib(os.totalmem())} RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const load = os
  .loadavg()
  .map((value) => value.toFixed(2))
  .join(', ');
const lines = [
  `Machine: ${machine}; load average at the end (1, 5, 15 min): ${load}; ${new Date().toISOString().slice(0, 16)} UTC`,
  `Runs per figure: ${runs} (median); command: npm run bench -- ${process.argv.slice(2).join(' ')}`,
  '',
  '| benchmark | time | ratio to baseline | target |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];
console.log(lines.join('\n'));
await mkdir(path.resolve(import.meta.dirname, 'results'), { recursive: true });
await writeFile(path.resolve(import.meta.dirname, 'results/latest.md'), lines.join('\n') + '\n');
await rm(work, { recursive: true, force: true });
