// XLIFF writers and readers, import validation and the TMX merge, checked through their pure cores and
// against Debian's translate-toolkit (pocount, xliff2po, po2xliff) and xmllint as independent readers.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { PhrasingContent } from 'mdast';
import { Glossary } from '../pipeline/glossary/glossary.ts';
import { parseTbx } from '../pipeline/glossary/tbx.ts';
import { parseTmx } from '../pipeline/tm/tmx.ts';
import type { Segment } from '../pipeline/types.ts';
import type { LocaleSegments } from '../pipeline/xliff/collect.ts';
import { exportDocument, textKind } from '../pipeline/xliff/export.ts';
import {
  canonical,
  fromPhrasing,
  plainText,
  unitId,
  type Inline,
  type Suggestion,
  type Unit,
  type XliffFile,
} from '../pipeline/xliff/model.ts';
import { readXliff } from '../pipeline/xliff/read.ts';
import { mergeIntoTmx, memoryStates } from '../pipeline/xliff/tmx-merge.ts';
import { similarity } from '../pipeline/tm/fuzzy.ts';
import { validateReturn, type ProjectUnit } from '../pipeline/xliff/validate.ts';
import { writeXliff } from '../pipeline/xliff/write.ts';
import { repo } from './helpers/cli.ts';
import { checkXliff2 } from './helpers/xliff2-structure.ts';

