import { CYRILLIC_SENTENCE_WORDS, isWeekday, monthNumber, isPlaceKindWord, NAME_CONNECTORS, VENUE_LABEL, VENUE_WORDS } from './lexicon.ts';

/**
 * Limits that separate a place or venue from a sentence or a title. Measured on the survey: the longest
 * place seen is "Eisenhower Executive Office Building, Indian Treaty Room" (56 characters), the longest
 * single name "James S. Brady Press Briefing Room" (6 words); a title naming a hall ("Press conference in
 * the Hall of Columns on energy policy …") runs past 80 characters or holds lower-case content words.
 */
const PLACE_MAX_CHARS = 80;
/** "Circular Hall, The Kremlin, Moscow" has three parts; four leaves room for "…, Region, Country". */
const PLACE_MAX_PARTS = 4;
const PART_MAX_WORDS = 7;
/** A labelled venue ("Venue: …") is trusted further, up to about two lines of a page. */
const LABELLED_VENUE_MAX_CHARS = 150;

/** Characters a place never holds: sentence punctuation, quotes of speech, brackets, URLs, markup. */
const NOT_IN_PLACE = /[!?;:"“”„«»()[\]{}<>@#%*=+|\\/_~…]/u;

function isAbbreviation(word: string): boolean {
  // "St.", "D.C.", "S.", "г.": a dot closes a short token, not a sentence.
  return /^(?:\p{L}{1,3}\.)+$/u.test(word);
}

function isPlacePart(part: string): boolean {
  const words = part.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > PART_MAX_WORDS) return false;
  // "г. Бишкек", "с. Кара-Ой": the kind of place, abbreviated, before a capitalised name.
  const kind = words.length > 1 && words[0]!.endsWith('.') && isPlaceKindWord(words[0]!);
  if (!/^\p{Lu}/u.test(words[kind ? 1 : 0]!)) return false;
  for (const word of words) {
    if (word.endsWith('.') && !isAbbreviation(word)) return false;
    if (/\./.test(word.slice(0, -1)) && !isAbbreviation(word)) return false;
    const bare = word.replace(/\.$/, '').toLowerCase();
    if (/\d/.test(word)) {
      // "Room 450": a short number after a name, never the name itself.
      if (!/^\d{1,4}$/.test(word) || word === words[0]) return false;
      continue;
    }
    if (!/^[\p{L}\p{M}'’.-]+$/u.test(word)) return false;
    if (/\p{Script=Latin}/u.test(word)) {
      if (/^\p{Ll}/u.test(word) && !NAME_CONNECTORS.has(bare) && !(word !== words[0] && isPlaceKindWord(word))) return false;
    } else if (CYRILLIC_SENTENCE_WORDS.has(bare)) {
      return false;
    }
  }
  return true;
}

/**
 * A short run of capitalised names separated by commas: "Moscow", "Moscow Region", "St. Petersburg",
 * "Circular Hall, The Kremlin, Moscow", "Ново-Огарёво, Московская область", "Бишкек шаары".
 * Sentences ("we agreed in Moscow to continue the talks."), counters ("Posts: 6,834") and clock or date
 * words fail.
 */
export function isPlace(text: string): boolean {
  const place = text.trim();
  if (place.length === 0 || place.length > PLACE_MAX_CHARS || NOT_IN_PLACE.test(place)) return false;
  const parts = place.split(/\s*,\s*/);
  if (parts.length > PLACE_MAX_PARTS) return false;
  if (parts.some((part) => isWeekday(part) || monthNumber(part) !== undefined)) return false;
  return parts.every(isPlacePart);
}

/** Trims the separators a scraper leaves round a place ("- Moscow", "Moscow ,"). */
export function cleanPlace(text: string): string {
  return text
    .replace(/^[\s,–—-]+/u, '')
    .replace(/[\s,–—-]+$/u, '')
    .replace(/\s+,/g, ',')
    .replace(/\s+/g, ' ');
}

function hasVenueWord(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[\s,]+/)
    .some((word) => VENUE_WORDS.has(word.replace(/\.$/, '')));
}

/**
 * A short line naming where an event took place: a labelled one ("Venue: …", "Место проведения: …",
 * "Өткөн жери: …") or an unlabelled one built round a generic venue word ("James S. Brady Press Briefing
 * Room", "Circular Hall, The Kremlin, Moscow", "Малахитовый зал, Москва"). Sentences and titles are
 * refused by the place limits above (length, words per part, lower-case content words, punctuation).
 */
export function parseVenueLine(input: string, _lang?: string): string | undefined {
  const text = input.replace(/[\s\u00a0]+/g, ' ').trim();
  const label = VENUE_LABEL.exec(text);
  if (label) {
    const venue = cleanPlace(text.slice(label[0].length).replace(/\.$/, ''));
    if (!venue || venue.length > LABELLED_VENUE_MAX_CHARS || /[!?;]/.test(venue)) return undefined;
    return venue;
  }
  const venue = cleanPlace(text);
  return isPlace(venue) && hasVenueWord(venue) ? venue : undefined;
}
