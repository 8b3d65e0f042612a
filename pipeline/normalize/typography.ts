/** What the typography pass may keep as the source printed it; everything else is folded (docs/normalisation.md). */
export interface TypographyOptions {
  /**
   * Keep no-break spaces (U+00A0, U+202F) in the output: a press office's typographic NBSPs ("of the",
   * "5 000", "г. Москва"). They are folded to spaces for matching either way (`matchKey`). (default: false)
   */
  keepNbsp?: boolean;
  /** Counts of characters changed, by rule id, for the normalisation report (optional). */
  counts?: Map<string, number>;
  /** Language of the text: straight double quotes become «» in Russian and Kyrgyz, “” otherwise. (default: "en") */
  lang?: string;
}

/** Opening and closing double quotes by language (primary level); an unlisted language gets English quotes. */
const QUOTES: Record<string, [string, string]> = { ru: ['\u00ab', '\u00bb'], ky: ['\u00ab', '\u00bb'] };

const count = (options: TypographyOptions, rule: string, by = 1) => {
  if (options.counts && by > 0) options.counts.set(rule, (options.counts.get(rule) ?? 0) + by);
};

/**
 * Typography a scrape mangles: no-break and other odd spaces (the sample has 703 NBSPs in the middle of
 * sentences), tabs, doubled and trailing spaces, straight quotes, three dots, "--" used as a dash. Output
 * is NFC so that TM keys compare equal.
 */
export function normalizeTypography(text: string, options: TypographyOptions = {}): string {
  const spaces = options.keepNbsp ? /[\u2007\u2000-\u200a\u3000\t]/g : /[\u00a0\u2007\u202f\u2000-\u200a\u3000\t]/g;
  // `needs`: a string every match contains; text without it skips the pass (a scan for a character costs a
  // fraction of a regular expression's, above all one with a Unicode class).
  const replace = (input: string, pattern: RegExp, rule: string, to: string | ((...args: string[]) => string), needs?: string) =>
    needs !== undefined && !input.includes(needs)
      ? input
      : input.replace(pattern, (...args: string[]) => {
          const out = typeof to === 'string' ? to.replace(/\$(\d)/g, (_, index: string) => args[Number(index)] ?? '') : to(...args);
          count(options, rule, Math.max(1, args[0]!.length - out.length));
          return out;
        });
  // Leading and trailing white space (tabs, NBSPs) goes first, so that no character is counted twice.
  const nfc = text.normalize('NFC');
  let out = nfc.trim();
  count(options, 'normalize:space', nfc.length - out.length);
  out = replace(out, spaces, 'normalize:space', ' ');
  out = replace(out, /\u200b|\u200c|\u200d|\u2060|\ufeff/g, 'normalize:zero-width', '');
  out = replace(out, / {2,}/g, 'normalize:space', ' ', '  ');
  out = replace(out, / +([,.;:!?])(?=\s|$)/g, 'normalize:space', '$1');
  const [open, close] = QUOTES[(options.lang ?? 'en').split('-')[0]!.toLowerCase()] ?? ['\u201c', '\u201d'];
  out = replace(out, /(^|[\s([{])"(?=\S)/g, 'normalize:quote', `$1${open}`, '"');
  out = replace(out, /"/g, 'normalize:quote', close, '"');
  out = replace(out, /(\p{L})'(\p{L})/gu, 'normalize:quote', '$1\u2019$2', "'");
  out = replace(out, /(^|[\s([{])'(?=\S)/g, 'normalize:quote', '$1\u2018', "'");
  out = replace(out, /'/g, 'normalize:quote', '\u2019', "'");
  out = replace(out, /\.\.\./g, 'normalize:ellipsis', '\u2026', '...');
  // "Ohio -- on Tuesday", "the budget --": a typewriter dash; "--" inside a word ("negi--") is left alone.
  out = replace(out, /(^|\s)--(?=\s|$)/g, 'normalize:dash', '$1\u2014', '--');
  const trimmed = out.trim();
  count(options, 'normalize:space', out.length - trimmed.length);
  return trimmed;
}

/** Every character and sequence that normalizeTypography or matchKey may change, once the text is NFC. */
const FOLDED = /[\t\u00a0\u2000-\u200d\u202f\u2060\u3000\ufeff"'\u2018\u2019\u201c\u201d\u00ab\u00bb]| {2}| [,.;:!?]|\.\.\.|--/;

// eslint-disable-next-line no-control-regex -- the whole Latin-1 range, U+0000 included
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/** The key under which TM and glossary entries are compared: typography-insensitive, case kept. */
export function matchKey(text: string): string {
  // Most text has nothing to fold: one test instead of a dozen passes (a TM load calls this for every unit).
  // Text within Latin-1 is already NFC (no combining mark there), and the test costs a tenth of normalize.
  const nfc = BEYOND_LATIN1.test(text) ? text.normalize('NFC') : text;
  if (!FOLDED.test(nfc) && nfc.trim().length === nfc.length) return nfc;
  return normalizeTypography(text)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"');
}
