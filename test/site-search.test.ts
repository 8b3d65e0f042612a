// Site search in real Chromium: two documents built in en, ru and ky (translated through a memory, so each
// language's pages hold their own words), served over HTTP as Pagefind needs, searched on each locale's
// search page. A word of one document's body finds that document in that language only; chrome finds nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { build } from '../pipeline/build.ts';
import { normalizeConfig } from '../pipeline/config/load.ts';
import type { PipelineConfig } from '../pipeline/config/defaults.ts';
import { ArtifactCache } from '../pipeline/engine/cache.ts';
import { MemorySink } from '../pipeline/engine/sink.ts';
import { findBrowser } from '../pipeline/render/pdf/browser.ts';
import { outputPages, searchFiles, writeSearch } from '../pipeline/site/search.ts';
import { cli, repo } from './helpers/cli.ts';
import { JAVA_CHECKER_FLAGS } from './helpers/java.ts';
import { axe } from './helpers/axe.ts';

const VNU = path.join(repo, 'node_modules/vnu-jar/build/dist/vnu.jar');

const HOSTILE = 'Read <img src=x onerror="window.pwned=1"> the axolotl memo <script>window.pwned=2</script> today.';

/** Every sentence of both transcripts with its ru and ky translation. */
const SENTENCES: [en: string, ru: string, ky: string][] = [
  ['Talks on river transport', 'Переговоры о речном транспорте', 'Дарыя транспорту боюнча сүйлөшүүлөр'],
  ['The delegations met in the morning.', 'Делегации встретились утром.', 'Делегациялар эртең менен жолугушту.'],
  ['The quokka barge will sail next spring.', 'Баржа «Квокка» отправится следующей весной.', '«Квокка» баржасы кийинки жазда сүзүп чыгат.'],
  ['We thank our partners.', 'Мы благодарим наших партнёров.', 'Биз өнөктөштөрүбүзгө ыраазычылык билдиребиз.'],
  ['Briefing on northern fisheries', 'Брифинг о северном рыболовстве', 'Түндүк балык чарбасы боюнча брифинг'],
  ['The minister answered questions from the press.', 'Министр ответил на вопросы прессы.', 'Министр басма сөздүн суроолоруна жооп берди.'],
  ['The narwhal survey starts in June.', 'Исследование нарвалов начнётся в июне.', 'Нарвалдарды изилдөө июнда башталат.'],
  // Markup in a transcript is text: the results list must show it as text too, never run or load it.
  [HOSTILE, HOSTILE.replace('axolotl memo', 'записку об аксолотлях'), HOSTILE.replace('axolotl memo', 'аксолотл жөнүндө кат')],
];

