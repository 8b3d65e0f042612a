// The no-op rebuild of a large archive through the CLI, against the CLI's own start, in one run (issue 20:
// "the no-op rebuild ≤ 1 s beyond the CLI's start"). N generated transcripts (bench/corpus.ts) × en, ru, ky ×
// the formats of --formats (default html,epub: PDFs would make the cold build of 900 prints take the better
// part of an hour on this machine) are built once with the artifact cache; then, interleaved, `node -e 0`,
// `pressroom --help` and `pressroom build` again with nothing changed, each a fresh process.
// pressroom runs as an installed package does (dist/ copied with bin/ and package.json beside a link to
// node_modules), so no TypeScript is compiled while it is timed.
//
//   node --import tsx bench/noop.ts [--docs 300] [--runs 5] [--formats html,epub] [--profile] [--against <checkout>]
// --profile writes a CPU profile of one more no-op build (node --cpu-prof) and prints its heaviest functions.
// --against installs another checkout (another commit's tree, node_modules linked) the same way, builds its
// own copy of the corpus, and times its no-op interleaved with this one's: a before/after in one run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';
import { installCheckout, repo } from './install.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '300' },
    runs: { type: 'string', default: '5' },
    formats: { type: 'string', default: 'html,epub' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    against: { type: 'string' },
  },
});
const runs = Number(values.runs);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function timed(args: string[], cwd: string): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-noop-'));
const install = (checkout: string, name: string) => installCheckout(checkout, scratch, name);
const bin = install(repo, 'pressroom');
const otherBin = values.against ? install(path.resolve(values.against), 'against') : undefined;

const project = await generateCorpus(path.join(scratch, 'project'), Number(values.docs));
const build = [bin, 'build', '--formats', values.formats!, '--json'];
const cold = timed(build, project);
// The other checkout builds its own copy of the same corpus (same seed) into its own cache.
const otherProject = otherBin ? await generateCorpus(path.join(scratch, 'against-project'), Number(values.docs)) : undefined;
const otherBuild = otherBin ? [otherBin, 'build', '--formats', values.formats!, '--json'] : undefined;
if (otherBuild) process.stdout.write(`cold build (--against): ${seconds(timed(otherBuild, otherProject!).ms)}\n`);
/** The CLI's --json summary without its long lists. */
const summary = (stdout: string) => {
  const parsed = JSON.parse(stdout) as Record<string, unknown>;
  return JSON.stringify({
    ...parsed,
    messages: undefined,
    rebuilt: Array.isArray(parsed.rebuilt) ? parsed.rebuilt.length : parsed.rebuilt,
  });
};
process.stdout.write(`cold build: ${seconds(cold.ms)} (${summary(cold.stdout)})\n`);

const samples = { node: [] as number[], help: [] as number[], noop: [] as number[], against: [] as number[] };
let last = '';
const loads: number[] = [];
for (let run = 0; run < runs; run += 1) {
  // Interleaved, so that a neighbour's load on the shared machine hits every side alike.
  loads.push(os.loadavg()[0]!);
  samples.node.push(timed(['-e', '0'], project).ms);
  samples.help.push(timed([bin, '--help'], project).ms);
  const noop = timed(build, project);
  samples.noop.push(noop.ms);
  last = summary(noop.stdout);
  if (otherBuild) samples.against.push(timed(otherBuild, otherProject!).ms);
}
const report = JSON.parse(readFileSync(path.join(project, 'output', 'report.json'), 'utf8')) as { timings?: unknown };
const node = median(samples.node);
const help = median(samples.help);
const noop = median(samples.noop);
const files = (folder: string): number =>
  readdirSync(folder, { withFileTypes: true }).reduce(
    (sum, entry) => sum + (entry.isDirectory() ? files(path.join(folder, entry.name)) : 1),
    0,
  );
const rows = [
  ['`node -e 0`', seconds(node), ''],
  ['`pressroom --help` (the CLI’s start)', seconds(help), ''],
  [
    `no-op \`pressroom build --formats ${values.formats}\`, ${values.docs} × 3 archive (${files(path.join(project, 'output'))} files)`,
    seconds(noop),
    `${seconds(noop - help)} beyond the start (${(noop / help).toFixed(1)}× it); target ≤ 1 s beyond`,
  ],
  ...(otherBuild
    ? [
        [
          `the same no-op by --against ${values.against}`,
          seconds(median(samples.against)),
          `${seconds(median(samples.against) - help)} beyond the start (${(median(samples.against) / help).toFixed(1)}× it); this tree ${(noop / median(samples.against)).toFixed(2)}× it`,
        ],
      ]
    : []),
];
process.stdout.write(
  [
    '| measure | median | against the start |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `${runs} runs each, interleaved; ranges: --help ${samples.help.map((ms) => ms.toFixed(0)).join('/')} ms, no-op ${samples.noop
      .map((ms) => ms.toFixed(0))
      .join(
        '/',
      )} ms${otherBuild ? `, --against ${samples.against.map((ms) => ms.toFixed(0)).join('/')} ms` : ''}; load average (1 min) before each run ${loads
      .map((load) => load.toFixed(1))
      .join(', ')}.`,
    `The last no-op's summary: ${last}`,
    `Its stage timings (report.json): ${JSON.stringify(report.timings)}`,
    '',
  ].join('\n'),
);

if (values.profile) {
  const profiles = path.join(scratch, 'profile');
  timed(['--cpu-prof', '--cpu-prof-dir', profiles, ...build], project);
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount: number;
  }
  for (const file of readdirSync(profiles)) {
    const profile = JSON.parse(readFileSync(path.join(profiles, file), 'utf8')) as {
      nodes: Node[];
      samples: number[];
      timeDeltas: number[];
    };
    const self = new Map<number, number>();
    profile.samples.forEach((id, at) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[at] ?? 0)));
    const byFunction = new Map<string, number>();
    const byFile = new Map<string, number>();
    for (const node of profile.nodes) {
      const us = self.get(node.id) ?? 0;
      const where = node.callFrame.url.replace(/^.*\/(node_modules|dist)\//, '$1/');
      const name = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + us);
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(node.callFrame.url)?.[1] ?? (where || node.callFrame.functionName);
      byFile.set(pkg, (byFile.get(pkg) ?? 0) + us);
    }
    const top = (map: Map<string, number>, count: number) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([name, us]) => `  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`)
        .join('\n');
    process.stdout.write(
      `CPU profile of one more no-op (self time):\nby package or file:\n${top(byFile, 15)}\nby function:\n${top(byFunction, 25)}\n`,
    );
  }
}
if (values.keep) process.stdout.write(`kept: ${scratch}\n`);
else rmSync(scratch, { recursive: true, force: true });
