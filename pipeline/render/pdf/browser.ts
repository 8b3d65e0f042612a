import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';
import { PipelineError } from '../../errors.ts';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/** PUPPETEER_EXECUTABLE_PATH, else a system Chromium, else the browser puppeteer downloaded, else undefined. */
export function findBrowser(): string | undefined {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  const system = SYSTEM_BROWSERS.find((candidate) => existsSync(candidate));
  if (system) return system;
  try {
    const bundled = puppeteer.executablePath();
    return existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One browser for the whole build. The flags keep a sandboxed CI machine quiet: no background
 * networking, sync or component updates, which a closed network refuses many times per start.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) {
    throw new PipelineError(
      'Cannot find Chromium for PDF output; on Debian/Ubuntu run `npm start` as root (it installs the `chromium` package), or install Chromium and set PUPPETEER_EXECUTABLE_PATH, or run `npx puppeteer browsers install chrome`',
    );
  }
  try {
    return await puppeteer.launch({
      executablePath,
      headless: true,
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
      ],
    });
  } catch (cause) {
    throw new PipelineError(
      `Cannot start Chromium at ${executablePath}; check that it runs (\`${executablePath} --version\`) or set PUPPETEER_EXECUTABLE_PATH`,
      { cause },
    );
  }
}
