// Changes of a transcript that must not change its normalised document, and the comparison that says so.
import type { Nodes } from 'mdast';
import { normaliseFile } from '../../pipeline/normalize/file.ts';
import { Reporter } from '../../pipeline/report/messages.ts';
import type { Speaker, TranscriptRoot } from '../../pipeline/types.ts';
import { drawSpec, render, type Spec } from './compose.ts';
import { caseBytes } from './docx.ts';
import { genericRole } from './evaluate.ts';
import { CHROME_SETS, LABEL_STYLES } from './parts.ts';
import { mix, Random } from './random.ts';

export interface Transform {
  name: string;
  /** Whether the change means anything for this spec (a speech has no labels to restyle). */
  applies: (spec: Spec) => boolean;
  change: (spec: Spec, rng: Random) => Spec;
}

export const TRANSFORMS: readonly Transform[] = [
  {
    name: "one site's chrome replaced by another's",
    applies: () => true,
    change: (spec, rng) => ({
      ...spec,
      chrome: rng.pick(CHROME_SETS.filter((set) => set !== 'none' && set !== spec.chrome)),
      chromeSeed: rng.int(0, 2 ** 31),
    }),
  },
  {
    name: 'one label style replaced by another (same people)',
    applies: (spec) => spec.kind !== 'speech',
    change: (spec, rng) => ({
      ...spec,
      labelStyle: rng.pick(LABEL_STYLES[spec.lang].filter((style) => style !== spec.labelStyle)),
      ownLine: rng.pick(['no', 'blank', 'newline'] as const),
    }),
  },
  // A saved page is written without those line ends and blank lines, so those two changes are tried on text files.
  { name: 'LF replaced by CRLF', applies: (spec) => spec.format === 'txt', change: (spec) => ({ ...spec, eol: 'crlf' }) },
  { name: 'UTF-8 replaced by UTF-16LE', applies: (spec) => spec.format !== 'docx', change: (spec) => ({ ...spec, encoding: 'utf16le' }) },
  { name: 'runs of blank lines added', applies: (spec) => spec.format === 'txt', change: (spec) => ({ ...spec, blankRuns: true }) },
];

/** The base of a metamorphic pair: plain LF, UTF-8, one blank line between blocks, some chrome. */
export function baseSpec(seed: number, index: number): Spec {
  const spec = drawSpec(seed, index);
  const rng = new Random(mix(seed ^ 0x5bd1e995, index));
  return {
    ...spec,
    eol: 'lf',
    encoding: 'utf8',
    layout: 'blank',
    blankRuns: false,
    chrome: spec.chrome === 'none' ? rng.pick(CHROME_SETS.filter((set) => set !== 'none')) : spec.chrome,
  };
}

export async function normaliseSpec(spec: Spec): Promise<{ document?: unknown; error?: string; text: string }> {
  const generated = render(spec);
  try {
    const { tree } = await normaliseFile(await caseBytes(generated), generated.file, generated.lang, new Reporter(generated.file));
    return { document: canonicalDocument(tree), text: generated.text };
  } catch (error) {
    return {
      error: error instanceof Error ? error.message.replace(/^[^:]*:\d+(?::\d+)?[:-]?\S*\s*/, '') : String(error),
      text: generated.text,
    };
  }
}

/**
 * The normalised document as a reader and a translator get it. Ignored, and why:
 * - positions: adding blank lines or another site's chrome moves every line number;
 * - `meta.dateline`, `meta.closingDateline` and any `raw…` field: the lines as printed, kept for the record;
 * - the printed word of a generic speaker ("Q", "Question", "Вопрос"): only that it is the questioner or a
 *   remark counts, and the page prints its own word for it;
 * - the case of a speaker's role: a caps label ("МИНИСТР ИНОСТРАННЫХ ДЕЛ") cannot tell which words were
 *   capitalised, so "Министр иностранных дел" and "Министр Иностранных Дел" are the same role here;
 * - the summary (dropped lines, repairs): dropping different chrome is the point of the change.
 */
export function canonicalDocument(tree: TranscriptRoot): unknown {
  const meta = Object.fromEntries(
    Object.entries(tree.data.meta).filter(([key]) => key !== 'dateline' && key !== 'closingDateline' && !key.startsWith('raw')),
  );
  meta.speakers = tree.data.meta.speakers.map(canonicalSpeaker);
  return { meta, children: tree.children.map(canonicalNode) };
}

function canonicalSpeaker(speaker: Speaker): unknown {
  const generic = genericRole(speaker);
  return generic ? { generic } : { name: speaker.name, role: speaker.role.toLowerCase() };
}

function canonicalNode(node: Nodes): unknown {
  const { position: _position, children, ...rest } = node as Nodes & { children?: Nodes[] };
  const out: Record<string, unknown> = { ...rest };
  if (node.type === 'speakerTurn') out.speaker = canonicalSpeaker(node.speaker);
  if (children) out.children = children.map(canonicalNode);
  return out;
}

/** Where two canonical documents first differ, as a path and both values (clipped), for a failure message. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}/${key}`);
      if (found) return found;
    }
  }
  const clip = (value: unknown) => {
    const text = JSON.stringify(value) ?? 'undefined';
    return text.length > 200 ? `${text.slice(0, 197)}…` : text;
  };
  return `${path || '/'}: ${clip(a)} → ${clip(b)}`;
}
