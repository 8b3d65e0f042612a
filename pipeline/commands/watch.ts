import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../build.ts';
import type { PipelineConfig } from '../config/defaults.ts';
import { relative } from '../resources.ts';
import { loadCliConfig, parseCommandArgs, printMessages, type CliConfigFlags } from './build.ts';
import type { Command, Io } from './types.ts';

const templatesFolder = fileURLToPath(new URL('../../templates/', import.meta.url));

const usage = `Usage: pressroom watch [inputs…] [options]

Builds, then rebuilds whenever a transcript, memory, glossary, UI string or template changes. The
incremental cache rebuilds only the documents and locales a change affects. Stop with Ctrl-C.

Options:
  --locales <list>   locales to publish, comma-separated
  --formats <list>   formats to build (html alone gives the quickest feedback)
  --out <dir>        output folder (default: output)
  --config <file>    config file (default: ./pressroom.config.json when present)
`;

export const watchCommand: Command = {
  name: 'watch',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      locales: { type: 'string' },
      formats: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
    });
    const load = () => loadCliConfig(values as CliConfigFlags, positionals);
    let config = await load();
    let running: Promise<void> | undefined;
    let again: string | undefined;
    // Ctrl-C stops a build under way at its next step, which removes its staging folder and lock.
    const stopping = new AbortController();
    const rebuild = async (reason: string) => {
      const started = performance.now();
      try {
        config = await load();
        const result = await build(config, { write: true, signal: stopping.signal });
        printMessages(result.messages, io.err);
        const incremental = result.report.incremental;
        io.out(
          `${reason}: built in ${((performance.now() - started) / 1000).toFixed(1)} s` +
            (incremental
              ? `, ${incremental.rebuilt.length} artifacts rebuilt (${incremental.rebuilt.join(', ') || 'none'}), ${incremental.reused} unchanged`
              : '') +
            '\n',
        );
      } catch (error) {
        if (stopping.signal.aborted) return;
        // A broken edit (a half-saved glossary) must not end the session: say what is wrong and wait for the fix.
        io.err(`${reason}: ${(error as Error).message}\n`);
      }
    };
    const schedule = (reason: string) => {
      if (running) {
        again = reason;
        return;
      }
      running = rebuild(reason).finally(() => {
        running = undefined;
        if (again) {
          const next = again;
          again = undefined;
          schedule(next);
        }
      });
    };
    let watchers: FSWatcher[] = [];
    const stopped = new Promise<void>((resolve) => {
      const stop = () => {
        stopping.abort();
        for (const watcher of watchers) watcher.close();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await rebuild('Initial build');
    if (!stopping.signal.aborted) {
      watchers = watchFolders(config, io, debounce(schedule));
      io.out(`Watching ${watchers.length} folders; Ctrl-C to stop\n`);
    }
    await stopped;
    await running;
    return 0;
  },
};

/** The folders holding everything a build reads; output and cache folders never trigger a build. */
function watchFolders(config: PipelineConfig, io: Io, onChange: (reason: string) => void): FSWatcher[] {
  const folders = new Set<string>([config.catalogs, templatesFolder]);
  for (const file of [...config.inputs, ...config.memories, ...config.glossaries])
    folders.add(/\.\w+$/.test(file) ? path.dirname(file) : file);
  const ignored = [config.out, path.join(path.dirname(config.out), '.pressroom-cache')];
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      watchers.push(
        watch(folder, { recursive: true }, (_event, name) => {
          if (!name) return;
          const full = path.join(folder, name.toString());
          if (ignored.some((skip) => full.startsWith(skip)) || /(^|[\\/])\.|~$|\.tmp$|\.import-\d+$/.test(name.toString())) return;
          onChange(`Changed ${relative(full)}`);
        }),
      );
    } catch (error) {
      io.err(`Cannot watch ${relative(folder)}: ${(error as Error).message}\n`);
    }
  }
  return watchers;
}

/** Editors save in bursts (write, rename, chmod): one build for the burst. */
function debounce(fn: (reason: string) => void, ms = 150): (reason: string) => void {
  let timer: NodeJS.Timeout | undefined;
  return (reason) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(reason), ms);
  };
}
