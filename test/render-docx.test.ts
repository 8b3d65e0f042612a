// DOCX output (issue 18 item 2): the sample built in memory with `docx` asked for, each locale's Word
// document read back with mammoth (an independent reader) and its XML read from the zip.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { Nodes } from 'mdast';
import { build, type BuildResult } from '../pipeline/build.ts';
import { previewServer } from '../pipeline/commands/serve.ts';
import type { PipelineConfig } from '../pipeline/config/defaults.ts';
import { normalizeConfig } from '../pipeline/config/load.ts';
import { toDocx } from '../pipeline/render/docx/to-docx.ts';
import type { TranscriptRoot } from '../pipeline/types.ts';
import type { IndexDocument } from '../pipeline/report/index-model.ts';
import { copySample, decode } from './helpers/project.ts';
import { zipEntries } from './helpers/zip-entries.ts';

const locales = ['en', 'ru', 'ky'];
/** The sample's transcript (the project may list more): its event date stamps the DOCX. */
const sample = 'transcripts/2025-11-26-bishkek-press-statements.txt';
let project: string;
let result: BuildResult;
let slug: string;

before(async () => {
  project = copySample('pressroom-docx-');
  const config = await sampleConfig();
  result = await build(
    { ...config, inputs: [path.join(project, sample)], locales, formats: ['html', 'docx', 'bundle'] },
    { write: false, concurrency: 1 },
  );
  const page = result.files.find((file) => file.path.endsWith('/en/index.html'));
  assert.ok(page, 'no English page built');
  slug = page.path.split('/')[0]!;
});
after(() => rmSync(project, { recursive: true, force: true }));

function sampleConfig(): Promise<PipelineConfig> {
  return normalizeConfig(JSON.parse(readFileSync(path.join(project, 'pressroom.config.json'), 'utf8')) as Partial<PipelineConfig>, project);
}

const output = (name: string): Buffer => {
  const found = result.files.find((file) => file.path === name);
  assert.ok(found, `no ${name} among ${result.files.map((file) => file.path).join(', ')}`);
  return Buffer.from(found.contents);
};
const docxOf = (locale: string) => output(`${slug}/${locale}/${slug}.${locale}.docx`);
const fold = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The page's main text, block by block (headings, paragraphs, list items), as a reader sees it. */
function pageBlocks(locale: string): string[] {
  const { document } = parseHTML(output(`${slug}/${locale}/index.html`).toString('utf8'));
  const main = document.querySelector('main');
  assert.ok(main, 'the page has no main');
  return [...main.querySelectorAll('h1, h2, h3, h4, p, li')]
    .filter((element) => !element.closest('nav, aside, .downloads, .files') && !element.querySelector('p, li'))
    .map((element) => fold(element.textContent ?? ''))
    .filter(Boolean);
}

/** Each run of word/document.xml: its w:lang and its text. */
function runs(locale: string): { lang: string | undefined; text: string }[] {
  const xml = zipEntries(docxOf(locale))
    .find((entry) => entry.name === 'word/document.xml')!
    .read()
    .toString('utf8');
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]) => ({
    lang: /<w:lang w:val="([^"]+)"/.exec(run!)?.[1],
    text: decode([...run!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')),
  }));
}

for (const locale of locales) {
  test(`${locale}: every paragraph of the page's main text is in the Word document, read back with mammoth`, async () => {
    const { default: mammoth } = await import('mammoth');
    const { value } = await mammoth.extractRawText({ buffer: docxOf(locale) });
    const text = fold(value);
    const blocks = pageBlocks(locale);
    assert.ok(blocks.length > 20, `only ${blocks.length} blocks on the ${locale} page`);
    const missing = blocks.filter((block) => !text.includes(block));
    assert.deepEqual(missing, [], `${missing.length} of ${blocks.length} paragraphs missing from the ${locale} DOCX`);
  });

  test(`${locale}: every run carries a language, the page's, or the other language where the page marks a passage with lang`, () => {
    const all = runs(locale).filter((run) => run.text.trim());
    assert.ok(all.length > 50);
    assert.deepEqual(
      all.filter((run) => !run.lang),
      [],
      'runs without w:lang',
    );
    assert.ok(all.some((run) => run.lang === locale));
    const { document } = parseHTML(output(`${slug}/${locale}/index.html`).toString('utf8'));
    const marked = [...document.querySelectorAll('main .untranslated[lang]')];
    for (const element of marked) {
      const lang = element.getAttribute('lang')!;
      const inLang = fold(
        all
          .filter((run) => run.lang === lang)
          .map((run) => run.text)
          .join(' '),
      );
      assert.ok(inLang.includes(fold(element.textContent ?? '')), `“${element.textContent}” is not in a run marked ${lang}`);
    }
    if (locale !== 'en') assert.ok(marked.length > 0 || all.every((run) => run.lang === locale || run.lang === 'en'));
  });
}

