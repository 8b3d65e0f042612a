import { InputError } from '../errors.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { children, elementPlaces, parseUntrustedXml } from '../util/xml.ts';
import { parseSegment, type InlineCode } from './inline.ts';
import { type Attributes, type ScannedTmx, type ScannedTu, scanTmx } from './tmx-scan.ts';

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
}

export interface TmxDocument {
  srclang: string;
  units: TranslationUnit[];
}

/** Reads a TMX 1.4 file into units. Throws an `InputError` naming the file and line on anything malformed. */
export function parseTmx(text: string, file: string): TmxDocument {
  // Intl.getCanonicalLocales costs microseconds; a memory repeats the same few tags a million times.
  const tags = new Map<string, string | undefined>();
  let units: TranslationUnit[] = [];
  // The one-pass scanner reads the common shape and hands each unit over as it goes; anything else (and
  // every error of the XML itself) goes through the tree. A unit's own error waits for the scan's end, so
  // that a file the scanner leaves to the tree reports what the tree finds first, as it always has.
  let unitError: unknown;
  const scanned = scanTmx(text, (scannedUnit) => {
    if (unitError !== undefined) return;
    try {
      units.push(toTranslationUnit(scannedUnit, units.length, file, tags));
    } catch (error) {
      unitError = error;
    }
  });
  const read = scanned ?? readTmxTree(text, file);
  const srclangRaw = read.header?.srclang;
  if (!srclangRaw)
    throw new InputError(
      file,
      elementPlaces(text, 'header')[0] ?? { line: 1, column: 1 },
      'Unexpected <header> without srclang, expected srclang="en" (or the source language)',
    );
  if (scanned === undefined) units = read.units.map((scannedUnit, index) => toTranslationUnit(scannedUnit, index, file, tags));
  else if (unitError !== undefined) throw unitError;
  const srclang = srclangRaw === '*all*' ? '*all*' : (canonicalLocale(srclangRaw) ?? srclangRaw);
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
  for (const tuv of tuvs) {
    const lang = tuv.attributes['xml:lang'] ?? tuv.attributes.lang;
    if (!lang) throw new InputError(file, place, 'Unexpected <tuv> without xml:lang, expected xml:lang="ru" (or the variant’s language)');
    let tag = tags.get(lang);
    if (tag === undefined && !tags.has(lang)) tags.set(lang, (tag = canonicalLocale(lang)));
    if (!tag) throw new InputError(file, place, `Unexpected language tag “${lang}”, expected a BCP 47 tag such as “ru” or “ky-KG”`);
    if (tuv.seg === undefined)
      throw new InputError(file, place, `Unexpected <tuv xml:lang="${lang}"> without <seg>, expected exactly one <seg>`);
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
  return unit;
}

/** The scanner's shape through the validating tree parser, which words every diagnostic: the reference path. */
export function readTmxTree(text: string, file: string): ScannedTmx {
  const root = parseUntrustedXml(text, file, ['tmx.body.tu.tuv.seg']);
  const tmx = children(root, 'tmx')[0];
  if (!tmx) throw new InputError(file, { line: 1, column: 1 }, 'Unexpected root element, expected <tmx>; is this a TMX file?');
  const header = children(tmx, 'header')[0];
  const places = elementPlaces(text, 'tu');
  const body = children(tmx, 'body')[0];
  return {
    header: header ? attributesOf(header) : undefined,
    units: children(body, 'tu').map((tu, index) => ({
      attributes: attributesOf(tu),
      place: places[index] ?? { line: 1, column: 1, offset: 0 },
      tuvs: children(tu, 'tuv').map((tuv) => {
        const seg = (children(tuv, 'seg') as unknown[])[0];
        if (seg === undefined) return { attributes: attributesOf(tuv), seg: undefined };
        // <seg> is a stop node: its content arrives raw, inline codes included.
        const raw = typeof seg === 'string' ? seg : (seg as Record<string, unknown>)['#text'];
        return { attributes: attributesOf(tuv), seg: Array.isArray(raw) ? raw.join('') : typeof raw === 'string' ? raw : '' };
      }),
    })),
  };
}

/** String attributes of a parsed element (the parser groups them under `$`). */
function attributesOf(node: Record<string, unknown>): Attributes {
  const group = node.$ as Record<string, unknown>[] | Record<string, unknown> | undefined;
  const all = (Array.isArray(group) ? group[0] : group) ?? {};
  const attributes: Attributes = Object.create(null) as Attributes;
  for (const [name, value] of Object.entries(all)) if (typeof value === 'string') attributes[name] = value;
  return attributes;
}
