// A structural check of XLIFF 2.0/2.1 documents written from the OASIS specification (XLIFF Version 2.1,
// OASIS Standard, 13 February 2018, sections 4.2–4.9 core, 5.3 Translation Candidates, 5.4 Glossary).
// The OASIS XSDs are not shipped in any Debian package we can install and are not vendored here, so this
// checks the constraints pressroom's output can break, one rule per line, and returns what it found.
import { XMLParser } from 'fast-xml-parser';

const CORE = 'urn:oasis:names:tc:xliff:document:2.0';
const MTC = 'urn:oasis:names:tc:xliff:matches:2.0';
const GLS = 'urn:oasis:names:tc:xliff:glossary:2.0';
const STATES = ['initial', 'translated', 'reviewed', 'final'];
const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;

type El = { name: string; attrs: Record<string, string>; children: El[]; text: string };

function toTree(nodes: unknown[]): El[] {
  const out: El[] = [];
  for (const node of nodes as Record<string, unknown>[]) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name === '#text') continue;
    const attrs = (node[':@'] ?? {}) as Record<string, string>;
    const kids = node[name] as unknown[];
    const text = kids.map((kid) => (kid as Record<string, string>)['#text'] ?? '').join('');
    out.push({ name, attrs, children: toTree(kids), text });
  }
  return out;
}

