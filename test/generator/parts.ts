// The survey's parts (../shared/reference/transcripts.md) as generators: site chrome, footers, titles,
// datelines, leads and speaker labels, each with several forms per language.
import { dates, fullName, hhmm, shiftDate, twelveHour, type EventDate, type Lang, type Person, type Time } from './lexicon.ts';
import type { Random } from './random.ts';

/** Lines printed as one block (joined by single newlines) unless the layout splits them. */
export type Lines = string[];

export interface ChromeContext {
  date: EventDate;
  /** A name for forum avatars and a "From:" line: never one of the transcript's speakers. */
  stranger: Person;
}

export const CHROME_SETS = [
  'none',
  'accessibility',
  'skip-bar',
  'news-header',
  'release-header',
  'metadata-block',
  'forum-post',
  'kg-menu-ticker',
  'print-share',
  'archive-banner',
] as const;
export type ChromeSet = (typeof CHROME_SETS)[number];

const money = (rng: Random, min: number, max: number) => (min + rng.next() * (max - min)).toFixed(2);
const views = (rng: Random) => String(rng.int(40, 9999));

/** The header a site prints before the transcript: one or more blocks of lines. */
export function chromeBlocks(set: ChromeSet, lang: Lang, rng: Random, context: ChromeContext): Lines[] {
  const pick = <T>(table: Record<Lang, T>) => table[lang];
  switch (set) {
    case 'none':
      return [];
    case 'accessibility': {
      const settings = rng.pick(
        pick({
          en: [
            ['View settings', 'Font size:', 'Site colours:', 'Images', 'Settings'],
            ['Version for the visually impaired', 'Font size', 'A A A', 'Colour scheme', 'Images: on / off'],
          ],
          ru: [
            ['Настройки отображения', 'Размер шрифта:', 'Цвета сайта:', 'Изображения', 'Настройки'],
            ['Выберите шрифт Arial Times New Roman', 'Интервал между буквами (Кернинг):', 'Стандартный Средний Большой'],
            ['Версия для слабовидящих', 'Размер шрифта', 'А А А', 'Цветовая схема'],
          ],
          ky: [
            ['Көрүнүш жөндөөлөрү', 'Арип өлчөмү:', 'Сайттын түстөрү:', 'Сүрөттөр', 'Жөндөөлөр'],
            ['Көзү начар көргөндөр үчүн', 'Арип өлчөмү', 'А А А', 'Түс схемасы'],
          ],
        }),
      );
      const site = rng.pick(
        pick({
          en: [
            'Official website of the President of the Republic',
            'Official portal of the Head of State',
            'Official website of the Government',
          ],
          ru: ['Президент Республики — официальный сайт', 'Официальный портал Правительства', 'Глава государства — официальный сайт'],
          ky: ['Президенттин расмий сайты', 'Өкмөттүн расмий порталы', 'Мамлекет башчысынын расмий сайты'],
        }),
      );
      const crumb = rng.pick(
        pick({
          en: ['Transcripts', 'News', 'Events', 'Speeches', 'Документ'],
          ru: ['Стенограммы', 'Новости', 'События', 'Выступления'],
          ky: ['Стенограммалар', 'Жаңылыктар', 'Окуялар', 'Сөздөр'],
        }),
      );
      return [settings, [site], [`${crumb} ${rng.pick(['\u00a0', '  ', ' \u00a0 ', ''])}/`.replace(/ +\//, ' /')]];
    }
    case 'skip-bar':
      return [
        rng.pick(
          pick({
            en: [
              ['Skip to main content', 'Menu', 'Search'],
              ['Skip to content', 'Toggle navigation', 'Search this site'],
              ['Jump to navigation', 'Main menu', 'Log in'],
            ],
            ru: [
              ['Перейти к основному содержанию', 'Меню', 'Поиск'],
              ['Перейти к содержимому', 'Главное меню', 'Войти'],
            ],
            ky: [
              ['Негизги мазмунга өтүү', 'Меню', 'Издөө'],
              ['Мазмунга өтүү', 'Негизги меню', 'Кирүү'],
            ],
          }),
        ),
      ];
    case 'news-header': {
      const rubric = rng.pick(
        pick({ en: ['Politics', 'Society', 'World'], ru: ['Политика', 'Общество', 'В мире'], ky: ['Саясат', 'Коом', 'Дүйнө'] }),
      );
      const city = rng.pick(
        pick({ en: ['Capital City', 'Northern Region'], ru: ['Москва', 'Северогорск', 'Бишкек'], ky: ['Бишкек', 'Ош', 'Нарын'] }),
      );
      const temperature = `${rng.chance(0.5) ? '+' : '−'}${rng.int(1, 25)}°`;
      const counters = pick({
        en: [`👁${views(rng)}`, `${rng.int(2, 40)} comments`],
        ru: [`👁${views(rng)}`, `${rng.int(2, 4)} комментария`],
        ky: [`👁 ${views(rng)}`, `${rng.int(2, 40)} комментарий`],
      });
      // A publication stamp with a time (a day or two after the event) and a view count, as Kyrgyz news sites print.
      const stamp = `${dates.numeric(shiftDate(context.date, rng.int(0, 2)))} ${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
      return rng.chance(0.3) ? [[rubric, stamp, views(rng)]] : [[rubric, city, temperature, ...counters]];
    }
    case 'release-header':
      return [
        pick({
          en: rng.pick([
            [rng.pick(['The Executive Office', 'The Press Office']), 'Office of the Press Secretary', 'For Immediate Release'],
            ['Press Office of the Cabinet', 'FOR IMMEDIATE RELEASE', 'Contact: press@example.org'],
          ]),
          ru: rng.pick([
            ['Пресс-служба Правительства', 'Для немедленной публикации'],
            ['Департамент информации', 'Пресс-релиз', 'Контакты: press@example.org'],
          ]),
          ky: rng.pick([
            ['Өкмөттүн басма сөз кызматы', 'Дароо жарыялоо үчүн'],
            ['Маалымат департаменти', 'Пресс-релиз'],
          ]),
        }),
      ];
    case 'metadata-block': {
      // A publication date a few days after the event: "Delivered on" and the dateline win over it.
      const published = shiftDate(context.date, rng.int(1, 4));
      return [
        pick({
          en: [
            `From: ${rng.pick(["Prime Minister's Office", 'Ministry of Economy', 'Cabinet Office'])}`,
            `Published ${dates.dmy(published)}`,
          ],
          ru: [`Источник: ${rng.pick(['Пресс-служба Правительства', 'Министерство экономики'])}`, `Опубликовано ${dates.ru(published)}`],
          ky: [
            `Булагы: ${rng.pick(['Өкмөттүн басма сөз кызматы', 'Экономика министрлиги'])}`,
            `Жарыяланды: ${dates.kyGenitive(published)}`,
          ],
        }),
      ];
    }
    case 'forum-post': {
      const joined = shiftDate(context.date, -rng.int(300, 2000));
      const postDate = shiftDate(context.date, rng.int(0, 20));
      const name = fullName(context.stranger);
      const number = rng.int(2, 999);
      const posts = `${rng.int(1, 9)},${String(rng.int(0, 999)).padStart(3, '0')}`;
      const nav = pick({
        en: ['Forum Home', "Today's Posts", 'Digital Library', 'Search Forums'],
        ru: ['Главная форума', 'Сообщения за день', 'Библиотека', 'Поиск по форуму'],
        ky: ['Форумдун башкы бети', 'Бүгүнкү билдирүүлөр', 'Китепкана', 'Форумдан издөө'],
      });
      const header = pick({
        en: [
          `Old ${dates.ordinal(postDate)} #${number}`,
          'Senior Member',
          ' ',
          `${name}'s Avatar`,
          `Join Date: ${['Jan', 'Mar', 'Aug', 'Nov'][rng.int(0, 3)]} ${joined.year}`,
          `Posts: ${posts}`,
        ],
        ru: [
          `Старый ${dates.numeric(postDate)} #${number}`,
          'Старожил',
          ' ',
          `Аватар для ${name}`,
          `Регистрация: ${dates.numeric(joined).slice(3)}`,
          `Сообщений: ${posts.replace(',', ' ')}`,
        ],
        ky: [
          `${dates.numeric(postDate)} #${number}`,
          'Туруктуу катышуучу',
          ' ',
          `${name} аватары`,
          `Катталган: ${joined.year}-ж.`,
          `Билдирүүлөр: ${posts.replace(',', ' ')}`,
        ],
      });
      return [nav, header];
    }
    case 'kg-menu-ticker': {
      const menu = rng.pick(
        pick({
          en: [
            ['Home', 'News', 'Politics', 'Share:'],
            ['Home', 'Politics', 'Society', 'Economy', 'Share:'],
          ],
          ru: [
            ['Главная', 'Новости', 'Политика', 'Поделиться:'],
            ['Главная', 'Политика', 'Общество', 'Экономика', 'Поделиться:'],
          ],
          ky: [
            ['Башкы бет', 'Жаңылыктар', 'Саясат', 'Бөлүшүү:'],
            ['Башкы бет', 'Саясат', 'Коом', 'Экономика', 'ЧУКУЛ КАБАР!', 'Бөлүшүү:'],
          ],
        }),
      );
      const ticker = [`USD ${money(rng, 80, 90)}`, `EUR ${money(rng, 88, 99)}`, `RUB ${money(rng, 0.8, 1.2)}`];
      if (rng.chance(0.4)) ticker.push(`KZT ${money(rng, 0.15, 0.2)}`);
      return [menu, ticker];
    }
    case 'print-share':
      return [
        rng.pick(
          pick({
            en: [
              ['Print version', 'Share'],
              ['Printer-friendly version', 'Send by email', 'Share'],
            ],
            ru: [
              ['Версия для печати', 'Поделиться'],
              ['Распечатать', 'Отправить по почте', 'Поделиться'],
            ],
            ky: [
              ['Басып чыгаруу', 'Бөлүшүү'],
              ['Басып чыгаруу', 'Почта аркылуу жөнөтүү', 'Бөлүшүү'],
            ],
          }),
        ),
      ];
    case 'archive-banner':
      return [
        [
          rng.pick(
            pick({
              en: [
                'This is historical material “frozen in time”. The website is no longer updated.',
                'This page has been archived and is no longer updated.',
              ],
              ru: ['Это архивная версия сайта. Материалы больше не обновляются.', 'Страница находится в архиве и не обновляется.'],
              ky: ['Бул сайттын архивдик версиясы. Материалдар мындан ары жаңыланбайт.', 'Бул барак архивде сакталган жана жаңыланбайт.'],
            }),
          ),
        ],
      ];
  }
}

