// pressroom as users get it: the tarball `npm pack` makes, installed without dev dependencies into an empty
// project, from npm's local cache (no network). What a checkout has and a package lacks (tsx, the
// TypeScript sources, a dependency listed as dev) fails here and nowhere else.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  files: string[];
};
const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  const output = `${command} ${args.join(' ')} (in ${options.cwd}) → ${result.status}\n${String(result.stdout)}\n${String(result.stderr)}`;
  return { ...result, stdout: String(result.stdout), stderr: String(result.stderr), output };
}

/** Bare specifiers the shipped code imports, with whether some import of each is for its value (not `import type`). */
function importedPackages(): Map<string, { atRunTime: boolean; file: string }> {
  const found = new Map<string, { atRunTime: boolean; file: string }>();
  for (const folder of ['pipeline', 'templates']) {
    for (const name of readdirSync(path.join(repo, folder), { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.ts')) continue;
      const file = path.join(folder, name);
      const text = readFileSync(path.join(repo, file), 'utf8');
      const statements =
        /(?:^|\n)\s*(import|export)(\s+type)?\s[^;]*?\sfrom\s+'([^'.][^']*)'|import\(\s*'([^'.][^']*)'\s*\)|import\s+'([^'.][^']*)'/g;
      for (const match of text.matchAll(statements)) {
        const specifier = match[3] ?? match[4] ?? match[5]!;
        if (specifier.startsWith('node:')) continue;
        const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        // `import('x').T` in a type position is a type import too; `import type` and `export type` are.
        const atRunTime =
          match[3] !== undefined
            ? match[2] === undefined
            : !/^\s*\.\s*(?!then\b)[A-Za-z_$]/.test(text.slice((match.index ?? 0) + match[0].length));
        const known = found.get(packageName);
        found.set(packageName, { atRunTime: (known?.atRunTime ?? false) || atRunTime, file: known?.file ?? file });
      }
    }
  }
  return found;
}

function productionLock() {
  const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  const packages: Record<string, unknown> = { '': { name: 'consumer' } };
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where.startsWith('node_modules/') || entry.dev) continue;
    const { devOptional: _devOptional, ...kept } = entry;
    packages[where] = kept;
  }
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages };
}

test('every package the shipped code imports is a dependency (its types too), and every dependency is used', () => {
  const imported = importedPackages();
  const dependencies = new Set(Object.keys(manifest.dependencies));
  for (const [name, { atRunTime, file }] of imported) {
    const typesPackage = `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
    if (atRunTime) assert.ok(dependencies.has(name), `${file} imports ${name} at run time, but it is not in dependencies`);
    else
      assert.ok(
        dependencies.has(name) || dependencies.has(typesPackage),
        `${file} imports types from ${name}; the declarations in dist/ need ${name} or ${typesPackage} in dependencies`,
      );
  }
  const sources = ['pipeline', 'templates']
    .flatMap((folder) =>
      readdirSync(path.join(repo, folder), { recursive: true, encoding: 'utf8' }).map((name) => path.join(repo, folder, name)),
    )
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  for (const name of dependencies) {
    const used = name.startsWith('@types/')
      ? imported.has(name.slice('@types/'.length).replace(/^(.+)__/, '@$1/'))
      : sources.includes(`'${name}`);
    assert.ok(used, `${name} is in dependencies, but nothing in pipeline/ or templates/ uses it`);
  }
  assert.ok(!('tsx' in manifest.dependencies), 'tsx is for development: a devDependency');
});

