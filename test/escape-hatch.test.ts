// The editors' escape hatch: Markdown front matter, the `<transcript>.meta.yaml` sidecar and the config's
// `sources` rules, read into the normaliser's options; every mistake named with its file and line.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../pipeline/build.ts';
import type { PipelineConfig } from '../pipeline/config/defaults.ts';
import { expandInputs, normalizeConfig, readConfigFile, validateConfig } from '../pipeline/config/load.ts';
import { globToRegExp, matchesGlob, resolveSources, sourceSettingsFor, type SourceSettings } from '../pipeline/config/sources.ts';
import { inputHashes } from '../pipeline/engine/site-cache.ts';
import { transcriptHash } from '../pipeline/engine/fingerprint.ts';
import { InputError } from '../pipeline/errors.ts';
import { readMarkdown } from '../pipeline/markdown/read.ts';
import { writeNormalisedMarkdown } from '../pipeline/markdown/write.ts';
import { normaliseFile } from '../pipeline/normalize/file.ts';
import { isSidecar, parseEditorMeta, readSidecar, readTranscriptSettings, withFrontMatter } from '../pipeline/normalize/sidecar.ts';
import { Reporter } from '../pipeline/report/messages.ts';
import type { StageContext } from '../pipeline/stage.ts';
import { ingest } from '../pipeline/stages/ingest.ts';
import { normalize } from '../pipeline/stages/normalize.ts';
import { repo } from './helpers/cli.ts';

const encode = (text: string) => new TextEncoder().encode(text);

function scratch(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'pressroom-escape-'));
}

