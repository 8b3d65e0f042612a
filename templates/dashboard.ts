// output/report/index.html: the translation dashboard. Charts are plain SVG and CSS: the page works offline.
import type { Root } from 'hast';
import { h, s } from 'hastscript';
import { CATEGORIES, type Category, type Counts } from '../pipeline/report/categories.ts';
import type { DashboardData } from '../pipeline/report/dashboard-data.ts';

const LABELS: Record<Category, string> = {
  context: 'Context (101)',
  exact: 'Exact (100)',
  adapted: 'Adapted (99)',
  fuzzy: 'Fuzzy',
  new: 'New',
  stale: 'Stale',
  fellBack: 'Fell back',
};

/** "Russian" for `ru`: the dashboard is in English. */
const languageName = (lang: string) => new Intl.DisplayNames('en', { type: 'language' }).of(lang) ?? lang;
const percent = (part: number, total: number) => (total === 0 ? 0 : Math.round((part / total) * 1000) / 10);
const done = (counts: Counts) => counts.context + counts.exact + counts.adapted;

function describe(counts: Counts, total: number): string {
  return CATEGORIES.filter((category) => counts[category] > 0)
    .map((category) => `${LABELS[category]}: ${counts[category]} of ${total}`)
    .join(', ');
}

/** A stacked bar, one rectangle per category, widths in percent of the segments. */
function bar(counts: Counts, total: number, label: string, height = 28) {
  let x = 0;
  const rects = CATEGORIES.filter((category) => counts[category] > 0).map((category) => {
    const width = percent(counts[category], total);
    const rect = s('rect', { x: `${x}%`, y: 0, width: `${width}%`, height, className: [`c-${category}`] }, [
      s('title', `${LABELS[category]}: ${counts[category]}`),
    ]);
    x += width;
    return rect;
  });
  return s(
    'svg',
    { className: ['bar'], width: '100%', height, role: 'img', ariaLabel: `${label}. ${describe(counts, total) || 'No segments'}` },
    rects,
  );
}

export function dashboardPage(data: DashboardData): Root {
  const legend = h(
    'ul',
    { className: ['legend'] },
    CATEGORIES.map((category) => h('li', [h('span', { className: ['swatch', `c-${category}`], ariaHidden: 'true' }), LABELS[category]])),
  );
  const locales = data.locales.map((entry) =>
    h('section', { className: ['locale'], id: `locale-${entry.locale}`, ariaLabelledby: `h-${entry.locale}` }, [
      h('h2', { id: `h-${entry.locale}` }, [`${entry.name} `, h('span', { className: ['tag'] }, entry.locale)]),
      h('p', { className: ['coverage'] }, [
        h('strong', `${percent(done(entry.counts), entry.total)}%`),
        ` published from the memory (${done(entry.counts)} of ${entry.total} segments)`,
      ]),
      bar(entry.counts, entry.total, `${entry.name} coverage`),
      // One line per language the locale's documents are translated from: a Russian original's en
      // translations are counted apart from the English originals' ru ones.
      entry.directions.length > 1
        ? h(
            'ul',
            { className: ['directions'] },
            entry.directions.map((direction) =>
              h('li', [
                `From ${languageName(direction.from)}: `,
                h('strong', `${percent(done(direction.counts), direction.total)}%`),
                ` (${done(direction.counts)} of ${direction.total} segments)`,
              ]),
            ),
          )
        : '',
      h(
        'ul',
        { className: ['counts'] },
        CATEGORIES.filter((category) => entry.counts[category] > 0).map((category) =>
          h('li', [
            h('span', { className: ['swatch', `c-${category}`], ariaHidden: 'true' }),
            `${LABELS[category]} `,
            h('strong', String(entry.counts[category])),
          ]),
        ),
      ),
      h('h3', `Waiting for translators (${entry.waiting.reduce((sum, item) => sum + item.segments, 0)})`),
      entry.waiting.length === 0
        ? h('p', { className: ['ok'] }, 'Nothing waiting.')
        : h(
            'ul',
            entry.waiting.map((item) =>
              h('li', [
                h('a', { href: item.xliff, download: '' }, `${item.slug}.${entry.locale}.xlf`),
                ` — ${item.segments} segments of “${item.title}”`,
              ]),
            ),
          ),
      h('h3', `Terminology and consistency (${entry.problems.length})`),
      entry.problems.length === 0
        ? h('p', { className: ['ok'] }, 'No problems found.')
        : h(
            'ul',
            { className: ['problems'] },
            entry.problems.map((problem) =>
              h('li', [
                h('span', { className: ['rule'] }, problem.rule),
                ' ',
                h('a', { href: problem.href, hrefLang: problem.locale }, `${problem.slug} ${problem.line}:${problem.column}`),
                ` ${problem.message}`,
              ]),
            ),
          ),
    ]),
  );
  const documents = data.documents.map((document) =>
    h('section', { className: ['document'], ariaLabelledby: `d-${document.slug}` }, [
      h('h3', { id: `d-${document.slug}` }, document.title),
      h('p', { className: ['original'] }, `Original: ${languageName(document.sourceLang ?? data.sourceLocale)}`),
      h('table', [
        h(
          'thead',
          h('tr', [
            h('th', { scope: 'col' }, 'Locale'),
            h('th', { scope: 'col' }, 'Coverage'),
            ...CATEGORIES.map((category) => h('th', { scope: 'col' }, LABELS[category])),
            h('th', { scope: 'col' }, 'Total'),
          ]),
        ),
        h(
          'tbody',
          document.locales.map((row) =>
            h('tr', [
              h('th', { scope: 'row' }, h('a', { href: row.page, hrefLang: row.locale }, row.locale)),
              h('td', { className: ['mini'] }, bar(row.counts, row.total, `${row.locale} coverage of ${document.slug}`, 12)),
              ...CATEGORIES.map((category) =>
                h('td', { className: row.counts[category] === 0 ? ['zero'] : [] }, String(row.counts[category])),
              ),
              h('td', String(row.total)),
            ]),
          ),
        ),
      ]),
    ]),
  );
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', 'Translation dashboard — pressroom'),
          h('link', { rel: 'stylesheet', href: 'dashboard.css' }),
        ]),
        h('body', [
          h('header', [
            h('h1', 'Translation dashboard'),
            h('p', [
              `Source language: ${data.sourceLocale}. `,
              h('a', { href: 'index.json' }, 'The same data as JSON'),
              '. ',
              h('a', { href: '../index.html' }, 'All publications'),
              '.',
            ]),
            legend,
          ]),
          h('main', [
            ...locales,
            h('section', { className: ['documents'], ariaLabelledby: 'h-documents' }, [
              h('h2', { id: 'h-documents' }, 'Documents'),
              ...documents,
            ]),
            termReach(data),
          ]),
        ]),
      ]),
    ],
  };
}

