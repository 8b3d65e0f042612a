import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DOMParser } from 'linkedom';
import { defaults, type PipelineConfig } from '../pipeline/config/defaults.ts';
import { validateConfig } from '../pipeline/config/load.ts';
import { createTranslator, loadCatalogs, type MissingKey, type Translate } from '../pipeline/i18n/ui.ts';
import type { OutputFile } from '../pipeline/render/outputs.ts';
import { Reporter } from '../pipeline/report/messages.ts';
import { FEED_LIMIT, feedEntries } from '../pipeline/site/feed.ts';
import { siteFiles } from '../pipeline/site/site-files.ts';
import type { IndexDocument, IndexEntry } from '../pipeline/report/index-model.ts';
import { repo } from './helpers/cli.ts';

const schemas = path.join(repo, 'test', 'fixtures', 'schemas');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-feeds-'));
const HOSTILE = '<script>alert("x")</script> & Co ]]> “quoted”';
const SITE = 'https://press.example.org/archive';

const entry = (slug: string, lang: string, fields: Partial<IndexEntry>): IndexEntry => ({
  title: `${slug} (${lang})`,
  lang,
  dateline: '',
  languageName: lang,
  page: { href: `${slug}/${lang}/index.html`, label: 'Web page' },
  files: [
    { href: `${slug}/${lang}/${slug}.${lang}.pdf`, label: 'PDF', type: 'application/pdf', size: 1000 + slug.length },
    { href: `${slug}/${lang}/${slug}.${lang}.epub`, label: 'EPUB', type: 'application/epub+zip', size: 2000 + slug.length },
    { href: `${slug}/${lang}/${slug}.${lang}.zip`, label: 'ZIP', type: 'application/zip', size: 3000 },
  ],
  ...fields,
});

/** Three documents: an ordinary one in three locales, a newer one with a hostile title and lead, one without date or lead in English only. */
const documents: IndexDocument[] = [
  {
    slug: '2025-11-26-bishkek',
    entries: ['en', 'ru', 'ky'].map((lang) =>
      entry('2025-11-26-bishkek', lang, { date: '2025-11-26', place: 'Bishkek', lead: `The lead in ${lang}.` }),
    ),
  },
  {
    slug: '2026-01-05-hostile',
    entries: ['en', 'ru'].map((lang) =>
      entry('2026-01-05-hostile', lang, { title: HOSTILE, date: '2026-01-05', lead: `Lead & <b>${lang}</b>` }),
    ),
  },
  { slug: 'undated', entries: [entry('undated', 'en', {})] },
];

async function translators(locales: string[]): Promise<{ t: (lang: string) => Translate; missing: MissingKey[] }> {
  const catalogs = await loadCatalogs(path.join(repo, 'locales'));
  const missing: MissingKey[] = [];
  const map = new Map<string, Translate>();
  for (const lang of locales) map.set(lang, await createTranslator(lang, catalogs, 'en', missing));
  return { t: (lang) => map.get(lang)!, missing };
}

async function site(url: string | undefined) {
  const config: PipelineConfig = { ...defaults, locales: ['en', 'ru', 'ky'], site: url ? { url } : {} };
  const { t, missing } = await translators(config.locales);
  // As the archive collects them: against its manifest; the warning still names the config.
  const report = new Reporter('output/site.json');
  const files = siteFiles(config, documents, t, report);
  const text = (name: string) => {
    const file = files.find((each) => each.path === name);
    assert.ok(file, `${name} not made; made: ${files.map((each) => each.path).join(', ')}`);
    return new TextDecoder().decode(file.contents);
  };
  return { files, text, report, missing };
}

