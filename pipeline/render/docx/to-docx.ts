// The transcript as a Word document: mdast → docx objects with one handler per node type, as
// pipeline/render/html/to-hast.ts does for the page; a node nobody handles is an error, never dropped.
// Every run carries its language (w:lang): the page's, or the other language of a passage that fell back,
// where the page marks the same passage with `lang`.
import type { FootnoteDefinition, FootnoteReference, Heading, Nodes } from 'mdast';
import type * as Docx from 'docx';
import type { Attribution } from '../../config/defaults.ts';
import { PipelineError } from '../../errors.ts';
import type { Translate } from '../../i18n/ui.ts';
import type { TranscriptRoot } from '../../types.ts';
import { documentTitle, formatDate, formatTime, languageName, textDirection } from '../page.ts';

type Docx = typeof Docx;
type Run = Docx.ParagraphChild;

/** How a run looks and which language it is in. */
interface Look {
  lang: string;
  bold?: boolean;
  italics?: boolean;
}

export interface DocxState {
  docx: Docx;
  /** The document's language: a paragraph's runs are in it unless a segment says otherwise. */
  lang: string;
  t: Translate;
  /** Paragraphs of a block node's children. */
  blocks(parent: { children: readonly Nodes[] }): Docx.Paragraph[];
  /** Runs of an inline node's children, in `look`. */
  runs(parent: { children: readonly Nodes[] }, look: Look): Run[];
  /** A paragraph with the document's direction. */
  paragraph(options: Docx.IParagraphOptions): Docx.Paragraph;
  text(value: string, look: Look): Run;
  /** The footnote number of a reference, its definition's text placed in the document's footnotes. */
  footnote(identifier: string): number | undefined;
}

type Block<Node extends Nodes = Nodes> = (node: Node, state: DocxState) => Docx.Paragraph[];
type Inline<Node extends Nodes = Nodes> = (node: Node, state: DocxState, look: Look) => (Run | typeof SPACE)[];
type Table<Handle> = {
  [Type in Nodes['type']]?: Handle extends Block ? Block<Extract<Nodes, { type: Type }>> : Inline<Extract<Nodes, { type: Type }>>;
};

/** The space that joins segments: dropped at the end of a paragraph, moved after a footnote mark (as on the page). */
const SPACE = Symbol('segment space');

export const blockHandlers: Table<Block> = {
  heading: (node, state) => [
    state.paragraph({ heading: state.docx.HeadingLevel[`HEADING_${node.depth}`], children: state.runs(node, { lang: state.lang }) }),
  ],
  paragraph: (node, state) => [state.paragraph({ children: state.runs(node, { lang: state.lang }) })],
  thematicBreak: (_node, state) => [state.paragraph({ thematicBreak: true, children: [] })],
  lead: (node, state) =>
    node.children.map((child) => state.paragraph({ style: 'Lead', children: state.runs(child, { lang: state.lang }) })),
  speakerTurn: (node, state) => {
    const { name, role, nameLang, roleLang } = node.speaker;
    const generic = node.speaker.generic ?? (node.speaker.question ? 'question' : undefined);
    const label: Run[] = [];
    // A question or a remark is nobody's name: the document's own word for it, in its language.
    if (generic) label.push(state.text(state.t(`speaker.${generic}`), { lang: state.lang, bold: true }));
    else {
      if (role) label.push(state.text(`${role} `, { lang: roleLang ?? state.lang }));
      label.push(state.text(name, { lang: nameLang ?? state.lang, bold: true }));
    }
    return [state.paragraph({ style: 'Speaker', keepNext: true, children: label }), ...state.blocks(node)];
  },
  stageDirection: (node, state) => [
    state.paragraph({
      style: 'StageDirection',
      children: node.children?.length
        ? state.runs({ children: node.children }, { lang: state.lang, italics: true })
        : [state.text(node.value, { lang: state.lang, italics: true })],
    }),
  ],
  editorialInsertion: (node, state) => [
    state.paragraph({
      style: 'Editorial',
      children: node.children?.length
        ? state.runs({ children: node.children }, { lang: state.lang })
        : [state.text(node.value, { lang: state.lang })],
    }),
  ],
  // A passage the speaker quotes: still the speaker's text, set apart.
  blockquote: (node, state) =>
    node.children.flatMap((child) =>
      child.type === 'paragraph'
        ? [state.paragraph({ style: 'Quote', children: state.runs(child, { lang: state.lang }) })]
        : state.blocks({ children: [child] }),
    ),
  list: (node, state) =>
    node.children.flatMap((item) =>
      item.children.flatMap((child, index) =>
        child.type === 'paragraph'
          ? [
              state.paragraph({
                // The item's first paragraph has the mark; a later one is indented under it.
                ...(index > 0
                  ? { indent: { left: 720 } }
                  : node.ordered
                    ? { numbering: { reference: 'ordered', level: 0 } }
                    : { bullet: { level: 0 } }),
                children: state.runs(child, { lang: state.lang }),
              }),
            ]
          : state.blocks({ children: [child] }),
      ),
    ),
  // Reached only from outside a list (the list handler places its items' paragraphs): the item's paragraphs.
  listItem: (node, state) => state.blocks(node),
  // The definition's text is a Word footnote, placed by its reference; one nothing refers to stays where it is.
  footnoteDefinition: (node, state) => (state.footnote(node.identifier) === undefined ? unreferenced(node, state) : []),
};

