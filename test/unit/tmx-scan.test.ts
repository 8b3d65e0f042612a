// The one-pass TMX scanner is a fast path in front of the validating tree parser: whatever it accepts it
// must read exactly as the tree does, and whatever the tree refuses it must hand back (undefined).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { generateUnits, toTmx } from '../../bench/tm/generate.ts';
import { readTmxTree } from '../../pipeline/tm/tmx.ts';
import { decodeTextResource } from '../../pipeline/util/text-resource.ts';
import { scanTmx } from '../../pipeline/tm/tmx-scan.ts';

const root = path.join(import.meta.dirname, '..', '..');
const same = (text: string) => JSON.stringify(scanTmx(text)) === JSON.stringify(readTmxTree(text, 'x.tmx'));

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

test('should leave every refused TMX of the invalid corpus to the tree parser', () => {
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
      assert.equal(JSON.stringify(scanned), JSON.stringify(readTmxTree(text, 'x.tmx')));
    }),
    { numRuns: 3000 },
  );
  // A scanner that refused everything would pass the property without comparing anything.
  assert.ok(accepted >= 100, `the scanner accepted only ${accepted} of 3000 documents`);
  assert.ok(withUnits >= 15, `only ${withUnits} accepted documents held a unit`);
});
