import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeTranscript, splitBlocks } from '../../pipeline/ingest/read-blocks.ts';
import { InputError } from '../../pipeline/errors.ts';
import { parseDateline } from '../../pipeline/normalize/dateline.ts';
import { findRepeatedRuns } from '../../pipeline/normalize/repeated-blocks.ts';
import { emptyRepairs, repairCharacters } from '../../pipeline/normalize/characters.ts';
import { splitStageDirections } from '../../pipeline/normalize/chrome.ts';
import { findAsker, parseSpeakerLabel, registerSpeaker } from '../../pipeline/normalize/speaker-label.ts';
import { normaliseBlocks, normalizeTranscript } from '../../pipeline/normalize/transcript.ts';
import { Reporter } from '../../pipeline/report/messages.ts';
import type { Speaker } from '../../pipeline/types.ts';
import { matchKey, normalizeTypography } from '../../pipeline/normalize/typography.ts';

test('decodeTranscript strips the BOM, turns CRLF into LF and names the line of invalid UTF-8', () => {
  assert.equal(decodeTranscript(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a, 0x42]), 'a.txt'), 'A\nB');
  const bad = new Uint8Array([0x41, 0x0a, 0x42, 0x0a, 0xc3, 0x28]);
  assert.throws(
    () => decodeTranscript(bad, 'bad.txt'),
    (error: unknown) => error instanceof InputError && /^bad\.txt:3:1: .*UTF-8/.test(error.message),
  );
});

test('splitBlocks: blank lines separate blocks; a file without blank lines has one block per line', () => {
  assert.deepEqual(
    splitBlocks('a\nb\n\nc\n').map((block) => [block.text, block.line, block.endLine]),
    [
      ['a b', 1, 2],
      ['c', 4, 4],
    ],
  );
  assert.deepEqual(
    splitBlocks('a\nb\nc').map((block) => block.text),
    ['a', 'b', 'c'],
  );
});

test('normalizeTypography removes no-break spaces and curls quotes; matchKey ignores quote style', () => {
  assert.equal(
    normalizeTypography('President of\u00a0the\u00a0Kyrgyz  Republic , "yes" it\'s...'),
    'President of the Kyrgyz Republic, “yes” it’s…',
  );
  assert.equal(matchKey('it’s “x”'), matchKey('it\'s "x"'));
});

test('parseDateline reads month-first and day-first datelines and rejects impossible dates', () => {
  assert.deepEqual(parseDateline('November 26, 2025, Bishkek'), { date: '2025-11-26', place: 'Bishkek' });
  assert.deepEqual(parseDateline('3 March 2024'), { date: '2024-03-03', place: null });
  assert.equal(parseDateline('February 30, 2024, Moscow'), undefined);
  assert.equal(parseDateline('We met on November 26, 2025, in Bishkek and talked.'), undefined);
});

test('parseSpeakerLabel splits office and name, and refuses sentences with a colon', () => {
  assert.deepEqual(parseSpeakerLabel('President of Kyrgyzstan Sadyr Japarov: Members of the press')?.speaker, {
    name: 'Sadyr Japarov',
    role: 'President of Kyrgyzstan',
  });
  assert.deepEqual(parseSpeakerLabel('Vladimir Putin: Thank you.')?.speaker, { name: 'Vladimir Putin', role: '' });
  assert.deepEqual(parseSpeakerLabel('Press Secretary Dmitry Peskov: Next question.')?.speaker, {
    name: 'Dmitry Peskov',
    role: 'Press Secretary',
  });
  assert.equal(parseSpeakerLabel('I fully concur with Mr Japarov: today’s talks were productive.'), undefined);
  assert.equal(parseSpeakerLabel('The meeting starts at 10: 30 sharp.'), undefined);
  const known = [{ name: 'Vladimir Putin', role: 'President of Russia' }];
  assert.equal(parseSpeakerLabel('Putin: Yes.', known)?.speaker, known[0]);
});

test('findRepeatedRuns finds a run repeated back to back, longest first, and ignores a single repeated line', () => {
  assert.deepEqual(findRepeatedRuns(['a', 'b', 'c', 'b', 'c', 'd'], 2, 0), [{ start: 3, length: 2, original: 1 }]);
  assert.deepEqual(findRepeatedRuns(['x', 'Thank you.', 'Thank you.', 'y'], 2, 0), []);
  assert.deepEqual(findRepeatedRuns(['a', 'b', 'a', 'b', 'a', 'b'], 2, 0), [
    { start: 2, length: 2, original: 0 },
    { start: 4, length: 2, original: 0 },
  ]);
});

test('should keep typographic no-break spaces only under the keepNbsp policy, and fold them for matching either way', () => {
  assert.equal(normalizeTypography('of\u00a0the  port', { keepNbsp: true }), 'of\u00a0the port');
  assert.equal(normalizeTypography('of\u00a0the  port'), 'of the port');
  assert.equal(matchKey('of\u00a0the port'), matchKey('of the port'));
  assert.equal(normalizeTypography('он сказал "да"', { lang: 'ru' }), 'он сказал «да»');
  assert.equal(normalizeTypography('he said "yes" -- and left...'), 'he said “yes” — and left…');
  const counts = new Map<string, number>();
  normalizeTypography('a\u00a0b "c"\t', { counts });
  assert.deepEqual(Object.fromEntries(counts), { 'normalize:space': 2, 'normalize:quote': 2 });
});

