import { InputError } from '../errors.ts';
import { attribute, children, elementPlaces, inlineText, parseUntrustedXml, placeOf, textOf } from '../util/xml.ts';
import type { Inline, State } from './model.ts';

export interface ReturnedUnit {
  id: string;
  line: number;
  /** The column of the unit's start tag: with `line`, where a rejection points. */
  column: number;
  translate: boolean;
  source: Inline[];
  target: Inline[] | undefined;
  targetLang: string | undefined;
  /** undefined: a state the file gives but that is not ready to publish (1.2 needs-review-*, an unknown x- state). */
  state: State | undefined;
  stateName: string;
}

export interface ReturnedFile {
  version: '1.2' | '2.x';
  original: string | undefined;
  sourceLang: string | undefined;
  targetLang: string | undefined;
  translator: string | undefined;
  /** Line of the element that states the languages (1.2 `<file>`, 2.x `<xliff>`). */
  line: number;
  units: ReturnedUnit[];
}

type Node = Record<string, unknown>;

/** Weblate's reading of 1.2 states: anything "needs-…" with a target still needs work; no state and a target is translated. */
const STATE_FROM_12: Record<string, State | undefined> = {
  new: 'initial',
  'needs-translation': 'initial',
  'needs-l10n': 'initial',
  'needs-adaptation': 'initial',
  'needs-review-translation': undefined,
  'needs-review-l10n': undefined,
  'needs-review-adaptation': undefined,
  translated: 'translated',
  'signed-off': 'reviewed',
  final: 'final',
};