/** Runs `fn` and returns the InputError it throws; fails when it throws nothing or something else. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError, nothing was thrown');
}

async function inputErrorAsync(fn: () => Promise<unknown>): Promise<InputError> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError, nothing was thrown');
}

const baseConfig: Pick<PipelineConfig, 'sourceLocale' | 'keepNbsp' | 'sources'> = { sourceLocale: 'en', keepNbsp: false, sources: [] };

// --- Sidecar and front matter values ----------------------------------------------------------------

test('should read every editor key, speakers as names or {name, role}, the language canonicalised', () => {
  const overrides = parseEditorMeta(
    [
      'title: Meeting with regional governors',
      'date: 2026-11-05',
      'time: "09:30"',
      'place: Kazan',
      'lang: RU',
      'speakers:',
      '  - Anna Petrova',
      '  - name: Oleg Ivanov',
      '    role: Minister of Transport',
      '  - {name: Aigul Asanova}',
    ].join('\n'),
    'x.meta.yaml',
  );
  assert.deepEqual(overrides, {
    title: 'Meeting with regional governors',
    date: '2026-11-05',
    time: '09:30',
    place: 'Kazan',
    lang: 'ru',
    speakers: [
      { name: 'Anna Petrova', role: '' },
      { name: 'Oleg Ivanov', role: 'Minister of Transport' },
      { name: 'Aigul Asanova', role: '' },
    ],
  });
});

test('should read an unquoted time and an empty sidecar', () => {
  assert.equal(parseEditorMeta('time: 14:00\n', 'x.meta.yaml').time, '14:00');
  assert.deepEqual(parseEditorMeta('', 'x.meta.yaml'), {});
  assert.deepEqual(parseEditorMeta('# only a comment\n', 'x.meta.yaml'), {});
});

test('should find foo.meta.yaml or foo.meta.yml next to foo.txt, and nothing when there is none', async () => {
  const folder = scratch();
  writeFileSync(path.join(folder, 'a.txt'), 'text');
  writeFileSync(path.join(folder, 'a.meta.yaml'), 'title: From the yaml sidecar\n');
  writeFileSync(path.join(folder, 'b.html'), '<p>text</p>');
  writeFileSync(path.join(folder, 'b.meta.yml'), 'title: From the yml sidecar\n');
  writeFileSync(path.join(folder, 'c.txt'), 'text');
  const a = await readSidecar(path.join(folder, 'a.txt'), 'shown/a.txt');
  assert.equal(a?.overrides.title, 'From the yaml sidecar');
  assert.equal(a?.file, path.join('shown', 'a.meta.yaml'));
  assert.equal((await readSidecar(path.join(folder, 'b.html')))?.overrides.title, 'From the yml sidecar');
  assert.equal(await readSidecar(path.join(folder, 'c.txt')), undefined);
  rmSync(folder, { recursive: true, force: true });
});

test('should refuse two sidecars for one transcript, naming both', async () => {
  const folder = scratch();
  writeFileSync(path.join(folder, 'a.meta.yaml'), 'title: One\n');
  writeFileSync(path.join(folder, 'a.meta.yml'), 'title: Two\n');
  const error = await inputErrorAsync(() => readSidecar(path.join(folder, 'a.txt'), 'in/a.txt'));
  assert.equal(error.file, path.join('in', 'a.meta.yml'));
  assert.match(error.message, /a\.meta\.yaml/);
  rmSync(folder, { recursive: true, force: true });
});

test('should give an editor’s front matter to the normaliser as overrides, with the blocks on their lines in the file', () => {
  const text = '---\ntitle: Speech at the bridge\ndate: 2026-08-08\n---\n\nOpening of the bridge\n\nAugust 8, 2026, Samara\n';
  const read = readMarkdown(text, 'edited.md', 'en');
  assert.ok('blocks' in read, 'an editor’s Markdown is normalised, not read back as a tree');
  assert.deepEqual(read.frontMatter, { title: 'Speech at the bridge', date: '2026-08-08' });
  assert.deepEqual(
    read.blocks.map((block) => [block.line, block.text]),
    [
      [6, 'Opening of the bridge'],
      [8, 'August 8, 2026, Samara'],
    ],
  );
});

test('should read pressroom’s own Markdown back to the same tree, also after an editor deleted its null lines', async () => {
  const source = 'Opening of the bridge\n\nAugust 8, 2026, Samara\n\nGovernor Elena Markova: Dear residents, the bridge is open.\n';
  const { tree } = await normaliseFile(encode(source), 'bridge.txt', 'en', new Reporter('bridge.txt'));
  const markdown = writeNormalisedMarkdown(tree);
  const again = readMarkdown(markdown, 'bridge.md', 'en');
  assert.ok('tree' in again);
  assert.equal(writeNormalisedMarkdown(again.tree), markdown);
  // An editor fixes the title and removes the keys pressroom wrote as null: still pressroom's own file.
  const edited = markdown
    .replace(/^title: .*$/m, 'title: "The bridge is open"')
    .replace(/^(subtitle|timezone|endTime|sourceUrl): null\n/gm, '');
  assert.notEqual(edited, markdown);
  const editedRead = readMarkdown(edited, 'bridge.md', 'en');
  assert.ok('tree' in editedRead);
  assert.equal(editedRead.tree.data.meta.title, 'The bridge is open');
});

test('should let the sidecar win over the front matter key by key, and a stated language over the default', () => {
  const merged = withFrontMatter(
    { lang: 'en', overrides: { title: 'Sidecar title', speakers: [{ name: 'Sidecar Speaker', role: '' }] } },
    { title: 'Front matter title', place: 'Front matter place', lang: 'ru', speakers: [{ name: 'A', role: '' }] },
  );
  assert.deepEqual(merged.overrides, {
    title: 'Sidecar title',
    place: 'Front matter place',
    lang: 'ru',
    speakers: [{ name: 'Sidecar Speaker', role: '' }],
  });
  assert.equal(merged.lang, 'ru');
  assert.equal(withFrontMatter({ lang: 'en', overrides: { lang: 'ky' } }, { lang: 'ru' }).lang, 'ky');
});

test('should build the options from the sidecar and the matching sources, the sidecar’s language first', async () => {
  const folder = scratch();
  mkdirSync(path.join(folder, 'kabar'));
  const input = path.join(folder, 'kabar/statement.txt');
  writeFileSync(input, 'text');
  const sources = resolveSources(
    [
      { match: '**/*.txt', dropLines: ['^Share$'] },
      { match: 'kabar/**', lang: 'ky', labels: ['^(?<name>[А-Я]\\. [А-Яа-я]+):'] },
      { match: 'other/**', dropLines: ['^never$'] },
    ],
    folder,
  );
  const withoutSidecar = await readTranscriptSettings(input, { ...baseConfig, sources });
  assert.equal(withoutSidecar.options.lang, 'ky');
  assert.equal(withoutSidecar.sidecar, undefined);
  assert.deepEqual(withoutSidecar.options.rules?.dropLines?.map(String), ['/^Share$/u']);
  assert.deepEqual(withoutSidecar.options.rules?.labels?.map(String), ['/^(?<name>[А-Я]\\. [А-Яа-я]+):/u']);
  writeFileSync(path.join(folder, 'kabar/statement.meta.yaml'), 'lang: ru\nplace: Бишкек\n');
  const withSidecar = await readTranscriptSettings(input, { ...baseConfig, sources });
  assert.equal(withSidecar.options.lang, 'ru');
  assert.deepEqual(withSidecar.options.overrides, { lang: 'ru', place: 'Бишкек' });
  rmSync(folder, { recursive: true, force: true });
});

