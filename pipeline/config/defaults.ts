import type { Attribution } from './attribution.ts';
import type { SourceSettings } from './sources.ts';

import { DEFAULT_FORMATS, FORMATS, type Format } from '../render/formats.ts';

// The output formats are the registry's (pipeline/render/formats.ts); re-exported for the config's readers.
export { FORMATS, type Format };
export type { Attribution };

/** What a build does with a segment no memory translates (translate/translate-tree.ts): a named, strict-by-default policy. */
export type OnMissing = 'error' | 'fallback' | 'keep-source';

export interface PipelineConfig {
  /** Transcript files (.txt) or folders holding them. Default: ["transcripts"]. */
  inputs: string[];
  /** Language of the transcripts. Default: "en". */
  sourceLocale: string;
  /** Locales to publish, the source included. Default: ["en"]. */
  locales: string[];
  /**
   * Output formats: ids of the registry, pipeline/render/formats.ts (today "html", "pdf", "epub", "docx", "bundle";
   * "bundle" zips the others, see each entry's `bundle`). Default: the entries marked `byDefault`.
   */
  formats: Format[];
  /** Output folder; replaced document by document, never left half-written. Default: "output". */
  out: string;
  /** TMX files. Default: every locales/<lng>/*.tmx. */
  memories: string[];
  /** TBX or CSV glossaries. Default: every locales/*.tbx and locales/*.csv. */
  glossaries: string[];
  /** Folder of i18next catalogs, locales/<lng>/<ns>.json. Default: "locales". */
  catalogs: string;
  /** A segment without translation: "error" stops the build (default), "fallback" walks `fallbackLng`, "keep-source" publishes the source text marked with its language. */
  onMissing: OnMissing;
  /**
   * Lowest TM score published without review: 100 (default) publishes exact and context matches and
   * adapted 99s only; 50–99 also publishes fuzzy matches at or above it, marked. A number, or an object
   * keyed by locale with a "default" ({"ky": 95, "default": 100}). Below it, `onMissing` applies.
   */
  tmMinScore: number | Record<string, number>;
  /**
   * What a terminology violation in a published segment is (a missing approved term, fewer terms than the
   * source, a deprecated term): "info", "warning" (default) or "error" (the build stops after reporting
   * them all). A severity, or an object keyed by locale with a "default" ({"ky": "error", "default":
   * "warning"}). `pressroom build --strict` makes it "error" everywhere.
   */
  termSeverity: TermSeverity | Record<string, TermSeverity>;
  /** i18next-style fallback: a tag, a list, or {"ky": ["ru"], "default": ["en"]}. Default: "en". */
  fallbackLng: string | string[] | Record<string, string[]>;
  /** Credit printed on every page, e-book and PDF. Default: none. */
  attribution: Attribution | null;
  /** Treat warnings as errors (remark-cli's --frail). Default: false. */
  frail: boolean;
  /** PDF paper size, "A4" or "Letter". Default: "A4". */
  paper: 'A4' | 'Letter';
  /** The press office publishing the documents: PDF Author, EPUB dc:publisher. Default: none (the speakers). */
  publisher: string | null;
  /** Translator hand-off (`pressroom xliff export`). Default: {"version": "1.2", "prefill": false, "context": 1, "prefillMinScore": 75}. */
  xliff: XliffSettings;
  /**
   * Keep the transcripts' no-break spaces (U+00A0, U+202F) in the published text, for a press office whose
   * typography places them on purpose; they are folded to spaces for matching either way
   * (docs/normalisation.md). Default: false (folded to spaces).
   */
  keepNbsp: boolean;
  /**
   * Rules for the odd site whose layout the normaliser gets wrong: a list of
   * {"match": glob, "lang"?, "dropLines"?, "labels"?, "dateFormats"?}. `match` is tested against the
   * transcript's path relative to the config file's folder (`*` within a folder, `**` any folders, `?` one
   * character); every matching entry applies, lists concatenated in order, the last `lang` winning.
   * `dropLines`: blocks whose whole text matches are dropped; `labels`: speaker labels, with a named group
   * `name` (and `role`); `dateFormats`: datelines, with named groups `year`, `month`, `day` (and `time`,
   * `place`). Patterns are JavaScript regular expressions compiled with the `u` flag
   * (docs/normalisation.md, "When detection is wrong"). Default: [] (none).
   */
  sources: SourceSettings[];
  /**
   * The published site: `url` is where `out` is served ("https://press.example.org/transcripts/"), making
   * the feeds', sitemap's and robots.txt's links absolute, as those formats require. Default: {} (relative
   * links, and one `site:no-url` warning).
   */
  site: SiteSettings;
}

export interface SiteSettings {
  /** An http(s) URL: the address of the output folder's root. */
  url?: string;
}

export type TermSeverity = 'info' | 'warning' | 'error';

export interface XliffSettings {
  /** "1.2" (what Weblate and Translate Toolkit read) or "2.1". */
  version: '1.2' | '2.1';
  /** Put the best fuzzy suggestion into the target (marked for review) instead of leaving it empty. */
  prefill: boolean;
  /** Read-only neighbouring segments shipped before and after each segment to translate. */
  context: number;
  /**
   * Lowest TM score `prefill` puts into a target (the fuzzy threshold; 75, Translate Toolkit's and
   * Weblate's default): below it a suggestion only goes out as an alternative, never as a draft.
   */
  prefillMinScore: number;
}

export const defaults: PipelineConfig = {
  inputs: ['transcripts'],
  sourceLocale: 'en',
  locales: ['en'],
  formats: [...DEFAULT_FORMATS],
  out: 'output',
  memories: [],
  glossaries: [],
  catalogs: 'locales',
  onMissing: 'error',
  tmMinScore: 100,
  termSeverity: 'warning',
  fallbackLng: 'en',
  attribution: null,
  frail: false,
  xliff: { version: '1.2', prefill: false, context: 1, prefillMinScore: 75 },
  paper: 'A4',
  publisher: null,
  keepNbsp: false,
  sources: [],
  site: {},
};

/** Only adds types, like i18next-cli's defineConfig. */
export function defineConfig(config: Partial<PipelineConfig>): Partial<PipelineConfig> {
  return config;
}
