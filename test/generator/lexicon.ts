// Words the generator composes transcripts from, per language. People are invented: first names and
// surnames are drawn apart and paired at random, so no rule of the normaliser can be fitted to a name.
import type { Random } from './random.ts';

export type Lang = 'en' | 'ru' | 'ky';
export const LANGS: readonly Lang[] = ['en', 'ru', 'ky'];

export interface Person {
  first: string;
  last: string;
  female: boolean;
  role: string;
}

const LATIN_MALE = [
  'Andrei',
  'Boris',
  'Dmitri',
  'Oleg',
  'Pavel',
  'Ruslan',
  'Timur',
  'Nurlan',
  'Aibek',
  'Bakyt',
  'Marat',
  'Ilya',
  'Kirill',
  'Stepan',
  'Yegor',
  'Arseny',
  'Gleb',
  'Daniel',
  'Thomas',
  'Gregory',
  'Howard',
  'Martin',
  'Simon',
  'Victor',
  'Leonard',
  'Edwin',
  'Rupert',
  'Felix',
  'Oscar',
  'Julian',
  'Walter',
  'Conrad',
  'Talant',
  'Ermek',
];
const LATIN_FEMALE = [
  'Anna',
  'Dana',
  'Elena',
  'Irina',
  'Olga',
  'Marina',
  'Svetlana',
  'Aigul',
  'Gulnara',
  'Cholpon',
  'Nazira',
  'Aida',
  'Zarina',
  'Kira',
  'Vera',
  'Margaret',
  'Helen',
  'Judith',
  'Clara',
  'Miriam',
  'Rosalind',
  'Beatrice',
  'Harriet',
  'Louise',
  'Sylvia',
  'Nora',
  'Aizhan',
];
/** Surnames that take no feminine ending in English transliteration. */
const LATIN_SURNAMES = [
  'Whitfield',
  'Harcourt',
  'Penrose',
  'Fenwick',
  'Caldwell',
  'Merriman',
  'Thornbury',
  'Lockridge',
  'Wexley',
  'Pellham',
  'Standish',
  'Crowther',
  'Blaydon',
  'Ravensworth',
  'Hollins',
  'Marchbank',
  'Tilbury',
  'Greaves',
  'Ambler',
  'Harcourt-Lowe',
  'Merriman-Price',
  'Varenov',
  'Poluyan',
  'Tresnikov',
  'Kolobanov',
  'Dremin',
  'Ostapchuk',
  'Gavrilenko',
  'Sheremet',
  'Lozinsky',
  'Bykovets',
  'Zarubin',
  'Arlanov',
  'Bekmuratov',
  'Tolonbaev',
  'Usenaliev',
  'Dzhumakeev',
  'Kadyrbekov',
  'Sarybaev',
  'Ormonov',
  'Asanaliev',
  'Tokonov',
  'Mamyrov',
  'Sultanbekov',
  'Abdykerimov',
  'Osmonaliev',
  'Kasymaliev',
  'Turdubaev',
  'Zhanybekov',
  'Nurmatov',
  'Sydykov',
  'Bolotbekov',
  'Ryabinin',
  'Streltsov',
  'Yasenev',
  'Olkhovsky',
];
const CYRILLIC_MALE = [
  'Андрей',
  'Борис',
  'Дмитрий',
  'Олег',
  'Павел',
  'Руслан',
  'Тимур',
  'Нурлан',
  'Айбек',
  'Бакыт',
  'Марат',
  'Илья',
  'Кирилл',
  'Степан',
  'Егор',
  'Глеб',
  'Виктор',
  'Семён',
  'Аркадий',
  'Лев',
  'Төлөгөн',
  'Үмөт',
  'Өмүрбек',
  'Мөлдөбек',
  'Жеңишбек',
  'Төрөбек',
  'Эрмек',
  'Канат',
  'Талант',
  'Азамат',
];
const CYRILLIC_FEMALE = [
  'Анна',
  'Елена',
  'Ирина',
  'Ольга',
  'Марина',
  'Светлана',
  'Вера',
  'Нина',
  'Дарья',
  'Полина',
  'Айгүл',
  'Гүлнара',
  'Чолпон',
  'Назира',
  'Жаңыл',
  'Бүбүсара',
  'Айпери',
  'Мөлдүр',
  'Үмүт',
  'Гүлзат',
  'Айжан',
  'Нурзат',
  'Салтанат',
  'Жылдыз',
  'Асель',
];
/** Masculine forms; the feminine is derived (-ов → -ова, -ский → -ская). */
const CYRILLIC_SURNAMES = [
  'Веретенников',
  'Полозов',
  'Тресников',
  'Колобанов',
  'Дремин',
  'Гавриленко',
  'Шеремет',
  'Лозинский',
  'Быковец',
  'Зарубин',
  'Арланов',
  'Варенов',
  'Сомов',
  'Гурьянов',
  'Пешехонов',
  'Ракитин',
  'Селиверстов',
  'Туманов',
  'Хромов',
  'Чеботарёв',
  'Щеглов',
  'Ясенев',
  'Ольховский',
  'Березин',
  'Калугин',
  'Мещеряков',
  'Прокудин',
  'Рябинин',
  'Стрельцов',
  'Уваров',
  'Бекмуратов',
  'Тологонов',
  'Үсөнбаев',
  'Төрөбеков',
  'Жаңыбеков',
  'Өмүралиев',
  'Сыдыков',
  'Токтосунов',
  'Мамыров',
  'Абдыкеримов',
  'Осмоналиев',
  'Касымалиев',
  'Турдубаев',
  'Нурматов',
  'Болотбеков',
  'Асаналиев',
  'Токонов',
  'Султанбеков',
  'Кеңешов',
  'Бөрүбаев',
  'Үмөталиев',
  'Маңкеев',
];

