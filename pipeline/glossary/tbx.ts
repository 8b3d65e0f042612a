import { InputError } from '../errors.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { attribute, children, elementPlaces, parseUntrustedXml, textOf } from '../util/xml.ts';
import type { Concept, Term, TermStatus } from './types.ts';

const STATUS: Record<string, TermStatus> = {
  'preferredTerm-admn-sts': 'preferred',
  'admittedTerm-admn-sts': 'admitted',
  'deprecatedTerm-admn-sts': 'deprecated',
  'supersededTerm-admn-sts': 'deprecated',
  preferredTerm: 'preferred',
  admittedTerm: 'admitted',
  deprecatedTerm: 'deprecated',
};

/** TBX v3 (`conceptEntry`/`langSec`/`termSec`) and TBX 2008 (`termEntry`/`langSet`/`tig`). */
export function parseTbx(text: string, file: string): Concept[] {
  const root = parseUntrustedXml(text, file);
  const tbx = children(root, 'tbx')[0] ?? children(root, 'martif')[0];
  if (!tbx)
    throw new InputError(file, { line: 1, column: 1 }, 'Unexpected root element, expected <tbx> (or <martif>); is this a TBX file?');
  const body = children(children(tbx, 'text')[0], 'body')[0];
  const entries = [...children(body, 'conceptEntry'), ...children(body, 'termEntry')];
  const places = [...elementPlaces(text, 'conceptEntry'), ...elementPlaces(text, 'termEntry')];
  return entries.map((entry, index): Concept => {
    const place = places[index] ?? { line: 1, column: 1 };
    const id = attribute(entry, 'id') ?? `concept-${index + 1}`;
    const subject = children(entry, 'descrip').find((d) => attribute(d, 'type') === 'subjectField');
    const terms = new Map<string, Term[]>();
    for (const langSec of [...children(entry, 'langSec'), ...children(entry, 'langSet')]) {
      const lang = attribute(langSec, 'xml:lang');
      const tag = lang ? canonicalLocale(lang) : undefined;
      if (!tag)
        throw new InputError(
          file,
          place,
          `Unexpected language section ${lang ? `“${lang}”` : 'without xml:lang'} in concept “${id}”, expected xml:lang with a BCP 47 tag`,
        );
      const list = terms.get(tag) ?? [];
      for (const termSec of [...children(langSec, 'termSec'), ...children(langSec, 'tig')]) {
        const value = textOf(children(termSec, 'term')[0]).trim();
        if (!value) throw new InputError(file, place, `Unexpected empty <term> in concept “${id}” (${tag}), expected the term text`);
        const notes = children(termSec, 'termNote');
        const note = (type: string) => textOf(notes.find((n) => attribute(n, 'type') === type)).trim() || undefined;
        const statusText = note('administrativeStatus');
        list.push({ text: value, status: (statusText && STATUS[statusText]) || 'preferred', termType: note('termType') });
      }
      terms.set(tag, list);
    }
    return { id, subject: subject ? textOf(subject).trim() : undefined, terms, file, line: place.line };
  });
}
