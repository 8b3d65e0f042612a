// Translation-memory benchmark: TMX load speed, index build, fuzzy lookup p50/p99 and recall against an
// exhaustive scan, at 10k/30 MB/100k/1M units. Figures only; nothing here is asserted by tests.
// Run: node --import tsx bench/tm/run.ts [--sizes 10000,83300,100000,1000000] [--load-runs 3] [--queries 300] [--scan-queries 40]
//
// Every measurement runs in a fresh Node process, so that a load is measured as `pressroom build` meets
// it: with nothing compiled yet by V8 and no heap left over from another size. Loads are repeated
// (`--load-runs`, median reported) because this shared machine's CPU is also taken by its neighbours
// (the steal share of each run is reported), and each is set against two baselines read in the same
// process from the same content: fast-xml-parser's bare parse of the file and V8's JSON.parse of the
// units as JSON, the floor of any reader written in JavaScript.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { FuzzyIndex } from '../../pipeline/tm/fuzzy.ts';
import { TranslationMemory } from '../../pipeline/tm/memory.ts';
import { parseTmx } from '../../pipeline/tm/tmx.ts';
import { readTextResource } from '../../pipeline/util/text-resource.ts';
import { generateUnits, mutate, toTmx } from './generate.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,83300,100000,1000000' },
    'load-runs': { type: 'string', default: '3' },
    queries: { type: 'string', default: '300' },
    'scan-queries': { type: 'string', default: '40' },
    // Lookups made before the measured ones: the first lookups of a process run while V8 is still
    // compiling the lookup, and are reported apart.
    warmup: { type: 'string', default: '50' },
    // TMX files above 64 MB are refused by the reader; the load figure is measured up to this size.
    'max-load': { type: 'string', default: '100000' },
    load: { type: 'string' },
    lookups: { type: 'string' },
  },
});

if (values.load !== undefined) console.log(JSON.stringify(await measureLoad(Number(values.load))));
else if (values.lookups !== undefined) console.log(JSON.stringify(measureLookups(Number(values.lookups))));
else {
  const passed = ['--queries', values.queries, '--scan-queries', values['scan-queries'], '--warmup', values.warmup];
  const child = (mode: string, size: string) => {
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, '--max-old-space-size=6000', fileURLToPath(import.meta.url), ...passed, `--${mode}`, size],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (run.status !== 0) throw new Error(`bench/tm: the ${mode} run for ${size} units failed (exit ${run.status ?? run.signal})`);
    return JSON.parse(run.stdout) as Record<string, number | string>;
  };
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)]!;
  for (const size of values.sizes.split(',')) {
    const row: Record<string, string> = { units: size, 'load average': os.loadavg()[0]!.toFixed(1) };
    if (Number(size) <= Number(values['max-load'])) {
      const loads = Array.from({ length: Number(values['load-runs']) }, () => child('load', size));
      const pick = (key: string) => loads.map((load) => Number(load[key]));
      const load = median(pick('load'));
      row.tmx = `${(Number(loads[0]!.bytes) / 1024 / 1024).toFixed(1)} MB`;
      row[`load, median of ${loads.length} (min-max)`] =
        `${(load / 1000).toFixed(2)} s (${Math.min(...pick('load')).toFixed(0)}-${Math.max(...pick('load')).toFixed(0)} ms; ` +
        `${(Number(loads[0]!.bytes) / 1024 / 1024 / (load / 1000)).toFixed(1)} MB/s; CPU ${(median(pick('cpu')) / 1000).toFixed(2)} s)`;
      row['read + decode / parse / exact map + tokens / posting lists'] =
        `${['read', 'parse', 'add', 'postings'].map((key) => median(pick(key)).toFixed(0)).join(' / ')} ms`;
      row['load / fast-xml-parser parse'] =
        `${median(loads.map((l) => Number(l.load) / Number(l.fastXmlParser))).toFixed(2)} (parser ${median(pick('fastXmlParser')).toFixed(0)} ms)`;
      row['load / JSON.parse'] =
        `${median(loads.map((l) => Number(l.load) / Number(l.jsonParse))).toFixed(2)} (JSON.parse ${median(pick('jsonParse')).toFixed(0)} ms)`;
      row['CPU steal during the loads'] = `${pick('steal')
        .map((steal) => `${steal.toFixed(0)}%`)
        .join(', ')}`;
    }
    Object.assign(row, child('lookups', size));
    console.log(JSON.stringify(row));
  }
}

/** CPU time of this process, in ms: on a shared machine a wall-clock p99 mostly measures preemption. */
function cpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Share of this machine's CPU time taken by the hypervisor for other guests since `since` (from /proc/stat). */
function stealSince(since: number[]): number {
  const now = machineCpuTimes();
  const total = now.reduce((sum, value, i) => sum + value - (since[i] ?? 0), 0);
  return total === 0 ? 0 : (100 * ((now[7] ?? 0) - (since[7] ?? 0))) / total;
}

function machineCpuTimes(): number[] {
  try {
    return readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  } catch {
    return [];
  }
}

/**
 * One cold load of a generated memory of `size` units, from a file on disk, through the functions the build
 * uses: read, decode, parse, exact map and fuzzy index, up to the first fuzzy answer (the posting lists are
 * built at the first fuzzy lookup). Then the baselines, from the same content.
 */
