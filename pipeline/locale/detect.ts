/**
 * Which of pressroom's source languages — English, Russian, Kyrgyz — a text is written in. Pure and
 * linear: one pass over (a sample of) the text, no dictionaries beyond a few dozen function words per
 * language.
 *
 * Every feature below is a fact about the languages, not about any site or sample:
 *
 * - **Script.** English is written in Latin letters, Russian and Kyrgyz in Cyrillic. Each word votes for
 *   its script's languages. Names and acronyms cross scripts all the time ("Kyrgyzstan" in a Russian
 *   text, «Бишкек» in an English one), so a capitalised word weighs half a lower-case one, a short
 *   all-caps word (an acronym) less still, and words inside quotation marks weigh less than the text
 *   around them (a quotation is somebody else's words; the frame around it is the document's language).
 *   A name is spelt in its own language, not the text's, so the letter and ending features below count
 *   a capitalised word at a quarter; a long all-caps word is a shouted title and counts nearly in full.
 *   The first word of a sentence is capitalised by orthography, not because it is a name: it counts more.
 * - **Function words.** The commonest words of a language (articles, prepositions, conjunctions,
 *   pronouns, auxiliaries) are a large share of any running text of it and nearly absent from the others;
 *   names never are function words. Words that are function words in both Russian and Kyrgyz (да, же, он:
 *   Kyrgyz "also", "or", "ten") are left out of both lists. Kyrgyz's light verbs (алды, берди, кылды,
 *   барат), which make most of its verbs from a noun, count as function words.
 * - **Kyrgyz letters ң ө ү.** The Kyrgyz alphabet has them, Russian does not: about a quarter of Kyrgyz
 *   words contain one; in a Russian text they appear only in Kyrgyz names (Өмүрбек, Жогорку Кеңеш),
 *   which are capitalised and so weigh less. ѳ (U+0473), which old Kyrgyz fonts use for ө, counts too.
 *   (Ukrainian ї and є, which legacy fonts also used for ү and ө, do not: they are Ukrainian letters.)
 * - **Kyrgyz long vowels** аа, уу, ыы, ээ, үү, өө (маалымат, тууралуу) are spelt double in Kyrgyz;
 *   Russian spells no such pair in native words (оо and ии are left out: соответствии, России).
 * - **Kyrgyz genitive** -дын/-нын/-тын, -дун/-нун/-тун, -дүн/-нүн/-түн (Кыргызстандын, өлкөнүн). The
 *   forms with и are left out: Russian surnames end in -дин, -нин, -тин (Путин).
 * - **Vowel harmony.** A Kyrgyz word's vowels are all back (а, о, у, ы) or all front (е, э, и, ө, ү), suffixes
 *   included (Кыргызстандын, министрлигинин); Russian words mix them freely (переговоры, спасибо). A word
 *   of three or more vowels of one kind leans Kyrgyz, a word of two or more that mixes them leans Russian
 *   (я, ю, ё, which native Kyrgyz words lack, count as back vowels).
 * - **Russian-only letters** в, ф, ц, щ, ъ, ь, ё occur in Kyrgyz only in Russian loanwords, while a large
 *   share of Russian words contain one (х is left out: Kyrgyz has it in Arabic and Persian loans, рахмат).
 * - **Kyrgyz suffixes on loanwords.** Kyrgyz inflects a Russian loan ending in a vowel with the possessive
 *   -сы/-су/-сү and a case after it (делегациясын, Федерациясынын, программасында); Russian has no word
 *   ending so (the possessive alone is left out: Russian plurals end the same, запасы, бонусы).
 * - **Kyrgyz ordinals** are written with a hyphen between the number and the word: 22-ноябрь, 2024-жылы,
 *   5-класс. Russian hyphenates a number only with a short ending (5-го, 1990-х) or a compound adjective
 *   that ends like one (10-летний), which the inflection feature below catches.
 * - **Russian inflections** -ого/-его/-ому/-ему, -ый/-ий/-ая/-ые/-ие, -ость/-ости, -ение/-ения,
 *   -ться/-тся, -ство/-ства: Kyrgyz builds such words with its own suffixes (-дык, -луу, -чылык).
 *
 * Long inputs are sampled: evenly spaced windows cut at word boundaries, so a 1 MB transcript costs a few
 * thousand words, and a language that changes halfway through is still seen.
 */