/** Reads an XLIFF 1.2 or 2.0/2.1 file a translator returned. Malformed XML is an InputError with file, line and column. */
export function readXliff(text: string, file: string): ReturnedFile {
  const root = parseUntrustedXml(text, file, ['*.source', '*.target']);
  const xliff = children(root, 'xliff')[0];
  // The parser keeps no positions: the first element (or the second <file>) is found in the text.
  const rootAt = /<[A-Za-z_]/.exec(
    text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, (skipped) => ' '.repeat(skipped.length)),
  );
  const rootPlace = rootAt ? placeOf(text, rootAt.index) : { line: 1, column: 1 };
  if (!xliff) throw new InputError(file, rootPlace, 'Unexpected root element, expected <xliff>; is this an XLIFF file?');
  const version = attribute(xliff, 'version') ?? '';
  const files = children(xliff, 'file');
  if (files.length !== 1)
    throw new InputError(
      file,
      elementPlaces(text, 'file')[1] ?? rootPlace,
      `Unexpected ${files.length} <file> elements, expected exactly one (pressroom exports one document per file)`,
    );
  const fileNode = files[0]!;
  if (version === '1.2' || version === '1.1') {
    const all: Node[] = [];
    collect(children(fileNode, 'body')[0], 'trans-unit', all);
    const places = placesInTreeOrder(text, 'trans-unit', all);
    // po2xliff turns the PO header into a unit of its own: not a translation.
    const units = all
      .map((unit, index) => ({ unit, line: places[index]?.line ?? 1, column: places[index]?.column ?? 1 }))
      .filter(({ unit }) => !isPoHeader(unit));
    const header = children(fileNode, 'header')[0];
    // XLIFF 1.2 names the people who worked on a file in header/phase-group/phase@contact-name.
    const phases = header ? children(children(header, 'phase-group')[0], 'phase') : [];
    const contact = phases.map((phase) => attribute(phase, 'contact-name')).findLast((name) => name !== undefined);
    return {
      version: '1.2',
      original: attribute(fileNode, 'original'),
      sourceLang: attribute(fileNode, 'source-language'),
      targetLang: attribute(fileNode, 'target-language'),
      translator: contact,
      line: elementPlaces(text, 'file')[0]?.line ?? rootPlace.line,
      units: units.map(({ unit, line, column }) => {
        const target = children(unit, 'target')[0];
        const approved = attribute(unit, 'approved') === 'yes';
        // Trados and memoQ keep the status in their own attributes and leave target@state out.
        const toolState = target && attribute(target, 'state') === undefined ? toolStatus(unit) : undefined;
        const stateName = target ? (attribute(target, 'state') ?? toolState?.name ?? (approved ? 'approved' : '')) : 'new';
        let state: State | undefined = toolState
          ? toolState.state
          : stateName === '' || stateName === 'approved'
            ? 'translated'
            : STATE_FROM_12[stateName];
        if (approved && state !== undefined && state !== 'final') state = 'reviewed';
        return {
          id: poReference(unit) ?? attribute(unit, 'id') ?? '',
          line,
          column,
          translate: attribute(unit, 'translate') !== 'no',
          source: parseInline(raw(children(unit, 'source')[0]), file),
          target: target ? parseInline(raw(target), file) : undefined,
          targetLang: target ? attribute(target, 'xml:lang') : undefined,
          state,
          stateName: stateName || 'translated',
        };
      }),
    };
  }
  // 2.2 keeps the core of 2.0 and 2.1 (its namespace is document:2.2); what this reads is the same.
  if (version === '2.0' || version === '2.1' || version === '2.2') {
    const units: Node[] = [];
    collect(fileNode, 'unit', units);
    const places = placesInTreeOrder(text, 'unit', units);
    const order = segmentOrder(text, places);
    return {
      version: '2.x',
      original: attribute(fileNode, 'original'),
      sourceLang: attribute(xliff, 'srcLang'),
      targetLang: attribute(xliff, 'trgLang'),
      translator: undefined,
      line: rootPlace.line,
      units: units.map((unit, index) => {
        const segments = children(unit, 'segment');
        const ignorables = children(unit, 'ignorable');
        const kinds = order[index];
        if (
          segments.length === 0 ||
          kinds?.filter((kind) => kind === 'segment').length !== segments.length ||
          kinds.length !== segments.length + ignorables.length
        )
          throw new InputError(
            file,
            places[index],
            `Unexpected unit ${attribute(unit, 'id') ?? ''} with ${segments.length} segments, expected at least one <segment> with its <source>`,
          );
        // A translator's tool may split the exported segment (or join it back) where canResegment allows:
        // the unit's text is its segments and ignorables in order, and its state the least advanced one.
        const parts: { source: Inline[]; target: Inline[] | undefined; state: string }[] = [];
        let segmentAt = 0;
        let ignorableAt = 0;
        for (const kind of kinds) {
          const part = kind === 'segment' ? segments[segmentAt++]! : ignorables[ignorableAt++]!;
          const target = children(part, 'target')[0];
          parts.push({
            source: parseInline(raw(children(part, 'source')[0]), file),
            target: target ? parseInline(raw(target), file) : undefined,
            state: kind === 'segment' ? (attribute(part, 'state') ?? 'initial') : '',
          });
        }
        const states = parts.map((part) => part.state).filter((state) => state !== '');
        const stateName = states.reduce((least, state) => (STATE_RANK_2X(state) < STATE_RANK_2X(least) ? state : least));
        const targets = children(segments[0]!, 'target');
        // An ignorable without a target is white space the tool did not copy: the source's stands.
        const translated = parts.every((part) => part.target !== undefined || !part.state);
        return {
          id: attribute(unit, 'id') ?? '',
          line: places[index]?.line ?? 1,
          column: places[index]?.column ?? 1,
          translate: attribute(unit, 'translate') !== 'no',
          source: joinInline(parts.map((part) => part.source)),
          target: translated ? joinInline(parts.map((part) => part.target ?? part.source)) : undefined,
          targetLang: targets[0] ? attribute(targets[0], 'xml:lang') : undefined,
          state: (['initial', 'translated', 'reviewed', 'final'] as const).find((known) => known === stateName),
          stateName,
        };
      }),
    };
  }
  throw new InputError(file, rootPlace, `Unexpected XLIFF version “${version}”, expected 1.2, 2.0, 2.1 or 2.2`);
}

/** SDLXLIFF `sdl:seg@conf` values; undefined: not ready to publish. */
const SDL_CONF: Record<string, State | undefined> = {
  Draft: 'initial',
  Translated: 'translated',
  RejectedTranslation: undefined,
  ApprovedTranslation: 'reviewed',
  RejectedSignOff: undefined,
  ApprovedSignOff: 'final',
};

/** memoQ `mq:status` values of an mqxliff trans-unit; undefined: not ready to publish. */
const MEMOQ_STATUS: Record<string, State | undefined> = {
  NotStarted: 'initial',
  Editing: 'initial',
  PartiallyEdited: 'initial',
  MachineTranslated: 'initial',
  Pretranslated: 'initial',
  ManuallyConfirmed: 'translated',
  Confirmed: 'translated',
  Reviewer1Confirmed: 'reviewed',
  Reviewer2Confirmed: 'final',
  Rejected: undefined,
};

/**
 * The status a Trados (`sdl:seg-defs/sdl:seg@conf`, the least advanced of a unit's segments) or memoQ
 * (`mq:status`) file gives a unit, when it gives one; a value neither names is not ready to publish.
 */
