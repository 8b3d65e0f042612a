// The one-pass TMX scanner is the one TMX reader: whatever it accepts it must read exactly as the validating
// tree parser does (test/helpers/tmx-tree.ts, an oracle), and whatever the tree refuses it must refuse.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { generateUnits, toTmx } from '../../bench/tm/generate.ts';
import { readTmxTree, withoutOffsets } from '../helpers/tmx-tree.ts';
import { decodeTextResource } from '../../pipeline/util/text-resource.ts';
import { scanTmx } from '../../pipeline/tm/tmx-scan.ts';

const root = path.join(import.meta.dirname, '..', '..');
const same = (text: string) => JSON.stringify(withoutOffsets(scanTmx(text))) === JSON.stringify(readTmxTree(text, 'x.tmx'));

test('should read the project memories and a generated memory exactly as the tree parser does', () => {
  const pitfalls = readdirSync(path.join(root, 'test/fixtures/tm')).map((name) => `test/fixtures/tm/${name}/input.tmx`);
  const files = [
    'locales/ru/memory.tmx',
    'locales/ru/archive-2024.tmx',
    'locales/ky/memory.tmx',
    'test/fixtures/rtl/locales/ar/memory.tmx',
  ];
  let scanned = 0;
  for (const file of [...files, ...pitfalls]) {
    const text = decodeTextResource(readFileSync(path.join(root, file)), file, 'a TMX file');
    // Taken by the scanner only when the file has nothing it leaves to the tree (comments, a DOCTYPE…).
    if (scanTmx(text) === undefined) continue;
    scanned += 1;
    assert.ok(same(text), file);
  }
  assert.ok(scanned >= files.length, `${scanned} files taken by the scanner`);
  const generated = toTmx(generateUnits(300, 7));
  assert.equal(scanTmx(generated)?.units.length, 300, 'the scanner takes the common shape');
  assert.ok(same(generated));
});

test('should refuse every TMX of the invalid corpus the tree parser refuses', () => {
  const invalid = path.join(root, 'test/fixtures/invalid');
  let refusedByTree = 0;
  for (const name of readdirSync(invalid).filter((entry) => entry.startsWith('tmx-'))) {
    const text = readFileSync(path.join(invalid, name, 'memory.tmx'), 'utf8');
    let refused = false;
    try {
      readTmxTree(text, 'memory.tmx');
    } catch {
      refused = true;
    }
    if (!refused) continue;
    refusedByTree += 1;
    assert.equal(scanTmx(text), undefined, name);
  }
  // Without a file the tree refuses, the loop above checks nothing.
  assert.ok(refusedByTree >= 10, `only ${refusedByTree} files of the invalid corpus are refused by the tree parser`);
});

// Fragments that reach the scanner's corners: references good and bad, markup in values, nesting,
// structural elements out of place, white space of every kind.
const fragment = fc.constantFrom(
  '<tu tuid="a">',
  '<tu>',
  '</tu>',
  '<tuv xml:lang="en">',
  "<tuv lang='ru'>",
  '<tuv xml:lang="ky" xml:lang="ru">',
  '</tuv>',
  '<seg>',
  '</seg>',
  '<seg/>',
  '<ph x="1">&lt;b&gt;</ph>',
  '<bpt i="1">{</bpt>',
  '<ept i="1">}</ept>',
  '<hi type="b">',
  '</hi>',
  '<prop type="x">p</prop>',
  '<note/>',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  'Text',
  'Текст',
  '&amp;',
  '&#x41;',
  '&#0;',
  '&#xFFFFF0;',
  '&nbsp;',
  '&',
  '<',
  '>',
  ']]>',
  '<!-- c -->',
  '<!---->',
  '<!-- a < b -->',
  '<!-- a -- b -->',
  '<!-- a- -->',
  '<!-- &#0; -->',
  '<![CDATA[x]]>',
  '<?pi x?>',
  '<a b="<">',
  '<a b=">"/>',
  '<a b="&amp;"/>',
  '<a b=c/>',
  '<a  b="1"c="2"/>',
  '< a/>',
  '</ a>',
  '</seg >',
  '<body>',
  '</body>',
  '<header srclang="en"/>',
);
const prolog = fc.constantFrom(
  '<?xml version="1.0" encoding="UTF-8"?>\n',
  '<?xml version="1.0"?><!-- exported -->\n',
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n',
  '<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "tmx14.dtd">',
  '<!DOCTYPE tmx [<!ELEMENT tmx ANY>]>',
  '\ufeff<?xml version="1.0"?>',
  ' <?xml version="1.0"?>',
  '',
);
const epilog = fc.constantFrom('', '\n', '<!-- end -->\n', 'x', '<tmx/>', '<!-- <tu> -->');
const documents = fc
  .tuple(prolog, fc.array(fragment, { maxLength: 30 }), epilog)
  .map(([before, parts, after]) => `${before}<tmx version="1.4"><header srclang="en"/><body>\n${parts.join('')}\n</body></tmx>${after}`);