const TRANSCRIPTS = {
  'river-talks.txt': [
    'Talks on river transport',
    'March 4, 2026, Osh',
    'The delegations met in the morning.',
    'Minister of Transport Anna Berg: The quokka barge will sail next spring. We thank our partners.',
  ],
  'fisheries-briefing.txt': [
    'Briefing on northern fisheries',
    'April 9, 2026, Naryn',
    'The minister answered questions from the press.',
    `Minister of Fisheries Omar Tal: The narwhal survey starts in June. We thank our partners. ${HOSTILE}`,
  ],
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const tmx = (lang: 'ru' | 'ky') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/><body>
${SENTENCES.map(
  ([en, ru, ky]) =>
    `<tu><tuv xml:lang="en"><seg>${escapeXml(en)}</seg></tuv><tuv xml:lang="${lang}"><seg>${escapeXml(lang === 'ru' ? ru : ky)}</seg></tuv></tu>`,
).join('\n')}
</body></tmx>
`;

let folder: string;
let site: string;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;

/** The project's config, also written as pressroom.config.json for the commands run in its folder. */
const settings = (inputs: string[]) => ({
  inputs,
  locales: ['en', 'ru', 'ky'],
  formats: ['html' as const],
  out: 'site',
  catalogs: path.join(repo, 'locales'),
  memories: ['ru.tmx', 'ky.tmx'],
  glossaries: [],
  onMissing: 'keep-source' as const,
  attribution: { source: 'Wombatpress Agency' },
});

async function configFor(inputs: string[]): Promise<PipelineConfig> {
  return normalizeConfig(settings(inputs), folder);
}

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-search-'));
  mkdirSync(path.join(folder, 'transcripts'));
  for (const [name, blocks] of Object.entries(TRANSCRIPTS)) writeFileSync(path.join(folder, 'transcripts', name), blocks.join('\n\n'));
  writeFileSync(path.join(folder, 'ru.tmx'), tmx('ru'));
  writeFileSync(path.join(folder, 'ky.tmx'), tmx('ky'));
  writeFileSync(path.join(folder, 'pressroom.config.json'), JSON.stringify(settings(['transcripts'])));
  site = path.join(folder, 'site');
  const result = await build(await configFor(['transcripts']), { concurrency: 1 });
  // The test means nothing if a body sentence stayed English on a Russian or Kyrgyz page.
  for (const document of result.report.documents)
    for (const locale of document.locales) assert.equal(locale.marked, 0, `${document.slug}/${locale.locale} has untranslated text`);
  server = createServer((request, response) => {
    // Static files of the site only: the path is decoded, resolved and kept inside `site`.
    const url = new URL(request.url ?? '/', 'http://localhost');
    let file = path.resolve(site, '.' + decodeURIComponent(url.pathname));
    if (file !== site && !file.startsWith(site + path.sep)) return void response.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      statSync(file);
    } catch {
      return void response.writeHead(404).end();
    }
    const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }[
      path.extname(file)
    ];
    response.writeHead(200, { 'content-type': type ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(folder, { recursive: true, force: true });
});

/** Opens search.<lang>.html?q=…, waits for the status line, returns the results' addresses relative to the site. */
async function search(lang: string, query: string): Promise<{ results: string[]; status: string }> {
  await page.goto(`${base}/search.${lang}.html?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('search-status')?.textContent !== '', { timeout: 15_000 });
  const status = await page.$eval('#search-status', (element) => element.textContent ?? '');
  const links = await page.$$eval('#search-results a', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  return { results: links.map((link) => link.replace(`${base}/`, '')), status };
}

test('should find a word of one document in that document of the search page’s language only', async () => {
  assert.deepEqual((await search('en', 'quokka')).results, ['river-talks/en/index.html']);
  assert.deepEqual((await search('en', 'narwhal')).results, ['fisheries-briefing/en/index.html']);
  // The Russian and Kyrgyz pages both say «Квокка»: each search page lists its own language's page only.
  assert.deepEqual((await search('ru', 'квокка')).results, ['river-talks/ru/index.html']);
  assert.deepEqual((await search('ky', 'квокка')).results, ['river-talks/ky/index.html']);
  assert.deepEqual((await search('ru', 'quokka')).results, []);
  assert.deepEqual((await search('ky', 'narwhal')).results, []);
  assert.deepEqual((await search('en', 'квокка')).results, []);
  // A word in both documents finds both, in the page's language.
  assert.deepEqual((await search('ru', 'партнёров')).results.sort(), ['fisheries-briefing/ru/index.html', 'river-talks/ru/index.html']);
});

test('should find nothing for words of the site chrome: kind, credits, language switcher, headings', async () => {
  const ru = JSON.parse(readFileSync(path.join(repo, 'locales/ru/ui.json'), 'utf8')) as { document: { kind: string } };
  for (const [lang, word] of [
    ['en', 'Transcript'],
    ['en', 'Wombatpress'],
    ['en', 'Кыргызча'],
    ['ru', ru.document.kind],
    ['ru', 'Wombatpress'],
    ['ky', 'Русский'],
  ] as const) {
    const found = await search(lang, word);
    assert.deepEqual(found.results, [], `${lang}: “${word}” matched chrome`);
    assert.ok(found.status.length > 0);
  }
});

test('should show the result in the page’s language with a link that opens the document', async () => {
  const found = await search('ru', 'квокка');
  const ui = JSON.parse(readFileSync(path.join(repo, 'locales/ru/ui.json'), 'utf8')) as { search: { found: string } };
  assert.equal(found.status, ui.search.found.replace('{{number}}', '1'));
  assert.equal(await page.$eval('#search-results a', (anchor) => anchor.textContent), 'Переговоры о речном транспорте');
  assert.match(await page.$eval('#search-results mark', (mark) => mark.textContent ?? ''), /Квокка/i);
  assert.equal(await page.$eval('#q', (input) => (input as HTMLInputElement).value), 'квокка');
  await Promise.all([page.waitForNavigation(), page.click('#search-results a')]);
  assert.equal(await page.$eval('html', (html) => html.lang), 'ru');
  assert.equal(await page.$eval('h1', (heading) => heading.textContent), 'Переговоры о речном транспорте');
});