test(
  'the packed tarball installs without dev dependencies and offline, runs --help and a build, and types a TypeScript consumer',
  { timeout: 240_000 },
  (t) => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-package-'));
    t.after(() => rmSync(scratch, { recursive: true, force: true }));

    const packed = run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: repo });
    assert.equal(packed.status, 0, packed.output);
    const [{ filename, files }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [
      { filename: string; files: { path: string }[] },
    ];
    const shipped = files.map((file) => file.path);
    assert.ok(shipped.includes('dist/pipeline/index.js') && shipped.includes('dist/pipeline/index.d.ts'), shipped.join('\n'));
    assert.ok(shipped.includes('dist/templates/style.css'), 'the stylesheet the compiled code reads is shipped');
    assert.ok(shipped.includes('LICENSE'), 'the licence text travels with the package (MIT asks for it)');
    const unwanted = shipped.filter(
      (file) => /^(test|bench|docs|scripts|pipeline|transcripts)\//.test(file) || (file.endsWith('.ts') && !file.endsWith('.d.ts')),
    );
    assert.deepEqual(unwanted, [], 'tests, benchmarks, docs and TypeScript sources stay out of the package');

    const project = path.join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // npm's cache holds the tarballs `npm ci` fetched, not the registry documents a version range needs:
    // the project starts with the checkout's lock, its development-only packages taken out, so that npm
    // picks the same versions and finds them offline. Which packages the tarball needs is still its
    // package.json's to say: what only a devDependency brought is not in this lock.
    writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(productionLock()));
    // No browser may be downloaded: an empty cache folder and no network. Installing must not need one.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PUPPETEER_CACHE_DIR: path.join(scratch, 'no-browsers'),
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    delete env.PUPPETEER_SKIP_DOWNLOAD;
    delete env.PUPPETEER_EXECUTABLE_PATH;
    const installed = run('npm', ['install', '--omit=dev', '--offline', path.join(scratch, filename)], {
      cwd: project,
      env,
      timeout: 180_000,
    });
    assert.equal(installed.status, 0, installed.output);
    for (const devOnly of ['tsx', 'typescript', 'esbuild'])
      assert.ok(!existsSync(path.join(project, 'node_modules', devOnly)), `${devOnly} was installed with --omit=dev`);

    const pressroom = (args: string[]) => run(path.join(project, 'node_modules', '.bin', 'pressroom'), args, { cwd: project, env });
    const help = pressroom(['--help']);
    assert.equal(help.status, 0, help.output);
    assert.match(help.stdout, /Usage: pressroom <command>/);
    assert.match(help.stdout, /^\s+build\s/m);

    mkdirSync(path.join(project, 'transcripts'));
    cpSync(path.join(repo, 'transcripts', '2025-11-26-bishkek-press-statements.txt'), path.join(project, 'transcripts', 'statements.txt'));
    // No config and no locales/ folder: the defaults and the UI strings the package ships.
    const printing = SYSTEM_BROWSERS.some((file) => existsSync(file));
    const formats = printing ? 'html,epub,pdf' : 'html,epub';
    const built = pressroom(['build', 'transcripts', '--locales', 'en', '--formats', formats, '--out', 'site']);
    assert.equal(built.status, 0, built.output);
    const published = readdirSync(path.join(project, 'site', 'statements', 'en'));
    assert.ok(published.includes('statements.en.epub'), `no EPUB among ${published.join(', ')}`);
    assert.equal(published.includes('statements.en.pdf'), printing, `PDF only with a system Chromium: ${published.join(', ')}`);
    const page = readFileSync(path.join(project, 'site', 'statements', 'en', 'index.html'), 'utf8');
    assert.match(page, /<html[^>]* lang="en"/);
    const ui = JSON.parse(readFileSync(path.join(repo, 'locales', 'en', 'ui.json'), 'utf8')) as { download: { heading: string } };
    assert.ok(page.includes(`>${ui.download.heading}<`), 'the page has the UI strings the package ships');
    assert.match(readFileSync(path.join(project, 'site', 'index.html'), 'utf8'), /statements\/en\/index\.html/);

    // The library entry point, as `import … from 'pressroom'` resolves it at run time.
    const library = run(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('pressroom'); console.log(typeof m.build, typeof m.defineConfig)"],
      { cwd: project, env },
    );
    assert.equal(library.status, 0, library.output);
    assert.equal(library.stdout.trim(), 'function function');

    // A consumer with its own @types/node, as a Node project has; every other type comes from the package.
    mkdirSync(path.join(project, 'node_modules', '@types'), { recursive: true });
    const nodeTypes = path.join(project, 'node_modules', '@types', 'node');
    if (!existsSync(nodeTypes)) symlinkSync(path.join(repo, 'node_modules', '@types', 'node'), nodeTypes);
    writeFileSync(
      path.join(project, 'consumer.ts'),
      [
        "import { build, defineConfig, type BuildResult, type PipelineConfig } from 'pressroom';",
        'export async function publish(config: PipelineConfig): Promise<BuildResult> {',
        '  return build(config, { write: false });',
        '}',
        "export const partial = defineConfig({ locales: ['en', 'ru'] });",
        '// @ts-expect-error: locales are strings, so the types are real and not `any`',
        'defineConfig({ locales: [1] });',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: ['node'],
          lib: ['ES2023', 'DOM'],
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const typed = run(process.execPath, [tsc, '-p', path.join(project, 'tsconfig.json')], { cwd: project });
    assert.equal(typed.status, 0, typed.output);
  },
);
