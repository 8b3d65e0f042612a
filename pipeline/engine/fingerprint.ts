import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PipelineConfig } from '../config/defaults.ts';
import type { Concept } from '../glossary/types.ts';
import { resolveLocales } from '../locale/resolve.ts';
import { isSourceLocale } from '../locale/source-language.ts';
import { matchKey } from '../normalize/typography.ts';
import { replaceDeprecated } from '../translate/deprecated-terms.ts';
import { lookupSegment } from '../translate/segment-checks.ts';
import { lookupLanguages } from '../translate/translate-tree.ts';
import type { Resources } from '../stage.ts';
import type { Segment, TranscriptRoot } from '../types.ts';
import { sha256 } from './cache.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Compiled, this file is dist/pipeline/engine/fingerprint.js: the code is under dist/, package.json beside it.
const packageJson = existsSync(path.join(root, 'package.json')) ? path.join(root, 'package.json') : path.join(root, '..', 'package.json');
// In a checkout, the compiled dist/ and the TypeScript sources run side by side (the bin takes dist/ when it
// is fresh, tests import the sources): both must hash the sources, or each would throw away the other's cache.
const checkout = path.join(root, '..');
const hashed = !existsSync(path.join(root, 'package.json')) && existsSync(path.join(checkout, 'pipeline', 'cli.ts')) ? checkout : root;
let code: Promise<string> | undefined;

/**
 * pressroom's version: package.json's, plus every source and template file, so that a checkout with
 * changed code never reuses artifacts the old code made.
 */
export function codeHash(): Promise<string> {
  code ??= (async () => {
    const parts: string[] = [await readFile(packageJson, 'utf8')];
    for (const folder of ['pipeline', 'templates']) {
      const entries = await readdir(path.join(hashed, folder), { recursive: true, withFileTypes: true });
      const files = entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
      // Synchronous: a few hundred small files, read before anything else runs.
      for (const file of files) parts.push(path.relative(hashed, file), sha256(readFileSync(file)));
    }
    return sha256(parts.join('\n'));
  })();
  return code;
}

/** Inputs every artifact of a locale shares: code, config, fonts and the UI strings of its locale chain. */
export async function localeBase(config: PipelineConfig, resources: Resources, locale: string): Promise<string> {
  // Paths of the run (inputs, out) and the locale list do not change what one artifact contains.
  const { inputs: _inputs, out: _out, locales: _locales, ...settings } = config;
  const chain = resolveLocales(locale, config.fallbackLng);
  const catalogs: string[] = [];
  for (const lng of new Set([...chain, config.sourceLocale])) {
    const folder = path.join(config.catalogs, lng);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((name) => name.endsWith('.json')).sort())
      catalogs.push(`${lng}/${name}`, sha256(await readFile(path.join(folder, name))));
  }
  const fonts = [resources.fonts.css, ...resources.fonts.files.map((file) => `${file.path}:${sha256(file.contents)}`)];
  return sha256(
    JSON.stringify({
      code: await codeHash(),
      settings,
      locale,
      chain,
      catalogs,
      fonts: sha256(fonts.join('\n')),
      css: resources.templateCss,
    }),
  );
}

/**
 * What a document's keys hold of its input: the transcript's bytes and its sidecar's, since an edit to
 * the sidecar changes the normalised tree as much as one to the transcript. Without a sidecar, the
 * transcript's hash alone, so that adding this changed no existing key.
 */
export function transcriptHash(transcript: Uint8Array, sidecar: Uint8Array | undefined): string {
  return sidecar ? sha256(JSON.stringify(['sidecar', sha256(transcript), sha256(sidecar)])) : sha256(transcript);
}

export interface ArtifactKey {
  key: string;
  /** Glossary concepts the document uses in this locale, by id. */
  concepts: string[];
  /**
   * The report's count of glossary terms in the source (every locale reports it): left out of `key`, since
   * a concept no language of this locale has cannot change its files; a reused artifact's report takes it
   * from here instead.
   */
  termsFound: number;
}

/** The strings of a normalised transcript that translation looks up: segment sources and labels. */
export interface DocumentFacts {
  sources: string[];
  labels: string[];
  /** The document's language (meta.sourceLang): the direction of every look-up. (optional: the config's sourceLocale) */
  sourceLang?: string;
}

export function documentFacts(tree: TranscriptRoot): DocumentFacts {
  const meta = tree.data.meta;
  const labels = [meta.title, meta.place, meta.dateline, ...meta.speakers.flatMap((speaker) => [speaker.name, speaker.role])];
  return {
    sources: [...segments(tree)].map((segment) => segment.source),
    labels: labels.filter((label): label is string => Boolean(label)),
    ...(meta.sourceLang ? { sourceLang: meta.sourceLang } : {}),
  };
}

