import { matchKey } from '../normalize/typography.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { CONTEXT_PROPS, sourceHash } from '../tm/context.ts';
import { SEGMENTATION_RULES_VERSION } from '../segment/split.ts';
import { parseSegment } from '../tm/inline.ts';
import { escapeXml as esc, STATES, type State } from './model.ts';

export interface Provenance {
  /** TMX date, e.g. 20261128T143000Z. */
  date: string;
  translator: string | undefined;
  file: string;
}

export interface MergeEntry {
  id: string;
  source: string;
  target: string;
  state: State;
  /** Where the segment stood when translated (the document and its neighbours' sources): context matches and stale segments. */
  context?: { doc: string; prev: string; next: string };
}

const TU = /<tu\b[^>]*>[\s\S]*?<\/tu>/g;

/** Per source sentence, the target in `locale` and the state an earlier import recorded (translated when none). */
export function memoryStates(tmx: string, sourceLang: string, locale: string): Map<string, { text: string; state: State }> {
  const states = new Map<string, { text: string; state: State }>();
  for (const block of tmx.match(TU) ?? []) {
    const source = tuvText(block, sourceLang);
    const target = tuvText(block, locale);
    if (source === undefined || target === undefined) continue;
    const recorded = /<prop type="x-pressroom-state">([^<]*)<\/prop>/.exec(block)?.[1];
    const state = STATES.find((known) => known === recorded) ?? 'translated';
    states.set(matchKey(source), { text: target, state });
  }
  return states;
}

/**
 * Puts translations into TMX text with their provenance, editing only the `<seg>` of the `<tuv>` they
 * belong to (and the `<tu>`'s provenance) so that everything else in the file (props, notes, unknown
 * attributes and elements, other languages) stays byte for byte. The header records the segmentation
 * rules the sources were cut with. Merging the same entries twice gives the same text.
 */
export function mergeIntoTmx(
  tmx: string | undefined,
  sourceLang: string,
  locale: string,
  entries: readonly MergeEntry[],
  provenance: Provenance,
): string {
  let text = recordSegmentation(tmx ?? emptyTmx(sourceLang, provenance.date));
  for (const entry of entries) {
    const key = matchKey(entry.source);
    let found = false;
    text = text.replace(TU, (block) => {
      if (found) return block;
      const source = tuvText(block, sourceLang);
      if (source === undefined || matchKey(source) !== key) return block;
      found = true;
      return updateBlock(block, locale, entry, provenance);
    });
    if (!found) {
      const tu = updateBlock(
        `<tu tuid="${esc(entry.id)}" creationdate="${provenance.date}">\n      <tuv xml:lang="${esc(sourceLang)}"><seg>${esc(entry.source)}</seg></tuv>\n    </tu>`,
        locale,
        entry,
        provenance,
      );
      text = text.replace(/(\s*)<\/body>/, (_, space: string) => `\n    ${tu}${space}</body>`);
    }
  }
  return text;
}

function updateBlock(block: string, locale: string, entry: MergeEntry, provenance: Provenance): string {
  if (tuvText(block, locale) === entry.target && block.includes(`<prop type="x-pressroom-state">${entry.state}</prop>`)) return block;
  const seg = `<seg>${esc(entry.target)}</seg>`;
  // An existing variant keeps its own attributes, props and notes: only its <seg> changes.
  let next = tuvPattern(locale).test(block)
    ? block.replace(tuvPattern(locale), (tuv) => tuv.replace(/<seg\b[^>]*\/>|<seg\b[^>]*>[\s\S]*?<\/seg>/, () => seg))
    : block.replace(/(\s*)<\/tu>$/, (_, space: string) => `${space}  <tuv xml:lang="${esc(locale)}">${seg}</tuv>${space}</tu>`);
  next = next.replace(/\n?\s*<prop type="x-pressroom-[^"]*">[^<]*<\/prop>/g, '');
  const props = [
    ['x-pressroom-state', entry.state],
    ['x-pressroom-file', provenance.file],
    ...(provenance.translator ? [['x-pressroom-translator', provenance.translator]] : []),
    // The source this translation was made from, and where it stood: pipeline/tm/context.ts reads them back.
    [CONTEXT_PROPS.hash, sourceHash(entry.source)],
    ...(entry.context
      ? [
          [CONTEXT_PROPS.doc, entry.context.doc],
          [CONTEXT_PROPS.prev, entry.context.prev],
          [CONTEXT_PROPS.next, entry.context.next],
        ]
      : []),
  ]
    .map(([type, value]) => `\n      <prop type="${type}">${esc(value!)}</prop>`)
    .join('');
  return next.replace(/^<tu\b[^>]*>/, (open) => {
    let tag = setAttribute(open, 'changedate', provenance.date);
    if (provenance.translator) tag = setAttribute(tag, 'changeid', provenance.translator);
    return tag + props;
  });
}

function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`\\s${name}="[^"]*"`);
  const attribute = ` ${name}="${esc(value)}"`;
  // Replacement functions throughout: a translation or a name may hold `$1` or `$&`, which a replacement string expands.
  return pattern.test(tag) ? tag.replace(pattern, () => attribute) : tag.replace(/>$/, () => `${attribute}>`);
}

function tuvPattern(locale: string): RegExp {
  return new RegExp(`<tuv\\b[^>]*\\b(?:xml:)?lang="${locale.replace(/[^\w-]/g, '')}"[^>]*>[\\s\\S]*?</tuv>`, 'i');
}

function tuvText(block: string, lang: string): string | undefined {
  for (const match of block.matchAll(/<tuv\b([^>]*)>[\s\S]*?<seg>([\s\S]*?)<\/seg>[\s\S]*?<\/tuv>/g)) {
    const tag = /\b(?:xml:)?lang="([^"]*)"/.exec(match[1] ?? '')?.[1];
    if (tag && canonicalLocale(tag) === canonicalLocale(lang)) return parseSegment(match[2] ?? '').text;
  }
  return undefined;
}

const SEGMENTATION_PROP = `<prop type="x-pressroom-segmentation">${SEGMENTATION_RULES_VERSION}</prop>`;

/** The header's segmentation prop set to the current rules, the rest of the header as it was. */
function recordSegmentation(tmx: string): string {
  const header = /<header\b[^>]*?(\/?)>/.exec(tmx);
  if (!header) return tmx;
  if (header[1]) {
    const open = header[0].replace(/\s*\/>$/, '>');
    return tmx.replace(header[0], `${open}\n    ${SEGMENTATION_PROP}\n  </header>`);
  }
  const end = tmx.indexOf('</header>', header.index);
  const inside = tmx.slice(header.index, end);
  const existing = /<prop type="x-pressroom-segmentation">[^<]*<\/prop>/.exec(inside);
  if (existing) return tmx.slice(0, header.index) + inside.replace(existing[0], SEGMENTATION_PROP) + tmx.slice(end);
  const after = header.index + header[0].length;
  return `${tmx.slice(0, after)}\n    ${SEGMENTATION_PROP}${tmx.slice(after)}`;
}

function emptyTmx(sourceLang: string, date: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="pressroom" creationtoolversion="1" segtype="sentence" o-tmf="pressroom" adminlang="en" srclang="${esc(sourceLang)}" datatype="plaintext" creationdate="${date}"/>
  <body>
  </body>
</tmx>
`;
}

export const tmxDate = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