// --- Errors name the file and the line ---------------------------------------------------------------

const sidecarErrors: [string, string, number, RegExp][] = [
  ['YAML syntax (a colon in an unquoted value)', 'title: Talk\nplace: Kazan: Tatarstan\ndate: 2026-11-05\n', 2, /Unexpected YAML/],
  ['YAML syntax (a list never closed)', 'title: Talk\nplace: [Kazan\n', 3, /Unexpected YAML/],
  ['unknown key', 'title: Talk\nvenue: Kazan\n', 2, /Unexpected key “venue”, expected one of title, date, time, place, speakers, lang/],
  ['date not YYYY-MM-DD', 'title: Talk\n\ndate: 5 November 2026\n', 3, /expected a date written YYYY-MM-DD/],
  ['date that does not exist', 'date: 2026-02-29\n', 1, /expected a date that exists/],
  ['time not HH:MM', 'title: Talk\ntime: 2pm\n', 2, /expected a 24-hour time written HH:MM/],
  ['time out of range', 'time: "24:10"\n', 1, /HH:MM/],
  ['speakers not a list', 'title: Talk\nspeakers: Anna Petrova\n', 2, /expected a list of speakers/],
  ['speaker with an unknown key', 'speakers:\n  - name: Anna\n    office: Minister\n', 3, /Unexpected speaker key “office”/],
  ['speaker without a name', 'speakers:\n  - role: Minister\n', 2, /Unexpected speaker key “role”|without a name/],
  ['title not text', 'title: 1968\n', 1, /Unexpected title 1968, expected text/],
  ['empty place', 'place:\n', 1, /expected text/],
  ['language not a tag', 'lang: "not a language!"\n', 1, /BCP 47/],
  ['not a map', '- title\n', 1, /expected keys such as/],
];

for (const [what, text, line, reason] of sidecarErrors)
  test(`should name the sidecar and line ${line} for ${what}`, () => {
    const error = inputError(() => parseEditorMeta(text, 'transcripts/talk.meta.yaml'));
    assert.equal(error.file, 'transcripts/talk.meta.yaml');
    assert.equal(error.place?.line, line);
    assert.ok((error.place?.column ?? 0) >= 1);
    assert.match(error.message, new RegExp(`^transcripts/talk\\.meta\\.yaml:${line}:\\d+: `));
    assert.match(error.message, reason);
  });

test('should name the sidecar’s path and line when a build-time read finds a mistake', async () => {
  const folder = scratch();
  writeFileSync(path.join(folder, 'talk.txt'), 'text');
  writeFileSync(path.join(folder, 'talk.meta.yaml'), 'title: Talk\ndate: 2026-13-01\n');
  const error = await inputErrorAsync(() => readTranscriptSettings(path.join(folder, 'talk.txt'), baseConfig, 'transcripts/talk.txt'));
  assert.equal(error.file, path.join('transcripts', 'talk.meta.yaml'));
  assert.equal(error.place?.line, 2);
  rmSync(folder, { recursive: true, force: true });
});

