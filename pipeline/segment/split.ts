// Intl.Segmenter splits after "Mr.", "St.", "Jan." and initials (measured, see docs/segmentation.md);
// these are the exceptions layered on top of it, SRX-style.

/**
 * The version of the rule set below, recorded in the memories pressroom writes
 * (`<prop type="x-pressroom-segmentation">` in the TMX header): bump it whenever a rule changes what a
 * sentence is, since units segmented by other rules stop matching.
 */
export const SEGMENTATION_RULES_VERSION = 'pressroom-sentences-1';

const NO_BREAK_AFTER =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Col|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|vs|etc|cf|[\p{Lu}]|г|гг|им|ул|т\.е|т\.к|т\.д|т\.п|с|ст|стр)\.\s*$/u;

const segmenters = new Map<string, Intl.Segmenter>();

/** Sentences of one paragraph, trimmed, in order; joining them with single spaces gives the paragraph back. */
export function splitSentences(text: string, locale: string): string[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  const pieces: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const previous = pieces.at(-1);
    if (previous !== undefined && NO_BREAK_AFTER.test(previous)) pieces[pieces.length - 1] = previous + segment;
    else pieces.push(segment);
  }
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}
