// Lists, block quotes and footnotes from a saved page reach the web page and the e-book chapter.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createTranslator, loadCatalogs } from '../../pipeline/i18n/ui.ts';
import { normaliseFile } from '../../pipeline/normalize/file.ts';
import { renderHtmlPage, renderXhtmlChapter } from '../../pipeline/render/page.ts';
import { toHast } from '../../pipeline/render/html/to-hast.ts';
import { Reporter } from '../../pipeline/report/messages.ts';
import { segmentTree } from '../../pipeline/segment/segment-tree.ts';

const file = 'test/fixtures/normalise/html-speech/input.html';

async function page() {
  const { tree } = await normaliseFile(readFileSync(file), file, 'en', new Reporter(file));
  segmentTree(tree, 'en');
  const t = await createTranslator('en', await loadCatalogs('locales'), 'en', []);
  return { tree, t, lang: 'en', sourceLang: 'en', downloads: [], alternates: [], attribution: null, untranslated: 0 };
}

test('should render lists, nested lists, block quotes and footnotes in the web page', async () => {
  const html = renderHtmlPage(await page());
  assert.match(
    html,
    /<ol><li>planting;<\/li><li><p>fire safety, with<\/p><ul><li>new towers, ?<\/li><li>more aircraft; ?<\/li><\/ul><\/li><li>timber exports\. ?<\/li><\/ol>/,
  );
  assert.match(html, /<blockquote><p>Keep the forest, and it keeps you\. ?<\/p><p>So said my grandfather\. ?<\/p><\/blockquote>/);
  assert.match(html, /half of our country\.<sup class="footnote-ref"><a href="#fn-1">1<\/a><\/sup> We have three tasks:/);
  assert.match(
    html,
    /<div class="footnote" id="fn-1" role="note"><span class="footnote-label">1<\/span> <p>Official estimate for 2025\. ?<\/p><\/div>/,
  );
});

test('should write the same structure into a well-formed e-book chapter', async () => {
  const { xhtml } = renderXhtmlChapter(await page());
  assert.equal(XMLValidator.validate(xhtml), true);
  const body = JSON.stringify(new XMLParser({ ignoreAttributes: false }).parse(xhtml));
  for (const needle of ['"ol"', '"ul"', '"blockquote"', '"@_href":"#fn-1"', '"@_id":"fn-1"']) assert.ok(body.includes(needle), needle);
});

test('should refuse a node no renderer handles instead of dropping it', () => {
  assert.throws(() => toHast({ children: [{ type: 'table', children: [] }] }, 'en'), /Cannot handle unknown node `table`/);
});
