import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.ts';
import { languageColumn } from './languages.ts';
import {
  defined,
  termStatus,
  type Concept,
  type GlossaryReadOptions,
  type OnGlossaryProblem,
  type Term,
  type TermStatus,
} from './types.ts';

/** Columns that are not languages (matched without regard to case); docs/terminology.md describes them. */
const FIELDS = ['id', 'subject', 'status', 'note', 'definition', 'partofspeech', 'termtype'] as const;
type Field = (typeof FIELDS)[number];
/** The columns as docs/terminology.md spells them, for messages. */
const FIELD_NAMES = ['id', 'subject', 'status', 'note', 'definition', 'partOfSpeech', 'termType'];

interface CsvRecord {
  record: Record<string, string>;
  raw: string;
  info: { lines: number };
}

/**
 * A spreadsheet glossary (CSV, or TSV when the file ends in .tsv or its header has tabs): a header row,
 * then one row per concept — or per term, rows with the same `id` being one concept. A column per
 * language (`en,ru,ky`) and optional `id`, `subject`, `status`, `note`, `definition`, `partOfSpeech`,
 * `termType`. Variants go in the same cell separated by `|`; a variant prefixed with `!` is deprecated,
 * with `~` admitted (`Kyrgyzstan|!Kirghizia`); otherwise the row's `status` applies (default preferred).
 * Quoted fields may hold commas, doubled quotes and line breaks; a BOM is ignored.
 */
export function parseGlossaryCsv(text: string, file: string, onProblem?: OnGlossaryProblem, options: GlossaryReadOptions = {}): Concept[] {
  // Spreadsheets save CRLF; one line ending keeps line numbers (and notes with line breaks) right.
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // Excel's `sep=;` line names the delimiter; blanked (not removed) so that every line keeps its number.
  const separator = /^sep=([,;\t|])\n/i.exec(body)?.[1];
  if (separator) body = `\n${body.slice(body.indexOf('\n') + 1)}`;
  const headerLine = separator ? 2 : 1;
  const headerStart = separator ? 1 : 0;
  const firstLine = body.slice(headerStart, body.indexOf('\n', headerStart) === -1 ? body.length : body.indexOf('\n', headerStart));
  const delimiter = separator ?? (/\.tsv$/i.test(file) ? '\t' : sniffDelimiter(firstLine));
  let rows: CsvRecord[];
  try {
    rows = parse(body, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      delimiter,
      info: true,
      raw: true,
      relax_quotes: true,
    });
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
  const header = Object.keys(rows[0]!.record);
  const fields = new Map<Field, string>();
  const languageColumns: [column: string, tag: string][] = [];
  for (const column of header) {
    const field = fieldOf(column);
    if (field) {
      fields.set(field, column);
      continue;
    }
    // A delimiter after the last header (as spreadsheets save a sheet with an empty column) names nothing.
    if (column.trim() === '' && rows.every(({ record }) => !record[column])) continue;
    const place = { line: headerLine, column: firstLine.indexOf(column) + 1 || 1 };
    const language = languageColumn(languageOfName(column) ?? column, options.locales);
    if (language.kind === 'unknown') {
      // A misspelt field (`statu`, `notes`) read as a language would turn every cell into a term.
      const near = nearestField(column);
      const message = `Unexpected column “${column}”${near ? ` (did you mean “${near}”?)` : ''}, expected one of the columns ${FIELD_NAMES.join(', ')} or a language tag such as ${options.locales?.length ? options.locales.join(', ') : 'en, ru, ky'}${language.why ? `; ${language.why}` : ''}`;
      if (!onProblem) throw new InputError(file, place, message);
      // Lint goes on without the column, so that one misspelt header does not hide the file's other problems.
      onProblem({ file, ...place, severity: 'error', ruleId: 'glossary:unknown-column', message });
      continue;
    }
    if (language.kind === 'foreign')
      onProblem?.({
        file,
        ...place,
        severity: 'warning',
        ruleId: 'glossary:unknown-locale',
        message: `Unexpected language column “${column}” (${language.name}), expected one of the project's locales ${options.locales!.join(', ')}; its terms are never used`,
      });
    languageColumns.push([column, language.tag]);
  }
  const cell = (row: Record<string, string>, field: Field) => {
    const column = fields.get(field);
    return (column === undefined ? '' : row[column]) || undefined;
  };

  const concepts = new Map<string, Concept>();
  for (const { record, raw, info } of rows) {
    // info.lines is the record's last line; a quoted line break inside it moves its start up.
    const line = info.lines - (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0);
    const cells = cellStarts(raw, delimiter);
    const placeOf = (column: string | undefined) => {
      const start = column === undefined ? undefined : cells[header.indexOf(column)];
      return start ? { line: line + start.line, column: start.column } : { line, column: 1 };
    };
    const statusText = cell(record, 'status');
    const known = statusText === undefined ? undefined : termStatus(statusText);
    if (statusText !== undefined && !known)
      onProblem?.({
        file,
        ...placeOf(fields.get('status')),
        severity: 'error',
        ruleId: 'glossary:unknown-status',
        message: `Unexpected status “${statusText}”, expected preferred, admitted, deprecated or superseded`,
      });
    const rowStatus = { status: known?.status ?? 'preferred', name: known?.name ?? statusText ?? 'preferred' };
    const id = cell(record, 'id') ?? `row-${line}`;
    let concept = concepts.get(id);
    if (!concept) {
      concept = { id, subject: cell(record, 'subject'), terms: new Map(), file, ...placeOf(fields.get('id')) };
      concepts.set(id, concept);
    }
    for (const [column, tag] of languageColumns) {
      const value = record[column] ?? '';
      if (!value) continue;
      const place = placeOf(column);
      const list = concept.terms.get(tag) ?? [];
      for (const variant of value.split('|')) {
        const term = parseVariant(variant.trim(), rowStatus);
        if (!term.text) {
          const message = `Unexpected empty term in the ${column} column of “${value}”, expected text between the | separators`;
          if (onProblem) onProblem({ file, ...place, severity: 'error', ruleId: 'glossary:empty-term', message });
          continue;
        }
        list.push({
          ...term,
          termType: cell(record, 'termtype'),
          ...place,
          ...defined({ partOfSpeech: cell(record, 'partofspeech'), definition: cell(record, 'definition'), note: cell(record, 'note') }),
        });
      }
      concept.terms.set(tag, list);
    }
  }
  return [...concepts.values()];
}

