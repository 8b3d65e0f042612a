// The XLIFF import's merge (xliff/tmx-merge.ts) splices by the scanner's offsets: in a large memory only the
// units a translation changes are rewritten and new ones added before </body>; every other byte stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateUnits, toTmx } from '../bench/tm/generate.ts';
import { parseTmx } from '../pipeline/tm/tmx.ts';
import { scanTmx, type ScannedTmx } from '../pipeline/tm/tmx-scan.ts';
import { mergeIntoTmx, memoryStates, type MergeEntry } from '../pipeline/xliff/tmx-merge.ts';

const provenance = { date: '20261204T120000Z', translator: 'Aida', file: 'talk.ru.xlf' };

/** The text with the header, the units of `replaced` (by tuid) and the units of `dropped` (with the white space before each) taken out. */
function skeleton(text: string, scanned: ScannedTmx, replaced: ReadonlySet<string>, dropped: ReadonlySet<string>): string {
  const cuts: [number, number, string][] = [[scanned.headerStart, scanned.headerEnd, '<<header>>']];
  for (const unit of scanned.units) {
    const id = unit.attributes.tuid ?? '';
    if (replaced.has(id)) cuts.push([unit.place.offset, unit.end, `<<${id}>>`]);
    else if (dropped.has(id)) {
      let start = unit.place.offset;
      while (/\s/.test(text[start - 1]!)) start -= 1;
      cuts.push([start, unit.end, '']);
    }
  }
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, marker] of cuts) {
    out += text.slice(at, start) + marker;
    at = end;
  }
  return out + text.slice(at);
}

test('should rewrite only the changed units of a 5 MB memory and keep every other byte', () => {
  const units = generateUnits(16_000, 3);
  // Bytes a rewrite by a tree would lose or reformat: a note, an unknown prop, single quotes, a comment, CRLF.
  let text = toTmx(units)
    .replace(
      '<tu tuid="b10" changedate="20250101T000000Z">',
      '<tu tuid=\'b10\' changedate=\'20250101T000000Z\' x-tool="kept">\r\n<note>A note &amp; more</note><prop type="x-other">kept</prop>',
    )
    .replace('<body>', '<body>\n<!-- exported by a tool -->');
  text = text.replace(/<tu tuid="b20" /, '<tu tuid="b20" usagecount="3" ');
  assert.ok(text.length >= 5 * 1024 * 1024, `${text.length} characters`);
  const changed = [10, 20, ...Array.from({ length: 60 }, (_, i) => 100 + i * 250)];
  const entries: MergeEntry[] = changed.map((index, i) => ({
    id: `talk:${i}:x`,
    source: units[index]!.source,
    target: `Новый перевод ${i} <& "кавычки">`,
    state: 'translated',
    context: { doc: 'talk', prev: '', next: `next ${i}` },
  }));
  for (let i = 0; i < 20; i += 1)
    entries.push({
      id: `talk:new${i}:x`,
      source: `A sentence the memory never held, number ${i}.`,
      target: `Новое ${i}.`,
      state: 'reviewed',
    });
  const merged = mergeIntoTmx(text, 'en', 'ru', entries, provenance);

  const before = scanTmx(text)!;
  const after = scanTmx(merged)!;
  assert.equal(after.units.length, before.units.length + 20);
  const replaced = new Set(changed.map((index) => `b${index}`));
  const added = new Set(after.units.slice(before.units.length).map((unit) => unit.attributes.tuid!));
  assert.equal(added.size, 20);
  assert.equal(
    skeleton(merged, after, replaced, added),
    skeleton(text, before, replaced, new Set()),
    'bytes outside the changed units moved',
  );

  // The changed units hold the new translations with their provenance, and keep what was theirs.
  const read = parseTmx(merged, 'memory.tmx');
  const byId = new Map(read.units.map((unit) => [unit.id, unit]));
  changed.forEach((index, i) => assert.equal(byId.get(`b${index}`)?.variants.get('ru'), entries[i]!.target));
  const ten = merged.slice(after.units[10]!.place.offset, after.units[10]!.end);
  for (const kept of ['x-tool="kept"', '<note>A note &amp; more</note>', '<prop type="x-other">kept</prop>', "tuid='b10'"])
    assert.ok(ten.includes(kept), kept);
  assert.match(ten, /changedate="20261204T120000Z"/);
  assert.match(ten, /<prop type="x-pressroom-next">next 0<\/prop>/);
  assert.ok(merged.slice(after.units[20]!.place.offset, after.units[20]!.end).includes('usagecount="3"'));
  assert.equal(memoryStates(merged, 'en', 'ru').get('A sentence the memory never held, number 3.')?.state, 'reviewed');

  // Once merged, the same entries change nothing.
  assert.equal(mergeIntoTmx(merged, 'en', 'ru', entries, provenance), merged);
});

test('should add the segmentation record and new units to a self-closing header and body', () => {
  const text = '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body/></tmx>\n';
  const merged = mergeIntoTmx(
    text,
    'en',
    'ky',
    [{ id: 'a:1:x', source: 'Thank you.', target: 'Рахмат.', state: 'translated' }],
    provenance,
  );
  const read = parseTmx(merged, 'memory.tmx');
  assert.equal(read.units.length, 1);
  assert.equal(read.units[0]?.variants.get('ky'), 'Рахмат.');
  // On the header's own line: no unit moves (cache keys and messages name units by line).
  assert.match(merged, /<header srclang="en"><prop type="x-pressroom-segmentation">[^<]+<\/prop><\/header>/);
});

test('should refuse to merge into a memory it cannot read, naming the place', () => {
  assert.throws(
    () =>
      mergeIntoTmx(
        '<tmx version="1.4"><header srclang="en"/><body><tu><?pi?></tu></body></tmx>',
        'en',
        'ru',
        [],
        provenance,
        'locales/ru/memory.tmx',
      ),
    /locales\/ru\/memory\.tmx:1:\d+: Unexpected a processing instruction/,
  );
});