/** The languages the detector tells apart. */
export type DetectedLang = 'en' | 'ru' | 'ky';

export const DETECTED_LANGS: readonly DetectedLang[] = ['en', 'ru', 'ky'];

export interface Detection {
  /** The most likely language. */
  lang: DetectedLang;
  /** Its probability, 0–1 (0 when the text has no letters at all). */
  confidence: number;
  /** The second most likely language and its probability. */
  runnerUp: { lang: DetectedLang; confidence: number };
  /** Words read (after sampling): few words make any answer weaker. */
  words: number;
}

/** Texts longer than this are sampled rather than read whole. */
const SAMPLE_ABOVE = 24_000;
const SAMPLE_WINDOWS = 12;
const WINDOW = 2_000;

/**
 * Weights. A script vote is worth SCRIPT per lower-case word; a function word adds FUNCTION_WORD to its
 * language. The Russian-versus-Kyrgyz features add to the difference between the two (half to one, half
 * taken from the other), so they never move English against Cyrillic. TEMPERATURE turns scores into
 * probabilities: about two clear function words are needed for a confident answer.
 */
const SCRIPT = 2;
const FUNCTION_WORD = 2.5;
const KY_LETTER = 4;
const KY_LONG_VOWEL = 2;
const KY_GENITIVE = 1.5;
const RU_LETTER = 1.2;
const RU_INFLECTION = 2;
const KY_ORDINAL = 2.5;
const KY_LOAN_SUFFIX = 2;
const HARMONIC = 0.8;
const DISHARMONIC = 1.2;
const TEMPERATURE = 0.5;
/** How much a word inside quotation marks counts. */
const QUOTED = 0.4;

// Function words only. Lower case, as they are compared.
const EN_WORDS = new Set(
  (
    'the of and to in a an is are was were be been being that this these those for it its on with as by at from ' +
    'we our us you your they their them he his she her i not will would shall has have had which who whom what ' +
    'but or there can could also about into than all more do does did very should may must upon'
  ).split(' '),
);
const RU_WORDS = new Set(
  (
    'и в во не что на с со по к ко о об от до из за для как это этот эта эти этого этой этом этих она они оно ' +
    'мы вы я но а бы ли у то так также все всё его её ее их при который которая которое которые которых ' +
    'котором только уже был была было были будет будут может нет чтобы если или между после более очень ' +
    'наш наша наши нашей нас нам вас вам себя свой своей своих есть где когда чем тем том над под через без ' +
    'тоже ещё еще сейчас здесь там лишь даже ни'
  ).split(' '),
);
const KY_WORDS = new Set(
  (
    'жана менен үчүн бул бу деп деди деген дейт болуп болот болгон болду болсо эле эмес экен элек дагы ' +
    'ошондой ошол ошону ушул ушундай мындай бирок анткени себеби ар бир боюнча тууралуу жөнүндө ичинде ' +
    'аркылуу кийин чейин азыр эми абдан көп жок бар андан анын алардын ал алар биз биздин бизге бизде мен ' +
    'менин мага сиз сиздин силер жатат жаткан керек мүмкүн тарабынан катары ошентип ошондо эч бардык башка ' +
    'өз өзү өзүнүн эң дал карата байланыштуу ' +
    // Light verbs: Kyrgyz builds most verbs from a noun and one of these (кабыл алды, жардам берди).
    'барат барды келет келди алат алды кылат кылды берди айтты айтат турат'
  ).split(' '),
);

const KY_LETTERS = /[ңөүѳ]/u;
const KY_LONG_VOWELS = /аа|уу|ыы|ээ|үү|өө/u;
const KY_GENITIVE_END = /[днт][ыуү]н$/u;
const KY_LOAN_END = /[аеиоуыэюя]с[ыуү]н\p{L}*$/u;
const RU_LETTERS = /[вфцщъьё]/u;
/** Endings Russian gives a hyphenated number's word besides RU_ENDINGS: 30-летия, 10-летию, 5-ти. */
const RU_ORDINAL_ENDINGS = /(?:и[яюи]|ей|[оеы]м|[ыи]х|ми|ти)$/u;
const RU_ENDINGS = /(?:[оеё]го|[оеё]му|[ыи]й|[ая]я|[ыи]е|ость|ости|ени[еяю]|ться|тся|ств[оау])$/u;

