#!/usr/bin/env node
// Installs what `npm start` and `npm test` need, and nothing that is already there:
//   - npm dependencies from package-lock.json (npm ci), re-run only when the lock file changed;
//   - a Chromium for PDF output: Debian's `chromium` package when running as root on Debian/Ubuntu,
//     else puppeteer's own download, else a message saying how to get one;
//   - the compiled dist/ (scripts/build.mjs), when a source is newer than it;
//   - with --test-tools: the independent checkers the tests use (EPUBCheck, poppler-utils, qpdf),
//     through scripts/install-test-tools.sh.
// Plain Node with no dependencies: it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const withTestTools = process.argv.includes('--test-tools');
const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

function log(message) {
  process.stderr.write(`bootstrap: ${message}\n`);
}

function fail(message) {
  log(message);
  process.exit(1);
}

function run(command, args, env = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  return result.status === 0;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
let aptUpdated = false;

function aptInstall(packages) {
  if (!aptUpdated) {
    if (!run('apt-get', ['update', '-qq'], { DEBIAN_FRONTEND: 'noninteractive' })) return false;
    aptUpdated = true;
  }
  return run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { DEBIAN_FRONTEND: 'noninteractive' });
}

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) fail(`Node ${process.versions.node} is too old: pressroom needs Node 20 or newer.`);

function systemBrowser() {
  if (process.env.PUPPETEER_EXECUTABLE_PATH) return process.env.PUPPETEER_EXECUTABLE_PATH;
  return SYSTEM_BROWSERS.find((candidate) => existsSync(candidate));
}

// 1. A browser first: with one on the system, npm ci skips puppeteer's download (see .puppeteerrc.cjs).
if (!systemBrowser() && isRoot && isDebian) {
  log('no Chromium found; installing Debian’s chromium package');
  if (!aptInstall(['chromium'])) log('apt-get could not install chromium; falling back to puppeteer’s own browser');
}

// 2. npm dependencies, only when the lock file changed since the last install.
const lock = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.pressroom-lock.sha256');
const lockHash = createHash('sha256').update(readFileSync(lock)).digest('hex');
const installed = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash;
if (!installed) {
  const env = systemBrowser() ? { PUPPETEER_SKIP_DOWNLOAD: 'true' } : {};
  if (!run('npm', ['ci', '--no-audit', '--no-fund'], env)) fail('npm ci failed; see the npm output above.');
  writeFileSync(stamp, `${lockHash}\n`);
}

// 3. No system browser: puppeteer's own (npm 11 does not run install scripts unless approved, so ask explicitly).
if (!systemBrowser()) {
  let cached;
  try {
    cached = execFileSync(
      process.execPath,
      // awaited: puppeteer 25 (Node 22+) returns a Promise where 24 returns the path.
      ['--input-type=module', '-e', "import p from 'puppeteer'; process.stdout.write(String(await p.executablePath()))"],
      { cwd: root, encoding: 'utf8' },
    );
  } catch {
    cached = undefined;
  }
  if (!cached || !existsSync(cached)) {
    if (!run('npx', ['--no-install', 'puppeteer', 'browsers', 'install', 'chrome-headless-shell'])) {
      fail(
        'No Chromium for PDF output. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; others: your package manager), ' +
          'or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary, then run this command again.',
      );
    }
  }
}

// 4. The compiled JavaScript bin/pressroom.mjs runs, when a source changed since it was built. A checkout
// whose sources do not compile still runs them through tsx, so a failed build is a warning here.
if (!run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale']))
  log('the build of dist/ failed (tsc output above); pressroom runs the TypeScript sources through tsx meanwhile');

// 5. Test tools.
if (withTestTools) {
  if (!run('sh', [path.join(root, 'scripts', 'install-test-tools.sh')])) fail('Test tools are missing; see the message above.');
}
