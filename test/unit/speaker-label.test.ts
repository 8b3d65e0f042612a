import assert from 'node:assert/strict';
import test from 'node:test';
import { labelWordsBeyond, parseSpeakerLabel, registerSpeaker, speakerFromText } from '../../pipeline/normalize/speaker-label.ts';
import type { Speaker } from '../../pipeline/types.ts';
import { Random } from '../generator/random.ts';

/**
 * Generated label cases: invented names (Latin, Russian Cyrillic, Kyrgyz Cyrillic with ң ө ү) and
 * offices in every label form of the survey (reference/transcripts.md). The parser has never seen these
 * names, so passing says it reads the forms, not the people.
 */

/** The generator's seeded PRNG, as a function. */
function mulberry32(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const SEED = Number(process.env.SEED ?? 20261204);
const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const capital = (word: string) => word.charAt(0).toLocaleUpperCase() + word.slice(1);

/** At least `count` distinct invented words from syllables, each capitalised. */
function pool(count: number, syllables: readonly string[], endings: readonly string[], parts: [number, number]): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const length = parts[0] + Math.floor(random() * (parts[1] - parts[0] + 1));
    let word = '';
    for (let index = 0; index < length; index += 1) word += pick(syllables);
    words.add(capital(word + pick(endings)));
  }
  return [...words];
}

const LATIN_SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'ta',
  'vo',
  'sel',
  'dar',
  'bri',
  'nu',
  'fen',
  'go',
  'ril',
  'za',
  'pe',
  'qui',
  'hal',
  'tor',
  'wen',
  'ly',
];
const RU_SYLLABLES = ['ра', 'до', 'ми', 'вел', 'сла', 'то', 'бор', 'зи', 'ле', 'гор', 'ну', 'ве', 'сте', 'па', 'ки', 'ло', 'жи', 'фе'];
const KY_SYLLABLES = ['ө', 'нү', 'көң', 'түр', 'ба', 'ай', 'гү', 'мө', 'ңа', 'сү', 'то', 'кы', 'жы', 'бү', 'ра', 'дө', 'ал', 'үс'];

interface Person {
  first: string;
  surname: string;
  /** Genitive forms for a Russian lead ("Ратмира Доборова"); nominative elsewhere. */
  firstGenitive: string;
  surnameGenitive: string;
}

const latinFirst = pool(60, LATIN_SYLLABLES, ['', 'n', 'a', 'r'], [2, 2]);
const latinSurname = pool(60, LATIN_SYLLABLES, ['son', 'er', 'ton', 'ley', 'ski', 'ard'], [1, 2]);
const ruFirstMale = pool(60, RU_SYLLABLES, ['р', 'н', 'м', 'слав', 'д'], [2, 2]);
const ruSurname = pool(60, RU_SYLLABLES, ['ов', 'ев', 'ин'], [2, 2]);
const kyFirst = pool(60, KY_SYLLABLES, ['бек', 'гүл', 'ң', 'р', 'т'], [1, 2]);
const kySurname = pool(60, KY_SYLLABLES, ['ов', 'ев', 'баев', 'өков'], [1, 2]);

