// A document's source language (pipeline/locale/source-language.ts): declared > config rule > detected >
// sourceLocale, with the warnings that tell the user what the build will do with it (issue 16). Since the
// build translates from any source language (test/translate-directions.test.ts), a document in another
// language than sourceLocale is no longer a warning: it is read and translated in its own language.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../pipeline/build.ts';
import { normalizeConfig, validateConfig } from '../pipeline/config/load.ts';
import { resolveSourceLanguage } from '../pipeline/locale/source-language.ts';
import { normaliseFile } from '../pipeline/normalize/file.ts';
import { formatMessage, Reporter, type Message } from '../pipeline/report/messages.ts';
import { cli, repo } from './helpers/cli.ts';

const RUSSIAN =
  'Заявление для прессы по итогам переговоров\n\nМОСКВА, 26 ноября 2026 года\n\nМы договорились обмениваться данными о реках, которые пересекают наши границы, и первый совместный доклад будет опубликован весной. Это важный шаг для всего региона.\n';
const KYRGYZ =
  'Сүйлөшүүлөрдүн жыйынтыгы боюнча билдирүү\n\nБИШКЕК, 26-ноябрь, 2026-жыл\n\nБиз чек араларыбызды кесип өткөн дарыялар тууралуу маалымат алмашууга макул болдук, биринчи биргелешкен баяндама жазында жарыяланат. Бул бүт аймак үчүн маанилүү кадам.\n';
const ENGLISH =
  'Statement following the talks\n\nMOSCOW, November 26, 2026\n\nWe have agreed to share data on the rivers that cross our borders, and the first joint report will be published in the spring. This is an important step for the whole region.\n';

const rules = (report: Reporter) => report.messages.map((message) => message.ruleId);
const only = (messages: readonly Message[], ruleId: string) => messages.filter((message) => message.ruleId === ruleId);

// --- The order: declared > rule > detected > sourceLocale ------------------------------------------------

test('a declaration wins over a rule and detection, a rule over detection, detection over the default', () => {
  const report = new Reporter('a.txt');
  const declared = resolveSourceLanguage(
    { text: RUSSIAN, declared: { lang: 'ru', from: 'sidecar' }, rule: 'ky', sourceLocale: 'en' },
    report,
  );
  assert.deepEqual([declared.lang, declared.from], ['ru', 'sidecar']);
  const ruled = resolveSourceLanguage({ text: RUSSIAN, rule: 'ru', sourceLocale: 'en' }, new Reporter('a.txt'));
  assert.deepEqual([ruled.lang, ruled.from], ['ru', 'config']);
  const detected = resolveSourceLanguage({ text: KYRGYZ, sourceLocale: 'ky' }, new Reporter('a.txt'));
  assert.deepEqual([detected.lang, detected.from], ['ky', 'detected']);
  const nothing = resolveSourceLanguage({ text: '2026 — 12:45', sourceLocale: 'ru' }, new Reporter('a.txt'));
  assert.deepEqual([nothing.lang, nothing.from], ['ru', 'default']);
});

test('the source language of each golden-style text is detected when nothing is declared', () => {
  for (const [text, lang] of [
    [ENGLISH, 'en'],
    [RUSSIAN, 'ru'],
    [KYRGYZ, 'ky'],
  ] as const) {
    const report = new Reporter('a.txt');
    const resolved = resolveSourceLanguage({ text, sourceLocale: lang }, report);
    assert.equal(resolved.lang, lang);
    assert.deepEqual(report.messages, [], `${lang}: no warning when the document is in the sourceLocale`);
  }
});

// --- Warnings -------------------------------------------------------------------------------------------

test('a document in another language than sourceLocale is its own source, without a warning', () => {
  const report = new Reporter('transcripts/briefing-ru.txt');
  const resolved = resolveSourceLanguage({ text: RUSSIAN, sourceLocale: 'en' }, report);
  assert.deepEqual([resolved.lang, resolved.from], ['ru', 'detected']);
  assert.deepEqual(rules(report), [], 'translated from ru: nothing to warn about');
});

