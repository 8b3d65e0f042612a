// Issue 19's "done when", played as a translator plays it, in process through `main(argv, io)` in a copy of
// the sample: a new transcript given on the command line only (no config entry) → build → export ky → a CAT
// tool renames the file and fills it (a deprecated term, a broken placeholder) → import refuses, then accepts
// with a warning → rebuild → the ky page has the imported strings. translate-toolkit reads every exported file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cli } from './helpers/cli.ts';
import { copySample, decode } from './helpers/project.ts';

const transcript = 'incoming/spring-visit.md';
const slug = 'spring-visit';
let project: string;
const run = (...args: string[]) => cli(args, { cwd: project });
const at = (...parts: string[]) => path.join(project, ...parts);
const read = (...parts: string[]) => readFileSync(at(...parts), 'utf8');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What the translator writes for each sentence open for work; anything else gets a marked placeholder text. */
const TRANSLATIONS: Record<string, string> = {
  'Press statements following talks in Bishkek': 'Бишкектеги сүйлөшүүлөрдүн жыйынтыгы боюнча билдирүүлөр',
  // «Киргизия» is the glossary's deprecated Kyrgyz form of Kyrgyzstan: imported with a warning.
  'Kyrgyzstan and Russia signed seven agreements today.': 'Киргизия жана Россия бүгүн жети келишимге кол коюшту.',
  'Trade between our countries grew by 12 percent last year.': 'Өлкөлөрүбүздүн ортосундагы соода өткөн жылы 12 пайызга өстү.',
};
const BROKEN = 'Trade between our countries grew by 12 percent last year.';