function toolStatus(unit: Node): { state: State | undefined; name: string } | undefined {
  const confs = children(children(unit, 'sdl:seg-defs')[0], 'sdl:seg').map((seg) => attribute(seg, 'conf') ?? 'Draft');
  if (confs.length > 0) {
    const rank = (conf: string) => {
      const state = Object.hasOwn(SDL_CONF, conf) ? SDL_CONF[conf] : undefined;
      return state === undefined ? -1 : STATE_RANK_2X(state);
    };
    const least = confs.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    return { state: Object.hasOwn(SDL_CONF, least) ? SDL_CONF[least] : undefined, name: `sdl:${least}` };
  }
  const memoq = attribute(unit, 'mq:status');
  if (memoq !== undefined) return { state: Object.hasOwn(MEMOQ_STATUS, memoq) ? MEMOQ_STATUS[memoq] : undefined, name: `mq:${memoq}` };
  return undefined;
}

/** 2.x states from least to most advanced; an unknown state ranks lowest, so that a joined unit is never more done than a part. */
const STATE_RANK_2X = (state: string): number => ['initial', 'translated', 'reviewed', 'final'].indexOf(state);

function joinInline(lists: Inline[][]): Inline[] {
  const out: Inline[] = [];
  for (const item of lists.flat()) {
    const last = out.at(-1);
    if (item.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + item.text };
    else out.push(item.kind === 'text' ? { ...item } : item);
  }
  return out;
}

/**
 * The places of `tag` elements in the order the tree lists `nodes` (collect reads a body's units before
 * its groups', the text has them interleaved): matched by id, in document order among equal ids.
 */
function placesInTreeOrder(text: string, tag: string, nodes: Node[]): ({ line: number; column: number; offset: number } | undefined)[] {
  const byId = new Map<string, { line: number; column: number; offset: number }[]>();
  const idPattern = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  for (const place of elementPlaces(text, tag)) {
    const end = text.indexOf('>', place.offset);
    let id = '';
    // Attributes are short; the start tag is searched one attribute position at a time, never backtracking.
    for (let at = place.offset + tag.length + 1; at < end; at += 1) {
      idPattern.lastIndex = at;
      const match = idPattern.exec(text);
      if (match && idPattern.lastIndex <= end + 1) {
        id = decodeAttribute(match[1] ?? match[2] ?? '');
        break;
      }
      // Skip over a quoted value so that `x="a id='b'"` is not read as an id.
      const character = text[at];
      if (character === '"' || character === "'") {
        at = text.indexOf(character, at + 1);
        if (at === -1) break;
      }
    }
    const list = byId.get(id) ?? [];
    list.push(place);
    byId.set(id, list);
  }
  return nodes.map((node) => byId.get(attribute(node, 'id') ?? '')?.shift());
}

function decodeAttribute(value: string): string {
  return value.includes('&') ? inlineText(value) : value;
}

/** Per unit place, its `segment` and `ignorable` children in document order (the tree keeps them apart). */
function segmentOrder(text: string, places: ({ offset: number } | undefined)[]): (('segment' | 'ignorable')[] | undefined)[] {
  const marks = [
    ...elementPlaces(text, 'segment').map((place) => ({ offset: place.offset, kind: 'segment' as const })),
    ...elementPlaces(text, 'ignorable').map((place) => ({ offset: place.offset, kind: 'ignorable' as const })),
  ].sort((a, b) => a.offset - b.offset);
  const out: (('segment' | 'ignorable')[] | undefined)[] = places.map((place) => (place ? [] : undefined));
  // Units in document order, each taking the marks up to the next unit's start: one walk over both lists.
  const byOffset = places
    .map((place, index) => ({ offset: place?.offset, index }))
    .filter((entry): entry is { offset: number; index: number } => entry.offset !== undefined)
    .sort((a, b) => a.offset - b.offset);
  let mark = 0;
  for (const [position, { offset, index }] of byOffset.entries()) {
    const next = byOffset[position + 1]?.offset ?? Infinity;
    while (mark < marks.length && marks[mark]!.offset < offset) mark += 1;
    for (; mark < marks.length && marks[mark]!.offset < next; mark += 1) out[index]!.push(marks[mark]!.kind);
  }
  return out;
}

const isPoHeader = (unit: Node) => attribute(unit, 'restype') === 'x-gettext-domain-header';

/**
 * After a trip through PO (xliff2po, then po2xliff), Translate Toolkit renumbers the units and keeps our
 * id only as the PO location, split at its first colon into sourcefile and linenumber.
 */