const ROLES = {
  en: [
    'President of Valoria',
    'Minister of Foreign Affairs',
    'Press Secretary',
    'Deputy Prime Minister',
    'Governor of the Northern Region',
    'Ambassador to Norland',
    'Chairman of the Central Bank',
    'Secretary of State',
    'Mayor of Port Alder',
    'Director of the National Agency',
    'Speaker of the House',
    'Head of the Presidential Administration',
    'Chief of Staff',
    'Foreign Minister',
    'Defence Secretary',
    'Senior Adviser',
    'Special Envoy',
    'Vice President',
    'Prime Minister',
    'Olympic Champion',
    'Nobel Laureate',
    'Spokesperson of the Ministry',
  ],
  ru: [
    'Президент России',
    'Министр иностранных дел',
    'Пресс-секретарь Президента',
    'Председатель Правительства',
    'Губернатор Тверской области',
    'Заместитель Председателя Правительства',
    'Посол России в Китае',
    'Мэр Москвы',
    'Руководитель Администрации Президента',
    'Министр обороны',
    'Глава Республики',
    'Помощник Президента по международным делам',
    'Советник Президента',
    'Генеральный секретарь',
    'Министр финансов',
    'Директор департамента информации',
    'Председатель Центрального банка',
    'Официальный представитель министерства',
    'Вице-премьер',
    'Первый заместитель министра',
  ],
  ky: [
    'Кыргыз Республикасынын Президенти',
    'Министрлер кабинетинин төрагасы',
    'Тышкы иштер министри',
    'Жогорку Кеңештин төрагасы',
    'Президенттин пресс-катчысы',
    'Бишкек шаарынын мэри',
    'Ички иштер министри',
    'Саламаттык сактоо министри',
    'Билим берүү министри',
    'Финансы министри',
    'Улуттук банктын төрагасы',
    'Президенттин кеңешчиси',
    'Президенттин администрациясынын башчысы',
    'Коопсуздук кеңешинин катчысы',
    'Облустун губернатору',
    'Жогорку Кеңештин депутаты',
    'Маданият министри',
    'Юстиция министри',
    'Экономика министри',
    'Өкмөттүн өкүлү',
  ],
} as const;
type Lang = keyof typeof ROLES;

function person(lang: Lang): Person {
  if (lang === 'en') {
    const [first, surname] = [pick(latinFirst), pick(latinSurname)];
    return { first, surname, firstGenitive: first, surnameGenitive: surname };
  }
  if (lang === 'ru') {
    const [first, surname] = [pick(ruFirstMale), pick(ruSurname)];
    return { first, surname, firstGenitive: `${first}а`, surnameGenitive: `${surname}а` };
  }
  const [first, surname] = [pick(kyFirst), pick(kySurname)];
  return { first, surname, firstGenitive: first, surnameGenitive: `${surname}дун` };
}

const HONORIFIC = { en: ['Mr', 'Ms.', 'MR.', 'Dr'], ru: ['Г-н', 'Господин'], ky: ['Мырза'] } as const;
const TEXT = { en: 'Thank you, colleagues.', ru: 'Спасибо, коллеги.', ky: 'Рахмат, кесиптештер.' } as const;

interface Tally {
  cases: number;
  right: number;
  failures: string[];
}
const tally = (): Tally => ({ cases: 0, right: 0, failures: [] });
function check(t: Tally, ok: boolean, what: string): void {
  t.cases += 1;
  if (ok) t.right += 1;
  else if (t.failures.length < 15) t.failures.push(what);
}

const upper = (text: string) => text.toLocaleUpperCase();