test('should show markup from a transcript in a result as text, never as elements', async () => {
  const found = await search('en', 'axolotl');
  assert.deepEqual(found.results, ['fisheries-briefing/en/index.html']);
  assert.equal(await page.$$eval('#search-results img, #search-results script', (nodes) => nodes.length), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  const excerpt = await page.$eval('#search-results p', (paragraph) => paragraph.textContent ?? '');
  // Typography normalised the quotes; the tags are there as the transcript's text.
  for (const text of ['<img src=x onerror=', '> the axolotl memo <script>window.pwned=2</script>'])
    assert.ok(excerpt.includes(text), `${text} not shown in: ${excerpt}`);
});

test('should take a reader from the search box of each locale’s index to the results in that language', async () => {
  for (const [lang, word, expected] of [
    ['en', 'narwhal', 'fisheries-briefing/en/index.html'],
    ['ru', 'квокка', 'river-talks/ru/index.html'],
    ['ky', 'нарвалдарды', 'fisheries-briefing/ky/index.html'],
  ] as const) {
    await page.goto(`${base}/index.${lang}.html`, { waitUntil: 'load' });
    const field = await page.$('form[role="search"] input[name="q"]');
    assert.ok(field, `index.${lang}.html has no search box`);
    await field.type(word);
    await Promise.all([page.waitForNavigation(), field.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, `/search.${lang}.html`);
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent !== '', { timeout: 15_000 });
    const links = await page.$$eval('#search-results a', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    assert.deepEqual(links, [`${base}/${expected}`]);
  }
});

test('should pass axe with results shown and the Nu HTML checker on every search page, before and after the results', async () => {
  const snapshots = mkdtempSync(path.join(os.tmpdir(), 'pressroom-search-vnu-'));
  try {
    const files: string[] = [];
    for (const lang of ['en', 'ru', 'ky']) {
      await search(lang, lang === 'en' ? 'partners' : lang === 'ru' ? 'партнёров' : 'квокка');
      assert.ok((await page.$$('#search-results li')).length > 0, `${lang}: no results to check`);
      const results = await axe(page);
      assert.deepEqual(
        results.violations.map(
          (violation) => `${lang} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
        [],
      );
      const shown = path.join(snapshots, `search.${lang}.with-results.html`);
      writeFileSync(shown, `<!DOCTYPE html>\n${await page.$eval('html', (html) => html.outerHTML)}`);
      files.push(shown, path.join(site, `search.${lang}.html`));
    }
    const result = spawnSync('java', [...JAVA_CHECKER_FLAGS, '-jar', VNU, '--format', 'json', ...files], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    const report = JSON.parse(result.stderr) as { messages: { type: string; url: string; message: string; lastLine?: number }[] };
    assert.deepEqual(
      report.messages
        .filter((message) => message.type === 'error')
        .map((message) => `${path.basename(message.url)}:${message.lastLine}: ${message.message}`),
      [],
    );
  } finally {
    rmSync(snapshots, { recursive: true, force: true });
  }
});

test('should keep the documents of earlier builds searchable when a build adds or rebuilds one', async () => {
  // Only the second transcript this time: the first stays in the archive and in the index.
  await build(await configFor(['transcripts/fisheries-briefing.txt']), { concurrency: 1 });
  assert.deepEqual((await search('en', 'quokka')).results, ['river-talks/en/index.html']);
  assert.deepEqual((await search('ky', 'нарвалдарды')).results, ['fisheries-briefing/ky/index.html']);
});

test('should read only document pages named as the layout names them, never a path out of the output folder', async () => {
  const asked: string[] = [];
  const entry = (href: string) => ({
    title: 'T',
    lang: 'en',
    dateline: '',
    languageName: 'English',
    page: { href, label: 'Web page' },
    files: [],
  });
  const files = await searchFiles({
    config: await configFor(['transcripts']),
    documents: [
      {
        slug: 'river-talks',
        entries: [entry('../en/index.html'), entry('..%2Fen/x/index.html'), entry('/etc/en/index.html'), entry('other-doc/en/index.html')],
      },
      {
        slug: 'fisheries-briefing',
        entries: [entry('fisheries-briefing/en/index.html'), entry('fisheries-briefing/en/river-talks.en.pdf')],
      },
    ],
    read: async (name) => {
      asked.push(name);
      return outputPages(site)(name);
    },
    translators: () => undefined,
  });
  assert.deepEqual(asked, ['fisheries-briefing/en/index.html']);
  const entryJson = files.find((file) => file.path === 'pagefind/pagefind-entry.json');
  assert.ok(entryJson, 'no Pagefind entry file');
  const languages = (JSON.parse(Buffer.from(entryJson.contents).toString('utf8')) as { languages: Record<string, { page_count: number }> })
    .languages;
  assert.deepEqual(Object.fromEntries(Object.entries(languages).map(([lang, { page_count }]) => [lang, page_count])), { en: 1 });
});

test('should make the same index for the same pages whatever their order, and take it from the cache when no page changed', async () => {
  const documents = ['river-talks', 'fisheries-briefing'].map((slug) => ({
    slug,
    entries: ['en', 'ru', 'ky'].map((lang) => ({
      title: slug,
      lang,
      dateline: '',
      languageName: lang,
      page: { href: `${slug}/${lang}/index.html`, label: 'Web page' },
      files: [],
    })),
  }));
  const config = await configFor(['transcripts']);
  const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-search-cache-'));
  try {
    const cache = new ArtifactCache(cacheFolder);
    const options = (order: typeof documents) => ({ config, documents: order, read: outputPages(site), translators: () => undefined });
    /** The files by name, as writeSearch leaves them in a sink, and whether they came from the cache. */
    const cached = async (order: typeof documents) => {
      const sink = new MemorySink();
      const reused = await writeSearch({ ...options(order), cache, sink });
      return { reused, files: sink.files };
    };
    const byName = (files: { path: string; contents: Uint8Array }[]) =>
      new Map(files.map((file) => [file.path, Buffer.from(file.contents).toString('base64')]));
    const fresh = await searchFiles(options(documents));
    assert.ok(fresh.some((file) => file.path.startsWith('pagefind/index/ru_')));
    assert.deepEqual(byName(await searchFiles(options([...documents].reverse()))), byName(fresh));
    const first = await cached(documents);
    assert.equal(first.reused, false);
    assert.deepEqual(byName(first.files), byName(fresh));
    const second = await cached([...documents].reverse());
    assert.equal(second.reused, true, 'the same pages in another order missed the cache');
    assert.deepEqual(byName(second.files), byName(fresh));
  } finally {
    rmSync(cacheFolder, { recursive: true, force: true });
  }
});

test('should stop finding a document once `pressroom remove` takes it out, and find the others still', async () => {
  const removed = await cli(['remove', 'river-talks'], { cwd: folder });
  assert.equal(removed.status, 0, removed.stderr);
  assert.deepEqual((await search('en', 'quokka')).results, []);
  assert.deepEqual((await search('ky', 'квокка')).results, []);
  assert.deepEqual((await search('ru', 'партнёров')).results, ['fisheries-briefing/ru/index.html']);
});

test('should index every shard’s pages when `pressroom index` merges a sharded build', async () => {
  for (const shard of ['1/2', '2/2']) {
    const built = await cli(['build', '--shard', shard, '--out', 'sharded', '--quiet'], { cwd: folder });
    assert.equal(built.status, 0, built.stderr);
  }
  assert.equal(existsSync(path.join(folder, 'sharded', 'pagefind')), false, 'a shard made a search index of its own');
  const merged = await cli(['index', 'sharded'], { cwd: folder });
  assert.equal(merged.status, 0, merged.stderr);
  const entry = JSON.parse(readFileSync(path.join(folder, 'sharded', 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  assert.deepEqual(Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count])), {
    en: 2,
    ru: 2,
    ky: 2,
  });
  for (const lang of ['en', 'ru', 'ky']) assert.ok(existsSync(path.join(folder, 'sharded', `search.${lang}.html`)));
});
