// One diagnostic type, one printer (issue 18 item 3): every reader's bad input comes out as the same
// diagnostic with file, line, column and rule id; --format json is one shape for every command; --format
// github writes workflow commands GitHub can parse back. Commands run in process through main(argv, io).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { InputError } from '../pipeline/errors.ts';
import { createDiagnostic, type Diagnostic } from '../pipeline/report/messages.ts';
import { diagnosticFromError, diagnosticJson, formatDiagnostic, githubAnnotation, printDiagnostics } from '../pipeline/report/print.ts';
import { cli, repo } from './helpers/cli.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-diagnostics-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder with the given files (name → text or bytes). */
function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = path.join(scratch, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const TMX_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/>
  <body>
`;
const unit = (en: string, ru: string, id = '') =>
  `    <tu${id ? ` tuid="${id}"` : ''}>\n      <tuv xml:lang="en"><seg>${en}</seg></tuv>\n      <tuv xml:lang="ru"><seg>${ru}</seg></tuv>\n    </tu>\n`;
const TMX_TAIL = `  </body>\n</tmx>\n`;

// One word off a sentence of the sample transcript (“… our long-term national interests.”): a fuzzy match.
const FUZZY_SOURCE = 'I would like to emphasise that our partnership serves our long-term interests.';

/** The keys of the one JSON shape, in order (report/print.ts DiagnosticJson). */
const KEYS = [
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'severity',
  'reason',
  'ruleId',
  'source',
  'locale',
  'segment',
  'url',
  'note',
  'cause',
];

/** A bad file per reader, where its error is, and the reader's name (the rule id's first part). */
const badInputs: {
  reader: string;
  file: string;
  text: string | Uint8Array;
  args: (file: string) => string[];
  line: number;
  column: number;
}[] = [
  {
    reader: 'tmx',
    file: 'memory.tmx',
    // The second <tuv> has no language: the scanner names the unit's place.
    text: `${TMX_HEAD}    <tu>\n      <tuv xml:lang="en"><seg>Thank you.</seg></tuv>\n      <tuv><seg>Спасибо.</seg></tuv>\n    </tu>\n${TMX_TAIL}`,
    args: (file) => ['tm', 'stats', file],
    line: 5,
    column: 5,
  },
  {
    reader: 'tbx',
    file: 'glossary.tbx',
    text: `<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n  <text>\n    <body>\n      <conceptEntry id="c1">\n    </body>\n  </text>\n</tbx>\n`,
    args: (file) => ['glossary', 'lint', file],
    line: 6,
    column: 5,
  },
  {
    reader: 'csv',
    file: 'glossary.csv',
    text: 'en,ru\nPresident,Президент\n"Kyrgyzstan,Кыргызстан\n',
    args: (file) => ['glossary', 'lint', file],
    line: 3,
    column: 1,
  },
  {
    reader: 'xliff',
    file: 'returned.ru.xlf',
    text: `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file source-language="en" target-language="ru" datatype="plaintext" original="x.txt">\n    <body>\n      <trans-unit id="u1"><source>Hello</source>\n    </body>\n  </file>\n</xliff>\n`,
    args: (file) => ['xliff', 'import', file],
    line: 6,
    column: 5,
  },
  {
    reader: 'config',
    file: 'pressroom.config.json',
    text: '{\n  "locales": ["en", "ru"],\n  "langs": ["ky"]\n}\n',
    args: (file) => ['build', '--config', file, '--out', 'out'],
    line: 3,
    column: 3,
  },
  {
    reader: 'transcript',
    file: 'transcript.txt',
    text: Buffer.concat([Buffer.from('Title\n\nFirst paragraph.\n\nSecond '), Buffer.from([0]), Buffer.from(' paragraph.\n')]),
    args: (file) => ['normalise', file],
    // Note: the transcript reader places a bad byte at its line (column 1).
    line: 5,
    column: 1,
  },
];

for (const input of badInputs) {
  test(`should report a bad ${input.reader} file as one diagnostic with file, line, column and a ${input.reader}: rule id`, async () => {
    const dir = folder(`bad-${input.reader}`, { [input.file]: input.text });
    const run = await cli([...input.args(input.file), '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    const diagnostics = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.ok(Array.isArray(diagnostics) && diagnostics.length >= 1, run.stdout);
    const found = diagnostics.find((entry) => entry.severity === 'error')!;
    assert.deepEqual(Object.keys(found), KEYS);
    assert.deepEqual(
      [found.file, found.line, found.column, found.source],
      [input.file, input.line, input.column, input.reader],
      JSON.stringify(found),
    );
    assert.match(String(found.ruleId), new RegExp(`^${input.reader}:[a-z-]+$`));
    assert.match(String(found.reason), /^Unexpected /);
  });
}

test('should give an InputError a rule id from its reader, or the one it names', () => {
  assert.equal(new InputError('a/memory.tmx', { line: 1, column: 1 }, 'Unexpected x').ruleId, 'tmx:invalid');
  assert.equal(new InputError('terms.tsv', undefined, 'Unexpected x', { rule: 'syntax' }).ruleId, 'csv:syntax');
  assert.equal(new InputError('x.txt', undefined, 'Unexpected x', { ruleId: 'transcript:nul' }).ruleId, 'transcript:nul');
  const wrapped = new Error('Stage `ingest` failed', { cause: new InputError('x.docx', { line: 2, column: 3 }, 'Unexpected zip') });
  const diagnostic = diagnosticFromError(wrapped);
  assert.deepEqual(
    [diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.ruleId, diagnostic.reason, diagnostic.note],
    ['x.docx', 2, 3, 'transcript:invalid', 'Unexpected zip', 'Stage `ingest` failed'],
  );
});

test('should point a message about a TMX unit at the TMX file and the unit’s line', async () => {
  // Line 5 holds a unit with one language: tm stats names it there.
  const text = `${TMX_HEAD}${unit('Hello.', 'Привет.')}    <tu>\n      <tuv xml:lang="en"><seg>Alone.</seg></tuv>\n    </tu>\n${TMX_TAIL}`;
  const dir = folder('tm-unit', { 'locales/ru/memory.tmx': text });
  const run = await cli(['tm', 'stats', 'locales/ru/memory.tmx', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const [single] = (JSON.parse(run.stdout) as Record<string, unknown>[]).filter((entry) => entry.ruleId === 'tm:single-variant');
  assert.deepEqual([single?.file, single?.line, single?.column], ['locales/ru/memory.tmx', 9, 5]);
});

test('should file a build’s TMX conflict under the memory and the dropped unit’s line, a missing UI string under its catalog, a locale without one under the catalogs', async () => {
  const transcript = readFileSync(path.join(repo, 'transcripts/2025-11-26-bishkek-press-statements.txt'));
  // Two units translate the same source differently; the dated one is kept, the other (line 5) dropped.
  const tmx = `${TMX_HEAD}${unit('Dear colleagues.', 'Дорогие коллеги.')}    <tu changedate="20250101T000000Z">\n      <tuv xml:lang="en"><seg>Dear colleagues.</seg></tuv>\n      <tuv xml:lang="ru"><seg>Уважаемые коллеги.</seg></tuv>\n    </tu>\n${unit(FUZZY_SOURCE, 'Хочу подчеркнуть, что наше партнёрство служит нашим долгосрочным интересам.')}${TMX_TAIL}`;
  const dir = folder('tm-conflict', {
    'transcript.txt': transcript,
    'memory.tmx': tmx,
    'pressroom.config.json': JSON.stringify({
      inputs: ['transcript.txt'],
      locales: ['en', 'ru'],
      formats: ['html'],
      onMissing: 'keep-source',
      memories: ['memory.tmx'],
      tmMinScore: 75,
    }),
    // Note: i18next reports a key only when no language of the chain has it: gone from en as well.
    'locales/en/ui.json': JSON.stringify(withoutDateline(JSON.parse(readFileSync(path.join(repo, 'locales/en/ui.json'), 'utf8')))),
    'locales/ru/ui.json': JSON.stringify(withoutDateline(JSON.parse(readFileSync(path.join(repo, 'locales/ru/ui.json'), 'utf8')))),
  });
  // kk has no catalog: the CLI's own check, a diagnostic like the build's.
  const run = await cli(['build', '--locales', 'en,ru,kk', '--no-cache', '--out', 'out', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const diagnostics = JSON.parse(run.stdout) as ReturnType<typeof diagnosticJson>[];
  const conflict = diagnostics.find((entry) => entry.ruleId === 'tm:conflict');
  assert.ok(conflict, 'no tm:conflict');
  assert.deepEqual([conflict.file, conflict.line], ['memory.tmx', 5]);
  const cause = conflict.cause as ReturnType<typeof diagnosticJson>;
  assert.deepEqual([cause.file, cause.line], ['memory.tmx', 9]);
  // A message about a segment published from a TMX unit names the unit as its cause: the memory and its line.
  const fuzzy = diagnostics.find((entry) => entry.ruleId === 'tm:fuzzy');
  assert.equal(fuzzy?.file, 'transcript.txt');
  const unitPlace = fuzzy?.cause as ReturnType<typeof diagnosticJson> | undefined;
  assert.deepEqual([unitPlace?.file, unitPlace?.line, unitPlace?.ruleId], ['memory.tmx', 13, 'tm:unit']);
  const missing = diagnostics.filter((entry) => entry.ruleId === 'i18n:missing-key').map((entry) => entry.file);
  assert.ok(missing.length > 0, 'no i18n:missing-key');
  assert.ok(
    missing.every((file) => /^locales\/(en|ru)\/ui\.json$/.test(file)),
    `the missing key is filed under the catalog that lacks it: ${missing.join(', ')}`,
  );
  const noCatalog = diagnostics.find((entry) => entry.ruleId === 'i18n:missing-locale');
  assert.deepEqual([noCatalog?.file, noCatalog?.severity], ['locales', 'warning']);
  assert.match(noCatalog?.reason ?? '', /“kk”/);
  // Every diagnostic of the build has the one shape.
  for (const entry of diagnostics) assert.deepEqual(Object.keys(entry), KEYS);
  // remove (and index) print the site's messages the same way; their summary leaves stdout to the array.
  const removed = await cli(['remove', 'transcript', '--out', 'out', '--format', 'json'], { cwd: dir });
  assert.equal(removed.status, 0, removed.stderr);
  const siteMessages = JSON.parse(removed.stdout) as Record<string, unknown>[];
  assert.ok(
    siteMessages.some((entry) => entry.ruleId === 'site:no-url'),
    removed.stdout,
  );
  for (const entry of siteMessages) assert.deepEqual(Object.keys(entry), KEYS);
  assert.match(removed.stderr, /^Removed transcript from out/m);
});

/** A catalog without the dateline every page prints (document.dateline). */
function withoutDateline(catalog: { document: Record<string, unknown> }): unknown {
  const { dateline: _dropped, ...document } = catalog.document;
  return { ...catalog, document };
}

/** Reads a workflow command back the way the runner does: level, properties (unescaped) and message. */
function parseAnnotation(line: string): { level: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (text: string) =>
    text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of match[2]!.split(',')) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return { level: match[1]!, properties, message: unescape(match[3]!) };
}

test('should escape a GitHub annotation’s properties and message so that it parses back as written', () => {
  const diagnostic = createDiagnostic({
    file: path.join(process.cwd(), 'odd, name: 100%.tmx'),
    place: { start: { line: 3, column: 7 }, end: { line: 4, column: 2 } },
    severity: 'warning',
    reason: 'Unexpected 50% match,\nexpected: more\r\nsee %0A',
    ruleId: 'tm:fuzzy',
  });
  const line = githubAnnotation(diagnostic);
  assert.doesNotMatch(line, /[\r\n]/);
  assert.deepEqual(parseAnnotation(line), {
    level: 'warning',
    // Relative to the working folder, as GitHub wants the repository's paths.
    properties: { file: 'odd, name: 100%.tmx', line: '3', col: '7', endLine: '4', endColumn: '2', title: 'tm:fuzzy' },
    message: 'Unexpected 50% match,\nexpected: more\r\nsee %0A',
  });
  const info = parseAnnotation(
    githubAnnotation({ ...diagnostic, severity: 'info', file: '', place: undefined, line: undefined, column: undefined }),
  );
  assert.deepEqual([info.level, info.properties], ['notice', { title: 'tm:fuzzy' }]);
});

test('should print text as file:line:col  severity  reason  ruleId, a range when it has one', () => {
  const point = createDiagnostic({
    file: 'g.tbx',
    place: { line: 20, column: 9 },
    severity: 'error',
    reason: 'Unexpected empty <term>',
    ruleId: 'glossary:empty-term',
  });
  assert.equal(formatDiagnostic(point), 'g.tbx:20:9  error  Unexpected empty <term>  glossary:empty-term');
  const range = createDiagnostic({
    file: 'a.txt',
    place: { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } },
    severity: 'warning',
    reason: 'Unexpected term',
    ruleId: 'term:missing',
    locale: 'ru',
    segment: 's1',
  });
  assert.equal(formatDiagnostic(range), 'a.txt:2:1-2:5  warning  Unexpected term (ru, segment s1)  term:missing');
  let json = '';
  printDiagnostics([], { format: 'json', write: (text) => void (json += text) });
  assert.deepEqual(JSON.parse(json), [], 'no diagnostics is an empty array, still JSON');
});

test('should print the same JSON shape from glossary lint, tm stats, normalise and xliff import', async () => {
  const dir = folder('shape', {
    'glossary.csv': 'en,ru,status\nPresident,Президент,preferred\nPresident,Президент,preferred\n',
    'memory.tmx': `${TMX_HEAD}${unit('Hello.', '')}${TMX_TAIL}`,
    'transcript.txt': 'Title\n\n\n\nOne paragraph.\n\nOne paragraph.\n',
    'returned.ru.xlf': '<xliff version="1.2"><file',
  });
  const runs = [
    ['glossary', 'lint', 'glossary.csv'],
    ['tm', 'stats', 'memory.tmx'],
    ['normalise', 'transcript.txt'],
    ['xliff', 'import', 'returned.ru.xlf'],
  ];
  for (const args of runs) {
    const run = await cli([...args, '--format', 'json'], { cwd: dir });
    const diagnostics = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.ok(diagnostics.length > 0, `${args.join(' ')}: no diagnostics\n${run.stdout}${run.stderr}`);
    for (const entry of diagnostics) {
      assert.deepEqual(Object.keys(entry), KEYS, args.join(' '));
      // A message about the whole file (normalise's summary) has no line; null, never left out.
      assert.ok(typeof entry.line === 'number' || entry.line === null, JSON.stringify(entry));
      assert.match(String(entry.ruleId), /^[a-z]+:[a-z-]+$/);
    }
    assert.ok(
      diagnostics.some((entry) => typeof entry.line === 'number' && typeof entry.column === 'number'),
      `${args.join(' ')}: no diagnostic with a place`,
    );
  }
});

test('should write GitHub annotations for a command’s problems and refuse an unknown --format', async () => {
  const dir = folder('github', { 'glossary.csv': 'en,ru,status\nPresident,Президент,preferred\nPresident,Президент,preferred\n' });
  const run = await cli(['glossary', 'lint', 'glossary.csv', '--format', 'github'], { cwd: dir });
  const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
  assert.ok(annotations.length > 0, run.stdout);
  for (const line of annotations) {
    const { properties } = parseAnnotation(line);
    assert.equal(properties.file, 'glossary.csv');
    assert.match(properties.line ?? '', /^\d+$/);
    assert.match(properties.title ?? '', /^glossary:/);
  }
  const bad = await cli(['glossary', 'lint', 'glossary.csv', '--format', 'xml'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /Unexpected --format xml, expected one of: text, json, github/);
});

test('should keep every field of a checker’s problem when it becomes a diagnostic', () => {
  const diagnostic: Diagnostic = createDiagnostic({
    file: 'x.txt',
    place: { line: 1, column: 2 },
    severity: 'info',
    reason: 'Unexpected thing',
    ruleId: 'tm:fuzzy',
    url: 'https://example.org/rule',
    note: 'A note',
    segment: 's9',
    cause: createDiagnostic({ file: 'm.tmx', place: { line: 4, column: 5 }, severity: 'info', reason: 'Here', ruleId: 'tm:unit' }),
  });
  const json = diagnosticJson(diagnostic);
  assert.deepEqual(
    [json.url, json.note, json.segment, json.source, json.endLine, (json.cause as { file: string }).file],
    ['https://example.org/rule', 'A note', 's9', 'tm', 1, 'm.tmx'],
  );
});