async function measureLoad(size: number): Promise<Record<string, number>> {
  const units = generateUnits(size, 42);
  const query = mutate(units[0]!.source, 0);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-tm-'));
  try {
    const file = path.join(folder, 'memory.tmx');
    writeFileSync(file, toTmx(units));
    writeFileSync(path.join(folder, 'memory.json'), JSON.stringify(units));
    const steal = machineCpuTimes();
    const startCpu = cpu();
    const start = performance.now();
    const text = await readTextResource(file, 'memory.tmx', 'the translation memory');
    const read = performance.now();
    const document = parseTmx(text, 'memory.tmx');
    const parsed = performance.now();
    const memory = new TranslationMemory();
    memory.add(document, 'en');
    const added = performance.now();
    const [first] = memory.match(query, ['ru'], { limit: 1 });
    const ready = performance.now();
    const cpuMs = cpu() - startCpu;
    if (!first) throw new Error('bench/tm: the first fuzzy lookup found nothing');

    const xmlStart = performance.now();
    new XMLParser({ ignoreAttributes: false }).parse(await readTextResource(file, 'memory.tmx', 'the translation memory'));
    const fastXmlParser = performance.now() - xmlStart;
    const jsonStart = performance.now();
    JSON.parse(await readTextResource(path.join(folder, 'memory.json'), 'memory.json', 'the units'));
    const jsonParse = performance.now() - jsonStart;
    return {
      bytes: Buffer.byteLength(text),
      load: ready - start,
      cpu: cpuMs,
      read: read - start,
      parse: parsed - read,
      add: added - parsed,
      postings: ready - added,
      fastXmlParser,
      jsonParse,
      steal: stealSince(steal),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Index build and lookups over `size` generated units, in a process of their own. */
function measureLookups(size: number): Record<string, string> {
  // The work is synchronous, so a timer would never fire: RSS is sampled after each phase instead.
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

  const units = generateUnits(size, 42);
  const queries = Array.from({ length: Number(values.queries) }, (_, i) => mutate(units[(i * 7919) % size]!.source, i));
  const warmups = Array.from({ length: Number(values.warmup) }, (_, i) => mutate(units[(i * 104_729 + 13) % size]!.source, 100_000 + i));
  const row: Record<string, string> = {};

  const start = performance.now();
  const index = new FuzzyIndex<{ source: string; target: string }>();
  for (const unit of units) index.add(unit);
  const added = performance.now();
  index.lookup(warmups[0] ?? queries[0]!, { limit: 1 });
  sample();
  row.index = `${seconds(performance.now() - start)} (adds ${seconds(added - start)}, posting lists at the first lookup)`;

  const warm = warmups.slice(1).map((query) => {
    const t = performance.now();
    index.lookup(query, { limit: 1 });
    return performance.now() - t;
  });
  warm.sort((a, b) => a - b);
  if (warm.length > 0)
    row[`first ${warm.length + 1} lookups of the process, p50/max`] = `${percentile(warm, 50).toFixed(2)}/${warm.at(-1)!.toFixed(2)} ms`;

  const times: number[] = [];
  const cpuTimes: number[] = [];
  const indexed = queries.map((query) => {
    const c = cpu();
    const t = performance.now();
    const [best] = index.lookup(query, { limit: 1 });
    times.push(performance.now() - t);
    cpuTimes.push(cpu() - c);
    return best?.score ?? 0;
  });
  // A second pass over the same queries: the faster of the two times per query is the lookup's own cost,
  // without the preemption and collector pauses that a shared machine adds to one of them.
  const steady = queries.map((query, i) => {
    const t = performance.now();
    index.lookup(query, { limit: 1 });
    return Math.min(performance.now() - t, times[i]!);
  });
  steady.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  row['lookup p50'] = `${percentile(times, 50).toFixed(2)} ms`;
  row['lookup p99'] = `${percentile(times, 99).toFixed(2)} ms`;
  row['lookup max'] = `${times.at(-1)!.toFixed(2)} ms`;
  row['lookup p50/p99, best of 2 passes'] = `${percentile(steady, 50).toFixed(2)}/${percentile(steady, 99).toFixed(2)} ms`;
  row['lookup CPU p50/p99'] = `${percentile(cpuTimes, 50).toFixed(2)}/${percentile(cpuTimes, 99).toFixed(2)} ms`;

  const scanCount = Math.min(queries.length, Number(values['scan-queries']));
  let found = 0;
  let scanTime = 0;
  let indexTime = 0;
  for (let i = 0; i < scanCount; i += 1) {
    const t0 = performance.now();
    const [best] = index.scan(queries[i]!, { limit: 1 });
    scanTime += performance.now() - t0;
    const t1 = performance.now();
    index.lookup(queries[i]!, { limit: 1 });
    indexTime += performance.now() - t1;
    // Recall: the index finds a match as good as the best one the exhaustive scan finds.
    if (!best || indexed[i]! >= best.score) found += 1;
  }
  row.recall = `${((100 * found) / scanCount).toFixed(1)}% of ${scanCount}`;
  row['indexed/exhaustive'] = `${(indexTime / scanTime).toFixed(4)} (scan ${(scanTime / scanCount).toFixed(1)} ms/lookup)`;
  sample();
  row['peak RSS'] = `${mb(peak)} MB`;
  return row;
}
