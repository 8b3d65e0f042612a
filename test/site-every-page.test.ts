// Every page of the sample's real site, every kind: the nine document pages (three originals — en, ru, ky —
// each in en, ru, ky), each locale's index, its speaker and place pages, the search pages and the
// translators' dashboard, through the Nu HTML checker (0 errors) and axe-core in Chromium (0 violations);
// and every EPUB the build writes (3 × 3) through EPUBCheck (0 errors, 0 warnings). Year pages appear only
// above 100 documents (test/site-index.test.ts checks them on a generated archive) and the search results
// need a server (test/site-search.test.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Element } from 'hast';
import puppeteer from 'puppeteer';
import { numberSections } from '../pipeline/render/page.ts';
import { findBrowser } from '../pipeline/render/pdf/browser.ts';
import { repo } from './helpers/cli.ts';
import { sampleBuild, type SampleBuild } from './helpers/sample-build.ts';
import { epubCheck, epubProblems, JAVA_CHECKER_FLAGS } from './helpers/java.ts';
import { axe } from './helpers/axe.ts';

const VNU = path.join(repo, 'node_modules/vnu-jar/build/dist/vnu.jar');
const config = JSON.parse(readFileSync(path.join(repo, 'pressroom.config.json'), 'utf8')) as { inputs: string[]; locales: string[] };
const slugs = config.inputs.map((input) => path.basename(input, path.extname(input)));

let out: string;
let sample: SampleBuild | undefined;

// The run's one build of the sample (test/helpers/sample-build.ts): read here, never written.
before(async () => {
  sample = await sampleBuild();
  out = sample.out;
  assert.equal(sample.status, 0, sample.stderr);
});

after(() => sample?.dispose());

/** Every file under the output folder, relative, with `/`. */
const files = (folder = out): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(folder, entry.name)).map((name) => `${entry.name}/${name}`) : [entry.name],
  );

/** The site's HTML pages, checked to hold one of every kind the sample makes. */
function pages(): string[] {
  const all = files().filter((name) => name.endsWith('.html') && !name.startsWith('pagefind/'));
  const documents = slugs.flatMap((slug) => config.locales.map((locale) => `${slug}/${locale}/index.html`));
  for (const page of documents) assert.ok(all.includes(page), `${page} was built`);
  for (const locale of config.locales) {
    assert.ok(all.includes(`index.${locale}.html`));
    assert.ok(all.includes(`search.${locale}.html`));
    assert.ok(
      all.some((name) => name.startsWith(`index.${locale}.speaker.`)),
      `${locale} speaker pages`,
    );
    assert.ok(
      all.some((name) => name.startsWith(`index.${locale}.place.`)),
      `${locale} place pages`,
    );
  }
  assert.ok(all.includes('report/index.html'));
  return all;
}

test('the Nu HTML checker reports 0 errors on every page of the sample site', () => {
  const checked = pages();
  const result = spawnSync(
    'java',
    [...JAVA_CHECKER_FLAGS, '-jar', VNU, '--format', 'json', ...checked.map((name) => path.join(out, name))],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const report = JSON.parse(result.stderr) as { messages: { type: string; url: string; message: string; lastLine?: number }[] };
  assert.deepEqual(
    report.messages
      .filter((message) => message.type === 'error')
      .map((message) => `${path.relative(out, new URL(message.url).pathname)}:${message.lastLine}: ${message.message}`),
    [],
  );
});

test('axe-core in Chromium finds no violations on any page of the sample site', async () => {
  const checked = pages();
  const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const violations: string[] = [];
    for (const name of checked) {
      await page.goto(pathToFileURL(path.join(out, name)).href, { waitUntil: 'load' });
      // The index's filters are folded: opened, so that axe checks their links too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      const results = await axe(page);
      assert.ok(results.passes.length > 0, `axe ran on ${name}`);
      for (const violation of results.violations)
        violations.push(`${name} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    }
    assert.deepEqual(violations, []);
  } finally {
    await browser.close();
  }
});

test('EPUBCheck reports 0 errors and 0 warnings on every EPUB of the sample (3 originals × 3 locales)', async () => {
  const epubs = files().filter((name) => name.endsWith('.epub'));
  assert.deepEqual(
    epubs.sort(),
    slugs.flatMap((slug) => config.locales.map((locale) => `${slug}/${locale}/${slug}.${locale}.epub`)).sort(),
  );
  // One JVM for the nine (test/helpers/java.ts): EPUBCheck keeps its compiled schemas from one to the next.
  const reports = await epubCheck(epubs.map((epub) => path.join(out, epub)));
  const problems: string[] = [];
  for (const epub of epubs) {
    const report = reports.get(path.join(out, epub));
    assert.ok(report?.checker, `EPUBCheck ran on ${epub}`);
    problems.push(...epubProblems(report).map((problem) => `${epub}: ${problem}`));
  }
  assert.deepEqual(problems, []);
});

test('a speaker who speaks twice gets unnamed sections, so that no two landmarks share a name', () => {
  const section = (speaker: string): Element => ({
    type: 'element',
    tagName: 'section',
    properties: {},
    children: [{ type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: speaker }] }],
  });
  const body = [section('Spokesperson'), section('Question'), section('Spokesperson')];
  const toc = numberSections(body);
  assert.deepEqual(
    toc.map((entry) => entry.id),
    ['turn-1', 'turn-2', 'turn-3'],
  );
  assert.deepEqual(
    body.map((node) => node.properties.ariaLabelledBy),
    [undefined, ['turn-2-heading'], undefined],
  );
  assert.deepEqual(
    body.map((node) => node.properties.id),
    ['turn-1', 'turn-2', 'turn-3'],
  );
});