test('should count front matter errors in the Markdown file’s own lines', () => {
  const error = inputError(() => readMarkdown('---\ntitle: Talk\ndate: 2026-11-31\n---\n\nText\n', 'edited.md', 'en'));
  assert.equal(error.file, 'edited.md');
  assert.equal(error.place?.line, 3);
  assert.match(error.message, /date that exists/);
  const unknown = inputError(() => readMarkdown('---\ntitle: Talk\n\nauthor: Press office\n---\nText\n', 'edited.md', 'en'));
  assert.equal(unknown.place?.line, 4);
  assert.match(unknown.message, /Unexpected key “author”/);
});

// --- Config `sources` ---------------------------------------------------------------------------------

async function configError(json: string): Promise<InputError> {
  const folder = scratch();
  const file = path.join(folder, 'pressroom.config.json');
  writeFileSync(file, json);
  const error = await inputErrorAsync(() => readConfigFile(file));
  assert.equal(error.file, file);
  rmSync(folder, { recursive: true, force: true });
  return error;
}

test('should name the key path and the config line of an invalid regular expression', async () => {
  const error = await configError(
    [
      '{',
      '  "sources": [',
      '    { "match": "a/**" },',
      '    {',
      '      "match": "b/**",',
      '      "labels": ["(?<name>[A-Z]+:"]',
      '    }',
      '  ]',
      '}',
    ].join('\n'),
  );
  assert.equal(error.place?.line, 6);
  assert.match(error.message, /“sources\[1\]\.labels\[0\]”/);
  assert.match(error.message, /valid regular expression/);
});

test('should refuse a pattern that the u flag rejects, such as a needless escape', async () => {
  const error = await configError('{\n  "sources": [{"match": "*.txt",\n    "dropLines": ["^Share\\\\-this$"]}]\n}');
  assert.equal(error.place?.line, 3);
  assert.match(error.message, /sources\[0\]\.dropLines\[0\]/);
});

test('should name an unknown key inside a source and list the known ones', async () => {
  const error = await configError('{\n  "sources": [\n    {"match": "*.txt",\n     "dropLine": ["x"]}\n  ]\n}');
  assert.equal(error.place?.line, 4);
  assert.match(
    error.message,
    /Unexpected config key “sources\[0\]\.dropLine”, expected one of match, lang, attribution, dropLines, labels, dateFormats/,
  );
});

test('should require a match, named groups for labels and dates, a language tag, and lists', () => {
  const cases: [unknown, RegExp][] = [
    [[{ dropLines: ['x'] }], /sources\[0\]\.match/],
    [[{ match: '' }], /sources\[0\]\.match/],
    [[{ match: '*', labels: ['^[A-Z]+:'] }], /sources\[0\]\.labels\[0\].*named group \(\?<name>…\)/],
    [[{ match: '*', dateFormats: ['(?<year>\\d{4})-(?<month>\\d\\d)'] }], /dateFormats\[0\].*\(\?<day>…\)/],
    [[{ match: '*', lang: 'not a tag!' }], /sources\[0\]\.lang/],
    [[{ match: '*', dropLines: '^Share$' }], /sources\[0\]\.dropLines”/],
    [[{ match: '*' }, 'kabar/**'], /sources\[1\]”/],
    [{ match: '*' }, /“sources”.*expected a list/],
  ];
  for (const [sources, reason] of cases) {
    const error = inputError(() => validateConfig({ sources }, 'p.json'));
    assert.match(error.message, reason, JSON.stringify(sources));
  }
  assert.deepEqual(validateConfig({ sources: [{ match: 'kabar/**', lang: 'ky', labels: ['^(?<name>\\p{Lu}+):'] }] }, 'p.json').sources, [
    { match: 'kabar/**', lang: 'ky', labels: ['^(?<name>\\p{Lu}+):'] },
  ]);
});

