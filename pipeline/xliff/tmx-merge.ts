import { matchKey } from '../normalize/typography.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { CONTEXT_PROPS, sourceHash } from '../tm/context.ts';
import { SEGMENTATION_RULES_VERSION } from '../segment/split.ts';
import { InputError } from '../errors.ts';
import { parseSegment } from '../tm/inline.ts';
import { readTmxText, scanTmx, TmxRefusal, type ScannedTmx, type ScannedTu, type ScannedTuv } from '../tm/tmx-scan.ts';
import { placeOf } from '../util/xml.ts';
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

/** Per source sentence, the target in `locale` and the state an earlier import recorded (translated when none). */
export function memoryStates(tmx: string, sourceLang: string, locale: string): Map<string, { text: string; state: State }> {
  const states = new Map<string, { text: string; state: State }>();
  const source = canonicalLocale(sourceLang) ?? sourceLang;
  const target = canonicalLocale(locale) ?? locale;
  // A memory the scanner refuses holds no states: the build has refused it with its diagnostic already.
  scanTmx(tmx, (unit) => {
    const sourceText = variantText(unit, source);
    const targetText = variantText(unit, target);
    if (sourceText === undefined || targetText === undefined) return;
    const recorded = unit.props.find((prop) => prop.type === 'x-pressroom-state')?.value;
    const state = STATES.find((known) => known === recorded) ?? 'translated';
    states.set(matchKey(sourceText), { text: targetText, state });
  });
  return states;
}

/** A text edit: replace `text.slice(start, end)` with `insert`. */
interface Edit {
  start: number;
  end: number;
  insert: string;
}

/**
 * Puts translations into TMX text with their provenance. The scanner gives each unit's offsets; the units
 * a translation changes are rewritten (only the `<seg>` content of the `<tuv>` it belongs to, the `<tu>`'s
 * dates and pressroom props), new units go before `</body>`, and the text between is copied as it was:
 * everything else in the file (props, notes, unknown attributes and elements, other languages, other units)
 * stays byte for byte, in one pass over the file. The header records the segmentation rules the sources
 * were cut with. Of several entries for one source the last counts. Merging the same entries twice gives
 * the same text. Throws an InputError naming `memoryFile` on a memory the scanner does not read.
 */
export function mergeIntoTmx(
  tmx: string | undefined,
  sourceLang: string,
  locale: string,
  entries: readonly MergeEntry[],
  provenance: Provenance,
  memoryFile = 'memory.tmx',
): string {
  const text = tmx ?? emptyTmx(sourceLang, provenance.date);
  const scanned = readTmxText(text);
  if (scanned instanceof TmxRefusal)
    throw new InputError(
      memoryFile,
      placeOf(text, Math.min(scanned.at, text.length)),
      `Unexpected ${scanned.reason}, expected a memory pressroom reads; the translations were not merged, fix the memory first`,
    );
  const source = canonicalLocale(sourceLang) ?? sourceLang;
  const target = canonicalLocale(locale) ?? locale;
  // The first unit of each source, in file order, as the regex reader found it before. A unit written in
  // another direction (its srclang, else the header's, another language) that already has a `locale`
  // variant is left alone: that variant is its original, not a translation to overwrite; a unit of its own
  // is added for this direction instead.
  const headerLang = scanned.header?.srclang && scanned.header.srclang !== '*all*' ? canonicalLocale(scanned.header.srclang) : undefined;
  const units = new Map<string, ScannedTu>();
  for (const unit of scanned.units) {
    const sourceText = variantText(unit, source);
    if (sourceText === undefined) continue;
    const own = unit.attributes.srclang && unit.attributes.srclang !== '*all*' ? canonicalLocale(unit.attributes.srclang) : headerLang;
    if (own !== undefined && primaryOf(own) !== primaryOf(source) && variantText(unit, target) !== undefined) continue;
    const key = matchKey(sourceText);
    if (!units.has(key)) units.set(key, unit);
  }
  const latest = new Map<string, MergeEntry>();
  for (const entry of entries) latest.set(matchKey(entry.source), entry);

  const edits: Edit[] = [...recordSegmentation(text, scanned)];
  let added = '';
  for (const [key, entry] of latest) {
    const unit = units.get(key);
    if (!unit) {
      added += `\n    ${newUnit(entry, sourceLang, locale, provenance, headerLang !== undefined && primaryOf(headerLang) !== primaryOf(source))}`;
      continue;
    }
    const block = updateUnit(text, unit, target, locale, entry, provenance);
    if (block !== undefined) edits.push({ start: unit.place.offset, end: unit.end, insert: block });
  }
  if (added) {
    if (scanned.bodySelfClosing)
      edits.push({
        start: scanned.bodyEnd,
        end: scanned.bodyEnd + text.slice(scanned.bodyEnd).indexOf('>') + 1,
        insert: `<body>${added}\n  </body>`,
      });
    else {
      // Before the white space that leads up to </body>, so that </body> keeps its indentation.
      let at = scanned.bodyEnd;
      while (at > 0 && /\s/.test(text[at - 1]!)) at -= 1;
      edits.push({ start: at, end: at, insert: added });
    }
  }
  return applyEdits(text, edits);
}

