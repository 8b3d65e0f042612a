// TMX written back by pressroom (mergeIntoTmx, the writer behind `pressroom xliff import`) keeps what it
// does not own: header and unit props and notes, unknown attributes and elements, variant-level props,
// inline codes of other variants. Both files are parsed as XML and compared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEGMENTATION_RULES_VERSION } from '../../pipeline/segment/split.ts';
import { parseTmx } from '../../pipeline/tm/tmx.ts';
import { children, parseUntrustedXml } from '../../pipeline/util/xml.ts';
import { mergeIntoTmx } from '../../pipeline/xliff/tmx-merge.ts';

const ORIGINAL = `<?xml version="1.0" encoding="UTF-8"?>
<!-- A memory from another tool: everything below that pressroom does not write must survive. -->
<tmx version="1.4">
  <header creationtool="memoQ" creationtoolversion="9.14" segtype="sentence" o-tmf="MemoQTM" adminlang="en-us" srclang="en" datatype="unknown" x-vendor-flag="1">
    <prop type="defclient">Press office</prop>
    <note>Exported for the November 2025 visit.</note>
    <ude name="MacRoman" base="Macintosh"><map unicode="#xF8FF" code="#xF0" ent="Apple_logo" subst="[Apple]"/></ude>
  </header>
  <body>
    <tu tuid="a" changedate="20240101T000000Z" x-origin="archive" usagecount="3">
      <prop type="x-context-pre">Bishkek, 26 November.</prop>
      <note>Approved by the press secretary.</note>
      <x-review status="ok" by="Aida"/>
      <tuv xml:lang="en"><seg>Thank you for your attention.</seg></tuv>
      <tuv xml:lang="ru"><seg><bpt i="1" x="1">&lt;b&gt;</bpt>Благодарю<ept i="1">&lt;/b&gt;</ept> за внимание.</seg></tuv>
      <tuv xml:lang="ky" creationid="OLD" x-quality="low"><prop type="x-note">machine translated</prop><seg>Көңүл бурганыңыз үчүн рахмат.</seg></tuv>
    </tu>
    <tu tuid="b" creationdate="20230505T101010Z">
      <tuv xml:lang="en"><seg>Colleagues, ladies and gentlemen,</seg></tuv>
      <tuv xml:lang="ru"><seg>Уважаемые коллеги, дамы и господа!</seg></tuv>
    </tu>
    <tu tuid="untouched" x-origin="archive">
      <note>Never merged into: compared element for element.</note>
      <tuv xml:lang="en"><seg>  Spaces  are content.  </seg></tuv>
      <tuv xml:lang="ru"><seg>  Пробелы  — это содержание.  </seg></tuv>
    </tu>
  </body>
</tmx>
`;

type Node = Record<string, unknown>;
const tree = (text: string) => children(parseUntrustedXml(text, 'memory.tmx'), 'tmx')[0]!;
const header = (root: Node) => children(root, 'header')[0]!;
const unit = (root: Node, id: string) => children(children(root, 'body')[0], 'tu').find((tu) => (tu.$ as Node[])[0]!.tuid === id)!;
const without = (node: Node, ...keys: string[]) => Object.fromEntries(Object.entries(node).filter(([key]) => !keys.includes(key)));
const attributesOf = (node: Node) => (node.$ as Node[])[0]!;

const provenance = { date: '20261128T150000Z', translator: 'Aida', file: 'doc.ky.xlf' };
const TRICKY = `Say "<b>" & 'quote' ]]> — Жапаров`;
const entries = [
  { id: 'a', source: 'Thank you for your attention.', target: 'Көңүл бурганыңыз үчүн чоң рахмат.', state: 'reviewed' as const },
  {
    id: 'b',
    source: 'Colleagues, ladies and gentlemen,',
    target: 'Урматтуу кесиптештер, айымдар жана мырзалар!',
    state: 'translated' as const,
  },
  { id: 'new', source: 'A <tag> & "quotes"', target: TRICKY, state: 'translated' as const },
];