test('generated labels: first mentions register name and office; later forms find the same speaker', () => {
  const first = tally();
  const later = tally();
  for (let round = 0; round < 700; round += 1) {
    const lang = pick(['en', 'ru', 'ky'] as const);
    const known: Speaker[] = [];
    const people = [person(lang), person(lang)];
    if (people[0]!.surname === people[1]!.surname) continue;
    const registered: Speaker[] = [];
    for (const [index, who] of people.entries()) {
      const role = pick(ROLES[lang]);
      const name = `${who.first} ${who.surname}`;
      const style = pick([
        'role name',
        'name',
        'name, role',
        'caps',
        'alone',
        'note',
        'timecode',
        'timecode after',
        'space colon',
        'dash',
      ] as const);
      const block = {
        'role name': `${role} ${name}: ${TEXT[lang]}`,
        name: `${name}: ${TEXT[lang]}`,
        'name, role': `${name}, ${role}: ${TEXT[lang]}`,
        caps: `${upper(`${role} ${name}`)}: ${TEXT[lang]}`,
        alone: `${role} ${name}:`,
        note: `${name} (as translated): ${TEXT[lang]}`,
        timecode: `${name} (0${index}:1${index}): ${TEXT[lang]}`,
        'timecode after': `${name}: (1${index}:05) ${TEXT[lang]}`,
        'space colon': `${name} : ${TEXT[lang]}`,
        dash: `${upper(name)} – ${TEXT[lang]}`,
      }[style];
      const parsed = parseSpeakerLabel(block, known, '');
      const speaker = parsed && registerSpeaker(known, parsed.speaker);
      const expectedRole = ['role name', 'name, role', 'alone'].includes(style) ? role : style === 'caps' ? undefined : '';
      const ok =
        speaker !== undefined &&
        speaker.name === name &&
        (expectedRole === undefined || speaker.role === expectedRole) &&
        !speaker.generic &&
        parsed!.rest === (style === 'alone' ? '' : TEXT[lang]) &&
        (style !== 'timecode' && style !== 'timecode after' ? parsed!.timecode === undefined : parsed!.timecode !== undefined) &&
        (style === 'note' ? parsed!.note === 'as translated' : true);
      check(first, ok, `${lang} ${style}: ${block} → ${JSON.stringify(speaker)} rest=${JSON.stringify(parsed?.rest)}`);
      registered.push(speaker ?? { name: '?', role: '' });
    }
    for (const [index, who] of people.entries()) {
      const initial = who.first.charAt(0);
      const forms = [
        who.surname,
        `${initial}.${who.surname}`,
        `${initial}. ${who.surname}`,
        `${pick(HONORIFIC[lang])} ${who.surname}`,
        upper(`${who.first} ${who.surname}`),
        upper(who.surname),
        `${who.first} ${who.surname}`,
        `${pick(ROLES[lang])} ${initial}.${who.surname}`,
      ];
      const form = pick(forms);
      const parsed = parseSpeakerLabel(`${form}: ${TEXT[lang]}`, known, '');
      const speaker = parsed && registerSpeaker(known, parsed.speaker);
      check(
        later,
        speaker === registered[index],
        `${lang} later “${form}” → ${JSON.stringify(speaker)}, expected ${JSON.stringify(registered[index])}`,
      );
    }
    assert.equal(known.length, 2, `two people, two speakers: ${JSON.stringify(known)}`);
  }
  report('first mentions', first);
  report('later forms', later);
  assert.ok(first.cases + later.cases >= 2000);
  assert.ok(first.right / first.cases >= 0.99, first.failures.join('\n'));
  assert.ok(later.right / later.cases >= 0.99, later.failures.join('\n'));
});

test('generated initials resolve to the full name the title or the lead printed, also in a case form', () => {
  const t = tally();
  for (let round = 0; round < 600; round += 1) {
    const lang = pick(['en', 'ru', 'ky'] as const);
    const who = person(lang);
    const role = pick(ROLES[lang]);
    const lead = {
      en: `${role} ${who.first} ${who.surname} held talks with the delegation.`,
      // "Переговоры Ратмира Доборова": the lead prints the name in the genitive.
      ru: `Состоялись переговоры ${who.firstGenitive} ${who.surnameGenitive} с делегацией.`,
      ky: `${who.first} ${who.surnameGenitive} сөзү жарыяланды.`,
    }[lang];
    const context = `${pick(['News conference', 'Пресс-конференция', 'Маалымат жыйыны'])}\n${lead}`;
    const known: Speaker[] = [];
    const space = random() < 0.5 ? '' : ' ';
    const label = `${who.first.charAt(0)}.${space}${who.surname}`;
    const parsed = parseSpeakerLabel(`${label}: ${TEXT[lang]}`, known, context);
    const speaker = parsed && registerSpeaker(known, parsed.speaker);
    const again = parseSpeakerLabel(`${who.surname}: ${TEXT[lang]}`, known, context);
    check(
      t,
      speaker?.name === `${who.first} ${who.surname}` && again?.speaker === speaker,
      `${lang}: ${label} with “${lead}” → ${JSON.stringify(speaker)}`,
    );
  }
  report('initials from context', t);
  assert.ok(t.right / t.cases >= 0.99, t.failures.join('\n'));
});