test('the DOCX reaches the page, the index, the report and the bundle through the format registry', () => {
  for (const locale of locales) {
    const name = `${slug}.${locale}.docx`;
    assert.match(output(`${slug}/${locale}/index.html`).toString('utf8'), new RegExp(`href="${name.replace(/\./g, '\\.')}"`));
    const bundled = zipEntries(output(`${slug}/${locale}/${slug}.${locale}.zip`)).map((entry) => entry.name);
    assert.ok(bundled.includes(`${slug}.${locale}/${name}`), `${name} is not in the bundle`);
    const manifest = JSON.parse(output('site.json').toString('utf8')) as { documents: IndexDocument[] };
    const entry = manifest.documents.flatMap((document) => document.entries).find((each) => each.lang === locale)!;
    const file = entry.files.find((each) => each.format === 'docx');
    assert.ok(file, `the ${locale} index entry has no docx file`);
    assert.equal(file.href, `${slug}/${locale}/${name}`);
    assert.equal(file.type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(file.size, docxOf(locale).byteLength);
  }
  const ru = output('index.ru.html').toString('utf8');
  assert.ok(ru.includes('Документ Word (DOCX)'), 'the Russian index does not label the DOCX in Russian');
  const reported = result.report.documents.flatMap((document) => document.locales.flatMap((locale) => locale.files));
  for (const locale of locales) assert.ok(reported.includes(`${slug}/${locale}/${slug}.${locale}.docx`));
});

test('pressroom serve sends the DOCX with its media type, as a download', async () => {
  const root = path.join(project, 'served');
  const name = `${slug}/ky/${slug}.ky.docx`;
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), docxOf('ky'));
  const server = previewServer(root);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${name}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment/);
    assert.ok(Buffer.from(await response.arrayBuffer()).equals(docxOf('ky')));
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('the same input gives the same DOCX bytes, stamped with the event date', async () => {
  const config = await sampleConfig();
  const again = await build(
    { ...config, inputs: [path.join(project, sample)], locales: ['ru'], formats: ['docx'] },
    { write: false, concurrency: 1 },
  );
  const name = `${slug}/ru/${slug}.ru.docx`;
  const second = again.files.find((file) => file.path === name);
  assert.ok(second);
  assert.ok(Buffer.from(second.contents).equals(docxOf('ru')), 'two builds gave different DOCX bytes');
  const core = zipEntries(docxOf('ru'))
    .find((entry) => entry.name === 'docProps/core.xml')!
    .read()
    .toString('utf8');
  assert.match(core, /<dcterms:created [^>]*>2025-11-26T00:00:00Z<\/dcterms:created>/);
  assert.match(core, /<dcterms:modified [^>]*>2025-11-26T00:00:00Z<\/dcterms:modified>/);
});

test('an unknown node is refused, naming its type', async () => {
  const docx = await import('docx');
  const tree = {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'inlineCode', value: 'x' }] }] as Nodes[],
    data: { meta: { title: 'T', date: null, place: null, dateline: null, closingDateline: null, speakers: [], lang: 'en' } },
  } as unknown as TranscriptRoot;
  const t = (key: string) => key;
  assert.throws(
    () => toDocx(docx, { tree, lang: 'en', sourceLang: 'en', t, attribution: null }),
    /Cannot handle unknown node `inlineCode`/,
  );
  const block = { ...tree, children: [{ type: 'table', children: [] }] } as unknown as TranscriptRoot;
  assert.throws(
    () => toDocx(docx, { tree: block, lang: 'en', sourceLang: 'en', t, attribution: null }),
    /Cannot handle unknown node `table`/,
  );
});

test('footnotes become Word footnotes, numbered in reading order, their text in the footnotes part', async () => {
  const docx = await import('docx');
  const segment = (id: string, value: string, lang = 'en') => ({
    type: 'segment',
    id,
    source: value,
    status: 'source',
    lang,
    children: [{ type: 'text', value }],
  });
  const tree = {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          segment('s1', 'Said once.'),
          { type: 'footnoteReference', identifier: 'a', label: 'a' },
          segment('s2', 'Said twice.', 'ru'),
        ],
      },
      {
        type: 'footnoteDefinition',
        identifier: 'a',
        label: 'a',
        children: [{ type: 'paragraph', children: [{ type: 'text', value: 'The note.' }] }],
      },
    ],
    data: { meta: { title: 'T', date: '2025-01-02', place: null, dateline: null, closingDateline: null, speakers: [], lang: 'en' } },
  } as unknown as TranscriptRoot;
  const { packDocx } = await import('../pipeline/render/docx/pack.ts');
  const bytes = Buffer.from(
    await packDocx(
      docx,
      toDocx(docx, { tree, lang: 'en', sourceLang: 'en', t: (key) => key, attribution: null }),
      new Date('2025-01-02T00:00:00Z'),
    ),
  );
  const entries = zipEntries(bytes);
  const footnotes = entries
    .find((entry) => entry.name === 'word/footnotes.xml')!
    .read()
    .toString('utf8');
  assert.match(footnotes, /<w:footnote w:id="1">[\s\S]*The note\.[\s\S]*<\/w:footnote>/);
  const body = entries
    .find((entry) => entry.name === 'word/document.xml')!
    .read()
    .toString('utf8');
  assert.match(body, /<w:footnoteReference w:id="1"\/>/);
  // The mark sits against its sentence, the space after it; the Russian segment is marked ru.
  assert.match(body, /Said once\.<\/w:t>[\s\S]*?<w:footnoteReference w:id="1"\/>[\s\S]*?<w:t xml:space="preserve"> <\/w:t>/);
  assert.match(body, /<w:lang w:val="ru"\/>[\s\S]*?Said twice\./);
  assert.ok(!body.includes('The note.'), 'the note is printed in the body as well');
});