/**
 * The key of one document in one locale: the transcript, the locale's base (code, settings, UI strings of
 * its chain, fonts) and what translation into this locale finds in the memories and the glossary: for each
 * segment, the memory's answer as the translate stage gets it (translate/segment-checks.ts lookupSegment:
 * the stale verdict, the match with its unit's place, or none — so a unit added for a segment that had no
 * match changes the key), the glossary terms found in its source and in the translation (with the terms
 * of their concepts in the languages this locale reads), and the labels' translations. What other locales
 * use (a Kyrgyz unit, a concept without a term in this locale's languages) is not in it: an import for ky
 * rebuilds only ky artifacts. Everything is looked up from the document's language, which the key holds
 * (a declaration or a sources rule that changes it changes every key). The locale in that language looks
 * nothing up: its key is the transcript, its base and the language.
 *
 * @param doc The document's slug (context matches compare it with the units' x-pressroom-doc).
 */
export function artifactKey(
  facts: DocumentFacts,
  transcript: string,
  locale: string,
  base: string,
  config: PipelineConfig,
  resources: Resources,
  doc: string,
): ArtifactKey {
  const { glossary, memory } = resources;
  const source = facts.sourceLang ?? config.sourceLocale;
  const termsFound = facts.sources.reduce((sum, text) => sum + glossary.find(text, source).length, 0);
  const chain = resolveLocales(locale, config.fallbackLng);
  const target = chain[0] ?? source;
  if (isSourceLocale(target, source)) return { key: sha256(JSON.stringify({ base, transcript, source })), concepts: [], termsFound };
  const lookup = lookupLanguages(chain, config.onMissing);
  const memoryChain = lookup.filter((lang) => lang !== source);
  // The languages whose terms this locale's translation can read or check.
  const targets = new Set([target, ...memoryChain]);
  const used = new Map<string, Concept>();
  const hitsOf = (text: string, lang: string, relevant: (concept: Concept) => boolean) =>
    glossary
      .find(text, lang)
      .filter((hit) => relevant(hit.concept))
      .map((hit) => {
        used.set(hit.concept.id, hit.concept);
        return [hit.concept.id, hit.term.text, hit.offset, hit.text];
      });
  const current = new Set(facts.sources.map((text) => matchKey(text)));
  const units = facts.sources.map((text, at) => {
    const place = { doc, source: text, prev: facts.sources[at - 1] ?? '', next: facts.sources[at + 1] ?? '' };
    const sourceHits = glossary.find(text, source);
    // A concept without a term in this locale's languages is neither replaced nor checked here; one that
    // has is, and a longer term of another concept hiding it shows as a change of this list.
    const sourceTerms = hitsOf(text, source, (concept) => [...targets].some((lang) => (concept.terms.get(lang) ?? []).length > 0));
    const found = lookupSegment(place, memory, target, memoryChain, current, source);
    if (found.kind === 'stale') {
      const { unit, why } = found.verdict;
      return { sourceTerms, stale: [why, unit.file, unit.line, unit.source, unit.hash, found.verdict.target] };
    }
    const match = found.match;
    if (!match) return { sourceTerms, match: null };
    // The translation as published (deprecated terms replaced) is what the terminology checks read.
    const fixed = replaceDeprecated(match.target, glossary, new Set(sourceHits.map((hit) => hit.concept)), match.lang).text;
    const relevant = () => true;
    return {
      sourceTerms,
      match: [match.band, match.score, match.lang, match.target, match.entry.source, match.entry.unit.file, match.entry.unit.line],
      targetTerms: [hitsOf(match.target, match.lang, relevant), hitsOf(fixed, target, relevant)],
    };
  });
  const labels = facts.labels.map((label) => {
    const hit = glossary.translate(label, source, lookup);
    return hit ? [hit.text, hit.lang] : null;
  });
  const languages = [...new Set([source, ...targets])];
  const concepts = [...used.keys()].sort();
  const conceptTerms = concepts.map((id) => {
    const concept = used.get(id)!;
    return [
      id,
      concept.subject,
      languages.map((lang) => [
        lang,
        (concept.terms.get(lang) ?? []).map((term) => [term.text, term.status, term.statusName, term.termType]),
      ]),
    ];
  });
  // A forbidden term another concept approves is not reported (glossary/check.ts allowedElsewhere).
  const forbidden = new Set(
    [...used.values()].flatMap((concept) =>
      [...targets].flatMap((lang) =>
        (concept.terms.get(lang) ?? [])
          .filter((term) => term.status === 'deprecated')
          .map((term) => `${lang}\u0000${term.text.toLocaleLowerCase()}`),
      ),
    ),
  );
  const elsewhere = glossary.concepts.flatMap((concept) =>
    [...targets].flatMap((lang) =>
      (concept.terms.get(lang) ?? [])
        .filter((term) => term.status !== 'deprecated' && forbidden.has(`${lang}\u0000${term.text.toLocaleLowerCase()}`))
        .map((term) => [concept.id, lang, term.text]),
    ),
  );
  return {
    // Whether the memories hold this direction at all decides the tm:no-direction warning the artifact keeps.
    key: sha256(
      JSON.stringify({
        base,
        transcript,
        source,
        doc,
        units,
        labels,
        conceptTerms,
        elsewhere,
        direction: memory.serves(source, memoryChain),
      }),
    ),
    concepts,
    termsFound,
  };
}

function* segments(node: TranscriptRoot | TranscriptRoot['children'][number]): Generator<Segment> {
  if (node.type === 'segment') {
    yield node as Segment;
    return;
  }
  if ('children' in node) for (const child of node.children as TranscriptRoot['children']) yield* segments(child);
}
