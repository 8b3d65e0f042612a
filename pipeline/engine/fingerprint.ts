import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PipelineConfig } from '../config/defaults.ts';
import type { Concept } from '../glossary/types.ts';
import { resolveLocales } from '../locale/resolve.ts';
import { matchKey } from '../normalize/typography.ts';
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
      for (const file of files) parts.push(path.relative(hashed, file), sha256(await readFile(file)));
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
  /** Glossary concepts the document uses, by id: what a glossary edit is checked against. */
  concepts: string[];
}

/**
 * The key of one document in one locale: the transcript, and only the memory units and glossary
 * concepts (their terms in the languages this locale can use) that the translation looks at. A
 * superset of what translate reads: a spurious dependency costs a rebuild, a missing one a stale file.
 */
/** The strings of a normalised transcript that translation looks up: segment sources and labels. */
export interface DocumentFacts {
  sources: string[];
  labels: string[];
}

export function documentFacts(tree: TranscriptRoot): DocumentFacts {
  const meta = tree.data.meta;
  const labels = [meta.title, meta.place, meta.dateline, ...meta.speakers.flatMap((speaker) => [speaker.name, speaker.role])];
  return {
    sources: [...segments(tree)].map((segment) => segment.source),
    labels: labels.filter((label): label is string => Boolean(label)),
  };
}

export function artifactKey(
  facts: DocumentFacts,
  transcript: string,
  locale: string,
  base: string,
  config: PipelineConfig,
  resources: Resources,
): ArtifactKey {
  const chain = resolveLocales(locale, config.fallbackLng);
  const targets = chain.filter((lang) => lang !== config.sourceLocale);
  const units: unknown[] = [];
  const used = new Map<string, Concept>();
  for (const source of facts.sources) {
    const match = targets.length > 0 ? resources.memory.lookup(source, targets) : undefined;
    // Without an exact match, the best fuzzy one: its band is reported, and published when tmMinScore allows.
    const fuzzy = !match && targets.length > 0 ? resources.memory.match(source, targets, { limit: 1 })[0] : undefined;
    units.push(match ? [match.lang, match.target] : fuzzy ? [fuzzy.lang, fuzzy.target, fuzzy.score] : null);
    for (const hit of resources.glossary.find(source, config.sourceLocale)) used.set(hit.concept.id, hit.concept);
  }
  for (const label of facts.labels) {
    const hit = resources.glossary.translate(label, config.sourceLocale, chain);
    if (hit) used.set(hit.concept.id, hit.concept);
    for (const found of resources.glossary.find(label, config.sourceLocale)) used.set(found.concept.id, found.concept);
  }
  const languages = [config.sourceLocale, ...chain];
  const concepts = [...used.keys()].sort();
  const conceptTerms = concepts.map((id) => {
    const concept = used.get(id)!;
    return [id, concept.subject, languages.map((lang) => [lang, concept.terms.get(lang) ?? []])];
  });
  // Context matches and stale segments (tm/context.ts) depend on the recorded units around the document's
  // sentences; a deprecated term is a violation in any segment, whichever concept it belongs to.
  const contexts = resources.memory.contexts
    .around(new Set(facts.sources.map((source) => matchKey(source))))
    .map((unit) => [
      unit.file,
      unit.line,
      unit.source,
      unit.hash,
      unit.doc,
      unit.prev,
      unit.next,
      targets.map((lang) => unit.targets.get(lang)),
    ]);
  const forbidden = resources.glossary.concepts.flatMap((concept) =>
    targets.flatMap((lang) =>
      (concept.terms.get(lang) ?? []).filter((term) => term.status === 'deprecated').map((term) => [lang, term.text]),
    ),
  );
  return { key: sha256(JSON.stringify({ base, transcript, units, conceptTerms, contexts, forbidden })), concepts };
}

function* segments(node: TranscriptRoot | TranscriptRoot['children'][number]): Generator<Segment> {
  if (node.type === 'segment') {
    yield node as Segment;
    return;
  }
  if ('children' in node) for (const child of node.children as TranscriptRoot['children']) yield* segments(child);
}
