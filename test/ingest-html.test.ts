// Saved web pages: readability finds the article, the chrome around it is reported and never published,
// the page's title and date come first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../pipeline/errors.ts';
import { htmlBlocks } from '../pipeline/ingest/html.ts';
import { withoutSiteName } from '../pipeline/ingest/page-head.ts';
import { normaliseFile } from '../pipeline/normalize/file.ts';
import { Reporter } from '../pipeline/report/messages.ts';

const NEWS_PAGE = 'test/fixtures/ingest/news-page.html';
const page = readFileSync(NEWS_PAGE, 'utf8');

/** Text of the page's chrome, none of which is transcript text (each phrase is in one chrome element). */
const CHROME = [
  'This site stores small files on your device', // cookie banner without a class that says so
  'I agree',
  'Skip to content',
  'Search the site',
  'Contact the press office', // menu as a plain list
  'Post to Feed', // share bar inside the article
  'Email this story',
  'You may also like', // related links after the article
  'New bridge opens over the river',
  'Most read', // sidebar
  'Photo gallery: the autumn parade',
  'All materials may be reproduced', // footer
  'RSS feeds',
];
const ARTICLE = [
  'The Head of State held a meeting by videoconference',
  'Administrator Jane Roe: Good afternoon, colleagues.',
  'The budget for repairs was approved in the spring',
  'Governor John Doe: Thank you.',
  'Warm homes are the first duty of every local authority.',
  'Administrator Jane Roe: Thank you. Let us move on',
];

test('should keep every chrome phrase of a news page out of the transcript and report each one', () => {
  const blocks = htmlBlocks(page, { lang: 'en' });
  const kept = blocks.filter((block) => !block.skip);
  for (const phrase of CHROME) {
    assert.ok(!kept.some((block) => block.text.includes(phrase)), `chrome “${phrase}” reached the transcript`);
    assert.ok(
      blocks.some((block) => block.skip && block.text.includes(phrase)),
      `chrome “${phrase}” was dropped without a report entry`,
    );
  }
  for (const rule of blocks.filter((block) => block.skip).map((block) => block.skip!.rule))
    assert.ok(['normalize:html-outside', 'normalize:html-chrome'].includes(rule), rule);
});

test('should keep the article once: its paragraphs and quote kept, the <noscript> copy reported as chrome', () => {
  const blocks = htmlBlocks(page, { lang: 'en' });
  const kept = blocks.filter((block) => !block.skip);
  for (const paragraph of ARTICLE)
    assert.equal(kept.filter((block) => block.text.includes(paragraph)).length, 1, `“${paragraph}” kept ${kept.length} times`);
  const noscript = blocks.find((block) => block.skip?.reason.includes('<noscript>'));
  assert.ok(noscript, 'the <noscript> copy has a report entry');
  assert.equal(noscript.skip!.rule, 'normalize:html-chrome');
  assert.ok(noscript.text.includes('Good afternoon, colleagues'));
  assert.ok(
    kept.some((block) => block.node?.type === 'blockquote'),
    'the quote keeps its structure',
  );
});

test('should put the title first and the page’s printed dateline second, where the normaliser finds them', async () => {
  const kept = htmlBlocks(page, { lang: 'en' }).filter((block) => !block.skip);
  assert.equal(kept[0]?.text, 'Meeting with regional governors');
  assert.equal(kept[1]?.text, 'November 3, 2026, Moscow');
  const report = new Reporter(NEWS_PAGE);
  const { tree } = await normaliseFile(Buffer.from(page), NEWS_PAGE, 'en', report);
  assert.equal(tree.data.meta.title, 'Meeting with regional governors');
  assert.equal(tree.data.meta.date, '2026-11-03');
  assert.equal(tree.data.meta.place, 'Moscow');
  const speakers = tree.children.flatMap((node) => (node.type === 'speakerTurn' ? [node.speaker.name] : []));
  assert.deepEqual([...new Set(speakers)], ['Jane Roe', 'John Doe']);
  const reported = report.messages.filter(
    (message) => message.ruleId === 'normalize:html-outside' || message.ruleId === 'normalize:html-chrome',
  );
  assert.ok(reported.length >= 10, `${reported.length} chrome blocks reported`);
});