function feminine(surname: string): string {
  if (/(?:ов|ев|ёв|ин)$/u.test(surname)) return `${surname}а`;
  if (surname.endsWith('ский')) return `${surname.slice(0, -4)}ская`;
  return surname;
}

/** "Arlanov" → "Arlanova"; "Lozinsky" → "Lozinskaya"; English surnames stay. */
function feminineLatin(surname: string): string {
  if (/(?:ov|ev|in)$/.test(surname)) return `${surname}a`;
  if (surname.endsWith('sky')) return `${surname.slice(0, -3)}skaya`;
  return surname;
}

export const ROLES: Record<Lang, readonly string[]> = {
  en: [
    'President',
    'Prime Minister',
    'Minister of Foreign Affairs',
    'Press Secretary',
    'Deputy Prime Minister',
    'Chairman of the Cabinet of Ministers',
    'Governor of the Northern Region',
    'Mayor of the Capital',
    'Minister of Economy',
    'Head of the Presidential Administration',
    'Chair of the National Bank',
    'Speaker of the Parliament',
    'Ambassador',
    'Spokesperson for the Ministry',
    'Minister of Health',
    'Minister of Education',
    'Director of the Research Institute',
    'Research Director of the Discussion Club, moderator',
  ],
  ru: [
    'Президент',
    'Председатель Правительства',
    'Министр иностранных дел',
    'Пресс-секретарь',
    'Заместитель Председателя Правительства',
    'Губернатор Северной области',
    'Мэр столицы',
    'Министр экономики',
    'Руководитель Администрации Президента',
    'Председатель Национального банка',
    'Председатель Парламента',
    'Посол',
    'Официальный представитель министерства',
    'Министр здравоохранения',
    'Министр образования',
    'Директор научного института',
    'Программный директор клуба, модератор',
  ],
  ky: [
    'Президент',
    'Министрлер кабинетинин төрагасы',
    'Тышкы иштер министри',
    'Басма сөз катчысы',
    'Жогорку Кеңештин төрагасы',
    'Экономика министри',
    'Борбор шаардын мэри',
    'Өкмөттүн өкүлү',
    'Улуттук банктын төрагасы',
    'Саламаттык сактоо министри',
    'Билим берүү министри',
    'Президенттин администрациясынын жетекчиси',
    'Финансы министри',
    'Элчи',
    'Облустун губернатору',
    'Клубдун программалык директору, модератор',
  ],
};

export function drawPeople(rng: Random, lang: Lang, count: number): Person[] {
  const latin = lang === 'en';
  const people: Person[] = [];
  const usedLast = new Set<string>();
  const usedFirst = new Set<string>();
  const roles = rng.sample(ROLES[lang], count);
  while (people.length < count) {
    const female = rng.chance(0.4);
    const first = rng.pick(latin ? (female ? LATIN_FEMALE : LATIN_MALE) : female ? CYRILLIC_FEMALE : CYRILLIC_MALE);
    const base = rng.pick(latin ? LATIN_SURNAMES : CYRILLIC_SURNAMES);
    // Two people of one document differ in surname and first letter, so initials ("В.Петров") name one person.
    if (usedLast.has(base) || usedFirst.has(first[0]!)) continue;
    usedLast.add(base);
    usedFirst.add(first[0]!);
    people.push({ first, last: female ? (latin ? feminineLatin(base) : feminine(base)) : base, female, role: roles[people.length]! });
  }
  return people;
}

