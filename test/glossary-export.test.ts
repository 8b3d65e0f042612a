// Issue 19 item 9: `pressroom glossary export` writes the glossary as TBX 2008 (martif), TBX 2019, CSV or
// TSV for a CAT tool. Each export is read back with pressroom's own readers and gives the same concepts;
// the TBX 2008 export is read by Translate Toolkit (Debian's translate-toolkit), which finds every concept
// and term.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parseGlossaryCsv } from '../pipeline/glossary/csv.ts';
import { exportGlossary, type GlossaryFormat } from '../pipeline/glossary/export.ts';
import { parseTbx } from '../pipeline/glossary/tbx.ts';
import type { Concept } from '../pipeline/glossary/types.ts';
import { cli, repo } from './helpers/cli.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-glossary-export-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const read = (file: string, text = readFileSync(path.join(repo, file), 'utf8')) =>
  /\.(csv|tsv)$/.test(file) ? parseGlossaryCsv(text, file) : parseTbx(text, file);

/** A concept as a reader sees it, without where it was read (file, line, column). */
function comparable(concept: Concept, lossy: { context?: boolean; entryDefinition?: boolean } = {}) {
  return {
    id: concept.id,
    subject: concept.subject,
    definition: lossy.entryDefinition ? undefined : concept.definition,
    terms: [...concept.terms]
      .filter(([, terms]) => terms.length > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([lang, terms]) =>
          [
            lang,
            terms.map((term) => ({
              text: term.text,
              status: term.status,
              statusName: term.statusName,
              termType: term.termType,
              partOfSpeech: term.partOfSpeech,
              definition: term.definition,
              note: term.note,
              context: lossy.context ? undefined : term.context,
            })),
          ] as const,
      ),
  };
}

const inputs = [
  'locales/glossary.tbx',
  'test/fixtures/glossary/tbx-2019-dca/input.tbx',
  'test/fixtures/glossary/tbx-2008-martif/input.tbx',
  'test/fixtures/glossary/csv-spreadsheet/input.csv',
  'test/fixtures/glossary/tsv-bom/input.tsv',
];
const formats: GlossaryFormat[] = ['tbx2008', 'tbx2019', 'csv', 'tsv'];
const extension = { tbx2008: 'tbx', tbx2019: 'tbx', csv: 'csv', tsv: 'tsv' } as const;

for (const input of inputs)
  test(`glossary export ${path.basename(path.dirname(input))}/${path.basename(input)}: every format reads back as the same concepts`, async () => {
    const original = read(input);
    assert.ok(original.length > 0);
    for (const format of formats) {
      const run = await cli(['glossary', 'export', input, '--format', format]);
      assert.equal(run.status, 0, run.stderr);
      const back = read(`export.${extension[format]}`, run.stdout);
      const csv = format === 'csv' || format === 'tsv';
      const lossy = { context: csv, entryDefinition: csv };
      assert.deepEqual(
        back.map((concept) => comparable(concept, lossy)),
        original.map((concept) => comparable(concept, lossy)),
        `${format} of ${input}`,
      );
      // What CSV cannot carry is said with a count, not dropped silently.
      const contexts = original.flatMap((concept) => [...concept.terms.values()].flat()).filter((term) => term.context).length;
      if (csv && contexts > 0) assert.match(run.stderr, new RegExp(`not in ${format}: ${contexts} context sentences?`));
      else assert.equal(run.stderr, '', `${format} of ${input}`);
    }
  });

test('the export is deterministic, and --out writes the same bytes (a BOM first for CSV, for spreadsheets)', async () => {
  for (const format of formats) {
    const first = await cli(['glossary', 'export', '--format', format]);
    const second = await cli(['glossary', 'export', '--format', format]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, second.stdout, format);
    const out = path.join(scratch, `project.${format}`);
    const written = await cli(['glossary', 'export', '--format', format, '--out', out]);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, new RegExp(`: ${read('locales/glossary.tbx').length} concepts, \\d+ terms`));
    assert.equal(readFileSync(out, 'utf8'), (format === 'csv' ? '\uFEFF' : '') + first.stdout, format);
  }
  const tsv = await cli(['glossary', 'export', '--out', path.join(scratch, 'by-extension.tsv')]);
  assert.equal(tsv.status, 0, tsv.stderr);
  assert.match(readFileSync(path.join(scratch, 'by-extension.tsv'), 'utf8'), /^id\tsubject\ten\tru\tky\tstatus/);
});