/** A page with an article long enough for readability, and what a test puts around it. */
function article({ head = '', top = '', lead = '' }: { head?: string; top?: string; lead?: string }): string {
  const paragraphs = [
    'The minister opened the session on the new school year and thanked the teachers who worked through the summer.',
    'Minister Anna Berg: Good morning. Every school in the country opened on time this year, and the new buildings are full.',
    'Reporter Tom Hale: How many teachers are still missing in the rural districts, and what will the ministry do about it?',
    'Minister Anna Berg: About four hundred. We offer housing and a higher salary to those who move to the villages.',
  ];
  return `<!doctype html><html><head>${head}</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article>${top}${lead}${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</article></main>
<footer><p>Ministry of Education</p></footer></body></html>`;
}

test('should take the title from og:title, else from <title> without the site’s name, when the article has no <h1>', () => {
  const og = htmlBlocks(article({ head: '<title>Ignored — Site</title><meta property="og:title" content="School year opens on time">' }));
  assert.equal(og.find((block) => !block.skip)?.text, 'School year opens on time');
  const titled = htmlBlocks(article({ head: '<title>School year opens on time — Ministry of Education of the Republic</title>' }));
  assert.equal(titled.find((block) => !block.skip)?.text, 'School year opens on time');
  assert.equal(withoutSiteName('School year opens on time | Ministry', 'Ministry'), 'School year opens on time');
  assert.equal(withoutSiteName('Ministry | School year opens on time', 'Ministry'), 'School year opens on time');
  assert.equal(withoutSiteName('Ministry | School year opens on time'), 'School year opens on time');
  assert.equal(withoutSiteName('Speech — Ministry'), 'Speech');
});

test('should write the date from article:published_time or JSON-LD plainly, in the transcript’s language', () => {
  const meta = '<title>School year opens</title><meta property="article:published_time" content="2026-09-01T09:30:00+06:00">';
  const english = htmlBlocks(article({ head: meta }), { lang: 'en' }).filter((block) => !block.skip);
  assert.deepEqual(
    english.slice(0, 2).map((block) => block.text),
    ['School year opens', 'September 1, 2026'],
  );
  const russian = htmlBlocks(article({ head: meta }), { lang: 'ru' }).filter((block) => !block.skip);
  assert.equal(russian[1]?.text, '1 сентября 2026 года');
  const kyrgyz = htmlBlocks(article({ head: meta }), { lang: 'ky' }).filter((block) => !block.skip);
  assert.equal(kyrgyz[1]?.text, '1-сентябрь, 2026-жыл');
  const jsonLd = `<title>School year opens</title><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2026-09-02"}]}</script>`;
  const fromJsonLd = htmlBlocks(article({ head: jsonLd }), { lang: 'en' }).filter((block) => !block.skip);
  assert.equal(fromJsonLd[1]?.text, 'September 2, 2026');
});

test('should take a <time> outside the article as printed, or its datetime written plainly', () => {
  const printed = htmlBlocks(
    article({ head: '<title>School year opens</title>', top: '' }).replace(
      '<main>',
      '<main><time datetime="2026-09-01">September 1, 2026, Astana</time>',
    ),
  ).filter((block) => !block.skip);
  assert.equal(printed[1]?.text, 'September 1, 2026, Astana');
  const bare = htmlBlocks(
    article({ head: '<title>School year opens</title>' }).replace('<main>', '<main><time datetime="2026-09-01">Tuesday</time>'),
  ).filter((block) => !block.skip);
  assert.equal(bare[1]?.text, 'September 1, 2026');
  const bareBlocks = htmlBlocks(
    article({ head: '<title>School year opens</title>' }).replace('<main>', '<main><time datetime="2026-09-01">Tuesday</time>'),
  );
  assert.ok(
    bareBlocks.some((block) => block.skip && block.text === 'Tuesday'),
    'the print not used is reported',
  );
});