/** `text` with non-overlapping edits applied, in one pass. */
function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.insert);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The unit rewritten for `entry`, or undefined when it already holds the target with the entry's state. */
function updateUnit(
  text: string,
  unit: ScannedTu,
  target: string,
  locale: string,
  entry: MergeEntry,
  provenance: Provenance,
): string | undefined {
  const tuv = unit.tuvs.find((candidate) => tuvLang(candidate) === target && candidate.seg !== undefined);
  const current = tuv?.seg === undefined ? undefined : parseSegment(tuv.seg).text;
  if (current === entry.target && unit.props.some((prop) => prop.type === 'x-pressroom-state' && prop.value === entry.state))
    return undefined;
  const base = unit.place.offset;
  const local: Edit[] = [];
  // An existing variant keeps its own attributes, props and notes: only its <seg> content changes.
  if (tuv?.emptySeg)
    local.push({ start: tuv.emptySeg.start - base, end: tuv.emptySeg.end - base, insert: `<seg>${esc(entry.target)}</seg>` });
  else if (tuv) local.push({ start: tuv.segStart! - base, end: tuv.segEnd! - base, insert: esc(entry.target) });
  else {
    const close = unit.end - base - '</tu>'.length;
    let at = close;
    while (at > 0 && /\s/.test(text[base + at - 1]!)) at -= 1;
    const space = text.slice(base + at, base + close);
    local.push({ start: at, end: at, insert: `${space}  <tuv xml:lang="${esc(locale)}"><seg>${esc(entry.target)}</seg></tuv>` });
  }
  // The props an earlier import wrote, with the white space before each, give way to the new ones.
  for (const prop of unit.props) {
    if (!prop.type.startsWith('x-pressroom-')) continue;
    let start = prop.start;
    while (start > unit.openEnd && /\s/.test(text[start - 1]!)) start -= 1;
    local.push({ start: start - base, end: prop.end - base, insert: '' });
  }
  let open = text.slice(base, unit.openEnd);
  open = setAttribute(open, 'changedate', provenance.date);
  if (provenance.translator) open = setAttribute(open, 'changeid', provenance.translator);
  local.push({ start: 0, end: unit.openEnd - base, insert: open + provenanceProps(entry, provenance) });
  return applyEdits(text.slice(base, unit.end), local);
}

/** A unit for a source the memory does not hold yet, written as an update of a bare unit would write it. */
function newUnit(entry: MergeEntry, sourceLang: string, locale: string, provenance: Provenance, ownSrclang: boolean): string {
  // A unit translated from another language than the memory's header says records its own (TMX 1.4 tu@srclang).
  const srclang = ownSrclang ? ` srclang="${esc(sourceLang)}"` : '';
  let open = `<tu tuid="${esc(entry.id)}"${srclang} creationdate="${provenance.date}">`;
  open = setAttribute(open, 'changedate', provenance.date);
  if (provenance.translator) open = setAttribute(open, 'changeid', provenance.translator);
  return (
    `${open}${provenanceProps(entry, provenance)}\n      <tuv xml:lang="${esc(sourceLang)}"><seg>${esc(entry.source)}</seg></tuv>` +
    `\n      <tuv xml:lang="${esc(locale)}"><seg>${esc(entry.target)}</seg></tuv>\n    </tu>`
  );
}

function provenanceProps(entry: MergeEntry, provenance: Provenance): string {
  return [
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
}

/** Sets an attribute in a start tag (a few dozen characters: the tag, never the file). */
function setAttribute(tag: string, name: string, value: string): string {
  // Either quote: a tool may write changedate='…', and a second changedate would make the file malformed.
  const pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  const attribute = ` ${name}="${esc(value)}"`;
  // Replacement functions throughout: a translation or a name may hold `$1` or `$&`, which a replacement string expands.
  return pattern.test(tag) ? tag.replace(pattern, () => attribute) : tag.replace(/\/?>$/, (end) => `${attribute}${end}`);
}

const primaryOf = (tag: string) => tag.split('-')[0]!.toLowerCase();

function tuvLang(tuv: ScannedTuv): string | undefined {
  const tag = tuv.attributes['xml:lang'] ?? tuv.attributes.lang;
  // en_US as some exporters write it: the tag tmx.ts reads.
  return tag === undefined ? undefined : (canonicalLocale(tag.replaceAll('_', '-')) ?? tag);
}

/** The text of the unit's first variant in `lang` (canonical), inline codes aside. */
function variantText(unit: ScannedTu, lang: string): string | undefined {
  for (const tuv of unit.tuvs) if (tuv.seg !== undefined && tuvLang(tuv) === lang) return parseSegment(tuv.seg).text;
  return undefined;
}

const SEGMENTATION_PROP = `<prop type="x-pressroom-segmentation">${SEGMENTATION_RULES_VERSION}</prop>`;

/**
 * The edit that sets the header's segmentation prop to the current rules, the rest of the header as it was.
 * Note: written on the header's own line, so that no unit moves: the build's cache keys and messages name
 * units by file and line, and a line added above them would rebuild every artifact that uses this memory,
 * in every locale.
 */
function recordSegmentation(text: string, scanned: ScannedTmx): Edit[] {
  if (scanned.headerStart < 0) return [];
  if (scanned.headerSelfClosing) {
    const open = text.slice(scanned.headerStart, scanned.headerOpenEnd).replace(/\s*\/>$/, '>');
    return [{ start: scanned.headerStart, end: scanned.headerOpenEnd, insert: `${open}${SEGMENTATION_PROP}</header>` }];
  }
  const inside = text.slice(scanned.headerOpenEnd, scanned.headerEnd);
  const existing = /<prop type="x-pressroom-segmentation">[^<]*<\/prop>/.exec(inside);
  if (!existing) return [{ start: scanned.headerOpenEnd, end: scanned.headerOpenEnd, insert: SEGMENTATION_PROP }];
  if (existing[0] === SEGMENTATION_PROP) return [];
  const start = scanned.headerOpenEnd + existing.index;
  return [{ start, end: start + existing[0].length, insert: SEGMENTATION_PROP }];
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