const GENERIC_CASES: [string, Speaker['generic']][] = [
  ['Q', 'question'],
  ['Q:', 'question'],
  ['Question:', 'question'],
  ['QUESTION:', 'question'],
  ['Вопрос:', 'question'],
  ['ВОПРОС:', 'question'],
  ['Суроо:', 'question'],
  ['Correspondent:', 'question'],
  ['Корреспондент:', 'question'],
  ['Журналист:', 'question'],
  ['Кабарчы:', 'question'],
  ['Reporter:', 'question'],
  ['Реплика:', 'remark'],
  ['REPLICA:', 'remark'],
  ['Remark:', 'remark'],
  ['Voice:', 'remark'],
  ['Голос из зала:', 'remark'],
  ['Үн:', 'remark'],
  ['Answer:', 'answer'],
  ['A:', 'answer'],
  ['Ответ:', 'answer'],
  ['Жооп:', 'answer'],
  ['Audience:', 'audience'],
  ['PRESS CORPS:', 'audience'],
  ['Зал:', 'audience'],
];

test('generic roles: one speaker per role and document, never a person; an answer is the only person named', () => {
  const t = tally();
  for (let round = 0; round < 400; round += 1) {
    const [label, role] = pick(GENERIC_CASES);
    const known: Speaker[] = [];
    const spaced = label === 'Q' ? `Q${pick(['    ', '\t', ' '])}` : `${label} `;
    const first = parseSpeakerLabel(`${spaced}${TEXT.en}`, known, '');
    const speaker = first && registerSpeaker(known, first.speaker);
    const second = parseSpeakerLabel(`${spaced}${TEXT.en}`, known, '');
    check(
      t,
      speaker?.generic === role &&
        second?.speaker === speaker &&
        (role === 'question') === (speaker?.question === true) &&
        first?.rest === TEXT.en,
      `${label} → ${JSON.stringify(speaker)}`,
    );
  }
  report('generic roles', t);
  assert.equal(t.right, t.cases, t.failures.join('\n'));

  // "Answer" in an interview is the interviewee when exactly one person is known or named in the title.
  const who = person('en');
  const known: Speaker[] = [];
  registerSpeaker(known, parseSpeakerLabel('Question: Why?', known)!.speaker);
  const guest = registerSpeaker(known, parseSpeakerLabel(`${who.first} ${who.surname}: Because.`, known)!.speaker);
  const answer = parseSpeakerLabel('Answer: Indeed.', known)!;
  assert.equal(answer.speaker, guest);
  assert.deepEqual(labelWordsBeyond(guest, answer.label), []);
  const fromTitle = parseSpeakerLabel('Ответ: Да.', [], `Interview of Foreign Minister ${who.first} ${who.surname} to Channel Five`)!;
  assert.deepEqual(fromTitle.speaker, { name: `${who.first} ${who.surname}`, role: 'Foreign Minister' });
  const two = [
    { name: 'Ivo Danter', role: '' },
    { name: 'Lea Morson', role: '' },
  ];
  const unsure = parseSpeakerLabel('Answer: Indeed.', two)!.speaker;
  assert.equal(unsure.generic, 'answer');
});

const INTERFACE_WORDS = [
  'Note',
  'Disclaimer',
  'Read more',
  'Source',
  'Tags',
  'Persons',
  'Join Date',
  'Posts',
  'Location',
  'Attention',
  'Photo',
  'Update',
  'Editor’s note',
  "Editor's note",
  'Blog Entries',
  'See also',
  'Related',
  'Categories',
  'Keywords',
  'Published',
  'Delivered on',
  'Views',
  'Comments',
  'Примечание',
  'Источник',
  'Фото',
  'Теги',
  'Ссылка на новость',
  'Читайте также',
  'Внимание',
  'Обновлено',
  'Булак',
  'Сүрөт',
  'Бөлүшүү',
  'Эскертүү',
  'Шилтеме',
];
const SENTENCE_STARTS = {
  en: [
    'I fully concur with',
    'We agree with',
    'As I told',
    'I would like to thank',
    'Let me turn to',
    'My thanks go to',
    'Today we heard from',
    'I quote',
    'We spoke with',
    'This was said by',
  ],
  ru: [
    'Я полностью согласен с',
    'Мы благодарим',
    'Как сказал',
    'Хочу поблагодарить',
    'Согласен с',
    'Сегодня выступил',
    'Поддерживаю коллегу',
    'Напомню слова',
    'Вчера мы говорили с',
  ],
  ky: ['Мен толук макулмун', 'Биз ыраазычылык билдиребиз', 'Бүгүн сөз сүйлөдү', 'Мен сөздү берем', 'Азыр сөз'],
};
const SENTENCE_HONORIFIC = {
  en: ['Mr', 'Ms', 'Dr', 'President'],
  ru: ['господином', 'господина', 'министром', 'коллегой'],
  ky: ['мырза', 'айым'],
} as const;

