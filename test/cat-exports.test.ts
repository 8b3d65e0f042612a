// Memories, glossaries and returned XLIFF as CAT tools (Trados, memoQ, OmegaT, Phrase, MultiTerm, Excel)
// write them: one base file per format, rewritten in every standard form a tool may use (encodings, line
// endings, declaration quotes, DOCTYPE, language tag spellings, inline markup, TBX dialects and styles,
// CSV delimiters and headers, XLIFF segmentation), and read to the same content.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseGlossaryCsv } from '../pipeline/glossary/csv.ts';
import { parseTbx } from '../pipeline/glossary/tbx.ts';
import type { Concept } from '../pipeline/glossary/types.ts';
import { memoryStats } from '../pipeline/tm/stats.ts';
import { parseTmx } from '../pipeline/tm/tmx.ts';
import { decodeTextResource } from '../pipeline/util/text-resource.ts';
import { readXliff } from '../pipeline/xliff/read.ts';
import { mergeIntoTmx } from '../pipeline/xliff/tmx-merge.ts';
import { languageProblem, sameOrRegional } from '../pipeline/xliff/validate.ts';

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** `text` as a tool saves it: encoding with or without BOM, and CRLF line ends. */
function saved(text: string, encoding: Encoding, crlf: boolean): Buffer {
  const body = crlf ? text.replace(/\n/g, '\r\n') : text;
  if (encoding === 'utf-8') return Buffer.from(body, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\uFEFF${body}`, 'utf8');
  const le = Buffer.from(`\uFEFF${body}`, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

const encodings = fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be');

// ---------------------------------------------------------------- TMX

/** Inline forms of one source/target pair: the markup as written, and the text a reader must see. */
const INLINE: { en: string; ru: string; text: [string, string]; codes: number }[] = [
  { en: 'Good morning.', ru: 'Доброе утро.', text: ['Good morning.', 'Доброе утро.'], codes: 0 },
  {
    en: 'The <bpt i="1" type="bold" x="1"/>President<ept i="1"/> met <ph x="2" type="3"/> officials.',
    ru: '<bpt i="1" type="bold" x="1"/>Президент<ept i="1"/> встретился с <ph x="2" type="3"/> чиновниками.',
    text: ['The President met  officials.', 'Президент встретился с  чиновниками.'],
    codes: 3,
  },
  {
    en: 'Press <it pos="begin" x="1">&lt;b&gt;</it>start<it>&lt;/b&gt;</it>.',
    ru: 'Нажмите <it pos="begin" x="1">&lt;b&gt;</it>старт<it>&lt;/b&gt;</it>.',
    text: ['Press start.', 'Нажмите старт.'],
    codes: 2,
  },
  {
    en: 'Hello <hi type="b">big <hi type="i">world</hi></hi> 🌍',
    ru: 'Привет, <hi type="b">большой <hi type="i">мир</hi></hi> 🌍',
    text: ['Hello big world 🌍', 'Привет, большой мир 🌍'],
    codes: 2,
  },
  {
    en: 'See <ph type="image" x="1">&lt;img alt="<sub>Map</sub>"/&gt;</ph> below.',
    ru: 'См. <ph type="image" x="1">&lt;img alt="<sub>Карта</sub>"/&gt;</ph> ниже.',
    text: ['See  below.', 'См.  ниже.'],
    codes: 1,
  },
  {
    en: 'Old <ut>{\\b}</ut>tag<ut>{\\b0}</ut>.',
    ru: 'Старый <ut>{\\b}</ut>тег<ut>{\\b0}</ut>.',
    text: ['Old tag.', 'Старый тег.'],
    codes: 2,
  },
  {
    en: '<![CDATA[A <tag> & more]]>',
    ru: 'Кусок &lt;tag&gt; &amp; &#x431;&#1086;&#x43B;ее',
    text: ['A <tag> & more', 'Кусок <tag> & более'],
    codes: 0,
  },
];

/** Language tag spellings of en-US and ru-RU that tools write, with the canonical tags they stand for. */
const TAGS: [en: string, ru: string][] = [
  ['en-US', 'ru-RU'],
  ['EN-US', 'RU-RU'],
  ['en-us', 'ru-ru'],
  ['en_US', 'ru_RU'],
];

interface TmxForm {
  encoding: Encoding;
  crlf: boolean;
  quote: '"' | "'";
  doctype: string;
  version: '1.4' | '1.1';
  tags: [string, string];
  inline: number;
  props: boolean;
  /** An `<?xml-stylesheet?>` after the declaration, and a tab in an attribute value (XML makes it a space). */
  odd: boolean;
}

function tmxText(form: TmxForm): string {
  const q = form.quote;
  const a = (name: string, value: string) => `${name}=${q}${value}${q}`;
  const lang = form.version === '1.1' ? 'lang' : 'xml:lang';
  const pair = INLINE[form.inline]!;
  const declared = form.encoding.startsWith('utf-16') ? 'UTF-16' : 'UTF-8';
  const prop = (type: string, value: string) => (form.props ? `<prop type="${type}">${value}</prop>` : '');
  return `<?xml ${a('version', '1.0')} ${a('encoding', declared)}?>
${form.odd ? '<?xml-stylesheet type="text/xsl" href="tmx.xsl"?>' : ''}${form.doctype}<tmx ${a('version', form.version)}>
  <header ${a('creationtool', 'Tool')} ${a('creationtoolversion', '1')} ${a('segtype', 'sentence')} ${a('o-tmf', 'x')} ${a('adminlang', form.tags[0])} ${a('srclang', form.tags[0])} ${a('datatype', 'xml')}>
    ${prop('x-Recognizers', 'RecognizeAll')}<note>exported</note>
  </header>
  <body>
    <!-- exported -->
    <tu ${a('creationid', form.odd ? 'DOMAIN\tuser' : 'user')} ${a('creationdate', '20240101T120000Z')} ${a('changedate', '20240102T120000Z')}>
      ${prop('x-Context', '0, 0')}<note>unit note</note>
      <tuv ${a(lang, form.tags[0])}>${prop('x-context-pre', '&lt;seg&gt;Hi.&lt;/seg&gt;')}<seg>${pair.en}</seg></tuv>
      <tuv ${a(lang, form.tags[1])}><note>checked</note><seg>${pair.ru}</seg></tuv>
    </tu>
  </body>
</tmx>
`;
}

const tmxForms = fc.record<TmxForm>({
  encoding: encodings,
  crlf: fc.boolean(),
  quote: fc.constantFrom('"', "'"),
  doctype: fc.constantFrom(
    '',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n',
    '<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "tmx14.dtd">\n',
  ),
  version: fc.constantFrom('1.4', '1.1'),
  tags: fc.constantFrom(...TAGS),
  inline: fc.integer({ min: 0, max: INLINE.length - 1 }),
  props: fc.boolean(),
  odd: fc.boolean(),
});

test('a TMX reads to the same units in every form CAT tools export it in', () => {
  fc.assert(
    fc.property(tmxForms, (form) => {
      const file = 'memory.tmx';
      const text = decodeTextResource(saved(tmxText(form), form.encoding, form.crlf), file, 'a TMX file');
      const document = parseTmx(text, file);
      assert.equal(document.srclang, 'en-US');
      assert.equal(document.units.length, 1);
      const [unit] = document.units;
      const pair = INLINE[form.inline]!;
      // Text inside a <seg> is content: CRLF inside it would be too, but no form puts one there.
      assert.deepEqual(
        [...unit!.variants],
        [
          ['en-US', pair.text[0]],
          ['ru-RU', pair.text[1]],
        ],
      );
      assert.equal(unit!.codes?.get('en-US')?.length ?? 0, pair.codes);
      assert.equal(unit!.line, form.doctype ? 9 : 8);
    }),
    { numRuns: 300 },
  );
});

test('a TMX with two variants in one language keeps the first and says so; an empty <seg/> is an empty variant', () => {
  const text = `<?xml version="1.0"?>
<tmx version="1.4"><header srclang="*all*" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="xml"/><body>
<tu tuid="a"><tuv xml:lang="FR-CA"><seg>Un</seg></tuv><tuv xml:lang="en"><seg>One</seg></tuv><tuv xml:lang="fr-CA"><seg>Une</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="en"><seg>Two</seg></tuv><tuv xml:lang="ru"><seg/></tuv></tu>
</body></tmx>`;
  const document = parseTmx(text, 'm.tmx');
  assert.equal(document.units[0]!.variants.get('fr-CA'), 'Un');
  assert.deepEqual(document.units[0]!.repeated, ['fr-CA']);
  assert.equal(document.units[1]!.variants.get('ru'), '');
  const problems = memoryStats([{ file: 'm.tmx', document }], 'en').problems.map((problem) => `${problem.line} ${problem.ruleId}`);
  assert.ok(problems.includes('3 tm:repeated-language'), problems.join());
  assert.ok(problems.includes('4 tm:empty-segment'), problems.join());
  // A translation merged into the empty variant replaces the tag, and the result reads back.
  const merged = mergeIntoTmx(text, 'en', 'ru', [{ id: 'x', source: 'Two', target: 'Два', state: 'translated' }], {
    date: '20260101T000000Z',
    translator: undefined,
    file: 'r.xlf',
  });
  assert.match(merged, /<tuv xml:lang="ru"><seg>Два<\/seg><\/tuv>/);
  assert.equal(parseTmx(merged, 'm.tmx').units[1]!.variants.get('ru'), 'Два');
});

// ---------------------------------------------------------------- TBX

/** Status spellings per style, and what they mean. */
const STATUSES: [dca: string, min: string, meaning: 'preferred' | 'admitted' | 'deprecated'][] = [
  ['preferredTerm-admn-sts', 'preferred', 'preferred'],
  ['admittedTerm-admn-sts', 'admitted', 'admitted'],
  ['deprecatedTerm-admn-sts', 'notRecommended', 'deprecated'],
  ['supersededTerm-admn-sts', 'obsolete', 'deprecated'],
];

type TbxStyle = 'martif-tig' | 'martif-ntig' | 'martif-mixed' | 'martif-normative' | 'v3-dca' | 'v3-dct' | 'tbx-min';

function tbxText(style: TbxStyle, statuses: number[]): string {
  const terms: [string, string][] = [
    ['Президент', 'preferredTerm-admn-sts'],
    ...statuses.map((s, i): [string, string] => [`Термин${i}`, STATUSES[s]![0]]),
  ];
  const minStatus = (dca: string) => STATUSES.find(([written]) => written === dca)![1];
  switch (style) {
    case 'martif-tig':
    case 'martif-ntig':
    case 'martif-mixed':
    case 'martif-normative': {
      const note = (status: string) =>
        style === 'martif-normative'
          ? `<termNote type="normativeAuthorization">${status.replace('-admn-sts', '')}</termNote>`
          : `<termNote type="administrativeStatus">${status}</termNote>`;
      // martif-mixed: the first term in an ntig, the others in tigs (the tree lists the kinds apart).
      const term = ([text, status]: [string, string], index: number) =>
        style === 'martif-ntig' || (style === 'martif-mixed' && index === 0)
          ? `<ntig><termGrp><term>${text}</term>${note(status)}</termGrp></ntig>`
          : `<tig><term>${text}</term>${note(status)}</tig>`;
      return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="c1"><descripGrp><descrip type="subjectField">politics</descrip></descripGrp>
<langSet xml:lang="en">${term(['President', 'preferredTerm-admn-sts'], 0)}</langSet>
<langSet xml:lang="ru">${terms.map(term).join('\n')}</langSet>
</termEntry></body></text></martif>`;
    }
    case 'v3-dca':
    case 'v3-dct': {
      const term = ([text, status]: [string, string]) =>
        style === 'v3-dca'
          ? `<termSec><term>${text}</term><termNote type="administrativeStatus">${status}</termNote></termSec>`
          : `<termSec><term>${text}</term><min:administrativeStatus>${status}</min:administrativeStatus></termSec>`;
      return `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="${style === 'v3-dca' ? 'dca' : 'dct'}" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0" xmlns:min="http://www.tbxinfo.net/ns/min">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="c1"><descrip type="subjectField">politics</descrip>
<langSec xml:lang="en">${term(['President', 'preferredTerm-admn-sts'])}</langSec>
<langSec xml:lang="ru">${terms.map(term).join('\n')}</langSec>
</conceptEntry></body></text></tbx>`;
    }
    case 'tbx-min': {
      const term = ([text, status]: [string, string]) =>
        `<termGroup><term>${text}</term><administrativeStatus>${minStatus(status)}</administrativeStatus></termGroup>`;
      return `<?xml version="1.0" encoding="UTF-8"?>
<TBX dialect="TBX-Min"><header><id>x</id><languages source="en" target="ru"/></header>
<body><conceptEntry id="c1"><subjectField>politics</subjectField>
<langGroup xml:lang="en">${term(['President', 'preferredTerm-admn-sts'])}</langGroup>
<langGroup xml:lang="ru">${terms.map(term).join('\n')}</langGroup>
</conceptEntry></body></TBX>`;
    }
  }
}

