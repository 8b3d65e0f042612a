// The pipeline as data: the one place that says which stages run, in which order, under which names.
// The build (engine/document.ts), the XLIFF collection (xliff/collect.ts) and `pressroom normalise` (through
// normalize/file.ts, the cores of the first two) read it; the dashboard reads what the translate stage
// left with each artifact. Each entry is a thin Stage over a pure core (pipeline/stage.ts, STYLE.md);
// runStage names and times it, and wraps what it throws with the stage, file and locale.
import { madeFormats, type OutputFormat } from '../render/formats.ts';
import { runStage, type Stage, type StageContext, type Timings } from '../stage.ts';
import { ingest } from '../stages/ingest.ts';
import { normalize } from '../stages/normalize.ts';
import { renderHtml } from '../stages/render-html.ts';
import { segment } from '../stages/segment.ts';
import { translate } from '../stages/translate.ts';
import type { TranscriptRoot } from '../types.ts';

export interface StageEntry<In, Out> {
  /** What timings, errors and the progress line call it. */
  name: string;
  /** What it makes of what: for docs/architecture.md and the reader of this table. */
  does: string;
  run: Stage<In, Out>;
}

const entry = <In, Out>(name: string, does: string, run: Stage<In, Out>): StageEntry<In, Out> => ({ name, does, run });

/** Once per transcript, in the document's language: bytes → the segmented tree every locale is made from. */
export const SOURCE_STAGES = [
  entry('ingest', 'bytes → text blocks (txt, HTML, Markdown, DOCX; sniffed by their bytes)', ingest),
  entry('normalize', 'text blocks → mdast with metadata, speakers and the document’s language', normalize),
  entry('segment', 'mdast → mdast with a segment node per sentence, ids from the text', segment),
] as const;

/**
 * Once per target locale, over the segmented tree. `render-formats` is not one stage but the registry's
 * formats (pipeline/render/formats.ts) in `formatOrder`, each timed under its own stage name; the bundle,
 * which packs the others' files, is the last of them.
 */
export const LOCALE_STAGES = {
  translate: entry('translate', 'tree → translated tree (memory, glossary, onMissing), stats and term changes', translate),
  renderHtml: entry('render-html', 'translated tree → the page (HTML, XHTML, fonts), what every format is made from', renderHtml),
} as const;

/** The per-locale order as names, for docs and progress: translate, render-html, then each format made. */
export function localeStageNames(formats: readonly string[]): string[] {
  return [LOCALE_STAGES.translate.name, LOCALE_STAGES.renderHtml.name, ...formatOrder(madeFormats(formats)).map((format) => format.stage)];
}

/**
 * The order the formats of one locale are rendered in: formats that need only the page first, so that the
 * browser warms meanwhile, then those printed in Chromium, then those that pack the others' files.
 */
export function formatOrder<F extends OutputFormat>(made: readonly F[]): F[] {
  return [
    ...made.filter((format) => format.load && format.needs.length === 0),
    ...made.filter((format) => format.needs.includes('chromium')),
    ...made.filter((format) => format.needs.includes('files')),
  ];
}

/** Runs one table entry: named and timed by runStage. */
export function runEntry<In, Out>(stage: StageEntry<In, Out>, input: In, ctx: StageContext, timings: Timings): Promise<Out> {
  return runStage(stage.name, stage.run, input, ctx, timings);
}

/** The source stages in order: a transcript's bytes → its segmented tree. Errors name the file, not a locale. */
export async function runSourceStages(bytes: Uint8Array, ctx: StageContext, timings: Timings): Promise<TranscriptRoot> {
  let value: unknown = bytes;
  for (const stage of SOURCE_STAGES) value = await runStage(stage.name, stage.run as Stage<unknown, unknown>, value, ctx, timings, false);
  return value as TranscriptRoot;
}
