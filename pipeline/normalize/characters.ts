/** Characters a scrape carries that are not the speakers' text, repaired before anything else looks at a block. */
export interface Repairs {
  /** Characters changed, by rule id (`normalize:soft-hyphen`, …), and the lines they were on. */
  counts: Map<string, { count: number; lines: number[] }>;
  /** Words whose Latin look-alike letters were replaced inside Cyrillic words (or the reverse). */
  homoglyphWords: string[];
  /** Words mixing scripts that were left alone because neither script is clearly meant ("Ритter"). */
  mixedWords: string[];
}

/** Adds `by` changes under `rule` on `line` (the normalisation report lists both). */
export function recordRepair(repairs: Repairs, rule: string, line: number, by = 1): void {
  if (by <= 0) return;
  const entry = repairs.counts.get(rule) ?? { count: 0, lines: [] };
  entry.count += by;
  if (entry.lines.at(-1) !== line) entry.lines.push(line);
  repairs.counts.set(rule, entry);
}

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC)
    .filter(([latin]) => latin !== 'i')
    .map(([latin, cyrillic]) => [cyrillic, latin]),
);
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export function emptyRepairs(): Repairs {
  return { counts: new Map(), homoglyphWords: [], mixedWords: [] };
}

/**
 * Soft hyphens and zero-width characters are deleted (never turned into "-"), U+2011 becomes "-", and a
 * word mixing scripts is fixed only when one script is clearly meant: every letter of the other script
 * has a look-alike in it. "Пyтин" (Latin y) → "Путин"; "Pеskov" (Cyrillic е) → "Peskov"; "iPhoneе" is left.
 */
export function repairCharacters(text: string, repairs: Repairs, line = 1, lang = 'en'): string {
  let out = text.replace(/\u00ad/g, () => {
    recordRepair(repairs, 'normalize:soft-hyphen', line);
    return '';
  });
  out = out.replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/g, () => {
    recordRepair(repairs, 'normalize:zero-width', line);
    return '';
  });
  out = out.replace(/\u2011/g, () => {
    recordRepair(repairs, 'normalize:nb-hyphen', line);
    return '-';
  });
  // Fita (ѳ) stands for Kyrgyz ө in Kyrgyz text only: in old Russian spelling it is ф, and is left as printed.
  if (lang.startsWith('ky') || /[үңөҮҢӨ]/.test(out))
    out = out.replace(/[\u0472\u0473]/g, (letter) => {
      recordRepair(repairs, 'normalize:kyrgyz-letter', line);
      return letter === '\u0473' ? '\u04e9' : '\u04e8';
    });
  if (!(CYRILLIC.test(out) && LATIN.test(out))) return out;
  return out.replace(/(?:\p{L}|\u0301)+/gu, (word) => {
    const letters = [...word];
    const cyrillic = letters.filter((letter) => CYRILLIC.test(letter));
    const latin = letters.filter((letter) => LATIN.test(letter));
    if (cyrillic.length === 0 || latin.length === 0) return word;
    let fixed = word;
    if (cyrillic.length >= latin.length && latin.every((letter) => letter in LATIN_TO_CYRILLIC))
      fixed = letters.map((letter) => LATIN_TO_CYRILLIC[letter] ?? letter).join('');
    else if (latin.length > cyrillic.length && cyrillic.every((letter) => letter in CYRILLIC_TO_LATIN))
      fixed = letters.map((letter) => CYRILLIC_TO_LATIN[letter] ?? letter).join('');
    if (fixed !== word) {
      repairs.homoglyphWords.push(`${word}→${fixed}`);
      recordRepair(repairs, 'normalize:homoglyph', line, [...word].filter((letter, index) => letter !== [...fixed][index]).length);
    } else repairs.mixedWords.push(`${word} (line ${line})`);
    return fixed;
  });
}
