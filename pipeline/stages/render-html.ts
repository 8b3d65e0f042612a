import path from 'node:path';
import type { Link } from '../../templates/page.ts';
import {
  languageName,
  renderHtmlPage,
  renderPrintStylesheet,
  renderStylesheet,
  renderXhtmlChapter,
  documentTitle,
  type TocEntry,
} from '../render/page.ts';
import { downloadFormats } from '../render/formats.ts';
import { layout, utf8, type OutputFile } from '../render/outputs.ts';
import { siteAddress } from '../render/link-preview.ts';
import { SITE_FONTS } from '../render/fonts.ts';
import { cssContentText, preflightFonts, sourceReader, visibleText } from '../render/preflight.ts';
import { subsetFonts } from '../render/subset.ts';
import type { Stage } from '../stage.ts';
import type { TranslationStats } from '../translate/translate-tree.ts';
import type { TranscriptRoot } from '../types.ts';

export interface RenderedPage {
  tree: TranscriptRoot;
  title: string;
  html: string;
  xhtml: string;
  /** Segments published in another language than the page's (the page's notice counts them). */
  untranslated: number;
  /** The e-book's table of contents: one entry per speaker's section. */
  toc: TocEntry[];
  css: string;
  /** index.html, style.css and print.css, relative to the locale folder; the fonts are the site's (SITE_FONTS). */
  files: OutputFile[];
  /**
   * `files` (or the same page's files at a later step) made to stand alone, for the print and the bundle:
   * style.css points at fonts/ beside it, holding the kit subset to the page's own text, proven by the preflight.
   */
  selfContained(files: OutputFile[]): Promise<OutputFile[]>;
  /** The web page again, its download links with the files' sizes in bytes (known once they are made). */
  withSizes(sizes: Partial<Record<string, number>>): string;
}

export const renderHtml: Stage<{ tree: TranscriptRoot; stats: TranslationStats }, RenderedPage> = ({ tree, stats }, ctx) => {
  const { slug } = ctx.file;
  const t = ctx.resources.translators.get(ctx.locale);
  if (!t) throw new Error(`No UI translator for ${ctx.locale}`);
  const formats = ctx.config.formats;
  const own = (path: string) => path.slice(layout.folder(slug, ctx.locale).length + 1);
  const shown = downloadFormats(formats);
  const downloads: Link[] = shown.map((format) => ({
    href: own(layout.file(slug, ctx.locale, format.id)),
    label: t(format.label),
    type: format.mediaType,
  }));
  const alternates: Link[] = ctx.config.locales
    .filter((locale) => locale !== ctx.locale)
    .map((locale) => ({ href: `../${locale}/index.html`, label: languageName(locale), lang: locale, hreflang: locale }));
  // The document's own language, which its original page is in (the translate stage's contract, issue 16).
  const sourceLang = tree.data.meta.sourceLang ?? ctx.config.sourceLocale;
  const input = {
    tree,
    lang: ctx.locale,
    sourceLang,
    configLang: ctx.config.sourceLocale,
    t,
    downloads,
    alternates,
    attribution: ctx.config.attribution,
    untranslated: stats.fellBack,
    url: siteAddress(ctx.config.site?.url, layout.page(slug, ctx.locale)),
    publisher: ctx.config.publisher,
  };
  const title = documentTitle(tree);
  const html = renderHtmlPage(input);
  const chapter = renderXhtmlChapter(input);
  const fonts = ctx.resources.fonts;
  const templateCss = ctx.resources.templateCss;
  // One font folder for the whole site, so the page's stylesheet reaches it from the locale folder.
  const css = renderStylesheet(fonts.siteCss(path.posix.relative(layout.folder(slug, ctx.locale), SITE_FONTS)), templateCss);
  const printCss = renderPrintStylesheet(t, title, ctx.config.paper);
  const drawnByCss = `${cssContentText(printCss)} ${cssContentText(templateCss)}`;
  // Before anything is printed: a character without a font would become a tofu box in the PDF.
  const readSource = sourceReader(ctx.file.path);
  preflightFonts(visibleText(html) + drawnByCss, fonts.coverage, ctx.file.path, readSource, ctx.locale);
  const selfContained = async (files: OutputFile[]): Promise<OutputFile[]> => {
    const page = files.find((file) => file.path === 'index.html');
    const text = visibleText(page ? new TextDecoder().decode(page.contents) : html) + drawnByCss;
    const subset = await subsetFonts(fonts, text, { lang: ctx.locale });
    preflightFonts(text, subset.coverage, ctx.file.path, readSource, ctx.locale);
    const own = utf8(renderStylesheet(subset.css, templateCss));
    return [...files.map((file) => (file.path === 'style.css' ? { path: file.path, contents: own } : file)), ...subset.files];
  };
  return {
    tree,
    title,
    html,
    xhtml: chapter.xhtml,
    untranslated: stats.fellBack,
    toc: chapter.toc,
    css,
    selfContained,
    withSizes: (sizes) =>
      renderHtmlPage({ ...input, downloads: downloads.map((link, index) => ({ ...link, size: sizes[shown[index]!.id] })) }),
    files: [
      { path: 'index.html', contents: utf8(html) },
      { path: 'style.css', contents: utf8(css) },
      { path: 'print.css', contents: utf8(printCss) },
    ],
  };
};
