// A test oracle, not a reader: the TMX units as the validating tree parser (fast-xml-parser) sees them,
// in the shape the scanner gives without its offsets. test/unit/tmx-scan.test.ts holds the scanner to it.
import { InputError } from '../../pipeline/errors.ts';
import type { Attributes, ScannedTmx } from '../../pipeline/tm/tmx-scan.ts';
import { children, elementPlaces, parseUntrustedXml } from '../../pipeline/util/xml.ts';

export interface TreeTu {
  attributes: Attributes;
  place: { line: number; column: number; offset: number };
  props: { type: string; value: string }[];
  tuvs: { attributes: Attributes; seg: string | undefined }[];
}

export interface TreeTmx {
  header: Attributes | undefined;
  units: TreeTu[];
}

/** The scanner's result without offsets, comparable with readTmxTree's. */
export function withoutOffsets(scanned: ScannedTmx | undefined): TreeTmx | undefined {
  if (!scanned) return undefined;
  return {
    header: scanned.header,
    units: scanned.units.map((unit) => ({
      attributes: unit.attributes,
      place: unit.place,
      props: unit.props.map(({ type, value }) => ({ type, value })),
      tuvs: unit.tuvs.map(({ attributes, seg }) => ({ attributes, seg })),
    })),
  };
}

export function readTmxTree(text: string, file: string): TreeTmx {
  const root = parseUntrustedXml(text, file, ['tmx.body.tu.tuv.seg', 'tmx.body.tu.prop']);
  const tmx = children(root, 'tmx')[0];
  if (!tmx) throw new InputError(file, { line: 1, column: 1 }, 'Unexpected root element, expected <tmx>');
  const header = children(tmx, 'header')[0];
  const places = elementPlaces(text, 'tu');
  const body = children(tmx, 'body')[0];
  return {
    header: header ? attributesOf(header) : undefined,
    units: children(body, 'tu').map((tu, index) => ({
      attributes: attributesOf(tu),
      place: places[index] ?? { line: 1, column: 1, offset: 0 },
      props: children(tu, 'prop').map((prop) => ({ type: attributesOf(prop).type ?? '', value: raw(prop) ?? '' })),
      tuvs: children(tu, 'tuv').map((tuv) => {
        const seg = (children(tuv, 'seg') as unknown[])[0];
        return { attributes: attributesOf(tuv), seg: seg === undefined ? undefined : (raw(seg) ?? '') };
      }),
    })),
  };
}

/** The raw content of a stop node (inline markup and references as written). */
function raw(node: unknown): string | undefined {
  const value = typeof node === 'string' ? node : (node as Record<string, unknown>)['#text'];
  return Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : undefined;
}

function attributesOf(node: Record<string, unknown>): Attributes {
  const group = node.$ as Record<string, unknown>[] | Record<string, unknown> | undefined;
  const all = (Array.isArray(group) ? group[0] : group) ?? {};
  const attributes: Attributes = Object.create(null) as Attributes;
  for (const [name, value] of Object.entries(all)) if (typeof value === 'string') attributes[name] = value;
  return attributes;
}
