// What a PDF viewer, a library catalogue and a screen reader read about the file, written after Chromium
// has printed it: Chromium sets only Title, puts its user agent in Creator and writes no XMP.
import { raw, xml } from '../../../templates/xml.ts';
import { ChromiumPdf, decodeText, notUnderstood, textString, type PdfDict, type PdfValue } from './objects.ts';

export interface PdfMetadata {
  title: string;
  lang: string;
  /** The press office (config `publisher`), else the speakers. */
  author: string | undefined;
  subject: string | undefined;
  keywords?: string[];
  /** Creation and modification date: the document's, so rebuilds give the same bytes. */
  date: Date;
  /** The headings as written, to repair outline titles Chromium glued at a line wrap. */
  headings?: string[];
}

export const CREATOR = 'pressroom';
export const PRODUCER = 'pressroom (Chromium)';

export function setMetadata(bytes: Uint8Array, metadata: PdfMetadata): Uint8Array {
  const pdf = new ChromiumPdf(bytes);
  const root = pdf.trailer.entries.get('Root');
  if (root?.type !== 'ref') throw notUnderstood('the trailer has no /Root reference');
  const catalog = pdf.dict(root, 'the catalog (/Root)');
  const infoRef = pdf.trailer.entries.get('Info');
  // Chromium's own entries (Title, its user agent, today's dates) are replaced; any other is kept.
  const info = infoRef ? pdf.dict(infoRef, 'the document information (/Info)') : dict({});
  const set = (key: string, value: string | undefined) => {
    if (value) info.entries.set(key, textString(value));
  };
  set('Title', metadata.title);
  set('Author', metadata.author);
  set('Subject', metadata.subject);
  // One string, entries apart by "; ": a space would split multi-word names.
  set('Keywords', metadata.keywords?.join('; '));
  set('Creator', CREATOR);
  set('Producer', PRODUCER);
  set('CreationDate', pdfDate(metadata.date));
  set('ModDate', pdfDate(metadata.date));
  if (infoRef?.type === 'ref') pdf.replace(infoRef.num, info);
  else pdf.trailer.entries.set('Info', pdf.add(info));

  catalog.entries.set('Lang', textString(metadata.lang));
  // As UTF-8 bytes, which XMP is.
  const xmp = new TextEncoder().encode(xmpPacket(metadata));
  catalog.entries.set('Metadata', pdf.add(dict({ Type: name('Metadata'), Subtype: name('XML') }), xmp));
  const preferences = pdf.resolve(catalog.entries.get('ViewerPreferences'));
  const viewer = preferences?.type === 'dict' ? preferences : dict({ Type: name('ViewerPreferences') });
  // Viewers show the title, not the file name, in the window's title bar.
  viewer.entries.set('DisplayDocTitle', { type: 'atom', text: 'true' });
  catalog.entries.set('ViewerPreferences', viewer);
  pdf.replace(root.num, catalog);
  if (metadata.headings) repairOutline(pdf, catalog, metadata.headings);
  return pdf.save();
}

/** D:YYYYMMDDHHmmSSZ in UTC, as the time zone of the machine must not show in the file. */
function pdfDate(date: Date): string {
  return `D:${date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:T]/g, '')}`;
}

const name = (value: string): PdfValue => ({ type: 'name', name: value });
const dict = (entries: Record<string, PdfValue>): PdfDict => ({ type: 'dict', entries: new Map(Object.entries(entries)) });

/** XMP (ISO 16684) with the fields PDF/UA-aware readers look for first: dc:title, dc:language, dates. */
export function xmpPacket(metadata: PdfMetadata): string {
  const date = metadata.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const creator = metadata.author ? xml`<dc:creator><rdf:Seq><rdf:li>${metadata.author}</rdf:li></rdf:Seq></dc:creator>` : '';
  const description = metadata.subject
    ? xml`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${metadata.subject}</rdf:li></rdf:Alt></dc:description>`
    : '';
  const keywords = metadata.keywords?.length ? xml`<pdf:Keywords>${metadata.keywords.join(', ')}</pdf:Keywords>` : '';
  return xml`<?xpacket begin="${'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${metadata.title}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>${metadata.lang}</rdf:li></rdf:Bag></dc:language>
${raw(creator)}${raw(description)}<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<xmp:CreatorTool>${CREATOR}</xmp:CreatorTool>
<pdf:Producer>${PRODUCER}</pdf:Producer>
${raw(keywords)}</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`;
}

/**
 * Chromium builds outline titles from the laid-out lines and drops the space where a heading wrapped
 * ("Russiaand President"). A title that equals a heading once whitespace is ignored gets the heading's text.
 */
function repairOutline(pdf: ChromiumPdf, catalog: PdfDict, headings: string[]): number {
  const bySkeleton = new Map(headings.map((heading) => [skeleton(heading), heading.replace(/\s+/g, ' ').trim()]));
  // Right-to-left headings come out of Chromium with their words in visual order: matched as a bag of words.
  const byWords = new Map(headings.map((heading) => [wordKey(heading), heading.replace(/\s+/g, ' ').trim()]));
  let repaired = 0;
  walkOutline(pdf, catalog, (num, item, text) => {
    const wanted = bySkeleton.get(skeleton(text)) ?? byWords.get(wordKey(text));
    if (wanted && wanted !== text) {
      item.entries.set('Title', textString(wanted));
      pdf.replace(num, item);
      repaired++;
    }
  });
  return repaired;
}

const skeleton = (text: string) => text.replace(/\s+/g, '');
const wordKey = (text: string) => text.trim().split(/\s+/).sort().join(' ');

/** Every outline item with a title, in reading order (depth first). */
function walkOutline(pdf: ChromiumPdf, catalog: PdfDict, visit: (num: number, item: PdfDict, title: string) => void): void {
  const seen = new Set<number>();
  const walk = (first: PdfValue | undefined) => {
    for (let ref = first; ref?.type === 'ref';) {
      // A cycle in the outline would never end: Chromium writes none, so one means a file not understood.
      if (seen.has(ref.num)) throw notUnderstood(`outline item ${ref.num} is reached twice`);
      seen.add(ref.num);
      const item = pdf.dict(ref, `outline item ${ref.num}`);
      const title = pdf.resolve(item.entries.get('Title'));
      if (title?.type === 'string') visit(ref.num, item, decodeText(title.bytes));
      walk(item.entries.get('First'));
      ref = item.entries.get('Next');
    }
  };
  const outlines = pdf.resolve(catalog.entries.get('Outlines'));
  if (outlines?.type === 'dict') walk(outlines.entries.get('First'));
}

/** Outline titles in reading order, for tests and reports. */
export function outlineTitles(bytes: Uint8Array): string[] {
  const pdf = new ChromiumPdf(bytes);
  const titles: string[] = [];
  walkOutline(pdf, pdf.dict(pdf.trailer.entries.get('Root'), 'the catalog (/Root)'), (_, __, title) => titles.push(title));
  return titles;
}
