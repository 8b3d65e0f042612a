import { canonicalLocale } from '../locale/resolve.ts';
import { canonical, codeSignature, numbersIn, parseUnitId, plainText, sourceHash, stateRank, type Inline, type State } from './model.ts';
import type { ReturnedFile } from './read.ts';

/** What the project holds now for one exported unit position. */
export interface ProjectUnit {
  id: string;
  source: Inline[];
  /** Plain source text: the TM key. */
  sourceText: string;
  /** The translation the project publishes now, if any, and the state the memory recorded for it. */
  current: { text: string; state: State } | undefined;
}

export interface Accepted {
  unitId: string;
  /** The project's segment id: the TMX tuid of a new unit. */
  segmentId: string;
  source: string;
  target: string;
  state: State;
}

export interface Rejected {
  unitId: string;
  line: number;
  reason: string;
}

export interface Verdict {
  accepted: Accepted[];
  rejected: Rejected[];
  /** Units with no target yet, or a target marked as not ready (needs review): left for later. */
  pending: number;
  unchanged: number;
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
  const verdict: Verdict = { accepted: [], rejected: [], pending: 0, unchanged: 0 };
  const reject = (unitId: string, line: number, reason: string) => verdict.rejected.push({ unitId, line, reason });
  const same = (a: string | undefined, b: string) => canonicalLocale(a ?? '') === canonicalLocale(b);
  // A file that does not state its languages (po2xliff writes no target-language) is taken at its name;
  // a stated language must match, the source's region aside (en-US serves en).
  if (file.targetLang !== undefined && !same(file.targetLang, expected.targetLang)) {
    for (const unit of file.units.filter((unit) => unit.translate))
      reject(unit.id, unit.line, `target language “${file.targetLang ?? '(none)'}”, expected “${expected.targetLang}” (${expected.why})`);
    return verdict;
  }
  if (
    file.sourceLang !== undefined &&
    canonicalLocale(file.sourceLang)?.split('-')[0] !== canonicalLocale(expected.sourceLang)?.split('-')[0]
  ) {
    for (const unit of file.units)
      reject(unit.id, unit.line, `source language “${file.sourceLang ?? '(none)'}”, expected “${expected.sourceLang}”`);
    return verdict;
  }
  for (const unit of file.units) {
    const parsed = parseUnitId(unit.id);
    const now = parsed && project(parsed.slug, parsed.position);
    if (!parsed || !now) {
      reject(unit.id, unit.line, 'unknown unit id, expected one that `pressroom xliff export` wrote for this project; export again');
      continue;
    }
    if (parsed.hash !== sourceHash(now.source)) {
      reject(unit.id, unit.line, `the document’s source sentence changed since export (now “${now.sourceText}”); export again`);
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
        unit.id,
        unit.line,
        flattened
          ? 'the inline codes of <source> are gone (a trip through PO drops them), expected them as exported; translate this unit in an XLIFF editor'
          : `<source> was edited (“${plainText(unit.source)}”), expected the exported source; translate in <target> only`,
      );
      continue;
    }
    if (!unit.translate) {
      if (target && now.current && canonical(target) !== canonical([{ kind: 'text', text: now.current.text }]))
        reject(unit.id, unit.line, 'read-only context unit was changed (translate="no"); change it in its own export');
      continue;
    }
    if (!target || unit.state === undefined) continue;
    if (unit.targetLang && !same(unit.targetLang, expected.targetLang)) {
      reject(unit.id, unit.line, `target xml:lang “${unit.targetLang}”, expected “${expected.targetLang}”`);
      continue;
    }
    const problem = codeProblem(unit.source, target) ?? numberProblem(plainText(unit.source), plainText(target));
    if (problem) {
      reject(unit.id, unit.line, problem);
      continue;
    }
    const text = plainText(target);
    if (now.current && now.current.text === text && stateRank(now.current.state) >= stateRank(unit.state)) {
      verdict.unchanged += 1;
      continue;
    }
    if (now.current && stateRank(unit.state) < stateRank(now.current.state)) {
      reject(
        unit.id,
        unit.line,
        `state moves backward from “${now.current.state}” to “${unit.stateName}”; a ${now.current.state} translation can only be replaced at the same state or later`,
      );
      continue;
    }
    verdict.accepted.push({ unitId: unit.id, segmentId: now.id, source: now.sourceText, target: text, state: unit.state });
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
