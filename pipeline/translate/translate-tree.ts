import type { Root, RootContent } from 'mdast';
import type { Glossary } from '../glossary/glossary.ts';
import type { OnMissing, TermSeverity } from '../config/defaults.ts';
import { quoteText, unitCause, type Reporter } from '../report/messages.ts';
import { BANDS, type Band } from '../tm/fuzzy.ts';
import type { TranslationMemory } from '../tm/memory.ts';
import { lookupLanguages } from '../tm/match.ts';
import { lookupSegment, reportTermViolations, segmentPlaces, staleReason } from './segment-checks.ts';
import type { DocMeta, Segment, Speaker, TranscriptRoot } from '../types.ts';
import { replaceDeprecated, type DeprecatedTerm } from './deprecated-terms.ts';
import { isSourceLocale } from '../locale/source-language.ts';

export type { OnMissing };

export interface TranslateOptions {
  /** The document's language (meta.sourceLang): what the memory and glossary are read from. */
  sourceLang: string;
  /** From `resolveLocales(target, fallbackLng)`: the target first, then its fallbacks. */
  chain: readonly string[];
  memory: TranslationMemory;
  glossary: Glossary;
  onMissing: OnMissing;
  /** Lowest score published without review (config `tmMinScore` for this locale; default 100, adapted 99s always). */
  minScore?: number;
  /** Document slug, for context matches (101) and stale segments: the TMX props x-pressroom-doc/-prev/-next. */
  doc?: string;
  /** Severity of terminology violations in published segments (config `termSeverity` for this locale; default warning). */
  termSeverity?: TermSeverity;
}

export interface TranslationStats {
  segments: number;
  translated: number;
  fellBack: number;
  termsFound: number;
  labelsFellBack: number;
  /** Segments per match band (the best match found, published or not). */
  bands: Record<Band, number>;
  /** Segments translated from an older source (tm:stale): reported with both sources, not published (counted in fellBack too). */
  stale: number;
}

/** A deprecated glossary term met in a published translation, with the segment it is in. */
export interface TermChange extends DeprecatedTerm {
  segment: string;
}

/**
 * Returns a translated copy of the tree. Segments come from the TM (exact matches only, for now); names,
 * offices and the place come from the glossary. Whatever has no translation is published in the source
 * language, marked with its language, and reported — or stops the build, as `onMissing` says.
 */