const units = fc
  .array(fc.array(fragment, { maxLength: 6 }), { maxLength: 6 })
  .map(
    (segs) =>
      `<tmx version="1.4"><header srclang="en"/><body>${segs
        .map((parts, i) => `<tu tuid="t${i}">\n<tuv xml:lang="en"><seg>${parts.join('')}</seg></tuv></tu>`)
        .join('\n')}</body></tmx>`,
  );

test('should read what it accepts as the tree parser does, and accept nothing the tree refuses', () => {
  let accepted = 0;
  let withUnits = 0;
  fc.assert(
    fc.property(fc.oneof(documents, units), (text) => {
      const scanned = scanTmx(text);
      if (scanned === undefined) return;
      accepted += 1;
      if (scanned.units.length > 0) withUnits += 1;
      assert.equal(JSON.stringify(withoutOffsets(scanned)), JSON.stringify(readTmxTree(text, 'x.tmx')));
      for (const unit of scanned.units) {
        const written = text.slice(unit.place.offset, unit.end);
        assert.ok(written.startsWith('<tu') && (written.endsWith('</tu>') || written.endsWith('/>')), written);
        for (const tuv of unit.tuvs) {
          assert.ok(text.startsWith('<tuv', tuv.start) && tuv.start >= unit.openEnd && tuv.end <= unit.end);
          if (tuv.seg !== undefined) assert.equal(text.slice(tuv.segStart, tuv.segEnd), tuv.seg);
        }
      }
    }),
    { numRuns: 3000 },
  );
  // A scanner that refused everything would pass the property without comparing anything.
  assert.ok(accepted >= 100, `the scanner accepted only ${accepted} of 3000 documents`);
  assert.ok(withUnits >= 15, `only ${withUnits} accepted documents held a unit`);
});

test('should give each unit its props, offsets and the header and body end a merge writes at', () => {
  const text = `<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en" creationtool="A &amp; B"/>
<body>
  <tu tuid="a" changedate="20260101T000000Z">
    <prop type="x-pressroom-doc">talk</prop><note>n</note>
    <prop type="x-pressroom-prev">Hello &amp; welcome.</prop>
    <tuv xml:lang="en"><seg>Thank you.</seg></tuv>
    <tuv xml:lang="ru"><prop type="x"/><seg><![CDATA[Спасибо.]]></seg></tuv>
  </tu>
  <!-- a <tu> in a comment -->
</body></tmx>`;
  const scanned = scanTmx(text);
  assert.ok(scanned);
  assert.equal(scanned.header?.creationtool, 'A & B');
  assert.equal(text.slice(scanned.headerStart, scanned.headerOpenEnd), '<header srclang="en" creationtool="A &amp; B"/>');
  assert.equal(scanned.headerSelfClosing, true);
  assert.ok(text.startsWith('</body>', scanned.bodyEnd));
  const [unit] = scanned.units;
  assert.ok(unit);
  assert.equal(unit.attributes.tuid, 'a');
  assert.equal(unit.attributes.changedate, '20260101T000000Z');
  assert.deepEqual(
    unit.props.map(({ type, value }) => [type, value]),
    [
      ['x-pressroom-doc', 'talk'],
      ['x-pressroom-prev', 'Hello &amp; welcome.'],
    ],
  );
  for (const prop of unit.props)
    assert.ok(text.slice(prop.start, prop.end).startsWith('<prop') && text.slice(prop.start, prop.end).endsWith('</prop>'));
  assert.equal(unit.tuvs[1]?.seg, '<![CDATA[Спасибо.]]>');
  assert.ok(text.slice(unit.place.offset, unit.end).endsWith('</tu>'));
  assert.equal(JSON.stringify(withoutOffsets(scanned)), JSON.stringify(readTmxTree(text, 'x.tmx')));
});
