import type { Concept, Term } from './types.ts';

export type GlossaryFormat = 'tbx2008' | 'tbx2019' | 'csv' | 'tsv';
export const GLOSSARY_FORMATS: readonly GlossaryFormat[] = ['tbx2008', 'tbx2019', 'csv', 'tsv'];

export interface ExportOptions {
  /** Language order of the output: these first (the source language, then the project's locales), the rest by tag. */
  languages?: readonly string[];
  /** Free text for the TBX header (what the glossary is). */
  title?: string;
}

export interface GlossaryExport {
  text: string;
  /** What the format cannot carry, once per kind, with a count: said to the user, never silently dropped. */
  dropped: string[];
}

/** Why a glossary cannot be written in a format at all (a term the CSV reader would read as two). */
export class GlossaryExportError extends Error {
  override name = 'GlossaryExportError';
  constructor(
    message: string,
    readonly concept: Concept,
    readonly term: Term,
  ) {
    super(message);
  }
}

/**
 * The concepts in one of the formats translators load into a CAT tool (docs/terminology.md, "Export"):
 * - `tbx2019`: the project's own dialect (ISO 30042:2019 TBX-Basic, DCA: conceptEntry/langSec/termSec);
 * - `tbx2008`: ISO 30042:2008 `martif` (termEntry/langSet/tig), what Translate Toolkit, OmegaT and most
 *   older tools read;
 * - `csv`/`tsv`: the columns the CSV reader takes, one row per group of terms sharing status, notes and
 *   part of speech, so that reading the file back gives the same concepts.
 * Deterministic: the same concepts give the same bytes (no date, concepts and terms in their order).
 */
export function exportGlossary(concepts: readonly Concept[], format: GlossaryFormat, options: ExportOptions = {}): GlossaryExport {
  const languages = languageOrder(concepts, options.languages ?? []);
  switch (format) {
    case 'tbx2008':
    case 'tbx2019':
      return { text: writeTbx(concepts, format, languages, options.title), dropped: [] };
    case 'csv':
    case 'tsv':
      return writeCsv(concepts, format === 'csv' ? ',' : '\t', languages);
  }
}

function languageOrder(concepts: readonly Concept[], first: readonly string[]): string[] {
  const present = new Set(concepts.flatMap((concept) => [...concept.terms].filter(([, terms]) => terms.length > 0).map(([lang]) => lang)));
  const ordered = first.filter((lang, index) => present.has(lang) && first.indexOf(lang) === index);
  return [...ordered, ...[...present].filter((lang) => !ordered.includes(lang)).sort()];
}

// ---------------------------------------------------------------------------------------------------------
// TBX

const ADMIN_STATUS: Record<string, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
  superseded: 'supersededTerm-admn-sts',
};

const adminStatus = (term: Term) => ADMIN_STATUS[term.statusName ?? ''] ?? ADMIN_STATUS[term.status]!;

function writeTbx(concepts: readonly Concept[], format: 'tbx2008' | 'tbx2019', languages: readonly string[], title?: string): string {
  const v2 = format === 'tbx2008';
  const [entry, langSec, termSec] = v2 ? ['termEntry', 'langSet', 'tig'] : ['conceptEntry', 'langSec', 'termSec'];
  const source = languages[0] ?? 'en';
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const description = title ?? 'pressroom glossary';
  if (v2) {
    // The DTD is named, as TBX 2008 files do, not fetched: readers of martif expect the declaration.
    out.push('<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">');
    out.push(`<martif type="TBX-Basic" xml:lang="${attr(source)}">`);
    out.push('  <martifHeader>');
    out.push(`    <fileDesc><sourceDesc><p>${text(description)}</p></sourceDesc></fileDesc>`);
    out.push('    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>');
    out.push('  </martifHeader>');
  } else {
    out.push(`<tbx type="TBX-Basic" style="dca" xml:lang="${attr(source)}" xmlns="urn:iso:std:iso:30042:ed-2">`);
    out.push('  <tbxHeader>');
    out.push(`    <fileDesc><sourceDesc><p>${text(description)}</p></sourceDesc></fileDesc>`);
    out.push('  </tbxHeader>');
  }
  out.push('  <text>', '    <body>');
  for (const concept of concepts) {
    out.push(`      <${entry} id="${attr(concept.id)}">`);
    if (concept.subject) out.push(`        <descrip type="subjectField">${text(concept.subject)}</descrip>`);
    if (concept.definition) out.push(`        <descrip type="definition">${text(concept.definition)}</descrip>`);
    for (const lang of languages) {
      const terms = concept.terms.get(lang) ?? [];
      if (terms.length === 0) continue;
      out.push(`        <${langSec} xml:lang="${attr(lang)}">`);
      // One definition for every term of the language is the language's; otherwise each term keeps its own.
      const definitions = new Set(terms.map((term) => term.definition));
      const shared = definitions.size === 1 ? terms[0]!.definition : undefined;
      if (shared) out.push(`          <descrip type="definition">${text(shared)}</descrip>`);
      for (const term of terms) {
        out.push(`          <${termSec}>`);
        out.push(`            <term>${text(term.text)}</term>`);
        if (term.partOfSpeech) out.push(`            <termNote type="partOfSpeech">${text(term.partOfSpeech)}</termNote>`);
        if (term.termType) out.push(`            <termNote type="termType">${text(term.termType)}</termNote>`);
        out.push(`            <termNote type="administrativeStatus">${adminStatus(term)}</termNote>`);
        if (term.definition && !shared) out.push(`            <descrip type="definition">${text(term.definition)}</descrip>`);
        if (term.context) out.push(`            <descrip type="context">${text(term.context)}</descrip>`);
        if (term.note) out.push(`            <note>${text(term.note)}</note>`);
        out.push(`          </${termSec}>`);
      }
      out.push(`        </${langSec}>`);
    }
    out.push(`      </${entry}>`);
  }
  out.push('    </body>', '  </text>', v2 ? '</martif>' : '</tbx>', '');
  return out.join('\n');
}