export const FOOTERS = ['none', 'share-persons-tags', 'read-more', 'source-line', 'share-icons', 'copyright'] as const;
export type Footer = (typeof FOOTERS)[number];

/** What a site prints after the last turn. */
export function footerBlocks(footer: Footer, lang: Lang, rng: Random, people: readonly Person[]): Lines[] {
  const slug = `${rng.pick(['news', 'events', 'transcripts'])}/${rng.int(10000, 99999)}`;
  const host = rng.pick(['example.org', 'press.example.net', 'news.example.com']);
  const persons = people.map((person) => `${person.last} ${person.first}`).join(', ');
  const url = `https://${host}/${slug}`;
  switch (footer) {
    case 'none':
      return [];
    case 'share-persons-tags': {
      const topic = rng.pick(
        {
          en: ['Foreign policy', 'Economy', 'Regions'],
          ru: ['Внешняя политика', 'Экономика', 'Регионы'],
          ky: ['Тышкы саясат', 'Экономика', 'Аймактар'],
        }[lang],
      );
      const variants: Record<Lang, string[][]> = {
        en: [
          ['Share', 'Print version', `Persons: ${persons}`, `Tags: ${topic}`],
          ['Share on', 'Print', `Topics: ${topic}`, `Geography: ${rng.pick(['Northern Region', 'Capital City'])}`],
        ],
        ru: [
          ['Поделиться', 'Версия для печати', `Персоны: ${persons}`, `Темы: ${topic}`],
          ['Распечатать', `География: ${rng.pick(['Северная область', 'Столица'])}`, `Теги: ${topic}`],
        ],
        ky: [
          ['Бөлүшүү:', 'Басып чыгаруу', `Тэгдер: ${topic}`],
          ['Бөлүшүү', `Теги: ${topic}`, `${rng.int(100, 9000)} көрүүлөр`],
        ],
      };
      const lines = rng.pick(variants[lang]);
      return rng.chance(0.5) ? [lines] : lines.map((line) => [line]);
    }
    case 'read-more':
      return [
        [`${rng.pick({ en: ['Read more', 'See also'], ru: ['Читайте также', 'Подробнее'], ky: ['Толугураак', 'Кеңири'] }[lang])}: ${url}`],
      ];
    case 'source-line':
      return [
        [
          `${rng.pick({ en: ['The source of information -', 'Source:'], ru: ['Источник:', 'Ссылка на новость:'], ky: ['Булак:', 'Булагы:'] }[lang])} ${url}`,
        ],
      ];
    case 'share-icons':
      return [
        [
          { en: 'Share:', ru: 'Поделиться:', ky: 'Бөлүшүү:' }[lang],
          rng.pick(['VK X OK WhatsApp Telegram', 'Facebook X Telegram', 'WhatsApp Telegram VK']),
        ],
      ];
    case 'copyright':
      return [
        [
          {
            en: `© ${rng.int(2010, 2026)} Press Office. All rights reserved.`,
            ru: `© ${rng.int(2010, 2026)} Пресс-служба. Все права защищены.`,
            ky: `© ${rng.int(2010, 2026)} Басма сөз кызматы. Бардык укуктар корголгон.`,
          }[lang],
        ],
      ];
  }
}

