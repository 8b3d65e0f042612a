// The site index and its archive pages: output/index.html, one output/index.<locale>.html per locale, a
// page per year (index.<locale>.<year>.html) once a locale holds many documents, and a page per speaker and
// per place (the filters, static links that need no script). The variables are in docs/templates.md.
import type { Element, ElementContent, Properties, Root } from 'hast';
import { h } from 'hastscript';
import type { Link } from './page.ts';

/** One document as an index in one language shows it: its entry in that language first. */
export interface IndexItem {
  slug: string;
  /** The document's title in the index's language (or its first locale's), with that language. */
  title: string;
  lang: string;
  /** The title's own language when it differs from `lang` (left untranslated). (optional) */
  titleLang?: string;
  /** Its page in that language. */
  href: string;
  /** Date and place, worded and formatted for the index's language: a `time` element and text. */
  dateline: ElementContent[];
  /** The named speakers, each a link to the speaker's page when there is one. */
  speakers: Link[];
  /** Its downloads (PDF, EPUB, bundle), labels and sizes in the index's language. */
  links: Link[];
  /** The document in its other languages; labels are language names in the index's language. */
  others: Link[];
  /** "Original: Русский", in the index's language, the original's page linked when it is published (optional). */
  original?: Link;
}

/** A year or a month: a heading, then either smaller sections or documents. */
export interface IndexSection {
  /** Fragment id of the heading: starts with `_`, which no document slug (an element id too) does. */
  id: string;
  heading: string;
  sections: IndexSection[];
  items: IndexItem[];
}

/** A labelled list of links: the years, the speakers, the places; `current` marks the page itself. */
export interface LinkList {
  heading: string;
  links: (Link & { count?: number; current?: boolean })[];
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
  /** Label of a document's speakers ("Speakers"). */
  speakersHeading: string;
  /** Label of a document's downloads ("Download"). */
  downloadsHeading: string;
  /** The same page in the other languages. */
  alternates: Link[];
  /** Back to the index, on a year, speaker or place page. */
  up?: Link;
  /** The search box: a GET form to the locale's search page. */
  search?: { action: string; label: string; submit: string };
  /** The years, each a page of its own (a large archive). */
  years?: LinkList;
  /** The pages of one year, speaker or place when its documents take more than one. */
  parts?: LinkList;
  /** Static filters: lists of speakers and places, each linking to its page, folded in a disclosure. */
  filters?: { heading: string; lists: LinkList[] };
  /** Heading above `sections` when the page shows only some documents (the latest). */
  sectionsHeading?: string;
  sections: IndexSection[];
  /** Documents as one line each (title, date, place): a speaker's or a place's page. */
  compact?: boolean;
  attribution: string | undefined;
  /** The locale's Atom feed, named in the head for feed readers and browsers. */
  feed?: Link;
}

type Level = 1 | 2 | 3 | 4 | 5 | 6;
const heading = (level: number, properties: Properties, children: ElementContent[] | string): Element =>
  h(`h${Math.min(6, level) as Level}`, properties, children);

const countText = (count: number | undefined) => (count === undefined ? '' : ` (${count})`);

const sizeText = (link: Link, sizeLabel: (bytes: number) => string) =>
  link.size === undefined ? '' : h('span', { className: ['size'] }, ` (${sizeLabel(link.size)})`);

/** The `lang` a title's link needs: the title's own language, when it is not the index's. */
function shownIn(item: IndexItem, data: IndexData): string | undefined {
  const lang = item.titleLang ?? item.lang;
  return lang === data.lang ? undefined : lang;
}

/** A document in full: title linking to its page, date and place, speakers, downloads, other languages. */
function fullItem(item: IndexItem, level: number, data: IndexData, sizeLabel: (bytes: number) => string): Element {
  const foreign = item.lang === data.lang ? undefined : item.lang;
  return h('article', { className: ['document'], id: item.slug }, [
    heading(level, {}, [h('a', { href: item.href, lang: shownIn(item, data), hrefLang: foreign }, item.title)]),
    h('p', { className: ['dateline'] }, item.dateline),
    item.original ? h('p', { className: ['original'] }, originalNode(item.original)) : '',
    item.speakers.length > 0 ? h('p', { className: ['speakers'] }, [`${data.speakersHeading}: `, ...joined(item.speakers)]) : '',
    item.links.length > 0
      ? h(
          'ul',
          { className: ['files'], ariaLabel: data.downloadsHeading },
          item.links.map((link) =>
            h('li', [
              h('a', { href: link.href, type: link.type, download: link.href.split('/').at(-1) }, link.label),
              sizeText(link, sizeLabel),
            ]),
          ),
        )
      : '',
    item.others.length > 0
      ? h('p', { className: ['others'] }, [
          `${data.othersHeading}: `,
          ...joined(item.others.map((link) => ({ ...link, rel: 'alternate' }))),
        ])
      : '',
  ]);
}

