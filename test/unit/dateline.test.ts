import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDateIn, parseDateline, parseTimeLine, parseVenueLine, type Dateline } from '../../pipeline/normalize/dateline.ts';
import { Random } from '../generator/random.ts';

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed from the printed seed. */
/** The generator's seeded PRNG, as a function. */
function prng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const SEED = Number(process.env.DATELINE_SEED ?? 20261103);
const DATES = 1200;

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EN_ABBR = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const KY_NOMINATIVE = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
const KY_POSSESSIVE = [
  'январы',
  'февралы',
  'марты',
  'апрели',
  'майы',
  'июну',
  'июлу',
  'августу',
  'сентябры',
  'октябры',
  'ноябры',
  'декабры',
];
const KY_TRADITIONAL = [
  'Үчтүн айы',
  'Бирдин айы',
  'Жалган куран',
  'Чын куран',
  'Бугу',
  'Кулжа',
  'Теке',
  'Баш оона',
  'Аяк оона',
  'Тогуздун айы',
  'Жетинин айы',
  'Бештин айы',
];
const KY_WEEKDAYS = ['жекшемби', 'дүйшөмбү', 'шейшемби', 'шаршемби', 'бейшемби', 'жума', 'ишемби'];

const PLACES: Record<string, string[]> = {
  en: [
    'Moscow',
    'St Petersburg',
    'Moscow Region',
    'New York',
    'Sochi',
    'Novo-Ogaryovo',
    'General Assembly',
    'Circular Hall, The Kremlin, Moscow',
    'St. Petersburg',
  ],
  ru: ['Москва', 'Санкт-Петербург', 'Ново-Огарёво, Московская область', 'Сочи', 'Бишкек', 'Москва, Кремль'],
  ky: ['Бишкек', 'Бишкек шаары', 'Ош', 'Чолпон-Ата', 'Ала-Арча'],
};

interface CalendarDay {
  year: number;
  month: number;
  day: number;
  weekday: number;
  iso: string;
}

