import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../build.ts';
import type { PipelineConfig } from '../config/defaults.ts';
import { relative } from '../resources.ts';
import { diagnosticFromError, printDiagnostics } from '../report/print.ts';
import { loadCliConfig, reportMessages } from './build.ts';
import { defineCommand } from './define.ts';
import { CONFIG_OPTION, FORMAT_OPTION } from './options.ts';
import type { Io } from './types.ts';

const templatesFolder = fileURLToPath(new URL('../../templates/', import.meta.url));

export const watchCommand = defineCommand({
  name: 'watch',
  synopsis: '[inputs…] [options]',
  about: `Builds, then rebuilds whenever a transcript, memory, glossary, UI string or template changes. The
incremental cache rebuilds only the documents and locales a change affects. Stop with Ctrl-C.`,
  options: {
    locales: { type: 'string', value: '<list>', help: 'locales to publish, comma-separated' },
    formats: { type: 'string', value: '<list>', help: 'formats to build (html alone gives the quickest feedback)' },
    out: { type: 'string', value: '<dir>', help: 'output folder (default: output)' },
    ...CONFIG_OPTION,
    format: { ...FORMAT_OPTION.format, help: `${FORMAT_OPTION.format.help}; json: one array per build` },
  },
  async run({ values, positionals, format }, io) {
    // With --format json stdout holds the arrays; what the session says goes to stderr.
    const say = format === 'json' ? io.err : io.out;
    const load = () => loadCliConfig(values, positionals);
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
        reportMessages(result.messages, io, format);
        const incremental = result.report.incremental;
        say(
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
        // As the CLI answers a failed command: in the format asked for, on stdout as well.
        if (format !== 'text') printDiagnostics([diagnosticFromError(error)], { format, write: io.out });
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
      say(`Watching ${watchers.length} folders; Ctrl-C to stop\n`);
    }
    await stopped;
    await running;
    return 0;
  },
});

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
