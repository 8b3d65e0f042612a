// Generated properties for two label forms seen on unseen transcripts: an office in brackets after the
// name ("Sadyr Japarov (President of Kyrgyzstan):", "Путин В.В. (Президент России):") and a surname
// followed by initials ("ЖАПАРОВ С.Н.:", "Japarov S.:") for a person printed in full earlier. Names,
// offices, orders and capitals are drawn by fast-check over en, ru and ky, so a rule that fits one
// string and not the class fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { normaliseFile } from '../pipeline/normalize/file.ts';
import { parseSpeakerLabel } from '../pipeline/normalize/speaker-label.ts';
import { Reporter } from '../pipeline/report/messages.ts';
import type { SpeakerTurn } from '../pipeline/types.ts';
// The offices the transcript generator draws from: the rule is tested on every one, not on a list of its own.
import { LANGS, ROLES, type Lang } from './generator/lexicon.ts';

const SEED = Number(process.env.SEED ?? 20261204);
const RUNS = 120;

interface Person {
  first: string;
  patronymic?: string;
  surname: string;
}

const FIRST: Record<Lang, readonly string[]> = {
  en: ['Sadyr', 'Aibek', 'Nurlan', 'Dana', 'Kenji'],
  ru: ['Владимир', 'Садыр', 'Анна', 'Нурлан', 'Мария'],
  ky: ['Садыр', 'Камчыбек', 'Айгүл', 'Нурлан', 'Акылбек'],
};
const PATRONYMICS: Record<Lang, readonly string[]> = {
  en: [],
  ru: ['Владимирович', 'Нургожоевич', 'Петровна', 'Асанович', 'Ивановна'],
  ky: ['Нургожоевич', 'Кыдыршаевич', 'Асановна', 'Бакытович', 'Токтогулович'],
};
const SURNAMES: Record<Lang, readonly string[]> = {
  en: ['Japarov', 'Tashiev', 'Orozbekova', 'Whitfield', 'Mori'],
  ru: ['Путин', 'Жапаров', 'Петрова', 'Иванов', 'Сидорова'],
  ky: ['Жапаров', 'Ташиев', 'Асанова', 'Усенов', 'Токтосунов'],
};
/** Bracketed words about the turn, not the speaker: read as the turn's note, as before. */
const NOTES = [
  'through an interpreter',
  'via interpreter',
  'в переводе',
  'inaudible',
  'continued',
  'продолжение',
  'As translated',
  'Interpreter',
];
const SAID: Record<Lang, readonly string[]> = {
  en: ['Good afternoon, members of the press.', 'We signed three agreements today.', 'Thank you for the question.'],
  ru: ['Добрый день, уважаемые журналисты.', 'Сегодня мы подписали три соглашения.', 'Спасибо за вопрос.'],
  ky: ['Саламатсыздарбы, урматтуу журналисттер.', 'Бүгүн биз үч келишимге кол койдук.', 'Суроо үчүн рахмат.'],
};
const TITLES: Record<Lang, string> = {
  en: 'Joint press conference after the talks',
  ru: 'Совместная пресс-конференция по итогам переговоров',
  ky: 'Сүйлөшүүлөрдүн жыйынтыгы боюнча биргелешкен басма сөз жыйыны',
};

const encode = (value: string) => new TextEncoder().encode(value);
const caps = (text: string, upper: boolean) => (upper ? text.toUpperCase() : text);
const initial = (word: string) => `${word[0]}.`;

/** The full name in one of the orders printed: "Sadyr Japarov", "Жапаров Садыр Нургожоевич", "Садыр Нургожоевич Жапаров". */
function fullName(person: Person, order: number): string {
  const given = person.patronymic ? `${person.first} ${person.patronymic}` : person.first;
  return order % 2 === 0 ? `${given} ${person.surname}` : `${person.surname} ${given}`;
}

function person(lang: Lang, first: number, patronymic: number, surname: number, withPatronymic: boolean): Person {
  const patronymics = PATRONYMICS[lang];
  return {
    first: FIRST[lang][first % FIRST[lang].length]!,
    ...(withPatronymic && patronymics.length > 0 ? { patronymic: patronymics[patronymic % patronymics.length]! } : {}),
    surname: SURNAMES[lang][surname % SURNAMES[lang].length]!,
  };
}

function texts(node: Nodes): string[] {
  if ('value' in node && typeof node.value === 'string') return [node.value];
  return 'children' in node ? (node.children ?? []).flatMap((child) => texts(child as Nodes)) : [];
}

const personCase = fc.record({
  lang: fc.constantFrom(...LANGS),
  first: fc.nat(),
  patronymic: fc.nat(),
  surname: fc.nat(),
  withPatronymic: fc.boolean(),
  order: fc.nat({ max: 1 }),
  upper: fc.boolean(),
  role: fc.nat(),
  said: fc.nat(),
});

