// Translation in every direction (issue 16 items 2 and 4): a document is normalised and translated from its
// own language; one memory unit with en, ru and ky variants serves en→ru, ru→en, ky→ru and the rest, and
// the glossary's concepts are checked in whichever language is the target. Built in memory.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { build, type BuildResult, type LocaleReport } from '../pipeline/build.ts';
import { normalizeConfig } from '../pipeline/config/load.ts';
import { artifactKey } from '../pipeline/engine/fingerprint.ts';
import { Glossary } from '../pipeline/glossary/glossary.ts';
import type { Concept } from '../pipeline/glossary/types.ts';
import { Reporter } from '../pipeline/report/messages.ts';
import { loadResources } from '../pipeline/resources.ts';
import type { Resources } from '../pipeline/stage.ts';
import { sourceHash } from '../pipeline/tm/context.ts';
import { TranslationMemory } from '../pipeline/tm/memory.ts';
import { parseTmx } from '../pipeline/tm/tmx.ts';
import { collectSegments } from '../pipeline/xliff/collect.ts';
import { exportDocument } from '../pipeline/xliff/export.ts';
import { languageProblem } from '../pipeline/xliff/validate.ts';
import { writeXliff } from '../pipeline/xliff/write.ts';
import { cli, repo } from './helpers/cli.ts';

type Lang = 'en' | 'ru' | 'ky';
type Line = Record<Lang, string>;

const TITLE: Line = {
  en: 'Statement following the talks',
  ru: 'Заявление по итогам переговоров',
  ky: 'Сүйлөшүүлөрдүн жыйынтыгы боюнча билдирүү',
};
const SENTENCES: Line[] = [
  {
    en: 'We agreed to share data on the rivers that cross our borders.',
    ru: 'Мы договорились обмениваться данными о реках, которые пересекают наши границы.',
    ky: 'Биз чек араларыбызды кесип өткөн дарыялар тууралуу маалымат алмашууга макул болдук.',
  },
  {
    en: 'The first joint report will be published in the spring.',
    ru: 'Первый совместный доклад будет опубликован весной.',
    ky: 'Биринчи биргелешкен баяндама жазында жарыяланат.',
  },
  {
    en: 'This is an important step for the whole region.',
    ru: 'Это важный шаг для всего региона.',
    ky: 'Бул бүт аймак үчүн маанилүү кадам.',
  },
];
const DATELINE: Record<Lang, string> = {
  en: 'BISHKEK, November 26, 2026',
  ru: 'БИШКЕК, 26 ноября 2026 года',
  ky: 'БИШКЕК, 26-ноябрь, 2026-жыл',
};

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A TMX whose header says en, with one unit per line holding the languages given (all three by default). */
function tmx(lines: readonly Partial<Line>[], extra = ''): string {
  const units = lines.map(
    (line, i) =>
      `    <tu tuid="u${i + 1}">\n${Object.entries(line)
        .map(([lang, text]) => `      <tuv xml:lang="${lang}"><seg>${esc(text)}</seg></tuv>`)
        .join('\n')}\n    </tu>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/>\n  <body>\n${units.join('\n')}\n${extra}  </body>\n</tmx>\n`;
}

/** A transcript in `lang`: title, dateline and the sentences as one paragraph each. */
function transcript(lang: Lang, lines: readonly Line[] = SENTENCES): string {
  return [TITLE[lang], DATELINE[lang], ...lines.map((line) => line[lang])].join('\n\n') + '\n';
}

const GLOSSARY = `id,subject,en,ru,ky,status
c-kg,place,Kyrgyzstan,Кыргызстан,Кыргызстан,preferred
c-kg,place,,Киргизия,,deprecated
`;

interface Project {
  transcripts: Record<string, string>;
  memory: string;
  locales?: string[];
  glossary?: string;
  sidecars?: Record<string, string>;
}

async function buildProject(project: Project): Promise<BuildResult> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-directions-'));
  try {
    mkdirSync(path.join(folder, 'transcripts'));
    for (const [name, text] of Object.entries({ ...project.transcripts, ...project.sidecars }))
      writeFileSync(path.join(folder, 'transcripts', name), text);
    writeFileSync(path.join(folder, 'memory.tmx'), project.memory);
    writeFileSync(path.join(folder, 'terms.csv'), project.glossary ?? GLOSSARY);
    const config = await normalizeConfig(
      {
        inputs: ['transcripts'],
        locales: project.locales ?? ['en', 'ru', 'ky'],
        formats: ['html'],
        memories: ['memory.tmx'],
        glossaries: ['terms.csv'],
        catalogs: path.join(repo, 'locales'),
        onMissing: 'keep-source',
        out: 'output',
      },
      folder,
    );
    return await build(config, { write: false, cache: false, concurrency: 1 });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function localeReport(result: BuildResult, slug: string, locale: string): LocaleReport {
  const doc = result.report.documents.find((candidate) => candidate.slug === slug);
  assert.ok(doc, `no document ${slug} among ${result.report.documents.map((d) => d.slug).join(', ')}`);
  const found = doc.locales.find((candidate) => candidate.locale === locale);
  assert.ok(found, `no ${locale} report for ${slug}`);
  return found;
}

const page = (result: BuildResult, slug: string, locale: string) => {
  const file = result.files.find((output) => output.path === `${slug}/${locale}/index.html`);
  assert.ok(file, `no page ${slug}/${locale} among ${result.files.map((output) => output.path).join(', ')}`);
  return Buffer.from(file.contents).toString('utf8');
};

/**
 * The segments a page marks as published in another language than its own (render/html/handle/segment.ts:
 * a span with lang and data-segment); a translated segment is plain text of the page's language.
 */
function marked(html: string): { lang: string | undefined; text: string }[] {
  return [...html.matchAll(/<span([^>]*)data-segment="[^"]+"[^>]*>([^<]*)<\/span>/g)].map((match) => ({
    lang: /lang="([^"]+)"/.exec(match[1]!)?.[1],
    text: match[2]!.replace(/&amp;/g, '&'),
  }));
}