/** xmllint's verdict on `xml` against a schema: status 0 and "validates", or the errors. */
function xmllint(kind: '--relaxng' | '--schema', schema: string, xml: string, name: string): { ok: boolean; output: string } {
  const file = path.join(scratch, name);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', kind, path.join(schemas, schema), file], { encoding: 'utf8' });
  assert.notEqual(result.error?.message ?? '', 'spawnSync xmllint ENOENT', 'xmllint is missing: run scripts/install-test-tools.sh');
  return { ok: result.status === 0 && /validates/.test(result.stderr), output: result.stderr };
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const children = (node: Element, name: string) => [...node.children].filter((child) => child.tagName === name);
const textOf = (node: Element, name: string) => children(node, name)[0]?.textContent ?? undefined;

test('the Atom feed of every locale validates against RFC 4287’s RELAX NG grammar, with and without site.url', async () => {
  for (const url of [SITE, undefined]) {
    const { text } = await site(url);
    for (const lang of ['en', 'ru', 'ky']) {
      const verdict = xmllint('--relaxng', 'atom.rng', text(`feed.${lang}.xml`), `feed.${lang}.${url ? 'absolute' : 'relative'}.xml`);
      assert.ok(verdict.ok, verdict.output);
    }
  }
});

test('the grammar is no rubber stamp: a feed without its id, or with an entry dated in words, is refused', async () => {
  const { text } = await site(SITE);
  const feed = text('feed.en.xml');
  const noId = feed.replace(/\n {2}<id>[^<]*<\/id>/, '');
  assert.notEqual(noId, feed);
  assert.ok(!xmllint('--relaxng', 'atom.rng', noId, 'no-id.xml').ok);
  const badDate = feed.replace('<updated>2025-11-26T00:00:00Z</updated>', '<updated>26 November 2025</updated>');
  assert.notEqual(badDate, feed);
  assert.ok(!xmllint('--relaxng', 'atom.rng', badDate, 'bad-date.xml').ok);
});

test('a feed reader gets the newest first, titles and leads escaped, the event date, the page and the PDF and EPUB as enclosures', async () => {
  const { text } = await site(SITE);
  const xml = text('feed.en.xml');
  // Escaped, never raw markup: the hostile title cannot open an element or end a CDATA section.
  assert.ok(!xml.includes('<script>') && !xml.includes('<b>'), 'raw markup in the feed');
  const feed = parse(xml).documentElement as unknown as Element;
  assert.equal(feed.tagName, 'feed');
  assert.equal(feed.getAttribute('xmlns'), 'http://www.w3.org/2005/Atom');
  assert.equal(feed.getAttribute('xml:lang'), 'en');
  assert.equal(textOf(feed, 'title'), 'Published transcripts — English');
  assert.equal(textOf(feed, 'updated'), '2026-01-05T00:00:00Z');
  // RFC 4287's Schematron rule, which xmllint does not run: the feed names an author for entries that name none.
  assert.ok(children(feed, 'author').length === 1 && textOf(children(feed, 'author')[0]!, 'name'));
  const self = children(feed, 'link').find((link) => link.getAttribute('rel') === 'self')!;
  assert.equal(self.getAttribute('href'), `${SITE}/feed.en.xml`);
  assert.equal(textOf(feed, 'id'), `${SITE}/feed.en.xml`);

  const entries = children(feed, 'entry');
  assert.deepEqual(
    entries.map((each) => textOf(each, 'title')),
    [HOSTILE, '2025-11-26-bishkek (en)', 'undated (en)'],
  );
  const [hostile, bishkek, undated] = entries as [Element, Element, Element];
  assert.equal(textOf(hostile, 'summary'), 'Lead & <b>en</b>');
  assert.equal(textOf(bishkek, 'published'), '2025-11-26T00:00:00Z');
  assert.equal(textOf(bishkek, 'updated'), '2025-11-26T00:00:00Z');
  assert.equal(textOf(bishkek, 'summary'), 'The lead in en.');
  assert.equal(textOf(bishkek, 'id'), `${SITE}/2025-11-26-bishkek/en/index.html`);
  const links = children(bishkek, 'link');
  const alternates = links.filter((link) => link.getAttribute('rel') === 'alternate');
  assert.deepEqual(
    alternates.map((link) => [link.getAttribute('hreflang'), link.getAttribute('type'), link.getAttribute('href')]),
    ['en', 'ru', 'ky'].map((lang) => [lang, 'text/html', `${SITE}/2025-11-26-bishkek/${lang}/index.html`]),
  );
  const enclosures = links.filter((link) => link.getAttribute('rel') === 'enclosure');
  assert.deepEqual(
    enclosures.map((link) => [link.getAttribute('type'), link.getAttribute('length'), link.getAttribute('href')]),
    [
      ['application/pdf', String(1000 + 18), `${SITE}/2025-11-26-bishkek/en/2025-11-26-bishkek.en.pdf`],
      ['application/epub+zip', String(2000 + 18), `${SITE}/2025-11-26-bishkek/en/2025-11-26-bishkek.en.epub`],
    ],
  );
  // Without a date: no `published`, dated the epoch so that it sorts last; without a lead: no summary.
  assert.equal(textOf(undated, 'published'), undefined);
  assert.equal(textOf(undated, 'updated'), '1970-01-01T00:00:00Z');
  assert.equal(children(undated, 'summary').length, 0);
  // RFC 4287 §4.1.1: every entry has a link rel="alternate" (it has no content); ids are unique.
  for (const each of entries) assert.ok(children(each, 'link').some((link) => link.getAttribute('rel') === 'alternate'));
  assert.equal(new Set(entries.map((each) => textOf(each, 'id'))).size, entries.length);
});

test('each locale’s feed is in its language; a document missing that language appears in its own, marked with xml:lang', async () => {
  const { text, missing } = await site(SITE);
  assert.deepEqual(
    missing.filter((item) => item.key.startsWith('feed.')),
    [],
  );
  const ky = parse(text('feed.ky.xml')).documentElement as unknown as Element;
  assert.equal(ky.getAttribute('xml:lang'), 'ky');
  assert.match(textOf(ky, 'title')!, /^Жарыяланган стенограммалар — /);
  const entries = children(ky, 'entry');
  assert.deepEqual(
    entries.map((each) => [textOf(each, 'title'), each.getAttribute('xml:lang')]),
    [
      [HOSTILE, 'en'],
      ['2025-11-26-bishkek (ky)', null],
      ['undated (en)', 'en'],
    ],
  );
  assert.equal(textOf(entries[1]!, 'summary'), 'The lead in ky.');
  const ru = parse(text('feed.ru.xml')).documentElement as unknown as Element;
  assert.match(textOf(ru, 'title')!, /^Опубликованные стенограммы — /);
  // The other locales' feeds, as alternates of this one.
  assert.deepEqual(
    children(ru, 'link')
      .filter((link) => link.getAttribute('type') === 'application/atom+xml' && link.getAttribute('rel') === 'alternate')
      .map((link) => link.getAttribute('href')),
    [`${SITE}/feed.en.xml`, `${SITE}/feed.ky.xml`],
  );
});

test('sitemap.xml validates against the sitemaps.org schema with xhtml:link, and lists every page with all its languages and x-default', async () => {
  const { text, files } = await site(SITE);
  const xml = text('sitemap.xml');
  const verdict = xmllint('--schema', 'sitemap-hreflang.xsd', xml, 'sitemap.xml');
  assert.ok(verdict.ok, verdict.output);
  const urls = children(parse(xml).documentElement as unknown as Element, 'url');
  const byLoc = new Map(urls.map((url) => [textOf(url, 'loc')!, url]));
  assert.equal(byLoc.size, urls.length, 'a page listed twice');
  const alternatesOf = (loc: string) =>
    Object.fromEntries(children(byLoc.get(loc)!, 'xhtml:link').map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]));
  for (const document of documents) {
    const expected = Object.fromEntries(document.entries.map((each) => [each.lang, `${SITE}/${document.slug}/${each.lang}/index.html`]));
    for (const each of document.entries)
      assert.deepEqual(alternatesOf(`${SITE}/${document.slug}/${each.lang}/index.html`), { ...expected, 'x-default': expected.en });
  }
  // The indexes: the site's address (index.html, the first locale's) and each locale's, as alternates of each other.
  const indexes = { en: `${SITE}/index.en.html`, ru: `${SITE}/index.ru.html`, ky: `${SITE}/index.ky.html`, 'x-default': `${SITE}/` };
  for (const loc of Object.values(indexes)) assert.deepEqual(alternatesOf(loc), indexes);
  // Every HTML page the site files make is listed, under its address.
  for (const file of files.filter((each) => each.path.endsWith('.html') && each.path.startsWith('index.')))
    assert.ok(byLoc.has(file.path === 'index.html' ? `${SITE}/` : `${SITE}/${file.path}`), `${file.path} not in the sitemap`);
  // No hostile byte reaches the sitemap either: only addresses.
  assert.ok(!xml.includes('<script'));
});