test('a TBX concept reads to the same terms and statuses in every dialect and style', () => {
  fc.assert(
    fc.property(
      fc.constantFrom<TbxStyle>('martif-tig', 'martif-ntig', 'martif-mixed', 'martif-normative', 'v3-dca', 'v3-dct', 'tbx-min'),
      fc.array(fc.integer({ min: 0, max: STATUSES.length - 1 }), { maxLength: 4 }),
      encodings,
      fc.boolean(),
      (style, statuses, encoding, crlf) => {
        const problems: string[] = [];
        const text = decodeTextResource(saved(tbxText(style, statuses), encoding, crlf), 'g.tbx', 'a glossary');
        const [concept, ...rest] = parseTbx(text, 'g.tbx', (problem) => problems.push(problem.message));
        assert.deepEqual(problems, []);
        assert.equal(rest.length, 0);
        assert.equal(concept!.id, 'c1');
        assert.equal(concept!.subject, 'politics');
        assert.deepEqual(
          concept!.terms.get('ru')!.map((term) => [term.text, term.status]),
          [['Президент', 'preferred'], ...statuses.map((s, i) => [`Термин${i}`, STATUSES[s]![2]])],
        );
        // Each term carries the line of its own <term>.
        const lines = text.split('\n');
        for (const term of concept!.terms.get('ru')!) assert.ok(lines[term.line! - 1]!.includes(`<term>${term.text}</term>`), term.text);
      },
    ),
    { numRuns: 200 },
  );
});

