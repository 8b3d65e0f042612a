// A build watched from outside: how often it read each of some files (readFile of node:fs/promises spied in
// every module's binding, syncBuiltinESMExports) and which documents its engine normalised (progress labels).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { build, type BuildOptions } from '../../pipeline/build.ts';
import type { PipelineConfig } from '../../pipeline/config/defaults.ts';
import { silentProgress } from '../../pipeline/engine/progress.ts';

export async function observedBuild(config: PipelineConfig, watched: readonly string[], options: BuildOptions) {
  const reads = new Map<string, number>();
  const original = fs.promises.readFile;
  fs.promises.readFile = function (this: unknown, ...args: Parameters<typeof original>) {
    const name = typeof args[0] === 'string' ? path.resolve(args[0]) : undefined;
    if (name && watched.includes(name)) reads.set(name, (reads.get(name) ?? 0) + 1);
    return original.apply(this, args);
  } as typeof original;
  syncBuiltinESMExports();
  const normalised: string[] = [];
  try {
    const result = await build(config, {
      ...options,
      concurrency: 1,
      progress: { ...silentProgress, stage: (label) => void (label.startsWith('normalise ') && normalised.push(label.slice(10))) },
    });
    return { result, reads, normalised };
  } finally {
    fs.promises.readFile = original;
    syncBuiltinESMExports();
  }
}
