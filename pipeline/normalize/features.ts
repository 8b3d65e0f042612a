import { isChromeLine, parseSourceLine } from './chrome.ts';
import { isFunctionWord, isInterfaceWord, METADATA_KEY } from './lexicon.ts';

/**
 * What the classifier knows of one block from its text alone (the jusText/boilerpipe idea): how long it is,
 * whether it reads as a sentence, how many of its words are function words or interface words, whether it
 * is built like a menu. Position and neighbours are weighed by the classifier (structure.ts).
 */
export interface BlockFeatures {
  words: number;
  chars: number;
  /** Ends as a sentence does: . ! ? … or a closing quote/bracket after one. */
  sentenceEnd: boolean;
  hasLower: boolean;
  /** Share of words that are function words ("the", "и", "жана"). */
  functionShare: number;
  /** Share of words that are interface words of site templates ("Share", "Menu", "Поделиться"). */
  interfaceShare: number;
  /** Share of words that start with a capital letter. */
  capitalShare: number;
  /** " / ", " | ", " • ", " » " separators, as menus and breadcrumbs print them. */
  separators: number;
  url: boolean;
  /** "NAME SURNAME: text" or "NAME SURNAME:" alone: a caps label, never a menu. */
  labelled: boolean;
  /** Holds a digit or a comma, as titles and datelines do and menus do not. */
  punctuated: boolean;
}

const SEPARATOR_MARKS = /\s(?:\/|\||•|·|»|›|>)(?=\s|$)|^\s*(?:\/|\||•|·|»|›)\s/gu;

export function featuresOf(text: string): BlockFeatures {
  // One pass over the words, the Unicode classes asked only what the ASCII tests cannot settle: the
  // classifier reads the features of many blocks of every transcript.
  let words = 0;
  let functionWords = 0;
  let contentWords = 0;
  let interfaceWords = 0;
  let capitalised = 0;
  for (const word of text.split(/\s+/u)) {
    if (!(isAsciiAlphanumeric(word.charCodeAt(0)) || /[\p{L}\p{N}]/u.test(word))) continue;
    words += 1;
    const bare =
      isAsciiAlphanumeric(word.charCodeAt(0)) && isAsciiAlphanumeric(word.charCodeAt(word.length - 1)) ? word : word.replace(EDGES, '');
    // "Share on", "Print this page": interface words are weighed among the words that carry content.
    if (isFunctionWord(bare)) functionWords += 1;
    else {
      contentWords += 1;
      if (isInterfaceWord(bare)) interfaceWords += 1;
    }
    if (/^\p{Lu}/u.test(bare)) capitalised += 1;
  }
  return {
    words,
    chars: text.length,
    sentenceEnd: endsSentence(text),
    hasLower: /\p{Ll}/u.test(text),
    functionShare: words === 0 ? 0 : functionWords / words,
    interfaceShare: contentWords === 0 ? 0 : interfaceWords / contentWords,
    capitalShare: words === 0 ? 0 : capitalised / words,
    separators: (text.match(SEPARATOR_MARKS) ?? []).length,
    url: /^(?:https?:\/\/|www\.)\S+$/iu.test(text.trim()),
    punctuated: /[\d,]/u.test(text),
    // The pattern's colon is the text's first, within its first 124 characters: a speech paragraph without
    // one is settled without running it.
    labelled: isLabelledAt(text.indexOf(':')) && LABELLED.test(text),
  };
}

/** Punctuation and symbols around a word: "(Applause.)" → "Applause". */
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** "NAME SURNAME: text" or "NAME SURNAME:" alone. */
const LABELLED = /^[^:]{2,120}\p{L}\s?:(?:\s+\p{L}|\s*$)/u;
const isLabelledAt = (colon: number) => colon >= 3 && colon <= 124;

