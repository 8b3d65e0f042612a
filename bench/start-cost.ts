// What starting pressroom costs, as ratios to baselines measured in the same run (issue 17):
//   1. `pressroom --help` against `node -e 0`: the compiled package's start, every command module unloaded.
//   2. the sample build (`npm start`: pressroom.config.json, every transcript × locale × its formats, no
//      cache) against what its work physically needs: one bare Chromium launch and a bare print of every
//      page the build prints (each transcript × locale, the same HTML, written by pressroom), plus pandoc's
//      HTML and EPUB of each transcript, and its DOCX when the build makes DOCX, when pandoc is installed
//      (bench/install-tools.sh installs it).
// pressroom runs as an installed package does: dist/ (built first) copied with bin/ and package.json into a
// scratch folder beside a link to node_modules, so no TypeScript is compiled while it is timed.
//
//   node --import tsx bench/start-cost.ts [--runs 5] [--against <another checkout>]
//
// --against times that checkout's sample build too (its dist/ built and installed the same way), interleaved
// with this one's, against the same baseline: a change's effect measured in one run, under one load.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../pipeline/render/pdf/browser.ts';
import { installCheckout, repo } from './install.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, against: { type: 'string' } } });
const runs = Number(values.runs);
const config = JSON.parse(readFileSync(path.join(repo, 'pressroom.config.json'), 'utf8')) as {
  inputs: string[];
  locales: string[];
  formats: string[];
};
const transcripts = config.inputs.map((input) => path.join(repo, input));
const slugOf = (transcript: string) => path.basename(transcript, path.extname(transcript));
const printed = config.formats.includes('pdf');
const docx = config.formats.includes('docx');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const format = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

function timedProcess(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return elapsed;
}

function hasPandoc(): boolean {
  return spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-start-cost-'));
const install = (checkout: string, name: string) => installCheckout(checkout, scratch, name);
const bin = install(repo, 'pressroom');
const against =
  values.against === undefined
    ? undefined
    : { checkout: path.resolve(values.against), bin: install(path.resolve(values.against), 'against') };
// A project folder: the sample's config, transcript and catalogs, and an output folder of its own.
const project = path.join(scratch, 'project');
mkdirSync(project);
for (const part of ['pressroom.config.json', 'transcripts', 'locales'])
  cpSync(path.join(repo, part), path.join(project, part), { recursive: true });

const pandoc = hasPandoc();
const executablePath = findBrowser();
if (!executablePath) throw new Error('No Chromium: see README (npm start installs one) or set PUPPETEER_EXECUTABLE_PATH');

/** A bare Chromium launch and one bare print of each locale's page, as a minimal puppeteer script does it. */
async function barePrints(): Promise<number> {
  const started = performance.now();
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  for (const transcript of transcripts)
    for (const locale of config.locales) {
      const page = await browser.newPage();
      await page.goto(`file://${path.join(project, 'output', slugOf(transcript), locale, 'index.html')}`, { waitUntil: 'load' });
      await page.pdf({ format: 'A4', printBackground: true });
      await page.close();
    }
  await browser.close();
  return performance.now() - started;
}

function pandocOutputs(): number {
  const out = path.join(scratch, 'pandoc');
  mkdirSync(out, { recursive: true });
  let ms = 0;
  for (const transcript of transcripts) {
    const title = ['--metadata', `title=${slugOf(transcript)}`];
    ms += timedProcess('pandoc', ['-f', 'markdown', '-s', ...title, transcript, '-o', path.join(out, 'x.html')], project);
    ms += timedProcess('pandoc', ['-f', 'markdown', ...title, transcript, '-o', path.join(out, 'x.epub')], project);
    if (docx) ms += timedProcess('pandoc', ['-f', 'markdown', ...title, transcript, '-o', path.join(out, 'x.docx')], project);
  }
  return ms;
}

const samples = {
  node: [] as number[],
  help: [] as number[],
  build: [] as number[],
  against: [] as number[],
  prints: [] as number[],
  pandoc: [] as number[],
};
// Warm-up: the file cache, and the sample's pages for the bare prints.
timedProcess(process.execPath, [bin, 'build', '--no-cache'], project);
if (against) timedProcess(process.execPath, [against.bin, 'build', '--no-cache'], project);
for (let run = 0; run < runs; run += 1) {
  // Interleaved, so that a neighbour's load on the shared machine hits every side alike.
  samples.node.push(timedProcess(process.execPath, ['-e', '0'], project));
  samples.help.push(timedProcess(process.execPath, [bin, '--help'], project));
  // The two builds take turns going first.
  const builds = [() => samples.build.push(timedProcess(process.execPath, [bin, 'build', '--no-cache'], project))];
  if (against)
    builds[run % 2 ? 'unshift' : 'push'](() =>
      samples.against.push(timedProcess(process.execPath, [against.bin, 'build', '--no-cache'], project)),
    );
  for (const each of builds) each();
  samples.prints.push(printed ? await barePrints() : 0);
  if (pandoc) samples.pandoc.push(pandocOutputs());
}
rmSync(scratch, { recursive: true, force: true });

const node = median(samples.node);
const help = median(samples.help);
const sampleBuild = median(samples.build);
const prints = median(samples.prints);
const pandocMs = pandoc ? median(samples.pandoc) : 0;
const baseline = prints + pandocMs;
const rows = [
  ['`node -e 0`', format(node), '1.00', ''],
  ['`pressroom --help` (compiled package)', format(help), (help / node).toFixed(2), '≤ 4'],
  [
    `baseline: Chromium launch + ${printed ? transcripts.length * config.locales.length : 0} bare prints${
      pandoc ? ` + pandoc HTML, EPUB${docx ? ' and DOCX' : ''} of ${transcripts.length} transcripts` : ' (pandoc not installed)'
    }`,
    `${format(baseline)}${pandoc ? ` (prints ${format(prints)}, pandoc ${format(pandocMs)})` : ''}`,
    '1.00',
    '',
  ],
  [
    `sample build: ${transcripts.length} transcripts × ${config.locales.length} locales × ${config.formats.join(', ')}, no cache`,
    format(sampleBuild),
    (sampleBuild / baseline).toFixed(2),
    '≤ 1.5',
  ],
  ...(against
    ? [
        [
          'the same sample build by ' + against.checkout,
          format(median(samples.against)),
          (median(samples.against) / baseline).toFixed(2),
          '',
        ],
      ]
    : []),
];
const table = ['| measure | median | ratio | target |', '| --- | --- | --- | --- |', ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
  '\n',
);
process.stdout.write(
  `${table}\n\n${runs} runs each, interleaved; load average ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}.\n`,
);