test('false labels: sentences with a colon, interface and metadata words, times, numbered items', () => {
  const t = tally();
  for (let round = 0; round < 600; round += 1) {
    const lang = pick(['en', 'ru', 'ky'] as const);
    const who = person(lang);
    const kind = pick(['sentence', 'interface', 'caps interface', 'time', 'article', 'forum', 'share alone'] as const);
    const text = {
      sentence: `${pick(SENTENCE_STARTS[lang])} ${pick(SENTENCE_HONORIFIC[lang])} ${who.surname}: ${TEXT[lang]}`,
      interface: `${pick(INTERFACE_WORDS)}: ${TEXT[lang]}`,
      'caps interface': `${upper(pick(INTERFACE_WORDS))}: ${TEXT[lang]}`,
      time: `${Math.floor(random() * 24)}:${String(Math.floor(random() * 60)).padStart(2, '0')} ${TEXT[lang]}`,
      article: `${pick(['Article', 'Статья', 'Берене', 'Section', 'Point'])} ${1 + Math.floor(random() * 40)}: ${TEXT[lang]}`,
      forum: pick([
        `Join Date: ${pick(['Aug', 'Mar', 'Dec'])} 20${10 + Math.floor(random() * 15)}`,
        `Posts: ${Math.floor(random() * 9000)}`,
        `Blog Entries: ${Math.floor(random() * 300)}`,
        `Location: ${who.surname}`,
      ]),
      'share alone': `${pick(['Share', 'Print', 'Поделиться', 'Бөлүшүү'])}: ${TEXT[lang]}`,
    }[kind];
    const parsed = parseSpeakerLabel(text, [], '');
    check(t, parsed === undefined, `${kind}: “${text}” → ${JSON.stringify(parsed?.speaker)}`);
  }
  report('false labels refused', t);
  assert.equal(t.right, t.cases, t.failures.join('\n'));
});

test('a button word fused to a label is read off the speaker and reported as beyond its name', () => {
  for (let round = 0; round < 50; round += 1) {
    const who = person(pick(['en', 'ru', 'ky'] as const));
    const button = pick(['Share', 'Print', 'Поделиться']);
    const parsed = parseSpeakerLabel(`${button} ${who.first} ${who.surname}: Yes.`, [], '')!;
    assert.equal(parsed.speaker.name, `${who.first} ${who.surname}`);
    assert.deepEqual(labelWordsBeyond(parsed.speaker, parsed.label), [button]);
  }
});

test('config label patterns: a named group name (and role) at the start of the block', () => {
  const patterns = [/^\[(?<name>[^\]]{1,60})\]\s*/u, /^>>\s*(?<role>[A-Z][a-z]+)\s+(?<name>[A-Z][a-z]+ [A-Z][a-z]+)\s*\|\s*/u];
  for (let round = 0; round < 50; round += 1) {
    const who = person('en');
    const first = parseSpeakerLabel(`[${who.first} ${who.surname}] Good evening.`, [], '', { patterns })!;
    assert.deepEqual(first.speaker, { name: `${who.first} ${who.surname}`, role: '' });
    assert.equal(first.rest, 'Good evening.');
    const second = parseSpeakerLabel(`>> Moderator ${who.first} ${who.surname} | Welcome.`, [], '', { patterns })!;
    assert.deepEqual(second.speaker, { name: `${who.first} ${who.surname}`, role: 'Moderator' });
    assert.equal(second.rest, 'Welcome.');
  }
  assert.equal(parseSpeakerLabel('Text [Ivo Danter] no.', [], '', { patterns: [/\[(?<name>[^\]]+)\]/u] }), undefined);
});

