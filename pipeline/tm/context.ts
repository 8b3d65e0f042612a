import { createHash } from 'node:crypto';
import { canonicalLocale } from '../locale/resolve.ts';
import { matchKey } from '../normalize/typography.ts';
import { parseSegment } from './inline.ts';
import { scanTmx, type ScannedTu } from './tmx-scan.ts';

/**
 * What pressroom records with every translation it imports (TMX `<prop>`s, docs/terminology.md): the
 * hash of the source it was made from, and where the segment stood — the document and the neighbouring
 * sources. From these come context matches (101: same source, same neighbours) and stale segments
 * (the source changed after translation: reported with old and new source, never published as current).
 */
export interface UnitContext {
  /** Source text of the unit: the variant its translations were made from (`lang`). */
  source: string;
  /**
   * The unit's source language: the variant whose hash the unit records, else the unit's srclang, else
   * the memory's. A unit translated ru→en holds the Russian neighbours, so it judges Russian documents only.
   */
  lang: string;
  /** Target text per canonical language tag. */
  targets: Map<string, string>;
  /** x-pressroom-source-hash: the hash of the source the translation was made from. */
  hash: string | undefined;
  /** x-pressroom-doc: the document (slug) the segment was translated in. */
  doc: string | undefined;
  /** x-pressroom-prev / x-pressroom-next: neighbouring sources ('' at the start or end of a document). */
  prev: string | undefined;
  next: string | undefined;
  file: string;
  line: number;
}

export const CONTEXT_PROPS = {
  hash: 'x-pressroom-source-hash',
  doc: 'x-pressroom-doc',
  prev: 'x-pressroom-prev',
  next: 'x-pressroom-next',
} as const;

/** The 12-hex hash a translation records of its source, on the matching form (typography folded). */
export const sourceHash = (text: string): string => createHash('sha256').update(matchKey(text)).digest('hex').slice(0, 12);

/**
 * The units of a TMX text that carry pressroom's context props, read by the scanner (tmx-scan.ts). A second
 * pass over the text that only runs when the file holds such props; a text the scanner refuses gives none
 * (parseTmx has refused it with its diagnostic before). `sourceLang` is the language of units that say
 * nothing of their own (no matching hash, no srclang): the memory's header, or the config's default.
 */
export function readContexts(tmx: string, sourceLang: string, file: string): UnitContext[] {
  if (!tmx.includes(CONTEXT_PROPS.hash) && !tmx.includes(CONTEXT_PROPS.doc)) return [];
  const out: UnitContext[] = [];
  const source = canonicalLocale(sourceLang) ?? sourceLang;
  scanTmx(tmx, (unit) => {
    const context = unitContext(unit, source, file);
    if (context) out.push(context);
  });
  return out;
}

/**
 * A scanned unit's context record, when it has the props. Its source is the variant whose text has the
 * recorded hash (an import records the hash of the source it translated from, in whichever language),
 * else the variant in the unit's srclang, else in `source`; a unit with none of these gives no record.
 */
export function unitContext(unit: ScannedTu, source: string, file: string): UnitContext | undefined {
  const props = new Map<string, string>();
  for (const prop of unit.props) props.set(prop.type, parseSegment(prop.value).text);
  if (!props.has(CONTEXT_PROPS.hash) && !props.has(CONTEXT_PROPS.doc)) return undefined;
  const texts = new Map<string, string>();
  for (const tuv of unit.tuvs) {
    const tag = tuv.attributes['xml:lang'] ?? tuv.attributes.lang;
    const lang = tag ? (canonicalLocale(tag.replaceAll('_', '-')) ?? tag) : undefined;
    if (!lang || tuv.seg === undefined || texts.has(lang)) continue;
    texts.set(lang, parseSegment(tuv.seg).text);
  }
  const hash = props.get(CONTEXT_PROPS.hash);
  const own = unit.attributes.srclang && unit.attributes.srclang !== '*all*' ? canonicalLocale(unit.attributes.srclang) : undefined;
  const lang =
    (hash === undefined ? undefined : [...texts].find(([, text]) => sourceHash(text) === hash)?.[0]) ??
    (own && texts.has(own) ? own : undefined) ??
    (texts.has(source) ? source : undefined);
  if (lang === undefined) return undefined;
  const targets = new Map([...texts].filter(([tag]) => tag !== lang));
  return {
    source: texts.get(lang)!,
    lang,
    targets,
    hash,
    doc: props.get(CONTEXT_PROPS.doc),
    prev: props.get(CONTEXT_PROPS.prev),
    next: props.get(CONTEXT_PROPS.next),
    file,
    line: unit.place.line,
  };
}

