/**
 * Typography a scrape mangles: no-break and other odd spaces (the sample has 703 NBSPs in the middle of
 * sentences), doubled spaces, straight quotes, three dots. Output is NFC so that TM keys compare equal.
 */
export function normalizeTypography(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f\u2000-\u200a\u3000\t]/g, ' ')
    .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ +([,.;:!?])(?=\s|$)/g, '$1')
    .replace(/(^|[\s([{])"(?=\S)/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(\p{L})'(\p{L})/gu, '$1\u2019$2')
    .replace(/(^|[\s([{])'(?=\S)/g, '$1\u2018')
    .replace(/'/g, '\u2019')
    .replace(/\.\.\./g, '\u2026')
    .trim();
}

/** The key under which TM and glossary entries are compared: typography-insensitive, case kept. */
export function matchKey(text: string): string {
  return normalizeTypography(text)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"');
}
