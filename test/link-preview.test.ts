// Link previews on document pages: Open Graph tags and schema.org JSON-LD (a NewsArticle about the Event),
// read back from in-memory builds with an HTML parser and JSON.parse, never matched as text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { build } from '../pipeline/build.ts';
import { normalizeConfig } from '../pipeline/config/load.ts';
import { DESCRIPTION_MAX, linkPreview, ogLocale, scriptJson } from '../pipeline/render/link-preview.ts';
import { repo } from './helpers/cli.ts';
import { JAVA_CHECKER_FLAGS } from './helpers/java.ts';

const VNU = path.join(repo, 'node_modules/vnu-jar/build/dist/vnu.jar');
const LEAD = ['The ministers met the press after the talks on the grain corridor.', 'Earlier, they visited the port.'];

const transcript = (title: string) =>
  [
    title,
    'November 3, 2026, 14:05  Moscow',
    ...LEAD,
    'Minister of Trade Anna Berg: Good afternoon. We signed three agreements today.',
  ].join('\n\n');

/** Builds one transcript in memory for en and ru with `extra` config; returns each locale's page. */
async function pages(title: string, extra: Record<string, unknown>): Promise<Record<'en' | 'ru', string>> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-preview-'));
  try {
    mkdirSync(path.join(folder, 'transcripts'));
    writeFileSync(path.join(folder, 'transcripts', 'briefing.txt'), transcript(title));
    const config = await normalizeConfig(
      {
        inputs: ['transcripts'],
        locales: ['en', 'ru'],
        formats: ['html'],
        out: 'output',
        catalogs: path.join(repo, 'locales'),
        onMissing: 'keep-source',
        ...extra,
      },
      folder,
    );
    const result = await build(config, { write: false, concurrency: 1 });
    const page = (locale: string) => {
      const found = result.files.find((file) => file.path === `briefing/${locale}/index.html`);
      assert.ok(found, `no page for ${locale}`);
      return Buffer.from(found.contents).toString('utf8');
    };
    return { en: page('en'), ru: page('ru') };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const og = (html: string) => {
  const { document } = parseHTML(html);
  const tags = [...document.querySelectorAll('head meta[property]')].map((meta) => [
    meta.getAttribute('property')!,
    meta.getAttribute('content')!,
  ]);
  return {
    one: (property: string) => tags.filter(([name]) => name === property).map(([, content]) => content),
    document,
  };
};

/** The fields of the NewsArticle the tests read. */
interface Article {
  '@context': string;
  '@type': string;
  headline: string;
  inLanguage: string;
  datePublished?: string;
  dateCreated?: string;
  url?: string;
  about: { '@type': string; startDate: string; location: { '@type': string; name: string } };
  author?: unknown;
  publisher?: unknown;
  license?: string;
}

const jsonLd = (document: Document) => {
  const scripts = [...document.querySelectorAll('script')];
  assert.equal(scripts.length, 1, 'one script element, the JSON-LD');
  assert.equal(scripts[0]!.getAttribute('type'), 'application/ld+json');
  return JSON.parse(scripts[0]!.textContent ?? '') as Article;
};

const attribution = { source: 'Ministry of Trade press office', url: 'https://trade.example.org/', license: 'CC BY 4.0' };

test('should give each document page Open Graph tags for its language, its translations and its address', async () => {
  const built = await pages('Press conference following the talks', {
    site: { url: 'https://press.example.org/archive' },
    attribution,
    publisher: 'Example Press Office',
  });
  for (const [lang, other, locale, alternate] of [
    ['en', 'ru', 'en_US', 'ru_RU'],
    ['ru', 'en', 'ru_RU', 'en_US'],
  ] as const) {
    const { one, document } = og(built[lang]);
    assert.deepEqual(one('og:type'), ['article']);
    assert.deepEqual(one('og:title'), [document.querySelector('title')!.textContent]);
    assert.deepEqual(one('og:locale'), [locale]);
    assert.deepEqual(one('og:locale:alternate'), [alternate], `${lang}: the ${other} page is its alternate`);
    assert.deepEqual(one('og:url'), [`https://press.example.org/archive/briefing/${lang}/index.html`]);
    assert.deepEqual(one('og:site_name'), ['Example Press Office']);
    // keep-source: the lead stays English on the Russian page too; the description is the page's own lead.
    const lead = [...document.querySelectorAll('.lead p')].map((paragraph) => paragraph.textContent);
    assert.equal(lead.length, 2);
    assert.deepEqual(one('og:description'), [lead.join(' ')]);
    assert.ok(one('og:description')[0]!.includes('grain corridor. Earlier'));
  }
});

test('should describe the page as a schema.org NewsArticle about an Event with its date, time and place', async () => {
  const built = await pages('Press conference following the talks', {
    site: { url: 'https://press.example.org/' },
    attribution,
  });
  const { document } = og(built.ru);
  const data = jsonLd(document);
  assert.equal(data['@context'], 'https://schema.org');
  assert.equal(data['@type'], 'NewsArticle');
  assert.equal(data.headline, document.querySelector('title')!.textContent);
  assert.equal(data.inLanguage, 'ru');
  assert.equal(data.datePublished, '2026-11-03');
  assert.equal(data.dateCreated, '2026-11-03');
  assert.equal(data.url, 'https://press.example.org/briefing/ru/index.html');
  assert.equal(data.about['@type'], 'Event');
  assert.equal(data.about.startDate, '2026-11-03T14:05');
  assert.equal(data.about.location['@type'], 'Place');
  assert.equal(data.about.location.name, document.querySelector('.dateline')!.textContent!.split(', ').at(-1));
  assert.deepEqual(data.author, { '@type': 'Organization', name: attribution.source, url: attribution.url });
  // Without a configured publisher, the source credited by the attribution publishes.
  assert.deepEqual(data.publisher, data.author);
  assert.equal(data.license, 'CC BY 4.0');
});

test('should leave the address out, not guess it, when no site.url is configured', async () => {
  const built = await pages('Press conference following the talks', {});
  const { one, document } = og(built.en);
  assert.deepEqual(one('og:url'), []);
  const data = jsonLd(document);
  assert.equal(data.url, undefined);
  assert.equal(data.author, undefined);
  assert.equal(data.headline, 'Press conference following the talks');
});

test('should keep a hostile title inside the JSON-LD: no second script, no comment, the same title read back', async () => {
  const hostile = 'Talks </script><script>alert(1)</script> <!-- & </SCRIPT > \u2028 end';
  const built = await pages(hostile, {});
  for (const html of [built.en, built.ru]) {
    const { one, document } = og(html);
    const data = jsonLd(document);
    assert.equal(data.headline, document.querySelector('title')!.textContent);
    assert.ok(data.headline.includes('</script><script>alert(1)</script>'), 'the title reached the page whole');
    assert.deepEqual(one('og:title'), [data.headline]);
    const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/i.exec(html)![1]!;
    assert.doesNotMatch(raw, /<|>|\u2028/);
  }
  // The escape itself, on every character that could end the element or break an old parser.
  for (const text of ['</script>', '<!--', ']]>', '&amp;', '\u2028\u2029', '</SCRIPT\t>']) {
    const written = scriptJson({ text });
    assert.doesNotMatch(written, /[<>&\u2028\u2029]/);
    assert.equal((JSON.parse(written) as { text: string }).text, text);
  }
});

test('should pass the Nu HTML checker with the previews in the head', async () => {
  const built = await pages('Press conference following the talks', { site: { url: 'https://press.example.org/' }, attribution });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-preview-vnu-'));
  try {
    const files = Object.entries(built).map(([lang, html]) => {
      const file = path.join(folder, `${lang}.html`);
      writeFileSync(file, html);
      return file;
    });
    const result = spawnSync('java', [...JAVA_CHECKER_FLAGS, '-jar', VNU, '--format', 'json', ...files], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    const report = JSON.parse(result.stderr) as { messages: { type: string; url: string; message: string; lastLine?: number }[] };
    assert.deepEqual(
      report.messages.filter((message) => message.type === 'error').map((message) => `${path.basename(message.url)}: ${message.message}`),
      [],
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('should leave out what the document does not give: no date, no place, no lead, no Event', () => {
  const { openGraph, jsonLd } = linkPreview({ title: 'Statement', lang: 'ar', alternates: [], attribution: null });
  const data = JSON.parse(jsonLd) as Record<string, unknown>;
  assert.deepEqual(Object.keys(data).sort(), ['@context', '@type', 'headline', 'inLanguage']);
  assert.deepEqual(openGraph, [
    ['og:type', 'article'],
    ['og:title', 'Statement'],
    ['og:locale', ogLocale('ar')],
  ]);
  assert.match(ogLocale('ar'), /^ar_[A-Z]{2}$/);
  assert.equal(ogLocale('ky'), 'ky_KG');
  // A place without a date is still the Event's location; a date without a time is the whole day.
  const placed = JSON.parse(linkPreview({ title: 'T', lang: 'en', alternates: [], attribution: null, place: 'Osh' }).jsonLd) as Article;
  assert.deepEqual(placed.about, { '@type': 'Event', name: 'T', location: { '@type': 'Place', name: 'Osh' } });
});

test('should cut a long lead at a word boundary for the description, with an ellipsis', () => {
  const lead = Array.from({ length: 80 }, (_, at) => `word${at}`).join(' ');
  const { openGraph } = linkPreview({ title: 'T', lang: 'en', alternates: [], attribution: null, lead });
  const description = openGraph.find(([property]) => property === 'og:description')![1];
  assert.ok([...description].length <= DESCRIPTION_MAX, `${[...description].length} characters`);
  assert.ok(description.endsWith('…'));
  assert.ok(lead.startsWith(description.slice(0, -1)), 'not a prefix of the lead');
  assert.match(description.slice(0, -1), /word\d+$/);
  assert.ok(lead.includes(`${description.slice(0, -1)} `), 'cut inside a word');
});
