import { existsSync, readFileSync } from 'node:fs';
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
import { layout, MEDIA_TYPES, utf8, type OutputFile } from '../render/outputs.ts';
import { siteAddress } from '../render/link-preview.ts';
import { preflightFonts, visibleText } from '../render/preflight.ts';
import type { Stage } from '../stage.ts';
import type { TranslationStats } from '../translate/translate-tree.ts';
import type { TranscriptRoot } from '../types.ts';

export interface RenderedPage {
  tree: TranscriptRoot;
  title: string;
  html: string;
  xhtml: string;
  /** The e-book's table of contents: one entry per speaker's section. */
  toc: TocEntry[];
  css: string;
  /** index.html, style.css and fonts, relative to the locale folder. */
  files: OutputFile[];
  /** The web page again, its download links with the files' sizes in bytes (known once they are made). */
  withSizes(sizes: Partial<Record<DownloadFormat, number>>): string;
}

type DownloadFormat = 'pdf' | 'epub' | 'bundle';

export const renderHtml: Stage<{ tree: TranscriptRoot; stats: TranslationStats }, RenderedPage> = ({ tree, stats }, ctx) => {
  const { slug } = ctx.file;
  const t = ctx.resources.translators.get(ctx.locale);
  if (!t) throw new Error(`No UI translator for ${ctx.locale}`);
  const formats = ctx.config.formats;
  const own = (path: string) => path.slice(layout.folder(slug, ctx.locale).length + 1);
  const shown = (['pdf', 'epub', 'bundle'] as const).filter((format) => formats.includes(format));
  const downloads: Link[] = shown.map((format) => ({
    href: own(layout.file(slug, ctx.locale, format)),
    label: t(`download.${format}`),
    type: MEDIA_TYPES[format],
  }));
  const alternates: Link[] = ctx.config.locales
    .filter((locale) => locale !== ctx.locale)
    .map((locale) => ({ href: `../${locale}/index.html`, label: languageName(locale), lang: locale, hreflang: locale }));
  const input = {
    tree,
    lang: ctx.locale,
    sourceLang: ctx.config.sourceLocale,
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
  const css = renderStylesheet(ctx.resources.fonts.css, ctx.resources.templateCss);
  const printCss = renderPrintStylesheet(t, title, ctx.config.paper);
  // Before anything is printed: a character without a font would become a tofu box in the PDF.
  const readSource = () => (existsSync(ctx.file.path) ? readFileSync(ctx.file.path, 'utf8') : '');
  preflightFonts(visibleText(html) + printCss, ctx.resources.fonts.coverage, ctx.file.path, readSource, ctx.locale);
  return {
    tree,
    title,
    html,
    xhtml: chapter.xhtml,
    toc: chapter.toc,
    css,
    withSizes: (sizes) =>
      renderHtmlPage({ ...input, downloads: downloads.map((link, index) => ({ ...link, size: sizes[shown[index]!] })) }),
    files: [
      { path: 'index.html', contents: utf8(html) },
      { path: 'style.css', contents: utf8(css) },
      { path: 'print.css', contents: utf8(printCss) },
      ...ctx.resources.fonts.files,
    ],
  };
};
