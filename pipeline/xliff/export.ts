import { defaults, type XliffSettings } from '../config/defaults.ts';
import { preferredTerm, type Glossary } from '../glossary/glossary.ts';
import { checkSegmentTerms } from '../glossary/check.ts';
import type { LocaleSegments, SegmentState } from './collect.ts';
import { needsWork } from './collect.ts';
import { matchKey } from '../normalize/typography.ts';
import { fromPhrasing, plainText, unitId, type Inline, type TermHint, type Unit, type XliffFile } from './model.ts';
import type { Suggest } from './suggest.ts';

export interface ExportOptions {
  /** The source language of documents that do not say theirs (LocaleSegments.sourceLang). */
  sourceLang: string;
  glossary: Glossary;
  settings?: Partial<XliffSettings>;
  /** TM candidates for a source sentence, best first: the build's matcher (xliff/suggest.ts), given where the segment stands. */
  suggest?: Suggest;
}

/**
 * The XLIFF for one document and locale: the segments that need a translator, each with the read-only
 * neighbours around it, or undefined when there is nothing to do.
 */
export function exportDocument(doc: LocaleSegments, given: ExportOptions): XliffFile | undefined {
  // The document's own language is the file's source language (a Russian original: source-language="ru").
  const options = { ...given, sourceLang: doc.sourceLang ?? given.sourceLang };
  const settings = { ...defaults.xliff, ...options.settings };
  const work = new Set(doc.segments.filter((state) => needsWork(state.translated)).map((state) => state.position));
  if (work.size === 0) return undefined;
  const shipped = doc.segments.filter((state) =>
    [...Array(2 * settings.context + 1).keys()].some((offset) => work.has(state.position + offset - settings.context)),
  );
  // Where each segment stands, as the build's matcher judges context matches (101).
  const current = new Set(doc.segments.map((state) => matchKey(state.source.source)));
  const sourceAt = (position: number) => doc.segments[position - 1]?.source.source ?? '';
  const units = shipped.map((state): Unit => {
    const source = fromPhrasing(state.source.children);
    const translate = work.has(state.position);
    const context = { doc: doc.file.slug, prev: sourceAt(state.position - 1), next: sourceAt(state.position + 1), current };
    const suggestions = translate ? (options.suggest?.(state.source.source, doc.locale, context, options.sourceLang) ?? []) : [];
    const review = translate ? currentTranslation(state, doc.locale, options) : undefined;
    // A draft only from a match good enough to revise, and of the same kind of text: a title's words make no sentence.
    const kind = textKind(state.source.source);
    const draft = suggestions.find((match) => match.score >= settings.prefillMinScore && textKind(match.source) === kind);
    const notes = [
      state.speaker ? { from: 'speaker', text: state.speaker } : undefined,
      // Not speech (a title, stage direction, editorial insertion, footnote): the translator sees what it is.
      state.source.kind ? { from: 'kind', text: state.source.kind } : undefined,
      { from: 'document', text: [doc.title, doc.date].filter(Boolean).join(', ') },
      review
        ? { from: 'pressroom', text: `stale: ${review.reason}` }
        : translate && state.translated.status !== 'fallback'
          ? { from: 'pressroom', text: `status: ${state.translated.status}` }
          : undefined,
    ].filter((note) => note !== undefined);
    return {
      id: unitId(doc.file.slug, state.position, source),
      source,
      target: translate
        ? (review?.target ?? (settings.prefill && draft ? [{ kind: 'text', text: draft.target }] : undefined))
        : fromPhrasing(state.translated.children),
      state: translate ? 'initial' : 'final',
      ...(review ? { review: true } : {}),
      translate,
      notes,
      suggestions,
      terms: translate ? termHints(state.source.source, doc.locale, options) : [],
    };
  });
  return {
    version: settings.version,
    original: doc.file.path.replaceAll('\\', '/'),
    sourceLang: options.sourceLang,
    targetLang: doc.locale,
    units,
  };
}

/**
 * The translation a stale segment has now, and why it went stale: a translator revises it rather than
 * starting afresh. A deprecated term kept in a published translation (term:deprecated-kept), or a source
 * that changed since the memory's translation was made (tm:stale).
 */
function currentTranslation(state: SegmentState, locale: string, options: ExportOptions): { target: Inline[]; reason: string } | undefined {
  if (state.translated.status !== 'stale') return undefined;
  if (state.previous)
    return {
      target: [{ kind: 'text', text: state.previous.text }],
      reason: `the source changed since this translation was made (it translated “${state.previous.source}”)`,
    };
  if (state.translated.lang === options.sourceLang) return undefined;
  const target = fromPhrasing(state.translated.children);
  const found = checkSegmentTerms(options.glossary, {
    source: state.source.source,
    target: plainText(target),
    sourceLang: options.sourceLang,
    targetLang: locale,
  }).filter((violation) => violation.rule === 'term:deprecated');
  const reason =
    found.length > 0
      ? found
          .map((violation) => `deprecated term “${violation.found ?? violation.term}”, use “${violation.expected ?? 'a current term'}”`)
          .join('; ')
      : 'marked stale by the build (a glossary term changed)';
  return { target, reason };
}

/**
 * Heading-like (no sentence punctuation at the end: a title, a label) or a sentence. Memories record no
 * kind, so a suggestion's is read off its text the same way as the unit's.
 */
export function textKind(text: string): 'sentence' | 'heading' {
  // A loop, not a regex anchored at the end: no backtracking over a long run of closing marks.
  let end = text.length;
  while (end > 0 && CLOSING.test(text[end - 1]!)) end -= 1;
  return /[.!?…:;]/u.test(text[end - 1] ?? '') ? 'sentence' : 'heading';
}

const CLOSING = /[\s\p{Pf}\p{Pe}"'»”’]/u;

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

/** `<slug>.<locale>.xlf`: the name a translator sees; import reads the languages from the file itself. */
export const xliffFileName = (slug: string, locale: string) => `${slug}.${locale}.xlf`;
