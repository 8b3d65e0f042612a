// Property-based fuzzing of everything that reads untrusted text. The only failures allowed are
// diagnosed ones (InputError, FailError); a hang is caught by each test's timeout.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../pipeline/errors.ts';
import { parseGlossaryCsv } from '../pipeline/glossary/csv.ts';
import { parseTbx } from '../pipeline/glossary/tbx.ts';
import { decodeTranscript, splitBlocks } from '../pipeline/ingest/read-blocks.ts';
import { normalizeTranscript } from '../pipeline/normalize/transcript.ts';
import { FailError, Reporter } from '../pipeline/report/messages.ts';
import { segmentTree } from '../pipeline/segment/segment-tree.ts';
import { splitSentences } from '../pipeline/segment/split.ts';
import { parseTmx } from '../pipeline/tm/tmx.ts';
import { parseUntrustedXml } from '../pipeline/util/xml.ts';
import { repo } from './helpers/cli.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const options = { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined };
const timeout = 120_000;
const tried = { inputs: 0 };

/** Runs `read`; only a diagnosed error may come out. */
function diagnosedOnly(read: () => unknown): void {
  tried.inputs += 1;
  try {
    read();
  } catch (error) {
    if (error instanceof InputError || error instanceof FailError) return;
    throw error;
  }
}

// Words a transcript is made of, hostile ones included, so that generated text reaches deep paths.
const vocabulary = fc.constantFrom(
  'President of Russia Vladimir Putin:',
  'Sadyr Japarov:',
  'Question:',
  'November 26, 2025, Bishkek',
  '26 ноября 2025 года, Бишкек',
  '* * *',
  '---',
  '—',
  'Mr. Putin said.',
  'Dr. No. 5 etc.',
  'т.е. г. Бишкек.',
  '“Quoted” – "straight" ‘single’ ...',
  '<script>alert(1)</script>',
  '{{ x }} ${y} <!--',
  'Official website of the President of Russia',
  'Transcripts   /',
  '\u0301\u200b\u202e\ufeff',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉',
  'Кыргыз Республикасынын Президенти',
  '',
);
const line = fc.oneof(
  fc.array(vocabulary, { maxLength: 6 }).map((words) => words.join(' ')),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const transcriptText = fc
  .array(line, { maxLength: 40 })
  .chain((lines) => fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n').map((separator) => lines.join(separator)));

function normalizeAndSegment(bytes: Uint8Array): void {
  const blocks = splitBlocks(decodeTranscript(bytes, 'fuzz.txt'));
  const tree = normalizeTranscript(blocks, new Reporter('fuzz.txt'), { lang: 'en' });
  segmentTree(tree, 'en');
}

test('normaliser and segmenter: arbitrary bytes and transcript-like text give a tree or a diagnosed error', { timeout }, () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => diagnosedOnly(() => normalizeAndSegment(bytes))),
    options,
  );
  fc.assert(
    fc.property(transcriptText, (text) => diagnosedOnly(() => normalizeAndSegment(new TextEncoder().encode(text)))),
    options,
  );
});

test('segmenter: sentences joined give the paragraph back (whitespace aside), in every locale', { timeout }, () => {
  const paragraph = fc.array(fc.oneof(vocabulary, fc.string({ maxLength: 30 })), { maxLength: 12 }).map((parts) => parts.join(' '));
  fc.assert(
    fc.property(paragraph, fc.constantFrom('en', 'ru', 'ky'), (text, locale) => {
      tried.inputs += 1;
      const sentences = splitSentences(text, locale);
      const squash = (value: string) => value.replace(/\s+/gu, '');
      assert.equal(squash(sentences.join(' ')), squash(text));
      for (const sentence of sentences) assert.equal(sentence, sentence.trim());
    }),
    options,
  );
});

// Text a unit may carry, markup-significant characters included; XML forbids most controls.
const xmlText = fc
  .string({ unit: 'grapheme', maxLength: 40 })
  .map((text) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

test('TMX: units written then read back are the same units', { timeout }, () => {
  const unit = fc.record({ en: xmlText, ru: xmlText, ky: xmlText });
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 8 }), (units) => {
      tried.inputs += 1;
      const body = units
        .map(
          (u, index) =>
            `<tu tuid="u${index}">${(['en', 'ru', 'ky'] as const).map((lang) => `<tuv xml:lang="${lang}"><seg>${escape(u[lang])}</seg></tuv>`).join('')}</tu>`,
        )
        .join('\n');
      const text = `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n${body}\n</body></tmx>\n`;
      const read = parseTmx(text, 'fuzz.tmx');
      assert.deepEqual(
        read.units.map((u) => ({ en: u.variants.get('en'), ru: u.variants.get('ru'), ky: u.variants.get('ky') })),
        units.map((u) => ({ ...u })),
      );
    }),
    options,
  );
});