export const TITLE_FORMS = ['plain', 'dated', 'twice', 'twice-around-date'] as const;
export type TitleForm = (typeof TITLE_FORMS)[number];

/** What a transcript is, which decides its title and lead. */
export type Kind = 'qa' | 'statements' | 'speech';

export function titleText(kind: Kind, lang: Lang, rng: Random, host: Person, named: boolean): string {
  const person = `${host.role} ${fullName(host)}`;
  const tables: Record<Lang, Record<Kind, string[]>> = {
    en: {
      qa: [
        'News conference following the talks',
        'Press Briefing by the Spokesperson',
        'Annual news conference',
        'Meeting with representatives of the business community',
        `Press Briefing by ${person}`,
        'Daily press briefing by the Office of the Spokesperson',
        'Joint news conference with the visiting delegation',
        'Remarks and answers to media questions',
      ],
      statements: [
        'Press statements following the talks',
        'Joint statements for the press',
        'Statements following the meeting of the Council',
        'Statements for the press after the signing ceremony',
      ],
      speech: named
        ? [
            `Speech by ${person} at the Regional Forum`,
            `Address by ${person} to the Council`,
            `Remarks by ${person} at the opening of the new school`,
          ]
        : ['Speech at the Regional Forum', 'Address to the Council for Regional Development', 'Remarks at the opening of the new school'],
    },
    ru: {
      qa: [
        'Пресс-конференция по итогам переговоров',
        'Брифинг официального представителя министерства',
        'Большая пресс-конференция',
        'Встреча с представителями деловых кругов',
        'Ответы на вопросы журналистов',
        'Совместная пресс-конференция с главой делегации',
      ],
      statements: [
        'Заявления для прессы по итогам переговоров',
        'Совместные заявления для прессы',
        'Заседание Совета по региональному развитию',
        'Заявления для прессы после церемонии подписания',
      ],
      speech: ['Выступление на заседании Совета', 'Обращение к участникам форума', 'Выступление на открытии новой школы'],
    },
    ky: {
      qa: [
        'Сүйлөшүүлөрдүн жыйынтыгы боюнча маалымат жыйыны',
        'Министрликтин брифинги',
        'Жылдык маалымат жыйыны',
        'Ишкерлер менен жолугушуу',
        'Журналисттердин суроолоруна жооптор',
        'Делегациянын башчысы менен биргелешкен маалымат жыйыны',
      ],
      statements: [
        'Басма сөз үчүн билдирүүлөр',
        'Биргелешкен билдирүүлөр',
        'Аймактык өнүктүрүү кеңешинин жыйыны',
        'Кол коюу аземинен кийинки билдирүүлөр',
      ],
      speech: ['Форумдун катышуучуларына кайрылуу', 'Кеңештин жыйынындагы сөз', 'Жаңы мектептин ачылышындагы сөз'],
    },
  };
  return rng.pick(tables[lang][kind]);
}

