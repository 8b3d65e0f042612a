import type { Glossary } from './glossary/glossary.ts';
import type { Translate } from './i18n/ui.ts';
import type { PipelineConfig } from './config/defaults.ts';
import { PipelineError, StageError } from './errors.ts';
import type { Reporter } from './report/messages.ts';
import type { TranslationMemory } from './tm/memory.ts';
import type { FontKit } from './render/fonts.ts';
import type { NormalizeOptions } from './normalize/options.ts';

export interface DocFile {
  /** Path as given (relative to the working folder when possible), for messages. */
  path: string;
  /** Output folder name: output/<slug>/<locale>/. */
  slug: string;
}

/** Everything loaded once per build and shared by every document. */
export interface Resources {
  memory: TranslationMemory;
  glossary: Glossary;
  translators: Map<string, Translate>;
  fonts: FontKit;
  templateCss: string;
  /** Launched on first use and shared by every document: one browser per build. */
  browser: () => Promise<import('puppeteer-core').Browser>;
  /** A private scratch folder for files Chromium must read from disk; removed after the build. */
  scratch: string;
}

export interface StageContext {
  file: DocFile;
  /** Target locale; the source locale while the source stages run. */
  locale: string;
  config: Readonly<PipelineConfig>;
  report: Reporter;
  resources: Resources;
  /**
   * How the source stages read this transcript: the config's language and policy, its matching `sources`
   * rules and the sidecar's overrides (readTranscriptSettings). (default: the config's sourceLocale and keepNbsp)
   */
  normalize?: NormalizeOptions;
}

/** A named transform, like a unified transformer: throwing stops the run. */
export type Stage<In, Out> = (input: In, ctx: StageContext) => Out | Promise<Out>;

export type Timings = Map<string, number>;

/** Runs one stage, timing it under its name and wrapping anything it throws with the stage, file and locale. */
export async function runStage<In, Out>(
  name: string,
  stage: Stage<In, Out>,
  input: In,
  ctx: StageContext,
  timings: Timings,
  withLocale = true,
): Promise<Out> {
  const started = performance.now();
  try {
    return await stage(input, ctx);
  } catch (error) {
    if (error instanceof StageError) throw error;
    throw new StageError(name, ctx.file.path, withLocale ? ctx.locale : undefined, error);
  } finally {
    timings.set(name, (timings.get(name) ?? 0) + performance.now() - started);
  }
}

export { PipelineError };
