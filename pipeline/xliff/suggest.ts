import path from 'node:path';
import type { PipelineConfig } from '../config/defaults.ts';
import { relative } from '../resources.ts';
import { findMatches, matchChain } from '../tm/match.ts';
import { memoryFromTexts, type TranslationMemory } from '../tm/memory.ts';
import { readTextResource } from '../util/text-resource.ts';
import type { Suggestion } from './model.ts';

/** Suggestions a unit carries at most. */
const SUGGESTIONS = 3;

/** Where a segment stands, for context matches: its document (slug), neighbours and every source in it now (matching forms). */
export interface SuggestionContext {
  doc: string;
  prev: string;
  next: string;
  current: ReadonlySet<string>;
}

/** `from`: the document's language (default: the config's sourceLocale). */
export type Suggest = (source: string, locale: string, context?: SuggestionContext, from?: string) => Suggestion[];

/**
 * TM candidates for the XLIFF a translator receives, from the build's matcher (tm/match.ts): the same
 * scores (context 101, exact 100, adapted and fuzzy at most 99), bands and language chain as the build and
 * `tm lookup`, best three. `memory` is the build's when the caller has it loaded; otherwise the project's
 * memories are read as the build reads them.
 */
export async function memorySuggestions(config: PipelineConfig, memory?: TranslationMemory): Promise<Suggest> {
  const tm =
    memory ??
    memoryFromTexts(
      await Promise.all(
        config.memories.map(async (file) => ({
          text: await readTextResource(file, relative(file), 'the translation memory'),
          file: relative(file),
        })),
      ),
      config.sourceLocale,
    );
  return (source, locale, context, from = config.sourceLocale) => {
    const chain = matchChain(locale, config, from);
    const { matches } = findMatches({ source, ...context }, tm, { target: locale, chain, current: context?.current, from });
    return matches.slice(0, SUGGESTIONS).map((match) => ({
      score: match.score,
      source: match.entry.source,
      target: match.target,
      origin: path.basename(match.entry.unit.file),
    }));
  };
}