/** "…, May 31, 2016", "…, 31 мая 2016 года": the date at the end of the title. */
export function titleWithDate(title: string, lang: Lang, rng: Random, date: EventDate): string {
  if (lang === 'en')
    return rng.chance(0.3) && date.day > 12
      ? `${title}, ${dates.slash(date)}`
      : `${title}, ${rng.chance(0.5) ? dates.mdy(date) : dates.dmy(date)}`;
  if (lang === 'ru') return `${title}, ${dates.ru(date)}`;
  return `${title}, ${dates.kyGenitive(date)}`;
}

export const DATELINE_FORMS: Record<Lang, readonly string[]> = {
  en: [
    'mdy-place',
    'mdy',
    'mdy-time-2sp',
    'mdy-time-comma',
    'mdy-time',
    'hyphen-time',
    'three-lines',
    'dmy-place',
    'place-dmy',
    'place-date-lines',
    'delivered',
    'dmy-venue',
    'date-venue-time',
    'date-time-line',
  ],
  ru: ['place', 'noplace', 'time', 'time-comma', 'three-lines', 'numeric-time', 'place-first', 'date-venue', 'time-first'],
  ky: [
    'hyphen-place',
    'hyphen',
    'genitive',
    'genitive-place',
    'place-genitive',
    'hyphen-time',
    'three-lines',
    'numeric-time',
    'russian-place',
  ],
};

