import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toString } from 'mdast-util-to-string';
import { FailError, Reporter } from '../../pipeline/report/messages.ts';
import { Glossary } from '../../pipeline/glossary/glossary.ts';
import { parseGlossaryCsv } from '../../pipeline/glossary/csv.ts';
import { splitBlocks } from '../../pipeline/ingest/read-blocks.ts';
import { normalizeTranscript } from '../../pipeline/normalize/transcript.ts';
import { segmentTree } from '../../pipeline/segment/segment-tree.ts';
import { TranslationMemory } from '../../pipeline/tm/memory.ts';
import { parseTmx } from '../../pipeline/tm/tmx.ts';
import { translateTree, type OnMissing } from '../../pipeline/translate/translate-tree.ts';
import type { Segment, TranscriptRoot } from '../../pipeline/types.ts';

const source = `Talks in Bishkek

November 26, 2025, Bishkek

President of Russia Vladimir Putin: Good afternoon. Thank you.
`;

function setup(onMissing: OnMissing) {
  const report = new Reporter('t.txt');
  const tree = normalizeTranscript(splitBlocks(source), report, { lang: 'en' });
  segmentTree(tree, 'en');
  const memory = new TranslationMemory();
  memory.add(
    parseTmx(
      `<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Talks in Bishkek</seg></tuv><tuv xml:lang="ru"><seg>Переговоры в Бишкеке</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Good afternoon.</seg></tuv><tuv xml:lang="ru"><seg>Добрый день.</seg></tuv></tu>
</body></tmx>`,
      'm.tmx',
    ),
    'en',
  );
  const glossary = new Glossary(
    parseGlossaryCsv('en,ru\nPresident of Russia,Президент России\nVladimir Putin,Владимир Путин\nBishkek,Бишкек\n', 'g.csv'),
  );
  const translateReport = new Reporter('t.txt', 'ru');
  return { tree, report: translateReport, options: { sourceLang: 'en', chain: ['ru', 'en'], memory, glossary, onMissing } };
}

const segments = (tree: TranscriptRoot) => {
  const out: Segment[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'segment') out.push(node as Segment);
    for (const child of (node.children ?? []) as { type: string }[]) visit(child);
  };
  visit(tree);
  return out;
};

test('translateTree applies exact matches and glossary labels, and keeps the source tree untouched', () => {
  const { tree, report, options } = setup('keep-source');
  const { tree: translated, stats } = translateTree(tree as TranscriptRoot, options, report);
  assert.deepEqual(stats, {
    segments: 3,
    translated: 2,
    fellBack: 1,
    termsFound: 1,
    labelsFellBack: 0,
    // Two exact memory matches and one segment no memory covers: the bands a CAT tool's analysis shows.
    bands: { context: 0, exact: 2, adapted: 0, '95-99': 0, '85-94': 0, '75-84': 0, '50-74': 0, new: 1 },
    stale: 0,
  });
  assert.deepEqual(
    segments(translated).map((segment) => [toString(segment), segment.lang, segment.status]),
    [
      ['Переговоры в Бишкеке', 'ru', 'exact'],
      ['Добрый день.', 'ru', 'exact'],
      ['Thank you.', 'en', 'fallback'],
    ],
  );
  const turn = translated.children.find((node) => node.type === 'speakerTurn');
  assert.deepEqual(turn?.type === 'speakerTurn' && turn.speaker, {
    name: 'Владимир Путин',
    role: 'Президент России',
    nameLang: 'ru',
    roleLang: 'ru',
  });
  assert.equal(translated.data.meta.place, 'Бишкек');
  assert.equal(toString(tree.children[0]!), 'Talks in Bishkek');
  assert.deepEqual(
    report.messages.map((message) => [message.ruleId, message.place?.start.line]),
    [['tm:no-match', 5]],
  );
});

test('onMissing "error" (the default) stops with a message naming the setting', () => {
  const { tree, report, options } = setup('error');
  assert.throws(
    () => translateTree(tree as TranscriptRoot, options, report),
    (error: unknown) => error instanceof FailError && /set `onMissing` \(current: "error"\) to "keep-source"/.test(error.message),
  );
});
