// What a PDF viewer, a library catalogue and a screen reader read about the file, written after Chromium
// has printed it: Chromium sets only Title, puts its user agent in Creator and writes no XMP.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { raw, xml } from '../../../templates/xml.ts';

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
export const PRODUCER = 'pressroom (Chromium, pdf-lib)';

export async function setMetadata(bytes: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) document.setAuthor(metadata.author);
  if (metadata.subject) document.setSubject(metadata.subject);
  // pdf-lib joins keywords with a space, which splits multi-word names; one entry keeps them apart.
  if (metadata.keywords?.length) document.setKeywords([metadata.keywords.join('; ')]);
  document.setLanguage(metadata.lang);
  document.setCreator(CREATOR);
  document.setProducer(PRODUCER);
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  // As UTF-8 bytes: pdf-lib would write a string's UTF-16 code units as Latin-1.
  const xmp = document.context.stream(new TextEncoder().encode(xmpPacket(metadata)), { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), document.context.register(xmp));
  if (metadata.headings) repairOutline(document, metadata.headings);
  return document.save({ useObjectStreams: false });
}

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
export function repairOutline(document: PDFDocument, headings: string[]): number {
  const bySkeleton = new Map(headings.map((heading) => [skeleton(heading), heading.replace(/\s+/g, ' ').trim()]));
  // Right-to-left headings come out of Chromium with their words in visual order: matched as a bag of words.
  const byWords = new Map(headings.map((heading) => [wordKey(heading), heading.replace(/\s+/g, ' ').trim()]));
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let repaired = 0;
  const visit = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      const text = title?.decodeText();
      const wanted = text === undefined ? undefined : (bySkeleton.get(skeleton(text)) ?? byWords.get(wordKey(text)));
      if (title && wanted && wanted !== text) {
        node.set(PDFName.of('Title'), PDFHexString.fromText(wanted));
        repaired++;
      }
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return repaired;
}

const skeleton = (text: string) => text.replace(/\s+/g, '');
const wordKey = (text: string) => text.trim().split(/\s+/).sort().join(' ');

/** Outline titles in reading order, for tests and reports. */
export function outlineTitles(document: PDFDocument): string[] {
  const titles: string[] = [];
  const visit = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      if (title) titles.push(title.decodeText());
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}