export const fullName = (person: Person) => `${person.first} ${person.last}`;

// Places: real and invented towns alike, since a place is read from its position, not from a gazetteer.
export const PLACES: Record<Lang, readonly string[]> = {
  en: [
    'Moscow',
    'Bishkek',
    'Sochi',
    'Geneva',
    'New York',
    'St Petersburg',
    'Osh',
    'Karakol',
    'Kazan',
    'Westbrook',
    'Port Elmsley',
    'Moscow Region',
    'Novo-Ozersk',
    'Cholpon-Ata',
  ],
  ru: [
    'Москва',
    'Бишкек',
    'Сочи',
    'Казань',
    'Новосибирск',
    'Ош',
    'Каракол',
    'Северогорск',
    'Санкт-Петербург',
    'Подмосковье',
    'Чолпон-Ата',
    'Новоозёрск',
  ],
  ky: ['Бишкек', 'Ош', 'Каракол', 'Нарын', 'Талас', 'Жалал-Абад', 'Баткен', 'Токмок', 'Чолпон-Ата', 'Кара-Балта', 'Көк-Жар'],
};
export const VENUES: Record<Lang, readonly string[]> = {
  en: [
    'East Room',
    'Roosevelt Room',
    'Press Briefing Room',
    'Circular Hall',
    'Main Hall',
    'State Dining Room',
    'Media Centre',
    'Conference Hall',
  ],
  ru: ['Круглый зал', 'Малый зал', 'Пресс-центр', 'Конференц-зал', 'Большой зал'],
  ky: ['Чоң зал', 'Кичи зал', 'Пресс-борбор', 'Конференц-зал'],
};

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
const RU_MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const KY_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
/** Possessive forms after "2025-жылдын": "14-ноябры", "31-майы". */
const KY_MONTHS_POSS = [
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
/** Locative forms for a date inside a sentence: "14-ноябрда". */
const KY_MONTHS_LOC = [
  'январда',
  'февралда',
  'мартта',
  'апрелде',
  'майда',
  'июнда',
  'июлда',
  'августта',
  'сентябрда',
  'октябрда',
  'ноябрда',
  'декабрда',
];

export interface EventDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export const iso = (date: EventDate) => `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

export function drawDate(rng: Random): EventDate {
  const year = rng.int(2001, 2026);
  const month = rng.int(1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: rng.int(1, days) };
}

export function shiftDate(date: EventDate, days: number): EventDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export const dates = {
  mdy: (d: EventDate) => `${EN_MONTHS[d.month - 1]} ${d.day}, ${d.year}`,
  dmy: (d: EventDate) => `${d.day} ${EN_MONTHS[d.month - 1]} ${d.year}`,
  ordinal: (d: EventDate) =>
    `${EN_MONTHS[d.month - 1]} ${d.day}${d.day % 10 === 1 && d.day !== 11 ? 'st' : d.day % 10 === 2 && d.day !== 12 ? 'nd' : d.day % 10 === 3 && d.day !== 13 ? 'rd' : 'th'}, ${d.year}`,
  ru: (d: EventDate) => `${d.day} ${RU_MONTHS_GEN[d.month - 1]} ${d.year} года`,
  kyHyphen: (d: EventDate) => `${d.day}-${KY_MONTHS[d.month - 1]}, ${d.year}-жыл`,
  kyGenitive: (d: EventDate) => `${d.year}-жылдын ${d.day}-${KY_MONTHS_POSS[d.month - 1]}`,
  kyInSentence: (d: EventDate) => `${d.year}-жылы ${d.day}-${KY_MONTHS_LOC[d.month - 1]}`,
  numeric: (d: EventDate) => `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}`,
  /** US month/day/year, only used when the day is above 12, so that one reading is possible. */
  slash: (d: EventDate) => `${d.month}/${d.day}/${d.year}`,
  inSentence: (lang: Lang, d: EventDate) => (lang === 'en' ? dates.mdy(d) : lang === 'ru' ? dates.ru(d) : dates.kyInSentence(d)),
};

export interface Time {
  hour: number;
  minute: number;
}
export const hhmm = (time: Time) => `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
export function twelveHour(time: Time, zone: string, dots: boolean): string {
  const half = time.hour >= 12 ? 'P' : 'A';
  const hour = time.hour % 12 === 0 ? 12 : time.hour % 12;
  return `${hour}:${String(time.minute).padStart(2, '0')} ${dots ? `${half}.M.` : `${half}M`} ${zone}`.trim();
}