export const inlineHandlers: Table<Inline> = {
  text: (node, state, look) => [state.text(node.value, look)],
  emphasis: (node, state, look) => state.runs(node, { ...look, italics: true }),
  strong: (node, state, look) => state.runs(node, { ...look, bold: true }),
  segment: (node, state, look) => [...state.runs(node, { ...look, lang: node.lang }), SPACE],
  footnoteReference: (node: FootnoteReference, state, look) => {
    const id = state.footnote(node.identifier);
    if (id !== undefined) return [new state.docx.FootnoteReferenceRun(id)];
    return [new state.docx.TextRun({ text: node.label ?? node.identifier, superScript: true, language: { value: look.lang } })];
  },
};

/** A note nothing refers to: where it stands, its label first, as the page prints it. */
function unreferenced(node: FootnoteDefinition, state: DocxState): Docx.Paragraph[] {
  const label = state.text(`${node.label ?? node.identifier} `, { lang: state.lang, bold: true });
  return node.children.flatMap((child, index) =>
    child.type === 'paragraph'
      ? [
          state.paragraph({
            style: 'FootnoteText',
            children: [...(index === 0 ? [label] : []), ...state.runs(child, { lang: state.lang })],
          }),
        ]
      : state.blocks({ children: [child] }),
  );
}

export interface DocxInput {
  tree: TranscriptRoot;
  lang: string;
  /** The transcripts' language: the attribution's source and licence names are written in it. */
  sourceLang: string;
  t: Translate;
  attribution: Attribution | null;
  publisher?: string;
  /** Segments left in another language: the page's notice, said here too. */
  untranslated?: number;
  /** "This is the original text." or "Translated from Russian.", under the dateline as on the page. */
  provenance?: string;
}

/** The Word document (not yet packed) of one locale: kind, title, dateline, lead and turns, footnotes, attribution. */
export function toDocx(docx: Docx, input: DocxInput): Docx.Document {
  const { tree, lang, t } = input;
  const definitions = new Map<string, FootnoteDefinition>();
  const visit = (node: Nodes) => {
    if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node);
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  const numbers = new Map<string, number>();
  const footnotes: Record<string, { children: Docx.Paragraph[] }> = {};
  const rtl = textDirection(lang) === 'rtl';
  const state: DocxState = {
    docx,
    lang,
    t,
    paragraph: (options) => new docx.Paragraph({ ...options, bidirectional: rtl || undefined }),
    text: (value, look) =>
      new docx.TextRun({
        text: value,
        bold: look.bold,
        italics: look.italics,
        language: { value: look.lang, ...(rtl ? { bidirectional: look.lang } : {}) },
      }),
    blocks(parent) {
      return parent.children.flatMap((child) => {
        const block = blockHandlers[child.type] as Block | undefined;
        if (block) return block(child, state);
        if (inlineHandlers[child.type]) return [state.paragraph({ children: state.runs({ children: [child] }, { lang }) })];
        throw new PipelineError(`Cannot handle unknown node \`${child.type}\``);
      });
    },
    runs(parent, look) {
      const out = parent.children.flatMap((child) => {
        const inline = inlineHandlers[child.type] as Inline | undefined;
        if (!inline) {
          if (blockHandlers[child.type]) throw new PipelineError(`Unexpected block node \`${child.type}\` inside a paragraph`);
          throw new PipelineError(`Cannot handle unknown node \`${child.type}\``);
        }
        return inline(child, state, look);
      });
      return joinSegments(out, (value) => state.text(value, look), docx);
    },
    footnote(identifier) {
      const known = numbers.get(identifier);
      if (known !== undefined) return known;
      const definition = definitions.get(identifier);
      if (!definition) return undefined;
      const id = numbers.size + 1;
      numbers.set(identifier, id);
      footnotes[id] = { children: state.blocks(definition) };
      return id;
    },
  };
  // References first: footnotes are numbered in reading order, and a definition knows whether it was referred to.
  const titleHeading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const title = titleHeading
    ? state.paragraph({ heading: docx.HeadingLevel.TITLE, children: state.runs(titleHeading, { lang }) })
    : state.paragraph({ heading: docx.HeadingLevel.TITLE, children: [state.text(documentTitle(tree), { lang })] });
  const body = state.blocks({ children: tree.children.filter((node) => node !== titleHeading) });
  const children = [
    state.paragraph({ style: 'Kind', children: [state.text(t('document.kind'), { lang })] }),
    title,
    ...dateline(state, tree),
    ...(input.provenance ? [state.paragraph({ style: 'Provenance', children: [state.text(input.provenance, { lang })] })] : []),
    ...(input.untranslated
      ? [
          state.paragraph({
            style: 'Notice',
            children: [state.text(t('document.untranslated', { count: input.untranslated, language: languageName(lang) }), { lang })],
          }),
        ]
      : []),
    ...body,
    ...attribution(state, input),
  ];
  const meta = tree.data.meta;
  return new docx.Document({
    title: documentTitle(tree),
    subject: [t('document.kind'), meta.place, meta.date].filter(Boolean).join(', ') || undefined,
    creator: input.publisher ?? input.attribution?.source ?? 'pressroom',
    lastModifiedBy: 'pressroom',
    revision: 1,
    styles: {
      default: { document: { run: { language: { value: lang } } } },
      paragraphStyles: [
        { id: 'Kind', name: 'Kind', basedOn: 'Normal', next: 'Normal', run: { smallCaps: true, color: '555555' } },
        { id: 'Dateline', name: 'Dateline', basedOn: 'Normal', next: 'Normal', run: { color: '555555' } },
        { id: 'Provenance', name: 'Provenance', basedOn: 'Normal', next: 'Normal', run: { color: '555555' } },
        { id: 'Notice', name: 'Notice', basedOn: 'Normal', next: 'Normal', run: { italics: true, color: '555555' } },
        { id: 'Lead', name: 'Lead', basedOn: 'Normal', next: 'Normal', run: { size: 26 } },
        { id: 'Speaker', name: 'Speaker', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 240 } } },
        { id: 'StageDirection', name: 'Stage direction', basedOn: 'Normal', next: 'Normal', run: { italics: true } },
        { id: 'Editorial', name: 'Editorial insertion', basedOn: 'Normal', next: 'Normal', run: { color: '555555' } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 720 } } },
        { id: 'Attribution', name: 'Attribution', basedOn: 'Normal', next: 'Normal', run: { size: 18 } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [{ level: 0, format: docx.LevelFormat.DECIMAL, text: '%1.', alignment: docx.AlignmentType.START }],
        },
      ],
    },
    footnotes,
    sections: [{ children }],
  });
}