export function checkXliff2(xml: string): string[] {
  const problems: string[] = [];
  const parsed = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false }).parse(
    xml,
  ) as unknown[];
  const root = toTree(parsed).find((el) => el.name !== '?xml');
  if (!root || root.name !== 'xliff') return ['root element is not <xliff>'];
  if (root.attrs.xmlns !== CORE) problems.push(`xliff: namespace ${root.attrs.xmlns}, expected ${CORE}`);
  if (root.attrs.version !== '2.0' && root.attrs.version !== '2.1') problems.push('xliff: version must be 2.0 or 2.1');
  if (!root.attrs.srcLang) problems.push('xliff: srcLang is required');
  const mtc = Object.entries(root.attrs)
    .find(([, value]) => value === MTC)?.[0]
    ?.replace('xmlns:', '');
  const gls = Object.entries(root.attrs)
    .find(([, value]) => value === GLS)?.[0]
    ?.replace('xmlns:', '');
  const files = root.children.filter((el) => el.name === 'file');
  if (files.length === 0) problems.push('xliff: at least one <file> is required');
  if (root.children.some((el) => el.name !== 'file')) problems.push('xliff: only <file> children are allowed');
  const fileIds = new Set<string>();
  for (const file of files) {
    if (!file.attrs.id || !NMTOKEN.test(file.attrs.id)) problems.push('file: id (NMTOKEN) is required');
    if (fileIds.has(file.attrs.id!)) problems.push(`file: duplicate id ${file.attrs.id}`);
    fileIds.add(file.attrs.id!);
    const unitIds = new Set<string>();
    for (const unit of file.children.filter((el) => el.name === 'unit')) {
      const where = `unit ${unit.attrs.id}`;
      if (!unit.attrs.id || !NMTOKEN.test(unit.attrs.id)) problems.push(`${where}: id (NMTOKEN) is required`);
      if (unitIds.has(unit.attrs.id!)) problems.push(`${where}: duplicate id in file`);
      unitIds.add(unit.attrs.id!);
      if (unit.attrs.translate && !['yes', 'no'].includes(unit.attrs.translate)) problems.push(`${where}: translate must be yes or no`);
      // Order (4.3.1.19): extension/module elements, then notes?, originalData?, then (segment | ignorable)+.
      const rank = (el: El) =>
        el.name.includes(':')
          ? 0
          : el.name === 'notes'
            ? 1
            : el.name === 'originalData'
              ? 2
              : el.name === 'segment' || el.name === 'ignorable'
                ? 3
                : 9;
      const ranks = unit.children.map(rank);
      if (ranks.includes(9)) problems.push(`${where}: unexpected child ${unit.children[ranks.indexOf(9)]!.name}`);
      if (ranks.some((value, index) => index > 0 && value < ranks[index - 1]!)) problems.push(`${where}: children out of order`);
      const segments = unit.children.filter((el) => el.name === 'segment');
      if (segments.length === 0) problems.push(`${where}: at least one <segment> is required`);
      const ids = new Set<string>();
      for (const segment of segments) {
        if (segment.attrs.id) {
          if (ids.has(segment.attrs.id)) problems.push(`${where}: duplicate segment id ${segment.attrs.id}`);
          ids.add(segment.attrs.id);
        }
        const state = segment.attrs.state ?? 'initial';
        if (!STATES.includes(state)) problems.push(`${where}: state ${state} is not one of ${STATES.join(', ')}`);
        if (segment.attrs.subState && !segment.attrs.state) problems.push(`${where}: subState requires state`);
        const names = segment.children.map((el) => el.name);
        if (names[0] !== 'source' || names.filter((name) => name === 'source').length !== 1)
          problems.push(`${where}: segment needs exactly one <source>, first`);
        if (names.filter((name) => name === 'target').length > 1 || names.some((name) => name !== 'source' && name !== 'target'))
          problems.push(`${where}: segment holds only <source> and an optional <target>`);
        if (state !== 'initial' && !names.includes('target')) problems.push(`${where}: state ${state} without <target>`);
        for (const part of segment.children) checkInline(part, `${where} ${part.name}`, problems, ids);
      }
      for (const module of unit.children.filter((el) => el.name.includes(':'))) {
        const [prefix, local] = module.name.split(':');
        if (prefix === mtc && local === 'matches') {
          for (const match of module.children) {
            if (match.name !== `${mtc}:match`) problems.push(`${where}: mtc:matches holds only mtc:match`);
            if (!match.attrs.ref?.startsWith('#') || !ids.has(match.attrs.ref.slice(1)))
              problems.push(`${where}: mtc:match ref must point to a segment of the unit`);
            if ('xml:lang' in match.attrs) problems.push(`${where}: mtc:match must not carry xml:lang`);
            const similarity = Number(match.attrs.similarity ?? '0');
            if (!(similarity >= 0 && similarity <= 100)) problems.push(`${where}: similarity must be 0…100`);
            if (match.attrs.type && !['am', 'mt', 'icm', 'idm', 'tb', 'tm', 'other'].includes(match.attrs.type))
              problems.push(`${where}: mtc:match type`);
            const kids = match.children.map((el) => el.name);
            if (!kids.includes('source') || !kids.includes('target')) problems.push(`${where}: mtc:match needs <source> and <target>`);
          }
        } else if (prefix === gls && local === 'glossary') {
          for (const entry of module.children) {
            if (entry.name !== `${gls}:glossEntry`) problems.push(`${where}: gls:glossary holds only gls:glossEntry`);
            const kids = entry.children.map((el) => el.name);
            if (kids[0] !== `${gls}:term` || kids.filter((name) => name === `${gls}:term`).length !== 1)
              problems.push(`${where}: gls:glossEntry needs one gls:term, first`);
            if (!kids.includes(`${gls}:translation`) && !kids.includes(`${gls}:definition`))
              problems.push(`${where}: gls:glossEntry needs a translation or a definition`);
          }
        } else problems.push(`${where}: unknown module element ${module.name}`);
      }
      for (const notes of unit.children.filter((el) => el.name === 'notes'))
        if (notes.children.length === 0 || notes.children.some((el) => el.name !== 'note'))
          problems.push(`${where}: <notes> holds one or more <note>`);
    }
  }
  return problems;
}

/** Inline content (4.9): ph and pc with ids unique in the unit's id space, pc properly nested. */
function checkInline(part: El, where: string, problems: string[], ids: Set<string>): void {
  for (const code of part.children) {
    if (code.name === 'ph' || code.name === 'pc') {
      if (!code.attrs.id || !NMTOKEN.test(code.attrs.id)) problems.push(`${where}: <${code.name}> needs an id`);
      if (part.name === 'source' && ids.has(`code:${code.attrs.id}`)) problems.push(`${where}: duplicate code id ${code.attrs.id}`);
      if (part.name === 'source') ids.add(`code:${code.attrs.id}`);
      if (code.name === 'ph' && code.children.length > 0) problems.push(`${where}: <ph> must be empty`);
      if (code.name === 'pc') checkInline(code, where, problems, ids);
    } else if (!['sc', 'ec', 'mrk', 'sm', 'em', 'cp'].includes(code.name))
      problems.push(`${where}: <${code.name}> is not an inline element`);
  }
}
