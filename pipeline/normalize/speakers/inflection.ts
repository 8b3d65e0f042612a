/**
 * Best-effort undoing of case endings on names printed in a lead or a title ("Владимира Путина",
 * "Анны Петровой", "Садыр Жапаровдун"), so that a label's "В.Путин" finds the person and the registry
 * holds the nominative. When no rule fits, the printed form is kept: a wrong guess is worse than none.
 */

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Russian case endings of a surname (masculine -ов/-ин and feminine -ова/-ина), longest first. */
const RUSSIAN_SURNAME_ENDINGS = ['ыми', 'ому', 'ему', 'ого', 'его', 'ым', 'им', 'ом', 'ой', 'ей', 'ую', 'а', 'я', 'у', 'ю', 'е', 'ы'];
/** Kyrgyz case suffixes that attach to the last word of a name ("Жапаровдун", "Жапаровго"). */
const KYRGYZ_SUFFIXES = [
  'дун',
  'дын',
  'тун',
  'тын',
  'нун',
  'нын',
  'дүн',
  'түн',
  'нүн',
  'дин',
  'тин',
  'нин',
  'го',
  'га',
  'ка',
  'ке',
  'гө',
  'кө',
  'ге',
  'ко',
  'ду',
  'ды',
  'ту',
  'ты',
  'ну',
  'ны',
  'дү',
  'тү',
  'нү',
  'ди',
  'ти',
  'ни',
  'до',
  'да',
  'то',
  'та',
  'дө',
  'тө',
  'де',
  'те',
];

export interface SurnameMatch {
  /** The ending the printed form has beyond the label's surname ("а" for "Путина" against "Путин"). */
  ending: string;
  kyrgyz: boolean;
}

/**
 * Whether a word printed in running text is a case form of a label's surname: "Путина" of "Путин",
 * "Петровой" of "Петрова", "Жапаровдун" of "Жапаров", "Putin" of "Putin".
 */
export function matchSurname(printed: string, surname: string): SurnameMatch | undefined {
  const word = printed.toLowerCase();
  const base = surname.toLowerCase();
  if (word === base) return { ending: '', kyrgyz: false };
  if (!CYRILLIC.test(base) || base.length < 3) return undefined;
  if (word.startsWith(base)) {
    const ending = word.slice(base.length);
    if (RUSSIAN_SURNAME_ENDINGS.includes(ending)) return { ending, kyrgyz: false };
    if (KYRGYZ_SUFFIXES.includes(ending)) return { ending, kyrgyz: true };
  }
  // A feminine surname in -а takes -ой/-ую/-ы: "Петровой" against "Петрова".
  if (base.endsWith('а') && word.startsWith(base.slice(0, -1))) {
    const ending = word.slice(base.length - 1);
    if (['ой', 'ую', 'ы', 'е'].includes(ending)) return { ending, kyrgyz: false };
  }
  return undefined;
}

/** A Russian first name out of the case its surname showed: "Владимира" → "Владимир", "Анны" → "Анна". */
export function nominativeFirstName(printed: string, match: SurnameMatch): string {
  if (match.ending === '' || match.kyrgyz) return printed;
  const rules: [RegExp, string][] = [
    // genitive / accusative
    [/(е|и|а)я$/u, '$1й'],
    [/([^аеиоуыэюяьй])я$/u, '$1ь'],
    [/([^аеиоуыэюяьй])а$/u, '$1'],
    [/([гкхжшчщ])и$/u, '$1а'],
    [/ии$/u, 'ия'],
    [/([^аеиоуыэюяьй])ы$/u, '$1а'],
    // dative / prepositional
    [/(е|и|а)ю$/u, '$1й'],
    [/([^аеиоуыэюяьй])у$/u, '$1'],
    [/([^аеиоуыэюяьй])е$/u, '$1а'],
    // instrumental
    [/(е|и|а)ем$/u, '$1й'],
    [/([^аеиоуыэюяьй])ом$/u, '$1'],
    [/([^аеиоуыэюяьй])ой$/u, '$1а'],
    [/ией$/u, 'ия'],
  ];
  for (const [pattern, replacement] of rules) if (pattern.test(printed)) return printed.replace(pattern, replacement);
  return printed;
}

/**
 * A Russian surname printed in a case form, back to the nominative: "Петрова" (genitive of Петров) →
 * "Петров", "Петровой" → "Петрова", "Толстого" → "Толстой" is not guessed ("-ого" stays). `feminine`
 * comes from the first name.
 */
export function nominativeSurname(printed: string, feminine: boolean): string {
  if (feminine) return printed.replace(/(ов|ев|ёв|ин|ын)(ой|ую|ы)$/u, '$1а').replace(/(ск|цк)(ой|ую)$/u, '$1ая');
  return printed.replace(/(ов|ев|ёв|ин|ын)(а|у|ым|е)$/u, '$1').replace(/(ск|цк)(ого|ому|им|ом)$/u, '$1ий');
}

/** Whether a Russian first name printed in the genitive is a woman's ("Анны", "Марии", "Ольги"): best effort. */
export function feminineGenitive(printed: string): boolean {
  return /(?:[^аеиоуыэюяьй]ы|ии|[гкхжшчщ]и)$/u.test(printed);
}

/** Whether a word is printed in Cyrillic letters. */
export function isCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}
