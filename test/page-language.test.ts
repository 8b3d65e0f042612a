// Issue 19 item 4 (and issue 16 item 3): every visible string of a ru or ky page is in the page's language or
// marked with the language it really is. The sample loses one memory unit per locale so that some passages
// fall back; a briefing with a title, stage directions, an editorial insertion, question turns and a
// footnote has no translation at all. Each text node's effective language (its nearest `lang`) is checked
// against its script: Latin is English here, Cyrillic is Russian or Kyrgyz.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { build, type BuildResult } from '../pipeline/build.ts';
import { normalizeConfig, readConfigFile } from '../pipeline/config/load.ts';
import { loadResources } from '../pipeline/resources.ts';
import { Reporter } from '../pipeline/report/messages.ts';
import { collectSegments, needsWork } from '../pipeline/xliff/collect.ts';
import { cli } from './helpers/cli.ts';
import { textLanguages } from './helpers/text-languages.ts';
import { copySample, removeUnits } from './helpers/project.ts';

const SAMPLE = '2025-11-26-bishkek-press-statements';
const BRIEFING = [
  '---',
  'title: "Press Briefing by Press Secretary Dana Whitfield"',
  'date: "2025-11-14"',
  'place: "Washington"',
  'lang: "en"',
  'speakers: [{"name":"Dana Whitfield","role":"Press Secretary"}]',
  '---',
  '',
  '# Press Briefing by Press Secretary Dana Whitfield',
  '',
  '**Press Secretary Dana Whitfield:** Good afternoon, everyone. Two announcements today.[^1]',
  '',
  '(Laughter.)',
  '',
  '[The press secretary left the room.]',
  '',
  '**Question:** Thanks, Dana. On the budget?',
  '',
  '**Dana Whitfield:** We will see.',
  '',
  '[^1]: The announcements were published later.',
  '',
].join('\n');

let project: string;
let result: BuildResult;
let removed: { ru: Map<string, string>; ky: Map<string, string> };
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

before(async () => {
  project = copySample('pressroom-page-language-');
  removed = { ru: removeUnits(project, 'ru', [3]), ky: removeUnits(project, 'ky', [4]) };
  mkdirSync(path.join(project, 'briefings'));
  writeFileSync(path.join(project, 'briefings', 'briefing.md'), BRIEFING);
  const raw = await readConfigFile(path.join(project, 'pressroom.config.json'));
  const config = await normalizeConfig({ ...raw, inputs: [...(raw.inputs as string[]), 'briefings'], formats: ['html'] }, project);
  result = await build(config, { write: false, cache: false });
});

after(() => rmSync(project, { recursive: true, force: true }));

const page = (slug: string, locale: string): string => {
  const found = result.files.find((file) => file.path === `${slug}/${locale}/index.html`);
  assert.ok(found, `no page ${slug}/${locale}`);
  return new TextDecoder().decode(found.contents);
};

/** What the script says a text is: en when it has Latin letters and no Cyrillic, else the Cyrillic language `expected`. */
function problems(html: string, pageLang: string): string[] {
  const found: string[] = [];
  for (const { text, lang, path: trail } of textLanguages(fromHtml(html))) {
    const base = lang.split('-')[0];
    if (base === 'en' && CYRILLIC.test(text)) found.push(`Cyrillic text marked en: “${text}” at ${trail}`);
    if (base !== 'en' && !CYRILLIC.test(text) && LATIN.test(text))
      found.push(`Latin text marked ${lang} (page ${pageLang}): “${text}” at ${trail}`);
  }
  return found;
}

for (const locale of ['ru', 'ky']) {
  test(`every text node of the ${locale} pages is in the language its nearest lang says`, () => {
    for (const slug of [SAMPLE, 'briefing']) {
      const html = page(slug, locale);
      assert.match(html, new RegExp(`<html lang="${locale}"`));
      assert.deepEqual(problems(html, locale), [], `${slug}/${locale}`);
    }
  });
}

