import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { splitBlocks } from '../../pipeline/ingest/read-blocks.ts';
import { normalizeTranscript } from '../../pipeline/normalize/transcript.ts';
import { Glossary } from '../../pipeline/glossary/glossary.ts';
import { Reporter } from '../../pipeline/report/messages.ts';
import { segmentTree } from '../../pipeline/segment/segment-tree.ts';
import { adaptNumbers, bandOf, FuzzyIndex, similarity, tokenDistance, tokenize } from '../../pipeline/tm/fuzzy.ts';
import { TranslationMemory } from '../../pipeline/tm/memory.ts';
import { parseTmx } from '../../pipeline/tm/tmx.ts';
import { translateTree } from '../../pipeline/translate/translate-tree.ts';
import type { Segment } from '../../pipeline/types.ts';

test('should put scores into the memoQ/Trados bands at their edges', () => {
  assert.deepEqual([101, 100, 99, 95, 94, 85, 84, 75, 74, 50, 49].map(bandOf), [
    'context',
    'exact',
    '95-99',
    '95-99',
    '85-94',
    '85-94',
    '75-84',
    '75-84',
    '50-74',
    '50-74',
    'new',
  ]);
});

test('should measure edit distance in tokens, typography and case folded', () => {
  assert.deepEqual(tokenize('Mr\u00a0President, “US$5.5” billion'), ['mr', 'president', ',', '"', 'us', '$', '5.5', '"', 'billion']);
  assert.equal(tokenDistance(tokenize('the quick brown fox'), tokenize('the slow brown fox')), 1);
  assert.equal(tokenDistance(tokenize('a b c d'), tokenize('a c d')), 1);
  assert.equal(similarity(tokenize('Good afternoon.'), tokenize('Good  afternoon.')), 100);
  assert.equal(similarity(tokenize('one two three four'), tokenize('one two three five')), 75);
});

test('should adapt numbers only when they map one-to-one into the target', () => {
  assert.equal(
    adaptNumbers(
      'Investment amounted to US$110 million.',
      'Investment amounted to US$95 million.',
      'Инвестиции составили 95 миллионов долларов.',
    ),
    'Инвестиции составили 110 миллионов долларов.',
  );
  // The target spells the number out: nothing to substitute, so no adaptation.
  assert.equal(adaptNumbers('We signed 5 documents.', 'We signed 4 documents.', 'Мы подписали четыре документа.'), undefined);
  // Words differ too: not a placeable-only difference.
  assert.equal(adaptNumbers('We signed 5 treaties.', 'We signed 4 documents.', 'Мы подписали 4 документа.'), undefined);
});

test('should find through the index what an exhaustive scan finds', () => {
  const words = 'president russia kyrgyzstan trade investment energy fund students visit agreement'.split(' ');
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentence = () => Array.from({ length: 8 + Math.floor(random() * 8) }, () => words[Math.floor(random() * words.length)]).join(' ');
  const index = new FuzzyIndex<{ source: string; target: string }>();
  const sources = Array.from({ length: 600 }, (_, i) => `${sentence()} w${i}.`);
  for (const source of sources) index.add({ source, target: source.toUpperCase() });
  let agree = 0;
  for (let i = 0; i < 50; i += 1) {
    const query = sources[i * 11]!.replace(/^\S+/, 'changed');
    const indexed = index.lookup(query, { limit: 1 })[0];
    const scanned = index.scan(query, { limit: 1 })[0];
    assert.ok(scanned, 'the scan finds the edited sentence');
    if (indexed?.score === scanned.score) agree += 1;
  }
  assert.ok(agree >= 48, `indexed best score equals the scan's in ${agree} of 50 lookups`);
});

test('should offer older near matches from the sample archive as adapted or fuzzy', async () => {
  const memory = new TranslationMemory();
  const file = 'locales/ru/archive-2024.tmx';
  memory.add(parseTmx(await readFile(file, 'utf8'), file), 'en');
  const [adapted] = memory.match('Russian direct investment in the first half of this year alone amounted to US$110 million.', ['ru']);
  assert.equal(adapted?.band, 'adapted');
  assert.equal(adapted?.score, 99);
  assert.equal(adapted?.target, 'Только за первое полугодие этого года прямые российские инвестиции составили 110 миллионов долларов.');
  const [fuzzy] = memory.match(
    'I would like to underscore that Russia remains one of the Kyrgyz Republic’s principal trading partners, accounting for 22 percent of our total trade turnover.',
    ['ru'],
  );
  assert.equal(fuzzy?.band, '85-94');
  assert.match(fuzzy!.target, /20 процентов/);
  assert.deepEqual(memory.match('Something else entirely about weather.', ['ru']), []);
});

function translateWithPolicy(minScore: number) {
  const report = new Reporter('t.txt');
  const tree = normalizeTranscript(
    splitBlocks(
      'Talks in Bishkek\n\nNovember 26, 2025, Bishkek\n\nPresident of Russia Vladimir Putin: We signed 12 documents today in Bishkek.\n',
    ),
    report,
    { lang: 'en' },
  );
  segmentTree(tree, 'en');
  const memory = new TranslationMemory();
  memory.add(
    parseTmx(
      `<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>We signed 10 documents today in Osh.</seg></tuv><tuv xml:lang="ru"><seg>Сегодня в Оше мы подписали 10 документов.</seg></tuv></tu>
</body></tmx>`,
      'm.tmx',
    ),
    'en',
  );
  const translateReport = new Reporter('t.txt', 'ru');
  const { tree: out, stats } = translateTree(
    tree,
    { sourceLang: 'en', chain: ['ru'], memory, glossary: new Glossary([]), onMissing: 'keep-source', minScore },
    translateReport,
  );
  const segments: Segment[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'segment') segments.push(node as Segment);
    else for (const child of node.children ?? []) visit(child as { type: string });
  };
  visit(out);
  const segment = segments.find((s) => s.source.startsWith('We signed'))!;
  return { segment, stats, messages: translateReport.messages };
}

test('should publish a fuzzy match only when the locale policy allows its score', () => {
  const strict = translateWithPolicy(100);
  assert.equal(strict.segment.status, 'fallback');
  assert.equal(strict.segment.band, '75-84');
  assert.equal(strict.stats.bands['75-84'], 1);
  assert.ok(strict.messages.some((m) => m.ruleId === 'tm:no-match' && /best: 7\d, below tmMinScore 100/.test(m.reason)));

  const lenient = translateWithPolicy(75);
  assert.equal(lenient.segment.status, 'fuzzy');
  assert.equal(lenient.segment.lang, 'ru');
  assert.ok(lenient.messages.some((m) => m.ruleId === 'tm:fuzzy'));
});
