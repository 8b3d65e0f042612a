/**
 * Word lists the block classifier weighs, per language. They hold generic words only — function words, and
 * the interface vocabulary every site template shares (menus, share bars, metadata keys) — never the name
 * of one site or one person: a layout nobody on the team has seen is read from these features, not from
 * its strings.
 */

/** Function words: prose has many of them, menus, titles of sections and name lists have few. */
const FUNCTION_WORDS = new Set(
  [
    // en
    ...'the of and a an in on at to for by with from as is are was were be been we i you he she it they that this these those our your their his her its will would have has had not no but or if so do does did can could should may must about into over than then there here which who what when where how all also very more most such us them me my'.split(
      ' ',
    ),
    // ru
    ...'и в во на с со по к ко о об обо от для за из что это мы я вы он она они не как а но у же бы ли все всё его её их при до так уже был была были есть будет будут этот эта эти того тем том который которые которая нас нам вас вам мне меня если или только также очень ещё еще где когда чтобы потому'.split(
      ' ',
    ),
    // ky
    ...'жана менен үчүн боюнча бул биз мен сиз ал алар да дагы деп болуп эле ошол бир ар анын биздин сиздин бизге менин болот эмес бар жок ушул ошондой көп абдан ошону аны андан мындай кийин чейин тарабынан ичинде'.split(
      ' ',
    ),
  ].map((word) => word.toLowerCase()),
);

/**
 * Interface words of site templates in en, ru and ky: navigation, share bars, settings, metadata keys. A line
 * made mostly of them, without a sentence's punctuation, is chrome wherever it stands.
 */
const INTERFACE_WORDS = new Set(
  [
    // en
    ...'home main content skip menu navigation search share print printer-friendly printable version text email e-mail subscribe login log sign register contacts contact about events event transcripts transcript photos photo videos video audio documents archive news more read next previous prev back top all topics tags tag persons geography settings font size colours colors images view rss follow copy link download feedback sitemap privacy policy cookies cookie accept terms help language english official website site portal page section sections latest popular related comments comment reply quote post like tweet facebook twitter telegram whatsapp youtube instagram vk ok mail newsletter donate support app apps android itunes up breaking forum forums'.split(
      ' ',
    ),
    // ru
    ...'главная главное новости меню поиск поделиться печать печати версия текстовая подписаться войти вход регистрация контакты событие события стенограммы фото видео аудио документы архив пресс-релизы выступления ещё читать далее назад наверх темы теги персоны география настройки размер шрифта цвета сайта изображения официальный сайт портал раздел разделы популярное комментарии ответить цитата ссылка скачать подписка русский english кыргызча срочно молния'.split(
      ' ',
    ),
    // ky
    ...'башкы бет жаңылыктар издөө бөлүшүү басып чыгаруу жазылуу кирүү байланыш байланыштар жөнүндө окуялар сүрөттөр сүрөт видео документтер архив расмий сайт бөлүм бөлүмдөр тэгдер линктер кыргызча русский чукул'.split(
      ' ',
    ),
  ].map((word) => word.toLowerCase()),
);

/**
 * Keys of metadata lines that page templates print as "Key: value" around a transcript ("Tags: …",
 * "Persons: …", "From: …", "Источник: …"). Not speaker labels, never speech.
 */
export const METADATA_KEY =
  /^(?:persons|people|geography|topics|topic|tags|tag|categories|category|filed under|labels|contact|contacts|email|e-mail|phone|tel|fax|контакты|телефон|тел|факс|байланыш|байланыштар|from|by|author|authors|source|sources|read more|see also|related|photo|photos|image|video|audio|credit|credits|copyright|location|posted|posted by|published|updated|last updated|share|share on|follow us|персоны|география|темы|тема|теги|рубрика|рубрики|автор|источник|фото|видео|читайте также|смотрите также|опубликовано|обновлено|дата публикации|поделиться|тэгдер|теги|темалар|булак|булагы|автор|сүрөт|толугураак|катталган|регистрация|сообщений|сообщения|репутация|откуда|кеңири|подробнее|сүрөттөр|жарыяланды|жарыяланган|бөлүшүү|шилтеме)\s*:/iu;

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

export function isInterfaceWord(word: string): boolean {
  return INTERFACE_WORDS.has(word.toLowerCase());
}

/**
 * Sentences that page templates print under an article — feedback prompts, comment counters, blog post
 * footers — in en, ru and ky. Whole lines only.
 */
const FOOTER_PHRASES: readonly RegExp[] = [
  /^(?:is this page useful\??(?: yes no)?|report a problem(?: with this page)?|was this (?:page|article) (?:helpful|useful)\??|(?:no|\d+) comments?:?|leave a (?:comment|reply)|write a comment|post a comment|posted by .{1,80}|subscribe to:? .{1,80}|newer post|older post|print this page|back to top|share this (?:page|article|story)|follow us on .{1,80}|sign up for .{0,60}newsletter.{0,40})$/iu,
  // An author's initials closing a news item: "(BCh)", "(AiT)".
  /^\((?:\p{Lu}\p{Ll}?){2,3}\)$/u,
  /^\d{1,6} (?:comments?|replies|комментари(?:й|я|ев)|ответ(?:а|ов)?|пикир(?:лер)?)$/iu,
  /^(?:комментарии(?: \(\d+\))?|написать комментарий|оставить комментарий|добавить комментарий|(?:обнаружили|нашли) (?:опечатку|ошибку)\??.{0,80}|подписывайтесь на .{1,80}|наверх)$/iu,
  /^(?:пикир(?:лер)?(?: \(\d+\))?|пикир (?:калтыруу|жазуу)|ката (?:таптыңызбы|байкадыңызбы)\??.{0,80})$/iu,
];

export function isFooterPhrase(text: string): boolean {
  return text.length <= 200 && FOOTER_PHRASES.some((pattern) => pattern.test(text));
}