test('TMX write-back keeps props, notes, unknown attributes and elements, and escapes what it writes', () => {
  const written = mergeIntoTmx(ORIGINAL, 'en', 'ky', entries, provenance);
  assert.equal(mergeIntoTmx(written, 'en', 'ky', entries, provenance), written, 'a second merge changes nothing');
  const before = tree(ORIGINAL);
  const after = tree(written);

  // Header: everything kept, the segmentation rules recorded.
  assert.deepEqual(attributesOf(header(after)), attributesOf(header(before)));
  assert.deepEqual(children(header(after), 'note'), children(header(before), 'note'));
  assert.deepEqual(children(header(after), 'ude'), children(header(before), 'ude'));
  assert.deepEqual(
    children(header(after), 'prop').map((prop) => [attributesOf(prop).type, prop['#text']]),
    [
      ['x-pressroom-segmentation', SEGMENTATION_RULES_VERSION],
      ['defclient', 'Press office'],
    ],
  );

  // A unit pressroom did not touch: identical, element for element.
  assert.deepEqual(unit(after, 'untouched'), unit(before, 'untouched'));

  // A unit it translated: its own attributes, props, notes, unknown element and other variants kept.
  const a = unit(after, 'a');
  const aBefore = unit(before, 'a');
  assert.deepEqual(without(attributesOf(a), 'changedate', 'changeid'), without(attributesOf(aBefore), 'changedate'));
  assert.equal(attributesOf(a).changedate, provenance.date);
  assert.deepEqual(children(a, 'note'), children(aBefore, 'note'));
  assert.deepEqual(children(a, 'x-review'), children(aBefore, 'x-review'));
  assert.deepEqual(
    children(a, 'prop').filter((prop) => !String(attributesOf(prop).type).startsWith('x-pressroom-')),
    children(aBefore, 'prop'),
  );
  const kyBefore = children(aBefore, 'tuv')[2]!;
  const kyAfter = children(a, 'tuv')[2]!;
  assert.deepEqual(attributesOf(kyAfter), attributesOf(kyBefore), 'the variant keeps its attributes');
  assert.deepEqual(children(kyAfter, 'prop'), children(kyBefore, 'prop'), 'the variant keeps its props');
  assert.deepEqual(children(a, 'tuv').slice(0, 2), children(aBefore, 'tuv').slice(0, 2));

  // Read back as the build reads it: the texts, the inline codes of the variant left alone, the escaping.
  const units = parseTmx(written, 'memory.tmx').units;
  const original = parseTmx(ORIGINAL, 'memory.tmx').units;
  assert.deepEqual(
    units.map((tu) => tu.id),
    ['a', 'b', 'untouched', 'new'],
  );
  assert.equal(units[0]!.variants.get('ky'), entries[0]!.target);
  assert.equal(units[0]!.variants.get('ru'), original[0]!.variants.get('ru'));
  assert.deepEqual(units[0]!.codes?.get('ru'), original[0]!.codes?.get('ru'));
  assert.equal(units[1]!.variants.get('ky'), entries[1]!.target);
  assert.deepEqual(units[2]!.variants, original[2]!.variants);
  assert.equal(units[3]!.variants.get('en'), 'A <tag> & "quotes"');
  assert.equal(units[3]!.variants.get('ky'), TRICKY);
  assert.ok(written.includes("<seg>Say &quot;&lt;b&gt;&quot; &amp; 'quote' ]]&gt; — Жапаров</seg>"), 'explicit escaping');
});

test('a memory pressroom creates records the segmentation rules in its header', () => {
  const created = mergeIntoTmx(undefined, 'en', 'ru', [entries[0]!], provenance);
  const prop = children(header(tree(created)), 'prop')[0]!;
  assert.equal(attributesOf(prop).type, 'x-pressroom-segmentation');
  assert.equal(prop['#text'], SEGMENTATION_RULES_VERSION);
  assert.equal(parseTmx(created, 'new.tmx').units[0]!.variants.get('ru'), entries[0]!.target);
  // An older rules version in the header is replaced, not duplicated.
  const older = created.replace(SEGMENTATION_RULES_VERSION, 'pressroom-sentences-0');
  assert.equal(mergeIntoTmx(older, 'en', 'ru', [entries[0]!], provenance), created);
});
