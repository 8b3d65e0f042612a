import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../pipeline/errors.ts';
import { parseGlossaryCsv } from '../../pipeline/glossary/csv.ts';
import { Glossary } from '../../pipeline/glossary/glossary.ts';
import { parseTbx } from '../../pipeline/glossary/tbx.ts';
import { TranslationMemory } from '../../pipeline/tm/memory.ts';
import { parseTmx } from '../../pipeline/tm/tmx.ts';

const tmx = (units: string) => `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext"/>
<body>
${units}
</body></tmx>`;

test('parseTmx reads units, decodes references and drops inline codes', () => {
  const document = parseTmx(
    tmx(
      '<tu tuid="a"><tuv xml:lang="en"><seg>Trade &amp; <ph>&lt;b&gt;</ph>aid</seg></tuv><tuv xml:lang="ru-RU"><seg>Торговля и помощь</seg></tuv></tu>',
    ),
    'm.tmx',
  );
  assert.equal(document.srclang, 'en');
  assert.deepEqual(
    [...document.units[0]!.variants],
    [
      ['en', 'Trade & aid'],
      ['ru-RU', 'Торговля и помощь'],
    ],
  );
});

test('parseTmx refuses entity declarations and names file and line of broken markup', () => {
  const bomb =
    '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><tmx version="1.4"><header srclang="en"/><body/></tmx>';
  assert.throws(
    () => parseTmx(bomb, 'bomb.tmx'),
    (error: unknown) => error instanceof InputError && /^bomb\.tmx:1:\d+: .*entity declaration/.test(error.message),
  );
  assert.throws(
    () => parseTmx(tmx('<tu><tuv xml:lang="en"><seg>open</tuv></tu>'), 'broken.tmx'),
    (error: unknown) => error instanceof InputError && /^broken\.tmx:4:\d+: Unexpected XML/.test(error.message),
  );
  assert.throws(
    () => parseTmx(tmx('<tu><tuv><seg>x</seg></tuv></tu>'), 'nolang.tmx'),
    /nolang\.tmx:4:1: Unexpected <tuv> without xml:lang/,
  );
});

test('TranslationMemory: exact match ignores typography, walks the chain, and keeps the newer of two conflicting units', () => {
  const memory = new TranslationMemory();
  memory.add(
    parseTmx(
      tmx(`<tu tuid="1" changedate="20250101T000000Z"><tuv xml:lang="en"><seg>It's "done".</seg></tuv><tuv xml:lang="ru"><seg>Старое.</seg></tuv></tu>
<tu tuid="2" changedate="20260101T000000Z"><tuv xml:lang="en"><seg>It’s “done”.</seg></tuv><tuv xml:lang="ru"><seg>Готово.</seg></tuv></tu>`),
      'm.tmx',
    ),
    'en',
  );
  assert.equal(memory.lookup('It’s  “done”.', ['ky', 'ru'])?.target, 'Готово.');
  assert.equal(memory.lookup('It’s “done”.', ['ky'])?.target, undefined);
  assert.equal(memory.conflicts.length, 1);
  assert.equal(memory.conflicts[0]?.dropped.id, '1');
});

const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c-kyrgyzstan"><descrip type="subjectField">place</descrip>
<langSec xml:lang="en"><termSec><term>Kyrgyzstan</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec><termSec><term>Kirghizia</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="ru"><termSec><term>Кыргызстан</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec><termSec><term>Киргизия</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
<conceptEntry id="c-kyrgyz-republic"><langSec xml:lang="en"><termSec><term>Kyrgyz Republic</term></termSec></langSec><langSec xml:lang="ru"><termSec><term>Киргизская Республика</term></termSec></langSec></conceptEntry>
</body></text></tbx>`;

test('parseTbx reads concepts with status; Glossary translates labels to the preferred term and spots terms longest first', () => {
  const concepts = parseTbx(tbx, 'g.tbx');
  assert.equal(concepts.length, 2);
  assert.equal(concepts[0]?.subject, 'place');
  assert.equal(concepts[0]?.line, 4);
  const glossary = new Glossary(concepts);
  assert.equal(glossary.translate('Kyrgyzstan', 'en', ['ru'])?.text, 'Киргизия');
  assert.equal(glossary.translate('Kyrgyzstan', 'en', ['ky']), undefined);
  const hits = glossary.find('The Kyrgyz Republic, also Kyrgyzstan (not Kirghizia), not Kyrgyzstani.', 'en');
  assert.deepEqual(
    hits.map((hit) => [hit.term.text, hit.term.status]),
    [
      ['Kyrgyz Republic', 'preferred'],
      ['Kyrgyzstan', 'preferred'],
      ['Kirghizia', 'deprecated'],
    ],
  );
});

test('parseGlossaryCsv reads variants with status markers and rejects an unknown column', () => {
  const concepts = parseGlossaryCsv('id,subject,en,ru\nc-kg,place,Kyrgyzstan|!Kirghizia,Киргизия|~Кыргызстан\n', 'g.csv');
  assert.deepEqual(concepts[0]?.terms.get('en'), [
    { text: 'Kyrgyzstan', status: 'preferred', statusName: 'preferred', termType: undefined, line: 2, column: 12 },
    { text: 'Kirghizia', status: 'deprecated', statusName: 'deprecated', termType: undefined, line: 2, column: 12 },
  ]);
  // The column of the cell holding the terms; the concept's is its id cell's.
  assert.equal(concepts[0]?.terms.get('ru')?.[0]?.column, 34);
  assert.deepEqual([concepts[0]?.line, concepts[0]?.column], [2, 1]);
  assert.throws(() => parseGlossaryCsv('en,not a language!\nx,y\n', 'bad.csv'), /bad\.csv:1:4: Unexpected column “not a language!”/);
  assert.throws(() => parseGlossaryCsv('en,ru\nx,y,z\n', 'ragged.csv'), /ragged\.csv:2:1: Unexpected CSV/);
});
