import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { PipelineError } from '../../errors.ts';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/** PUPPETEER_EXECUTABLE_PATH, else a system Chromium, else a browser puppeteer downloaded, else undefined. */
export function findBrowser(): string | undefined {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  return SYSTEM_BROWSERS.find((candidate) => existsSync(candidate)) ?? downloadedBrowser();
}

/**
 * The newest browser in puppeteer's cache (`npx puppeteer browsers install chrome-headless-shell`).
 * pressroom depends on puppeteer-core, which never downloads one: installing pressroom cannot fail
 * because a browser download is impossible, and a machine with Debian's Chromium downloads nothing.
 */
function downloadedBrowser(): string | undefined {
  const cacheDir = process.env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  for (const browser of ['chrome-headless-shell', 'chrome'] as const) {
    let folders: string[];
    try {
      folders = readdirSync(path.join(cacheDir, browser));
    } catch {
      continue;
    }
    // Folders are <platform>-<buildId>; the newest build first.
    const buildIds = folders.map((folder) => folder.slice(folder.indexOf('-') + 1));
    buildIds.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    // Loaded here, not with this module: a build without PDF, or with a system Chromium, never needs it.
    const { computeExecutablePath, Browser: BrowserName } = createRequire(import.meta.url)(
      '@puppeteer/browsers',
    ) as typeof import('@puppeteer/browsers');
    for (const buildId of buildIds) {
      const executable: unknown = computeExecutablePath({
        cacheDir,
        browser: browser === 'chrome' ? BrowserName.CHROME : BrowserName.CHROMEHEADLESSSHELL,
        buildId,
      });
      // A path from @puppeteer/browsers 2 (puppeteer 24); checked, since its next majors turned such
      // lookups asynchronous in places (puppeteer 25's executablePath), and a Promise is no file.
      if (typeof executable === 'string' && existsSync(executable)) return executable;
    }
  }
  return undefined;
}

/**
 * One browser for the whole build. The flags keep a sandboxed CI machine quiet: no background
 * networking, sync or component updates, which a closed network refuses many times per start.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) {
    throw new PipelineError(
      'Cannot find Chromium for PDF output (the other formats need none); install one (Debian/Ubuntu: `apt-get install chromium`; in a pressroom checkout `npm start` as root does it), or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary, or download one with `npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer`',
    );
  }
  // puppeteer is loaded by the first print, not by every command that might print.
  const { default: puppeteer } = await import('puppeteer-core');
  try {
    return await puppeteer.launch({
      executablePath,
      headless: true,
      // Puppeteer's own handlers would end the process on Ctrl-C (process.exit(130)) before the build
      // removes its staging folder and lock; the CLI aborts the build instead, and the pool closes Chromium.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        '--font-render-hinting=none',
        // Request interception never sees Chromium's speculative connections (preconnect, the target of
        // a refresh or an iframe); with every connection sent to a closed local port, loopback included,
        // they have nowhere to go. Browser-wide rather than per context: a context costs each print.
        '--proxy-server=http://127.0.0.1:9',
        '--proxy-bypass-list=<-loopback>',
      ],
    });
  } catch (cause) {
    throw new PipelineError(
      `Cannot start Chromium at ${executablePath}; check that it runs (\`${executablePath} --version\`) or set PUPPETEER_EXECUTABLE_PATH`,
      { cause },
    );
  }
}

export interface PoolOptions {
  /** Pages printing at once. */
  concurrency: number;
  /** A print that takes longer is taken for a hung browser: the browser is killed and restarted. */
  timeoutMs?: number;
  /** Attempts per document, the first included, before the build fails. */
  attempts?: number;
  launch?: () => Promise<Browser>;
  /** Told about every restart, for the build report. */
  onRestart?: (reason: string) => void;
}

/**
 * One Chromium for the whole build and at most `concurrency` pages in it. A crash or a hang costs a
 * restart and a bounded retry of the documents that were printing, never the build.
 */
