// EPUB 3 package documents: container, OPF, navigation.
import { raw, xml } from './xml.ts';

export function containerXml(opfPath: string): string {
  return xml`<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="${opfPath}" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;
}

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

export interface PackageData {
  identifier: string;
  title: string;
  lang: string;
  /** ISO date of the event. */
  date: string | null;
  /** `dcterms:modified`, CCYY-MM-DDThh:mm:ssZ. */
  modified: string;
  creators: string[];
  publisher: string | undefined;
  rights: string | undefined;
  source: string | undefined;
  /**
   * Which text this is, in the publication's language: "Translated from Russian." or "This is the original
   * text." — `dc:description`, which reading systems show with the book's details. (`dc:language` names the
   * book's own language only: it is what the text is in, and a second one would claim the book is bilingual.)
   */
  description?: string;
  manifest: ManifestItem[];
  spine: string[];
  dir: 'ltr' | 'rtl';
  /** schema:accessibilitySummary, in the publication's language. */
  accessibilitySummary: string;
}

export function packageOpf(data: PackageData): string {
  const creators = data.creators.map((creator, index) => xml`    <dc:creator id="creator${index + 1}">${creator}</dc:creator>\n`);
  const items = data.manifest.map(
    (item) =>
      xml`    <item id="${item.id}" href="${item.href}" media-type="${item.mediaType}"${raw(item.properties ? xml` properties="${item.properties}"` : '')}/>\n`,
  );
  const spine = data.spine.map((idref) => xml`    <itemref idref="${idref}"/>\n`);
  return xml`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${data.lang}" dir="${data.dir}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="pub-id">${data.identifier}</dc:identifier>
    <dc:title>${data.title}</dc:title>
    <dc:language>${data.lang}</dc:language>
${raw(creators)}${raw(data.date ? xml`    <dc:date>${data.date}</dc:date>\n` : '')}${raw(data.publisher ? xml`    <dc:publisher>${data.publisher}</dc:publisher>\n` : '')}${raw(data.rights ? xml`    <dc:rights>${data.rights}</dc:rights>\n` : '')}${raw(data.source ? xml`    <dc:source>${data.source}</dc:source>\n` : '')}${raw(data.description ? xml`    <dc:description>${data.description}</dc:description>\n` : '')}    <meta property="dcterms:modified">${data.modified}</meta>
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityFeature">readingOrder</meta>
    <meta property="schema:accessibilityFeature">displayTransformability</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">${data.accessibilitySummary}</meta>
  </metadata>
  <manifest>
${raw(items)}  </manifest>
  <spine${raw(data.dir === 'rtl' ? ' page-progression-direction="rtl"' : '')}>
${raw(spine)}  </spine>
</package>
`;
}

export interface NavEntry {
  href: string;
  label: string;
}

export interface NavData {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  tocTitle: string;
  /** Heading of the landmarks list (hidden from the reading view, read by reading systems). */
  landmarksTitle: string;
  /** The content document, target of the `bodymatter` landmark. */
  start: NavEntry;
  entries: NavEntry[];
}

export function navXhtml(data: NavData): string {
  const entries = data.entries.map((entry) => xml`        <li><a href="${entry.href}">${entry.label}</a></li>\n`);
  return xml`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${data.lang}" xml:lang="${data.lang}" dir="${data.dir}">
  <head>
    <title>${data.title}</title>
    <link rel="stylesheet" href="style.css"/>
  </head>
  <body>
    <nav epub:type="toc" id="toc">
      <h1>${data.tocTitle}</h1>
      <ol>
${raw(entries)}      </ol>
    </nav>
    <nav epub:type="landmarks" id="landmarks" hidden="hidden">
      <h2>${data.landmarksTitle}</h2>
      <ol>
        <li><a epub:type="bodymatter" href="${data.start.href}">${data.start.label}</a></li>
      </ol>
    </nav>
  </body>
</html>
`;
}