// ---------------------------------------------------------------- CSV

const HEADERS: [en: string, ru: string, status: string, note: string, tags: [string, string]][] = [
  ['en', 'ru', 'status', 'note', ['en', 'ru']],
  ['EN-US', 'RU-RU', 'Status', 'Note', ['en-US', 'ru-RU']],
  ['en_US', 'ru_RU', 'Term status', 'Comment', ['en-US', 'ru-RU']],
  ['English', 'Russian', 'STATUS', 'Comments', ['en', 'ru']],
  ['English (United States)', 'русский', 'Administrative status', 'Remarks', ['en-US', 'ru']],
];

test('a CSV glossary reads to the same concepts whatever delimiter, encoding and header names a spreadsheet used', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(',', ';', '\t'),
      fc.integer({ min: 0, max: HEADERS.length - 1 }),
      encodings,
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      (delimiter, headerIndex, encoding, crlf, trailing, sepLine) => {
        const [en, ru, status, note, tags] = HEADERS[headerIndex]!;
        const quote = (cell: string) => (/[",;\t\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
        const rows = [
          [en, ru, status, note],
          ['President', 'Президент', 'preferred', 'two\nlines; "quoted", too'],
          ['Kyrgyzstan', 'Кыргызстан|!Киргизия', 'Not recommended', ''],
        ];
        // Excel saves a sheet with an empty last column as a trailing delimiter on every row.
        // Excel writes `sep=;` first when asked to keep the delimiter with the file.
        const csv =
          (sepLine ? `sep=${delimiter}\n` : '') +
          rows.map((row) => row.map(quote).join(delimiter) + (trailing ? delimiter : '')).join('\n') +
          '\n';
        const file = 'glossary.csv';
        const problems: string[] = [];
        const text = decodeTextResource(saved(csv, encoding, crlf), file, 'a glossary');
        const concepts: Concept[] = parseGlossaryCsv(text, file, (problem) => problems.push(problem.message));
        assert.deepEqual(problems, []);
        assert.deepEqual(
          concepts.map((concept) => [...concept.terms].map(([tag, terms]) => [tag, terms.map((term) => `${term.text}:${term.status}`)])),
          [
            [
              [tags[0], ['President:preferred']],
              [tags[1], ['Президент:preferred']],
            ],
            [
              [tags[0], ['Kyrgyzstan:deprecated']],
              [tags[1], ['Кыргызстан:deprecated', 'Киргизия:deprecated']],
            ],
          ],
        );
        assert.equal(concepts[0]!.terms.get(tags[0])![0]!.note, 'two\nlines; "quoted", too');
        assert.equal(concepts[1]!.line, sepLine ? 5 : 4);
      },
    ),
    { numRuns: 200 },
  );
});

