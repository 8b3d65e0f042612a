import { readFile } from 'node:fs/promises';
import type { Root, RootContent } from 'mdast';
import type { PipelineConfig } from '../config/defaults.ts';
import { expandInputs } from '../config/load.ts';
import { slugify } from '../emit/slug.ts';
import { InputError } from '../errors.ts';
import { Reporter } from '../report/messages.ts';
import { relative } from '../resources.ts';
import type { DocFile, Resources, StageContext } from '../stage.ts';
import { readTranscriptSettings } from '../normalize/sidecar.ts';
import { LOCALE_STAGES, runEntry, runSourceStages } from '../engine/stages.ts';
import { resolveLocales } from '../locale/resolve.ts';
import { documentLanguage, isSourceLocale } from '../locale/source-language.ts';
import { segmentPlaces } from '../translate/segment-checks.ts';
import type { Segment, TranscriptRoot } from '../types.ts';

export interface SegmentState {
  /** 1-based place in document order. */
  position: number;
  source: Segment;
  translated: Segment;
  speaker: string | undefined;
  /**
   * A stale segment whose source changed since it was translated (tm:stale): the translation the memory
   * holds for the old source, and the old source, for a translator to revise rather than start afresh.
   */
  previous?: { text: string; source: string };
}

export interface LocaleSegments {
  file: DocFile;
  locale: string;
  /** The document's language (meta.sourceLang, else the config's sourceLocale): the direction of its translation. */
  sourceLang?: string;
  title: string;
  date: string | null;
  segments: SegmentState[];
}

/**
 * Every document's segments in every target locale, as the build would publish them, without rendering:
 * what the XLIFF export, `terms check` and `xliff import` look at (a build keeps the same per artifact,
 * through localeSegments, for the dashboard). Missing translations never stop this
 * run (onMissing is forced to keep-source): finding them is the point.
 */
export async function collectSegments(
  config: PipelineConfig,
  resources: Resources,
  options: { documents?: string[]; locales?: string[] } = {},
): Promise<LocaleSegments[]> {
  // Terminology violations do not stop it either (termSeverity "error", build --strict): terms check reports them.
  const run: PipelineConfig = {
    ...config,
    onMissing: config.onMissing === 'error' ? 'keep-source' : config.onMissing,
    termSeverity: 'info',
  };
  const inputs = await expandInputs(config.inputs);
  const out: LocaleSegments[] = [];
  const timings = new Map<string, number>();
  for (const input of inputs) {
    const file: DocFile = { path: relative(input), slug: slugify(input) };
    if (options.documents && !options.documents.some((wanted) => wanted === file.slug || wanted === file.path || wanted === input))
      continue;
    const bytes = await readFile(input).catch((cause: unknown) => {
      throw new InputError(file.path, undefined, 'Cannot read this transcript', { cause });
    });
    const { options: normalizeOptions } = await readTranscriptSettings(input, config, file.path);
    const ctx: StageContext = {
      file,
      locale: config.sourceLocale,
      config: run,
      report: new Reporter(file.path),
      resources,
      normalize: normalizeOptions,
    };
    const tree = await runSourceStages(bytes, ctx, timings);
    for (const locale of options.locales ?? config.locales) {
      // The locale in the document's own language has nothing to translate.
      if (isSourceLocale(locale, documentLanguage(tree, config))) continue;
      const translated = await runEntry(
        LOCALE_STAGES.translate,
        tree,
        { ...ctx, locale, report: new Reporter(file.path, locale) },
        timings,
      );
      out.push(localeSegments(tree, translated.tree, { file, locale, config, resources }));
    }
  }
  return out;
}

/**
 * One document's segments in one locale, from its segmented source tree and that tree translated: the
 * pure core shared by collectSegments and the build's engine, which keeps it with each artifact for the
 * dashboard (pipeline/engine/document.ts).
 */
export function localeSegments(
  tree: TranscriptRoot,
  translated: TranscriptRoot,
  where: { file: DocFile; locale: string; config: PipelineConfig; resources: Resources },
): LocaleSegments {
  const { file, locale, config, resources } = where;
  const sources = segmentsOf(tree);
  const targets = segmentsOf(translated);
  const lang = resolveLocales(locale, config.fallbackLng)[0] ?? locale;
  const sourceLang = documentLanguage(tree, config);
  return {
    file,
    locale,
    sourceLang,
    title: tree.data.meta.title,
    date: tree.data.meta.date,
    segments: sources.map((source, index) => ({
      position: index + 1,
      source: source.segment,
      translated: targets[index]!.segment,
      speaker: source.speaker,
      ...previousTranslation(targets[index]!.segment, { tree, doc: file.slug, lang, sourceLang, resources }),
    })),
  };
}

/** What the memory holds for a segment published in the source language because its source changed (tm:stale). */
function previousTranslation(
  segment: Segment,
  where: { tree: TranscriptRoot; doc: string; lang: string; sourceLang: string; resources: Resources },
): Pick<SegmentState, 'previous'> {
  if (segment.status !== 'stale' || segment.lang === where.lang) return {};
  const { places, current } = segmentPlaces(where.tree);
  const place = [...places].find(([candidate]) => candidate.id === segment.id)?.[1];
  if (!place) return {};
  const verdict = where.resources.memory.contexts.judge(
    { doc: where.doc, source: segment.source, ...place },
    where.lang,
    current,
    where.sourceLang,
  );
  return verdict?.kind === 'stale' ? { previous: { text: verdict.target, source: verdict.unit.source } } : {};
}

function segmentsOf(tree: TranscriptRoot): { segment: Segment; speaker: string | undefined }[] {
  const found: { segment: Segment; speaker: string | undefined }[] = [];
  const visit = (node: Root | RootContent, speaker: string | undefined): void => {
    if (node.type === 'segment') {
      found.push({ segment: node, speaker });
      return;
    }
    const here = node.type === 'speakerTurn' ? [node.speaker.name, node.speaker.role].filter(Boolean).join(', ') : speaker;
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child, here);
  };
  visit(tree, undefined);
  return found;
}

/** Statuses that publish a reviewed translation; everything else waits for a translator. Issue 4 adds bands; unknown statuses count as work. */
const DONE = new Set(['source', 'exact', 'context', 'adapted']);
export const needsWork = (segment: Segment): boolean => !DONE.has(segment.status);
