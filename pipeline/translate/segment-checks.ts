import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { TermSeverity } from '../config/defaults.ts';
import { checkSegmentTerms, type TermViolation } from '../glossary/check.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { matchKey } from '../normalize/typography.ts';
import { quoteText, type Reporter } from '../report/messages.ts';
import type { ContextVerdict } from '../tm/context.ts';
import type { Segment } from '../types.ts';

/** Every segment of a tree in document order, with its neighbours' sources, and the set of sources now in it. */
export function segmentPlaces(tree: Root): { places: Map<Segment, { prev: string; next: string }>; current: Set<string> } {
  const order: Segment[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'segment') order.push(node);
    else if ('children' in node) for (const child of node.children ?? []) visit(child as RootContent);
  };
  visit(tree);
  const places = new Map<Segment, { prev: string; next: string }>();
  order.forEach((segment, i) => places.set(segment, { prev: order[i - 1]?.source ?? '', next: order[i + 1]?.source ?? '' }));
  return { places, current: new Set(order.map((segment) => matchKey(segment.source))) };
}

// The matcher moved to tm/match.ts, shared with `tm lookup` and the XLIFF suggestions; re-exported for its callers here.
export { contextMatch, lookupSegment, type SegmentLookup } from '../tm/match.ts';

/** The warning for a stale segment: the source it was translated from, the source now, where the translation is. */
export function staleReason(segment: Segment, verdict: Extract<ContextVerdict, { kind: 'stale' }>): string {
  const where = `${verdict.unit.file}:${verdict.unit.line}`;
  return verdict.why === 'hash-mismatch'
    ? `Unexpected stale translation for segment ${segment.id}: the memory unit at ${where} records a source hash (${verdict.unit.hash}) that is not its source’s, expected the translation of “${segment.source}”; not published until a translator confirms it`
    : `Unexpected stale translation for segment ${segment.id}: translated from “${verdict.unit.source}” (${where}), the source now reads “${segment.source}”; not published until a translator updates it`;
}

/**
 * Runs the terminology checks (glossary/check.ts) on every published segment and reports each violation
 * at `severity` with the segment's id and place; "error" stops the build once all are reported. A
 * deprecated term the translate stage kept (term:deprecated-kept, what was published) is a violation too.
 */
export function reportTermViolations(
  segments: readonly Segment[],
  options: { glossary: Glossary; sourceLang: string; target: string; severity: TermSeverity },
  report: Reporter,
): TermViolation[] {
  const all: TermViolation[] = [];
  for (const segment of segments) {
    if (segment.lang !== options.target) continue;
    const target = toString(segment);
    for (const violation of checkSegmentTerms(options.glossary, {
      source: segment.source,
      target,
      sourceLang: options.sourceLang,
      targetLang: options.target,
    })) {
      all.push(violation);
      const reason = `${violation.message} in segment ${segment.id} ${quoteText(target)}`;
      const at = { ruleId: violation.rule, place: segment.position, segment: segment.id };
      if (options.severity === 'info') report.info(reason, at);
      else report.warn(reason, at);
    }
  }
  if (all.length > 0 && options.severity === 'error')
    report.fail(
      `Terminology: ${all.length} violation${all.length === 1 ? '' : 's'} in ${options.target} (termSeverity "error" or --strict); fix the translations or the glossary, or set termSeverity to "warning"`,
      { ruleId: 'term:violations', place: segments.find((segment) => segment.lang === options.target)?.position },
    );
  return all;
}
