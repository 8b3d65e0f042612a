// The archive index from index entries alone (no build): newest first, grouped by year and month in the
// index's language, a page per year above 100 documents, a page per speaker and per place, a search form;
// every page under 300 kB with 1,000 documents; valid HTML (Nu checker) and no axe violations.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { defaults, type PipelineConfig } from '../pipeline/config/defaults.ts';
import { filterPageName, indexFiles, indexName, LATEST, YEAR_PAGE_SIZE, yearPageName } from '../pipeline/engine/site-index.ts';
import { createTranslator, loadCatalogs, type Translate } from '../pipeline/i18n/ui.ts';
import { findBrowser } from '../pipeline/render/pdf/browser.ts';
import type { OutputFile } from '../pipeline/render/outputs.ts';
import type { IndexDocument, IndexEntry } from '../pipeline/report/index-model.ts';
import { repo } from './helpers/cli.ts';
import { JAVA_CHECKER_FLAGS } from './helpers/java.ts';
import { axe } from './helpers/axe.ts';

const LOCALES = ['en', 'ru', 'ky'];
const config: PipelineConfig = { ...defaults, locales: LOCALES, sourceLocale: 'en' };
const translators = new Map<string, Translate>();

before(async () => {
  const catalogs = await loadCatalogs(path.join(repo, 'locales'));
  for (const lang of LOCALES) translators.set(lang, await createTranslator(lang, catalogs, 'en', []));
});

const PLACES: Record<string, string[]> = {
  en: ['Bishkek', 'Osh', 'Naryn', 'Karakol', 'Talas', 'Batken', 'Jalal-Abad', 'Cholpon-Ata'],
  ru: ['Бишкек', 'Ош', 'Нарын', 'Каракол', 'Талас', 'Баткен', 'Джалал-Абад', 'Чолпон-Ата'],
  ky: ['Бишкек', 'Ош', 'Нарын', 'Каракол', 'Талас', 'Баткен', 'Жалал-Абад', 'Чолпон-Ата'],
};
const TITLES: Record<string, string> = {
  en: 'Press statements following Russian-Kyrgyz talks on water, energy and the air base',
  ru: 'Заявления для прессы по итогам российско-киргизских переговоров о воде, энергетике и авиабазе',
  ky: 'Кыргыз-орус сүйлөшүүлөрүнүн жыйынтыгы боюнча басма сөз үчүн билдирүүлөр: суу, энергетика, авиабаза',
};
const speakerName = (index: number, lang: string) =>
  lang === 'en' ? `Speaker Number${index} Lastname` : `Выступающий Номер${index} Фамилия`;

/**
 * `count` documents in three locales, one a day going back from 26 November 2025 (a press office that
 * publishes daily: about 365 a year); one speaker is in every document (the worst case for a speaker's
 * page), one or two others from a pool of 40; every document has PDF, EPUB and bundle.
 */
function syntheticArchive(count: number): IndexDocument[] {
  return Array.from({ length: count }, (_, at) => {
    const date = new Date(Date.UTC(2025, 10, 26) - at * 86_400_000).toISOString().slice(0, 10);
    // As long as a dated title makes them: the slug is in every link, twice in a download's.
    const slug = `${date}-bishkek-press-statements-following-talks-${at}`;
    const speakers = [0, 1 + (at % 40), ...(at % 3 === 0 ? [1 + ((at * 7) % 40)] : [])];
    return {
      slug,
      entries: LOCALES.map((lang): IndexEntry => ({
        title: `${TITLES[lang]} ${at}`,
        lang,
        dateline: `${date}, ${PLACES[lang]![at % 8]}`,
        date,
        place: PLACES[lang]![at % 8],
        placeLang: lang,
        languageName: lang,
        page: { href: `${slug}/${lang}/index.html`, label: 'page' },
        files: [
          { href: `${slug}/${lang}/${slug}.${lang}.pdf`, label: 'PDF', type: 'application/pdf', size: 152_000 + at },
          { href: `${slug}/${lang}/${slug}.${lang}.epub`, label: 'EPUB', type: 'application/epub+zip', size: 40_000 + at },
          { href: `${slug}/${lang}/${slug}.${lang}.zip`, label: 'ZIP', type: 'application/zip', size: 1_300_000 + at },
        ],
        lead: 'The presidents met in Bishkek.',
        speakers: [...new Set(speakers)].map((index) => speakerName(index, lang)),
      })),
    };
  });
}