test('should leave a dateline the article prints where it is, and make none from metadata then', () => {
  const blocks = htmlBlocks(
    article({
      head: '<title>School year opens</title><meta property="article:published_time" content="2026-09-03">',
      top: '<h1>School year opens</h1>',
      lead: '<p class="dateline">September 1, 2026, Astana</p>',
    }),
  ).filter((block) => !block.skip);
  assert.deepEqual(
    blocks.slice(0, 3).map((block) => block.text),
    ['School year opens', 'September 1, 2026, Astana', blocks[2]!.text],
  );
  assert.ok(!blocks.some((block) => block.text.startsWith('September 3')), 'no dateline made from the metadata');
});

test('should fall back to the page’s own walker on a page too small for readability', () => {
  const blocks = htmlBlocks('<html><body><nav>Menu</nav><div><p>Thank you.</p><p>Good night.</p></div></body></html>');
  assert.deepEqual(
    blocks.filter((block) => !block.skip).map((block) => block.text),
    ['Thank you.', 'Good night.'],
  );
  assert.equal(blocks.find((block) => block.skip)?.text, 'Menu');
});

test('should run no script of the page', () => {
  const hostile = article({
    head: `<title>School year opens</title><script>document.body.innerHTML = '<p>INJECTED BY SCRIPT</p>';</script>`,
    top: `<img src="x" onerror="document.body.innerHTML='INJECTED BY HANDLER'"><script>document.write('<p>INJECTED BY WRITE</p>')</script>`,
  });
  const blocks = htmlBlocks(hostile);
  assert.ok(!blocks.some((block) => block.text.includes('INJECTED')));
  assert.ok(blocks.some((block) => !block.skip && block.text.includes('Every school in the country opened on time')));
});

test('should read a 1 MB page, and refuse a page nested too deep to parse with an InputError', () => {
  const paragraph = (index: number) => `<p>Paragraph ${index} of the long speech about the ports, the railways and the harbour.</p>`;
  const big = `<html><body><nav>Home</nav><article>${Array.from({ length: 10_000 }, (_, index) => paragraph(index)).join('\n')}</article></body></html>`;
  const blocks = htmlBlocks(big);
  assert.equal(blocks.filter((block) => !block.skip).length, 10_000);
  const deep = `<html><body>${'<div>'.repeat(50_000)}<p>Deep.</p></body></html>`;
  assert.throws(
    () => htmlBlocks(deep, { file: 'deep.html' }),
    (error: unknown) => error instanceof InputError && error.message.startsWith('deep.html: ') && /nested deeper/.test(error.message),
  );
});

test('should drop what readability keeps before the article’s title and keep a short lead it drops after it', () => {
  const html = `<!doctype html><html><head><title>Statements for the press</title></head><body>
<header><a href="/">Home</a></header>
<main><article>
<div class="post-meta"><p class="meta">Old July 13th, 2017 #871<br>Senior Member<br>Join Date: Mar 2013<br>Posts: 1,559, threads: 2,310, likes: 9,999</p></div>
<h1>Statements for the press following the talks</h1>
<div class="lead"><p>Following is a transcript of the press conference held today:</p></div>
<div class="share-tools"><a href="/s/1">Post</a> <a href="/s/2">Mail</a></div>
<div class="text">
<p><strong>Aizhan Varenova, Spokesperson:</strong> Colleagues, the delegations supported the exchange of students as planned, and the ministers agreed on new rules.</p>
<p><strong>Ilya Ambler, Mayor of the Capital:</strong> The delegations agreed on energy supplies for the winter, and the first deliveries are already on their way.</p>
</div>
</article></main></body></html>`;
  const blocks = htmlBlocks(html);
  const kept = blocks.filter((block) => !block.skip).map((block) => block.text);
  assert.equal(kept[0], 'Statements for the press following the talks');
  assert.ok(kept.includes('Following is a transcript of the press conference held today:'), kept.join(' | '));
  assert.ok(!kept.some((text) => /Senior Member|Join Date|Post Mail/.test(text)), kept.join(' | '));
  assert.ok(blocks.some((block) => block.skip && block.text.includes('Join Date: Mar 2013')));
});
