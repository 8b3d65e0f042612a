import type { GenericRole } from '../../types.ts';

/**
 * Generic words per language that the speaker registry needs. Nothing here names a site or a person:
 * these are the words a label is made of (offices, honorifics), the words of anonymous turns, and the
 * interface and metadata words that sit before a colon without being a speaker.
 */

const words = (text: string) => new Set(text.split('|'));

/** Labels of a turn that belongs to no named person, by the role it plays in the conversation. */
const GENERIC: Record<GenericRole, Set<string>> = {
  question: words(
    'q|question|questions|reporter|journalist|correspondent|audience question|вопрос|вопросы|корреспондент|журналист|журналистка|суроо|суроолор|кабарчы',
  ),
  remark: words('remark|replica|voice|voices|interjection|реплика|голос|голоса|голос из зала|реплика из зала|үн|үн залдан'),
  answer: words('a|answer|ответ|жооп'),
  audience: words('audience|press corps|participants|зал|аудитория|участники|угулуучулар|катышуучулар'),
};

/** The generic role a label names ("QUESTION", "Вопрос", "Голос из зала"), compared in lower case. */
export function genericRoleOf(label: string): GenericRole | undefined {
  const key = label.toLowerCase().replace(/\s+/gu, ' ').trim();
  for (const role of Object.keys(GENERIC) as GenericRole[]) if (GENERIC[role].has(key)) return role;
  return undefined;
}

/**
 * Words before a colon that introduce page furniture, metadata or a notice, never a turn: "Note:",
 * "Source:", "Join Date:", "Фото:", "Булак:". Matched against the whole label, lower case.
 */
export const INTERFACE_LABELS = words(
  [
    // en: notices, metadata, forum post headers, media, navigation
    "note|notes|nb|n.b|ps|p.s|editor’s note|editor's note|editors’ note|editors' note|translator’s note|translator's note|disclaimer|read more|see also|related|more|source|sources|tags|tag|persons|people|geography|topics|topic|categories|category|keywords|subject|summary|background|attention|warning|caution|important|update|updated|updates|correction|corrections|photo|photos|picture|image|images|video|audio|watch|listen|download|print|share|email|e-mail|tel|phone|fax|website|web|url|link|links|reference|references|file|attachment|date|time|place|venue|location|published|posted|delivered on|from|to|cc|by|author|authors|contributor|views|comments|likes|rating|join date|posts|post|blog entries|thanks|reputation|member|senior member|status|rank|transcript|text|full text|agenda|contents|table of contents|duration|length|copyright|licence|license|attribution|credit|credits|caption|menu|search|home|contact|contacts|follow us|subscribe|advertisement|ad|sponsored",
    // ru
    'примечание|прим|прим. ред|от редакции|внимание|важно|обновлено|обновление|источник|источники|ссылка|ссылки|ссылка на новость|подробнее|читайте также|смотрите также|см. также|теги|метки|тема|темы|рубрика|рубрики|персоны|лица|география|ключевые слова|фото|фотография|видео|аудио|скачать|печать|поделиться|дата|время|место|автор|авторы|опубликовано|просмотры|комментарии|рейтинг|справка|стенограмма|текст|содержание|оглавление|меню|поиск|главная|контакты|подписаться|реклама|телефон|факс|адрес|сайт',
    // ky
    'эскертүү|эскертме|көңүл буруңуз|булак|булагы|шилтеме|шилтемелер|теги|тегдер|сүрөт|сүрөттөр|видео|аудио|бөлүшүү|дата|убакыт|орун|автор|жарыяланды|көрүүлөр|пикирлер|маалымат|толугураак|кеңири|тема|рубрика|меню|издөө|башкы бет|байланыш|жазылуу|жарнама',
  ].join('|'),
);

/** Buttons a scrape fuses to the next label ("Share В. Путин:"): taken off the label and reported. */
export const BUTTON_WORDS = words('share|print|tweet|email|поделиться|печать|бөлүшүү');

/**
 * Words that start a sentence, not a label ("With Mr Ivanov:", "Thank you, Mr Chairman:", "Я согласен с
 * господином …:"); and forms of address ("Ladies and Gentlemen:", "Дорогие друзья:"). Lower case.
 */
