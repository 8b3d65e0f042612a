import { canonicalLocale } from '../locale/resolve.ts';
import { canonical, codeSignature, numbersIn, parseUnitId, plainText, sourceHash, stateRank, type Inline, type State } from './model.ts';
import type { ReturnedFile, ReturnedUnit } from './read.ts';
import { createDiagnostic, type Diagnostic } from '../report/messages.ts';

/** What the project holds now for one exported unit position. */
export interface ProjectUnit {
  id: string;
  source: Inline[];
  /** Plain source text: the TM key. */
  sourceText: string;
  /** The translation the project publishes now, if any: what a read-only context unit must still say. */
  current: { text: string; state: State } | undefined;
  /** What the memory holds for this very source, published or not (a stale one too): new, updated or unchanged. */
  recorded?: { text: string; state: State } | undefined;
}

export interface Accepted {
  unitId: string;
  /** The project's segment id: the TMX tuid of a new unit. */
  segmentId: string;
  source: string;
  target: string;
  state: State;
  /** new: the memory had no translation of this source; updated: another text, or the same at a later state. */
  change: 'new' | 'updated';
  line: number;
  column: number;
}

export interface Rejected {
  unitId: string;
  line: number;
  /** The unit's column; a file-level rejection (wrong language) has none. */
  column?: number;
  reason: string;
  /** `xliff:<rule>`: unknown-unit, source-changed, source-edited, context-changed, wrong-language, codes, numbers, state-backward. */
  ruleId: string;
}

/**
 * A rejection as a diagnostic (report/messages.ts): the returned file and the unit's line, the unit id
 * leading the reason (`s12: unknown unit id…`) as import has always printed it.
 */
export function rejectedDiagnostic(file: string, rejected: Rejected, locale?: string): Diagnostic {
  return createDiagnostic({
    file,
    place: { line: rejected.line, column: rejected.column ?? 1 },
    severity: 'error',
    reason: `${rejected.unitId ? `${rejected.unitId}: ` : ''}${rejected.reason}`,
    ruleId: rejected.ruleId,
    locale,
  });
}

export interface Verdict {
  accepted: Accepted[];
  rejected: Rejected[];
  /** Units with no target yet, or a target marked as not ready (needs review): left for later. */
  pending: number;
  unchanged: number;
}

/**
 * Whether a returned file is for the languages expected, checked once for the whole file: a wrong
 * language is one mistake (the wrong file, or the wrong --locale), not one per unit. The source's region
 * aside (en-US serves en). A file that states no language (po2xliff writes no target-language) passes;
 * without `expected.sourceLang` (documents not read yet) only the target is checked.
 */
/**
 * Whether a returned file's language `written` is the `expected` locale or a regional form of it: Trados
 * and memoQ write ky-KG and ru-RU for a project exported for ky and ru.
 */
export function sameOrRegional(written: string, expected: string): boolean {
  const tag = canonicalLocale(written.replaceAll('_', '-'));
  const wanted = canonicalLocale(expected);
  return tag !== undefined && wanted !== undefined && (tag === wanted || tag.toLowerCase().startsWith(`${wanted.toLowerCase()}-`));
}

export function languageProblem(
  file: ReturnedFile,
  expected: { sourceLang?: string; targetLang: string; why: string },
): string | undefined {
  const [sourceAttr, targetAttr] = file.version === '1.2' ? ['source-language', 'target-language'] : ['srcLang', 'trgLang'];
  if (file.targetLang !== undefined && !sameOrRegional(file.targetLang, expected.targetLang))
    return `the file says ${targetAttr}="${file.targetLang}" but ${expected.why}; import it without --locale (the file’s language is used), or export a file for ${expected.targetLang}`;
  const base = (tag: string) => canonicalLocale(tag)?.split('-')[0];
  // Each document has its own language (issue 16): the direction is checked once the document is known.
  if (file.sourceLang !== undefined && expected.sourceLang !== undefined && base(file.sourceLang) !== base(expected.sourceLang))
    return `the file says ${sourceAttr}="${file.sourceLang}" but its document is written in ${expected.sourceLang}; this file was not exported from this document, export again`;
  return undefined;
}

/**
 * Decides, unit by unit, what a returned XLIFF may put into the memory. Pure: nothing is written here,
 * and the caller writes only when no unit of any file was rejected.
 */