test(`an office in brackets after a name is the speaker's role; notes about the turn stay notes (SEED=${SEED}, ${RUNS} cases)`, () => {
  fc.assert(
    fc.property(personCase, fc.nat(), (c, noteIndex) => {
      const who = fullName(person(c.lang, c.first, c.patronymic, c.surname, c.withPatronymic), c.order);
      const role = ROLES[c.lang][c.role % ROLES[c.lang].length]!;
      const said = SAID[c.lang][c.said % SAID[c.lang].length]!;
      const read = parseSpeakerLabel(`${caps(`${who} (${role})`, c.upper)}: ${said}`);
      assert.ok(read);
      assert.equal(read.speaker.name, who);
      assert.equal(read.speaker.role.toLowerCase(), role.toLowerCase());
      assert.equal(read.note, undefined);
      assert.equal(read.rest, said);

      const note = NOTES[noteIndex % NOTES.length]!;
      const noted = parseSpeakerLabel(`${caps(who, c.upper)} (${note}): ${said}`);
      assert.ok(noted);
      assert.equal(noted.speaker.name, who);
      assert.equal(noted.speaker.role, '');
      assert.equal(noted.note, note);
      assert.equal(noted.rest, said);
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

/** "Жапаров С.Н.", "JAPAROV S.": surname, the first name's initial and, when asked, the patronymic's. */
function initialsLabel(person: Person, withPatronymic: boolean, upper: boolean): string {
  const initials = initial(person.first) + (withPatronymic && person.patronymic ? initial(person.patronymic) : '');
  return caps(`${person.surname} ${initials}`, upper);
}

async function turnsOf(lines: readonly string[], lang: Lang) {
  const { tree } = await normaliseFile(encode([TITLES[lang], ...lines].join('\n\n')), 'case.txt', lang, new Reporter('case.txt'));
  const turns = tree.children.filter((node): node is SpeakerTurn => node.type === 'speakerTurn');
  return { tree, turns };
}

test(`"Surname I.O." after the full name is the same speaker when exactly one known person fits (SEED=${SEED}, ${RUNS} cases)`, async () => {
  await fc.assert(
    fc.asyncProperty(personCase, fc.nat(), fc.boolean(), fc.boolean(), async (c, other, bracketed, patronymicInitial) => {
      const speaker = person(c.lang, c.first, c.patronymic, c.surname, c.withPatronymic);
      // Another speaker with another surname and another first initial.
      let second = person(c.lang, c.first + 1 + (other % 3), c.patronymic + 1, c.surname + 1 + (other % 3), c.withPatronymic);
      if (second.first[0] === speaker.first[0]) second = { ...second, first: FIRST[c.lang].find((name) => name[0] !== speaker.first[0])! };
      const full = fullName(speaker, c.order);
      const role = ROLES[c.lang][c.role % ROLES[c.lang].length]!;
      const said = SAID[c.lang];
      const lines = [
        `${bracketed ? `${full} (${role})` : full}: ${said[0]}`,
        `${fullName(second, c.order)}: ${said[1]}`,
        `${initialsLabel(speaker, patronymicInitial, c.upper)}: ${said[2]}`,
        `${initialsLabel(second, patronymicInitial, c.upper)}: ${said[0]}`,
      ];
      const { tree, turns } = await turnsOf(lines, c.lang);
      assert.deepEqual(
        turns.map((turn) => turn.speaker.name),
        [full, fullName(second, c.order), full, fullName(second, c.order)],
      );
      if (bracketed) assert.equal(turns[2]!.speaker.role, role);
      assert.equal(tree.data.meta.speakers.filter((one) => !one.generic).length, 2);
      const printed = texts(tree as unknown as Nodes).join('\n');
      for (const sentence of said) assert.ok(printed.includes(sentence), `lost “${sentence}”`);
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test(`"Surname I." that fits two known speakers, or none, stays a speaker of its own (SEED=${SEED}, ${RUNS} cases)`, async () => {
  await fc.assert(
    fc.asyncProperty(personCase, async (c) => {
      const one = person(c.lang, c.first, c.patronymic, c.surname, c.withPatronymic);
      // Same surname, a different first name with the same initial: "Садыр Жапаров" and "Самат Жапаров".
      const namesake = { ...one, first: `${one.first[0]}${c.lang === 'en' ? 'amat' : 'амат'}` };
      const stranger = { ...one, first: FIRST[c.lang].find((name) => name[0] !== one.first[0])! };
      const lines = [
        `${fullName(one, c.order)}: ${SAID[c.lang][0]}`,
        `${fullName(namesake, c.order)}: ${SAID[c.lang][1]}`,
        `${caps(`${one.surname} ${initial(one.first)}`, c.upper)}: ${SAID[c.lang][2]}`,
      ];
      const { turns } = await turnsOf(lines, c.lang);
      assert.equal(turns.length, 3);
      assert.equal(turns[2]!.speaker.name.toLowerCase(), `${one.surname} ${initial(one.first)}`.toLowerCase());
      assert.notEqual(turns[2]!.speaker, turns[0]!.speaker);
      assert.notEqual(turns[2]!.speaker, turns[1]!.speaker);

      // A first initial that fits nobody known: its own speaker too.
      const alone = await turnsOf(
        [
          `${fullName(one, c.order)}: ${SAID[c.lang][0]}`,
          `${caps(`${one.surname} ${initial(stranger.first)}`, c.upper)}: ${SAID[c.lang][1]}`,
        ],
        c.lang,
      );
      assert.equal(alone.turns.length, 2);
      assert.notEqual(alone.turns[1]!.speaker.name, fullName(one, c.order));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('a patronymic initial tells two namesakes apart: "Жапаров С.Н." is Садыр Нургожоевич, not Самат Бакытович', async () => {
  const { turns } = await turnsOf(
    ['Жапаров Садыр Нургожоевич: Добрый день.', 'Жапаров Самат Бакытович: Спасибо.', 'ЖАПАРОВ С.Н.: Продолжим.', 'Жапаров С.: Да.'],
    'ru',
  );
  assert.deepEqual(
    turns.map((turn) => turn.speaker.name),
    ['Жапаров Садыр Нургожоевич', 'Жапаров Самат Бакытович', 'Жапаров Садыр Нургожоевич', 'Жапаров С.'],
  );
});