const messagesOf = (result: BuildResult, ruleId: string, file?: string, locale?: string) =>
  result.messages.filter(
    (message) =>
      message.ruleId === ruleId &&
      (file === undefined || message.file.endsWith(file)) &&
      (locale === undefined || message.locale === locale),
  );

// --- Every direction from one memory --------------------------------------------------------------------

test('one memory of en/ru/ky units translates a ru original into en and ky, a ky original into ru and en, an en original into ru and ky', async () => {
  const result = await buildProject({
    transcripts: { 'talks-ru.txt': transcript('ru'), 'talks-ky.txt': transcript('ky'), 'talks-en.txt': transcript('en') },
    memory: tmx([TITLE, ...SENTENCES]),
  });
  const all = [TITLE, ...SENTENCES];
  for (const source of ['ru', 'ky', 'en'] as const) {
    const slug = `talks-${source}`;
    // The page in the document's own language is the source artifact: nothing to translate, nothing counted.
    const own = localeReport(result, slug, source);
    assert.equal(own.counts, undefined, `${slug}/${source} is the source, not a target`);
    assert.equal(own.marked, 0);
    for (const target of (['en', 'ru', 'ky'] as const).filter((lang) => lang !== source)) {
      const report = localeReport(result, slug, target);
      assert.deepEqual(
        [report.counts?.exact, report.counts?.new, report.marked],
        [all.length, 0, 0],
        `${slug} → ${target}: ${JSON.stringify(report.counts)}`,
      );
      const html = page(result, slug, target);
      for (const line of all) assert.ok(html.includes(esc(line[target])), `${slug} → ${target} lacks “${line[target]}”`);
      for (const line of SENTENCES) assert.ok(!html.includes(esc(line[source])), `${slug} → ${target} still holds “${line[source]}”`);
      // Translated text is the page's language: nothing is marked as another one.
      assert.deepEqual(marked(html), [], `${slug} → ${target}: marked segments`);
    }
  }
  assert.deepEqual(messagesOf(result, 'tm:no-match'), []);
  assert.deepEqual(
    result.messages.filter((message) => message.ruleId.startsWith('lang:')),
    [],
  );
  // The dashboard counts each locale per direction; en, the config's sourceLocale, is a target of two.
  const dashboard = result.files.find((output) => output.path === 'report/index.json');
  assert.ok(dashboard);
  const data = JSON.parse(Buffer.from(dashboard.contents).toString('utf8'));
  const directions = (locale: string) =>
    data.locales
      .find((entry: { locale: string }) => entry.locale === locale)
      ?.directions.map((direction: { from: string; counts: { exact: number }; total: number }) => [
        direction.from,
        direction.counts.exact,
        direction.total,
      ])
      .sort();
  assert.deepEqual(directions('en'), [
    ['ky', all.length, all.length],
    ['ru', all.length, all.length],
  ]);
  assert.deepEqual(directions('ru'), [
    ['en', all.length, all.length],
    ['ky', all.length, all.length],
  ]);
  assert.deepEqual(data.documents.map((document: { slug: string; sourceLang: string }) => [document.slug, document.sourceLang]).sort(), [
    ['talks-en', 'en'],
    ['talks-ky', 'ky'],
    ['talks-ru', 'ru'],
  ]);
});