export interface DatelineTruth {
  blocks: Lines[];
  time: string | null;
  place: string | null;
}

/** The dateline, time and venue lines under the title, with what they say. */
export function datelineBlocks(
  form: string,
  lang: Lang,
  rng: Random,
  date: EventDate,
  place: string,
  venue: string,
  time: Time,
): DatelineTruth {
  const t = hhmm(time);
  const zone = rng.pick(['EST', 'EDT', '']);
  const line = (...lines: string[]) => lines.map((text) => [text]);
  switch (`${lang}:${form}`) {
    case 'en:mdy-place':
      return { blocks: line(`${dates.mdy(date)}, ${place}`), time: null, place };
    case 'en:mdy':
      return { blocks: line(dates.mdy(date)), time: null, place: null };
    case 'en:mdy-time-2sp':
      return { blocks: line(`${dates.mdy(date)}, ${t}  ${place}`), time: t, place };
    case 'en:mdy-time-comma':
      return { blocks: line(`${dates.mdy(date)}, ${t}, ${place}`), time: t, place };
    case 'en:mdy-time':
      return { blocks: line(`${dates.mdy(date)}, ${t}`), time: t, place: null };
    case 'en:hyphen-time':
      return { blocks: line(`${dates.mdy(date)} - ${t} - ${place}`), time: t, place };
    case 'en:three-lines':
      return { blocks: line(dates.mdy(date), t, place), time: t, place };
    case 'en:dmy-place':
      return { blocks: line(`${dates.dmy(date)}, ${place}`), time: null, place };
    case 'en:place-dmy':
      return { blocks: line(`${place}, ${dates.dmy(date)}`), time: null, place };
    case 'en:place-date-lines':
      return { blocks: line(place, dates.dmy(date)), time: null, place };
    case 'en:delivered':
      return {
        blocks: line(
          `Delivered on: ${dates.dmy(date)}${rng.chance(0.5) ? ' (Transcript of the speech, exactly as it was delivered)' : ''}`,
        ),
        time: null,
        place: null,
      };
    case 'en:dmy-venue':
      // "16 October 2019, General Assembly": the remarks' venue in the place slot.
      return { blocks: line(`${dates.dmy(date)}, ${venue}`), time: null, place: venue };
    case 'en:date-venue-time':
      return { blocks: line(dates.mdy(date), venue, twelveHour(time, zone, true)), time: t, place: venue };
    case 'en:date-time-line':
      return { blocks: line(dates.mdy(date), twelveHour(time, zone, rng.chance(0.5))), time: t, place: null };
    case 'ru:place':
      return { blocks: line(`${dates.ru(date)}, ${place}`), time: null, place };
    case 'ru:noplace':
      return { blocks: line(dates.ru(date)), time: null, place: null };
    case 'ru:time':
      return { blocks: line(`${dates.ru(date)}, ${t} ${place}`), time: t, place };
    case 'ru:time-comma':
      return { blocks: line(`${dates.ru(date)}, ${t}, ${place}`), time: t, place };
    case 'ru:three-lines':
      return { blocks: line(dates.ru(date), t, place), time: t, place };
    case 'ru:numeric-time':
      return { blocks: line(`${dates.numeric(date)} ${t}`), time: t, place: null };
    case 'ru:place-first':
      return { blocks: line(`${place}, ${dates.ru(date)}`), time: null, place };
    case 'ru:date-venue':
      return { blocks: line(dates.ru(date), venue), time: null, place: venue };
    case 'ru:time-first':
      // "11:35, 10 января 2022, Бишкек" (Russian-language Kyrgyz news sites).
      return { blocks: line(`${t}, ${dates.ru(date).replace(/ года$/, '')}, ${place}`), time: t, place };
    case 'ky:hyphen-place':
      return { blocks: line(`${dates.kyHyphen(date)}, ${place}`), time: null, place };
    case 'ky:hyphen':
      return { blocks: line(dates.kyHyphen(date)), time: null, place: null };
    case 'ky:genitive':
      return { blocks: line(dates.kyGenitive(date)), time: null, place: null };
    case 'ky:genitive-place':
      return { blocks: line(`${dates.kyGenitive(date)}, ${place}`), time: null, place };
    case 'ky:place-genitive':
      return { blocks: line(`${place}, ${dates.kyGenitive(date)}`), time: null, place };
    case 'ky:hyphen-time':
      return { blocks: line(`${dates.kyHyphen(date)}, ${t}, ${place}`), time: t, place };
    case 'ky:three-lines':
      return { blocks: line(dates.kyHyphen(date), t, place), time: t, place };
    case 'ky:numeric-time':
      return { blocks: line(`${dates.numeric(date)} ${t}`), time: t, place: null };
    case 'ky:russian-place':
      return { blocks: line(`${dates.ru(date)}, ${place}`), time: null, place };
  }
  throw new Error(`no dateline form ${lang}:${form}`);
}

