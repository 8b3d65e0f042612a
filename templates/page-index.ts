// The site index: output/index.html and one output/index.<locale>.html per locale, every document with
// its date, place, locales and downloads, in the index's language. The variables are in docs/templates.md.
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Link } from './page.ts';

/** One document in one locale, as the build recorded it (cached with the document's files). */
export interface IndexEntry {
  title: string;
  lang: string;
  /** Date and place as the document's own page prints them, in its language. */
  dateline: string;
  /** ISO date of the event (YYYY-MM-DD), when the transcript gives one. */
  date?: string;
  /** Place of the event, when the transcript gives one. */
  place?: string;
  /** Language of the place's name when it stayed untranslated (isolated with `bdi`). */
  placeLang?: string;
  /** The locale's name in its own language. */
  languageName: string;
  page: Link;
  /** PDF, EPUB, bundle: `size` in bytes. */
  files: Link[];
  /** The lead paragraph as plain text, in this entry's language (feeds' summaries, link previews). */
  lead?: string;
  /** Names of the named speakers, in this entry's language (index filters); generic roles left out. */
  speakers?: string[];
}

export interface IndexDocument {
  slug: string;
  entries: IndexEntry[];
}

/** One document as an index in one language shows it: its entry in that language first. */
export interface IndexItem {
  slug: string;
  /** The document's title in the index's language (or its first locale's), with that language. */
  title: string;
  lang: string;
  /** Date and place, worded and formatted for the index's language: a `time` element and text. */
  dateline: ElementContent[];
  /** The page in that language and its downloads, labels and sizes in the index's language. */
  links: Link[];
  /** The document in its other languages; labels are language names in the index's language. */
  others: Link[];
}

export interface IndexData {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  intro: string;
  stylesheet: string;
  /** Label of the list of the document's other languages. */
  othersHeading: string;
  /** Label of the language switcher between the indexes. */
  languagesHeading: string;
  /** The index in the other languages (`index.<locale>.html`). */
  alternates: Link[];
  items: IndexItem[];
  attribution: string | undefined;
}

const linkItem = (link: Link, sizeLabel: (bytes: number) => string) =>
  h('li', [
    h(
      'a',
      { href: link.href, type: link.type, hrefLang: link.hreflang, download: link.type ? link.href.split('/').at(-1) : undefined },
      link.label,
    ),
    link.size === undefined ? '' : h('span', { className: ['size'] }, ` (${sizeLabel(link.size)})`),
  ]);

export function indexPage(data: IndexData, sizeLabel: (bytes: number) => string): Root {
  const items = data.items.map((item) =>
    h('section', { className: ['document'], id: item.slug, ariaLabelledBy: [`${item.slug}-title`] }, [
      h('h2', { id: `${item.slug}-title`, lang: item.lang === data.lang ? undefined : item.lang }, item.title),
      h('p', { className: ['dateline'] }, item.dateline),
      h(
        'ul',
        { className: ['files'] },
        item.links.map((link) => linkItem(link, sizeLabel)),
      ),
      item.others.length > 0
        ? h('p', { className: ['others'] }, [
            `${data.othersHeading}: `,
            ...item.others.flatMap((link, index) => [
              index > 0 ? ', ' : '',
              h('a', { href: link.href, hrefLang: link.hreflang, rel: ['alternate'] }, link.label),
            ]),
          ])
        : '',
    ]),
  );
  const switcher =
    data.alternates.length > 0
      ? h('nav', { className: ['alternates'], ariaLabel: data.languagesHeading }, [
          h(
            'ul',
            data.alternates.map((link) =>
              h('li', [h('a', { href: link.href, hrefLang: link.hreflang, lang: link.lang, rel: ['alternate'] }, link.label)]),
            ),
          ),
        ])
      : '';
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: data.lang, dir: data.dir }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', data.title),
          h('link', { rel: 'stylesheet', href: data.stylesheet }),
          ...data.alternates.map((link) => h('link', { rel: 'alternate', hrefLang: link.hreflang, href: link.href })),
        ]),
        h('body', [
          h('main', [h('h1', data.title), switcher, h('p', data.intro), ...items]),
          data.attribution ? h('footer', { className: ['attribution'] }, data.attribution) : '',
        ]),
      ]),
    ],
  };
}
