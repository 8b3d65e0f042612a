import { InputError } from '../errors.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { elementPlaces, parseUntrustedXml, placeOf } from '../util/xml.ts';
import { parseSegment, type InlineCode } from './inline.ts';
import { readTmxText, TmxRefusal, type ScannedTu } from './tmx-scan.ts';

export interface TranslationUnit {
  id: string;
  /** Text per language tag (canonical BCP 47). */
  variants: Map<string, string>;
  changed: string | undefined;
  file: string;
  line: number;
  column?: number;
  /** Inline codes per language tag, for the variants that have any (`<bpt>`, `<ph>`, `<hi>`…). */
  codes?: Map<string, InlineCode[]>;
  /**
   * Languages with more than one <tuv> in the unit (OmegaT's sample has two FR-CA): the first is the
   * variant read, the others are counted here so that `tm stats` can say so instead of losing them silently.
   */
  repeated?: string[];
}

export interface TmxDocument {
  srclang: string;
  units: TranslationUnit[];
}

/** Reads a TMX 1.4 file into units. Throws an `InputError` naming the file and line on anything malformed. */
export function parseTmx(text: string, file: string): TmxDocument {
  // Intl.getCanonicalLocales costs microseconds; a memory repeats the same few tags a million times.
  const tags = new Map<string, string | undefined>();
  const units: TranslationUnit[] = [];
  // The scanner is the one reader; it hands each unit over as it goes. A unit's own error waits for the
  // scan's end, so that a malformed file reports what is wrong with its XML first.
  let unitError: unknown;
  const read = readTmxText(text, (scannedUnit) => {
    if (unitError !== undefined) return;
    try {
      units.push(toTranslationUnit(scannedUnit, units.length, file, tags));
    } catch (error) {
      unitError = error;
    }
  });
  if (read instanceof TmxRefusal) refuse(text, file, read);
  const srclangRaw = read.header?.srclang;
  if (!srclangRaw)
    throw new InputError(
      file,
      elementPlaces(text, 'header')[0] ?? { line: 1, column: 1 },
      'Unexpected <header> without srclang, expected srclang="en" (or the source language)',
    );
  if (unitError !== undefined) throw unitError;
  const srclang = srclangRaw === '*all*' ? '*all*' : (canonicalLocale(srclangRaw.replaceAll('_', '-')) ?? srclangRaw);
  return { srclang, units };
}

function toTranslationUnit(
  { attributes, place, tuvs }: ScannedTu,
  index: number,
  file: string,
  tags: Map<string, string | undefined>,
): TranslationUnit {
  const variants = new Map<string, string>();
  let codes: Map<string, InlineCode[]> | undefined;
  let repeated: string[] | undefined;
  for (const tuv of tuvs) {
    const lang = tuv.attributes['xml:lang'] ?? tuv.attributes.lang;
    if (!lang) throw new InputError(file, place, 'Unexpected <tuv> without xml:lang, expected xml:lang="ru" (or the variant’s language)');
    let tag = tags.get(lang);
    // Java-style tags (en_US, as some exporters write them) are the same tag with another separator.
    if (tag === undefined && !tags.has(lang)) tags.set(lang, (tag = canonicalLocale(lang.replaceAll('_', '-'))));
    if (!tag) throw new InputError(file, place, `Unexpected language tag “${lang}”, expected a BCP 47 tag such as “ru” or “ky-KG”`);
    if (tuv.seg === undefined)
      throw new InputError(file, place, `Unexpected <tuv xml:lang="${lang}"> without <seg>, expected exactly one <seg>`);
    if (variants.has(tag)) {
      (repeated ??= []).push(tag);
      continue;
    }
    const segment = parseSegment(tuv.seg);
    variants.set(tag, segment.text);
    if (segment.codes.length > 0) (codes ??= new Map()).set(tag, segment.codes);
  }
  const unit: TranslationUnit = {
    id: attributes.tuid ?? `tu${index + 1}`,
    variants,
    changed: attributes.changedate ?? attributes.creationdate,
    file,
    line: place.line,
    column: place.column,
  };
  if (codes) unit.codes = codes;
  if (repeated) unit.repeated = repeated;
  return unit;
}

/**
 * A text the scanner refused: the validating parser words what is malformed (entity declarations, size,
 * depth, mismatched tags, references), and a well-formed file outside what the scanner reads is named by
 * what it holds at that place. The parser only diagnoses: it never reads a unit.
 */
function refuse(text: string, file: string, refusal: TmxRefusal): never {
  parseUntrustedXml(text, file);
  if (refusal.wrongRoot) throw new InputError(file, { line: 1, column: 1 }, 'Unexpected root element, expected <tmx>; is this a TMX file?');
  throw new InputError(
    file,
    placeOf(text, Math.min(refusal.at, text.length)),
    `Unexpected ${refusal.reason}, expected TMX as translation tools write it (no internal DTD subset, processing instruction or unusual markup here); re-export the memory or remove this`,
  );
}
