import { InputError } from '../errors.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { attribute, children, elementPlaces, parseUntrustedXml, textOf } from '../util/xml.ts';
import { languageColumn } from './languages.ts';
import { defined, termStatus, type Concept, type GlossaryReadOptions, type OnGlossaryProblem, type Term } from './types.ts';

type XmlNode = ReturnType<typeof children>[number];

/**
 * TBX 2019 (ISO 30042:2019, DCA style: `conceptEntry`/`langSec`/`termSec`) and TBX 2008 (`martif`/
 * `termEntry`/`langSet` with `tig` or `ntig`/`termGrp`). Per term: `administrativeStatus` (or
 * `normativeAuthorization`), `partOfSpeech`, `termType`, `context` and `note`; per language or entry:
 * `definition`. With `onProblem` (glossary lint) an empty term or an unknown status is reported and the
 * read goes on; without it an empty term stops the read.
 */
export function parseTbx(text: string, file: string, onProblem?: OnGlossaryProblem, options: GlossaryReadOptions = {}): Concept[] {
  const root = parseUntrustedXml(text, file);
  // TBX-Min (LTAC's smallest dialect) has a root <TBX dialect="TBX-Min"> and <body> straight under it.
  const tbx = children(root, 'tbx')[0] ?? children(root, 'martif')[0] ?? children(root, 'TBX')[0];
  if (!tbx)
    throw new InputError(
      file,
      { line: 1, column: 1 },
      'Unexpected root element, expected <tbx> (TBX 2019), <martif> (TBX 2008) or <TBX> (TBX-Min); is this a TBX file?',
    );
  const body = children(children(tbx, 'text')[0], 'body')[0] ?? children(tbx, 'body')[0];
  const entries = [...children(body, 'conceptEntry'), ...children(body, 'termEntry')];
  const places = [...elementPlaces(text, 'conceptEntry'), ...elementPlaces(text, 'termEntry')];
  // <term> elements in document order, for the line of each term.
  const termPlaces = elementPlaces(text, 'term');
  let termIndex = 0;
  const holderOrder = holderKinds(text);
  let langSecIndex = 0;
  const languagesSeen = new Set<string>();
  return entries.map((entry, index): Concept => {
    const place = places[index] ?? { line: 1, column: 1 };
    const id = attribute(entry, 'id') ?? `concept-${index + 1}`;
    const terms = new Map<string, Term[]>();
    for (const langSec of [...children(entry, 'langSec'), ...children(entry, 'langSet'), ...children(entry, 'langGroup')]) {
      const lang = attribute(langSec, 'xml:lang') ?? attribute(langSec, 'lang');
      // en_US as Java-based exporters write it is en-US.
      const tag = lang ? canonicalLocale(lang.replaceAll('_', '-')) : undefined;
      if (!tag)
        throw new InputError(
          file,
          place,
          `Unexpected language section ${lang ? `“${lang}”` : 'without xml:lang'} in concept “${id}”, expected xml:lang with a BCP 47 tag`,
        );
      if (onProblem && !languagesSeen.has(tag)) {
        // Once per language and file: the first section stands for the others.
        languagesSeen.add(tag);
        const language = languageColumn(tag, options.locales);
        if (language.kind !== 'known')
          onProblem({
            file,
            ...place,
            severity: language.kind === 'unknown' ? 'error' : 'warning',
            ruleId: language.kind === 'unknown' ? 'glossary:unknown-language' : 'glossary:unknown-locale',
            message:
              language.kind === 'unknown'
                ? `Unexpected xml:lang “${lang}” in concept “${id}”${language.why ? ` (${language.why})` : ''}, expected a language tag such as ${options.locales?.length ? options.locales.join(', ') : 'en, ru, ky'}`
                : `Unexpected language “${tag}” (${language.name}) in concept “${id}”, expected one of the project's locales ${options.locales!.join(', ')}; its terms are never used`,
          });
      }
      const list = terms.get(tag) ?? [];
      const definition = descrip(langSec, 'definition');
      const holders = inDocumentOrder(langSec, holderOrder[langSecIndex++]);
      for (const holder of holders) {
        // ntig keeps the term and its notes in a termGrp; tig and termSec hold them directly.
        const group = children(holder, 'termGrp')[0] ?? holder;
        const termPlace = termPlaces[termIndex++] ?? place;
        const value = textOf(children(group, 'term')[0]).trim();
        if (!value) {
          const message = `Unexpected empty <term> in concept “${id}” (${tag}), expected the term text`;
          if (!onProblem) throw new InputError(file, place, message);
          onProblem({ file, line: termPlace.line, column: termPlace.column, severity: 'error', ruleId: 'glossary:empty-term', message });
          continue;
        }
        const note = (type: string) => termNote(group, type) ?? termNote(holder, type);
        const written = note('administrativeStatus') ?? note('normativeAuthorization');
        const known = written === undefined ? undefined : termStatus(written);
        if (written !== undefined && !known)
          onProblem?.({
            file,
            line: termPlace.line,
            column: termPlace.column,
            severity: 'error',
            ruleId: 'glossary:unknown-status',
            message: `Unexpected status “${written}” for “${value}” (${tag}), expected preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts`,
          });
        const term: Term = {
          text: value,
          status: known?.status ?? 'preferred',
          termType: note('termType'),
          statusName: known?.name ?? written ?? 'preferred',
          line: termPlace.line,
          column: termPlace.column,
          ...defined({
            partOfSpeech: note('partOfSpeech'),
            definition: descrip(holder, 'definition') ?? definition,
            context: descrip(holder, 'context') ?? descrip(group, 'context'),
            note: textOf(children(holder, 'note')[0]).trim() || undefined,
          }),
        };
        list.push(term);
      }
      terms.set(tag, list);
    }
    const subject = descrip(entry, 'subjectField') ?? element(entry, 'subjectField');
    const definition = descrip(entry, 'definition');
    return { id, subject, terms, file, line: place.line, column: place.column, ...(definition ? { definition } : {}) };
  });
}