test('robots.txt names the sitemap by its absolute URL and keeps crawlers out of the translators’ report, under the site’s path', async () => {
  const { text } = await site(SITE);
  assert.equal(text('robots.txt'), `User-agent: *\nDisallow: /archive/report/\n\nSitemap: ${SITE}/sitemap.xml\n`);
});

test('without site.url: one site:no-url warning naming the key, feeds with relative links and permanent ids, no sitemap', async () => {
  const { files, text, report } = await site(undefined);
  assert.deepEqual(
    report.messages.map((message) => [message.severity, message.ruleId]),
    [['warning', 'site:no-url']],
  );
  assert.equal(report.messages[0]!.file, 'pressroom.config.json');
  assert.match(report.messages[0]!.reason, /"site": \{"url": "https:\/\/…\/"\}.*sitemap\.xml is not written/);
  assert.equal(
    files.find((file) => file.path === 'sitemap.xml'),
    undefined,
  );
  assert.doesNotMatch(text('robots.txt'), /^Sitemap:/m);
  const xml = text('feed.en.xml');
  assert.doesNotMatch(xml, /(href|<id>)(="|)https?:/);
  const feed = parse(xml).documentElement as unknown as Element;
  const bishkek = children(feed, 'entry')[1]!;
  assert.equal(children(bishkek, 'link')[0]!.getAttribute('href'), '2025-11-26-bishkek/en/index.html');
  assert.match(textOf(bishkek, 'id')!, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // Permanent: the same document and locale gets the same id in another build.
  assert.equal(
    textOf(bishkek, 'id'),
    textOf(children(parse((await site(undefined)).text('feed.en.xml')).documentElement as unknown as Element, 'entry')[1]!, 'id'),
  );
});

test('site.url must be an absolute http(s) URL; the error names the key', () => {
  for (const url of ['ftp://press.example.org/', 'press.example.org', '/archive/', 'https://x.org/?q=1'])
    assert.throws(
      () => validateConfig({ site: { url } }, 'pressroom.config.json', JSON.stringify({ site: { url } })),
      /pressroom\.config\.json:1:\d+: Unexpected value for “site\.url”: .*expected an absolute http\(s\) URL/,
      url,
    );
  assert.throws(() => validateConfig({ site: { uri: SITE } }, 'c.json'), /Unexpected config key “site\.uri”/);
  assert.deepEqual(validateConfig({ site: { url: SITE } }, 'c.json'), { site: { url: SITE } });
});

test(`a feed holds the newest ${FEED_LIMIT} documents of a larger archive; same-day documents in slug order`, async () => {
  const many: IndexDocument[] = Array.from({ length: FEED_LIMIT + 10 }, (_, index) => {
    const day = String((index % 28) + 1).padStart(2, '0');
    const slug = `2024-03-${day}-n${String(index).padStart(3, '0')}`;
    return { slug, entries: [entry(slug, 'en', { date: `2024-03-${day}` })] };
  });
  const order = feedEntries(many, 'en').map((each) => each.slug);
  const expected = [...order].sort((a, b) => b.slice(0, 10).localeCompare(a.slice(0, 10)) || a.localeCompare(b));
  assert.deepEqual(order, expected);
  const config: PipelineConfig = { ...defaults, locales: ['en'], site: { url: SITE } };
  const { t } = await translators(['en']);
  const feed = siteFiles(config, many, t).find((file: OutputFile) => file.path === 'feed.en.xml')!;
  const xml = new TextDecoder().decode(feed.contents);
  assert.equal(xml.match(/<entry>/g)?.length, FEED_LIMIT);
  assert.ok(xml.includes(`<title>${order[0]} (en)</title>`) && !xml.includes(`<title>${order.at(-1)} (en)</title>`));
});

test('each locale’s index names its feed in the head, for feed readers and browsers', async () => {
  const { text } = await site(SITE);
  for (const [page, lang] of [
    ['index.html', 'en'],
    ['index.en.html', 'en'],
    ['index.ru.html', 'ru'],
    ['index.ky.html', 'ky'],
  ] as const) {
    const html = new DOMParser().parseFromString(text(page), 'text/html');
    const links = [...html.querySelectorAll('head link[type="application/atom+xml"]')];
    assert.deepEqual(
      links.map((link) => [link.getAttribute('rel'), link.getAttribute('hreflang'), link.getAttribute('href')]),
      [['alternate', lang, `feed.${lang}.xml`]],
      page,
    );
    assert.ok(links[0]!.getAttribute('title'), `${page}: the feed link has no title`);
  }
});

test('the sample built in memory: valid feeds and sitemap in every locale, leads whole sentences apart, the index linking its feed', async () => {
  const { build } = await import('../pipeline/build.ts');
  const { normalizeConfig, readConfigFile } = await import('../pipeline/config/load.ts');
  const fromFile = await readConfigFile(path.join(repo, 'pressroom.config.json'));
  const config = await normalizeConfig({ ...fromFile, formats: ['html'], out: scratch, site: { url: SITE } }, repo);
  const result = await build(config, { write: false, cache: false, concurrency: 1 });
  const text = (name: string) => new TextDecoder().decode(result.files.find((file) => file.path === name)!.contents);
  assert.deepEqual(
    result.messages.filter((message) => message.ruleId.startsWith('site:')),
    [],
  );
  for (const lang of config.locales) {
    const verdict = xmllint('--relaxng', 'atom.rng', text(`feed.${lang}.xml`), `sample.feed.${lang}.xml`);
    assert.ok(verdict.ok, verdict.output);
    const feed = parse(text(`feed.${lang}.xml`)).documentElement as unknown as Element;
    // One entry per original of the sample (English, Russian, Kyrgyz), each linking its page in this locale.
    const entries = children(feed, 'entry');
    assert.equal(entries.length, config.inputs.length);
    const pages = entries.map((each) =>
      children(each, 'link')
        .filter((link) => link.getAttribute('rel') === 'alternate')[0]!
        .getAttribute('href')!,
    );
    for (const input of config.inputs) assert.ok(pages.includes(`${SITE}/${path.basename(input, '.txt')}/${lang}/index.html`), input);
    // The leads' paragraphs, not run together ("talks.Earlier").
    for (const each of entries) assert.doesNotMatch(textOf(each, 'summary')!, /\p{Ll}[.!?]\p{Lu}/u);
  }
  const sample = children(parse(text('feed.en.xml')).documentElement as unknown as Element, 'entry').find((each) =>
    children(each, 'link').some((link) => link.getAttribute('href')!.includes('/2025-11-26-bishkek-press-statements/')),
  );
  assert.match(textOf(sample!, 'summary')!, /talks\. Earlier/);
  const sitemap = xmllint('--schema', 'sitemap-hreflang.xsd', text('sitemap.xml'), 'sample.sitemap.xml');
  assert.ok(sitemap.ok, sitemap.output);
  assert.match(text('index.ru.html'), /<link rel="alternate" type="application\/atom\+xml" hreflang="ru" href="feed\.ru\.xml"/);
});

test('a build without web pages: the feed links the PDF as the page, with its media type', async () => {
  const pdfOnly: IndexDocument[] = [
    {
      slug: 'print-only',
      entries: ['en'].map((lang) => {
        const base = entry('print-only', lang, { date: '2025-01-02' });
        return { ...base, page: { href: base.files[0]!.href, label: 'PDF' }, files: [base.files[0]!] };
      }),
    },
  ];
  const config: PipelineConfig = { ...defaults, locales: ['en'], formats: ['pdf'], site: { url: SITE } };
  const { t } = await translators(['en']);
  const xml = new TextDecoder().decode(siteFiles(config, pdfOnly, t).find((file) => file.path === 'feed.en.xml')!.contents);
  assert.ok(xmllint('--relaxng', 'atom.rng', xml, 'pdf-only.xml').ok);
  const [only] = children(parse(xml).documentElement as unknown as Element, 'entry') as [Element];
  const alternate = children(only, 'link').find((link) => link.getAttribute('rel') === 'alternate')!;
  assert.equal(alternate.getAttribute('type'), 'application/pdf');
  assert.equal(alternate.getAttribute('href'), `${SITE}/print-only/en/print-only.en.pdf`);
});