/** A word: letters (with combining marks) joined by apostrophes or hyphens. Cannot backtrack: the joiners are not letters. */
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const QUOTES = /[«»“”„"]|\n[ \t\r]*\n/gu;

/** Detects the language of `text`. Linear in its length; texts over 24,000 characters are sampled. */
export function detectLanguage(text: string): Detection {
  const scores: Record<DetectedLang, number> = { en: 0, ru: 0, ky: 0 };
  let kyMinusRu = 0;
  let words = 0;
  for (const piece of sample(text)) {
    const quoted = quotedRanges(piece);
    let range = 0;
    for (const match of piece.matchAll(WORD)) {
      const word = match[0];
      const at = match.index;
      // An initial ("С. Жапаров", "J. Smith") says nothing about the language around it.
      if (word.length === 1 && isUpper(word) && piece[at + 1] === '.') continue;
      const script = scriptOf(word);
      if (!script) continue;
      while (range < quoted.length && quoted[range]![1] <= at) range += 1;
      const inQuote = range < quoted.length && quoted[range]![0] <= at;
      const { script: scriptWeight, shape } = caseWeights(word, startsSentence(piece, at));
      const weight = scriptWeight * (inQuote ? QUOTED : 1);
      const lower = word.toLowerCase();
      words += 1;
      // Longer runs of letters are no words (base64, a glued table row): their script is all they tell.
      const features = lower.length <= 40;
      if (script === 'latin') {
        scores.en += SCRIPT * weight;
        if (EN_WORDS.has(lower)) scores.en += FUNCTION_WORD * (inQuote ? QUOTED : 1);
        continue;
      }
      scores.ru += SCRIPT * weight;
      scores.ky += SCRIPT * weight;
      if (RU_WORDS.has(lower)) scores.ru += FUNCTION_WORD * (inQuote ? QUOTED : 1);
      if (KY_WORDS.has(lower)) scores.ky += FUNCTION_WORD * (inQuote ? QUOTED : 1);
      if (!features) continue;
      let evidence = 0;
      if (KY_LETTERS.test(lower)) evidence += KY_LETTER;
      if (KY_LONG_VOWELS.test(lower)) evidence += KY_LONG_VOWEL;
      if (KY_GENITIVE_END.test(lower)) evidence += KY_GENITIVE;
      if (KY_LOAN_END.test(lower)) evidence += KY_LOAN_SUFFIX;
      if (RU_LETTERS.test(lower)) evidence -= RU_LETTER;
      if (lower.length > 3 && RU_ENDINGS.test(lower)) evidence -= RU_INFLECTION;
      evidence += harmony(lower);
      if (isOrdinal(piece, at) && lower.length >= 3 && !RU_ENDINGS.test(lower) && !RU_ORDINAL_ENDINGS.test(lower)) evidence += KY_ORDINAL;
      kyMinusRu += evidence * shape * (inQuote ? QUOTED : 1);
    }
  }
  scores.ky += kyMinusRu / 2;
  scores.ru -= kyMinusRu / 2;
  return decide(scores, words);
}

function decide(scores: Record<DetectedLang, number>, words: number): Detection {
  // Ties go to the earlier language of this order: Russian is the commoner Cyrillic original.
  const order: DetectedLang[] = ['en', 'ru', 'ky'];
  if (words === 0) return { lang: 'en', confidence: 0, runnerUp: { lang: 'ru', confidence: 0 }, words };
  const top = Math.max(...order.map((lang) => scores[lang]));
  const weights = order.map((lang) => Math.exp(TEMPERATURE * (scores[lang] - top)));
  const total = weights.reduce((sum, value) => sum + value, 0);
  const ranked = order.map((lang, index) => ({ lang, confidence: weights[index]! / total })).sort((a, b) => b.confidence - a.confidence);
  const [first, second] = ranked as [(typeof ranked)[number], (typeof ranked)[number]];
  return {
    lang: first.lang,
    confidence: round(first.confidence),
    runnerUp: { lang: second.lang, confidence: round(second.confidence) },
    words,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The whole text when short; otherwise evenly spaced windows, each cut to whole words. */
function sample(text: string): string[] {
  if (text.length <= SAMPLE_ABOVE) return [text];
  const pieces: string[] = [];
  const step = (text.length - WINDOW) / (SAMPLE_WINDOWS - 1);
  for (let index = 0; index < SAMPLE_WINDOWS; index += 1) {
    let start = Math.floor(index * step);
    let end = Math.min(text.length, start + WINDOW);
    // Move off a cut word: forward to the next space at the start, back to the last one at the end.
    if (start > 0) {
      const space = text.indexOf(' ', start);
      start = space === -1 || space > end ? start : space + 1;
    }
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      end = space > start ? space : end;
    }
    pieces.push(text.slice(start, end));
  }
  return pieces;
}

/**
 * Offsets [start, end) of the text inside quotation marks: « », “ ”, „ “ and straight quotes. A blank
 * line closes every quotation, so one unbalanced mark cannot mark the rest of a transcript as quoted.
 */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const closers: string[] = [];
  let openedAt = 0;
  const open = (closer: string, at: number) => {
    if (closers.length === 0) openedAt = at;
    if (closers.length < 4) closers.push(closer);
  };
  const close = (at: number) => {
    closers.pop();
    if (closers.length === 0) ranges.push([openedAt, at]);
  };
  for (const match of text.matchAll(QUOTES)) {
    const mark = match[0];
    const at = match.index;
    const expected = closers[closers.length - 1];
    if (mark.startsWith('\n')) {
      if (closers.length > 0) ranges.push([openedAt, at]);
      closers.length = 0;
    } else if (mark === expected) close(at);
    else if (mark === '«') open('»', at);
    else if (mark === '„') open('“', at);
    else if (mark === '“') open('”', at);
    else if (mark === '"') open('"', at);
    // A stray closer (», ”) is ignored.
  }
  if (closers.length > 0) ranges.push([openedAt, text.length]);
  return ranges;
}

function scriptOf(word: string): 'latin' | 'cyrillic' | undefined {
  let latin = 0;
  let cyrillic = 0;
  for (const char of word) {
    const code = char.codePointAt(0)!;
    if (
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
    )
      latin += 1;
    else if (code >= 0x400 && code <= 0x52f) cyrillic += 1;
  }
  // A word mixing scripts (a Latin o inside a Cyrillic word) goes with the script of most of its letters.
  if (latin === 0 && cyrillic === 0) return undefined;
  return cyrillic > latin ? 'cyrillic' : 'latin';
}

const BACK = new Set('аоуыяюё');
const FRONT = new Set('еэиөүѳ');

/** Vowel harmony's evidence for Kyrgyz (positive) or Russian (negative) in one lower-case word. */
function harmony(word: string): number {
  let back = 0;
  let front = 0;
  for (const char of word) {
    if (BACK.has(char)) back += 1;
    else if (FRONT.has(char)) front += 1;
  }
  if (back > 0 && front > 0) return -DISHARMONIC;
  return back + front >= 3 ? HARMONIC : 0;
}

function isUpper(word: string): boolean {
  return word !== word.toLowerCase() && word === word.toUpperCase();
}

/** Whether the word at `at` follows a number and a hyphen ("2024-жыл"). */
function isOrdinal(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 2);
  return at >= 2 && text[at - 1] === '-' && before >= 0x30 && before <= 0x39;
}

