// output/index.html: every document, every locale, every file.
import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Link } from './page.ts';

export interface IndexEntry {
  title: string;
  lang: string;
  dateline: string;
  languageName: string;
  page: Link;
  files: Link[];
}

export interface IndexDocument {
  slug: string;
  entries: IndexEntry[];
}

export interface IndexData {
  lang: string;
  title: string;
  intro: string;
  stylesheet: string;
  documents: IndexDocument[];
  attribution: string | undefined;
}

export function indexPage(data: IndexData): Root {
  const documents = data.documents.map((document) =>
    h('section', { className: ['document'], id: document.slug }, [
      h('h2', { lang: document.entries[0]?.lang }, document.entries[0]?.title ?? document.slug),
      h(
        'ul',
        document.entries.map((entry) =>
          h('li', { lang: entry.lang }, [
            h('a', { href: entry.page.href, hrefLang: entry.lang }, [
              h('span', { className: ['language'] }, entry.languageName),
              ': ',
              entry.title,
            ]),
            ' ',
            h('span', { className: ['dateline'] }, entry.dateline),
            h(
              'ul',
              { className: ['files'] },
              entry.files.map((file) =>
                h('li', [h('a', { href: file.href, type: file.type, download: file.href.split('/').at(-1) }, file.label)]),
              ),
            ),
          ]),
        ),
      ),
    ]),
  );
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: data.lang }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', data.title),
          h('link', { rel: 'stylesheet', href: data.stylesheet }),
        ]),
        h('body', [
          h('main', [h('h1', data.title), h('p', data.intro), ...documents]),
          data.attribution ? h('footer', { className: ['attribution'] }, data.attribution) : '',
        ]),
      ]),
    ],
  };
}