test('a passage that fell back is marked en, a translated one inherits the page’s language', () => {
  for (const locale of ['ru', 'ky'] as const) {
    const html = page(SAMPLE, locale);
    const texts = textLanguages(fromHtml(html));
    for (const [source, target] of removed[locale]) {
      const shown = texts.find((entry) => entry.text.includes(source.slice(0, 30)));
      assert.ok(shown, `${locale}: the fallen-back “${source.slice(0, 30)}…” is not on the page`);
      assert.equal(shown.lang, 'en', `${locale}: “${source.slice(0, 30)}…”`);
      assert.ok(!html.includes(target), `${locale}: the removed translation is still published`);
    }
    // The document's own text (the language switcher names each language in itself, marked so).
    const translated = texts.filter((entry) => entry.path.includes('> article') && CYRILLIC.test(entry.text));
    assert.ok(translated.length > 20, `${locale}: ${translated.length} translated text nodes`);
    for (const entry of translated) assert.equal(entry.lang, locale, `“${entry.text.slice(0, 40)}” at ${entry.path}`);
  }
});

test('the briefing’s title, stage direction, editorial insertion and footnote fall back marked and reported; its question label is the UI’s', () => {
  for (const locale of ['ru', 'ky']) {
    const html = page('briefing', locale);
    assert.match(html, /<title lang="en">Press Briefing by Press Secretary Dana Whitfield<\/title>/);
    assert.match(html, /<h1><span lang="en"[^>]*>Press Briefing by Press Secretary Dana Whitfield<\/span><\/h1>/);
    assert.match(html, /class="stage-direction"><i><span lang="en"[^>]*>\(Laughter\.\)<\/span>/);
    assert.match(html, /class="editorial"><span lang="en"[^>]*>\[The press secretary left the room\.\]<\/span>/);
    assert.match(html, /class="footnote"[^>]*>[\s\S]*?<span lang="en"[^>]*>The announcements were published later\.<\/span>/);
    const ui = JSON.parse(readFileSync(path.join(project, 'locales', locale, 'ui.json'), 'utf8')) as { speaker: { question: string } };
    assert.match(html, new RegExp(`<span class="name generic">${ui.speaker.question}</span>`));
    const report = result.report.documents
      .find((document) => document.slug === 'briefing')!
      .locales.find((entry) => entry.locale === locale)!;
    const marked = (html.match(/class="untranslated"/g) ?? []).length;
    assert.equal(report.marked, marked, `${locale}: every marked passage is counted as marked`);
    const kinds = result.messages
      .filter((message) => message.ruleId === 'tm:no-match' && message.file.endsWith('briefing.md') && message.locale === locale)
      .map((message) => /untranslated (title|stage direction|editorial|footnote) segment/.exec(message.reason)?.[1])
      .filter(Boolean);
    assert.deepEqual([...new Set(kinds)].sort(), ['editorial', 'footnote', 'stage direction', 'title']);
  }
});

test('the translators’ files carry the title, stage direction, editorial insertion and footnote with their kind as a note', async () => {
  const raw = await readConfigFile(path.join(project, 'pressroom.config.json'));
  const config = await normalizeConfig({ ...raw, inputs: ['briefings'], formats: ['html'] }, project);
  const resources = await loadResources(config, new Reporter('resources'));
  try {
    const [ky] = await collectSegments(config, resources, { locales: ['ky'] });
    assert.ok(ky);
    const kinds = ky.segments.filter((state) => needsWork(state.translated)).map((state) => state.source.kind ?? 'speech');
    for (const kind of ['title', 'stage-direction', 'editorial', 'footnote', 'speech'])
      assert.ok(kinds.includes(kind as never), `${kind} in ${kinds.join(', ')}`);
  } finally {
    await resources.close();
  }
  writeFileSync(path.join(project, 'pressroom.config.json'), JSON.stringify({ ...raw, inputs: ['briefings'] }));
  const exported = await cli(['xliff', 'export', '--locale', 'ky'], { cwd: project });
  assert.equal(exported.status, 0, exported.stderr);
  const xliff = readFileSync(path.join(project, 'xliff', 'briefing.ky.xlf'), 'utf8');
  for (const [kind, source] of [
    ['title', 'Press Briefing by Press Secretary Dana Whitfield'],
    ['stage-direction', '(Laughter.)'],
    ['editorial', '[The press secretary left the room.]'],
    ['footnote', 'The announcements were published later.'],
  ]) {
    const unit = xliff.split(/<trans-unit /).find((part) => part.includes(`>${source}</source>`));
    assert.ok(unit, `no unit for “${source}”`);
    assert.match(unit, new RegExp(`<note from="kind">${kind}</note>`), source);
  }
});