/**
 * How much a word counts for its script (`script`) and for the letter and ending features (`shape`):
 * lower-case words are the language's own; capitalised ones are often names, short all-caps ones
 * acronyms; a long all-caps word is a title set in capitals.
 */
function caseWeights(word: string, sentenceStart: boolean): { script: number; shape: number } {
  if (word === word.toLowerCase()) return { script: 1, shape: 1 };
  if (word.length > 1 && word === word.toUpperCase()) return word.length > 4 ? { script: 0.8, shape: 0.8 } : { script: 0.3, shape: 0.3 };
  return sentenceStart ? { script: 0.8, shape: 0.6 } : { script: 0.5, shape: 0.25 };
}

const OPENERS = new Set([' ', '\t', '«', '„', '“', '"', '(', '[', '—', '–', '-']);

/** Whether the word at `at` opens the text, a line or a sentence (looking back past spaces, quotes, dashes). */
function startsSentence(text: string, at: number): boolean {
  // Bounded: a run of more than eight openers says nothing more.
  for (let index = at - 1; index >= Math.max(0, at - 8); index -= 1) {
    const char = text[index]!;
    if (char === '.' || char === '!' || char === '?' || char === '\n' || char === ':') return true;
    if (!OPENERS.has(char)) return false;
  }
  return at === 0 || at <= 8;
}