/** pocount's summary (its --csv mode fails in translate-toolkit 3.8.4, so the table is read). */
function pocount(file: string) {
  // eslint-disable-next-line no-control-regex -- pocount colours its table
  const text = execFileSync('pocount', [file], { encoding: 'utf8' }).replace(/\u001b\[[0-9;]*m/g, '');
  const count = (label: string) => Number(new RegExp(`^${label}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  return { total: count('Total'), translated: count('Translated'), fuzzy: count('Fuzzy'), untranslated: count('Untranslated') };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-xliff-unit-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// "The <b>President</b> met 25 officials & guests.<br>" — a pair and a placeholder, characters to escape.
const phrasing: PhrasingContent[] = [
  { type: 'text', value: 'The ' },
  { type: 'strong', children: [{ type: 'text', value: 'President' }] },
  { type: 'text', value: ' met 25 officials & "guests" <today>.' },
  { type: 'break' },
];
const coded = fromPhrasing(phrasing);
const plain = (text: string): Inline[] => [{ kind: 'text', text }];

function unit(position: number, source: Inline[], extra: Partial<Unit> = {}): Unit {
  return {
    id: unitId('doc', position, source),
    source,
    target: undefined,
    state: 'initial',
    translate: true,
    notes: [],
    suggestions: [],
    terms: [],
    ...extra,
  };
}

const sample = (version: '1.2' | '2.1'): XliffFile => ({
  version,
  original: 'doc',
  sourceLang: 'en',
  targetLang: 'ky',
  units: [
    unit(1, plain('Good afternoon.'), {
      translate: false,
      target: plain('Кутман күн.'),
      state: 'final',
      notes: [{ from: 'speaker', text: 'Sadyr Japarov' }],
    }),
    unit(2, coded, {
      notes: [{ from: 'document', text: 'Press statements, 2025-11-26' }],
      suggestions: [
        { score: 87, source: 'The President met 24 officials.', target: 'Президент 24 кызматкер менен жолукту.', origin: 'memory.tmx' },
      ],
      terms: [{ source: 'President', target: 'Президент', avoid: ['Призидент'] }],
    }),
    unit(3, plain('Kyrgyzstan and Russia.'), { target: plain('Кыргызстан жана Россия.'), state: 'initial' }),
    unit(4, plain('Thank you.'), { target: plain('Рахмат.'), state: 'final' }),
  ],
});

for (const version of ['1.2', '2.1'] as const) {
  test(`XLIFF ${version}: what is written reads back unit for unit, codes and escaping included`, () => {
    const xml = writeXliff(sample(version));
    const back = readXliff(xml, `doc.ky.xlf`);
    assert.equal(back.original, 'doc');
    assert.equal(back.targetLang, 'ky');
    assert.deepEqual(
      back.units.map((entry) => entry.id),
      sample(version).units.map((entry) => entry.id),
    );
    assert.deepEqual(back.units[1]!.source, coded);
    assert.equal(canonical(back.units[1]!.source), 'The {1}President{/1} met 25 officials & "guests" <today>.{ph:2}');
    assert.deepEqual(
      back.units.map((entry) => entry.translate),
      [false, true, true, true],
    );
    assert.equal(back.units[0]!.state, 'final');
    assert.equal(back.units[3]!.state, 'final');
    assert.ok(xml.includes('&amp; &quot;guests&quot; &lt;today&gt;.'));
    if (version === '1.2') {
      assert.match(xml, /<alt-trans match-quality="87" origin="memory.tmx">/);
      assert.match(xml, /<note from="glossary">Glossary: President → Президент \(not: Призидент\)<\/note>/);
      assert.match(
        xml,
        /<source xml:lang="en">The <g id="1">President<\/g> met 25 officials &amp; &quot;guests&quot; &lt;today&gt;.<x id="2"\/><\/source>/,
      );
      // The translator a 1.2 file names (header/phase-group/phase@contact-name) becomes the TMX changeid.
      const named = xml.replace(
        '<tool tool-id="pressroom" tool-name="pressroom"/>',
        '$&<phase-group><phase phase-name="t1" process-name="translation" contact-name="Aida Translator"/></phase-group>',
      );
      assert.equal(readXliff(named, 'doc.ky.xlf').translator, 'Aida Translator');
      // A prefilled 1.2 target waits for review: the reader says it is not ready.
      assert.equal(back.units[2]!.state, undefined);
      assert.equal(back.units[2]!.stateName, 'needs-review-translation');
    } else {
      assert.match(xml, /<segment id="s1" state="final">/);
      assert.match(xml, /<mtc:match id="m1" ref="#s1" type="tm" similarity="87"/);
      assert.match(xml, /<gls:glossEntry>\s*<gls:term>President<\/gls:term>\s*<gls:translation>Президент<\/gls:translation>/);
    }
  });
}

test('XLIFF 2.1 output passes xmllint and the structural check written from the OASIS specification', () => {
  const file = path.join(dir, 'doc.ky.xlf');
  const xml = writeXliff(sample('2.1'));
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', file]);
  assert.deepEqual(checkXliff2(xml), []);
  // The check is not vacuous: the faults the specification names are found.
  const broken = xml
    .replace('<segment id="s1" state="final">', '<segment id="s1" state="done">')
    .replace('ref="#s1"', 'ref="#s9"')
    .replace('<notes>', '<notes><bogus/>');
  const problems = checkXliff2(broken);
  assert.ok(problems.some((problem) => problem.includes('state done')));
  assert.ok(problems.some((problem) => problem.includes('ref must point')));
  assert.ok(problems.some((problem) => problem.includes('<notes> holds')));
  assert.ok(
    checkXliff2(
      xml.replace(/<notes>[\s\S]*?<\/notes>\s*(<segment)/, '$1').replace(/(<\/segment>)/, '$1<notes><note>x</note></notes>'),
    ).some((p) => p.includes('out of order')),
  );
});

/** The project as the validator sees it: the exported units, with the current ky translation of unit 4. */
function projectOf(file: XliffFile, current: Record<number, { text: string; state: 'translated' | 'reviewed' | 'final' }> = {}) {
  return (slug: string, position: number): ProjectUnit | undefined => {
    const found = file.units.find((entry) => entry.id === unitId(slug, position, entry.source));
    return (
      found && {
        id: `s${position}`,
        source: found.source,
        sourceText: plainText(found.source),
        current: current[position],
        recorded: current[position],
      }
    );
  };
}

function returned(targets: Record<number, string>, state = 'translated'): string {
  let xml = writeXliff(sample('1.2'));
  for (const [position, target] of Object.entries(targets)) {
    const id = sample('1.2').units[Number(position) - 1]!.id;
    xml = xml.replace(
      new RegExp(`(<trans-unit id="${id}"[^>]*>\\s*<source[^>]*>.*?</source>)(\\s*<target[^>]*>.*?</target>)?`),
      `$1<target xml:lang="ky" state="${state}">${target}</target>`,
    );
  }
  return xml;
}

test('import validation: codes kept, numbers kept, states forward; the rest rejected with a reason', () => {
  const file = sample('1.2');
  const expected = { sourceLang: 'en', targetLang: 'ky', why: 'test' };
  const check = (xml: string, current = {}) => validateReturn(readXliff(xml, 'doc.ky.xlf'), expected, projectOf(file, current));

  const good = check(returned({ 2: '<g id="1">Президент</g> 25 кызматкер жана конок менен жолукту.<x id="2"/>' }));
  assert.deepEqual(good.rejected, []);
  assert.equal(
    good.accepted.find((entry) => entry.unitId === file.units[1]!.id)?.target,
    'Президент 25 кызматкер жана конок менен жолукту.',
  );

  const reason = (xml: string, current = {}) =>
    check(xml, current)
      .rejected.map((entry) => entry.reason)
      .join(' | ');
  assert.match(reason(returned({ 2: 'Президент 25 кызматкер менен жолукту.<x id="2"/>' })), /inline code pair 1 missing from the target/);
  assert.match(
    reason(returned({ 2: '<ept id="1">&lt;/b&gt;</ept>Президент<bpt id="1">&lt;b&gt;</bpt> 25 кызматкер.<x id="2"/>' })),
    /not balanced/,
  );
  assert.match(
    reason(returned({ 2: '<g id="1">Президент</g> 26 кызматкер менен жолукту.<x id="2"/>' })),
    /number “25” of the source is missing/,
  );
  // A wrong language is one mistake of the whole file: one rejection, at the <file> line, not one per unit.
  const wrong = check(returned({ 2: '<g id="1">П</g> 25<x id="2"/>' }).replace('target-language="ky"', 'target-language="ru"'));
  assert.equal(wrong.rejected.length, 1);
  assert.match(wrong.rejected[0]!.reason, /the file says target-language="ru" but test/);
  assert.equal(wrong.rejected[0]!.line, 3);
  assert.match(
    reason(returned({ 2: '<g id="1">П</g> 25<x id="2"/>' }).replace('met 25 officials', 'met 26 officials')),
    /<source> was edited/,
  );
  assert.match(
    reason(returned({ 1: 'Саламатсызбы.' }, 'final'), { 1: { text: 'Кутман күн.', state: 'final' } }),
    /read-only context unit was changed/,
  );
  assert.match(
    reason(returned({ 4: 'Чоң рахмат.' }, 'translated'), { 4: { text: 'Рахмат!', state: 'final' } }),
    /state moves backward from “final” to “translated”/,
  );
  // Same text, same state: nothing to do. A target still marked for review waits.
  assert.equal(check(returned({ 4: 'Рахмат.' }, 'final'), { 4: { text: 'Рахмат.', state: 'final' } }).unchanged, 1);
  // Another text than the memory's is an update; no translation in the memory yet, a new one.
  const changes = check(returned({ 2: '<g id="1">П</g> 25<x id="2"/>', 4: 'Чоң рахмат.' }, 'final'), {
    4: { text: 'Рахмат.', state: 'translated' },
  }).accepted.map((entry) => entry.change);
  assert.deepEqual(changes, ['new', 'updated']);
  assert.equal(check(returned({ 2: '<g id="1">П</g> 25<x id="2"/>' }, 'needs-review-translation')).pending >= 1, true);
});

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext" x-custom="kept"/>
  <body>
    <tu tuid="a" changedate="20240101T000000Z">
      <note>Keep me.</note>
      <tuv xml:lang="en"><seg>Thank you.</seg></tuv>
      <tuv xml:lang="ru"><seg>Спасибо.</seg></tuv>
    </tu>
  </body>
</tmx>
`;

test('TMX merge: provenance recorded, other content byte for byte, merging twice changes nothing; translate-toolkit counts the units', () => {
  const provenance = { date: '20261128T150000Z', translator: 'Aida', file: 'doc.ky.xlf' };
  const entries = [
    { id: 'a', source: 'Thank you.', target: 'Рахмат & ыраазычылык.', state: 'translated' as const },
    { id: 's2', source: 'Good <afternoon>.', target: 'Кутман күн.', state: 'reviewed' as const },
  ];
  const once = mergeIntoTmx(TMX, 'en', 'ky', entries, provenance);
  assert.equal(mergeIntoTmx(once, 'en', 'ky', entries, provenance), once);
  assert.ok(once.includes('<note>Keep me.</note>') && once.includes('x-custom="kept"') && once.includes('<seg>Спасибо.</seg>'));
  assert.match(
    once,
    /<tu tuid="a" changedate="20261128T150000Z" changeid="Aida">\s*<prop type="x-pressroom-state">translated<\/prop>\s*<prop type="x-pressroom-file">doc.ky.xlf<\/prop>/,
  );
  const units = parseTmx(once, 'merged.tmx').units;
  assert.equal(units.length, 2);
  assert.equal(units[0]!.variants.get('ky'), 'Рахмат & ыраазычылык.');
  assert.equal(units[1]!.variants.get('en'), 'Good <afternoon>.');
  assert.deepEqual(memoryStates(once, 'en', 'ky').get('Good <afternoon>.'), { text: 'Кутман күн.', state: 'reviewed' });
  const file = path.join(dir, 'merged.tmx');
  writeFileSync(file, once);
  assert.equal(pocount(file).total, 2);
  const count = execFileSync(
    '/usr/bin/python3',
    ['-c', 'import sys\nfrom translate.storage import tmx\nprint(len(tmx.tmxfile.parsefile(sys.argv[1]).units))', file],
    { encoding: 'utf8' },
  );
  assert.equal(count.trim(), '2');
});

test('translate-toolkit reads our XLIFF 1.2: pocount counts and states, xliff2po entries', () => {
  const file = path.join(dir, 'doc.ky.xlf');
  writeFileSync(file, writeXliff(sample('1.2')));
  // Unit 1 is read-only context (not counted), 2 untranslated, 3 prefilled for review (fuzzy), 4 translated.
  assert.deepEqual(pocount(file), { total: 3, translated: 1, fuzzy: 1, untranslated: 1 });
  const po = path.join(dir, 'doc.ky.po');
  execFileSync('xliff2po', [file, po], { stdio: 'ignore' });
  const text = readFileSync(po, 'utf8');
  assert.ok(text.includes('#: doc:2:') && text.includes('msgstr "Рахмат."'));
});

test('an XLIFF 1.2 file written back by po2xliff imports: ids recovered from the PO locations', () => {
  const file = path.join(dir, 'trip.ky.xlf');
  writeFileSync(file, writeXliff(sample('1.2')));
  const po = path.join(dir, 'trip.po');
  execFileSync('xliff2po', [file, po], { stdio: 'ignore' });
  // The translator accepts the prefilled unit 3 in a PO editor (as Poedit or Weblate would): unfuzzied.
  const filled = readFileSync(po, 'utf8').replace(/(#: doc:3:[0-9a-f]+\n)#, fuzzy\n/, '$1');
  assert.notEqual(filled, readFileSync(po, 'utf8'));
  writeFileSync(po, filled);
  const back = path.join(dir, 'back.ky.xlf');
  execFileSync('po2xliff', [po, back], { stdio: 'ignore' });
  const parsed = readXliff(readFileSync(back, 'utf8'), 'back.ky.xlf');
  // What the project publishes now: the context unit and unit 4 (final), untouched by the round trip.
  const current = { 1: { text: 'Кутман күн.', state: 'final' as const }, 4: { text: 'Рахмат.', state: 'final' as const } };
  const verdict = validateReturn(parsed, { sourceLang: 'en', targetLang: 'ky', why: 'file name' }, projectOf(sample('1.2'), current));
  assert.deepEqual(verdict.rejected, []);
  // po2xliff marks every unfuzzied entry approved="yes": read as reviewed, as Weblate reads it.
  assert.deepEqual(
    verdict.accepted.map((entry) => [entry.unitId, entry.target, entry.state]),
    [[sample('1.2').units[2]!.id, 'Кыргызстан жана Россия.', 'reviewed']],
  );
  assert.equal(verdict.unchanged, 2);
  assert.equal(verdict.pending, 1);
  // PO cannot carry inline codes: a filled unit that had them is refused with the reason, not imported flat.
  const coded = readFileSync(po, 'utf8').replace(
    /(msgid "The President met 25 officials[^\n]*\nmsgstr )""/,
    '$1"Президент 25 кызматкер менен жолукту."',
  );
  writeFileSync(po, coded);
  execFileSync('po2xliff', [po, back], { stdio: 'ignore' });
  const flat = validateReturn(
    readXliff(readFileSync(back, 'utf8'), 'back.ky.xlf'),
    { sourceLang: 'en', targetLang: 'ky', why: 'file name' },
    projectOf(sample('1.2'), current),
  );
  assert.match(flat.rejected.map((entry) => entry.reason).join(), /inline codes of <source> are gone/);
});

test("suggestion score: the build's word edit distance over the longer sentence, fuzzy capped at 99", () => {
  assert.equal(similarity(['the', 'president', 'met', 'officials'], ['the', 'president', 'met', 'officials']), 100);
  assert.equal(similarity(['the', 'president', 'met', 'officials'], ['the', 'president', 'saw', 'officials']), 75);
  assert.equal(similarity(['a', 'b'], ['a', 'b', 'c', 'd']), 50);
  assert.equal(similarity([], ['a']), 0);
  // The build's score: a fuzzy match is never 100, however long the sentence (rounding would give 100 here).
  const long = Array.from({ length: 300 }, (_, i) => `w${i}`);
  assert.equal(similarity(long, [...long.slice(0, -1), 'other']), 99);
});

// Found by the damaged-export fuzz test (seed -1402997762): a comment that swallowed the start of the
// next unit left a `<trans-unit` in comment text, and the reader's place list, which counted it, no longer
// matched the parser's units.
test('a <trans-unit> written inside a comment is not a unit, and the units keep their lines', () => {
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    '  <file original="doc" source-language="en" target-language="ky" datatype="plaintext"><body>',
    '    <trans-unit id="doc:1:aaaaaaaaaaaa"><!-- <trans-unit id="x"> <![CDATA[ --><source>One.</source></trans-unit>',
    '    <?pi <trans-unit ?><![CDATA[<trans-unit id="y">]]>',
    '    <trans-unit id="doc:2:bbbbbbbbbbbb"><source>Two.</source></trans-unit>',
    '  </body></file>',
    '</xliff>',
  ].join('\n');
  const read = readXliff(text, 'doc.ky.xlf');
  assert.deepEqual(
    read.units.map((unit) => [unit.id, unit.line]),
    [
      ['doc:1:aaaaaaaaaaaa', 4],
      ['doc:2:bbbbbbbbbbbb', 6],
    ],
  );
});

test('export: a stale translation goes out as the target for review with the deprecated term as the reason; prefill only at the threshold and of the same kind', () => {
  const glossary = new Glossary(parseTbx(readFileSync(path.join(repo, 'locales', 'glossary.tbx'), 'utf8'), 'glossary.tbx'));
  const segment = (id: string, source: string, status: Segment['status'], target?: string): Segment => ({
    type: 'segment',
    id,
    source,
    status,
    lang: target ? 'ky' : 'en',
    children: [{ type: 'text', value: target ?? source }],
  });
  const sentences = [
    segment('a', 'Kyrgyzstan and Russia signed seven agreements today.', 'stale', 'Киргизия жана Россия бүгүн жети келишимге кол коюшту.'),
    segment('b', 'The delegations met in the morning.', 'fallback'),
    segment('c', 'The ministers met in the evening.', 'fallback'),
  ];
  const doc: LocaleSegments = {
    file: { path: 'incoming/visit.md', slug: 'visit' },
    locale: 'ky',
    title: 'Visit',
    date: null,
    segments: sentences.map((source, index) => ({
      position: index + 1,
      source: { ...source, lang: 'en' },
      translated: source,
      speaker: undefined,
    })),
  };
  const suggestions: Record<string, Suggestion[]> = {
    // A title-like match scoring well for a sentence: never a draft for it.
    'The delegations met in the morning.': [
      { score: 80, source: 'The delegations met', target: 'Делегациялар жолукту', origin: 'memory.tmx' },
      { score: 60, source: 'The delegations met in Bishkek.', target: 'Делегациялар Бишкекте жолукту.', origin: 'memory.tmx' },
    ],
    'The ministers met in the evening.': [
      { score: 78, source: 'The ministers met in the morning.', target: 'Министрлер эртең менен жолукту.', origin: 'memory.tmx' },
    ],
  };
  const file = exportDocument(doc, {
    sourceLang: 'en',
    glossary,
    settings: { prefill: true },
    suggest: (source) => suggestions[source] ?? [],
  })!;
  assert.equal(file.original, 'incoming/visit.md');
  const [stale, titleLike, fuzzy] = file.units;
  assert.deepEqual(stale!.target, plain('Киргизия жана Россия бүгүн жети келишимге кол коюшту.'));
  assert.equal(stale!.review, true);
  assert.match(stale!.notes.find((note) => note.from === 'pressroom')!.text, /^stale: deprecated term “Киргизия”, use “Кыргызстан”$/);
  // 80 but a heading's words, 60 below the threshold (75): no draft; 78 of the same kind: the draft.
  assert.equal(titleLike!.target, undefined);
  assert.equal(titleLike!.suggestions.length, 2);
  assert.deepEqual(fuzzy!.target, plain('Министрлер эртең менен жолукту.'));
  const xml = writeXliff(file);
  assert.match(xml, /<target xml:lang="ky" state="needs-review-translation">Киргизия жана Россия/);
  assert.match(xml, /<target xml:lang="ky" state="needs-review-translation" state-qualifier="fuzzy-match">Министрлер/);
  // A higher threshold in the config: the 78 stays a suggestion.
  const strict = exportDocument(doc, {
    sourceLang: 'en',
    glossary,
    settings: { prefill: true, prefillMinScore: 85 },
    suggest: (source) => suggestions[source] ?? [],
  })!;
  assert.equal(strict.units[2]!.target, undefined);
  assert.equal(textKind('Press statements following talks in Bishkek'), 'heading');
  assert.equal(textKind('He said: “Thank you.”'), 'sentence');
});