// Line breaks are written as line feeds, as any XML parser reads them back; characters XML 1.0 cannot carry
// are dropped rather than written into a file no reader accepts.
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids, and lone surrogates
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const text = (value: string) =>
  value
    .replace(NOT_XML, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[&<>"]/g, (char) => XML_ESCAPES[char]!);
/** Attribute values (ids, language tags) are one line: a parser would fold a break into a space anyway. */
const attr = (value: string) => text(value).replace(/[\n\t]/g, ' ');

// ---------------------------------------------------------------------------------------------------------
// CSV and TSV

interface Row {
  key: string;
  fields: { status: string; partOfSpeech?: string; termType?: string; definition?: string; note?: string };
  cells: Map<string, string[]>;
}

const OPTIONAL = ['partOfSpeech', 'termType', 'definition', 'note'] as const;

function writeCsv(concepts: readonly Concept[], delimiter: string, languages: readonly string[]): GlossaryExport {
  const rows: { concept: Concept; row: Row }[] = [];
  let contexts = 0;
  let entryDefinitions = 0;
  for (const concept of concepts) {
    if (concept.definition) entryDefinitions += 1;
    const own: Row[] = [];
    for (const lang of languages) {
      // Rows shared by the languages; a language only moves forward through them, so that reading the file
      // back lists its terms in the same order.
      let at = 0;
      for (const term of concept.terms.get(lang) ?? []) {
        if (term.context) contexts += 1;
        if (/\|/.test(term.text) || /^[!~]/.test(term.text))
          throw new GlossaryExportError(
            `Cannot write “${term.text}” (${lang}, concept “${concept.id}”) as CSV: the reader takes | as a variant separator and a leading ! or ~ as a status; export as TBX`,
            concept,
            term,
          );
        const fields = {
          status: term.statusName && ADMIN_STATUS[term.statusName] ? term.statusName : term.status,
          ...(term.partOfSpeech ? { partOfSpeech: term.partOfSpeech } : {}),
          ...(term.termType ? { termType: term.termType } : {}),
          ...(term.definition ? { definition: term.definition } : {}),
          ...(term.note ? { note: term.note } : {}),
        };
        const key = JSON.stringify([fields.status, ...OPTIONAL.map((name) => fields[name] ?? '')]);
        let index = own.findIndex((row, i) => i >= at && row.key === key);
        if (index < 0) index = own.push({ key, fields, cells: new Map() }) - 1;
        at = index;
        const cell = own[index]!.cells.get(lang) ?? [];
        cell.push(term.text);
        own[index]!.cells.set(lang, cell);
      }
    }
    // A concept without terms still has its row: the reader makes a concept of it.
    if (own.length === 0) own.push({ key: '', fields: { status: 'preferred' }, cells: new Map() });
    for (const row of own) rows.push({ concept, row });
  }

  const optional = OPTIONAL.filter((name) => rows.some(({ row }) => row.fields[name] !== undefined));
  const subject = concepts.some((concept) => concept.subject);
  const header = ['id', ...(subject ? ['subject'] : []), ...languages, 'status', ...optional];
  const lines = [header.map((cell) => csvCell(cell, delimiter)).join(delimiter)];
  for (const { concept, row } of rows) {
    const cells = [
      concept.id,
      ...(subject ? [concept.subject ?? ''] : []),
      ...languages.map((lang) => (row.cells.get(lang) ?? []).join('|')),
      row.fields.status,
      ...optional.map((name) => row.fields[name] ?? ''),
    ];
    lines.push(cells.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  }
  const dropped = [
    ...(contexts
      ? [`${contexts} context sentence${contexts === 1 ? '' : 's'} (TBX descrip type="context"): CSV has no column for them`]
      : []),
    ...(entryDefinitions
      ? [`${entryDefinitions} concept-level definition${entryDefinitions === 1 ? '' : 's'}: CSV has a definition per row of terms only`]
      : []),
  ];
  return { text: lines.join('\n') + '\n', dropped };
}

/** RFC 4180 quoting: a cell with the delimiter, a quote, a line break or edge spaces (the reader trims) is quoted. */
function csvCell(value: string, delimiter: string): string {
  const clean = value.replace(NOT_XML, '');
  return clean.includes(delimiter) || /["\r\n]/.test(clean) || clean !== clean.trim() ? `"${clean.replace(/"/g, '""')}"` : clean;
}