/** The original's language as a link to its page (or as text when it is not published), `rel="alternate"`. */
const originalNode = (link: Link): ElementContent =>
  link.href ? h('a', { href: link.href, hrefLang: link.hreflang, rel: ['alternate'] }, link.label) : { type: 'text', value: link.label };

/** A document on one line: title linking to its page, then date and place. */
const compactItem = (item: IndexItem, data: IndexData): Element =>
  h('li', { id: item.slug }, [
    h('a', { href: item.href, lang: shownIn(item, data) }, item.title),
    item.dateline.length > 0 ? ' — ' : '',
    ...item.dateline,
  ]);

function joined(links: (Link & { rel?: string })[]): ElementContent[] {
  return links.flatMap((link, index) => [
    ...(index > 0 ? [{ type: 'text' as const, value: ', ' }] : []),
    link.href
      ? h('a', { href: link.href, hrefLang: link.hreflang, lang: link.lang, rel: link.rel ? [link.rel] : undefined }, link.label)
      : h('span', { lang: link.lang }, link.label),
  ]);
}

function section(part: IndexSection, level: number, data: IndexData, sizeLabel: (bytes: number) => string): Element {
  const items = data.compact
    ? part.items.length > 0
      ? [
          h(
            'ul',
            { className: ['documents'] },
            part.items.map((item) => compactItem(item, data)),
          ),
        ]
      : []
    : part.items.map((item) => fullItem(item, level + 1, data, sizeLabel));
  return h('section', { ariaLabelledBy: [part.id] }, [
    heading(level, { id: part.id }, part.heading),
    ...part.sections.map((inner) => section(inner, level + 1, data, sizeLabel)),
    ...items,
  ]);
}

function linkList(list: LinkList, className: string): Element {
  return h(
    'ul',
    { className: [className] },
    list.links.map((link) =>
      h('li', [
        h('a', { href: link.href, lang: link.lang, ariaCurrent: link.current ? 'page' : undefined }, link.label),
        countText(link.count),
      ]),
    ),
  );
}

export function indexPage(data: IndexData, sizeLabel: (bytes: number) => string): Root {
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
  const search = data.search
    ? h('form', { role: 'search', action: data.search.action, method: 'get', className: ['search'] }, [
        h('label', { htmlFor: '_q' }, data.search.label),
        ' ',
        h('input', { type: 'search', id: '_q', name: 'q' }),
        ' ',
        h('button', { type: 'submit' }, data.search.submit),
      ])
    : '';
  const years = data.years
    ? h('nav', { className: ['years'], ariaLabelledBy: ['_years'] }, [
        h('h2', { id: '_years' }, data.years.heading),
        linkList(data.years, 'years'),
      ])
    : '';
  const parts = data.parts
    ? h('nav', { className: ['parts'], ariaLabelledBy: ['_parts'] }, [
        h('h2', { id: '_parts' }, data.parts.heading),
        linkList(data.parts, 'years'),
      ])
    : '';
  const filters = data.filters
    ? h('nav', { className: ['filters'], ariaLabelledBy: ['_filters'] }, [
        h('h2', { id: '_filters' }, data.filters.heading),
        ...data.filters.lists
          .filter((list) => list.links.length > 0)
          .map((list) => h('details', [h('summary', `${list.heading}${countText(list.links.length)}`), linkList(list, 'filter')])),
      ])
    : '';
  // Under a heading of their own (the latest documents), the years start a level lower.
  const level = data.sectionsHeading ? 3 : 2;
  const sections = data.sections.map((part) => section(part, level, data, sizeLabel));
  const body = data.sectionsHeading
    ? [h('section', { ariaLabelledBy: ['_latest'] }, [h('h2', { id: '_latest' }, data.sectionsHeading), ...sections])]
    : sections;
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
          data.feed
            ? h('link', {
                rel: 'alternate',
                type: data.feed.type,
                hrefLang: data.feed.hreflang,
                href: data.feed.href,
                title: data.feed.label,
              })
            : '',
        ]),
        h('body', [
          h('main', [
            data.up ? h('p', { className: ['up'] }, [h('a', { href: data.up.href }, data.up.label)]) : '',
            h('h1', data.title),
            switcher,
            search,
            h('p', data.intro),
            years,
            parts,
            filters,
            ...body,
          ]),
          data.attribution ? h('footer', { className: ['attribution'] }, data.attribution) : '',
        ]),
      ]),
    ],
  };
}