export const SENTENCE_WORDS = words(
  [
    'i|we|you|he|she|it|they|me|us|him|them|my|our|your|its|their|this|that|these|those|there|here|what|which|who|whom|why|how|when|where|if|as|so|but|and|or|nor|yet|with|without|to|at|in|into|by|from|on|for|about|after|before|during|under|over|between|thank|thanks|please|let|yes|no|not|well|now|then|today|also|again|finally|next|last|said|says|told|asked|dear|hello|hi|ladies|gentlemen|friends|colleagues|everyone|everybody|all|both|each|some|many|most|one|only|just|even|still|once|here’s|there’s|it’s|that’s|i’m|we’re|according|regarding|concerning|meanwhile|however|therefore|moreover|note|see',
    'я|мы|вы|ты|он|она|оно|они|меня|нас|вас|его|её|ее|их|мне|нам|вам|ему|ей|им|это|здесь|что|чтобы|как|когда|где|если|и|а|но|или|да|нет|не|ни|с|со|в|во|на|по|к|ко|о|об|от|до|из|за|для|при|без|под|над|у|спасибо|благодарю|пожалуйста|вот|уже|ещё|еще|также|тоже|сегодня|теперь|потом|затем|итак|поэтому|однако|кроме|дорогие|дорогой|уважаемые|уважаемый|уважаемая|друзья|коллеги|господа|дамы|все|всем|согласно',
    'мен|биз|сиз|сен|ал|алар|бул|ушул|ошол|менен|үчүн|жана|бирок|же|эгер|кантип|качан|кайда|эмне|ооба|жок|рахмат|азыр|бүгүн|дагы|урматтуу|кымбаттуу|достор|кесиптештер|баарыңыз',
  ].join('|'),
);

/**
 * Words of an office or function: in a label they belong to the role, not the name ("Press Secretary
 * Jane Roe", "SENIOR ADMINISTRATION OFFICIAL", "Министр иностранных дел …"). Lower case.
 */
export const ROLE_WORDS = words(
  [
    'president|vice|vice-president|prime|minister|deputy|first|secretary|press|spokesperson|spokesman|spokeswoman|spokesperson’s|official|officials|senior|administration|chief|chair|chairman|chairwoman|chairperson|director|director-general|general|head|governor|mayor|ambassador|envoy|special|representative|senator|congressman|congresswoman|speaker|member|leader|king|queen|prince|princess|emperor|chancellor|commissioner|commander|advisor|adviser|assistant|aide|counsellor|counselor|moderator|host|presenter|anchor|interviewer|interpreter|translator|executive|officer|coordinator|coordinating|managing|manager|editor|founder|ceo|chief-of-staff|staff|attorney|judge|justice|prosecutor|ombudsman|mr|ms|mrs|miss|dr|sir|madam|dame|lord|lady|professor|prof|rector|dean|bishop|patriarch|metropolitan|mufti|archbishop|cardinal|pope|his|her|majesty|excellency|highness|honourable|honorable|hon|acting|interim|former|state|foreign|defence|defense|national|security|federal|affairs|council|cabinet|parliament|assembly|committee|commission|agency|office|house|government|ministry|department|state-owned|senior-level|principal|deputy-director',
    'президент|вице-президент|премьер-министр|премьер|министр|заместитель|первый|председатель|председателя|пресс-секретарь|секретарь|официальный|представитель|глава|губернатор|мэр|посол|посланник|спикер|депутат|сенатор|руководитель|директор|генеральный|советник|помощник|модератор|ведущий|ведущая|переводчик|корреспондент|уполномоченный|командующий|начальник|король|королева|канцлер|патриарх|митрополит|муфтий|ректор|профессор|академик|господин|госпожа|г-н|г-жа',
    'президенти|төрага|төрагасы|министр|министри|вице-премьер|премьер-министри|орун|басары|катчы|катчысы|пресс-катчы|пресс-катчысы|өкүлү|башчысы|жетекчиси|элчи|элчиси|губернатору|мэри|депутаты|спикери|кеңешчиси|жардамчысы|модератор|алып баруучу|котормочу',
  ].join('|'),
);

/** Honorifics that stand for a first name: "Ms. Roe", "MR. EARNEST", "Г-н Петров". Lower case, no final dot. */
export const HONORIFICS = words('mr|ms|mrs|miss|mx|dr|sir|madam|dame|prof|г-н|г-жа|господин|госпожа|мистер|миссис|мисс|доктор|мырза|айым');

/** Connectors inside an office or a name ("President of Russia", "Ursula von der Leyen"). Lower case. */
export const CONNECTORS = words(
  'of|the|and|for|on|to|at|in|de|del|della|di|da|das|do|dos|du|la|le|les|van|von|der|den|ter|al|el|bin|ibn|binti|y|и|по|при|для|в|во|на',
);

/** Name particles that stay with the name ("Ursula von der Leyen", "Charles de Gaulle"). */
export const NAME_PARTICLES = words('de|del|della|di|da|das|do|dos|du|la|le|van|von|der|den|ter|al|el|bin|ibn|binti');

/** Stems of office words, so that their case forms count too ("Президента", "министри", "төрагасы"). */
const OFFICE_STEMS =
  /^(?:президент|министр|премьер|председател|секретар|губернатор|посол|посл|советник|помощник|глав|директор|руководител|представител|заместител|мэр|спикер|депутат|сенатор|уполномоченн|начальник|командующ|төрага|катчы|башчы|жетекчи|өкүл|элчи|кеңешчи|жардамчы|орун басар)/u;

export function isOfficeWord(word: string): boolean {
  const bare = word.toLowerCase().replace(/\.$/u, '');
  return ROLE_WORDS.has(bare) || OFFICE_STEMS.test(bare);
}
