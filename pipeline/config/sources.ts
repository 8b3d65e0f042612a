import path from 'node:path';
import { canonicalLocale } from '../locale/resolve.ts';
import type { SourceRules } from '../normalize/options.ts';
import { attributionProblem } from './attribution.ts';
import type { Attribution } from './attribution.ts';

/**
 * One entry of the config's `sources`: rules for the transcripts whose path matches `match`, for the odd
 * site whose layout the normaliser's classifier gets wrong. Patterns are strings in the config and are
 * compiled with the `u` flag when a transcript is normalised.
 */
export interface SourceSettings {
  /** Glob against the transcript's path relative to the config file's folder: `*`, `?`, `**`; `\` escapes. */
  match: string;
  /** The language of the transcripts it matches, when it is not the config's `sourceLocale`. (optional) */
  lang?: string;
  /** Blocks whose whole text matches one of these are dropped. (optional) */
  dropLines?: string[];
  /** Speaker labels: matched at the start of a block, named group `name`, optionally `role`. (optional) */
  labels?: string[];
  /** Datelines: named groups `year`, `month`, `day`, optionally `time` and `place`. (optional) */
  dateFormats?: string[];
  /**
   * Who the matching transcripts are credited to, instead of the config's `attribution`; `null` for texts
   * of the press office's own. (optional)
   */
  attribution?: Attribution | null;
}

/** A problem in the `sources` value: where below the key (`[1, 'labels', 0]`) and what was expected. */
export interface NestedProblem {
  at: (string | number)[];
  expected: string;
  /** The last step of `at` is a key that should not be there, rather than a wrong value. (optional) */
  unknownKey?: boolean;
}

const PATTERN_KEYS = ['dropLines', 'labels', 'dateFormats'] as const;
const SOURCE_KEYS = ['match', 'lang', 'attribution', ...PATTERN_KEYS];
/** Named groups a pattern of each list must have, or the normaliser could not read what it matched. */
const REQUIRED_GROUPS: Record<(typeof PATTERN_KEYS)[number], string[]> = {
  dropLines: [],
  labels: ['name'],
  dateFormats: ['year', 'month', 'day'],
};

/** Checks the config's `sources` value; the first problem found, with its place below the key. */
export function checkSources(value: unknown): NestedProblem | undefined {
  const shape = '[{"match": "glob", "lang"?, "attribution"?, "dropLines"?, "labels"?, "dateFormats"?}]';
  if (!Array.isArray(value)) return { at: [], expected: `a list of sources such as ${shape}` };
  for (const [index, entry] of value.entries()) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      return { at: [index], expected: `an object such as {"match": "transcripts/site/**", "dropLines": ["^Share$"]}` };
    for (const key of Object.keys(entry))
      if (!SOURCE_KEYS.includes(key)) return { at: [index, key], expected: `one of ${SOURCE_KEYS.join(', ')}`, unknownKey: true };
    const { match, lang } = entry as Record<string, unknown>;
    if (typeof match !== 'string' || match.trim() === '')
      return { at: [index, 'match'], expected: 'a glob such as "transcripts/site/**/*.html", relative to the config file' };
    if (lang !== undefined && (typeof lang !== 'string' || !canonicalLocale(lang)))
      return { at: [index, 'lang'], expected: 'a BCP 47 tag such as "ru" or "ky-KG"' };
    const attribution = (entry as Record<string, unknown>).attribution;
    const attributionExpected = attribution === undefined ? undefined : attributionProblem(attribution);
    if (attributionExpected) return { at: [index, 'attribution'], expected: attributionExpected };
    for (const key of PATTERN_KEYS) {
      const list = (entry as Record<string, unknown>)[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) return { at: [index, key], expected: 'a list of regular expressions as strings' };
      for (const [at, pattern] of list.entries()) {
        const problem = checkPattern(pattern, REQUIRED_GROUPS[key]);
        if (problem) return { at: [index, key, at], expected: problem };
      }
    }
  }
  return undefined;
}