test('a memory without the needed direction falls back, marked with the source language and reported once per locale', async () => {
  // en/ru units only: a ky original has nothing to be translated from into en or ru.
  const result = await buildProject({
    transcripts: { 'talks-ky.txt': transcript('ky') },
    memory: tmx([TITLE, ...SENTENCES].map((line) => ({ en: line.en, ru: line.ru }))),
    locales: ['en', 'ru', 'ky'],
  });
  for (const target of ['en', 'ru']) {
    const report = localeReport(result, 'talks-ky', target);
    assert.equal(report.counts?.exact, 0);
    assert.equal(report.marked, SENTENCES.length + 1);
    const [direction, ...more] = messagesOf(result, 'tm:no-direction', 'talks-ky.txt', target);
    assert.ok(direction, `${target}: ${result.messages.map((message) => message.ruleId).join()}`);
    assert.deepEqual(more, []);
    assert.match(direction.reason, new RegExp(`ky original without ky → ${target}`));
    assert.equal(messagesOf(result, 'tm:no-match', 'talks-ky.txt', target).length, SENTENCES.length + 1);
    const published = marked(page(result, 'talks-ky', target)).slice(-SENTENCES.length);
    assert.deepEqual(
      published.map((segment) => [segment.lang, segment.text]),
      SENTENCES.map((line) => ['ky', line.ky]),
      'the Kyrgyz sentences are marked as Kyrgyz',
    );
  }
});

// --- Context and staleness in the ru → en direction -------------------------------------------------------

test('ru → en: a unit recorded at the same place is a context match (101), one whose ru source changed is stale', async () => {
  const slug = 'briefing-ru';
  const [first, second, third] = SENTENCES as [Line, Line, Line];
  const edited = 'Первый совместный доклад будет опубликован летом.';
  const props = (source: string, prev: string, next: string) =>
    [
      `<prop type="x-pressroom-source-hash">${sourceHash(source)}</prop>`,
      `<prop type="x-pressroom-doc">${slug}</prop>`,
      `<prop type="x-pressroom-prev">${esc(prev)}</prop>`,
      `<prop type="x-pressroom-next">${esc(next)}</prop>`,
    ].join('');
  // Imported ru → en: the units say srclang="ru" and record the Russian neighbours and the Russian source's hash.
  const imported =
    `    <tu tuid="ctx" srclang="ru">${props(first.ru, TITLE.ru, second.ru)}<tuv xml:lang="ru"><seg>${esc(first.ru)}</seg></tuv><tuv xml:lang="en"><seg>${esc(first.en)} (as the translator had it)</seg></tuv></tu>\n` +
    `    <tu tuid="old" srclang="ru">${props(second.ru, first.ru, third.ru)}<tuv xml:lang="ru"><seg>${esc(second.ru)}</seg></tuv><tuv xml:lang="en"><seg>${esc(second.en)}</seg></tuv></tu>\n`;
  const lines = [first, { ...second, ru: edited }, third];
  const result = await buildProject({
    transcripts: { [`${slug}.txt`]: transcript('ru', lines) },
    memory: tmx([TITLE, third], imported),
    locales: ['en', 'ru'],
  });
  const en = localeReport(result, slug, 'en');
  assert.equal(en.bands?.context, 1, JSON.stringify(en.bands));
  assert.equal(en.stale, 1);
  const [stale] = messagesOf(result, 'tm:stale', `${slug}.txt`, 'en');
  assert.ok(stale, result.messages.map((message) => message.ruleId).join());
  assert.match(stale.reason, /летом/);
  assert.match(stale.reason, /весной/);
  const html = page(result, slug, 'en');
  assert.ok(html.includes(`${first.en} (as the translator had it)`), 'the context match is published');
  // The stale segment is published in Russian, marked as such; nothing else is.
  assert.deepEqual(marked(html), [{ lang: 'ru', text: edited }]);
  // The same units do not judge an en original: their neighbours are Russian.
  const memory = new TranslationMemory();
  memory.add(parseTmx(tmx([], imported), 'm.tmx'), 'en');
  assert.equal(memory.lookup(first.ru, ['en'], 'ru')?.target, `${first.en} (as the translator had it)`);
  assert.equal(memory.lookup(`${first.en} (as the translator had it)`, ['ru'], 'en')?.target, first.ru, 'and en → ru, by its en variant');
});

