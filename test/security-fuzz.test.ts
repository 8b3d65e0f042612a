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
import { matchKey } from '../pipeline/normalize/typography.ts';
import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { Glossary } from '../pipeline/glossary/glossary.ts';
import type { Segment } from '../pipeline/types.ts';
import { needsWork, type LocaleSegments } from '../pipeline/xliff/collect.ts';
import { exportDocument } from '../pipeline/xliff/export.ts';
import { canonical, fromPhrasing, type Suggestion } from '../pipeline/xliff/model.ts';
import { readXliff } from '../pipeline/xliff/read.ts';
import { mergeIntoTmx, memoryStates } from '../pipeline/xliff/tmx-merge.ts';
import { validateReturn, type ProjectUnit } from '../pipeline/xliff/validate.ts';
import { writeXliff } from '../pipeline/xliff/write.ts';
import { repo } from './helpers/cli.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const options = { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined };
const timeout = 120_000;
const tried = { inputs: 0 };

/** Runs `read`; only a diagnosed error may come out. (Returns nothing: fast-check fails a property that returns a value.) */
function diagnosedOnly(read: () => unknown): void {
  readOrDiagnosed(read);
}

/** What `read` gives, or undefined when it threw a diagnosed error; any other error is thrown. */
function readOrDiagnosed<T>(read: () => T): T | undefined {
  tried.inputs += 1;
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError || error instanceof FailError) return undefined;
    throw error;
  }
}

/**
 * readXliff over damaged copies of `text`, tallied: a property that met only diagnosed errors (or only
 * intact files) would not show that damaged files which still parse give units. About 3 % of damaged
 * copies still read, so the tally is checked from 300 runs up (FUZZ_RUNS may be set lower for a quick run).
 */
function damagedXliff(text: string, file: string): void {
  const outcomes = { units: 0, diagnosed: 0 };
  fc.assert(
    fc.property(mutated(text), (damaged) => {
      const read = readOrDiagnosed(() => readXliff(damaged, file));
      if (read === undefined) outcomes.diagnosed += 1;
      else if (read.units.length > 0) outcomes.units += 1;
    }),
    options,
  );
  if (RUNS >= 300) assert.ok(outcomes.units > 0 && outcomes.diagnosed > 0, `${file}: ${JSON.stringify(outcomes)}`);
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

// Sentence text as the pipeline carries it: any XML-safe graphemes, and the characters a writer must escape.
const sentence = fc.oneof(
  xmlText,
  fc
    .array(fc.constantFrom('25', '$1', '$&', "$'", '$`', '&amp;', '<b>', ']]>', '"', "'", ' ', '\t', '\r\n', 'Кыргызстан', '{1}', '\\'), {
      maxLength: 8,
    })
    .map((parts) => parts.join('')),
);

test('TMX written by pressroom (the import writer) reads back as the same units, and merging again changes nothing', { timeout }, () => {
  const provenance = { date: '20261202T120000Z', translator: 'Fuzz', file: 'fuzz.ky.xlf' };
  const entry = fc.record({ source: sentence, target: sentence, state: fc.constantFrom('translated', 'reviewed', 'final' as const) });
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 6 }), (generated) => {
      tried.inputs += 1;
      // One unit per source as the memory keys it (typography folded), with text a <seg> can hold.
      const seen = new Set<string>();
      const entries = generated
        .filter((entry) => entry.source.trim() !== '' && entry.target.trim() !== '')
        .filter((entry) => !seen.has(matchKey(entry.source)) && seen.add(matchKey(entry.source)))
        .map((entry, index) => ({ ...entry, id: `u${index}` }));
      const tmx = mergeIntoTmx(undefined, 'en', 'ky', entries, provenance);
      const units = parseTmx(tmx, 'fuzz.tmx').units;
      assert.deepEqual(
        units.map((unit) => [unit.variants.get('en'), unit.variants.get('ky')]),
        entries.map((entry) => [entry.source, entry.target]),
      );
      assert.deepEqual(
        [...memoryStates(tmx, 'en', 'ky').values()],
        entries.map((entry) => ({ text: entry.target, state: entry.state })),
      );
      assert.equal(mergeIntoTmx(tmx, 'en', 'ky', entries, provenance), tmx);
    }),
    options,
  );
});

