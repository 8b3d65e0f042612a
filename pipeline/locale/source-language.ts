import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MetaOverrides, NormalizeOptions } from '../normalize/options.ts';
import { languagePlace } from '../normalize/sidecar.ts';
import type { Reporter } from '../report/messages.ts';
import type { DocMeta, Locale, SourceLangFrom, TranscriptRoot } from '../types.ts';
import { DETECTED_LANGS, detectLanguage, type DetectedLang, type Detection } from './detect.ts';

/**
 * Below this probability a detection is a guess: the document gets a `lang:uncertain` warning naming the
 * two candidates, and a declaration it contradicts is not questioned.
 */
export const UNCERTAIN_BELOW = 0.8;

const NAMES: Record<DetectedLang, string> = { en: 'English', ru: 'Russian', ky: 'Kyrgyz' };

/** An editor's statement of the language: where it was made, so that a contradiction can point at it. */
export interface Declaration {
  lang: Locale;
  from: 'command-line' | 'sidecar' | 'front-matter';
  /** The sidecar's path, when the statement is there (messages are the transcript's). (optional) */
  file?: string;
  /** Line and column of `lang:` in the front matter or sidecar. (optional) */
  place?: { line: number; column: number };
}

export interface SourceLanguageInput {
  /** The document's text: title, dateline and body (speaker labels left out: names say nothing). */
  text: string;
  declared?: Declaration | undefined;
  /** The language of the config's matching `sources` entry. (optional) */
  rule?: Locale | undefined;
  /** The config's `sourceLocale`: the language of a text detection cannot place. */
  sourceLocale: Locale;
}

export interface SourceLanguage {
  lang: Locale;
  from: SourceLangFrom;
  detection: Detection;
}

/**
 * The language a document is written in: declared (command line, sidecar, front matter) > the config's
 * `sources` rule > detected from the text > the config's `sourceLocale`. Warns (`lang:contradicts`) when a
 * declaration or rule says one of en/ru/ky and the text clearly reads as another, and (`lang:uncertain`)
 * when detection had to decide and could not tell two languages apart. Whatever the result, the document
 * is normalised and translated from it (the memories serve every direction they hold).
 */
export function resolveSourceLanguage(input: SourceLanguageInput, report: Reporter): SourceLanguage {
  const detection = detectLanguage(input.text);
  const confident = detection.confidence >= UNCERTAIN_BELOW;
  let resolved: SourceLanguage;
  if (input.declared) {
    resolved = { lang: input.declared.lang, from: input.declared.from, detection };
    if (confident) contradiction(input.declared.lang, detection, describeDeclaration(input.declared), input.declared, report);
  } else if (input.rule) {
    resolved = { lang: input.rule, from: 'config', detection };
    if (confident) contradiction(input.rule, detection, 'the config’s “sources” rule', undefined, report);
  } else if (detection.confidence === 0) {
    resolved = { lang: input.sourceLocale, from: 'default', detection };
  } else if (confident) {
    resolved = { lang: detection.lang, from: 'detected', detection };
  } else {
    // A guess between two languages: the default when it is one of them, else the likelier one.
    const candidates = [detection.lang, detection.runnerUp.lang];
    const fallback = candidates.includes(primary(input.sourceLocale) as DetectedLang);
    resolved = fallback ? { lang: input.sourceLocale, from: 'default', detection } : { lang: detection.lang, from: 'detected', detection };
    report.warn(
      `Unexpected text whose language is unclear: ${candidate(detection.lang, detection.confidence)} or ${candidate(detection.runnerUp.lang, detection.runnerUp.confidence)}, expected a clear one; read as ${resolved.lang}. State it with “lang:” in the front matter or sidecar, or a “sources” rule in the config`,
      { ruleId: 'lang:uncertain' },
    );
  }
  return resolved;
}

function contradiction(stated: Locale, detection: Detection, where: string, declared: Declaration | undefined, report: Reporter): void {
  const statedLang = primary(stated);
  if (!(DETECTED_LANGS as readonly string[]).includes(statedLang) || statedLang === detection.lang) return;
  const place = declared?.from === 'front-matter' && declared.place ? pointAt(declared.place) : undefined;
  report.warn(
    `Unexpected lang ${stated} in ${where} for a text that reads as ${candidate(detection.lang, detection.confidence)}, expected ${detection.lang}; kept ${stated}. Correct the statement, or remove it to let detection decide`,
    { ruleId: 'lang:contradicts', place },
  );
}

function describeDeclaration(declared: Declaration): string {
  if (declared.from === 'command-line') return 'the command line (--lang)';
  if (declared.from === 'front-matter') return 'the front matter';
  const at = declared.place ? `:${declared.place.line}:${declared.place.column}` : '';
  return `the sidecar ${declared.file ?? ''}${at}`.trimEnd();
}

