import { createHash } from 'node:crypto';
import { containerXml, navXhtml, packageOpf, type ManifestItem } from '../../templates/epub.ts';
import { utf8 } from '../render/outputs.ts';
import { provenanceNote, renderStylesheet, textDirection } from '../render/page.ts';
import { cssContentText, preflightFonts, sourceReader, visibleText } from '../render/preflight.ts';
import { subsetFonts } from '../render/subset.ts';
import { zip, type ZipEntry } from '../render/zip.ts';
import type { Stage } from '../stage.ts';
import type { FormatInput } from '../render/renderer.ts';

/** EPUB 3: `mimetype` first and stored, one XHTML chapter, the page's stylesheet, the fonts subset to the book's text. */
export const renderEpub: Stage<FormatInput, Uint8Array> = async ({ page }, ctx) => {
  const meta = page.tree.data.meta;
  const t = ctx.resources.translators.get(ctx.locale)!;
  const date = buildDate(meta.date);
  const nav = navXhtml({
    lang: ctx.locale,
    dir: textDirection(ctx.locale),
    title: page.title,
    tocTitle: t('document.contents'),
    landmarksTitle: t('epub.landmarks'),
    start: { href: 'transcript.xhtml', label: page.title },
    entries: [
      { href: 'transcript.xhtml', label: page.title },
      ...page.toc.map((entry) => ({ href: `transcript.xhtml#${entry.id}`, label: entry.label })),
    ],
  });
  // What a reading system draws: the chapter, the navigation document and the stylesheet's generated text.
  const text = [page.xhtml, nav].map(visibleText).join(' ') + cssContentText(ctx.resources.templateCss);
  const subset = await subsetFonts(ctx.resources.fonts, text, { lang: ctx.locale });
  preflightFonts(text, subset.coverage, ctx.file.path, sourceReader(ctx.file.path), ctx.locale, 'e-book');
  const manifest: ManifestItem[] = [
    { id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'transcript', href: 'transcript.xhtml', mediaType: 'application/xhtml+xml' },
    { id: 'style', href: 'style.css', mediaType: 'text/css' },
    ...subset.files.map((font, index) => ({ id: `font${index + 1}`, href: font.path, mediaType: 'font/ttf' })),
  ];
  const opf = packageOpf({
    identifier: `urn:uuid:${uuidFrom(`${ctx.file.slug}/${ctx.locale}`)}`,
    title: page.title,
    lang: ctx.locale,
    date: meta.date,
    modified: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    // A question or a remark is a turn, not an author.
    creators: meta.speakers
      .filter((speaker) => !speaker.generic && !speaker.question)
      .map((speaker) => [speaker.role, speaker.name].filter(Boolean).join(' ')),
    publisher: ctx.config.publisher ?? ctx.config.attribution?.source,
    rights: ctx.config.attribution?.license,
    source: ctx.config.attribution?.url,
    description: provenanceNote(t, ctx.locale, meta.sourceLang ?? ctx.config.sourceLocale),
    manifest,
    spine: ['transcript'],
    dir: textDirection(ctx.locale),
    accessibilitySummary: t('epub.accessibilitySummary'),
  });
  const entries: ZipEntry[] = [
    { path: 'mimetype', contents: 'application/epub+zip', store: true },
    { path: 'META-INF/container.xml', contents: containerXml('EPUB/package.opf') },
    { path: 'EPUB/package.opf', contents: opf },
    { path: 'EPUB/nav.xhtml', contents: nav },
    { path: 'EPUB/transcript.xhtml', contents: page.xhtml },
    { path: 'EPUB/style.css', contents: utf8(renderStylesheet(subset.css, ctx.resources.templateCss)) },
    ...subset.files.map((font) => ({ path: `EPUB/${font.path}`, contents: font.contents })),
  ];
  return zip(entries, date);
};

// The DOCX stage takes the note from here too.
export { provenanceNote };

/** Reproducible builds: SOURCE_DATE_EPOCH if set, else the date of the event. */
export function buildDate(eventDate: string | null): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${eventDate ?? '1980-01-01'}T00:00:00Z`);
}

function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