const HOLDERS = ['termSec', 'tig', 'ntig', 'termGroup'] as const;
type HolderKind = (typeof HOLDERS)[number];

/**
 * Per language section in document order, the kinds of its term holders in document order: the tree keeps
 * `tig` and `ntig` apart, and a section mixing them would otherwise give its terms each other's lines.
 */
function holderKinds(text: string): HolderKind[][] {
  const sections = ['langSec', 'langSet', 'langGroup'].flatMap((name) => elementPlaces(text, name).map((place) => place.offset));
  sections.sort((a, b) => a - b);
  const marks = HOLDERS.flatMap((kind) => elementPlaces(text, kind).map((place) => ({ offset: place.offset, kind })));
  marks.sort((a, b) => a.offset - b.offset);
  const out: HolderKind[][] = sections.map(() => []);
  let mark = 0;
  for (const [index, start] of sections.entries()) {
    const next = sections[index + 1] ?? Infinity;
    while (mark < marks.length && marks[mark]!.offset < start) mark += 1;
    for (; mark < marks.length && marks[mark]!.offset < next; mark += 1) out[index]!.push(marks[mark]!.kind);
  }
  return out;
}

/** A section's term holders in the order `kinds` gives, or by kind when the text and the tree disagree. */
function inDocumentOrder(langSec: XmlNode, kinds: HolderKind[] | undefined): XmlNode[] {
  const byKind = new Map(HOLDERS.map((kind) => [kind, [...children(langSec, kind)]]));
  const all = HOLDERS.flatMap((kind) => byKind.get(kind)!);
  if (!kinds || kinds.length !== all.length || HOLDERS.some((kind) => kinds.filter((k) => k === kind).length !== byKind.get(kind)!.length))
    return all;
  return kinds.map((kind) => byKind.get(kind)!.shift()!);
}

/**
 * A `termNote` of the given type, directly or in a `termNoteGrp` (DCA style), or the element of that name
 * (DCT style `<min:administrativeStatus>`, `<basic:partOfSpeech>`; TBX-Min's unprefixed ones).
 */
function termNote(node: XmlNode, type: string): string | undefined {
  const notes = [...children(node, 'termNote'), ...children(node, 'termNoteGrp').flatMap((group) => children(group, 'termNote'))];
  const found = notes.find((candidate) => attribute(candidate, 'type') === type);
  return found ? textOf(found).trim() || undefined : element(node, type);
}

/** The text of a child element named `name` with or without a namespace prefix (DCT style), if any. */
function element(node: XmlNode, name: string): string | undefined {
  for (const key of Object.keys(node)) {
    if (key !== name && !(key.endsWith(`:${name}`) && key.indexOf(':') === key.length - name.length - 1)) continue;
    const found = children(node, key)[0];
    const value = found === undefined ? '' : textOf(found).trim();
    if (value) return value;
  }
  return undefined;
}

/** A `descrip` of the given type, directly or in a `descripGrp`; white space inside folded. */
function descrip(node: XmlNode, type: string): string | undefined {
  const all = [...children(node, 'descrip'), ...children(node, 'descripGrp').flatMap((group) => children(group, 'descrip'))];
  const found = all.find((candidate) => attribute(candidate, 'type') === type);
  return found ? textOf(found).replace(/\s+/g, ' ').trim() || undefined : undefined;
}
