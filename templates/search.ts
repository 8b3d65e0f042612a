// The search page, search.<locale>.html: a form that submits `?q=` to itself and a results list that
// search.js fills from the Pagefind index of the page's own language (<html lang>).
import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Link } from './page.ts';

export interface SearchData {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** Label of the query field. */
  label: string;
  submit: string;
  /** Status line over the results, `{number}` where the count goes. */
  found: string;
  /** Status line when nothing matched, `{query}` where the query goes. */
  none: string;
  /** Status line when the index could not be loaded. */
  failed: string;
  noscript: string;
  /** This page's own name, the form's action. */
  action: string;
  /** The locale's site index. */
  index: Link;
  stylesheet: string;
  script: string;
  languagesHeading: string;
  /** The search page in the other languages. */
  alternates: Link[];
}

export function searchPage(data: SearchData): Root {
  const head = h('head', [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', data.title),
    h('link', { rel: 'stylesheet', href: data.stylesheet }),
    ...data.alternates.map((link) => h('link', { rel: 'alternate', hrefLang: link.hreflang, href: link.href })),
    h('script', { type: 'module', src: data.script }),
  ]);
  const main = h(
    'main',
    // The script reads its strings here: the page is the catalog's only channel to the browser.
    { id: 'search', dataFound: data.found, dataNone: data.none, dataFailed: data.failed },
    [
      h('h1', data.title),
      h('form', { role: 'search', action: data.action, method: 'get' }, [
        h('label', { htmlFor: 'q' }, data.label),
        ' ',
        h('input', { type: 'search', id: 'q', name: 'q', autoComplete: 'off' }),
        ' ',
        h('button', { type: 'submit' }, data.submit),
      ]),
      h('noscript', [h('p', data.noscript)]),
      h('p', { id: 'search-status', role: 'status' }),
      h('ol', { id: 'search-results', className: ['results'] }),
      h('p', { className: ['back'] }, [h('a', { href: data.index.href }, data.index.label)]),
    ],
  );
  const nav = h('nav', { className: ['alternates'], ariaLabel: data.languagesHeading }, [
    h('ul', [
      ...data.alternates.map((link) =>
        h('li', [
          h('a', { href: link.href, hrefLang: link.hreflang, lang: link.lang, rel: ['alternate'], dataKeepQuery: true }, link.label),
        ]),
      ),
    ]),
  ]);
  return {
    type: 'root',
    children: [{ type: 'doctype' }, h('html', { lang: data.lang, dir: data.dir }, [head, h('body', [main, nav])])],
  };
}

/**
 * search.js, one for every locale's page. It asks Pagefind only when the index has the page's language:
 * Pagefind would otherwise fall back to the language with the most pages, and a Russian reader would get
 * English results. Results are built as DOM nodes; of Pagefind's excerpt only text and `mark` are kept.
 * Note: Pagefind escapes `<` and `>` of the page's text in excerpts but not `&`, so the excerpt is parsed
 * (inert, by DOMParser) rather than trusted: markup quoted in a transcript shows as text.
 */
export const SEARCH_SCRIPT = `const root = document.getElementById('search');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const lang = document.documentElement.lang;
const query = (new URLSearchParams(location.search).get('q') ?? '').trim();
document.getElementById('q').value = query;
if (query) {
  for (const link of document.querySelectorAll('a[data-keep-query]')) link.search = '?' + new URLSearchParams({ q: query });
  run().catch(() => {
    status.textContent = root.dataset.failed;
  });
}

async function run() {
  const base = new URL('pagefind/', import.meta.url);
  const response = await fetch(new URL('pagefind-entry.json', base));
  if (!response.ok) throw new Error('no search index');
  const languages = Object.keys((await response.json()).languages ?? {});
  const found = languages.some((each) => each.toLowerCase() === lang.toLowerCase()) ? await search(base) : { total: 0, shown: [] };
  list.replaceChildren(...found.shown.map(item));
  status.textContent = found.total
    ? root.dataset.found.replace('{number}', new Intl.NumberFormat(lang).format(found.total))
    : root.dataset.none.replace('{query}', query);
}

/** The number of matching pages and the first 50 of them, best first. */
async function search(base) {
  const pagefind = await import(new URL('pagefind.js', base).href);
  const found = await pagefind.search(query);
  return { total: found.results.length, shown: await Promise.all(found.results.slice(0, 50).map((result) => result.data())) };
}

function item(data) {
  const link = document.createElement('a');
  const target = new URL(String(data.raw_url ?? data.url).replace(/^\\/+/, ''), location.href);
  link.href = target.protocol === location.protocol ? target.href : '#';
  link.textContent = data.meta?.title ?? target.pathname;
  const heading = document.createElement('h2');
  heading.append(link);
  const excerpt = document.createElement('p');
  const parsed = new DOMParser().parseFromString(String(data.excerpt ?? ''), 'text/html');
  for (const node of parsed.body.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) excerpt.append(node.textContent);
    else if (node.nodeName === 'MARK') excerpt.append(Object.assign(document.createElement('mark'), { textContent: node.textContent }));
    else excerpt.append(node.textContent ?? '');
  }
  const entry = document.createElement('li');
  entry.append(heading, excerpt);
  return entry;
}
`;
