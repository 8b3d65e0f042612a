import { matchKey } from '../normalize/typography.ts';
import { codeSignature, type InlineCode } from './inline.ts';
import type { TmxDocument, TranslationUnit } from './tmx.ts';

export interface MemoryProblem {
  file: string;
  line: number;
  column: number;
  severity: 'warning' | 'info';
  ruleId: string;
  message: string;
}

export interface PairStats {
  source: string;
  target: string;
  /** Units holding both languages. */
  units: number;
  /** Distinct sources with a non-empty target: what a lookup can return. */
  usable: number;
}

export interface MemoryStats {
  units: number;
  /** Units per language tag. */
  languages: Record<string, number>;
  pairs: PairStats[];
  duplicates: {
    /** Same source and same target again. */
    identical: number;
    /** Same source, another target: the newer unit (changedate) is used. */
    conflicting: number;
  };
  /** Inline codes by kind (`bpt`, `ept`, `it`, `ph`, `ut`, `hi`) and in all. */
  codes: Record<string, number>;
  problems: MemoryProblem[];
}

export interface MemoryFile {
  file: string;
  document: TmxDocument;
}

/**
 * What a set of memories holds and what is wrong with it, as `pressroom tm stats` prints it. The source
 * of each unit is the header's srclang (or `from`); with `*all*` every language of a unit is a source.
 */
export function memoryStats(files: readonly MemoryFile[], from?: string): MemoryStats {
  const languages: Record<string, number> = {};
  const codes: Record<string, number> = { total: 0 };
  const pairs = new Map<string, PairStats & { seen: Map<string, { target: string; unit: TranslationUnit }> }>();
  const problems: MemoryProblem[] = [];
  let units = 0;
  let identical = 0;
  let conflicting = 0;
  const problem = (unit: TranslationUnit, severity: MemoryProblem['severity'], ruleId: string, message: string) =>
    problems.push({ file: unit.file, line: unit.line, column: unit.column ?? 1, severity, ruleId, message });

  for (const { document } of files) {
    const declared = from ?? document.srclang;
    for (const unit of document.units) {
      units += 1;
      for (const lang of unit.variants.keys()) languages[lang] = (languages[lang] ?? 0) + 1;
      for (const list of unit.codes?.values() ?? []) {
        for (const code of list) {
          codes[code.kind] = (codes[code.kind] ?? 0) + 1;
          codes.total! += 1;
        }
      }
      for (const [lang, text] of unit.variants)
        if (text.trim() === '')
          problem(unit, 'warning', 'tm:empty-segment', `Unexpected empty <seg> for ${lang} in unit “${unit.id}”, expected text`);
      for (const lang of new Set(unit.repeated))
        problem(
          unit,
          'warning',
          'tm:repeated-language',
          `Unexpected second <tuv> for ${lang} in unit “${unit.id}”, expected one per language; the first is used`,
        );
      if (unit.variants.size < 2)
        problem(
          unit,
          'warning',
          'tm:single-variant',
          `Unexpected unit “${unit.id}” with one language, expected a source and a translation`,
        );
      const sources = declared === '*all*' ? [...unit.variants.keys()] : [sourceTag(unit, declared)].filter((tag) => tag !== undefined);
      if (sources.length === 0) {
        problem(
          unit,
          'warning',
          'tm:no-source',
          `Unexpected unit “${unit.id}” without a ${declared} variant, expected the source language the header names`,
        );
        continue;
      }
      for (const source of sources) {
        const sourceText = unit.variants.get(source)!;
        for (const [target, targetText] of unit.variants) {
          if (target === source) continue;
          const key = `${source}\u0000${target}`;
          let pair = pairs.get(key);
          if (!pair) pairs.set(key, (pair = { source, target, units: 0, usable: 0, seen: new Map() }));
          pair.units += 1;
          if (sourceText.trim() === '' || targetText.trim() === '') continue;
          checkCodes(unit, source, target, problem);
          const normalised = matchKey(sourceText);
          const earlier = pair.seen.get(normalised);
          if (!earlier) {
            pair.seen.set(normalised, { target: targetText, unit });
            pair.usable += 1;
          } else if (matchKey(earlier.target) === matchKey(targetText)) identical += 1;
          else {
            conflicting += 1;
            const newer = (unit.changed ?? '') >= (earlier.unit.changed ?? '');
            const [kept, dropped] = newer ? [unit, earlier.unit] : [earlier.unit, unit];
            problem(
              dropped,
              'warning',
              'tm:conflict',
              `Unexpected second ${target} translation of the same ${source} source (also at ${kept.file}:${kept.line}), expected one; the newer unit “${kept.id}” (${kept.changed ?? 'no date'}) is used`,
            );
            if (newer) pair.seen.set(normalised, { target: targetText, unit });
          }
        }
      }
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return {
    units,
    languages: Object.fromEntries(Object.entries(languages).sort(([a], [b]) => a.localeCompare(b))),
    pairs: [...pairs.values()]
      .map(({ source, target, units: count, usable }) => ({ source, target, units: count, usable }))
      .sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
    duplicates: { identical, conflicting },
    codes,
    problems,
  };
}

/** The unit's variant for `lang`: the tag itself, else a regional variant of it (en-GB for en). */
function sourceTag(unit: TranslationUnit, lang: string): string | undefined {
  if (unit.variants.has(lang)) return lang;
  const primary = lang.split('-')[0]!.toLowerCase();
  return [...unit.variants.keys()].find((tag) => tag.split('-')[0]!.toLowerCase() === primary);
}

function checkCodes(
  unit: TranslationUnit,
  source: string,
  target: string,
  problem: (unit: TranslationUnit, severity: MemoryProblem['severity'], ruleId: string, message: string) => void,
): void {
  const sourceCodes = unit.codes?.get(source) ?? [];
  const targetCodes = unit.codes?.get(target) ?? [];
  for (const [lang, list] of [
    [source, sourceCodes],
    [target, targetCodes],
  ] as const) {
    const unpaired = unpairedCodes(list);
    if (unpaired.length > 0)
      problem(
        unit,
        'warning',
        'tm:unpaired-code',
        `Unexpected ${unpaired.join(', ')} without its partner in the ${lang} variant of unit “${unit.id}”, expected <bpt i="n"> and <ept i="n"> in pairs`,
      );
  }
  const expected = codeSignature(sourceCodes.filter((code) => code.kind !== 'hi'));
  const actual = codeSignature(targetCodes.filter((code) => code.kind !== 'hi'));
  if (expected !== actual)
    problem(
      unit,
      'info',
      'tm:code-mismatch',
      `Unexpected inline codes “${actual || 'none'}” in the ${target} variant of unit “${unit.id}”, expected the source’s “${expected || 'none'}” (a match is penalised)`,
    );
}

function unpairedCodes(codes: readonly InlineCode[]): string[] {
  const open = new Map<string, number>();
  for (const code of codes) {
    const i = code.attributes.i;
    if (i === undefined || (code.kind !== 'bpt' && code.kind !== 'ept')) continue;
    open.set(i, (open.get(i) ?? 0) + (code.kind === 'bpt' ? 1 : -1));
  }
  return [...open].filter(([, balance]) => balance !== 0).map(([i, balance]) => (balance > 0 ? `<bpt i="${i}">` : `<ept i="${i}">`));
}
