import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Glossary } from '../../pipeline/glossary/glossary.ts';
import { splitBlocks } from '../../pipeline/ingest/read-blocks.ts';
import { normalizeTranscript } from '../../pipeline/normalize/transcript.ts';
import { Reporter } from '../../pipeline/report/messages.ts';
import { segmentTree } from '../../pipeline/segment/segment-tree.ts';
import { readContexts, sourceHash } from '../../pipeline/tm/context.ts';
import { codeDifference, TranslationMemory } from '../../pipeline/tm/memory.ts';
import { parseTmx } from '../../pipeline/tm/tmx.ts';
import { translateTree } from '../../pipeline/translate/translate-tree.ts';
import type { Segment } from '../../pipeline/types.ts';

const memoryOf = (tmx: string) => {
  const memory = new TranslationMemory();
  memory.add(parseTmx(tmx, 'm.tmx'), 'en');
  memory.contexts.add(readContexts(tmx, 'en', 'm.tmx'));
  return memory;
};

test('should take a point off a fuzzy match per inline code that differs from the query', () => {
  assert.equal(codeDifference([{ kind: 'bpt' }, { kind: 'ept' }], []), 2);
  assert.equal(codeDifference([{ kind: 'ph' }], [{ kind: 'ph' }]), 0);
  const memory = memoryOf(`<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>President<ept i="1">&lt;/b&gt;</ept> met the officials of the region today.</seg></tuv><tuv xml:lang="ru"><seg>Президент встретился сегодня с официальными лицами региона.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The Minister met the officials of the region today.</seg></tuv><tuv xml:lang="ru"><seg>Министр встретился сегодня с официальными лицами региона.</seg></tuv></tu>
</body></tmx>`);
  const found = memory.match('The Governor met the officials of the region today.', ['ru']);
  // Same text distance (one word of ten): the unit with bold codes ranks below the plain one, two points off.
  assert.deepEqual(
    found.map((match) => [match.entry.source.slice(0, 12), match.score]),
    [
      ['The Minister', 90],
      ['The Presiden', 88],
    ],
  );
  const withCodes = memory.match('The Governor met the officials of the region today.', ['ru'], {
    codes: [{ kind: 'bpt' }, { kind: 'ept' }],
  });
  assert.equal(withCodes.find((match) => match.entry.source.startsWith('The President'))?.score, 90);
  // An exact text match stays 100: the published text carries no codes.
  assert.equal(memory.match('The President met the officials of the region today.', ['ru'])[0]?.score, 100);
});

test('should publish a context match (101) when the memory recorded the same neighbours', () => {
  const report = new Reporter('t.txt');
  const tree = normalizeTranscript(
    splitBlocks(
      'Talks in Bishkek\n\nNovember 26, 2025, Bishkek\n\nPresident of Russia Vladimir Putin: Good afternoon. Thank you. Let us begin.\n',
    ),
    report,
    { lang: 'en' },
  );
  segmentTree(tree, 'en');
  const prop = (type: string, value: string) => `<prop type="x-pressroom-${type}">${value}</prop>`;
  const memory = memoryOf(`<tmx version="1.4"><header srclang="en"/><body>
<tu>${prop('source-hash', sourceHash('Thank you.'))}${prop('doc', 'other')}${prop('prev', 'Good afternoon.')}${prop('next', 'Let us begin.')}<tuv xml:lang="en"><seg>Thank you.</seg></tuv><tuv xml:lang="ru"><seg>Спасибо, коллеги.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Thank you.</seg></tuv><tuv xml:lang="ru"><seg>Спасибо.</seg></tuv></tu>
</body></tmx>`);
  const out = new Reporter('t.txt', 'ru');
  const { tree: translated, stats } = translateTree(
    tree,
    { sourceLang: 'en', chain: ['ru'], memory, glossary: new Glossary([]), onMissing: 'keep-source', doc: 't' },
    out,
  );
  const segments: Segment[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'segment') segments.push(node as Segment);
    else for (const child of node.children ?? []) visit(child as { type: string });
  };
  visit(translated);
  const thanks = segments.find((segment) => segment.source === 'Thank you.')!;
  assert.deepEqual([thanks.status, thanks.band, thanks.score], ['context', 'context', 101]);
  assert.equal((thanks.children[0] as { value: string }).value, 'Спасибо, коллеги.');
  assert.equal(stats.bands.context, 1);
});