/** pocount's table (its --csv mode fails in translate-toolkit 3.8.4): how many units it read. */
function pocount(file: string): { total: number; fuzzy: number; untranslated: number } {
  // eslint-disable-next-line no-control-regex -- pocount colours its table
  const text = execFileSync('pocount', [file], { encoding: 'utf8' }).replace(/\u001b\[[0-9;]*m/g, '');
  const count = (label: string) => Number(new RegExp(`^${label}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  return { total: count('Total'), fuzzy: count('Fuzzy'), untranslated: count('Untranslated') };
}

/** The open units of an XLIFF 1.2 file: id, source (decoded) and line. */
function openUnits(xliff: string): { id: string; source: string; line: number }[] {
  return [...xliff.matchAll(/<trans-unit id="([^"]+)" xml:space="preserve">\s*<source xml:lang="en">([\s\S]*?)<\/source>/g)].map(
    (match) => ({ id: match[1]!, source: decode(match[2]!), line: xliff.slice(0, match.index).split('\n').length }),
  );
}

const ids = (xliff: string) => [...xliff.matchAll(/<trans-unit id="([^"]+)"/g)].map((match) => match[1]!);

/** A CAT tool's save: a target after every open source, state translated; `broken` adds a stray placeholder. */
function fill(xliff: string, broken: boolean): string {
  return xliff.replace(
    /(<trans-unit id="[^"]+" xml:space="preserve">\s*<source xml:lang="en">)([\s\S]*?)(<\/source>)/g,
    (_, open: string, source: string, close: string) => {
      const text = decode(source);
      const target = escape(TRANSLATIONS[text] ?? `Кыргызча: ${text}`);
      const code = broken && text === BROKEN ? '<x id="1"/>' : '';
      return `${open}${source}${close}\n        <target xml:lang="ky" state="translated">${target}${code}</target>`;
    },
  );
}

before(() => {
  project = copySample('pressroom-xliff-loop-');
  mkdirSync(at('incoming'));
  writeFileSync(
    at(transcript),
    `# Press statements following talks in Bishkek

March 3, 2026, Bishkek

Vladimir Putin and President of the Kyrgyz Republic Sadyr Japarov made press statements following the Russian-Kyrgyz talks.

* * *

President of Kyrgyzstan Sadyr Japarov: Members of the press, ladies and gentlemen,

Kyrgyzstan and Russia signed seven agreements today.

Trade between our countries grew by 12 percent last year.

President of Russia Vladimir Putin: Thank you very much.
`,
  );
});

after(() => rmSync(project, { recursive: true, force: true }));

test('build and export a transcript given on the command line only; the same ids by path, by slug, through a config and without one', async () => {
  const built = await run('build', '--formats', 'html', transcript);
  assert.equal(built.status, 0, built.stderr);
  const exported = await run('xliff', 'export', '--locale', 'ky', transcript);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stdout, /xliff\/spring-visit\.ky\.xlf: \d+ to translate, \d+ for context \(XLIFF 1\.2\)/);
  const xliff = read('xliff', `${slug}.ky.xlf`);
  assert.match(xliff, /<file original="incoming\/spring-visit\.md" source-language="en" target-language="ky"/);
  const open = openUnits(xliff);
  for (const source of Object.keys(TRANSLATIONS))
    assert.ok(
      open.some((unit) => unit.source === source),
      `“${source}” is not open for work`,
    );

  // The dashboard's own file (written by the build) is the same export.
  const dashboard = read('output', 'report', 'xliff', `${slug}.ky.xlf`);
  assert.deepEqual(ids(dashboard), ids(xliff));
  // …and it imports as is: every unit known (only the stray placeholder refused; nothing written yet).
  writeFileSync(at('dashboard.xlf'), fill(dashboard, true));
  const memory = read('locales', 'ky', 'memory.tmx');
  const fromDashboard = await run('xliff', 'import', 'dashboard.xlf');
  assert.equal(fromDashboard.status, 1);
  assert.doesNotMatch(fromDashboard.stderr, /unknown unit id|not among the config/);
  assert.match(fromDashboard.stderr, /^dashboard\.xlf:\d+:\d+ {2}error {2}spring-visit:\d+:[0-9a-f]{12}: inline code placeholder 1/m);
  assert.match(fromDashboard.stderr, /Rejected 1 unit;/);
  assert.equal(read('locales', 'ky', 'memory.tmx'), memory);

  // Through a config that lists the transcript, by path and by slug: the same ids.
  writeFileSync(at('listed.config.json'), JSON.stringify({ ...JSON.parse(read('pressroom.config.json')), inputs: [transcript] }));
  for (const [out, name] of [
    ['by-config', undefined],
    ['by-slug', slug],
  ] as const) {
    const result = await run('xliff', 'export', '--locale', 'ky', '--config', 'listed.config.json', '--out', out, ...(name ? [name] : []));
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(ids(read(out, `${slug}.ky.xlf`)), ids(xliff), out);
  }

  // No config at all, no memory: everything is open for work, under the same ids.
  mkdirSync(at('bare'));
  cpSync(at(transcript), at('bare', 'spring-visit.md'));
  const bare = await cli(['xliff', 'export', '--locale', 'ky', 'spring-visit.md'], { cwd: at('bare') });
  assert.equal(bare.status, 0, bare.stderr);
  const bareIds = ids(read('bare', 'xliff', `${slug}.ky.xlf`));
  for (const id of ids(xliff)) assert.ok(bareIds.includes(id), `${id} missing without a config`);

  // …and comes back without a config: the file's language is the project's, the memory goes to locales/ky/.
  writeFileSync(at('bare', 'filled.xlf'), fill(read('bare', 'xliff', `${slug}.ky.xlf`), false));
  const bareImport = await cli(['xliff', 'import', 'filled.xlf'], { cwd: at('bare') });
  assert.equal(bareImport.status, 0, bareImport.stderr);
  assert.match(bareImport.stdout, /Imported \d+ translations: \d+ new, 0 updated/);
  assert.ok(
    read('bare', 'locales', 'ky', 'memory.tmx').includes('<seg>Өлкөлөрүбүздүн ортосундагы соода өткөн жылы 12 пайызга өстү.</seg>'),
  );

  // translate-toolkit reads every file exported so far: as many units as were open for work.
  for (const file of [
    at('xliff', `${slug}.ky.xlf`),
    at('output', 'report', 'xliff', `${slug}.ky.xlf`),
    at('by-config', `${slug}.ky.xlf`),
    at('by-slug', `${slug}.ky.xlf`),
    at('bare', 'xliff', `${slug}.ky.xlf`),
  ]) {
    const counted = pocount(file);
    assert.equal(counted.total, openUnits(readFileSync(file, 'utf8')).length, file);
    assert.equal(counted.untranslated, counted.total, file);
  }
});

test('a renamed, filled file: the broken placeholder is refused with its unit and line, then the fix imports with a deprecated-term warning', async () => {
  const memoryFile = at('locales', 'ky', 'memory.tmx');
  const memory = read('locales', 'ky', 'memory.tmx');
  const mtime = statSync(memoryFile).mtimeMs;
  const exported = read('xliff', `${slug}.ky.xlf`);
  // The CAT tool saved it under a name of its own: the languages come from the file.
  writeFileSync(at('filled.xlf'), fill(exported, true));
  const refused = await run('xliff', 'import', 'filled.xlf');
  assert.equal(refused.status, 1, refused.stdout);
  const broken = openUnits(read('filled.xlf')).find((unit) => unit.source === BROKEN)!;
  assert.match(
    refused.stderr,
    new RegExp(
      `^filled\\.xlf:${broken.line}:\\d+ {2}error {2}${broken.id}: inline code placeholder 1 in the target is not in the source`,
      'm',
    ),
  );
  assert.match(refused.stderr, /Rejected 1 unit; nothing was imported/);
  assert.equal(read('locales', 'ky', 'memory.tmx'), memory);

  // A ky file imported as ru is one mistake: one line naming the file and what to do, no unit reported as changed.
  const wrong = await run('xliff', 'import', 'filled.xlf', '--locale', 'ru');
  assert.equal(wrong.status, 1);
  const lines = wrong.stderr.split('\n').filter((line) => line.startsWith('filled.xlf'));
  assert.deepEqual(lines.length, 1, wrong.stderr);
  assert.match(
    lines[0]!,
    /^filled\.xlf:3:\d+ {2}error {2}the file says target-language="ky" but --locale ru was given; import it without --locale/,
  );

  writeFileSync(at('filled.xlf'), fill(exported, false));
  // --strict refuses a deprecated term, and writes nothing either.
  const strict = await run('xliff', 'import', 'filled.xlf', '--strict');
  assert.equal(strict.status, 1, strict.stdout);
  assert.match(
    strict.stderr,
    /: Unexpected deprecated term “Киргизия”, expected “Кыргызстан”; target “Киргизия жана Россия[^”]*” \(--strict\) \(ky\) {2}term:deprecated$/m,
  );
  assert.equal(statSync(memoryFile).mtimeMs, mtime);

  const accepted = await run('xliff', 'import', 'filled.xlf');
  assert.equal(accepted.status, 0, accepted.stderr);
  assert.match(accepted.stderr, /^filled\.xlf:\d+:\d+ {2}warning {2}spring-visit:\d+:[0-9a-f]{12}: Unexpected deprecated term “Киргизия”/m);
  const open = openUnits(exported).length;
  assert.match(accepted.stdout, new RegExp(`Imported ${open} translations: ${open} new, 0 updated, 0 unchanged, 0 not ready`));
  const after = read('locales', 'ky', 'memory.tmx');
  assert.ok(after.includes('<seg>Өлкөлөрүбүздүн ортосундагы соода өткөн жылы 12 пайызга өстү.</seg>'));

  // The same file again: nothing changed, nothing written (the memory keeps its bytes and its mtime).
  const stamp = statSync(memoryFile).mtimeMs;
  const again = await run('xliff', 'import', 'filled.xlf');
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, new RegExp(`Nothing to import: 0 new, 0 updated, ${open} unchanged, 0 not ready .*; no file was written`));
  assert.equal(statSync(memoryFile).mtimeMs, stamp);
  assert.equal(read('locales', 'ky', 'memory.tmx'), after);
});

test('the rebuild publishes the imported strings on the ky page, and rebuilds only the ky artifact', async () => {
  const built = await run('build', '--formats', 'html', transcript);
  assert.equal(built.status, 0, built.stderr);
  // The import touched the ky memory only: en and ru come from the cache (issue 19, item 3).
  assert.match(built.stdout, /; 1 artifacts? built, 2 unchanged;/);
  const html = decode(read('output', slug, 'ky', 'index.html'));
  for (const [source, target] of Object.entries(TRANSLATIONS)) {
    // The build puts the glossary's form for a deprecated one it meets in the memory (Киргизия → Кыргызстан).
    const published = target.replace('Киргизия', 'Кыргызстан');
    assert.ok(html.includes(published), `ky page lacks “${published}” (for “${source}”)`);
  }
});

test('a sentence edited after translation goes out stale: its translation as the target, for review, with the reason', async () => {
  writeFileSync(at(transcript), read(transcript).replace('grew by 12 percent last year.', 'grew by 12 percent in the last year.'));
  const exported = await run('xliff', 'export', '--locale', 'ky', transcript, '--out', 'stale');
  assert.equal(exported.status, 0, exported.stderr);
  const xliff = read('stale', `${slug}.ky.xlf`);
  const unit =
    /<trans-unit id="[^"]+" xml:space="preserve">\s*<source xml:lang="en">Trade between our countries grew by 12 percent in the last year\.<\/source>[\s\S]*?<\/trans-unit>/.exec(
      xliff,
    )?.[0];
  assert.ok(unit, xliff);
  assert.match(
    unit,
    /<target xml:lang="ky" state="needs-review-translation">Өлкөлөрүбүздүн ортосундагы соода өткөн жылы 12 пайызга өстү\.<\/target>/,
  );
  assert.match(
    unit,
    /<note from="pressroom">stale: the source changed since this translation was made \(it translated “Trade between our countries grew by 12 percent last year\.”\)<\/note>/,
  );
  // translate-toolkit reads it, the stale unit as one to review (fuzzy), not as translated.
  const counted = pocount(at('stale', `${slug}.ky.xlf`));
  assert.equal(counted.total, openUnits(xliff).length);
  assert.equal(counted.fuzzy, 1);
});
