// The transcript page shell: one template for the web page and (with `xhtml`) the EPUB content document.
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';

export interface Link {
  href: string;
  label: string;
  /** MIME type, so readers and crawlers know what they get. */
  type?: string;
  lang?: string;
  hreflang?: string;
  /** Size in bytes, shown next to a download link. */
  size?: number;
}

export interface PageData {
  lang: string;
  /** "rtl" for Arabic, Hebrew…: set on <html>; names and numbers in another script are isolated with <bdi>. */
  dir: 'ltr' | 'rtl';
  title: string;
  /** Language of `title` when it is not the page's (it fell back): `lang` on `<title>`. */
  titleLang?: string;
  /** The title as the `<h1>` shows it, a fallen-back part marked with its language (default: `title`). */
  heading?: ElementContent[];
  /** Kind of document, e.g. "Transcript", shown above the title. */
  kind: string;
  dateline: ElementContent[];
  body: ElementContent[];
  notice: string | undefined;
  /** "Translated from Russian." on a translation, "This is the original text." on the original. */
  provenance: ElementContent[];
  downloadsHeading: string;
  /** Label of the language switcher (the alternates list). */
  languagesHeading: string;
  downloads: Link[];
  /** A size in bytes as the page's language writes it: "152 kB", "1,5 МБ". */
  formatSize: (bytes: number) => string;
  alternates: Link[];
  attribution: ElementContent[];
  stylesheet: string;
  /** Page rules for PDF (margin boxes, running footer): kept out of the EPUB, whose checkers reject them. */
  printStylesheet: string | undefined;
  xhtml: boolean;
  /**
   * Link previews of the web page (optional): Open Graph `property`/`content` pairs and the schema.org
   * JSON-LD, the latter already escaped for a script element (render/link-preview.ts).
   */
  preview?: { openGraph: [property: string, content: string][]; jsonLd: string };
}

// Pagefind indexes only what is inside `data-pagefind-body` and not in `data-pagefind-ignore`: the title,
// dateline and text of the document, never the navigation, notices or credits (a search must not match chrome).
const searchBody = (xhtml: boolean) => (xhtml ? {} : { dataPagefindBody: true });
const searchIgnore = (xhtml: boolean) => (xhtml ? {} : { dataPagefindIgnore: true });

export function transcriptPage(data: PageData): Root {
  const header = h('header', { className: ['masthead'] }, [
    h('p', { className: ['kind'], ...searchIgnore(data.xhtml) }, data.kind),
    h('h1', data.heading ?? data.title),
    h('p', { className: ['dateline'] }, data.dateline),
    ...data.provenance.map((node) =>
      node.type === 'element' ? { ...node, properties: { ...node.properties, ...searchIgnore(data.xhtml) } } : node,
    ),
  ]);
  const nav: ElementContent[] = [];
  if (data.downloads.length > 0 || data.alternates.length > 0) {
    nav.push(
      h('nav', { className: ['downloads'], ariaLabel: data.downloadsHeading, ...searchIgnore(data.xhtml) }, [
        h('h2', { className: ['visually-hidden'] }, data.downloadsHeading),
        h(
          'ul',
          data.downloads.map((link) =>
            h('li', [
              h('a', { href: link.href, type: link.type, download: link.href.split('/').at(-1) }, link.label),
              link.size === undefined ? '' : h('span', { className: ['size'] }, ` (${data.formatSize(link.size)})`),
            ]),
          ),
        ),
      ]),
    );
  }
  if (data.alternates.length > 0) {
    nav.push(
      h('nav', { className: ['alternates'], ariaLabel: data.languagesHeading, ...searchIgnore(data.xhtml) }, [
        h(
          'ul',
          data.alternates.map((link) =>
            h('li', [h('a', { href: link.href, hrefLang: link.hreflang, lang: link.lang, rel: ['alternate'] }, link.label)]),
          ),
        ),
      ]),
    );
  }
  const main = h('main', searchBody(data.xhtml), [
    header,
    ...nav,
    data.notice ? h('p', { className: ['notice'], role: 'note', ...searchIgnore(data.xhtml) }, data.notice) : '',
    h('article', data.body),
  ]);
  const footer = h('footer', { className: ['attribution'] }, data.attribution);
  const head = h('head', [
    data.xhtml ? '' : h('meta', { charSet: 'utf-8' }),
    data.xhtml ? '' : h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', { lang: data.titleLang }, data.title),
    ...(data.preview
      ? [
          ...data.preview.openGraph.map(([property, content]) => h('meta', { property, content })),
          h('script', { type: 'application/ld+json' }, data.preview.jsonLd),
        ]
      : []),
    h('link', { rel: 'stylesheet', href: data.stylesheet }),
    data.printStylesheet ? h('link', { rel: 'stylesheet', href: data.printStylesheet, media: 'print' }) : '',
    ...data.alternates.map((link) => h('link', { rel: 'alternate', hrefLang: link.hreflang, href: link.href })),
  ]);
  const html = h(
    'html',
    data.xhtml
      ? { xmlns: 'http://www.w3.org/1999/xhtml', lang: data.lang, xmlLang: data.lang, dir: data.dir }
      : { lang: data.lang, dir: data.dir },
    [head, h('body', [main, footer])],
  );
  return { type: 'root', children: data.xhtml ? [html] : [{ type: 'doctype' }, html] };
}