function checkPattern(pattern: unknown, groups: readonly string[]): string | undefined {
  if (typeof pattern !== 'string' || pattern === '') return 'a regular expression as a non-empty string';
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, 'u');
  } catch (error) {
    // Note: the `u` flag makes stray escapes such as `\-` outside a class errors; the message says which.
    return `a valid regular expression (with the u flag): ${(error as Error).message}`;
  }
  // An alternative that matches the empty string lists every named group of the pattern, matched or not.
  const named = Object.keys(new RegExp(`${compiled.source}|`, 'u').exec('')?.groups ?? {});
  const missing = groups.filter((group) => !named.includes(group));
  return missing.length > 0
    ? `a regular expression with the named group${missing.length > 1 ? 's' : ''} ${missing.map((group) => `(?<${group}>…)`).join(', ')}`
    : undefined;
}

/** Writes a source's key path as the config reads it: `sources[1].labels[0]`. */
export function keyPath(key: string, at: readonly (string | number)[]): string {
  return key + at.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('');
}

/**
 * Makes each `match` absolute, so that it can be tested against an input's absolute path whatever folder
 * the command runs in. The folder's own `*`, `?` and `\` are escaped: they are not pattern characters.
 */
export function resolveSources(sources: readonly SourceSettings[], root: string): SourceSettings[] {
  const base = toPosix(path.resolve(root)).replace(/[*?\\]/g, (char) => `\\${char}`);
  return sources.map((source) => ({ ...source, match: path.posix.join(base, source.match) }));
}

/** What the config's `sources` say about one input: the entries whose `match` fits it, merged in order. */
export interface SourceSettingsFor {
  /** The last matching entry's `lang`. (optional) */
  lang?: string;
  /** The last matching entry's `attribution`, when one has the key (`null` included). (optional) */
  attribution?: Attribution | null;
  /** Every matching entry's patterns, concatenated in config order; undefined when none matches. (optional) */
  rules?: SourceRules;
}

/**
 * The rules for `input` (an absolute path). Every entry whose glob matches applies: pattern lists are
 * concatenated in config order and a later `lang` replaces an earlier one, so a broad entry for every
 * saved page and a site's own entry can both apply to one page.
 */
export function sourceSettingsFor(sources: readonly SourceSettings[] | undefined, input: string): SourceSettingsFor {
  const target = toPosix(path.resolve(input));
  const found: SourceSettingsFor = {};
  for (const source of sources ?? []) {
    if (!globToRegExp(source.match).test(target)) continue;
    if (source.lang) found.lang = canonicalLocale(source.lang) ?? source.lang;
    if (source.attribution !== undefined) found.attribution = source.attribution;
    for (const key of PATTERN_KEYS) {
      const patterns = source[key];
      if (!patterns || patterns.length === 0) continue;
      found.rules ??= {};
      found.rules[key] = [...(found.rules[key] ?? []), ...patterns.map((pattern) => new RegExp(pattern, 'u'))];
    }
  }
  return found;
}

/**
 * A glob as an anchored regular expression: `*` is any run of characters within one path segment, `?`
 * one such character, `**` as a whole segment any number of segments (none included), `\` makes the
 * next character literal. Note: no `[…]` classes or `{a,b}` alternatives; `[`, `{` are literal.
 * The expression cannot backtrack badly: each `**` consumes whole segments ending in `/`.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index]!;
    if (char === '\\' && index + 1 < glob.length) {
      index += 1;
      source += escapeRegExp(glob[index]!);
    } else if (char === '*') {
      let end = index;
      while (glob[end] === '*') end += 1;
      const wholeSegment = end - index > 1 && (index === 0 || glob[index - 1] === '/') && (end === glob.length || glob[end] === '/');
      if (!wholeSegment) source += '[^/]*';
      else if (end === glob.length) source += '.*';
      else {
        // `a/**/b` also matches `a/b`: the segments and their slash are optional together.
        source += '(?:[^/]*/)*';
        end += 1;
      }
      index = end - 1;
    } else if (char === '?') source += '[^/]';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 'u');
}

/** Tests a path (relative or absolute, either separator) against a glob. */
export function matchesGlob(file: string, glob: string): boolean {
  return globToRegExp(glob).test(toPosix(file));
}

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