/** What a glossary edit reaches: the concepts met in the sources, with a bar for the segments each touches. */
function termReach(data: DashboardData) {
  const most = Math.max(1, ...data.terms.map((term) => term.segments.length));
  return h('section', { className: ['terms'], ariaLabelledby: 'h-terms' }, [
    h('h2', { id: 'h-terms' }, `Glossary reach (${data.terms.length} concepts in the sources)`),
    h('details', [
      h('summary', 'Segments and documents each glossary concept touches'),
      h(
        'ul',
        { className: ['reach'] },
        data.terms.map((term) =>
          h('li', [
            h('span', { className: ['term'] }, term.term),
            h('span', { className: ['meter'], style: `width:${Math.round((term.segments.length / most) * 100)}%`, ariaHidden: 'true' }),
            ` ${term.segments.length} segments in ${term.documents.length} document${term.documents.length === 1 ? '' : 's'}`,
          ]),
        ),
      ),
    ]),
  ]);
}

export const dashboardCss = `:root{color-scheme:light;font-family:system-ui,sans-serif;line-height:1.45;color:#1a1a1a;background:#fafafa}
body{max-width:64rem;margin:0 auto;padding:1.5rem}
h1{margin:0 0 .25rem}h2{margin:0 0 .5rem}h3{font-size:1rem;margin:1.25rem 0 .25rem}
a{color:#0b57d0}
.locale,.documents,.terms{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0}
.tag{font:600 .8rem ui-monospace,monospace;background:#eee;border-radius:.25rem;padding:.1rem .35rem;vertical-align:middle}
.coverage{margin:.25rem 0 .5rem}.coverage strong{font-size:1.6rem}
svg.bar{display:block;background:#eee;border-radius:.25rem}
ul.legend,ul.counts{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0;margin:.5rem 0}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:.15rem;margin-right:.35rem;vertical-align:-.1rem}
.c-context{fill:#0d47a1;background:#0d47a1}.c-exact{fill:#2e7d32;background:#2e7d32}.c-adapted{fill:#7cb342;background:#7cb342}
.c-fuzzy{fill:#f9a825;background:#f9a825}.c-new{fill:#c62828;background:#c62828}.c-stale{fill:#6a1b9a;background:#6a1b9a}
.c-fellBack{fill:#78909c;background:#78909c}
.ok{color:#2e7d32}
ul.problems{padding-left:1.2rem}.rule{font:600 .8rem ui-monospace,monospace;color:#8a1c1c}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:.25rem .4rem;border-bottom:1px solid #e5e5e5;text-align:right}
ul.reach{list-style:none;padding:0;display:grid;gap:.2rem}ul.reach li{display:grid;grid-template-columns:16rem 1fr auto;align-items:center;gap:.5rem}
.meter{display:block;height:.6rem;background:#2e7d32;border-radius:.2rem;max-width:100%}.term{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
th[scope=row],thead th:first-child{text-align:left}td.mini{width:30%}td.zero{color:#6b6b6b}
`;