test('TBX: terms written then read back are the same terms (trimmed)', { timeout }, () => {
  const term = xmlText.filter((text) => text.trim() !== '');
  fc.assert(
    fc.property(fc.array(fc.record({ en: term, ru: term }), { maxLength: 8 }), (concepts) => {
      tried.inputs += 1;
      const body = concepts
        .map(
          (c, index) =>
            `<conceptEntry id="c${index}">${(['en', 'ru'] as const).map((lang) => `<langSec xml:lang="${lang}"><termSec><term>${escape(c[lang])}</term></termSec></langSec>`).join('')}</conceptEntry>`,
        )
        .join('\n');
      const read = parseTbx(`<tbx type="TBX-Basic" xml:lang="en"><text><body>\n${body}\n</body></text></tbx>\n`, 'fuzz.tbx');
      assert.deepEqual(
        read.map((c) => ({ en: c.terms.get('en')?.[0]?.text, ru: c.terms.get('ru')?.[0]?.text })),
        concepts.map((c) => ({ en: c.en.trim(), ru: c.ru.trim() })),
      );
    }),
    options,
  );
});

/** A real file with random damage: cuts, duplicated spans, inserted markup and references. */
function mutated(source: string) {
  const snippet = fc.constantFrom(
    '<',
    '>',
    '&',
    '&amp;',
    '&#x0;',
    '&#65;',
    '&unknown;',
    '<!ENTITY',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<?pi?>',
    '"',
    "'",
    '</tu>',
    '<tuv>',
    '<seg>',
    '</seg>',
    '<term/>',
    '\u0000',
    '\uFFFF',
    'xml:lang="',
    '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/">',
  );
  const edit = fc.oneof(
    fc.tuple(fc.nat(source.length), fc.nat(200)).map(
      ([at, length]) =>
        (text: string) =>
          text.slice(0, at) + text.slice(at + length),
    ),
    fc.tuple(fc.nat(source.length), snippet).map(
      ([at, insert]) =>
        (text: string) =>
          text.slice(0, at) + insert + text.slice(at),
    ),
    fc.tuple(fc.nat(source.length), fc.nat(300)).map(
      ([at, length]) =>
        (text: string) =>
          text.slice(0, at) + text.slice(at, at + length).repeat(3) + text.slice(at),
    ),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => edits.reduce((text, apply) => apply(text), source));
}

test('TMX, TBX, XLIFF and CSV readers: damaged real files give units or a diagnosed error', { timeout }, (t) => {
  const tmx = readFileSync(path.join(repo, 'locales/ru/memory.tmx'), 'utf8').slice(0, 20_000);
  const tbx = readFileSync(path.join(repo, 'locales/glossary.tbx'), 'utf8').slice(0, 20_000);
  const xliff =
    '<?xml version="1.0"?>\n<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="u1"><segment state="translated"><source>Thank you <pc id="1">very</pc> much.</source><target>Большое <pc id="1">спасибо</pc>.</target></segment></unit></file></xliff>\n';
  const csv = 'id,en,ru,ky\nc1,President|~Head of State,Президент,Президент\nc2,"Kyrgyzstan, Republic",Киргизия|!Кыргызстан,Кыргызстан\n';
  fc.assert(
    fc.property(mutated(tmx), (text) => diagnosedOnly(() => parseTmx(text, 'fuzz.tmx'))),
    options,
  );
  fc.assert(
    fc.property(mutated(tbx), (text) => diagnosedOnly(() => parseTbx(text, 'fuzz.tbx'))),
    options,
  );
  fc.assert(
    fc.property(mutated(xliff), (text) => diagnosedOnly(() => parseUntrustedXml(text, 'fuzz.xlf'))),
    options,
  );
  fc.assert(
    fc.property(mutated(csv), (text) => diagnosedOnly(() => parseGlossaryCsv(text, 'fuzz.csv'))),
    options,
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 500 }), (text) => diagnosedOnly(() => parseTmx(text, 'fuzz.tmx'))),
    options,
  );
  t.diagnostic(`fuzzed inputs so far in this file: ${tried.inputs}`);
});
