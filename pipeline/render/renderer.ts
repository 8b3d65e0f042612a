// What an output format's renderer gets and returns, and the one way the engine loads it. Kept apart from the
// registry (render/formats.ts, which imports nothing) because these types reach the stages and the config.
import { PipelineError } from '../errors.ts';
import type { Stage } from '../stage.ts';
import type { RenderedPage } from '../stages/render-html.ts';
import { FORMAT_TABLE, type Format, type OutputFormat } from './formats.ts';
import type { OutputFile } from './outputs.ts';

/** What a renderer gets: the rendered page (tree, HTML, fonts) and, for a format that packs others, their files. */
export interface FormatInput {
  page: RenderedPage;
  /** The locale's files made so far (the page's, then each format's in table order): what a bundle packs. */
  files: OutputFile[];
  /** The event's date (YYYY-MM-DD), for reproducible timestamps inside archives. */
  date: string | null;
}

export type Renderer = Stage<FormatInput, Uint8Array>;

// The assignment is the check: a registry entry whose renderer is not a Renderer does not compile.
const RENDERERS: readonly (Omit<OutputFormat<Format>, 'load'> & { load?: () => Promise<Renderer> })[] = FORMAT_TABLE;

/** The format's renderer, imported on first use. */
export function loadRenderer(format: OutputFormat): Promise<Renderer> {
  const load = RENDERERS.find((entry) => entry.id === format.id)?.load;
  if (!load) throw new PipelineError(`The output format ${format.id} has no renderer: give its entry a load (pipeline/render/formats.ts)`);
  return load();
}