/** "26 November 2025, Bishkek" in the catalog's order, the place in its own language when it stayed untranslated. */
function dateline(state: DocxState, tree: TranscriptRoot): Docx.Paragraph[] {
  const { date, time, timezone, place, placeLang } = tree.data.meta;
  if (!date && !place) return [];
  const printed =
    date && time ? `${formatDate(date, state.lang)}, ${formatTime(time, state.lang, timezone)}` : date ? formatDate(date, state.lang) : '';
  const runs: Run[] = [];
  if (!place) runs.push(state.text(printed, { lang: state.lang }));
  else
    // eslint-disable-next-line no-control-regex -- the markers are control characters so no catalog text can contain them
    for (const part of state.t('document.dateline', { date: '\u0001', place: '\u0002' }).split(/([\u0001\u0002])/)) {
      if (part === '\u0001') runs.push(state.text(printed, { lang: state.lang }));
      else if (part === '\u0002') runs.push(state.text(place, { lang: placeLang ?? state.lang }));
      else if (part !== '') runs.push(state.text(part, { lang: state.lang }));
    }
  return [state.paragraph({ style: 'Dateline', children: runs })];
}

/** The catalog's attribution sentence; the source's and licence's names are the config's, in the source language. */
function attribution(state: DocxState, input: DocxInput): Docx.Paragraph[] {
  const given = input.attribution;
  if (!given) return [];
  const marker = '\u0000';
  const own = (value: string) => state.text(value, { lang: state.lang });
  const named = (value: string, url: string | undefined) => state.text(url ? `${value} (${url})` : value, { lang: input.sourceLang });
  const runs: Run[] = [];
  const [before = '', after = ''] = state.t('attribution.source', { source: marker }).split(marker);
  runs.push(own(before), named(given.source, given.url), own(after));
  if (given.license) {
    const [licenseBefore = '', licenseAfter = ''] = state.t('attribution.license', { license: marker }).split(marker);
    runs.push(own(`. ${licenseBefore}`), named(given.license, given.licenseUrl), own(licenseAfter));
  }
  return [state.paragraph({ style: 'Attribution', children: runs })];
}

/** Segments are joined by a space; none is left at the end, and a footnote mark sits against its sentence. */
function joinSegments(runs: (Run | typeof SPACE)[], space: (value: string) => Run, docx: Docx): Run[] {
  const out = [...runs];
  for (let index = 1; index < out.length; index += 1) {
    const run = out[index]!;
    if (out[index - 1] === SPACE && run instanceof docx.FootnoteReferenceRun) {
      out[index - 1] = run;
      out[index] = SPACE;
    }
  }
  while (out.at(-1) === SPACE) out.pop();
  return out.map((run) => (run === SPACE ? space(' ') : run));
}