test('should resolve each match against the config file’s folder', async () => {
  const config = await normalizeConfig({ sources: [{ match: 'transcripts/kabar/*.txt', lang: 'ky' }] }, '/srv/press');
  assert.equal(config.sources[0]!.match, '/srv/press/transcripts/kabar/*.txt');
  assert.equal(sourceSettingsFor(config.sources, '/srv/press/transcripts/kabar/one.txt').lang, 'ky');
  assert.equal(sourceSettingsFor(config.sources, '/srv/other/transcripts/kabar/one.txt').lang, undefined);
  // A folder whose name holds a pattern character matches only itself.
  const odd = resolveSources([{ match: '*.txt' }], '/srv/press*');
  assert.equal(sourceSettingsFor(odd, '/srv/press*/a.txt').rules, undefined);
  assert.ok(globToRegExp(odd[0]!.match).test('/srv/press*/a.txt'));
  assert.ok(!globToRegExp(odd[0]!.match).test('/srv/pressroom/a.txt'));
});

test('should apply every matching source in order: lists concatenated, the last language winning', () => {
  const sources: SourceSettings[] = resolveSources(
    [
      { match: '**', lang: 'ru', dropLines: ['^one$'] },
      { match: 'site/*.html', lang: 'ky', dropLines: ['^two$'], dateFormats: ['(?<day>\\d+)\\.(?<month>\\d+)\\.(?<year>\\d{4})'] },
    ],
    '/p',
  );
  const found = sourceSettingsFor(sources, '/p/site/page.html');
  assert.equal(found.lang, 'ky');
  assert.deepEqual(
    found.rules?.dropLines?.map((pattern) => pattern.source),
    ['^one$', '^two$'],
  );
  assert.ok(found.rules?.dropLines?.every((pattern) => pattern.unicode));
  assert.equal(found.rules?.dateFormats?.length, 1);
  const other = sourceSettingsFor(sources, '/p/notes.txt');
  assert.equal(other.lang, 'ru');
  assert.equal(other.rules?.dateFormats, undefined);
});

// --- Globs ----------------------------------------------------------------------------------------------

test('should match globs: * within a folder, ** across folders, ? one character, \\ literal', () => {
  const cases: [string, string, boolean][] = [
    ['*.txt', 'a.txt', true],
    ['*.txt', 'dir/a.txt', false],
    ['*.txt', 'a.txt.bak', false],
    ['**/*.txt', 'a.txt', true],
    ['**/*.txt', 'x/y/z/a.txt', true],
    ['**/*.txt', 'x/y/a.html', false],
    ['site/**', 'site/a/b.html', true],
    ['site/**', 'other/site/a.html', false],
    ['site/**/page.html', 'site/page.html', true],
    ['site/**/page.html', 'site/a/b/page.html', true],
    ['site/**/page.html', 'site/a/b/other.html', false],
    ['a?c.md', 'abc.md', true],
    ['a?c.md', 'a/c.md', false],
    ['a?c.md', 'ac.md', false],
    ['2025-*-kabar.txt', '2025-11-14-kabar.txt', true],
    ['a**b.txt', 'axxb.txt', true],
    ['a**b.txt', 'ax/xb.txt', false],
    ['file\\*.txt', 'file*.txt', true],
    ['file\\*.txt', 'fileX.txt', false],
    ['[draft].txt', '[draft].txt', true],
    ['[draft].txt', 'd.txt', false],
    ['(a|b).txt', 'a.txt', false],
    ['транскрипты/*.txt', 'транскрипты/речь.txt', true],
  ];
  for (const [glob, file, expected] of cases) assert.equal(matchesGlob(file, glob), expected, `${glob} against ${file}`);
});

test('should match a glob against a very long path without running away', () => {
  const long = `${'a/'.repeat(2000)}${'b'.repeat(5000)}.html`;
  assert.equal(matchesGlob(long, '**/*x*y*z*.txt'), false);
  assert.equal(matchesGlob(long, '**/*.html'), true);
});

// --- Inputs and cache keys ------------------------------------------------------------------------------

test('should never take a sidecar for a transcript when a folder is expanded', async () => {
  const folder = scratch();
  for (const name of ['a.txt', 'a.meta.yaml', 'b.md', 'b.meta.yml', 'c.meta.md', 'NOTES.META.YAML'])
    writeFileSync(path.join(folder, name), 'x');
  const inputs = (await expandInputs([folder])).map((file) => path.basename(file));
  assert.deepEqual(inputs, ['a.txt', 'b.md', 'c.meta.md']);
  assert.ok(isSidecar('x/NOTES.META.YAML') && isSidecar('a.meta.yml') && !isSidecar('a.meta.md'));
  const named = await inputErrorAsync(() => expandInputs([path.join(folder, 'a.meta.yaml')]));
  assert.match(named.message, /Unexpected sidecar as an input/);
  rmSync(folder, { recursive: true, force: true });
});