test('numbers are adapted in every direction: ru → en and ky → ru as en → ru', () => {
  const memory = new TranslationMemory();
  const line: Line = {
    en: 'The ministry received 25 applications in November.',
    ru: 'Министерство получило 25 заявок в ноябре.',
    ky: 'Министрлик ноябрда 25 арыз алды.',
  };
  memory.add(parseTmx(tmx([line]), 'memory.tmx'), 'en');
  const cases: [Lang, Lang, string, string][] = [
    ['en', 'ru', line.en.replace('25', '40'), line.ru.replace('25', '40')],
    ['ru', 'en', line.ru.replace('25', '40'), line.en.replace('25', '40')],
    ['ky', 'ru', line.ky.replace('25', '40'), line.ru.replace('25', '40')],
    ['ru', 'ky', line.ru.replace('25', '40'), line.ky.replace('25', '40')],
  ];
  for (const [from, to, query, expected] of cases) {
    const [best] = memory.match(query, [to], { from });
    assert.deepEqual([best?.band, best?.score, best?.target], ['adapted', 99, expected], `${from} → ${to}`);
  }
});

// --- Terms in every direction, inflected ------------------------------------------------------------------

test('glossary terms are found in the source language and checked in the target, inflected in Russian and Kyrgyz', async () => {
  const kg: Line = {
    en: 'The President of Kyrgyzstan signed the agreement.',
    ru: 'Президент Кыргызстана подписал соглашение.',
    ky: 'Кыргызстандын президенти келишимге кол койду.',
  };
  // The en translation of the Russian sentence leaves the country out: a term:missing in en.
  const missing: Line = { ...kg, en: 'The President signed the agreement.' };
  // A memory whose ru holds the deprecated name, translating a Kyrgyz original: replaced in ru.
  const deprecated: Line = {
    en: 'Kyrgyzstan and Russia signed the agreement.',
    ru: 'Киргизия и Россия подписали соглашение.',
    ky: 'Кыргызстан менен Россия келишимге кол коюшту.',
  };
  const result = await buildProject({
    transcripts: {
      'terms-ru.txt': transcript('ru', [missing]),
      'terms-en.txt': transcript('en', [kg]),
      'terms-ky.txt': transcript('ky', [kg, deprecated]),
    },
    memory: tmx([TITLE, kg, deprecated]),
  });
  // A second build whose memory gives the Russian original's en translation without the term.
  const withMissing = await buildProject({
    transcripts: { 'terms-ru.txt': transcript('ru', [missing]) },
    memory: tmx([TITLE, { ru: missing.ru, en: missing.en }]),
    locales: ['en', 'ru'],
  });
  const ruToEn = localeReport(withMissing, 'terms-ru', 'en');
  assert.deepEqual(
    ruToEn.termViolations?.map((violation) => violation.rule),
    ['term:missing'],
    'the Russian “Кыргызстана” names the concept; the en text lacks “Kyrgyzstan”',
  );
  assert.ok(ruToEn.termsFound >= 1, 'the inflected Russian term is found in the source');
  // en → ky and en → ru, the terms inflected (Кыргызстандын, Кыргызстана): no violation.
  for (const target of ['ky', 'ru']) assert.deepEqual(localeReport(result, 'terms-en', target).termViolations, [], `en → ${target}`);
  // ky → ru and ky → en, the source term inflected in Kyrgyz: found, and satisfied in the targets.
  for (const target of ['ru', 'en']) {
    const report = localeReport(result, 'terms-ky', target);
    assert.ok(report.termsFound >= 2, `ky source terms found: ${report.termsFound}`);
    assert.deepEqual(report.termViolations, [], `ky → ${target}`);
  }
  // The deprecated ru name in the memory is replaced when translating the Kyrgyz original.
  const ru = page(result, 'terms-ky', 'ru');
  assert.match(ru, /Кыргызстан и Россия подписали соглашение\./);
  assert.doesNotMatch(ru, /Киргизия/);
  assert.equal(messagesOf(result, 'term:replaced', 'terms-ky.txt', 'ru').length, 1);
});