test('should read a label with no-break spaces when they are kept', () => {
  const blocks = splitBlocks('Meeting\n\nMay 1, 2026, Penza\n\nFarmer\u00a0Ivan\u00a0Ledov: Good.');
  const tree = normalizeTranscript(blocks, new Reporter('x.txt'), { lang: 'en', keepNbsp: true });
  assert.deepEqual(tree.data.meta.speakers, [{ name: 'Ivan Ledov', role: 'Farmer' }]);
});

test('should map every form of a label to one canonical speaker, and keep questions questions', () => {
  const known: Speaker[] = [];
  const register = (text: string, context = '') => registerSpeaker(known, parseSpeakerLabel(text, known, context)!.speaker);
  const putin = register('Президент России В.Путин: Добрый день.');
  assert.deepEqual(putin, { name: 'В.Путин', role: 'Президент России' });
  assert.equal(register('В. Путин: Спасибо.'), putin);
  const question = register('Вопрос: Когда?');
  assert.equal(question.question, true);
  assert.equal(register('Question (as translated): And?'), question);
  assert.equal(register('Q    Thanks.'), question);
  const whitfield = register('MS. WHITFIELD:  Good afternoon.', 'Press Briefing by Press Secretary Dana Whitfield');
  assert.deepEqual(whitfield, { name: 'Dana Whitfield', role: 'Press Secretary' });
  assert.equal(register('Ms. Whitfield: Next.'), whitfield);
  assert.deepEqual(parseSpeakerLabel('THE PRESIDENT: Thank you.')?.speaker, { name: 'The President', role: '' });
  assert.equal(parseSpeakerLabel('I fully concur with Mr Japarov: today’s talks were highly productive.'), undefined);
  assert.deepEqual(findAsker('Good afternoon. Maria Lind, Nordic Wire. A question.'), { name: 'Maria Lind', outlet: 'Nordic Wire' });
  assert.deepEqual(findAsker('Илья Дорнов, «Полярное радио». Когда?'), { name: 'Илья Дорнов', outlet: '«Полярное радио»' });
  assert.equal(findAsker('Mr President, Thank you for the answer. And?'), undefined);
});

test('should split stage directions off a sentence but keep an aside in the speech', () => {
  assert.deepEqual(splitStageDirections('Thank you. (Applause.)'), [
    { value: 'Thank you.', stage: false },
    { value: '(Applause.)', stage: true },
  ]);
  assert.deepEqual(splitStageDirections('Дорога прежде всего. (Смех.)').at(-1), { value: '(Смех.)', stage: true });
  assert.deepEqual(splitStageDirections('Good morning. (Can everyone hear me all right?)'), [
    { value: 'Good morning. (Can everyone hear me all right?)', stage: false },
  ]);
});

test('should replace the fita by Kyrgyz ө in Kyrgyz text only', () => {
  assert.equal(repairCharacters('ѳзүбүздү', emptyRepairs(), 1, 'ky'), 'өзүбүздү');
  assert.equal(repairCharacters('Ѳедоръ', emptyRepairs(), 1, 'ru'), 'Ѳедоръ');
});

test('should report and account for words of a label that the canonical speaker does not hold', () => {
  const report = new Reporter('t.txt');
  const normalised = normaliseBlocks(
    splitBlocks(
      'Talks in Bishkek\n\nNovember 26, 2025, Bishkek\n\nВ.Путин: Добрый день.\n\nShare В. Путин: Спасибо.\n\nПрезидент В.Путин: Ещё.\n',
    ),
    report,
    { lang: 'ru' },
  );
  const labelWords = report.messages.filter((message) => message.ruleId === 'normalize:label-words');
  // The turns print the canonical "В.Путин"; "Share" and a role first met in a later label are left out,
  // each with a warning on its line and an entry in the summary, never silently.
  assert.deepEqual(
    labelWords.map((message) => [message.place?.start.line, /: “([^”]+)”$/.exec(message.reason)?.[1]]),
    [
      [7, 'Share'],
      [9, 'Президент'],
    ],
  );
  assert.deepEqual(
    normalised.summary.dropped.map((entry) => entry.text),
    ['Share', 'Президент'],
  );
  assert.deepEqual(normalised.tree.data.meta.speakers, [{ name: 'В.Путин', role: '' }]);
});

test('a speech page names its unlabelled speaker in the “From:” line beside the departments', async () => {
  const { speakerFromByline } = await import('../../pipeline/normalize/speakers/from-text.ts');
  assert.deepEqual(speakerFromByline('From: HM Treasury and The Rt Hon Ellen Marsh MP'), { name: 'Ellen Marsh', role: '' });
  assert.deepEqual(speakerFromByline('From: Department for Trade, Sir Alan Brooke KC'), { name: 'Alan Brooke', role: '' });
  assert.equal(speakerFromByline('From: Department for Business and Trade'), undefined);
  assert.equal(speakerFromByline('From: The Rt Hon Ann Lee MP and The Rt Hon Bo Chan MP'), undefined, 'two people: nobody is guessed');
  const text = [
    'Chancellor’s speech at the Finance Summit',
    'From: HM Treasury and The Rt Hon Ellen Marsh MP',
    'Published 3 November 2026',
    'Good morning everyone.',
    'It is a pleasure to be here. We have a plan for growth.',
  ].join('\n\n');
  const { tree } = normaliseBlocks(splitBlocks(text), new Reporter('speech.txt'), { lang: 'en' });
  const turns = tree.children.filter((node) => node.type === 'speakerTurn');
  assert.equal(turns.length, 1);
  assert.equal(turns[0]!.type === 'speakerTurn' && turns[0]!.speaker.name, 'Ellen Marsh');
});