test('speakerFromText finds the one speaker a speech page names, and gives up when unsure', () => {
  const t = tally();
  for (let round = 0; round < 300; round += 1) {
    const lang = pick(['en', 'ru', 'ky'] as const);
    const who = person(lang);
    const name = `${who.first} ${who.surname}`;
    let title: string;
    let lead: string[] = [];
    let expected: Speaker;
    if (lang === 'en') {
      const role = pick(['Prime Minister', 'Minister', 'Home Secretary', 'Foreign Secretary', 'Governor']);
      const form = pick(['speech', 'remarks', 'address', 'below', 'statement'] as const);
      title = {
        speech: `Speech by ${role} ${name} at the Summit`,
        remarks: `Remarks by ${role} ${name} on the budget`,
        address: `Address by the ${role} of Valoria, ${name}`,
        below: 'Speech on the economy',
        statement: `Statement by ${role} ${name}`,
      }[form];
      if (form === 'below') lead = [`Below is the text of the speech made by ${name}, the ${role}, on 24 July 2018.`];
      expected = { name, role: form === 'address' ? `${role} of Valoria` : role };
    } else if (lang === 'ru') {
      title = `${pick(['Выступление', 'Обращение', 'Заявление'])} Министра ${who.firstGenitive} ${who.surnameGenitive} на форуме`;
      expected = { name, role: 'Министр' };
    } else {
      title = `${name}дун ${pick(['сөзү', 'билдирүүсү', 'Элге кайрылуусу'])}`;
      expected = { name, role: '' };
    }
    const found = speakerFromText(title, lead, lang);
    check(t, found?.name === expected.name && found.role === expected.role, `${title} | ${lead.join(' ')} → ${JSON.stringify(found)}`);
  }
  // A lead sentence whose subject is the speaker, in the nominative.
  for (let round = 0; round < 300; round += 1) {
    const lang = pick(['en', 'ru', 'ky'] as const);
    const who = person(lang);
    const role = pick(ROLES[lang]);
    const withRole = random() < 0.7;
    const subject = withRole ? `${role} ${who.first} ${who.surname}` : `${who.first} ${who.surname}`;
    const sentence = {
      en: `${subject} ${pick(['addressed the participants of the forum.', 'delivered a speech at the summit.', 'spoke to reporters.'])}`,
      ru: `${subject} ${pick(['выступил перед участниками форума.', 'обратился к гражданам.', 'сделал заявление для прессы.'])}`,
      ky: `${subject} ${pick(['форумдун катышуучуларына кайрылды.', 'сөз сүйлөдү.'])}`,
    }[lang];
    const found = speakerFromText(pick(['Speech at the forum', 'Выступление на форуме', 'Форумдагы сөз']), [sentence], lang);
    check(
      t,
      found?.name === `${who.first} ${who.surname}` && found.role === (withRole ? role : ''),
      `${sentence} → ${JSON.stringify(found)}`,
    );
  }
  report('speakerFromText', t);
  assert.ok(t.right / t.cases >= 0.99, t.failures.join('\n'));
  for (const title of [
    'Statement by the Press Secretary on the talks',
    'News conference',
    'Press briefing',
    'Выступление на форуме',
    'Заявление МИД',
  ])
    assert.equal(speakerFromText(title, ['The talks went well.'], 'en'), undefined, title);
  for (const lead of [
    'Earlier in the day the delegation addressed the forum.',
    'Following is a transcript of the press conference held today:',
    'Сегодня делегация выступила перед участниками форума.',
    'Делегациялар форумдун катышуучуларына кайрылды.',
  ])
    assert.equal(speakerFromText('Speech at the forum', [lead], 'en'), undefined, lead);
});