function randomDay(random: () => number): CalendarDay {
  const year = 1990 + Math.floor(random() * 46);
  const month = 1 + Math.floor(random() * 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = 1 + Math.floor(random() * days);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, weekday, iso };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date format: the printed date, its language and the kind its qualifier gives. */
interface Format {
  name: string;
  lang: string;
  print: (d: CalendarDay) => string;
  kind?: Dateline['kind'];
  /** The place goes before the date ("New York / 31 May 2017"): no time then. */
  placeFirst?: string;
  /** The form carries its own time and zone (Kyrgyz "Бишкек убактысы 17:45"). */
  ownTime?: boolean;
}

const FORMATS: Format[] = [
  { name: 'en Month D, YYYY', lang: 'en', print: (d) => `${EN_MONTHS[d.month - 1]} ${d.day}, ${d.year}` },
  { name: 'en Mon. D, YYYY', lang: 'en', print: (d) => `${EN_ABBR[d.month - 1]} ${d.day}, ${d.year}` },
  { name: 'en Month Dth, YYYY', lang: 'en', print: (d) => `${EN_MONTHS[d.month - 1]} ${d.day}${ordinal(d.day)}, ${d.year}` },
  { name: 'en D Month YYYY', lang: 'en', print: (d) => `${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}` },
  { name: 'en Weekday, D Month YYYY', lang: 'en', print: (d) => `${EN_WEEKDAYS[d.weekday]}, ${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}` },
  {
    name: 'en Weekday, Month D, YYYY',
    lang: 'en',
    print: (d) => `${EN_WEEKDAYS[d.weekday]}, ${EN_MONTHS[d.month - 1]} ${d.day}, ${d.year}`,
  },
  { name: 'en M/D/YYYY', lang: 'en', print: (d) => `${d.month}/${d.day}/${d.year}` },
  { name: 'en MM/DD/YYYY', lang: 'en', print: (d) => `${pad(d.month)}/${pad(d.day)}/${d.year}` },
  { name: 'ISO', lang: 'en', print: (d) => d.iso },
  { name: 'DD.MM.YYYY', lang: 'en', print: (d) => `${pad(d.day)}.${pad(d.month)}.${d.year}` },
  { name: 'en Delivered on:', lang: 'en', print: (d) => `Delivered on: ${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`, kind: 'delivered' },
  { name: 'en Published:', lang: 'en', print: (d) => `Published: ${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`, kind: 'published' },
  { name: 'en Published', lang: 'en', print: (d) => `Published ${EN_MONTHS[d.month - 1]} ${d.day}, ${d.year}`, kind: 'published' },
  { name: 'en Last updated', lang: 'en', print: (d) => `Last updated ${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`, kind: 'updated' },
  { name: 'en Date:', lang: 'en', print: (d) => `Date: ${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`, kind: 'event' },
  { name: 'en Place / D Month YYYY', lang: 'en', print: (d) => `${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`, placeFirst: ' / ' },
  { name: 'en Place, D Month YYYY', lang: 'en', print: (d) => `${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`, placeFirst: ', ' },
  { name: 'ru D месяца YYYY года', lang: 'ru', print: (d) => `${d.day} ${RU_GENITIVE[d.month - 1]} ${d.year} года` },
  { name: 'ru D месяца YYYY г.', lang: 'ru', print: (d) => `${d.day} ${RU_GENITIVE[d.month - 1]} ${d.year} г.` },
  { name: 'ru D месяца YYYY', lang: 'ru', print: (d) => `${d.day} ${RU_GENITIVE[d.month - 1]} ${d.year}` },
  { name: 'ru DD/MM/YYYY', lang: 'ru', print: (d) => `${pad(d.day)}/${pad(d.month)}/${d.year}` },
  { name: 'ru DD.MM.YYYY', lang: 'ru', print: (d) => `${pad(d.day)}.${pad(d.month)}.${d.year}` },
  {
    name: 'ru Опубликовано:',
    lang: 'ru',
    print: (d) => `Опубликовано: ${d.day} ${RU_GENITIVE[d.month - 1]} ${d.year} года`,
    kind: 'published',
  },
  { name: 'ky D-ай, YYYY-жыл', lang: 'ky', print: (d) => `${d.day}-${KY_NOMINATIVE[d.month - 1]}, ${d.year}-жыл` },
  { name: 'ky D-ай YYYY-ж.', lang: 'ky', print: (d) => `${d.day}-${KY_NOMINATIVE[d.month - 1]!.toLowerCase()} ${d.year}-ж.` },
  { name: 'ky YYYY-жылдын D-айы', lang: 'ky', print: (d) => `${d.year}-жылдын ${d.day}-${KY_POSSESSIVE[d.month - 1]}` },
  { name: 'ky traditional Ай D, YYYY', lang: 'ky', print: (d) => `${KY_TRADITIONAL[d.month - 1]} ${d.day}, ${d.year}` },
  {
    name: 'ky Жарыяланган:',
    lang: 'ky',
    print: (d) => `Жарыяланган: ${d.day}-${KY_NOMINATIVE[d.month - 1]}, ${d.year}-жыл`,
    kind: 'published',
  },
  { name: 'ky DD.MM.YYYY', lang: 'ky', print: (d) => `${pad(d.day)}.${pad(d.month)}.${d.year}` },
  {
    name: 'ky D-Ай, YYYY-жыл, weekday, Бишкек убактысы HH:MM',
    lang: 'ky',
    print: (d) => `${d.day}-${KY_NOMINATIVE[d.month - 1]}, ${d.year}-жыл, ${KY_WEEKDAYS[d.weekday]}`,
    ownTime: true,
  },
];

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

/** A clock time in the ways pages print it, and its 24 h reading. */
function randomTime(random: () => number, lang: string): { printed: string; time: string } {
  const hour = Math.floor(random() * 24);
  const minute = Math.floor(random() * 60);
  const time = `${pad(hour)}:${pad(minute)}`;
  const style = Math.floor(random() * (lang === 'en' ? 4 : 2));
  if (style === 0) return { printed: time, time };
  if (style === 1) return { printed: `${hour}:${pad(minute)}`, time };
  const half = hour < 12 ? 'A' : 'P';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return { printed: style === 2 ? `${twelve}:${pad(minute)} ${half}.M.` : `${twelve}:${pad(minute)} ${half.toLowerCase()}m`, time };
}

/** Separators between date, time and place: comma, spaces, spaced dashes, and lines joined by a newline. */
const SEPARATORS = [', ', ' ', '  ', ' - ', '\n', ' – '];

interface Case {
  text: string;
  lang: string;
  expected: Dateline;
  format: string;
}

function composeCases(): Case[] {
  const random = prng(SEED);
  const cases: Case[] = [];
  for (let index = 0; index < DATES; index += 1) {
    const day = randomDay(random);
    for (const format of FORMATS) {
      // Every date × format in four variants, which cycle through time × place so each combination occurs.
      for (let variant = 0; variant < 4; variant += 1) {
        const withTime = (index + variant) % 2 === 0 && !format.placeFirst;
        const withPlace = Math.floor((index + variant) / 2) % 2 === 0 || Boolean(format.placeFirst);
        const separator = SEPARATORS[Math.floor(random() * SEPARATORS.length)]!;
        const places = PLACES[format.lang]!;
        const place = withPlace ? places[Math.floor(random() * places.length)]! : null;
        const expected: Dateline = { date: day.iso, place: null };
        let text = format.print(day);
        if (format.ownTime) {
          const time = randomTime(random, 'ky');
          text += `, Бишкек убактысы ${time.time}`;
          expected.time = time.time;
          expected.timezone = 'Бишкек убактысы';
        } else if (withTime) {
          const time = randomTime(random, format.lang);
          text += `${separator}${time.printed}`;
          expected.time = time.time;
        }
        if (format.placeFirst && place) {
          // Only a city stands before the date.
          const city = place.split(',')[0]!;
          text = `${city}${format.placeFirst}${text}`;
          expected.place = city;
        } else if (place) {
          text += `${separator}${place}`;
          expected.place = place;
        }
        if (format.kind) expected.kind = format.kind;
        cases.push({ text, lang: format.lang, expected, format: format.name });
      }
    }
  }
  return cases;
}

test('parseDateline reads every generated dateline exactly (date, time, zone, place, kind) in en/ru/ky and numeric forms', () => {
  const cases = composeCases();
  const byFormat = new Map<string, { right: number; total: number; firstWrong?: string }>();
  let right = 0;
  for (const entry of cases) {
    const actual = parseDateline(entry.text, { lang: entry.lang });
    const ok =
      actual !== undefined &&
      actual.date === entry.expected.date &&
      actual.place === entry.expected.place &&
      (actual.time ?? null) === (entry.expected.time ?? null) &&
      (actual.timezone ?? null) === (entry.expected.timezone ?? null) &&
      actual.kind === entry.expected.kind;
    const tally = byFormat.get(entry.format) ?? { right: 0, total: 0 };
    tally.total += 1;
    if (ok) {
      tally.right += 1;
      right += 1;
    } else {
      tally.firstWrong ??= `${JSON.stringify(entry.text)} → ${JSON.stringify(actual)}, expected ${JSON.stringify(entry.expected)}`;
    }
    byFormat.set(entry.format, tally);
  }
  const lines = [...byFormat].map(
    ([name, tally]) => `  ${name}: ${tally.right}/${tally.total}${tally.firstWrong ? `  first wrong: ${tally.firstWrong}` : ''}`,
  );
  console.log(
    `dateline accuracy (seed ${SEED}): ${right}/${cases.length} = ${((100 * right) / cases.length).toFixed(2)}%\n${lines.join('\n')}`,
  );
  assert.ok(cases.length >= DATES * FORMATS.length);
  assert.equal(right, cases.length, lines.filter((line) => line.includes('first wrong')).join('\n'));
});

test('parseDateline reads the survey forms given in the issue', () => {
  const expectations: [string, string | undefined, Dateline][] = [
    ['November 3, 2026, 14:00  Moscow', 'en', { date: '2026-11-03', place: 'Moscow', time: '14:00' }],
    ['November 3, 2026 - 14:00 - Moscow', 'en', { date: '2026-11-03', place: 'Moscow', time: '14:00' }],
    ['October 27, 2022\n20:55\nMoscow Region', 'en', { date: '2022-10-27', place: 'Moscow Region', time: '20:55' }],
    ['14 декабря 2017 года\n15:50\nМосква', 'ru', { date: '2017-12-14', place: 'Москва', time: '15:50' }],
    ['3 ноября 2026 г., Москва', 'ru', { date: '2026-11-03', place: 'Москва' }],
    ['28.08.2024 09:31', 'ky', { date: '2024-08-28', place: null, time: '09:31' }],
    ['2026-11-03 14:00', 'en', { date: '2026-11-03', place: null, time: '14:00' }],
    ['11/03/2026', 'en', { date: '2026-11-03', place: null }],
    ['11/03/2026', 'ru', { date: '2026-03-11', place: null }],
    ['11/03/2026', 'en-GB', { date: '2026-03-11', place: null }],
    ['1/11/2017', 'en', { date: '2017-01-11', place: null }],
    ['14-ноябрь, 2025-жыл', 'ky', { date: '2025-11-14', place: null }],
    ['2025-жылдын 14-ноябры', 'ky', { date: '2025-11-14', place: null }],
    ['14-ноябрь 2025-ж.', 'ky', { date: '2025-11-14', place: null }],
    [
      '22-Ноябрь, 2024-жыл, жума, Бишкек убактысы 17:45',
      'ky',
      { date: '2024-11-22', place: null, time: '17:45', timezone: 'Бишкек убактысы' },
    ],
    ['Аяк оона 20, 2024', 'ky', { date: '2024-09-20', place: null }],
    [
      'Delivered on: 2 September 2019 (Transcript of the speech, exactly as it was delivered)',
      'en',
      { date: '2019-09-02', place: null, kind: 'delivered' },
    ],
    ['Published 3 November 2026', 'en', { date: '2026-11-03', place: null, kind: 'published' }],
    ['Опубликовано: 3 ноября 2026', 'ru', { date: '2026-11-03', place: null, kind: 'published' }],
    ['Жарыяланган: 14-ноябрь, 2025-жыл', 'ky', { date: '2025-11-14', place: null, kind: 'published' }],
    ['Updated 3 November 2026 14:00', 'en', { date: '2026-11-03', place: null, time: '14:00', kind: 'updated' }],
    ['New York / 31 May 2017', 'en', { date: '2017-05-31', place: 'New York' }],
    ['16 October 2019, General Assembly', 'en', { date: '2019-10-16', place: 'General Assembly' }],
    ['New York, 25 June 2020', 'en', { date: '2020-06-25', place: 'New York' }],
    ['Submitted on Tue, 04/21/2015 - 22:00', 'en', { date: '2015-04-21', place: null, time: '22:00', kind: 'published' }],
    ['11 September 202103:43', 'en', { date: '2021-09-11', place: null, time: '03:43' }],
    ['20 December 2018 15: 50 Moscow', 'en', { date: '2018-12-20', place: 'Moscow', time: '15:50' }],
    ['11:35, 10 января 2022, Бишкек', 'ru', { date: '2022-01-10', place: 'Бишкек', time: '11:35' }],
    ['Washington, D.C., May 3, 2016', 'en', { date: '2016-05-03', place: 'Washington, D.C.' }],
    [
      '3 ноября 2026 года, 14:00 по московскому времени',
      'ru',
      { date: '2026-11-03', place: null, time: '14:00', timezone: 'по московскому времени' },
    ],
    ['May 24, 2018 - 23:25 - St Petersburg', 'en', { date: '2018-05-24', place: 'St Petersburg', time: '23:25' }],
    ['11:35, 10 января 2022, Бишкек - 24.kg , Жазгуль МАСАЛИЕВА', 'ru', { date: '2022-01-10', place: 'Бишкек', time: '11:35' }],
    ['07 июня / 2018', 'ru', { date: '2018-06-07', place: null }],
    ['26.01.2026, 14:20', 'ky', { date: '2026-01-26', place: null, time: '14:20' }],
    ['2026-11-03T14:00:00', 'en', { date: '2026-11-03', place: null, time: '14:00' }],
    ['Moscow, Monday, 3 November 2026', 'en', { date: '2026-11-03', place: 'Moscow' }],
    ['Жума, 22-ноябрь, 2024-жыл', 'ky', { date: '2024-11-22', place: null }],
    ['3 нояб. 2026 г., 14:00 мск, Москва', 'ru', { date: '2026-11-03', place: 'Москва', time: '14:00', timezone: 'мск' }],
    ['1:11 P.M. EST, January 11, 2017', 'en', { date: '2017-01-11', place: null, time: '13:11' }],
    // chrono's English phrasings beyond the rules: "at 2 p.m."
    ['November 3, 2026 at 2 p.m., Moscow', 'en', { date: '2026-11-03', place: 'Moscow', time: '14:00' }],
  ];
  for (const [text, lang, expected] of expectations) assert.deepEqual(parseDateline(text, { lang }), expected, text);
});

test('parseDateline refuses sentences, casual words, counters, dates without a year and impossible dates', () => {
  const negatives = [
    'On November 3, 2026, we agreed in Moscow to continue the talks.',
    'November 3, 2026, we agreed in Moscow to continue the talks.',
    '3 ноября 2026 года мы договорились продолжить переговоры.',
    'May I ask one more question?',
    'March on, comrades',
    'Posts: 6,834',
    '2026 was a good year for our countries.',
    '+7 (495) 123-45-67',
    '8 800 555 35 35',
    'БИШКЕК, 26 ноября. /ТАСС/.',
    'МОСКВА, 26 ноя — РИА Новости.',
    'February 30, 2024, Moscow',
    '31 апреля 2024 года',
    '29.02.2023',
    '13/13/2020',
    '2026-13-01',
    'Политика20 декабря 2018 15:54',
    'Press Briefing by Press Secretary Jane Roe, 1/11/2017',
    'today',
    'Join Date: Aug 2015',
    'Audio part 1 mp3 (58678 kb)',
    'USD 86.50 / EUR 91.18 / RUB 0.86',
    '1.2.3.4.2020',
    'July 03, 2014 / 01:06:48 / Public Domain',
    'Old July 14th, 2018 #861',
    'Download mp4 (323MB)',
  ];
  for (const text of negatives) assert.equal(parseDateline(text, { lang: /[а-я]/i.test(text) ? 'ru' : 'en' }), undefined, text);
  // A line of 100,000 digits and dots must come back (no catastrophic backtracking); only the result is asserted.
  const long = Array.from({ length: 50_000 }, (_, index) => String(index % 10)).join('.');
  assert.equal(parseDateline(long), undefined);
  assert.equal(findDateIn(long), undefined);
  const longDates = '12.11.2020'.repeat(10_000);
  assert.equal(findDateIn(longDates), undefined);
});

test('parseDateline refuses generated sentences that contain a well-formed dateline', () => {
  const random = prng(SEED + 1);
  const openers = ['On', 'By', 'Since', 'After', 'Before'];
  const tails = ['we agreed to continue the talks.', 'the leaders met in private.', 'talks were held.', 'nothing changed.'];
  for (let index = 0; index < 300; index += 1) {
    const day = randomDay(random);
    const text = `${openers[index % openers.length]} ${EN_MONTHS[day.month - 1]} ${day.day}, ${day.year}, ${tails[index % tails.length]}`;
    assert.equal(parseDateline(text), undefined, text);
    const found = findDateIn(text);
    assert.equal(found?.date, day.iso, text);
    assert.equal(text.slice(found!.start, found!.end), `${EN_MONTHS[day.month - 1]} ${day.day}, ${day.year}`);
  }
});

test('parseDateline tries a source’s own dateFormats first, against the whole line', () => {
  const patterns = [/(?<place>\p{L}+) \| (?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{2}) (?<time>\d{1,2}:\d{2})/u];
  assert.deepEqual(parseDateline('Бишкек | 24.12.20 11:35', { patterns }), { date: '2020-12-24', place: 'Бишкек', time: '11:35' });
  assert.equal(parseDateline('Бишкек | 31.02.20 11:35', { patterns }), undefined);
  const byName = [/^Дата: (?<day>\d+) (?<month>\p{L}+) (?<year>\d{4})$/u];
  assert.deepEqual(parseDateline('Дата: 7 ноябрь 2024', { patterns: byName }), { date: '2024-11-07', place: null });
});

test('findDateIn finds the date inside a title, a rubric or a stamp, with its exact span', () => {
  const cases: [string, string, string | null, string][] = [
    ['Press Briefing by Press Secretary Jane Roe, 1/11/2017', '2017-01-11', null, '1/11/2017'],
    ['Interview to a newspaper, Moscow, May 31, 2016', '2016-05-31', null, 'May 31, 2016'],
    ['Speech on the economy (24/07/19)', '2019-07-24', null, '24/07/19'],
    ['Политика20 декабря 2018 15:54', '2018-12-20', '15:54', '20 декабря 2018 15:54'],
    ['28.08.2024 09:31 / 963', '2024-08-28', '09:31', '28.08.2024 09:31'],
    ['11 September 202103:43', '2021-09-11', '03:43', '11 September 202103:43'],
    ['Source: WH, 1/17/17', '2017-01-17', null, '1/17/17'],
  ];
  for (const [text, date, time, span] of cases) {
    const found = findDateIn(text, { lang: /[а-я]/i.test(text) ? 'ru' : 'en' });
    assert.ok(found, text);
    assert.equal(found.date, date, text);
    assert.equal(found.time ?? null, time, text);
    assert.equal(text.slice(found.start, found.end), span, text);
  }
  assert.equal(findDateIn('БИШКЕК, 26 ноября. /ТАСС/.', { lang: 'ru' }), undefined);
  assert.equal(findDateIn('May I ask one more question?'), undefined);
  assert.equal(findDateIn('Posts: 6,834'), undefined);
});

test('findDateIn returns the exact span of generated dates embedded in titles', () => {
  const random = prng(SEED + 2);
  const plain = FORMATS.filter((candidate) => !candidate.kind && !candidate.ownTime);
  for (let index = 0; index < 1000; index += 1) {
    const day = randomDay(random);
    const format = plain[index % plain.length]!;
    const printed = format.print(day);
    const title = `Press statements following talks${index % 2 ? ',' : ' –'} `;
    const text = `${title}${printed} and more`;
    const found = findDateIn(text, { lang: format.lang });
    assert.equal(found?.date, day.iso, text);
    assert.equal(found.start, title.length + (format.name.startsWith('en Weekday') ? printed.indexOf(',') + 2 : 0), text);
  }
});

test('parseTimeLine reads clock lines in their printed forms and keeps END as the closing time', () => {
  const cases: [string, string, string | null, boolean][] = [
    ['1:05 P.M. EDT', '13:05', 'EDT', false],
    ['END 2:10 P.M.', '14:10', null, true],
    ['END  2:10 P.M. EST', '14:10', 'EST', true],
    ['20:55', '20:55', null, false],
    ['2:00 PM', '14:00', null, false],
    ['12:30 a.m.', '00:30', null, false],
    ['12:05 P.M.', '12:05', null, false],
    ['15: 50', '15:50', null, false],
    ['Time: 14:00', '14:00', null, false],
    ['Время: 14.00', '14:00', null, false],
    ['Убакыт: 18:35', '18:35', null, false],
    ['Бишкек убактысы 17:45', '17:45', 'Бишкек убактысы', false],
    ['14:00 по московскому времени', '14:00', 'по московскому времени', false],
    ['2.00 pm', '14:00', null, false],
    ['14:00 мск', '14:00', 'мск', false],
    ['3:31 P.M. (EDT)', '15:31', 'EDT', false],
  ];
  for (const [text, time, timezone, end] of cases) assert.deepEqual(parseTimeLine(text), { time, timezone, end }, text);
  for (const text of ['14.00', '25:00', '13:00 P.M.', '9:60', 'Moscow', 'At 14:00 we start.', '14:00 Moscow', '0:00 AM']) {
    assert.equal(parseTimeLine(text), undefined, text);
  }
});

test('parseVenueLine takes labelled venues and short lines round a venue word, and refuses sentences and titles', () => {
  const positives: [string, string][] = [
    ['James S. Brady Press Briefing Room', 'James S. Brady Press Briefing Room'],
    ['Circular Hall, The Kremlin, Moscow', 'Circular Hall, The Kremlin, Moscow'],
    ['East Room', 'East Room'],
    ['Roosevelt Room', 'Roosevelt Room'],
    ['Малахитовый зал, Москва', 'Малахитовый зал, Москва'],
    ['Venue: Palais des Nations, Geneva', 'Palais des Nations, Geneva'],
    ['Location: Lancaster House, London', 'Lancaster House, London'],
    ['Место проведения: Москва, Кремль', 'Москва, Кремль'],
    ['Место: Дом приёмов, Москва', 'Дом приёмов, Москва'],
    ['Орун: Бишкек шаары', 'Бишкек шаары'],
    ['Өткөн жери: Ала-Арча мамлекеттик резиденциясы', 'Ала-Арча мамлекеттик резиденциясы'],
    ['Эгемендик сарайы, Бишкек', 'Эгемендик сарайы, Бишкек'],
    ['Room 450, Eisenhower Executive Office Building', 'Room 450, Eisenhower Executive Office Building'],
    ['UN Headquarters, New York', 'UN Headquarters, New York'],
  ];
  for (const [text, venue] of positives) assert.equal(parseVenueLine(text), venue, text);
  const negatives = [
    'Press conference in the Hall of Columns on energy policy and the budget, and other matters',
    'Press conference in the Hall of Columns',
    'We met in the East Room.',
    'The talks took place in the Circular Hall.',
    'Мы встретились в Малахитовом зале.',
    'Moscow',
    'Office of the Press Secretary',
    'Thank you, Room!',
    'Venue:',
    'Hall: the floor is yours.',
  ];
  for (const text of negatives) assert.equal(parseVenueLine(text), undefined, text);
});