const pages = (documents: IndexDocument[]) => {
  const files = indexFiles(config, documents, (lang) => translators.get(lang));
  return new Map(files.map((file: OutputFile) => [file.path, new TextDecoder().decode(file.contents)]));
};
/** The documents a page shows in full, in order. */
const articles = (html: string) => [...html.matchAll(/<article class="document" id="([^"]+)"/g)].map((match) => match[1]!);
/** The documents a speaker's or place's page lists, in order. */
const lines = (html: string) => [...html.matchAll(/<li id="([^"]+)"/g)].map((match) => match[1]!);
const headings = (html: string, level: number) =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>([^<]*)</h${level}>`, 'g'))].map((match) => match[1]!);

test('up to 100 documents: one page per locale, newest first, grouped by year and month in its language', () => {
  const documents = syntheticArchive(100).reverse();
  const site = pages(documents);
  assert.equal([...site.keys()].filter((name) => /^index\.[a-z]+\.\d{4}\.html$/.test(name)).length, 0, 'no year pages');
  const newest = syntheticArchive(100).map((document) => document.slug);
  for (const lang of LOCALES) assert.deepEqual(articles(site.get(indexName(lang))!), newest, lang);
  assert.equal(site.get('index.html'), site.get('index.en.html'));
  // 100 days back from 26 November 2025: August to November, and years as the level above.
  assert.deepEqual(headings(site.get('index.en.html')!, 2).slice(1), ['2025']);
  assert.deepEqual(headings(site.get('index.en.html')!, 3), ['November 2025', 'October 2025', 'September 2025', 'August 2025']);
  const month = (lang: string) =>
    new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2025, 10, 1)));
  for (const lang of ['ru', 'ky']) {
    const html = site.get(indexName(lang))!;
    assert.ok(headings(html, 3)[0]!.toLocaleLowerCase(lang) === month(lang).toLocaleLowerCase(lang), `${lang}: ${headings(html, 3)[0]}`);
    assert.match(html, new RegExp(`<h1>${translators.get(lang)!('index.title')}</h1>`));
    assert.match(html, new RegExp(`<html lang="${lang}"`));
  }
  // Each entry: date, place, speakers and formats.
  const en = site.get('index.en.html')!;
  const first = en.slice(en.indexOf(`id="${newest[0]}"`), en.indexOf('</article>', en.indexOf(`id="${newest[0]}"`)));
  assert.match(first, /<time datetime="2025-11-26">November 26, 2025<\/time>, Bishkek/);
  assert.match(first, /Speakers: <a href="index\.en\.speaker\.[a-z0-9-]+\.html">Speaker Number0 Lastname<\/a>/);
  for (const format of ['pdf', 'epub', 'zip']) assert.match(first, new RegExp(`href="${newest[0]}/en/${newest[0]}\\.en\\.${format}"`));
});

test('the search form: a labelled search field sent to the locale’s search page', () => {
  const site = pages(syntheticArchive(3));
  for (const lang of LOCALES) {
    const html = site.get(indexName(lang))!;
    const form = /<form role="search" action="search\.([a-z]+)\.html" method="get"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    assert.ok(form, lang);
    assert.equal(form[1], lang);
    const input = /<input type="search" id="([^"]+)" name="q">/.exec(form[2]!);
    assert.ok(input, lang);
    assert.match(form[2]!, new RegExp(`<label for="${input[1]}">${translators.get(lang)!('search.label')}</label>`));
  }
});

test('1,000 documents: a page per year (continued past 100), the index lists the years and the latest; no page over 300 kB', () => {
  const documents = syntheticArchive(1000);
  const site = pages(documents);
  const sizes = [...site].map(([name, html]) => [name, Buffer.byteLength(html)] as const);
  const over = sizes.filter(([, bytes]) => bytes > 300_000);
  assert.deepEqual(over, [], 'pages over 300 kB');
  const largest = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(`largest of ${sizes.length} pages: ${largest[0]} ${(largest[1] / 1000).toFixed(0)} kB`);
  // 1,000 days back from 26 November 2025 reach March 2023.
  const years = ['2025', '2024', '2023'];
  for (const lang of LOCALES) {
    const index = site.get(indexName(lang))!;
    assert.deepEqual(
      articles(index),
      documents.slice(0, LATEST).map((document) => document.slug),
    );
    const yearLinks = [...index.matchAll(/<a href="index\.[a-z]+\.(\d{4})\.html"/g)].map((match) => match[1]);
    assert.deepEqual(yearLinks, years, lang);
    // Every document on exactly one page of its year, in order; a year's pages link to each other.
    const partsOf = (year: string) => {
      const names: string[] = [];
      for (let number = 1; site.has(yearPageName(lang, year, number)); number += 1) names.push(yearPageName(lang, year, number));
      return names;
    };
    const all = years.flatMap((year) => partsOf(year).flatMap((name) => articles(site.get(name)!)));
    assert.deepEqual(
      all,
      documents.map((document) => document.slug),
    );
    const parts2024 = partsOf('2024');
    assert.equal(parts2024.length, Math.ceil(366 / YEAR_PAGE_SIZE), `${lang}: pages of 2024`);
    const year = site.get(parts2024[0]!)!;
    assert.ok(year.includes(`<h1>${translators.get(lang)!('index.yearTitle', { year: '2024' })} (`), `${lang}: year title`);
    assert.match(year, /<a href="index\.[a-z]+\.2024\.html" aria-current="page">/);
    for (const name of parts2024) assert.ok(year.includes(`href="${name}"`), `${lang}: ${name} not linked`);
    const months = new Set(
      parts2024.flatMap((name) => [...site.get(name)!.matchAll(/<h2 id="_(\d{4}-\d{2})">/g)].map((match) => match[1])),
    );
    assert.equal(months.size, 12, `${lang}: twelve months of 2024`);
    for (const other of LOCALES.filter((locale) => locale !== lang))
      assert.match(year, new RegExp(`<link rel="alternate" hreflang="${other}" href="index\\.${other}\\.2024\\.html">`));
  }
});

test('speaker and place pages list exactly their documents; every index link resolves', () => {
  const documents = syntheticArchive(150);
  const site = pages(documents);
  for (const lang of LOCALES) {
    const index = site.get(indexName(lang))!;
    const filters = [...index.matchAll(/<a href="(index\.[a-z]+\.(speaker|place)\.[a-z0-9-]+\.html)">([^<]+)<\/a> \((\d+)\)/g)];
    assert.ok(filters.length >= 40 + 8, `${lang}: ${filters.length} filters`);
    for (const [, href, kind, name, count] of filters) {
      const page = site.get(href!);
      assert.ok(page, `${lang}: ${href} missing`);
      const expected = documents
        .filter((document) => {
          const entry = document.entries.find((each) => each.lang === lang)!;
          return kind === 'speaker' ? entry.speakers!.includes(name!) : entry.place === name;
        })
        .map((document) => document.slug);
      assert.deepEqual(lines(page), expected, `${lang}: ${href}`);
      assert.equal(Number(count), expected.length);
    }
    // Documents' pages and files are the build's; the feed is siteFiles' (test/site-feeds.test.ts).
    for (const [, href] of index.matchAll(/href="([^"]+)"/g))
      assert.ok(site.has(href!) || /^[a-z0-9-]+\/[a-z]+\//.test(href!) || href === `feed.${lang}.xml`, `${lang}: unresolved ${href}`);
  }
  // The place names on the ru index are Russian, and its filter pages are in Russian.
  assert.match(site.get(filterPageName('ru', 'place', 'bishkek'))!, /<h1>Стенограммы, место: Бишкек<\/h1>/);
});

const checked = mkdtempSync(path.join(os.tmpdir(), 'pressroom-site-index-'));
after(() => rmSync(checked, { recursive: true, force: true }));

/** One page of each kind in en, ru, ky: the index, a year page, a speaker page, a place page. */
function writePages(): string[] {
  const site = pages(syntheticArchive(400));
  const names = LOCALES.flatMap((lang) => [
    indexName(lang),
    yearPageName(lang, '2025'),
    ...[...site.keys()].filter((name) => name.startsWith(`index.${lang}.speaker.`)).slice(0, 1),
    ...[...site.keys()].filter((name) => name.startsWith(`index.${lang}.place.`)).slice(0, 1),
  ]);
  for (const name of [...names, 'index.css']) writeFileSync(path.join(checked, name), site.get(name)!);
  return names.map((name) => path.join(checked, name));
}

test('the Nu HTML checker reports 0 errors on the index, year, speaker and place pages', () => {
  const files = writePages();
  const vnu = path.join(repo, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const result = spawnSync('java', [...JAVA_CHECKER_FLAGS, '-jar', vnu, '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(result.stderr) as { messages: { type: string; url: string; message: string; lastLine?: number }[] };
  assert.equal(new Set(report.messages.map((message) => message.url)).size <= files.length, true);
  assert.deepEqual(
    report.messages
      .filter((message) => message.type === 'error')
      .map((message) => `${path.basename(message.url)}:${message.lastLine}: ${message.message}`),
    [],
  );
});

test('axe-core in Chromium finds no violations on the index, year, speaker and place pages', async () => {
  const files = writePages();
  const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    for (const file of files) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // The filters are folded: opened, so that axe checks their links too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      const results = await axe(page);
      assert.ok(results.passes.length > 0, `axe ran on ${file}`);
      assert.deepEqual(
        results.violations.map(
          (violation) => `${path.basename(file)} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
        [],
      );
    }
  } finally {
    await browser.close();
  }
});