// ---------------------------------------------------------------- XLIFF

const sentence = ['The ', { code: 'pc' }, 'President', { code: '/pc' }, ' met ', { code: 'ph' }, ' officials. ', 'They talked.'] as const;

test('an XLIFF 2 unit the translator split into segments (with ignorables) reads as the one exported unit', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('2.0', '2.1', '2.2'),
      fc.array(fc.constantFrom('initial', 'translated', 'reviewed', 'final'), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      encodings,
      (version, states, groupFirst, encoding) => {
        // The source's pieces cut into as many segments as there are states, an ignorable line break between;
        // the target is the source with its text upper-cased.
        const markup = (upper: boolean) =>
          sentence.map((piece) =>
            typeof piece === 'string'
              ? upper
                ? piece.toUpperCase()
                : piece
              : piece.code === 'pc'
                ? '<pc id="1" dataRefStart="d1" dataRefEnd="d2">'
                : piece.code === '/pc'
                  ? '</pc>'
                  : '<ph id="2" dataRef="d3"/>',
          );
        const cut = (pieces: string[]) =>
          states.length === 1
            ? [pieces.join('')]
            : states.length === 2
              ? [pieces.slice(0, 6).join(''), pieces.slice(6).join('')]
              : [pieces.slice(0, 4).join(''), pieces.slice(4, 7).join(''), pieces[7]!];
        const sources = cut(markup(false));
        const targets = cut(markup(true));
        const body = sources
          .map((source, i) => `<segment id="s${i}" state="${states[i]}"><source>${source}</source><target>${targets[i]}</target></segment>`)
          .join('<ignorable><source>\n</source></ignorable>');
        const unit = `<unit id="u1"><originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data><data id="d3">&lt;br/&gt;</data></originalData>${body}</unit>`;
        const other = '<group id="g"><unit id="u0"><segment><source>Other.</source></segment></unit></group>';
        const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:${version === '2.2' ? '2.2' : '2.0'}" version="${version}" srcLang="en" trgLang="ru">
<file id="f1">
${groupFirst ? `${other}\n${unit}` : `${unit}\n${other}`}
</file>
</xliff>
`;
        const text = decodeTextResource(saved(xml, encoding, false), 'r.xlf', 'an XLIFF file');
        const read = readXliff(text, 'r.xlf');
        const found = read.units.find((candidate) => candidate.id === 'u1')!;
        // Lines follow the text, not the order the tree lists a file's units and its groups' units in.
        const lineOf = (id: string) => text.slice(0, text.indexOf(`<unit id="${id}"`)).split('\n').length;
        assert.equal(found.line, lineOf('u1'));
        assert.equal(read.units.find((candidate) => candidate.id === 'u0')!.line, lineOf('u0'));
        const plain = (inline: typeof found.source) => inline.map((item) => (item.kind === 'text' ? item.text : `{${item.kind}}`)).join('');
        const expected = 'The {open}President{close} met {ph} officials. They talked.';
        // Every part in order, the ignorables' line breaks between them; the target's ignorables copy the source's.
        assert.equal(plain(found.source).replace(/\n/g, ''), expected);
        assert.equal(plain(found.source).split('\n').length, states.length);
        assert.equal(
          plain(found.target!),
          plain(found.source)
            .toUpperCase()
            .replace(/\{[A-Z]+\}/g, (code) => code.toLowerCase()),
        );
        const least = ['initial', 'translated', 'reviewed', 'final'][
          Math.min(...states.map((state) => ['initial', 'translated', 'reviewed', 'final'].indexOf(state)))
        ];
        assert.equal(found.stateName, least);
      },
    ),
    { numRuns: 150 },
  );
});

test('XLIFF 1.2 sources and targets with CDATA, comments, seg-source segmentation and nested codes read as text and codes', () => {
  for (const wrap of [(s: string) => `<![CDATA[${s}]]>`, (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')]) {
    const xml = `<?xml version='1.0' encoding='UTF-8'?>
<xliff version="1.2"><file original="doc" source-language="en" target-language="ru" datatype="plaintext"><body>
<trans-unit id="u1" approved="yes"><source>A ${wrap('<cdata> & bit')}<!-- c --> <x id="1"/>.</source>
<seg-source><mrk mtype="seg" mid="1">A ${wrap('<cdata> & bit')} <x id="1"/>.</mrk></seg-source>
<target state="translated"><mrk mtype="seg" mid="1">Б ${wrap('<cdata> & бит')} <ph id="1">&lt;img alt="<sub>Map <ph id="2">x</ph></sub>"&gt;</ph>.</mrk></target></trans-unit>
</body></file></xliff>`;
    const [unit] = readXliff(xml, 'r.xlf').units;
    assert.deepEqual(unit!.source, [
      { kind: 'text', text: 'A <cdata> & bit ' },
      { kind: 'ph', id: '1' },
      { kind: 'text', text: '.' },
    ]);
    assert.deepEqual(unit!.target, [
      { kind: 'text', text: 'Б <cdata> & бит ' },
      { kind: 'ph', id: '1' },
      { kind: 'text', text: '.' },
    ]);
    assert.equal(unit!.state, 'reviewed');
  }
});

test('an SDLXLIFF or mqxliff without target@state takes its state from the tool’s own status', () => {
  const cases: [unit: string, state: string | undefined][] = [
    ['<sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs>', 'translated'],
    ['<sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff"/><sdl:seg id="2" conf="Draft"/></sdl:seg-defs>', 'initial'],
    ['<sdl:seg-defs><sdl:seg id="1" conf="ApprovedTranslation"/><sdl:seg id="2" conf="ApprovedSignOff"/></sdl:seg-defs>', 'reviewed'],
    ['<sdl:seg-defs><sdl:seg id="1" conf="RejectedTranslation"/></sdl:seg-defs>', undefined],
    ['<sdl:seg-defs><sdl:seg id="1"/></sdl:seg-defs>', 'initial'],
  ];
  const memoq: [status: string, state: string | undefined][] = [
    ['ManuallyConfirmed', 'translated'],
    ['PartiallyEdited', 'initial'],
    ['Reviewer1Confirmed', 'reviewed'],
    ['Rejected', undefined],
    ['SomethingNew', undefined],
  ];
  const units = [
    ...cases.map(([defs], i) => `<trans-unit id="s${i}"><source>One.</source><target>Один.</target>${defs}</trans-unit>`),
    ...memoq.map(([status], i) => `<trans-unit id="m${i}" mq:status="${status}"><source>One.</source><target>Один.</target></trans-unit>`),
    // An explicit target@state wins over the tool's status.
    '<trans-unit id="x"><source>One.</source><target state="final">Один.</target><sdl:seg-defs><sdl:seg id="1" conf="Draft"/></sdl:seg-defs></trans-unit>',
  ];
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns:mq="MQXliff" version="1.2">
<file original="doc" source-language="en-US" target-language="ru-RU" datatype="plaintext"><body>
${units.join('\n')}
</body></file></xliff>`;
  const read = readXliff(xml, 'r.sdlxliff');
  assert.deepEqual(
    read.units.map((unit) => unit.state),
    [...cases.map(([, state]) => state), ...memoq.map(([, state]) => state), 'final'],
  );
});

test('a returned file in a regional form of the project locale (ky-KG, RU-RU, ru_RU) is that locale; another language is not', () => {
  const file = (targetLang: string) => ({ ...readXliff(xliff12(targetLang), 'r.xlf') });
  const xliff12 = (target: string) =>
    `<xliff version="1.2"><file original="d" source-language="en-US" target-language="${target}" datatype="plaintext"><body/></file></xliff>`;
  for (const [written, expected, ok] of [
    ['ky-KG', 'ky', true],
    ['RU-RU', 'ru', true],
    ['ru_RU', 'ru', true],
    ['ru', 'ru', true],
    ['kk-KZ', 'ky', false],
    ['ru', 'ru-KG', false],
  ] as const) {
    assert.equal(sameOrRegional(written, expected), ok, `${written} for ${expected}`);
    assert.equal(languageProblem(file(written), { targetLang: expected, why: 'x' }) === undefined, ok, `${written} for ${expected}`);
  }
});
