// `pressroom normalise` as a user runs it, in process (main(argv, io): the same exit codes and output without a
// node process per call; the bin itself is test/cli.test.ts's): the JSON fields other tools check, and the Markdown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cli, repo } from './helpers/cli.ts';

const fixture = (name: string, input = 'input.txt') => path.join('test/fixtures/normalise', name, input);
const pressroom = (...args: string[]) => cli(['normalise', ...args]);

async function json(...args: string[]) {
  const result = await pressroom(...args, '--json');
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

test('should print title, date, time, place, speakers, turns, paragraph counts, duplicates and dropped lines as JSON', async () => {
  const out = await json(fixture('kremlin-news-conference-en'));
  assert.equal(out.title, 'News conference following the Northern Forum');
  assert.equal(out.date, '2026-03-03');
  assert.equal(out.time, null);
  assert.equal(out.place, 'Murmansk');
  // Canonical names in order of first appearance; "Volkov:" and "A.Volkov:" are Andrei Volkov, the questions stay questions.
  assert.deepEqual(out.speakers, ['Andrei Volkov', 'Vladimir Volkov']);
  assert.equal(out.questioner, 'Question');
  assert.deepEqual(
    out.turns.map((turn: { speaker: string; paragraphs: number }) => [turn.speaker, turn.paragraphs]),
    [
      ['Andrei Volkov', 1],
      ['Question', 1],
      ['Andrei Volkov', 1],
      ['Question', 1],
      ['Andrei Volkov', 2],
      ['Question', 1],
      ['Vladimir Volkov', 1],
      ['Andrei Volkov', 1],
    ],
  );
  assert.deepEqual(out.turns[1].asker, { name: 'Ilya Dornov', outlet: 'Polar Radio' });
  assert.equal(out.turns[3].note, 'as translated');
  assert.equal(out.leadParagraphs, 1);
  assert.equal(out.bodyParagraphs, 9);
  assert.equal(out.stageDirections, 1);
  assert.deepEqual(out.duplicatesRemoved, { blocks: 0, paragraphs: 0 });
  assert.deepEqual(
    out.dropped.map((entry: { line: number; rule: string }) => `${entry.line} ${entry.rule}`),
    // The accessibility menu prints "Font size:" and "Site colours:" on two lines (3, 4): each is dropped as a line.
    ['1 normalize:chrome', '3 normalize:chrome', '4 normalize:chrome', '6 normalize:chrome', '8 normalize:chrome', '36 normalize:footer'],
  );
  assert.equal(
    out.droppedChars,
    out.dropped.reduce((sum: number, entry: { text: string }) => sum + entry.text.length, 0),
  );
});

test('should report a briefing’s time, zone and end, and the repeated block it removed', async () => {
  const briefing = await json(fixture('white-house-briefing'));
  assert.deepEqual([briefing.date, briefing.time, briefing.timezone, briefing.endTime], ['2025-11-14', '13:05', 'EST', '14:10']);
  assert.deepEqual(briefing.speakers, ['Dana Whitfield', 'The President']);
  assert.deepEqual(briefing.speakerRoles[0], { name: 'Dana Whitfield', role: 'Press Secretary' });
  assert.equal(briefing.questioner, 'Q');
  const repeat = await json(fixture('nonadjacent-repeat'));
  assert.deepEqual(repeat.duplicatesRemoved, { blocks: 1, paragraphs: 2 });
  assert.deepEqual(
    repeat.dropped.map((entry: { line: number; rule: string }) => `${entry.line} ${entry.rule}`),
    ['15 normalize:repeated-block', '17 normalize:repeated-block'],
  );
  // "Thank you." three times, by two speakers: legitimate repeats, all kept.
  assert.deepEqual(
    repeat.turns.map((turn: { speaker: string }) => turn.speaker),
    ['Laura Ozola', 'Arvid Kalns', 'Laura Ozola'],
  );
});

test('should count the structure of a saved page and print the Markdown that reads back', async () => {
  const page = await json(fixture('html-speech', 'input.html'));
  assert.equal(page.footnotes, 1);
  assert.ok(
    page.dropped.some(
      (entry: { rule: string; text: string }) => entry.rule === 'normalize:html-chrome' && entry.text === 'We use cookies. Accept?',
    ),
  );
  const markdown = await pressroom(fixture('html-speech', 'input.html'), '--markdown');
  assert.equal(markdown.status, 0, markdown.stderr);
  assert.equal(markdown.stdout, readFileSync(path.join(repo, fixture('html-speech', 'expected.md')), 'utf8'));
  const text = await pressroom(fixture('html-speech', 'input.html'));
  assert.match(text.stdout, /^Address to the Congress of Foresters\n2026-04-02 Tomsk\n/);
  assert.match(text.stdout, /Characters kept \d+, dropped 90, repaired 0/);
  assert.equal((await pressroom()).status, 2);
});