export function translateTree(
  source: TranscriptRoot,
  options: TranslateOptions,
  report: Reporter,
): { tree: TranscriptRoot; stats: TranslationStats; terms: TermChange[] } {
  const tree = structuredClone(source);
  const target = options.chain[0] ?? options.sourceLang;
  const stats: TranslationStats = {
    segments: 0,
    translated: 0,
    fellBack: 0,
    termsFound: 0,
    labelsFellBack: 0,
    bands: Object.fromEntries(BANDS.map((band) => [band, 0])) as Record<Band, number>,
    stale: 0,
  };
  const { places, current } = segmentPlaces(tree);
  const minScore = options.minScore ?? 100;
  const missing: Segment[] = [];
  const terms: TermChange[] = [];
  const lookupChain = lookupLanguages(options.chain, options.onMissing);
  // A locale in the document's own language publishes it as written: nothing to look up, nothing missing.
  const asWritten = isSourceLocale(target, options.sourceLang);
  // A memory that holds nothing in this direction (ky → en when its units are en and ru only): every
  // segment falls back, as for a missing unit, and the direction is named once so nobody hunts unit by unit.
  const directions = lookupChain.filter((lang) => lang !== options.sourceLang);
  if (!asWritten && directions.length > 0 && options.memory.langs.length > 0 && !options.memory.serves(options.sourceLang, directions))
    report.warn(
      `Unexpected ${options.sourceLang} original without ${options.sourceLang} → ${directions.join(' or ')} translations in the memories, expected units with a ${options.sourceLang} and a ${target} variant; its segments are published in ${options.sourceLang}, each reported as tm:no-match`,
      { ruleId: 'tm:no-direction' },
    );

  const translateSegment = (segment: Segment) => {
    stats.segments += 1;
    const hits = options.glossary.find(segment.source, options.sourceLang);
    stats.termsFound += hits.length;
    if (asWritten) return;
    const found = lookupSegment(
      { doc: options.doc ?? '', source: segment.source, ...places.get(segment)! },
      options.memory,
      target,
      lookupChain.filter((lang) => lang !== options.sourceLang),
      current,
      options.sourceLang,
    );
    if (found.kind === 'stale') {
      // Published in the source language: it fell back, for the reason tm:stale gives.
      stats.stale += 1;
      stats.fellBack += 1;
      segment.status = 'stale';
      segment.lang = options.sourceLang;
      report.warn(staleReason(segment, found.verdict), {
        ruleId: 'tm:stale',
        place: segment.position,
        segment: segment.id,
        cause: unitCause(found.verdict.unit),
      });
      return;
    }
    const match = found.match;
    stats.bands[match?.band ?? 'new'] += 1;
    if (match) {
      segment.score = match.score;
      segment.band = match.band;
    }
    const publishable = match && (match.score >= minScore || (match.band === 'adapted' && minScore <= 100));
    if (match && publishable) {
      // A glossary edit reaches old memories here: deprecated terms of the concepts the source names.
      const fixed = replaceDeprecated(match.target, options.glossary, new Set(hits.map((hit) => hit.concept)), match.lang);
      segment.children = [{ type: 'text', value: fixed.text }];
      segment.status = match.band === 'exact' || match.band === 'adapted' || match.band === 'context' ? match.band : 'fuzzy';
      segment.lang = match.lang;
      stats.translated += 1;
      for (const term of fixed.terms) {
        terms.push({ ...term, segment: segment.id });
        const use = term.term ? `“${term.term}”` : 'a current term (the glossary has none for this language)';
        if (term.replaced > 0)
          report.info(
            `Replaced deprecated term “${term.deprecated}” with ${use} ${term.replaced === 1 ? 'once' : `${term.replaced} times`} in segment ${segment.id} (from ${match.entry.unit.file}:${match.entry.unit.line})`,
            { ruleId: 'term:replaced', place: segment.position, cause: unitCause(match.entry.unit) },
          );
        if (term.kept) {
          // Still published, but waiting for a translator: exported as stale, counted on the dashboard.
          segment.status = 'stale';
          report.warn(
            `Unexpected deprecated term “${term.deprecated}” as ${term.forms.map((form) => `“${form}”`).join(', ')}, a form the glossary does not give, expected ${use}; segment ${segment.id} is published as the memory has it (${match.entry.unit.file}:${match.entry.unit.line}) and marked stale for a translator`,
            { ruleId: 'term:deprecated-kept', place: segment.position, cause: unitCause(match.entry.unit) },
          );
        }
      }
      if (match.band !== 'exact')
        report.info(
          `Unexpected ${match.band} match (${match.score}) for segment ${segment.id}, expected an exact match; published from “${match.entry.source}” (${match.entry.unit.file}:${match.entry.unit.line})`,
          { ruleId: `tm:${match.band === 'adapted' ? 'adapted' : 'fuzzy'}`, place: segment.position, cause: unitCause(match.entry.unit) },
        );
      return;
    }
    segment.status = 'fallback';
    segment.lang = options.sourceLang;
    stats.fellBack += 1;
    missing.push(segment);
  };

  const translateLabel = (text: string, what: string, place: RootContent['position']): { text: string; lang: string } => {
    if (!text || asWritten) return { text, lang: options.sourceLang };
    const hit = options.glossary.translate(text, options.sourceLang, lookupChain);
    if (hit && hit.lang !== options.sourceLang) return { text: hit.text, lang: hit.lang };
    stats.labelsFellBack += 1;
    report.warn(
      `Unexpected ${what} “${text}” without a glossary entry for ${target}, expected a concept with a ${target} term; published in the source language`,
      {
        ruleId: 'term:no-entry',
        place,
      },
    );
    return { text, lang: options.sourceLang };
  };

  const speakers = new Map<string, Speaker>();
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'segment') return translateSegment(node);
    if (node.type === 'speakerTurn') {
      const sourceName = node.speaker.name;
      const known = speakers.get(sourceName);
      // A generic role ("Question", "Реплика") is printed from the target locale's UI strings, not the glossary.
      const generic = node.speaker.generic || node.speaker.question;
      node.speaker =
        known ?? (generic ? node.speaker : translateSpeaker(node.speaker, (text, what) => translateLabel(text, what, node.position)));
      if (!known) speakers.set(sourceName, node.speaker);
    }
    if ('children' in node) for (const child of node.children ?? []) visit(child as RootContent);
  };
  visit(tree);

  const meta: DocMeta = tree.data.meta;
  if (meta.place) {
    const place = translateLabel(meta.place, 'place', undefined);
    meta.place = place.text;
    meta.placeLang = place.lang;
  }
  meta.speakers = meta.speakers.map((speaker) => speakers.get(speaker.name) ?? speaker);
  meta.lang = target;

  for (const segment of missing) {
    report.warn(
      `Unexpected untranslated ${segment.kind ? `${segment.kind.replace('-', ' ')} ` : ''}segment ${segment.id} ${quoteText(segment.source)}, expected a TM match for ${target}${segment.score === undefined ? '' : ` (best: ${segment.score}, below tmMinScore ${minScore})`}; published in the source language (onMissing: "${options.onMissing}")`,
      {
        ruleId: 'tm:no-match',
        place: segment.position,
      },
    );
  }
  if (!asWritten)
    reportTermViolations(
      [...places.keys()],
      { glossary: options.glossary, sourceLang: options.sourceLang, target, severity: options.termSeverity ?? 'warning' },
      report,
    );
  if (stats.stale > 0 && options.onMissing === 'error')
    report.fail(
      `${stats.stale} stale ${target} segment${stats.stale === 1 ? '' : 's'}: the source changed after translation; update them (pressroom xliff export), or set \`onMissing\` (current: "error") to "keep-source" to publish the ${options.sourceLang} source meanwhile`,
      { ruleId: 'tm:stale-translations', place: [...places.keys()].find((segment) => segment.status === 'stale')?.position },
    );
  if (missing.length > 0 && options.onMissing === 'error') {
    report.fail(
      `No ${target} translation for ${missing.length} of ${stats.segments} segments; add them to a TMX file under locales/${target}/, or set \`onMissing\` (current: "error") to "keep-source" to publish the ${options.sourceLang} source instead`,
      { ruleId: 'tm:missing-translations', place: missing[0]?.position },
    );
  }
  return { tree, stats, terms };
}

// The look-up chain is the matcher's (tm/match.ts), so that `tm lookup` and XLIFF suggestions walk the same languages.
export { lookupLanguages };

function translateSpeaker(speaker: Speaker, translate: (text: string, what: string) => { text: string; lang: string }): Speaker {
  const name = translate(speaker.name, 'speaker name');
  const role = speaker.role ? translate(speaker.role, 'speaker role') : { text: '', lang: name.lang };
  return { name: name.text, role: role.text, nameLang: name.lang, roleLang: role.lang };
}