test('should key a document by its sidecar too, and keep the key of a document without one', async () => {
  const transcript = encode('Title\n\nText');
  const alone = transcriptHash(transcript, undefined);
  const withOne = transcriptHash(transcript, encode('title: A\n'));
  const withOther = transcriptHash(transcript, encode('title: B\n'));
  assert.notEqual(alone, withOne);
  assert.notEqual(withOne, withOther);
  assert.equal(transcriptHash(transcript, encode('title: A\n')), withOne);

  const folder = scratch();
  writeFileSync(path.join(folder, 'a.txt'), 'Title\n\nText\n');
  const config = await normalizeConfig({ inputs: ['.'], memories: [], glossaries: [] }, folder);
  const before = await inputHashes(config);
  writeFileSync(path.join(folder, 'a.meta.yaml'), 'title: A\n');
  const after = await inputHashes(config);
  assert.notEqual(after.site, before.site);
  assert.equal(after.resources, before.resources);
  rmSync(folder, { recursive: true, force: true });
});

test('should rebuild a document when only its sidecar changes', async () => {
  const folder = scratch();
  mkdirSync(path.join(folder, 'transcripts'));
  writeFileSync(
    path.join(folder, 'transcripts/talk.txt'),
    'Talk on bridges\n\nAugust 8, 2026, Samara\n\nGovernor Elena Markova: Dear residents, the bridge is open.\n',
  );
  writeFileSync(path.join(folder, 'transcripts/talk.meta.yaml'), 'place: Samara\n');
  const config = await normalizeConfig(
    { inputs: ['transcripts'], locales: ['en'], formats: ['html'], memories: [], glossaries: [], catalogs: path.join(repo, 'locales') },
    folder,
  );
  const cache = path.join(folder, 'cache');
  const first = await build(config, { cache, write: false });
  assert.deepEqual(first.report.incremental?.rebuilt, ['talk/en'], 'the sidecar is not a second document');
  const again = await build(config, { cache, write: false });
  assert.deepEqual(again.report.incremental?.rebuilt, []);
  writeFileSync(path.join(folder, 'transcripts/talk.meta.yaml'), 'place: Tolyatti\n');
  const edited = await build(config, { cache, write: false });
  assert.deepEqual(edited.report.incremental?.rebuilt, ['talk/en']);
  rmSync(folder, { recursive: true, force: true });
});

// --- End to end: the editor's values reach the document --------------------------------------------------

// Note: these pass once the normaliser applies `overrides` (pipeline/normalize/transcript.ts).
const MISLEADING = [
  'Official website News Transcripts Events Photos Video',
  '',
  'Share Print version Text version',
  '',
  'Regional development council meets',
  '',
  'The council discussed roads, schools and the winter season.',
  '',
  'Chairman: Good afternoon, colleagues. We start with the roads.',
  '',
  'Governor: The roads are ready for winter.',
  '',
].join('\n');
const SIDECAR = [
  'title: Meeting of the Council for Regional Development',
  'date: 2026-11-05',
  'time: "15:00"',
  'place: Kazan',
  'speakers:',
  '  - {name: Anna Petrova, role: Chairman}',
  '  - {name: Oleg Ivanov, role: Governor}',
  '',
].join('\n');