const isAsciiAlphanumeric = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** What may follow a sentence's last mark: spaces, closing quotes and brackets. */
const AFTER_SENTENCE = /[\s"'\u00bb\u201d\u2019)\]]/u;

/**
 * Ends as a sentence does: . ! ? … with only closing quotes, brackets and spaces after it — what
 * /[.!?\u2026][\s"'\u00bb\u201d\u2019)\]]*$/u tells, read from the end instead of tried at every
 * position of a long paragraph.
 */
function endsSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && AFTER_SENTENCE.test(text[end - 1]!)) end -= 1;
  return end > 0 && '.!?\u2026'.includes(text[end - 1]!);
}

/** Reads as running text: a sentence of some length, or a long run with the function words prose has. */
export function isProse(features: BlockFeatures): boolean {
  if (!features.hasLower) return false;
  if (features.sentenceEnd && features.words >= 5) return true;
  return features.words >= 14 && features.functionShare >= 0.15;
}

/**
 * Built like navigation: mostly interface words without a sentence's end; several separators; or a long
 * line of capitalised words with almost no function words ("News Transcripts Events Meetings Photos").
 */
export function isMenuLike(features: BlockFeatures): boolean {
  if (features.url) return true;
  if (features.separators >= 2 && !features.sentenceEnd) return true;
  if (!features.sentenceEnd && features.words >= 1 && features.interfaceShare >= 0.6) return true;
  // A run of capitalised words with no function word at all; a title in Title Case has "by", "of", a date, a comma.
  return (
    !features.sentenceEnd &&
    features.words >= 6 &&
    features.functionShare === 0 &&
    features.capitalShare >= 0.7 &&
    !features.labelled &&
    !features.punctuated
  );
}

/** Chrome by the generic lexicon or the shape: the lines every template prints around a transcript. */
export function isChromeBlock(text: string, features = featuresOf(text)): { rule: string } | undefined {
  if (isChromeLine(text)) return { rule: 'chrome-lexicon' };
  if (METADATA_KEY.test(text) && text.length <= 400) return { rule: 'metadata-line' };
  // "Read more: https://…", "Толугураак: https://…": a few words and a link is a link, in any language.
  if (/^[\p{L}\s'’.-]{1,40}:?\s*(?:https?:\/\/|www\.)\S+$/u.test(text)) return { rule: 'link-line' };
  if (parseSourceLine(text)) return undefined;
  if (isMenuLike(features)) return { rule: 'menu-like' };
  // A forum post's number ("Old July 14th, 2018 #861", "Старый 27.03.2016 #169") and an avatar caption.
  if (/#\d{1,7}$/u.test(text) && /\d{4}/u.test(text) && features.words <= 8) return { rule: 'post-number' };
  if (/(?:['’]s avatar|^аватар(?: для| пользователя)? .{1,60}|\sаватары)$/iu.test(text) && features.words <= 8) return { rule: 'avatar' };
  // A rubric, a date stamp and a view counter run together ("World 23.12.2019 05:01 9385").
  if (features.words <= 6 && !features.sentenceEnd && /\d{1,2}[./]\d{1,2}[./]\d{2,4}/u.test(text) && /\s\d{2,7}$/u.test(text))
    return { rule: 'date-stamp' };
  if (/^(?:©|\(c\)|copyright\b)/iu.test(text) || /all rights reserved|все права защищены/iu.test(text)) return { rule: 'copyright' };
  // Counters and tickers: "👁786", "3 комментария", "USD 86.50 EUR 91.18".
  if (!features.hasLower && features.words <= 12 && /\d/.test(text) && !/\p{L}{4,}/u.test(text.replace(/[A-Z]{3}/g, '')))
    return { rule: 'counter' };
  return undefined;
}

/** A title: a short line that is neither chrome, nor a label, nor a sentence of the speech. */
export function isTitleLike(text: string, features = featuresOf(text)): boolean {
  if (features.words < 2 || features.words > 40 || features.chars > 320) return false;
  if (/:$/.test(text) || features.url) return false;
  if (isChromeBlock(text, features)) return false;
  return features.hasLower || features.words >= 2;
}
