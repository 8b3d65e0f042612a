// The sample project (pressroom.config.json: three originals × en, ru, ky, every format, real Chromium)
// built once per `npm test` run through the CLI's main(), for the test files that only read its outputs
// (e2e, render, site-every-page, fonts-subset). scripts/run-tests.mjs gives the run a folder of its own
// (PRESSROOM_TEST_SHARED), removed when the run ends; the first file to ask builds into it behind a lock,
// the others wait for the marker it writes last. The folder is named by a hash of everything the build
// reads, so a source edited during a run gets a build of its own. A file run alone (no run folder) builds
// privately and removes it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cli, repo } from './cli.ts';

export interface SampleBuild {
  /** The output folder: read it, never write to it. */
  out: string;
  status: number;
  stdout: string;
  stderr: string;
  /** Removes the build when it is this file's own; a no-op for the run's shared one. */
  dispose: () => void;
}

/** The build's inputs: the code, templates, sample, catalogs, config and package.json (the code's version). */
function inputsHash(): string {
  const hash = createHash('sha256');
  for (const entry of ['pipeline', 'templates', 'transcripts', 'locales', 'pressroom.config.json', 'package.json']) {
    const full = path.join(repo, entry);
    const names = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((each) => each.isFile())
          .map((each) => path.join(each.parentPath, each.name))
          .sort()
      : [full];
    for (const name of names)
      hash
        .update(`${path.relative(repo, name)}\0`)
        .update(readFileSync(name))
        .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Builds the sample into `folder`/out with a cache of its own (empty: every stage runs and is timed). */
async function buildInto(folder: string): Promise<Omit<SampleBuild, 'dispose'>> {
  const out = path.join(folder, 'out');
  const cache = path.join(folder, 'cache');
  const result = await cli(['build', '--out', out, '--cache', cache]);
  rmSync(cache, { recursive: true, force: true });
  return { out, ...result };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid the lock's holder wrote, or undefined while it has not yet. */
function lockOwner(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

let mine: Promise<SampleBuild> | undefined;

/** The sample, built: the run's shared build, or one of this file's own when it runs alone. */
export function sampleBuild(): Promise<SampleBuild> {
  mine ??= (async () => {
    const shared = process.env.PRESSROOM_TEST_SHARED;
    if (!shared) {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-sample-'));
      return { ...(await buildInto(folder)), dispose: () => rmSync(folder, { recursive: true, force: true }) };
    }
    const folder = path.join(shared, `sample-${inputsHash()}`);
    const marker = path.join(folder, 'build.json');
    const lock = `${folder}.lock`;
    for (let waited = 0; ; waited += 250) {
      if (existsSync(marker)) return { ...(JSON.parse(readFileSync(marker, 'utf8')) as Omit<SampleBuild, 'dispose'>), dispose: () => {} };
      try {
        mkdirSync(lock);
      } catch {
        // Another file is building it; a builder that died (its process gone) leaves the lock to the next.
        const owner = lockOwner(lock);
        if (owner !== undefined && !alive(owner)) rmSync(lock, { recursive: true, force: true });
        if (waited > 10 * 60_000) throw new Error(`the shared sample build at ${folder} never finished`);
        await sleep(250);
        continue;
      }
      try {
        writeFileSync(path.join(lock, 'pid'), String(process.pid));
        rmSync(folder, { recursive: true, force: true });
        mkdirSync(folder, { recursive: true });
        const built = await buildInto(folder);
        // Written whole, then renamed into place: a reader sees no marker or a complete one.
        writeFileSync(`${marker}.tmp`, JSON.stringify(built));
        renameSync(`${marker}.tmp`, marker);
        return { ...built, dispose: () => {} };
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
  })();
  return mine;
}

/** Every file under an output folder as the build returns them: path relative, with `/`, and bytes. */
export function outputFiles(folder: string): { path: string; contents: Uint8Array }[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
    .map((file) => ({ path: path.relative(folder, file).split(path.sep).join('/'), contents: new Uint8Array(readFileSync(file)) }));
}