test('markup, quotes, separators and line breaks in terms and notes are escaped in every format', () => {
  const concept: Concept = {
    id: 'c-a&b',
    subject: 'law & order',
    file: 'g.tbx',
    line: 1,
    terms: new Map([
      [
        'en',
        [
          { text: 'R&D <unit> "alpha"', status: 'preferred', statusName: 'preferred', termType: undefined, note: 'a, b; "c"\nd\te' },
          { text: 'Tom’s ]]> term', status: 'deprecated', statusName: 'superseded', termType: 'fullForm', note: '  spaced\r\nnote  ' },
        ],
      ],
      ['ru', [{ text: 'исследования, разработки', status: 'preferred', statusName: 'preferred', termType: undefined }]],
    ]),
  };
  const expected = comparable(concept);
  for (const format of formats) {
    const { text } = exportGlossary([concept], format);
    const back = format === 'csv' || format === 'tsv' ? parseGlossaryCsv(text, `g.${format}`) : parseTbx(text, 'g.tbx');
    const got = comparable(back[0]!);
    // Both readers fold CRLF, the TBX reader trims notes too; the rest comes back as written.
    const trimmed = structuredClone(expected);
    trimmed.terms[0]![1][1]!.note = format.startsWith('tbx') ? 'spaced\nnote' : '  spaced\nnote  ';
    assert.deepEqual(got.terms, trimmed.terms, format);
    if (format.startsWith('tbx')) assert.doesNotMatch(text, /<unit>|R&D/, 'markup escaped');
    assert.equal(back[0]!.id, 'c-a&b');
    assert.equal(back[0]!.subject, 'law & order');
  }
});

test('a term CSV cannot hold (the | separator) is an error naming file, line and the way out; TBX takes it', async () => {
  const file = path.join(scratch, 'marker.tbx');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c-kg"><langSec xml:lang="en"><termSec><term>Kyrgyzstan</term></termSec></langSec>
<langSec xml:lang="ky"><termSec><term>Кыргызстан|</term></termSec></langSec></conceptEntry>
</body></text></tbx>
`,
  );
  const out = path.join(scratch, 'marker.csv');
  const csv = await cli(['glossary', 'export', file, '--format', 'csv', '--out', out]);
  assert.equal(csv.status, 1);
  assert.match(csv.stderr, /marker\.tbx:4:\d+: Cannot write “Кыргызстан\|” \(ky, concept “c-kg”\) as CSV: .*export as TBX/);
  assert.ok(!existsSync(out), 'nothing written');
  const tbx = await cli(['glossary', 'export', file, '--format', 'tbx2008']);
  assert.equal(tbx.status, 0, tbx.stderr);
  assert.match(tbx.stdout, /<term>Кыргызстан\|<\/term>/);
});

test('bad usage exits 2 with the formats; glossary export is listed beside glossary lint', async () => {
  const missing = await cli(['glossary', 'export']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /Missing --format, expected one of: tbx2008, tbx2019, csv, tsv/);
  const wrong = await cli(['glossary', 'export', '--format', 'xlsx']);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /Unexpected --format xlsx/);
  const help = await cli(['--help']);
  assert.match(help.stdout, /glossary lint .*\n\s+glossary export +write the glossary as TBX 2008 or 2019, CSV or TSV/);
});

test('Translate Toolkit reads the TBX 2008 export: every concept, every term per language, tbx2po converts it', async (t) => {
  const python = '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import translate.storage.tbx'], { encoding: 'utf8' });
  if (probe.status !== 0) return t.skip(`translate-toolkit not importable: ${probe.stderr.trim()}`);
  const file = path.join(scratch, 'glossary-2008.tbx');
  const run = await cli(['glossary', 'export', '--format', 'tbx2008', '--out', file]);
  assert.equal(run.status, 0, run.stderr);
  const script = `
import json, sys
from translate.storage import tbx
store = tbx.tbxfile.parsefile(sys.argv[1])
units = []
for unit in store.units:
    langs = {}
    for node in unit.getlanguageNodes():
        lang = node.get("{http://www.w3.org/XML/1998/namespace}lang")
        langs[lang] = [term.text for term in node.iter("term")]
    units.append({"id": unit.getid(), "source": unit.source, "langs": langs})
print(json.dumps(units, ensure_ascii=False))
`;
  const read = spawnSync(python, ['-c', script, file], { encoding: 'utf8' });
  assert.equal(read.status, 0, read.stderr);
  const units = JSON.parse(read.stdout) as { id: string; source: string; langs: Record<string, string[]> }[];
  const concepts = parseTbx(readFileSync(path.join(repo, 'locales/glossary.tbx'), 'utf8'), 'locales/glossary.tbx');
  assert.equal(units.length, concepts.length);
  assert.deepEqual(
    units.map((unit) => ({ id: unit.id, langs: unit.langs })),
    concepts.map((concept) => ({
      id: concept.id,
      langs: Object.fromEntries([...concept.terms].map(([lang, terms]) => [lang, terms.map((term) => term.text)])),
    })),
  );
  // The source term is the first en term, the preferred one.
  assert.equal(units[0]!.source, concepts[0]!.terms.get('en')![0]!.text);
  const po = path.join(scratch, 'glossary.po');
  const converted = spawnSync('tbx2po', [file, po], { encoding: 'utf8' });
  assert.equal(converted.status, 0, converted.stderr);
  // One entry per distinct source term (tbx2po merges duplicates), after the PO header's empty msgid.
  const entries = readFileSync(po, 'utf8').match(/^msgid /gm) ?? [];
  assert.equal(entries.length, 1 + new Set(concepts.map((concept) => concept.terms.get('en')![0]!.text)).size);
});
