import type { DocumentReport, LocaleTermUse, TermReport } from './build-report.ts';
import type { TermChange } from '../translate/translate-tree.ts';

export type { LocaleTermUse, TermReport };

/** Groups a translation's deprecated-term changes per concept, as the locale's report carries them. */
export function localeTermUses(changes: readonly TermChange[]): LocaleTermUse[] {
  const byConcept = new Map<string, LocaleTermUse>();
  for (const change of changes) {
    const use = byConcept.get(change.concept) ?? { concept: change.concept, term: change.term, deprecated: [], segments: [] };
    if (!use.deprecated.includes(change.deprecated)) use.deprecated.push(change.deprecated);
    const segment = use.segments.find((entry) => entry.segment === change.segment);
    if (segment) {
      segment.replaced += change.replaced;
      segment.kept ||= change.kept;
    } else use.segments.push({ segment: change.segment, replaced: change.replaced, kept: change.kept });
    byConcept.set(change.concept, use);
  }
  return [...byConcept.values()];
}

/** The build report's `terms`: every concept whose deprecated terms met a published translation, per locale. */
export function termReport(documents: readonly DocumentReport[]): TermReport[] {
  const entries = new Map<string, TermReport>();
  for (const document of documents) {
    for (const locale of document.locales) {
      for (const use of locale.glossary ?? []) {
        const key = `${use.concept}\u0000${locale.locale}`;
        const entry = entries.get(key) ?? {
          concept: use.concept,
          locale: locale.locale,
          term: use.term,
          deprecated: [],
          documents: [],
          replaced: 0,
          kept: 0,
          segments: [],
        };
        for (const deprecated of use.deprecated) if (!entry.deprecated.includes(deprecated)) entry.deprecated.push(deprecated);
        if (!entry.documents.includes(document.slug)) entry.documents.push(document.slug);
        for (const segment of use.segments) {
          entry.replaced += segment.replaced;
          if (segment.kept) entry.kept += 1;
          entry.segments.push({ document: document.slug, ...segment });
        }
        entries.set(key, entry);
      }
    }
  }
  return [...entries.values()].sort((a, b) => a.locale.localeCompare(b.locale) || a.concept.localeCompare(b.concept));
}

/** One line per concept and locale for the build's summary. */
export function formatTermReport(entry: TermReport): string {
  const segments = (count: number) => `${count} segment${count === 1 ? '' : 's'}`;
  const replacedIn = entry.segments.filter((segment) => segment.replaced > 0).length;
  const parts = [
    replacedIn > 0 ? `replaced in ${segments(replacedIn)}` : undefined,
    entry.kept > 0 ? `kept in ${segments(entry.kept)} (a form the glossary does not give; stale, export them for a translator)` : undefined,
  ].filter(Boolean);
  const use = entry.term ? `“${entry.term}”` : 'no current term';
  return `${entry.locale.padEnd(6)}${entry.deprecated.map((term) => `“${term}”`).join(', ')} → ${use}: ${parts.join(', ')}; ${entry.documents.length} document${entry.documents.length === 1 ? '' : 's'} (${entry.concept})`;
}