function poReference(unit: Node): string | undefined {
  for (const group of children(unit, 'context-group')) {
    if (attribute(group, 'name') !== 'po-reference') continue;
    const parts = new Map(children(group, 'context').map((context) => [attribute(context, 'context-type'), textOf(context)]));
    const file = parts.get('sourcefile');
    const line = parts.get('linenumber');
    if (file && line) return `${file}:${line}`;
  }
  return undefined;
}

function collect(node: Node | undefined, name: string, out: Node[]): void {
  if (!node) return;
  out.push(...children(node, name));
  for (const group of children(node, 'group')) collect(group, name, out);
}

function raw(node: Node | string | undefined): string {
  if (typeof node === 'string') return node;
  const text = node?.['#text'];
  return Array.isArray(text) ? text.join('') : typeof text === 'string' ? text : '';
}

/** Elements whose content is native code (XLIFF 1.2), not translatable text: skipped. */
const NATIVE = new Set(['bpt', 'ept', 'it', 'ph', 'sub']);

/** Inline markup of a `<source>`/`<target>` kept raw by the parser: text and codes, in order. */
export function parseInline(xml: string, file: string): Inline[] {
  const out: Inline[] = [];
  const open: string[] = [];
  let skipping: { name: string; depth: number } | undefined;
  const text = (value: string) => {
    if (skipping || value === '') return;
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += value;
    else out.push({ kind: 'text', text: value });
  };
  const tag = /<(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  let last = 0;
  for (let lt = xml.indexOf('<'); lt !== -1; lt = xml.indexOf('<', last)) {
    text(decode(xml.slice(last, lt)));
    // A CDATA section is text as written (tools wrap markup-like text in one); a comment is nothing.
    if (xml.startsWith('<![CDATA[', lt) || xml.startsWith('<!--', lt)) {
      const cdata = xml.startsWith('<![CDATA[', lt);
      const end = xml.indexOf(cdata ? ']]>' : '-->', lt);
      if (end === -1) throw new InputError(file, undefined, 'Unexpected unterminated CDATA section or comment in a source or target');
      if (cdata) text(xml.slice(lt + 9, end));
      last = end + 3;
      continue;
    }
    tag.lastIndex = lt;
    const match = tag.exec(xml);
    if (!match) throw new InputError(file, undefined, `Unexpected markup “${xml.slice(lt, lt + 20)}” in a source or target`);
    last = tag.lastIndex;
    const [, closing, name = '', attrs = '', selfClosing] = match;
    const id = /\b(?:id|startRef|rid)\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? '';
    if (skipping) {
      if (name === skipping.name) skipping.depth += closing ? -1 : selfClosing ? 0 : 1;
      if (skipping.depth === 0) skipping = undefined;
      continue;
    }
    if (closing) {
      if (name === 'g' || name === 'pc') out.push({ kind: 'close', id: open.pop() ?? '?' });
      continue;
    }
    if (name === 'g' || name === 'pc') {
      if (selfClosing) out.push({ kind: 'open', id }, { kind: 'close', id });
      else {
        open.push(id);
        out.push({ kind: 'open', id });
      }
    } else if (name === 'x' || name === 'ph' || name === 'bx' || name === 'ex' || name === 'it') {
      out.push({ kind: name === 'bx' ? 'open' : name === 'ex' ? 'close' : 'ph', id });
      if (!selfClosing && NATIVE.has(name)) skipping = { name, depth: 1 };
    } else if (name === 'bpt' || name === 'sc') {
      out.push({ kind: 'open', id });
      if (!selfClosing) skipping = { name, depth: 1 };
    } else if (name === 'ept' || name === 'ec') {
      out.push({ kind: 'close', id });
      if (!selfClosing) skipping = { name, depth: 1 };
    } else if (name === 'cp') {
      const hex = /\bhex\s*=\s*["']([0-9a-fA-F]+)["']/.exec(attrs)?.[1];
      if (hex) text(String.fromCodePoint(Number.parseInt(hex, 16)));
    } else if (name !== 'mrk' && name !== 'sm' && name !== 'em') {
      throw new InputError(
        file,
        undefined,
        `Unexpected inline element <${name}>, expected XLIFF inline codes (g, x, bpt, ept, ph, pc, sc, ec, mrk)`,
      );
    }
  }
  text(decode(xml.slice(last)));
  return out;
}

/** Character references in a run of text; the run holds no tags, so inlineText only decodes. */
const decode = (text: string): string => inlineText(text);