/** Lead sentences that name the speakers in the third person. */
export function leadParagraphs(
  kind: Kind,
  lang: Lang,
  rng: Random,
  people: readonly Person[],
  date: EventDate,
  count: number,
  formula: boolean,
): string[] {
  const host = people[0]!;
  const guest = people[1] ?? host;
  const named = (person: Person) => `${person.role} ${fullName(person)}`;
  const past = (person: Person, male: string, female: string) => (person.female ? female : male);
  const pool: Record<Lang, string[]> = {
    en: [
      `${named(host)} held talks with a delegation of the partner country.`,
      'Following the meeting, the parties made statements for the press.',
      `The talks covered trade, energy and education. ${named(guest)} also took part.`,
      'The sides signed a package of documents on cooperation.',
      'Earlier in the day, the delegations visited an industrial park.',
      'Members of the Government and heads of regions attended the meeting.',
      'The event was broadcast live (https://tv.example.org/live/).',
    ],
    ru: [
      `${named(host)} ${past(host, 'провёл', 'провела')} переговоры с делегацией страны-партнёра.`,
      'По итогам встречи стороны сделали заявления для прессы.',
      `В ходе встречи обсуждались вопросы торговли и энергетики. В переговорах ${past(guest, 'участвовал', 'участвовала')} ${named(guest)}.`,
      'Стороны подписали пакет документов о сотрудничестве.',
      'Ранее в тот же день делегации посетили индустриальный парк.',
      'Во встрече приняли участие члены Правительства и главы регионов.',
      'Трансляция велась в прямом эфире (https://tv.example.org/live/).',
    ],
    ky: [
      `${named(host)} өнөктөш өлкөнүн делегациясы менен сүйлөшүү жүргүздү.`,
      'Жолугушуудан кийин тараптар басма сөз үчүн билдирүү жасашты.',
      `Жолугушууда соода жана энергетика маселелери талкууланды. Сүйлөшүүгө ${named(guest)} да катышты.`,
      'Тараптар кызматташтык боюнча документтерге кол коюшту.',
      'Ошол эле күнү делегациялар индустриалдык паркка барышты.',
      'Жолугушууга Өкмөт мүчөлөрү жана аймактардын башчылары катышты.',
      'Иш-чара түз эфирде көрсөтүлдү (https://tv.example.org/live/).',
    ],
  };
  if (kind === 'speech') {
    const speech: Record<Lang, string> = {
      en: rng.chance(0.5)
        ? `Below is the text of the speech made by ${fullName(host)}, the ${host.role}, on ${dates.dmy(date)}.`
        : `${named(host)} addressed the participants of the forum.`,
      ru: `${named(host)} ${past(host, 'выступил', 'выступила')} перед участниками форума.`,
      ky: `${named(host)} форумдун катышуучуларына кайрылды.`,
    };
    return [speech[lang], ...rng.sample(pool[lang].slice(3), count - 1)];
  }
  const first: Record<Lang, string> = {
    en: rng.chance(0.5)
      ? `The following is a near-verbatim transcript of today’s briefing by ${named(host)}.`
      : 'Following is a transcript of the press conference held today:',
    ru: 'Ниже приводится стенограмма пресс-конференции.',
    ky: 'Төмөндө маалымат жыйынынын стенограммасы берилди.',
  };
  const paragraphs = rng.sample(pool[lang], count);
  if (formula) paragraphs[0] = first[lang];
  return paragraphs;
}