/**
 * Where each cell of a raw record starts, as a line offset within the record and a 1-based column: the
 * delimiters outside quotes split it (a quoted cell may hold delimiters, doubled quotes and line breaks).
 */
function cellStarts(raw: string, delimiter: string): { line: number; column: number }[] {
  const starts = [{ line: 0, column: 1 }];
  let line = 0;
  let lineStart = 0;
  let cellStart = 0;
  let quoted = false;
  for (let at = 0; at < raw.length; at += 1) {
    const character = raw[at];
    if (quoted) {
      if (character === '"' && raw[at + 1] === '"') at += 1;
      else if (character === '"') quoted = false;
      else if (character === '\n') {
        line += 1;
        lineStart = at + 1;
      }
    } else if (character === '"' && at === cellStart) quoted = true;
    // Spaces before an opening quote are trimmed, as the reader trims them.
    else if (character === ' ' && at === cellStart) cellStart += 1;
    else if (character === '\n') break;
    else if (character === delimiter) {
      starts.push({ line, column: at + 2 - lineStart });
      cellStart = at + 1;
    }
  }
  return starts;
}

function parseVariant(text: string, row: { status: TermStatus; name: string }): Term {
  if (text.startsWith('!')) return { text: text.slice(1).trim(), status: 'deprecated', termType: undefined, statusName: 'deprecated' };
  if (text.startsWith('~')) return { text: text.slice(1).trim(), status: 'admitted', termType: undefined, statusName: 'admitted' };
  return { text, status: row.status, termType: undefined, statusName: row.name };
}

/**
 * The delimiter of the header line: a comma, or the semicolon spreadsheets write where the comma is the
 * decimal separator, or a tab — whichever occurs most outside quotes (a comma on a tie).
 */
function sniffDelimiter(line: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best = ',';
  for (const [candidate, count] of counts) if (count > counts.get(best)!) best = candidate;
  return best;
}

/**
 * Other names tools and people give the known columns (as written without case, spaces, `_` or `-`).
 * `notes` stays an error with a suggestion (test/locale-validation.test.ts): one letter off a known name.
 */
const ALIASES: Record<string, Field> = {
  conceptid: 'id',
  entryid: 'id',
  subjectfield: 'subject',
  domain: 'subject',
  termstatus: 'status',
  administrativestatus: 'status',
  comment: 'note',
  comments: 'note',
  remark: 'note',
  remarks: 'note',
  description: 'definition',
  pos: 'partofspeech',
};

function fieldOf(column: string): Field | undefined {
  const key = column.toLowerCase().replace(/[\s_-]+/g, '');
  return FIELDS.find((name) => name === key) ?? (Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined);
}

let languageNames: Map<string, string> | undefined;
let regionNames: Map<string, string> | undefined;

/**
 * The tag a header names in words, as spreadsheet exports head their columns: a language's English or
 * own name (`Russian`, `русский`, `Kyrgyz`), optionally with a region (`English (United States)`,
 * `Russian (RU)`); a Java-style tag (`en_US`) too. Undefined for anything else, a tag included.
 */
function languageOfName(column: string): string | undefined {
  const text = column.trim();
  if (/^[A-Za-z]{2,3}_[A-Za-z]{2}$/.test(text)) return text.replace('_', '-');
  const match = /^([^()]{2,40}?)\s*(?:\(([^()]{2,40})\))?$/u.exec(text);
  if (!match) return undefined;
  if (!languageNames) {
    // Built once, on the first header that is not a tag: English and own names of the two-letter languages.
    languageNames = new Map();
    regionNames = new Map();
    const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let first = 97; first <= 122; first += 1)
      for (let second = 97; second <= 122; second += 1) {
        const code = String.fromCharCode(first, second);
        const region = regions.of(code.toUpperCase());
        if (region) regionNames.set(region.toLowerCase(), code.toUpperCase());
        const name = english.of(code);
        if (!name) continue;
        languageNames.set(name.toLowerCase(), code);
        const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
        if (own && !languageNames.has(own.toLowerCase())) languageNames.set(own.toLowerCase(), code);
      }
  }
  const language = languageNames.get(match[1]!.toLowerCase());
  if (!language) return undefined;
  const regionText = match[2]?.trim();
  if (regionText === undefined) return language;
  const region = /^[A-Za-z]{2}$/.test(regionText) ? regionText.toUpperCase() : regionNames!.get(regionText.toLowerCase());
  return region ? `${language}-${region}` : undefined;
}

/** The known column one or two edits away from a header (`statu`, `notes`, `Subjekt`), if any. */
function nearestField(column: string): string | undefined {
  const key = column.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const [index, field] of FIELDS.entries()) {
    const distance = editDistance(key, field);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: FIELD_NAMES[index]!, distance };
  }
  return best?.name;
}

/** Levenshtein distance; headers are short, so the quadratic table is nothing. */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
