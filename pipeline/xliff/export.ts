import { defaults, type XliffSettings } from '../config/defaults.ts';
import { preferredTerm, type Glossary } from '../glossary/glossary.ts';
import type { LocaleSegments } from './collect.ts';
import { needsWork } from './collect.ts';
import { fromPhrasing, unitId, type Suggestion, type TermHint, type Unit, type XliffFile } from './model.ts';

export interface ExportOptions {
  sourceLang: string;
  glossary: Glossary;
  settings?: Partial<XliffSettings>;
  /** TM candidates for a source sentence, best first (the fuzzy matcher when the memory has one). */
  suggest?: (source: string, locale: string) => Suggestion[];
}

/**
 * The XLIFF for one document and locale: the segments that need a translator, each with the read-only
 * neighbours around it, or undefined when there is nothing to do.
 */
export function exportDocument(doc: LocaleSegments, options: ExportOptions): XliffFile | undefined {
  const settings = { ...defaults.xliff, ...options.settings };
  const work = new Set(doc.segments.filter((state) => needsWork(state.translated)).map((state) => state.position));
  if (work.size === 0) return undefined;
  const shipped = doc.segments.filter((state) =>
    [...Array(2 * settings.context + 1).keys()].some((offset) => work.has(state.position + offset - settings.context)),
  );
  const units = shipped.map((state): Unit => {
    const source = fromPhrasing(state.source.children);
    const translate = work.has(state.position);
    const suggestions = translate ? (options.suggest?.(state.source.source, doc.locale) ?? []) : [];
    const best = suggestions[0];
    const notes = [
      state.speaker ? { from: 'speaker', text: state.speaker } : undefined,
      { from: 'document', text: [doc.title, doc.date].filter(Boolean).join(', ') },
      translate && state.translated.status !== 'fallback' ? { from: 'pressroom', text: `status: ${state.translated.status}` } : undefined,
    ].filter((note) => note !== undefined);
    return {
      id: unitId(doc.file.slug, state.position, source),
      source,
      target: translate
        ? settings.prefill && best
          ? [{ kind: 'text', text: best.target }]
          : undefined
        : fromPhrasing(state.translated.children),
      state: translate ? 'initial' : 'final',
      translate,
      notes,
      suggestions,
      terms: translate ? termHints(state.source.source, doc.locale, options) : [],
    };
  });
  return { version: settings.version, original: doc.file.slug, sourceLang: options.sourceLang, targetLang: doc.locale, units };
}

function termHints(source: string, locale: string, options: ExportOptions): TermHint[] {
  const hints = new Map<string, TermHint>();
  for (const hit of options.glossary.find(source, options.sourceLang)) {
    const target = preferredTerm(hit.concept, locale);
    if (!target) continue;
    const avoid = (hit.concept.terms.get(locale) ?? []).filter((term) => term.status === 'deprecated').map((term) => term.text);
    hints.set(hit.term.text, { source: hit.term.text, target: target.text, avoid });
  }
  return [...hints.values()];
}

/** `<slug>.<locale>.xlf`: import reads the expected target language back from this name. */
export const xliffFileName = (slug: string, locale: string) => `${slug}.${locale}.xlf`;
