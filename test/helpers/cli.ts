import { spawn, spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const bin = path.join(repo, 'bin/pressroom.mjs');

/** Runs the CLI the way a user does: a separate node process, real files, exit code and stderr. */
export function pressroom(args: string[], options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: repo, ...options, encoding: 'utf8' });
}

/** The CLI as a process, running on; `node` adds options for node itself (a module to preload, say). */
export function pressroomAsync(args: string[], cwd = repo, node: { args?: string[]; env?: Record<string, string> } = {}) {
  return spawn(process.execPath, [...(node.args ?? []), bin, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...node.env },
  });
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in this process: `main(argv, io)` with its output captured, from `cwd`, with `env` set on
 * top of process.env. Same exit codes and messages as the bin without a node process (and a TypeScript
 * compile) per call; for what only a process shows (signals, the bin, stdin/stdout) use `pressroom`.
 * The working folder and environment belong to the process, so runs queue up one at a time.
 */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  const run = queue.then(async () => {
    const { main } = await import('../../pipeline/cli.ts');
    const cwd = process.cwd();
    const saved = Object.entries(options.env ?? {}).map(([key]) => [key, process.env[key]] as const);
    let stdout = '';
    let stderr = '';
    try {
      process.chdir(options.cwd ?? repo);
      for (const [key, value] of Object.entries(options.env ?? {})) setEnv(key, value);
      const status = await main(args, { out: (text) => void (stdout += text), err: (text) => void (stderr += text) });
      return { status, stdout, stderr };
    } finally {
      process.chdir(cwd);
      for (const [key, value] of saved) setEnv(key, value);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

function setEnv(key: string, value: string | undefined): void {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}

/** Every file under `folder` (relative path → bytes), hidden entries included when `hidden`. */
export function snapshot(folder: string, hidden = true): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!hidden && entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(folder, full), readFileSync(full));
    }
  };
  walk(folder);
  return files;
}
