#!/usr/bin/env node
// Compiles pipeline/ and templates/ into dist/ (JavaScript and declarations, tsconfig.build.json) and copies
// the files the compiled code reads next to itself (templates/style.css). What the published package runs.
//
// The command line then runs a bundle of that compiled JavaScript, dist/cli/cli.mjs (bundleCli below):
// Node resolves, reads and compiles some 300 small modules one by one otherwise, a fifth of a short build's
// CPU. The library entry (dist/pipeline/index.js) stays the unbundled tree.
//
// The new tree is compiled beside dist/ and swapped in at the end, so a command running from dist/ while
// this runs never sees half a tree. dist/.built-at is stamped with the time the compile started:
// bin/pressroom.mjs runs dist/ only when no source file is newer than that.
//
// Usage: node scripts/build.mjs [--if-stale]   (--if-stale: do nothing when dist/ is up to date)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { distIsFresh } from '../bin/freshness.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const next = path.join(root, 'dist.next');
const old = path.join(root, 'dist.old');
/** Files the compiled code reads from its own folder, relative to the repository and to dist/ alike: the
 * stylesheet, and the UI strings a project without its own catalogs gets. */
const ASSETS = [
  'templates/style.css',
  ...readdirSync(path.join(root, 'locales'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `locales/${entry.name}/ui.json`),
];

/**
 * Packages the bundle leaves to Node: those that find files beside their own code (Pagefind's binary,
 * subset-font's WebAssembly through wawoff2's __dirname, fontsource's files, Chromium's revision), big
 * CommonJS trees loaded for one format or input only (mammoth, linkedom, docx), and the progress
 * bar. archiver (every EPUB) is bundled: its CommonJS tree (zip-stream, compress-commons, readable-stream …)
 * cost ~80 ms of CPU more loaded file by file (20 EPUBs, the same bytes).
 */
const UNBUNDLED = [
  'pagefind',
  'subset-font',
  'puppeteer-core',
  '@puppeteer/browsers',
  'mammoth',
  'linkedom',
  'docx',
  '@fontsource/*',
  'cli-progress',
];

/**
 * Bundles the compiled CLI (`<tree>/pipeline/cli.js`) with its pure-JavaScript dependencies into
 * `<tree>/cli/`: the entry cli.mjs and chunks, so that what the CLI imports lazily (a command, a format, an
 * input type) is still loaded only when used. Not minified, with source maps into the compiled tree.
 * A module's `import.meta.url` is that of its compiled file in `<tree>/pipeline` or `<tree>/templates`, so
 * paths it makes relative to itself (templates/, locales/, package.json) point where they do unbundled.
 *
 * @returns Whether the bundle was written (false without esbuild: the CLI then runs the compiled tree).
 */
async function bundleCli(tree) {
  let esbuild;
  try {
    // esbuild is a devDependency (the one tsx uses too); packing and `npm start` run in a checkout that has it.
    esbuild = await import(pathToFileURL(createRequire(import.meta.url).resolve('esbuild')).href);
  } catch {
    process.stderr.write('build: esbuild not found; the CLI runs the unbundled dist/pipeline/cli.js.\n');
    return false;
  }
  const outdir = path.join(tree, 'cli');
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!args.path.startsWith(tree + path.sep)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta')) return { contents: source, loader: 'js' };
        // `define` rewrites the expression, never the text of a string that spells it (the search page's
        // script does). Every chunk sits directly in outdir, so one relative URL serves wherever it lands.
        const own = path.relative(outdir, args.path).split(path.sep).join('/');
        const { code } = await esbuild.transform(source, {
          format: 'esm',
          loader: 'js',
          define: { 'import.meta.url': '__pressroomOwnUrl' },
          sourcefile: args.path,
        });
        return { contents: `const __pressroomOwnUrl = new URL(${JSON.stringify(own)}, import.meta.url).href;\n${code}`, loader: 'js' };
      });
    },
  };
  await esbuild.build({
    entryPoints: { cli: path.join(tree, 'pipeline', 'cli.js') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    external: UNBUNDLED,
    plugins: [ownUrl],
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    // CommonJS dependencies in the bundle call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __pressroomRequire } from 'node:module'; const require = __pressroomRequire(import.meta.url);",
    },
  });
  return true;
}

/** Compiles into dist.next/ and swaps it in; returns the exit status. */
async function build() {
  const startedAt = new Date();
  rmSync(next, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', next], {
    cwd: root,
    stdio: 'inherit',
  });
  // tsc exits 2 when it reported type errors but wrote every file, as it does by default: the JavaScript
  // runs, and `npm run typecheck` (CI) is what refuses type errors. Anything else wrote nothing usable.
  if (compiled.status === 2) process.stderr.write('build: tsc reported type errors (above); dist/ was written anyway.\n');
  else if (compiled.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    process.stderr.write(`build: tsc failed (${compiled.status ?? compiled.signal}); dist/ was left as it was.\n`);
    return 1;
  }
  for (const asset of ASSETS) {
    mkdirSync(path.dirname(path.join(next, asset)), { recursive: true });
    copyFileSync(path.join(root, asset), path.join(next, asset));
  }
  try {
    await bundleCli(next);
  } catch (error) {
    // The compiled tree is complete without it: bin/pressroom.mjs runs dist/pipeline/cli.js then.
    rmSync(path.join(next, 'cli'), { recursive: true, force: true });
    process.stderr.write(`build: bundling the CLI failed, the CLI runs the unbundled dist/pipeline/cli.js: ${error.message}\n`);
  }
  const stamp = path.join(next, '.built-at');
  writeFileSync(stamp, `${startedAt.toISOString()}\n`);
  utimesSync(stamp, startedAt, startedAt);

  rmSync(old, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
  return 0;
}

process.exitCode = process.argv.includes('--if-stale') && distIsFresh(root) ? 0 : await build();