test('a guess between two languages is lang:uncertain, naming the file and both candidates', () => {
  const report = new Reporter('titles/one.txt');
  const resolved = resolveSourceLanguage({ text: 'Бишкек', sourceLocale: 'en' }, report);
  const [uncertain] = only(report.messages, 'lang:uncertain');
  assert.ok(uncertain, rules(report).join());
  assert.equal(uncertain.file, 'titles/one.txt');
  assert.match(uncertain.reason, /Russian \(ru, 0\.\d+\) or Kyrgyz \(ky, 0\.\d+\)|Kyrgyz \(ky, 0\.\d+\) or Russian \(ru, 0\.\d+\)/);
  // Neither candidate is the default: the likelier one is taken; the uncertainty is the only warning.
  assert.ok(['ru', 'ky'].includes(resolved.lang));
  assert.deepEqual(rules(report), ['lang:uncertain']);
});

test('an uncertain guess that includes sourceLocale keeps sourceLocale', () => {
  const report = new Reporter('a.txt');
  const resolved = resolveSourceLanguage({ text: 'Бишкек', sourceLocale: 'ky' }, report);
  assert.deepEqual([resolved.lang, resolved.from], ['ky', 'default']);
  assert.deepEqual(rules(report), ['lang:uncertain']);
});

test('a declaration the text contradicts is kept, with a lang:contradicts warning at its line', () => {
  const report = new Reporter('edited.md');
  const resolved = resolveSourceLanguage(
    { text: RUSSIAN, declared: { lang: 'en', from: 'front-matter', place: { line: 3, column: 1 } }, sourceLocale: 'en' },
    report,
  );
  assert.deepEqual([resolved.lang, resolved.from], ['en', 'front-matter']);
  assert.deepEqual(rules(report), ['lang:contradicts']);
  assert.equal(report.messages[0]!.place?.start.line, 3);
  assert.match(report.messages[0]!.reason, /lang en in the front matter .*Russian \(ru/);
});

test('a declaration of a language the detector does not know, or of a short text, is not questioned', () => {
  const german = new Reporter('a.txt');
  resolveSourceLanguage({ text: ENGLISH, declared: { lang: 'de', from: 'front-matter' }, sourceLocale: 'de' }, german);
  assert.deepEqual(rules(german), []);
  const short = new Reporter('a.txt');
  resolveSourceLanguage({ text: 'Бишкек', declared: { lang: 'ky', from: 'front-matter' }, sourceLocale: 'ky' }, short);
  assert.deepEqual(rules(short), []);
});

// --- Through the normaliser -----------------------------------------------------------------------------

test('front matter lang: "ru" reaches the metadata, and lang: en on Cyrillic text warns at the line of lang:', async () => {
  const declared = new Reporter('ru.md');
  const ru = await normaliseFile(new TextEncoder().encode(`---\ntitle: Заявление\nlang: "ru"\n---\n\n${RUSSIAN}`), 'ru.md', 'en', declared);
  assert.equal(ru.tree.data.meta.sourceLang, 'ru');
  assert.equal(ru.tree.data.meta.sourceLangFrom, 'front-matter');
  assert.deepEqual(only(declared.messages, 'lang:contradicts'), []);
  assert.deepEqual(
    declared.messages.filter((message) => message.ruleId.startsWith('lang:')),
    [],
    'sourceLocale is en, the document ru: translated from ru, nothing to tell',
  );
  assert.equal(ru.tree.data.meta.lang, 'ru', 'read in the declared language');

  const wrong = new Reporter('wrong.md');
  const en = await normaliseFile(
    new TextEncoder().encode(`---\ntitle: Заявление\nplace: Москва\nlang: en\n---\n\n${RUSSIAN}`),
    'wrong.md',
    'en',
    wrong,
  );
  assert.equal(en.tree.data.meta.sourceLang, 'en');
  const [contradicts] = only(wrong.messages, 'lang:contradicts');
  assert.ok(contradicts, wrong.messages.map(formatMessage).join('\n'));
  assert.equal(contradicts.place?.start.line, 4, 'the line of lang: in the file');
});

test('a transcript without any statement gets the detected language and is read in it', async () => {
  const report = new Reporter('ky.txt');
  const { tree } = await normaliseFile(new TextEncoder().encode(KYRGYZ), 'ky.txt', 'en', report);
  assert.deepEqual([tree.data.meta.sourceLang, tree.data.meta.sourceLangFrom], ['ky', 'detected']);
  assert.equal(tree.data.meta.lang, 'ky', 'normalised as Kyrgyz, not in the default en');
  assert.deepEqual(
    rules(report).filter((rule) => rule.startsWith('lang:')),
    [],
  );
});

// --- The command and the build --------------------------------------------------------------------------

test('normalise --lang ru prints the language and where it came from; without it, detection', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-source-lang-'));
  try {
    const file = path.join(folder, 'briefing.txt');
    writeFileSync(file, RUSSIAN);
    const stated = await cli(['normalise', file, '--lang', 'ru'], { cwd: folder });
    assert.equal(stated.status, 0, stated.stderr);
    assert.match(stated.stdout, /^Language: ru \(command line\)$/m);
    const detected = await cli(['normalise', file, '--json'], { cwd: folder });
    assert.equal(detected.status, 0, detected.stderr);
    const out = JSON.parse(detected.stdout);
    assert.deepEqual([out.sourceLang, out.sourceLangFrom], ['ru', 'detected']);
    assert.ok(!out.messages.some((message: { ruleId: string }) => message.ruleId.startsWith('lang:')), JSON.stringify(out.messages));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a build: a sources rule names the language, a sidecar contradicting its text is named with its line', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-source-lang-'));
  try {
    mkdirSync(path.join(folder, 'transcripts'));
    writeFileSync(path.join(folder, 'transcripts/briefing-ru.txt'), RUSSIAN);
    writeFileSync(path.join(folder, 'transcripts/statement.txt'), KYRGYZ);
    writeFileSync(path.join(folder, 'transcripts/statement.meta.yaml'), 'place: Бишкек\nlang: en\n');
    writeFileSync(path.join(folder, 'transcripts/talks.txt'), ENGLISH);
    const config = await normalizeConfig(
      {
        inputs: ['transcripts'],
        locales: ['en'],
        formats: ['html'],
        memories: [],
        glossaries: [],
        catalogs: path.join(repo, 'locales'),
        onMissing: 'keep-source',
        sources: [{ match: 'transcripts/*-ru.txt', lang: 'ru' }],
      },
      folder,
    );
    const { messages } = await build(config, { write: false, cache: false, concurrency: 1 });
    const lang = messages.filter((message) => message.ruleId.startsWith('lang:'));
    const about = (file: string) => lang.filter((message) => message.file.endsWith(file)).map((message) => message.ruleId);
    assert.deepEqual(about('briefing-ru.txt'), [], 'a ru original is translated from ru: no warning');
    assert.deepEqual(about('statement.txt'), ['lang:contradicts'], 'declared en: translated as en, but the text reads as Kyrgyz');
    assert.match(only(lang, 'lang:contradicts')[0]!.reason, /sidecar .*statement\.meta\.yaml:2:1/);
    assert.deepEqual(about('talks.txt'), []);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the config refuses a sources language that is no language tag, naming the key', () => {
  assert.throws(
    () => validateConfig({ sources: [{ match: 'ru/**', lang: 'not a tag!' }] }, 'pressroom.config.json'),
    (error: Error) => /sources\[0\]\.lang/.test(error.message) && /BCP 47/.test(error.message),
  );
});