function report(what: string, t: Tally): void {
  console.log(`# ${what}: ${t.right}/${t.cases} (${((100 * t.right) / t.cases).toFixed(2)}%), seed ${SEED}`);
  for (const failure of t.failures.slice(0, 5)) console.log(`#   ${failure}`);
}

test('survey forms: caps offices, a title naming the office holder, notes, time codes, a dash, initials from a declined lead', () => {
  const known: Speaker[] = [];
  const register = (text: string, context = '') => registerSpeaker(known, parseSpeakerLabel(text, known, context)!.speaker);
  assert.deepEqual(register('SENIOR ADMINISTRATION OFFICIAL:  Thanks.'), { name: 'Senior Administration Official', role: '' });
  const roe = register('THE PRESIDENT:  Thank you.', 'Remarks by President Dana Roe at the Summit');
  assert.deepEqual(roe, { name: 'Dana Roe', role: 'President' });
  assert.equal(register('PRESIDENT ROE: Yes.'), roe);
  const lead = 'Переговоры\nСостоялись переговоры Президента Ратмира Доборова с делегацией.';
  const doborov = register('Р.Доборов: Добрый день.', lead);
  assert.equal(doborov.name, 'Ратмир Доборов');
  assert.equal(register('Р. Доборов: Да.', lead), doborov);
  assert.equal(register('РАТМИР ДОБОРОВ – Спасибо.', lead), doborov);
  const murmu = parseSpeakerLabel('Д.Мурмова (как переведено):', known)!;
  assert.equal(murmu.note, 'как переведено');
  assert.equal(murmu.rest, '');
  const rev = parseSpeakerLabel('Speaker 2 (00:35):', known)!;
  assert.deepEqual([rev.speaker.name, rev.timecode, rev.rest], ['Speaker 2', '00:35', '']);
  assert.equal(parseSpeakerLabel('V. Danter : Good evening.')?.rest, 'Good evening.');
  assert.equal(parseSpeakerLabel('NATO – the alliance met.'), undefined);
  // Offices with commas, either side of the name; a forum header run into one line is no label.
  assert.deepEqual(parseSpeakerLabel('Павел Турдубаев, Программный директор клуба, модератор: Прежде', [])?.speaker, {
    name: 'Павел Турдубаев',
    role: 'Программный директор клуба, модератор',
  });
  assert.deepEqual(parseSpeakerLabel('КЛУБДУН ПРОГРАММАЛЫК ДИРЕКТОРУ, МОДЕРАТОР ВИКТОР ВАРЕНОВ: Текст', [])?.speaker, {
    name: 'Виктор Варенов',
    role: 'Клубдун Программалык Директору, Модератор',
  });
  assert.equal(parseSpeakerLabel('Senior Member Ivo Danter’s Avatar Join Date: Jan 1999 Posts: 9,475', []), undefined);
  // Capitalised words right after "of the" are the office's object, not a name.
  assert.deepEqual(parseSpeakerLabel('Governor of the Northern Region: Hello.', [])?.speaker, {
    name: 'Governor of the Northern Region',
    role: '',
  });
  assert.deepEqual(
    speakerFromText(
      'Speech at the forum',
      ['Below is the text of the speech made by Ivo Danter, the Governor of the Northern Region, on 13 May 2002.'],
      'en',
    ),
    { name: 'Ivo Danter', role: 'Governor of the Northern Region' },
  );
  assert.deepEqual(
    speakerFromText('Выступление', ['Программный директор клуба, модератор Нина Доборова выступила перед участниками.'], 'ru'),
    {
      name: 'Нина Доборова',
      role: 'Программный директор клуба, модератор',
    },
  );
  assert.deepEqual(speakerFromText('Address by Research Director of the Club, moderator Ivo Danter to the Council', [], 'en'), {
    name: 'Ivo Danter',
    role: 'Research Director of the Club, moderator',
  });
});