// --- XLIFF and the cache key --------------------------------------------------------------------------------

test('an XLIFF export of a Russian original says source-language="ru"; an import checks the direction', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-directions-'));
  try {
    mkdirSync(path.join(folder, 'transcripts'));
    writeFileSync(path.join(folder, 'transcripts', 'talks-ru.txt'), transcript('ru'));
    writeFileSync(path.join(folder, 'memory.tmx'), tmx([TITLE]));
    const config = await normalizeConfig(
      {
        inputs: ['transcripts'],
        locales: ['en', 'ru', 'ky'],
        memories: ['memory.tmx'],
        glossaries: [],
        catalogs: path.join(repo, 'locales'),
        onMissing: 'keep-source',
      },
      folder,
    );
    const resources = await loadResources(config, new Reporter('pressroom.config.json'));
    try {
      const docs = await collectSegments(config, resources);
      assert.deepEqual(
        docs.map((doc) => [doc.locale, doc.sourceLang]),
        [
          ['en', 'ru'],
          ['ky', 'ru'],
        ],
        'the ru locale is the source: nothing to export',
      );
      const en = exportDocument(docs[0]!, { sourceLang: config.sourceLocale, glossary: resources.glossary });
      assert.ok(en);
      assert.equal(en.sourceLang, 'ru');
      const xml = writeXliff(en);
      assert.match(xml, /<file original="[^"]*talks-ru\.txt" source-language="ru" target-language="en"/);
      assert.ok(xml.includes(`<source xml:lang="ru">${SENTENCES[0]!.ru}</source>`));
      // A file that says it translates from en is refused for this document; one from ru passes.
      const returned = { version: '1.2', sourceLang: 'en', targetLang: 'en', units: [], line: 1 } as never;
      assert.match(languageProblem(returned, { sourceLang: 'ru', targetLang: 'en', why: 'the file says so' }) ?? '', /written in ru/);
      assert.equal(
        languageProblem({ ...(returned as object), sourceLang: 'ru' } as never, { sourceLang: 'ru', targetLang: 'en', why: '' }),
        undefined,
      );
    } finally {
      await resources.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('xliff export --locale en of a Russian original, filled and imported, goes into the memory as ru → en and publishes', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-directions-'));
  const run = (...args: string[]) => cli(args, { cwd: folder });
  try {
    mkdirSync(path.join(folder, 'transcripts'));
    writeFileSync(path.join(folder, 'transcripts', 'talks-ru.txt'), transcript('ru'));
    for (const lang of ['en', 'ru', 'ky']) {
      mkdirSync(path.join(folder, 'locales', lang), { recursive: true });
      copyFileSync(path.join(repo, 'locales', lang, 'ui.json'), path.join(folder, 'locales', lang, 'ui.json'));
    }
    // The memory holds every line but the last, as en/ru/ky units under an en header.
    const memoryFile = path.join(folder, 'locales', 'ru', 'memory.tmx');
    writeFileSync(memoryFile, tmx([TITLE, ...SENTENCES.slice(0, -1)]));
    // The en memory an import writes into, empty, its header saying en.
    writeFileSync(path.join(folder, 'locales', 'en', 'memory.tmx'), tmx([]));
    writeFileSync(
      path.join(folder, 'pressroom.config.json'),
      JSON.stringify({
        inputs: ['transcripts'],
        locales: ['en', 'ru'],
        formats: ['html'],
        memories: ['locales/ru/memory.tmx', 'locales/en/memory.tmx'],
        glossaries: [],
        onMissing: 'keep-source',
      }),
    );
    const exported = await run('xliff', 'export', '--locale', 'en');
    assert.equal(exported.status, 0, exported.stderr);
    const xlf = path.join(folder, 'xliff', 'talks-ru.en.xlf');
    const xml = readFileSync(xlf, 'utf8');
    assert.match(xml, /source-language="ru" target-language="en"/);
    const last = SENTENCES.at(-1)!;
    const filled = xml.replace(
      /(<trans-unit id="[^"]+" xml:space="preserve">\s*<source xml:lang="ru">)([\s\S]*?)(<\/source>)/g,
      (_, open: string, source: string, close: string) =>
        `${open}${source}${close}\n        <target xml:lang="en" state="translated">${source === esc(last.ru) ? esc(last.en) : 'x'}</target>`,
    );
    assert.ok(filled.includes(`>${esc(last.en)}</target>`), 'the last sentence is the work');
    // Returned as if it came from an English original: refused, nothing written.
    writeFileSync(path.join(folder, 'wrong.xlf'), filled.replace('source-language="ru"', 'source-language="en"'));
    const before = readFileSync(memoryFile, 'utf8');
    const wrong = await run('xliff', 'import', 'wrong.xlf');
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /source-language="en" but its document is written in ru/);
    assert.equal(readFileSync(memoryFile, 'utf8'), before);
    writeFileSync(xlf, filled);
    const imported = await run('xliff', 'import', xlf);
    assert.equal(imported.status, 0, imported.stderr);
    // A unit of its own for the ru → en direction, the memory's header being en; its ru source's hash recorded.
    const memory = readFileSync(path.join(folder, 'locales', 'en', 'memory.tmx'), 'utf8');
    const unit = /<tu [^>]*srclang="ru"[^>]*>[\s\S]*?<\/tu>/.exec(memory)?.[0] ?? '';
    assert.ok(unit.includes(`<tuv xml:lang="ru"><seg>${esc(last.ru)}</seg></tuv>`), memory);
    assert.ok(unit.includes(`<tuv xml:lang="en"><seg>${esc(last.en)}</seg></tuv>`), memory);
    assert.ok(unit.includes(`<prop type="x-pressroom-source-hash">${sourceHash(last.ru)}</prop>`), unit);
    // The rebuild publishes it, as a context match (the import recorded the Russian neighbours).
    const config = await normalizeConfig(JSON.parse(readFileSync(path.join(folder, 'pressroom.config.json'), 'utf8')), folder);
    const rebuilt = await build(config, { write: false, cache: false, concurrency: 1 });
    const en = localeReport(rebuilt, 'talks-ru', 'en');
    assert.deepEqual([en.counts?.context, en.counts?.new], [1, 0], JSON.stringify(en.counts));
    assert.ok(page(rebuilt, 'talks-ru', 'en').includes(esc(last.en)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the cache key of every locale changes with the document’s language', async () => {
  const memory = new TranslationMemory();
  memory.add(parseTmx(tmx([TITLE, ...SENTENCES]), 'memory.tmx'), 'en');
  const concepts: Concept[] = [];
  const resources = { memory, glossary: new Glossary(concepts) } as unknown as Resources;
  const config = await normalizeConfig({ locales: ['en', 'ru', 'ky'], onMissing: 'keep-source' }, repo);
  const facts = { sources: SENTENCES.map((line) => line.ru), labels: [TITLE.ru] };
  const key = (sourceLang: string | undefined, locale: string) =>
    artifactKey(sourceLang ? { ...facts, sourceLang } : facts, 'transcript', locale, 'base', config, resources, 'doc').key;
  for (const locale of ['en', 'ru', 'ky']) {
    assert.notEqual(key('ru', locale), key('ky', locale), locale);
    assert.notEqual(key('ru', locale), key('en', locale), locale);
  }
  // Without a language the config's sourceLocale (en) is the document's: the same key as saying en.
  assert.equal(key(undefined, 'ru'), key('en', 'ru'));
});