/** A segment as the matcher sees it: its source and its neighbours' ('' at the document's edges). */
export interface SegmentPlace {
  doc: string;
  source: string;
  prev: string;
  next: string;
}

export type ContextVerdict =
  | { kind: 'context'; unit: UnitContext; target: string }
  | { kind: 'stale'; unit: UnitContext; target: string; why: 'source-changed' | 'hash-mismatch' };

/** Context records by source and by document, for the lookups of `judge`. */
export class ContextIndex {
  private readonly bySource = new Map<string, UnitContext[]>();
  private readonly byDoc = new Map<string, UnitContext[]>();

  add(units: readonly UnitContext[]): void {
    for (const unit of units) {
      const key = matchKey(unit.source);
      this.bySource.set(key, [...(this.bySource.get(key) ?? []), unit]);
      if (unit.doc) this.byDoc.set(unit.doc, [...(this.byDoc.get(unit.doc) ?? []), unit]);
    }
  }

  get size(): number {
    return [...this.bySource.values()].reduce((sum, list) => sum + list.length, 0);
  }

  /**
   * The units a document with these sources (matching forms) can be judged by: its own sentences, and
   * the units anchored next to one of them (where a stale segment is found). What an artifact key needs.
   */
  around(sources: ReadonlySet<string>): UnitContext[] {
    const out: UnitContext[] = [];
    for (const list of this.bySource.values())
      for (const unit of list)
        if (
          sources.has(matchKey(unit.source)) ||
          (unit.prev !== undefined && sources.has(matchKey(unit.prev))) ||
          (unit.next !== undefined && sources.has(matchKey(unit.next)))
        )
          out.push(unit);
    return out;
  }

  /**
   * For a segment in `lang`: a context match (a unit with this source and the same neighbours, or in the
   * same document with one neighbour the same), a stale one (a unit of this document whose source is no
   * longer in it, standing where this segment stands; or a unit whose recorded hash is not its source's),
   * or undefined. `current` holds the matching forms of every source in the document now. `from`, the
   * document's source language, leaves out units translated from another language (their neighbours are
   * in that language); without it, every unit counts.
   */
  judge(segment: SegmentPlace, lang: string, current: ReadonlySet<string>, from?: string): ContextVerdict | undefined {
    const key = matchKey(segment.source);
    const prev = matchKey(segment.prev);
    const next = matchKey(segment.next);
    const base = from?.split('-')[0]!.toLowerCase();
    const same = (unit: UnitContext) => unit.targets.has(lang) && (base === undefined || unit.lang.split('-')[0]!.toLowerCase() === base);
    for (const unit of this.bySource.get(key) ?? []) {
      if (!same(unit)) continue;
      if (unit.hash !== undefined && unit.hash !== sourceHash(unit.source))
        return { kind: 'stale', unit, target: unit.targets.get(lang)!, why: 'hash-mismatch' };
    }
    const contexts = (this.bySource.get(key) ?? []).filter(same);
    const around = (unit: UnitContext) =>
      unit.prev !== undefined && unit.next !== undefined && matchKey(unit.prev) === prev && matchKey(unit.next) === next;
    const inDoc = (unit: UnitContext) =>
      unit.doc === segment.doc &&
      ((unit.prev !== undefined && matchKey(unit.prev) === prev) || (unit.next !== undefined && matchKey(unit.next) === next));
    const context = contexts.find(around) ?? contexts.find(inDoc);
    if (context) return { kind: 'context', unit: context, target: context.targets.get(lang)! };
    if (contexts.length > 0) return undefined;
    // The unit this document had at this place, whose source is gone: translated from an older source.
    const orphan = (this.byDoc.get(segment.doc) ?? []).find(
      (unit) =>
        same(unit) &&
        !current.has(matchKey(unit.source)) &&
        ((unit.prev !== undefined && matchKey(unit.prev) === prev) || (unit.next !== undefined && matchKey(unit.next) === next)),
    );
    if (orphan) return { kind: 'stale', unit: orphan, target: orphan.targets.get(lang)!, why: 'source-changed' };
    return undefined;
  }
}
