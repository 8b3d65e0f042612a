import type { Speaker } from '../types.ts';

/**
 * What an editor states about a transcript (Markdown front matter, a `<transcript>.meta.yaml` sidecar):
 * each field given wins over what the normaliser detects. Dates are ISO (YYYY-MM-DD), times HH:MM.
 */
export interface MetaOverrides {
  title?: string;
  date?: string;
  time?: string;
  place?: string;
  /** Seed the speaker registry: labels resolve to these; a speech without labels is one turn of the first. */
  speakers?: Speaker[];
  lang?: string;
}

/**
 * Per-source rules from the config (`sources: [{ match, dropLines, labels, dateFormats }]`), for the odd site
 * whose layout the classifier gets wrong. Patterns are compiled from the config's strings.
 */
export interface SourceRules {
  /** A block whose whole text matches one of these is dropped (rule `normalize:source-rule`). */
  dropLines?: RegExp[];
  /**
   * Speaker labels the generic rules do not know: matched at the start of a block, with a named group
   * `name` (and optionally `role`); the rest of the block after the match is the turn's text.
   */
  labels?: RegExp[];
  /** Datelines: named groups `year`, `month` (number or name), `day`, and optionally `time` and `place`. */
  dateFormats?: RegExp[];
}

export interface NormalizeOptions {
  lang: string;
  /** Keep the source's no-break spaces in the output (the typography policy, docs/normalisation.md). (default: false) */
  keepNbsp?: boolean;
  /** The editor's metadata, which wins over detection. (optional) */
  overrides?: MetaOverrides;
  /** The config's rules for this source. (optional) */
  rules?: SourceRules;
  /**
   * Where `overrides.lang` was stated when not on the command line: the sidecar's path. Undefined with an
   * `overrides.lang` means the command line (the document's source language says which). (optional)
   */
  langStatedIn?: string;
  /** The language of the config's matching `sources` entry, kept apart from `lang` for the same reason. (optional) */
  ruleLang?: string;
}