/** How principal speakers are labelled: the first mention always names the role, so styles carry the same facts. */
export const LABEL_STYLES: Record<Lang, readonly string[]> = {
  en: ['role-name-then-name', 'role-name-always', 'caps', 'caps-honorific', 'initials', 'initials-space', 'name-comma-role'],
  ru: ['role-name-then-name', 'role-name-always', 'caps', 'initials', 'initials-space', 'initials-mixed', 'name-comma-role'],
  ky: ['role-name-then-name', 'role-name-always', 'caps', 'initials', 'initials-space', 'name-comma-role'],
};

/** The printed label (without the colon) of `person`'s turn; `first` is the person's first turn. */
export function labelText(style: string, lang: Lang, person: Person, first: boolean, turnIndex: number): string {
  const name = fullName(person);
  const roleName = `${person.role} ${name}`;
  if (first) {
    if (style === 'caps' || style === 'caps-honorific') return roleName.toUpperCase();
    if (style === 'name-comma-role') return `${name}, ${person.role}`;
    return roleName;
  }
  switch (style) {
    case 'role-name-always':
      return roleName;
    case 'caps':
      return name.toUpperCase();
    case 'caps-honorific':
      return `${person.female ? 'MS.' : 'MR.'} ${person.last.toUpperCase()}`;
    case 'initials':
      return `${person.first[0]}.${person.last}`;
    case 'initials-space':
      return `${person.first[0]}. ${person.last}`;
    case 'initials-mixed':
      return turnIndex % 2 === 0 ? `${person.first[0]}.${person.last}` : `${person.first[0]}. ${person.last}`;
    default:
      return name;
  }
}

export const QUESTION_STYLES: Record<Lang, readonly string[]> = {
  en: ['Q-spaces', 'Q-tab', 'Q-colon', 'Question:', 'QUESTION:'],
  ru: ['Вопрос:', 'ВОПРОС:'],
  ky: ['Суроо:', 'СУРОО:', 'Вопрос:'],
};

/** "Q    Sure, thanks." / "Question: …": the question label glued to its text (own-line labels put "label" apart). */
export function questionLabel(style: string): { label: string; glue: string } {
  if (style === 'Q-spaces') return { label: 'Q', glue: '    ' };
  if (style === 'Q-tab') return { label: 'Q', glue: '\t' };
  if (style === 'Q-colon') return { label: 'Q:', glue: ' ' };
  return { label: style, glue: ' ' };
}

export const REMARK_LABELS: Record<Lang, readonly string[]> = { en: ['Remark:', 'REPLICA:'], ru: ['Реплика:'], ky: ['Реплика:'] };