/** A document's segments in one locale, as collectSegments gives them: sources with inline formatting, translations in every state. */
const localeSegments = fc
  .array(
    fc.record({
      parts: fc.array(
        fc.oneof(
          sentence.map((value): PhrasingContent => ({ type: 'text', value })),
          sentence.map((value): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value }] })),
          sentence.map((value): PhrasingContent => ({ type: 'emphasis', children: [{ type: 'text', value }] })),
          fc.constant<PhrasingContent>({ type: 'break' }),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      status: fc.constantFrom('exact', 'context', 'adapted', 'fuzzy', 'stale', 'fallback' as const),
      target: sentence,
      speaker: fc.option(fc.constantFrom('Sadyr Japarov', 'Vladimir Putin & <Co>'), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((generated): LocaleSegments => ({
    file: { path: 'transcripts/fuzz.txt', slug: 'fuzz' },
    locale: 'ky',
    title: 'Fuzz & <title>',
    date: '2025-11-26',
    segments: generated.map((entry, index) => {
      const source: Segment = { type: 'segment', id: `s${index}`, source: '', status: 'source', lang: 'en', children: entry.parts };
      source.source = toString(source);
      const translated: Segment =
        entry.status === 'fallback'
          ? { ...source, status: 'fallback' }
          : { ...source, status: entry.status, lang: 'ky', children: [{ type: 'text', value: entry.target }] };
      return { position: index + 1, source, translated, speaker: entry.speaker };
    }),
  }));

test(
  'XLIFF exported then read back is the same units, and imported unchanged changes nothing (1.2 and 2.1, prefill or not)',
  { timeout },
  () => {
    const suggestion = fc.record({
      score: fc.integer({ min: 50, max: 99 }),
      source: sentence,
      target: sentence,
      origin: fc.constant('m.tmx'),
    });
    fc.assert(
      fc.property(
        localeSegments,
        fc.constantFrom('1.2', '2.1' as const),
        fc.boolean(),
        fc.array(suggestion, { maxLength: 2 }),
        (doc, version, prefill, suggestions: Suggestion[]) => {
          tried.inputs += 1;
          const exported = exportDocument(doc, {
            sourceLang: 'en',
            glossary: new Glossary([]),
            settings: { version, prefill, context: 1 },
            suggest: () => suggestions,
          });
          if (!exported) return;
          const back = readXliff(writeXliff(exported), 'fuzz.ky.xlf');
          assert.deepEqual(
            back.units.map((unit) => [unit.id, canonical(unit.source), unit.translate]),
            exported.units.map((unit) => [unit.id, canonical(unit.source), unit.translate]),
          );
          // What `xliff import` compares against: the project's source and its current publishable translation.
          const project = (slug: string, position: number): ProjectUnit | undefined => {
            const state = slug === 'fuzz' ? doc.segments[position - 1] : undefined;
            if (!state) return undefined;
            const current = needsWork(state.translated) ? undefined : { text: toString(state.translated), state: 'translated' as const };
            return { id: state.source.id, source: fromPhrasing(state.source.children), sourceText: state.source.source, current };
          };
          const verdict = validateReturn(back, { sourceLang: 'en', targetLang: 'ky', why: 'file name' }, project);
          assert.deepEqual(verdict.rejected, []);
          assert.deepEqual(verdict.accepted, []);
        },
      ),
      options,
    );
  },
);

test('XLIFF reader: damaged exports (1.2 and 2.1) give units or a diagnosed error', { timeout }, () => {
  for (const version of ['1.2', '2.1'] as const) {
    const doc = fc.sample(localeSegments, { numRuns: 1, seed: 42 })[0]!;
    const exported = exportDocument(
      { ...doc, segments: doc.segments.map((state) => ({ ...state, translated: { ...state.translated, status: 'fallback' } })) },
      { sourceLang: 'en', glossary: new Glossary([]), settings: { version, prefill: false, context: 1 } },
    )!;
    damagedXliff(writeXliff(exported), `fuzz-${version}.ky.xlf`);
  }
});

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
  damagedXliff(xliff, 'fuzz.ru.xlf');
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