function candidate(lang: DetectedLang, confidence: number): string {
  return `${NAMES[lang]} (${lang}, ${confidence.toFixed(2)})`;
}

function primary(tag: Locale): string {
  return tag.split('-')[0]!.toLowerCase();
}

function pointAt(point: { line: number; column: number }) {
  return { start: point, end: point };
}

/**
 * What pressroom's own Markdown declares: the document's language (`sourceLang`), or, in Markdown written
 * before that key, the language it was normalised in.
 */
export function ownMarkdownDeclaration(meta: DocMeta): Declaration {
  return { lang: meta.sourceLang ?? meta.lang, from: 'front-matter' };
}

/**
 * The declaration behind a document's normalise options: a language given on the command line or in the
 * sidecar (`overrides.lang`, with `langStatedIn` saying where), else the Markdown front matter's.
 */
export function declarationOf(options: NormalizeOptions, frontMatter: MetaOverrides | undefined): Declaration | undefined {
  const stated = options.overrides?.lang;
  if (stated) {
    if (options.langStatedIn === undefined) return { lang: stated, from: 'command-line' };
    const place = languagePlace(options.overrides!);
    return { lang: stated, from: 'sidecar', file: options.langStatedIn, ...(place ? { place } : {}) };
  }
  if (frontMatter?.lang) {
    const place = languagePlace(frontMatter);
    return { lang: frontMatter.lang, from: 'front-matter', ...(place ? { place } : {}) };
  }
  return undefined;
}

/**
 * The text detection reads: title, subtitle, dateline and every text of the body, blocks apart. Speaker
 * labels are not in it (they live on the turns): a name is in its own language, not the document's.
 */
export function documentText(tree: TranscriptRoot): string {
  const meta = tree.data.meta;
  const parts: string[] = [meta.title, meta.subtitle ?? '', meta.dateline ?? ''];
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading') parts.push(toString(node));
    else if (node.type === 'stageDirection' || node.type === 'editorialInsertion') parts.push(node.value);
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const node of tree.children) walk(node as Nodes);
  return parts.filter(Boolean).join('\n\n');
}

/**
 * Sets `meta.sourceLang` and `meta.sourceLangFrom` on a normalised tree. `meta.lang`, the language the
 * normaliser read the text in, is left as it was (normaliseInLanguage reads it in the right one).
 */
export function annotateSourceLanguage(tree: TranscriptRoot, input: Omit<SourceLanguageInput, 'text'>, report: Reporter): SourceLanguage {
  const resolved = resolveSourceLanguage({ ...input, text: documentText(tree) }, report);
  tree.data.meta.sourceLang = resolved.lang;
  tree.data.meta.sourceLangFrom = resolved.from;
  return resolved;
}

/**
 * The language a document is written in, as every stage after normalising reads it: what normalising
 * resolved (`meta.sourceLang`), else the config's `sourceLocale` (a tree made before per-document languages).
 */
export function documentLanguage(tree: TranscriptRoot, config: { sourceLocale: Locale }): Locale {
  return tree.data.meta.sourceLang ?? config.sourceLocale;
}

/**
 * Whether a locale publishes the document as written (no translation, nothing untranslated): the same
 * tag, or the same language where one of the two names no region (an en-GB original is the en page).
 */
export function isSourceLocale(locale: Locale, sourceLang: Locale): boolean {
  if (locale.toLowerCase() === sourceLang.toLowerCase()) return true;
  return primary(locale) === primary(sourceLang) && (!locale.includes('-') || !sourceLang.includes('-'));
}

/**
 * Normalises a transcript in its own language, so that a Russian transcript's dateline, labels and
 * lexicons are read as Russian: a declared or `sources` language is in `options.lang` already; otherwise
 * the text is read in `options.lang` (the default), its language detected from the tree as
 * annotateSourceLanguage detects it, and, when that is another language, read again in it (the first
 * reading's messages dropped, detection's kept). Sets `meta.sourceLang`/`sourceLangFrom`.
 */
export function normaliseInLanguage<T extends { tree: TranscriptRoot }>(
  normalise: (options: NormalizeOptions) => T,
  options: NormalizeOptions,
  input: Omit<SourceLanguageInput, 'text'>,
  report: Reporter,
): T {
  const before = report.messages.length;
  let out = normalise(options);
  const reading = report.messages.length;
  const resolved = resolveSourceLanguage({ ...input, text: documentText(out.tree) }, report);
  const stated = options.overrides?.lang ?? options.lang;
  if (!input.declared && !input.rule && primary(resolved.lang) !== primary(stated)) {
    const detection = report.messages.slice(reading);
    report.messages.splice(before);
    out = normalise({ ...options, lang: resolved.lang });
    report.messages.push(...detection);
  }
  out.tree.data.meta.sourceLang = resolved.lang;
  out.tree.data.meta.sourceLangFrom = resolved.from;
  return out;
}