/** Sentences of speech: a small grammar per language, so that no two transcripts share their text. */
const GRAMMAR: Record<Lang, { openers: string[]; subjects: string[]; verbs: string[]; objects: string[]; tails: string[] }> = {
  en: {
    openers: ['', '', '', 'Colleagues, ', 'First of all, ', 'Of course, ', 'As you know, ', 'Frankly speaking, ', 'I would add that '],
    subjects: [
      'we',
      'our governments',
      'the delegations',
      'the ministers',
      'both sides',
      'our partners',
      'the working group',
      'the experts',
    ],
    verbs: [
      'discussed',
      'agreed on',
      'reviewed',
      'paid close attention to',
      'supported',
      'will continue to work on',
      'have completed work on',
    ],
    objects: [
      'the new trade agreement',
      'the construction of roads and bridges',
      'cooperation in education',
      'energy supplies for the winter',
      'the joint investment fund',
      'the programme for young specialists',
      'water management in the valley',
      'the reform of the customs service',
      'the railway to the southern border',
      'support for small farms',
      'the exchange of students',
      'the plan for new hospitals',
      'the digital services for citizens',
      'the new airport terminal',
      'tourism in the mountain regions',
    ],
    tails: ['', '', ' in the coming months', ' without delay', ' as planned', ' by the end of the year', ' in full'],
  },
  ru: {
    openers: ['', '', '', 'Уважаемые коллеги, ', 'Прежде всего, ', 'Конечно, ', 'Как вы знаете, ', 'Откровенно говоря, ', 'Добавлю, что '],
    subjects: ['мы', 'наши страны', 'делегации', 'министры', 'обе стороны', 'эксперты', 'наши коллеги', 'рабочие группы'],
    verbs: ['обсудили', 'рассмотрели', 'поддержали', 'согласовали', 'продолжат обсуждать', 'подробно изучили'],
    objects: [
      'новое торговое соглашение',
      'строительство дорог и мостов',
      'сотрудничество в области образования',
      'поставки энергии на зиму',
      'совместный инвестиционный фонд',
      'программу для молодых специалистов',
      'реформу таможенной службы',
      'вопросы водопользования',
      'железную дорогу к южной границе',
      'поддержку фермерских хозяйств',
      'обмен студентами',
      'план строительства больниц',
      'цифровые услуги для граждан',
      'новый терминал аэропорта',
      'развитие туризма в горных районах',
    ],
    tails: ['', '', ' в ближайшие месяцы', ' без промедления', ' до конца года', ' в полном объёме'],
  },
  ky: {
    openers: ['', '', '', 'Урматтуу кесиптештер, ', 'Биринчиден, ', 'Албетте, ', 'Белгилүү болгондой, ', 'Ачык айтсам, '],
    subjects: ['биз', 'эки өлкө', 'делегациялар', 'министрлер', 'тараптар', 'эксперттер', 'кесиптештерибиз'],
    verbs: ['талкуулады', 'карап чыкты', 'колдоду', 'макулдашты', 'улантат', 'кылдат изилдеди'],
    objects: [
      'жаңы соода келишимин',
      'жол жана көпүрө курулушун',
      'билим берүү тармагындагы кызматташтыкты',
      'кышкы энергия жеткирүүнү',
      'биргелешкен инвестициялык фондду',
      'жаш адистер үчүн программаны',
      'бажы кызматынын реформасын',
      'суу пайдалануу маселелерин',
      'түштүк чек арага темир жолду',
      'фермерлерге колдоону',
      'студенттер алмашуусун',
      'ооруканалар курулушунун планын',
      'жарандар үчүн санариптик кызматтарды',
      'аэропорттун жаңы терминалын',
      'тоолуу аймактардагы туризмди',
    ],
    tails: ['', '', 'жакынкы айларда ', 'жыл аягына чейин ', 'толук көлөмдө ', 'кечиктирбестен '],
  },
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function sentence(rng: Random, lang: Lang): string {
  const g = GRAMMAR[lang];
  const opener = rng.pick(g.openers);
  if (lang === 'ky') {
    const body = `${rng.pick(g.subjects)} ${rng.pick(g.objects)} ${rng.pick(g.tails)}${rng.pick(g.verbs)}`;
    return `${capitalise(opener + body)}.`;
  }
  const body = `${rng.pick(g.subjects)} ${rng.pick(g.verbs)} ${rng.pick(g.objects)}${rng.pick(g.tails)}`;
  return `${capitalise(opener + body)}${rng.chance(0.1) ? '!' : '.'}`;
}

/** Sentences that look like structure and are not: "Name:" inside a sentence, a date inside a sentence. */
export function trapSentence(rng: Random, lang: Lang, someone: Person, date: EventDate): string {
  const object = rng.pick(GRAMMAR[lang].objects);
  const when = dates.inSentence(lang, date);
  const traps: Record<Lang, string[]> = {
    en: [
      `I fully concur with Mr ${someone.last}: ${object} matters a great deal.`,
      `As ${fullName(someone)} said yesterday: we need ${object}.`,
      `The agreement signed on ${when} covers ${object}.`,
      `On ${when}, 10:30 in the morning, we met again.`,
      `There is one rule here: ${object} comes first.`,
    ],
    ru: [
      `Полностью согласен с господином ${someone.last}: ${object} очень важны.`,
      `Как сказал вчера ${fullName(someone)}: нам нужно ${object}.`,
      `Соглашение, подписанное ${when}, охватывает ${object}.`,
      `${capitalise(when)}, в 10:30 утра, мы встретились снова.`,
      `Здесь есть одно правило: ${object} прежде всего.`,
    ],
    ky: [
      `Мен ${someone.last} мырзанын пикирине кошулам: ${object} абдан маанилүү.`,
      `${capitalise(when)} кол коюлган келишим ${object} камтыйт.`,
      `Бул жерде бир эреже бар: ${object} биринчи орунда.`,
      `${capitalise(when)}, саат 10:30да, биз кайра жолуктук.`,
    ],
  };
  return rng.pick(traps[lang]);
}

export function question(rng: Random, lang: Lang): string {
  const object = rng.pick(GRAMMAR[lang].objects);
  const forms: Record<Lang, string[]> = {
    en: [
      `When will ${object} be ready?`,
      `What do you think about ${object}?`,
      `Could you comment on ${object}?`,
      `How will this affect ${object}?`,
      `Good afternoon. My question is about ${object}. What are the next steps?`,
      `Thank you. Is there a deadline for ${object}?`,
    ],
    ru: [
      `Скажите, пожалуйста, как Вы оцениваете ${object}?`,
      `Когда будет завершена работа, включая ${object}?`,
      `Что Вы можете сказать про ${object}?`,
      `Добрый день. Мой вопрос про ${object}. Какие следующие шаги?`,
    ],
    ky: [`${capitalise(object)} качан аяктайт?`, `Сиз ${object} кандай баалайсыз?`, `${capitalise(object)} боюнча эмне айта аласыз?`],
  };
  return rng.pick(forms[lang]);
}

const OUTLETS: Record<Lang, readonly string[]> = {
  en: ['Channel One', 'Polar Radio', 'Evening Gazette', 'City News Agency', 'Valley Television'],
  ru: ['Первый канал', 'Полярное радио', 'Вечерняя газета', 'Городское агентство новостей'],
  ky: ['Ала-Тоо телеканалы', 'Тоолуу радиосу', 'Кечки гезит', 'Шаар жаңылыктары'],
};
/** "Olga Knyazeva, First Channel. When…": a journalist names themself inside the question; not a label. */
export function selfIntroduction(rng: Random, lang: Lang, journalist: Person): string {
  return `${fullName(journalist)}, ${rng.pick(OUTLETS[lang])}.`;
}

export function paragraph(rng: Random, lang: Lang, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rng, lang)).join(' ');
}

export const STAGE_DIRECTIONS: Record<Lang, readonly string[]> = {
  en: ['(Laughter.)', '(Applause.)', '(Laughter and applause.)'],
  ru: ['(Смех.)', '(Аплодисменты.)'],
  ky: ['(Күлкү.)', '(Кол чабуулар.)'],
};
/** A stage direction that is not in any lexicon: a whole paragraph in parentheses. */
export const ODD_STAGE_DIRECTION: Record<Lang, string> = {
  en: '(Press Office aide sneezes.)',
  ru: '(Микрофон ненадолго отключается.)',
  ky: '(Микрофон бир аз өчүп калды.)',
};
export const EDITORIAL: Record<Lang, readonly string[]> = {
  en: ['[…]', '[The briefing resumed after a short break.]', '[inaudible]'],
  ru: ['[…]', '[Брифинг продолжился после перерыва.]', '[неразборчиво]'],
  ky: ['[…]', '[Брифинг тыныгуудан кийин уланды.]'],
};
