import { escapeXml as esc, type Inline, type State, type Unit, type XliffFile } from './model.ts';

/** XLIFF 1.2 `target@state` for each of our states (what Weblate and Translate Toolkit understand). */
const STATE_12: Record<State, string> = { initial: 'needs-translation', translated: 'translated', reviewed: 'signed-off', final: 'final' };

/** Serialises by hand: every text and attribute value goes through one escaper, and no pretty-printing touches content. */
export function writeXliff(file: XliffFile): string {
  return file.version === '2.1' ? write21(file) : write12(file);
}

/** Inline codes as each version spells them: 1.2 `g`/`x`, 2.x `pc`/`ph`. */
const CODES = {
  '1.2': { pair: 'g', placeholder: 'x' },
  '2.1': { pair: 'pc', placeholder: 'ph' },
} as const;

function inline(content: readonly Inline[], version: keyof typeof CODES): string {
  const { pair, placeholder } = CODES[version];
  const write = (part: Inline) => {
    if (part.kind === 'text') return esc(part.text);
    if (part.kind === 'ph') return `<${placeholder} id="${esc(part.id)}"/>`;
    return part.kind === 'open' ? `<${pair} id="${esc(part.id)}">` : `</${pair}>`;
  };
  return content.map(write).join('');
}

function write12(file: XliffFile): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="${esc(file.original)}" source-language="${esc(file.sourceLang)}" target-language="${esc(file.targetLang)}" datatype="plaintext">`,
    '    <header><tool tool-id="pressroom" tool-name="pressroom"/></header>',
    '    <body>',
  ];
  for (const unit of file.units) {
    // approved="yes" is how Translate Toolkit and Weblate tell a finished translation from one to review.
    const approved = unit.state === 'reviewed' || unit.state === 'final' ? ' approved="yes"' : '';
    lines.push(`      <trans-unit id="${esc(unit.id)}"${unit.translate ? '' : ' translate="no"'}${approved} xml:space="preserve">`);
    lines.push(`        <source xml:lang="${esc(file.sourceLang)}">${inline(unit.source, '1.2')}</source>`);
    if (unit.target) {
      const prefilled = unit.translate && unit.state === 'initial';
      const state = !prefilled
        ? ` state="${STATE_12[unit.state]}"`
        : unit.review
          ? ' state="needs-review-translation"'
          : ' state="needs-review-translation" state-qualifier="fuzzy-match"';
      lines.push(`        <target xml:lang="${esc(file.targetLang)}"${state}>${inline(unit.target, '1.2')}</target>`);
    }
    for (const note of unit.notes) lines.push(`        <note from="${esc(note.from)}">${esc(note.text)}</note>`);
    if (unit.terms.length > 0) lines.push(`        <note from="glossary">${esc(termNote(unit))}</note>`);
    for (const match of unit.suggestions) {
      lines.push(`        <alt-trans match-quality="${Math.round(match.score)}" origin="${esc(match.origin)}">`);
      lines.push(`          <source xml:lang="${esc(file.sourceLang)}">${esc(match.source)}</source>`);
      lines.push(`          <target xml:lang="${esc(file.targetLang)}">${esc(match.target)}</target>`);
      lines.push('        </alt-trans>');
    }
    lines.push('      </trans-unit>');
  }
  lines.push('    </body>', '  </file>', '</xliff>', '');
  return lines.join('\n');
}

function termNote(unit: Unit): string {
  return `Glossary: ${unit.terms
    .map((term) => `${term.source} → ${term.target}${term.avoid.length > 0 ? ` (not: ${term.avoid.join(', ')})` : ''}`)
    .join('; ')}`;
}

function write21(file: XliffFile): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" version="2.1" srcLang="${esc(file.sourceLang)}" trgLang="${esc(file.targetLang)}">`,
    `  <file id="f1" original="${esc(file.original)}">`,
  ];
  for (const unit of file.units) {
    lines.push(`    <unit id="${esc(unit.id)}"${unit.translate ? '' : ' translate="no"'}>`);
    if (unit.suggestions.length > 0) {
      lines.push('      <mtc:matches>');
      unit.suggestions.forEach((match, index) => {
        // The matches module bounds similarity at 100: a context match (101) goes out as 100.
        lines.push(
          `        <mtc:match id="m${index + 1}" ref="#s1" type="tm" similarity="${Math.min(100, Math.round(match.score))}" origin="${esc(match.origin)}">`,
          `          <source>${esc(match.source)}</source>`,
          `          <target>${esc(match.target)}</target>`,
          '        </mtc:match>',
        );
      });
      lines.push('      </mtc:matches>');
    }
    if (unit.terms.length > 0) {
      lines.push('      <gls:glossary>');
      for (const term of unit.terms) {
        lines.push('        <gls:glossEntry>', `          <gls:term>${esc(term.source)}</gls:term>`);
        lines.push(`          <gls:translation>${esc(term.target)}</gls:translation>`);
        if (term.avoid.length > 0) lines.push(`          <gls:definition>Not: ${esc(term.avoid.join(', '))}</gls:definition>`);
        lines.push('        </gls:glossEntry>');
      }
      lines.push('      </gls:glossary>');
    }
    if (unit.notes.length > 0) {
      lines.push('      <notes>');
      for (const note of unit.notes) lines.push(`        <note category="${esc(note.from)}">${esc(note.text)}</note>`);
      lines.push('      </notes>');
    }
    lines.push(`      <segment id="s1" state="${unit.state}">`);
    lines.push(`        <source xml:space="preserve">${inline(unit.source, '2.1')}</source>`);
    if (unit.target) lines.push(`        <target xml:space="preserve">${inline(unit.target, '2.1')}</target>`);
    lines.push('      </segment>', '    </unit>');
  }
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}
