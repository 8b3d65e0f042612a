import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import type { Concept, Term, TermStatus } from './types.ts';

/**
 * A spreadsheet glossary: one row per concept, a column per language (`en,ru,ky`), optional `id`,
 * `subject`. Variants go in the same cell separated by `|`; a variant prefixed with `!` is deprecated,
 * with `~` admitted (`Kyrgyzstan|!Kirghizia`).
 */
export function parseGlossaryCsv(text: string, file: string): Concept[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (cause) {
    const line = typeof cause === 'object' && cause && 'lines' in cause ? Number((cause as { lines: number }).lines) : undefined;
    throw new InputError(
      file,
      line ? { line, column: 1 } : undefined,
      `Unexpected CSV: ${(cause as Error).message}; every row needs the same number of columns as the header`,
      { cause },
    );
  }
  if (rows.length === 0)
    throw new InputError(
      file,
      { line: 1, column: 1 },
      'Unexpected glossary without rows, expected a header such as “en,ru,ky” and one row per concept',
    );
  const header = Object.keys(rows[0] ?? {});
  const languageColumns = header.filter((column) => !['id', 'subject', 'note'].includes(column));
  for (const column of languageColumns) {
    if (!canonicalLocale(column))
      throw new InputError(
        file,
        { line: 1, column: 1 },
        `Unexpected column “${column}”, expected id, subject, note or a language tag such as en, ru, ky`,
      );
  }
  return rows.map((row, index): Concept => {
    const line = index + 2;
    const terms = new Map<string, Term[]>();
    for (const column of languageColumns) {
      const cell = row[column] ?? '';
      if (!cell) continue;
      terms.set(
        canonicalLocale(column)!,
        cell.split('|').map((variant) => parseVariant(variant.trim())),
      );
    }
    return { id: row.id || `row-${line}`, subject: row.subject || undefined, terms, file, line };
  });
}

function parseVariant(text: string): Term {
  const status: TermStatus = text.startsWith('!') ? 'deprecated' : text.startsWith('~') ? 'admitted' : 'preferred';
  return { text: status === 'preferred' ? text : text.slice(1).trim(), status, termType: undefined };
}
