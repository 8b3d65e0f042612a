/**
 * Generic calendar and venue words per language (en, ru, ky). Only words a reader of any site would use:
 * no site's or person's name belongs here.
 */

export const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** "Sept." is the one English abbreviation longer than three letters that pages print. */
const ENGLISH_ABBREVIATIONS: Record<string, number> = { sept: 9 };

/** Russian genitive (the case of "3 ноября"), nominative (also Kyrgyz: "14-ноябрь") and printed abbreviations. */
export const RUSSIAN_GENITIVE = [
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
export const RUSSIAN_NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const RUSSIAN_ABBREVIATIONS: Record<string, number> = {
  янв: 1,
  фев: 2,
  февр: 2,
  мар: 3,
  апр: 4,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  сент: 9,
  окт: 10,
  ноя: 11,
  нояб: 11,
  дек: 12,
};

/**
 * Kyrgyz writes the Russian month stem with case and possessive suffixes: "14-ноябры", "апрели", "августу"
 * (possessive, in "2025-жылдын 14-ноябры"), "21-октябрда" (locative), "25-ноябрдын" (genitive), "майы", "мартта".
 */
const KYRGYZ_STEMS = ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const KYRGYZ_SUFFIXES = new Set([
  '',
  'ь',
  'ы',
  'и',
  'у',
  'да',
  'де',
  'та',
  'те',
  'дын',
  'дин',
  'тын',
  'тин',
  'га',
  'ге',
  'ка',
  'ке',
  'дан',
  'ден',
  'тан',
  'тен',
]);

/** The traditional Kyrgyz month names, January to December ("Аяк оона 20, 2024" is 20 September 2024). */
const KYRGYZ_TRADITIONAL = [
  'үчтүн айы',
  'бирдин айы',
  'жалган куран',
  'чын куран',
  'бугу',
  'кулжа',
  'теке',
  'баш оона',
  'аяк оона',
  'тогуздун айы',
  'жетинин айы',
  'бештин айы',
];
/** Second words of the two-word traditional names: a month token may span one space only before these. */
export const TRADITIONAL_SECOND_WORDS = ['айы', 'куран', 'оона'];

const MONTHS = new Map<string, number>();
ENGLISH_MONTHS.forEach((name, index) => {
  MONTHS.set(name, index + 1);
  MONTHS.set(name.slice(0, 3), index + 1);
});
for (const [name, month] of Object.entries(ENGLISH_ABBREVIATIONS)) MONTHS.set(name, month);
RUSSIAN_GENITIVE.forEach((name, index) => MONTHS.set(name, index + 1));
RUSSIAN_NOMINATIVE.forEach((name, index) => MONTHS.set(name, index + 1));
for (const [name, month] of Object.entries(RUSSIAN_ABBREVIATIONS)) MONTHS.set(name, month);
KYRGYZ_TRADITIONAL.forEach((name, index) => MONTHS.set(name, index + 1));

/**
 * The month (1–12) a printed month name or number stands for, in English, Russian or Kyrgyz, full or
 * abbreviated (a trailing dot is ignored); undefined for anything else ("Mayday", "Marching").
 */
export function monthNumber(printed: string): number | undefined {
  const word = printed.trim().replace(/\.$/, '').replace(/\s+/g, ' ').toLowerCase();
  if (/^\d{1,2}$/.test(word)) {
    const number = Number(word);
    return number >= 1 && number <= 12 ? number : undefined;
  }
  const known = MONTHS.get(word);
  if (known !== undefined) return known;
  const stem = KYRGYZ_STEMS.findIndex((candidate) => word.startsWith(candidate) && KYRGYZ_SUFFIXES.has(word.slice(candidate.length)));
  return stem >= 0 ? stem + 1 : undefined;
}

/** Weekday names that may open a dateline ("Monday, 3 November 2026", "Tue, 04/21/2015") or follow a Kyrgyz date. */
export const WEEKDAYS = new Set([
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'],
  ...['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  ...['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
  ...['дүйшөмбү', 'шейшемби', 'шаршемби', 'бейшемби', 'жума', 'ишемби', 'жекшемби'],
]);

export function isWeekday(word: string): boolean {
  return WEEKDAYS.has(word.trim().replace(/\.$/, '').toLowerCase());
}

/**
 * Time-zone abbreviations printed after a clock time ("1:11 P.M. EST"). A closed list, because an open
 * `[A-Z]{2,5}` would take a capitalised place ("SOCHI") for a zone.
 */
export const TIME_ZONES = [
  'EST',
  'EDT',
  'CST',
  'CDT',
  'MST',
  'MDT',
  'PST',
  'PDT',
  'AKST',
  'AKDT',
  'HST',
  'UTC',
  'GMT',
  'BST',
  'CET',
  'CEST',
  'EET',
  'EEST',
  'WET',
  'WEST',
  'MSK',
  'KGT',
  'ALMT',
  'IST',
  'JST',
  'МСК',
  'мск',
];

/**
 * Words that qualify a date, and what they make of it. "Delivered on" beats "Published" in the caller: the
 * kind says which one a line was.
 */
export const QUALIFIERS: { pattern: RegExp; kind: 'delivered' | 'published' | 'updated' | 'event' }[] = [
  { pattern: /^(?:delivered(?: on)?|date delivered|дата выступления|айтылган күнү)\s*:?\s+/iu, kind: 'delivered' },
  { pattern: /^(?:last updated(?: on)?|updated(?: on)?|обновлено|дата обновления|жаңыртылды|жаңыртылган)\s*:?\s+/iu, kind: 'updated' },
  {
    pattern:
      /^(?:first published(?: on)?|published(?: on)?|posted(?: on)?|submitted(?: on)?|release date|опубликовано|дата публикации|размещено|жарыяланды|жарыяланган)\s*:?\s+/iu,
    kind: 'published',
  },
  { pattern: /^(?:date|event date|дата|дата проведения|күнү|өткөн күнү)\s*:\s*/iu, kind: 'event' },
];

/** Labels that introduce a clock time: "Time: 14:00", "Время: 14:00", "Убакыт: 18:35". */
export const TIME_LABEL = /^(?:time|start time|время|время начала|начало|убакыт|башталышы)\s*:\s*/iu;

/** Labels that introduce a venue line: "Venue: …", "Место проведения: …", "Өткөн жери: …". */
export const VENUE_LABEL = /^(?:venue|location|place|место проведения|место|орун|өткөн жери|өтүүчү жери)\s*:\s*/iu;

/**
 * Generic nouns a venue line is built around, per script. Kyrgyz possessive forms ("сарайы", "үйү",
 * "резиденциясы") are listed, since a named Kyrgyz venue always carries them.
 */
export const VENUE_WORDS = new Set([
  ...['room', 'hall', 'house', 'palace', 'centre', 'center', 'building', 'residence', 'headquarters', 'embassy', 'chamber'],
  ...['auditorium', 'studio', 'ballroom', 'garden', 'lawn', 'library', 'theatre', 'theater', 'hotel', 'pavilion'],
  ...['зал', 'дворец', 'резиденция', 'дом', 'здание', 'центр', 'пресс-центр', 'посольство', 'штаб-квартира', 'кабинет'],
  ...['сарай', 'сарайы', 'үй', 'үйү', 'имарат', 'имараты', 'борбор', 'борбору', 'резиденциясы', 'залы', 'ордо', 'ордосу'],
]);

/**
 * Words naming the kind of place, written in lower case next to its name: "Бишкек шаары", "Чүй облусу",
 * "Московская область", "Bishkek city", "г. Бишкек", "с. Кара-Ой". A place made of a name and one of these
 * is still a place, not a title's wording.
 */
export const PLACE_KIND_WORDS = new Set([
  ...['city', 'region', 'oblast', 'district', 'province', 'county', 'village', 'town'],
  ...['город', 'область', 'район', 'р-н', 'край', 'село', 'посёлок', 'поселок'],
  ...['шаары', 'облусу', 'району', 'айылы', 'кыштагы'],
]);

/** The same, abbreviated: counted only with their dot ("г.", "с."), as "с" alone is the Russian "with". */
export const PLACE_KIND_ABBREVIATIONS = new Set(['г', 'гор', 'обл', 'с', 'пос', 'пгт', 'ш']);

/** "шаары", "г.", "city": a word naming the kind of place (see PLACE_KIND_WORDS). */
export function isPlaceKindWord(word: string): boolean {
  const lower = word.toLowerCase();
  return PLACE_KIND_WORDS.has(lower) || (lower.endsWith('.') && PLACE_KIND_ABBREVIATIONS.has(lower.slice(0, -1)));
}

/** Lower-case words that may sit inside an English proper name ("Hall of Columns", "Palace of the Nations"). */
export const NAME_CONNECTORS = new Set([
  'of',
  'the',
  'and',
  'de',
  'du',
  'des',
  'la',
  'le',
  'di',
  'da',
  'del',
  'von',
  'van',
  'am',
  'an',
  'upon',
  'at',
]);

/**
 * Function words that mark a sentence in a Cyrillic place or venue candidate ("Мы встретились в Москве").
 * Prepositions are not listed: "Зал на Старой площади" is a venue.
 */
export const CYRILLIC_SENTENCE_WORDS = new Set([
  ...['мы', 'я', 'вы', 'он', 'она', 'они', 'это', 'что', 'был', 'была', 'были', 'будет', 'есть', 'не', 'как', 'когда', 'который'],
  ...['биз', 'мен', 'сиз', 'ал', 'бул', 'жана', 'менен', 'үчүн', 'деп', 'болот', 'болду', 'эмес', 'деген'],
]);