export class BrowserPool {
  private current: Promise<Browser> | undefined;
  private readonly launched = new Set<Promise<Browser>>();
  private closed = false;
  private generation = 0;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  restarts = 0;
  private readonly timeoutMs: number;
  private readonly attempts: number;

  constructor(private readonly options: PoolOptions) {
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.attempts = options.attempts ?? 3;
  }

  /** The live browser, launched on first use. */
  browser(): Promise<Browser> {
    // A print abandoned after a timeout may still ask for a browser once the build has closed the
    // pool; launching one then would leave a Chromium that nobody closes and keep Node alive.
    if (this.closed) return Promise.reject(new PipelineError('The browser pool is closed'));
    if (!this.current) {
      const launching = (this.options.launch ?? launchBrowser)();
      this.launched.add(launching);
      launching.catch(() => this.launched.delete(launching));
      this.current = launching;
    }
    return this.current;
  }

  /**
   * Starts the browser without waiting for it, so that its launch overlaps the work before the first
   * print. A failed launch is reported by the print that needed it, as without this.
   */
  warm(): void {
    this.browser().catch(() => undefined);
  }

  /** Runs `task` on a page slot; retried on a fresh browser when the browser died or hung under it. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      for (let attempt = 1; ; attempt += 1) {
        const generation = this.generation;
        let browser: Browser | undefined;
        try {
          browser = await this.browser();
          return await withTimeout(untilExit(task(), browser), this.timeoutMs);
        } catch (error) {
          const hung = error instanceof HangError;
          const exited = error instanceof ExitError;
          // A browser that never came up is not retried: launching again would fail the same way.
          if (!browser || (!hung && !exited && browser.connected)) throw error;
          if (attempt >= this.attempts) {
            throw new PipelineError(
              `Chromium ${hung ? 'hung' : 'crashed'} ${attempt} times on the same document; check memory and the page, or raise --concurrency limits`,
              { cause: error },
            );
          }
          await this.restart(generation, hung ? `no answer in ${this.timeoutMs} ms` : 'browser disconnected');
        }
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.current = undefined;
    const browsers = await Promise.all([...this.launched].map((launching) => launching.catch(() => undefined)));
    this.launched.clear();
    await Promise.all(browsers.map((browser) => closeHard(browser)));
  }

  /** Only the first task to notice a dead browser restarts it; the others reuse the new one. */
  private async restart(generation: number, reason: string): Promise<void> {
    if (generation !== this.generation) return;
    this.generation += 1;
    this.restarts += 1;
    this.options.onRestart?.(reason);
    const launching = this.current;
    this.current = undefined;
    if (launching) this.launched.delete(launching);
    const old = await launching?.catch(() => undefined);
    old?.process()?.kill('SIGKILL');
    await closeHard(old);
  }

  private async acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}

class HangError extends Error {}
class ExitError extends Error {}

/**
 * Rejects as soon as Chromium's main process exits: a print on a killed browser otherwise waits for the
 * timeout (two minutes), as the browser's children keep the pipe open and puppeteer sees no disconnect.
 */
function untilExit<T>(promise: Promise<T>, browser: Browser): Promise<T> {
  const child = browser.process();
  if (!child) return promise;
  let onExit = (): void => undefined;
  const exited = new Promise<never>((_, reject) => {
    onExit = () => reject(new ExitError('Chromium exited under a print'));
    if (child.exitCode !== null || child.signalCode !== null) onExit();
    else child.once('exit', onExit);
  });
  return Promise.race([promise, exited]).finally(() => child.off('exit', onExit));
}

/** A hung browser may never answer `close()`: the process is killed first. */
async function closeHard(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  const child = browser.process();
  if (child && child.exitCode === null && !browser.connected) child.kill('SIGKILL');
  await withTimeout(browser.close(), 5_000).catch(() => child?.kill('SIGKILL'));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HangError(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
