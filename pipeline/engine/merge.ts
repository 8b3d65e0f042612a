import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildReport } from '../build.ts';
import { PipelineError } from '../errors.ts';
import { termReport } from '../report/glossary-report.ts';
import type { IndexDocument } from '../report/index-model.ts';

export interface MergedShards {
  report: BuildReport;
  index: IndexDocument[];
}

/**
 * Reads every shard-K-of-N/ folder a sharded build left in `out` and joins them: all N shards must be
 * there, from the same split, with no document twice; documents come out in slug order.
 */
export async function mergeShards(out: string): Promise<MergedShards> {
  // Top-level folders: the output is swapped entry by entry, so each shard's build keeps the others'.
  const folder = out;
  const names = await readdir(folder).catch(() => [] as string[]);
  const parts = names.map((name) => ({ name, match: /^shard-(\d+)-of-(\d+)$/.exec(name) })).filter((part) => part.match);
  if (parts.length === 0)
    throw new PipelineError(
      `No shard reports in ${folder}; run \`pressroom build --shard K/N\` for each K and gather their outputs into one folder first`,
    );
  const count = Number(parts[0]!.match![2]);
  if (parts.some((part) => Number(part.match![2]) !== count))
    throw new PipelineError(
      `The shard reports in ${folder} come from different splits (${parts.map((part) => part.name).join(', ')}); keep one build's shards only`,
    );
  const present = new Set(parts.map((part) => Number(part.match![1])));
  const missing = Array.from({ length: count }, (_, at) => at + 1).filter((index) => !present.has(index));
  if (missing.length > 0)
    throw new PipelineError(
      `Missing shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} in ${folder}; wait for every shard to finish and gather its output`,
    );

  const report: BuildReport = { documents: [], timings: {}, messages: [], incremental: { rebuilt: [], reused: 0, browserRestarts: 0 } };
  const index: IndexDocument[] = [];
  const seen = new Map<string, string>();
  for (const part of parts) {
    const read = async <T>(file: string): Promise<T> => {
      const where = path.join(folder, part.name, file);
      try {
        return JSON.parse(await readFile(where, 'utf8')) as T;
      } catch (cause) {
        throw new PipelineError(`Cannot read ${where}; the shard's output is incomplete, rebuild that shard`, { cause });
      }
    };
    const shardReport = await read<BuildReport>('report.json');
    for (const document of shardReport.documents) {
      const other = seen.get(document.slug);
      if (other)
        throw new PipelineError(
          `Document ${document.slug} is in shards ${other} and ${part.name}; the shards overlap, rebuild them with the same inputs`,
        );
      seen.set(document.slug, part.name);
    }
    report.documents.push(...shardReport.documents);
    report.messages.push(...shardReport.messages);
    for (const [stage, ms] of Object.entries(shardReport.timings)) report.timings[stage] = (report.timings[stage] ?? 0) + ms;
    if (shardReport.incremental) {
      report.incremental!.rebuilt.push(...shardReport.incremental.rebuilt);
      report.incremental!.reused += shardReport.incremental.reused;
      report.incremental!.browserRestarts += shardReport.incremental.browserRestarts;
    }
    index.push(...(await read<IndexDocument[]>('index.json')));
  }
  report.documents.sort((a, b) => a.slug.localeCompare(b.slug));
  report.terms = termReport(report.documents);
  index.sort((a, b) => a.slug.localeCompare(b.slug));
  return { report, index };
}
