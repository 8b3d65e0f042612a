import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { escapeXml, xml } from '../../templates/xml.ts';
import { toHast } from '../../pipeline/render/html/to-hast.ts';
import { serializeXhtml } from '../../pipeline/render/serialize.ts';
import { zip } from '../../pipeline/render/zip.ts';
import { h } from 'hastscript';

test('toHast refuses a node type it has no handler for', () => {
  assert.throws(() => toHast({ children: [{ type: 'table', children: [] }] }, 'en'), /Cannot handle unknown node `table`/);
});

test('toHast escapes transcript text and marks fallback segments with their language', () => {
  const out = serializeXhtml({
    type: 'root',
    children: toHast(
      {
        children: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'segment',
                id: 's1',
                source: 'x',
                status: 'fallback',
                lang: 'en',
                children: [{ type: 'text', value: '<script>alert(1)</script>\u00a0&' }],
              },
            ],
          },
        ],
      },
      'ru',
    ),
  });
  assert.match(
    out,
    /<p><span lang="en" class="untranslated" data-segment="s1">&#x3C;script>alert\(1\)&#x3C;\/script>\u00a0&#x26;<\/span><\/p>/,
  );
  assert.doesNotMatch(out, /&nbsp;/);
  assert.match(serializeXhtml({ type: 'root', children: [h('hr')] }), /<hr \/>/);
});

test('xml template escapes every interpolation', () => {
  assert.equal(xml`<t a="${'"x" & <y>'}">${"it's"}</t>`, '<t a="&quot;x&quot; &amp; &lt;y&gt;">it&apos;s</t>');
  assert.equal(escapeXml('a&b'), 'a&amp;b');
});

test('zip writes entries in order, the first one stored, with the fixed date, byte-identical across runs', async () => {
  const date = new Date('2025-11-26T00:00:00Z');
  const entries = [
    { path: 'mimetype', contents: 'application/epub+zip', store: true },
    { path: 'a.txt', contents: 'hello hello hello hello' },
  ];
  const first = Buffer.from(await zip(entries, date));
  const second = Buffer.from(await zip(entries, date));
  assert.ok(first.equals(second));
  assert.equal(first.readUInt32LE(0), 0x04034b50);
  assert.equal(first.readUInt16LE(8), 0, 'mimetype is stored, not deflated');
  assert.equal(first.toString('latin1', 30, 38), 'mimetype');
  assert.equal(first.readUInt16LE(28), 0, 'no extra field on mimetype');
  assert.equal(first.toString('latin1', 38, 58), 'application/epub+zip');
  const second0 = first.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 58);
  assert.equal(first.readUInt16LE(second0 + 8), 8, 'other entries are deflated');
  const nameLength = first.readUInt16LE(second0 + 26);
  const extraLength = first.readUInt16LE(second0 + 28);
  assert.equal(first.toString('latin1', second0 + 30, second0 + 30 + nameLength), 'a.txt');
  const dataStart = second0 + 30 + nameLength + extraLength;
  assert.equal(inflateRawSync(first.subarray(dataStart)).toString(), 'hello hello hello hello');
});

test('a generic speaker role prints the locale’s word in the page’s language, a person their name', async () => {
  const { readFileSync } = await import('node:fs');
  const catalog = (lng: string) => JSON.parse(readFileSync(new URL(`../../locales/${lng}/ui.json`, import.meta.url), 'utf8'));
  for (const [lng, word] of [
    ['ru', 'Реплика'],
    ['ky', 'Реплика'],
    ['en', 'Remark'],
  ] as const) {
    const strings = catalog(lng);
    const t = (key: string) => key.split('.').reduce((node, part) => node?.[part], strings) as string;
    const out = serializeXhtml({
      type: 'root',
      children: toHast(
        {
          children: [
            { type: 'speakerTurn', speaker: { name: 'REPLICA', role: '', generic: 'remark' }, children: [] },
            { type: 'speakerTurn', speaker: { name: 'Ivo Danter', role: '' }, children: [] },
          ],
        },
        lng,
        {},
        t,
      ),
    });
    assert.match(out, new RegExp(`<h2 class="speaker"><span class="name generic">${word}</span></h2>`));
    assert.doesNotMatch(out, /REPLICA|lang="en">Remark/);
    assert.match(out, /<bdi class="name">Ivo Danter<\/bdi>/);
  }
});