test('should publish the sidecar’s title, date, time and place through the build’s own stages', async () => {
  const folder = scratch();
  const input = path.join(folder, 'council.txt');
  writeFileSync(input, MISLEADING);
  writeFileSync(path.join(folder, 'council.meta.yaml'), SIDECAR);
  const settings = await readTranscriptSettings(input, baseConfig, 'council.txt');
  const report = new Reporter('council.txt');
  const config = { ...(await normalizeConfig({}, folder)) };
  const ctx = {
    file: { path: 'council.txt', slug: 'council' },
    locale: 'en',
    config,
    report,
    resources: undefined as never,
    normalize: settings.options,
  } satisfies StageContext;
  const tree = await normalize(await ingest(encode(MISLEADING), ctx), ctx);
  assert.equal(tree.data.meta.title, 'Meeting of the Council for Regional Development');
  assert.equal(tree.data.meta.date, '2026-11-05');
  assert.equal(tree.data.meta.time, '15:00');
  assert.equal(tree.data.meta.place, 'Kazan');
  rmSync(folder, { recursive: true, force: true });
});

test('should publish the front matter’s title, date and place for an editor’s Markdown, the sidecar winning', async () => {
  const folder = scratch();
  const input = path.join(folder, 'council.md');
  const markdown = `---\ntitle: From the front matter\ndate: 2026-11-04\nplace: Kazan\n---\n\n${MISLEADING}`;
  writeFileSync(input, markdown);
  writeFileSync(path.join(folder, 'council.meta.yaml'), 'date: 2026-11-05\n');
  const { lang, ...options } = (await readTranscriptSettings(input, baseConfig)).options;
  const { tree } = await normaliseFile(encode(markdown), input, lang, new Reporter(input), options);
  assert.equal(tree.data.meta.title, 'From the front matter');
  assert.equal(tree.data.meta.date, '2026-11-05');
  assert.equal(tree.data.meta.place, 'Kazan');
  rmSync(folder, { recursive: true, force: true });
});

test('should apply a source’s dropLines, labels and dateFormats to the transcripts it matches, from the config file on', async () => {
  const folder = scratch();
  mkdirSync(path.join(folder, 'transcripts/regional-news'), { recursive: true });
  const text = [
    'Council meets on roads',
    '',
    'Kazan ~ 2026.11.05 ~ 15:00',
    '',
    '>> Anna Petrova <<  Good afternoon, colleagues. We start with the roads.',
    '',
    '>> Oleg Ivanov <<  The roads are ready for winter.',
    '',
    'Rate this article: 1 2 3 4 5',
    '',
  ].join('\n');
  const matched = path.join(folder, 'transcripts/regional-news/council.txt');
  const unmatched = path.join(folder, 'transcripts/council.txt');
  writeFileSync(matched, text);
  writeFileSync(unmatched, text);
  writeFileSync(
    path.join(folder, 'pressroom.config.json'),
    JSON.stringify({
      sources: [
        {
          match: 'transcripts/regional-news/**',
          dropLines: ['^Rate this article'],
          labels: ['^>> (?<name>[^<>]+) <<'],
          dateFormats: ['(?<place>[^~]+) ~ (?<year>\\d{4})\\.(?<month>\\d{2})\\.(?<day>\\d{2}) ~ (?<time>\\d{2}:\\d{2})'],
        },
      ],
    }),
  );
  const config = await normalizeConfig(await readConfigFile(path.join(folder, 'pressroom.config.json')), folder);
  const normalised = async (input: string) => {
    const { lang, ...options } = (await readTranscriptSettings(input, config)).options;
    const report = new Reporter(input);
    return { ...(await normaliseFile(encode(text), input, lang, report, options)), report };
  };
  const withRules = await normalised(matched);
  const meta = withRules.tree.data.meta;
  assert.deepEqual([meta.date, meta.time, meta.place], ['2026-11-05', '15:00', 'Kazan']);
  const turns = withRules.tree.children.flatMap((node) => (node.type === 'speakerTurn' ? [node.speaker.name] : []));
  assert.deepEqual(turns, ['Anna Petrova', 'Oleg Ivanov']);
  const dropped = withRules.report.messages.find((message) => message.ruleId.endsWith('source-rule'));
  assert.equal(dropped?.place?.start.line, 9);
  // The same text outside the source's folder gets none of it.
  const without = await normalised(unmatched);
  assert.ok(!without.report.messages.some((message) => message.ruleId.endsWith('source-rule')));
  assert.ok(!without.tree.children.some((node) => node.type === 'speakerTurn' && node.speaker.name === 'Anna Petrova'));
  rmSync(folder, { recursive: true, force: true });
});