export function validateReturn(
  file: ReturnedFile,
  expected: { sourceLang: string; targetLang: string; why: string },
  project: (slug: string, position: number) => ProjectUnit | undefined,
): Verdict {
  const wrong = languageProblem(file, expected);
  if (wrong)
    return {
      accepted: [],
      rejected: [{ unitId: '', line: file.line, reason: wrong, ruleId: 'xliff:wrong-language' }],
      pending: 0,
      unchanged: 0,
    };
  const verdict: Verdict = { accepted: [], rejected: [], pending: 0, unchanged: 0 };
  const reject = (unit: ReturnedUnit, reason: string, rule: string) =>
    verdict.rejected.push({ unitId: unit.id, line: unit.line, column: unit.column, reason, ruleId: `xliff:${rule}` });
  const same = (a: string | undefined, b: string) => sameOrRegional(a ?? '', b);
  for (const unit of file.units) {
    const parsed = parseUnitId(unit.id);
    const now = parsed && project(parsed.slug, parsed.position);
    if (!parsed || !now) {
      reject(unit, 'unknown unit id, expected one that `pressroom xliff export` wrote for this project; export again', 'unknown-unit');
      continue;
    }
    if (parsed.hash !== sourceHash(now.source)) {
      reject(unit, `the document’s source sentence changed since export (now “${now.sourceText}”); export again`, 'source-changed');
      continue;
    }
    const target = unit.target && plainText(unit.target).trim() !== '' ? unit.target : undefined;
    // Nothing to import from a unit without a ready target, whatever a converter did to it on the way.
    if (unit.translate && (!target || unit.state === undefined || unit.state === 'initial')) {
      verdict.pending += 1;
      continue;
    }
    if (sourceHash(unit.source) !== parsed.hash) {
      const flattened = plainText(unit.source) === plainText(now.source);
      reject(
        unit,
        flattened
          ? 'the inline codes of <source> are gone (a trip through PO drops them), expected them as exported; translate this unit in an XLIFF editor'
          : `<source> was edited (“${plainText(unit.source)}”), expected the exported source; translate in <target> only`,
        'source-edited',
      );
      continue;
    }
    if (!unit.translate) {
      if (target && now.current && canonical(target) !== canonical([{ kind: 'text', text: now.current.text }]))
        reject(unit, 'read-only context unit was changed (translate="no"); change it in its own export', 'context-changed');
      continue;
    }
    if (!target || unit.state === undefined) continue;
    if (unit.targetLang && !same(unit.targetLang, expected.targetLang)) {
      reject(unit, `target xml:lang “${unit.targetLang}”, expected “${expected.targetLang}”`, 'wrong-language');
      continue;
    }
    const codes = codeProblem(unit.source, target);
    const numbers = codes ? undefined : numberProblem(plainText(unit.source), plainText(target));
    const problem = codes ? { reason: codes, rule: 'codes' } : numbers ? { reason: numbers, rule: 'numbers' } : undefined;
    if (problem) {
      reject(unit, problem.reason, problem.rule);
      continue;
    }
    const text = plainText(target);
    const recorded = now.recorded;
    if (recorded && recorded.text === text && stateRank(recorded.state) >= stateRank(unit.state)) {
      verdict.unchanged += 1;
      continue;
    }
    if (recorded && stateRank(unit.state) < stateRank(recorded.state)) {
      reject(
        unit,
        `state moves backward from “${recorded.state}” to “${unit.stateName}”; a ${recorded.state} translation can only be replaced at the same state or later`,
        'state-backward',
      );
      continue;
    }
    verdict.accepted.push({
      unitId: unit.id,
      segmentId: now.id,
      source: now.sourceText,
      target: text,
      state: unit.state,
      change: recorded ? 'updated' : 'new',
      line: unit.line,
      column: unit.column,
    });
  }
  return verdict;
}

function codeProblem(source: readonly Inline[], target: readonly Inline[]): string | undefined {
  const want = codeSignature(source);
  const got = codeSignature(target);
  const missing = want.codes.filter((code) => !got.codes.includes(code));
  const extra = got.codes.filter((code) => !want.codes.includes(code));
  if (missing.length > 0)
    return `inline code ${missing.map(describe).join(', ')} missing from the target, expected every code of the source`;
  if (extra.length > 0) return `inline code ${extra.map(describe).join(', ')} in the target is not in the source`;
  if (!got.balanced) return 'inline codes in the target are not balanced, expected each pair to open and close in order';
  return undefined;
}

const describe = (code: string) => (code.startsWith('ph:') ? `placeholder ${code.slice(3)}` : `pair ${code.slice(5)}`);

function numberProblem(source: string, target: string): string | undefined {
  const left = numbersIn(target);
  for (const number of numbersIn(source)) {
    const at = left.indexOf(number);
    if (at < 0) return `number “${number}” of the source is missing from the target (“${target}”)`;
    left.splice(at, 1);
  }
  return undefined;
}
