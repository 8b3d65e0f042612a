import { InputError } from '../errors.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { attribute, children, elementPlaces, parseUntrustedXml } from '../util/xml.ts';
import { parseSegment, type InlineCode } from './inline.ts';

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
  const root = parseUntrustedXml(text, file, ['tmx.body.tu.tuv.seg']);
  const tmx = children(root, 'tmx')[0];
  if (!tmx) throw new InputError(file, { line: 1, column: 1 }, 'Unexpected root element, expected <tmx>; is this a TMX file?');
  const header = children(tmx, 'header')[0];
  const srclangRaw = header ? attribute(header, 'srclang') : undefined;
  if (!srclangRaw)
    throw new InputError(
      file,
      elementPlaces(text, 'header')[0] ?? { line: 1, column: 1 },
      'Unexpected <header> without srclang, expected srclang="en" (or the source language)',
    );
  const srclang = srclangRaw === '*all*' ? '*all*' : (canonicalLocale(srclangRaw) ?? srclangRaw);
  const places = elementPlaces(text, 'tu');
  const body = children(tmx, 'body')[0];
  const units = children(body, 'tu').map((tu, index): TranslationUnit => {
    const place = places[index] ?? { line: 1, column: 1 };
    const variants = new Map<string, string>();
    let codes: Map<string, InlineCode[]> | undefined;
    for (const tuv of children(tu, 'tuv')) {
      const lang = attribute(tuv, 'xml:lang') ?? attribute(tuv, 'lang');
      if (!lang) throw new InputError(file, place, 'Unexpected <tuv> without xml:lang, expected xml:lang="ru" (or the variant’s language)');
      const tag = canonicalLocale(lang);
      if (!tag) throw new InputError(file, place, `Unexpected language tag “${lang}”, expected a BCP 47 tag such as “ru” or “ky-KG”`);
      const seg = (children(tuv, 'seg') as unknown[])[0];
      if (seg === undefined)
        throw new InputError(file, place, `Unexpected <tuv xml:lang="${lang}"> without <seg>, expected exactly one <seg>`);
      // <seg> is a stop node: its content arrives raw, inline codes included.
      const raw = typeof seg === 'string' ? seg : (seg as Record<string, unknown>)['#text'];
      const segment = parseSegment(Array.isArray(raw) ? raw.join('') : typeof raw === 'string' ? raw : '');
      variants.set(tag, segment.text);
      if (segment.codes.length > 0) (codes ??= new Map()).set(tag, segment.codes);
    }
    return {
      id: attribute(tu, 'tuid') ?? `tu${index + 1}`,
      variants,
      changed: attribute(tu, 'changedate') ?? attribute(tu, 'creationdate'),
      file,
      line: place.line,
      column: place.column,
      ...(codes ? { codes } : {}),
    };
  });
  return { srclang, units };
}
