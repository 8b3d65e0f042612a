import { dashboardCss, dashboardPage } from '../../templates/dashboard.ts';
import type { PipelineConfig } from '../config/defaults.ts';
import { PipelineError } from '../errors.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { layout, utf8, type OutputFile } from '../render/outputs.ts';
import { languageName } from '../render/page.ts';
import { serializeHtml } from '../render/serialize.ts';
import type { Resources } from '../stage.ts';
import type { LocaleSegments } from '../xliff/collect.ts';
import { exportDocument, xliffFileName } from '../xliff/export.ts';
import { memorySuggestions } from '../xliff/suggest.ts';
import { writeXliff } from '../xliff/write.ts';
import { CATEGORIES, emptyCounts, type Counts } from './categories.ts';
import { checkTerms, type TermProblem } from './term-check.ts';
import type { DashboardData } from './dashboard-data.ts';

export { CATEGORIES, categoryOf, type Category, type Counts } from './categories.ts';

/** One document in one target locale as the build left it: its segments and its counts from report.json. */
export interface DashboardEntry {
  doc: LocaleSegments;
  counts: Counts;
}

export type { DashboardData };

/** Which segments each glossary concept touches, so a translator editing a term knows what rebuilds. */
export function termUsage(docs: readonly LocaleSegments[], glossary: Glossary, sourceLang: string): DashboardData['terms'] {
  const usage = new Map<string, DashboardData['terms'][number]>();
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.file.slug)) continue;
    seen.add(doc.file.slug);
    for (const state of doc.segments) {
      for (const hit of glossary.find(state.source.source, doc.sourceLang ?? sourceLang)) {
        const entry = usage.get(hit.concept.id) ?? { concept: hit.concept.id, term: hit.term.text, documents: [], segments: [] };
        if (!entry.documents.includes(doc.file.slug)) entry.documents.push(doc.file.slug);
        if (!entry.segments.includes(state.source.id)) entry.segments.push(state.source.id);
        usage.set(hit.concept.id, entry);
      }
    }
  }
  // A fixed collation: the process's locale (LC_ALL) must not reorder the list between two builds.
  return [...usage.values()].sort((a, b) => b.segments.length - a.segments.length || a.term.localeCompare(b.term, 'en'));
}

export function dashboardData(
  entries: readonly DashboardEntry[],
  problems: readonly TermProblem[],
  config: PipelineConfig,
  xliffFor: (doc: LocaleSegments) => string | undefined,
): DashboardData {
  // Each document has its own language: the default's locale is a target too when a document in another language translates into it.
  const targets = config.locales.filter((locale) => locale !== config.sourceLocale || entries.some((entry) => entry.doc.locale === locale));
  const documents = new Map<string, DashboardData['documents'][number]>();
  const locales = targets.map((locale) => {
    const counts = emptyCounts();
    let total = 0;
    const waiting: DashboardData['locales'][number]['waiting'] = [];
    const directions = new Map<string, DashboardData['locales'][number]['directions'][number]>();
    for (const { doc, counts: own } of entries.filter((entry) => entry.doc.locale === locale)) {
      for (const category of CATEGORIES) counts[category] += own[category];
      total += doc.segments.length;
      const from = doc.sourceLang ?? config.sourceLocale;
      const direction = directions.get(from) ?? { from, counts: emptyCounts(), total: 0 };
      for (const category of CATEGORIES) direction.counts[category] += own[category];
      direction.total += doc.segments.length;
      directions.set(from, direction);
      const work = own.new + own.fuzzy + own.stale + own.fellBack;
      const xliff = xliffFor(doc);
      if (work > 0 && xliff) waiting.push({ slug: doc.file.slug, title: doc.title, segments: work, xliff });
      const row = documents.get(doc.file.slug) ?? {
        slug: doc.file.slug,
        title: doc.title,
        ...(doc.sourceLang ? { sourceLang: doc.sourceLang } : {}),
        locales: [],
      };
      row.locales.push({ locale, counts: own, total: doc.segments.length, page: `../${layout.page(doc.file.slug, locale)}` });
      documents.set(doc.file.slug, row);
    }
    return {
      locale,
      name: languageName(locale, 'en'),
      counts,
      total,
      problems: problems.filter((problem) => problem.locale === locale).map((problem) => ({ ...problem, href: segmentLink(problem) })),
      waiting,
      directions: [...directions.values()],
    };
  });
  return { sourceLocale: config.sourceLocale, locales, documents: [...documents.values()], terms: [] };
}

/** A text fragment (`#:~:text=`) to the sentence in the published page: pages carry no per-sentence anchors. */
function segmentLink(problem: TermProblem): string {
  const words = problem.target.split(/\s+/).filter(Boolean);
  const start = words.slice(0, Math.min(6, words.length)).join(' ');
  const encode = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');
  return `../${layout.page(problem.slug, problem.locale)}#:~:text=${encode(start)}`;
}

/**
 * output/report/: the dashboard, its JSON twin, and the XLIFF for every document that has work waiting; a
 * function of the build's results (each artifact's segments and report.json counts, pipeline/engine/document.ts),
 * the glossary and the memories the XLIFF suggestions come from. It reads no document again.
 */
export async function dashboardFiles(
  config: PipelineConfig,
  resources: Resources,
  reports: readonly { slug: string; locales: readonly { locale: string; counts?: Counts }[] }[],
  docs: readonly LocaleSegments[],
): Promise<OutputFile[]> {
  const counts = new Map(
    reports.flatMap((report) => report.locales.map((locale) => [`${report.slug}\u0000${locale.locale}`, locale.counts])),
  );
  const entries = docs.map((doc): DashboardEntry => {
    const found = counts.get(`${doc.file.slug}\u0000${doc.locale}`);
    if (!found)
      throw new PipelineError(`No counts in the report for ${doc.file.slug}/${doc.locale}: the engine keeps them with its segments`);
    return { doc, counts: found };
  });
  const problems = checkTerms(docs, resources.glossary, config.sourceLocale);
  const files: OutputFile[] = [];
  const suggest = await memorySuggestions(config);
  const data = dashboardData(entries, problems, config, (doc) => {
    const xliff = exportDocument(doc, { sourceLang: config.sourceLocale, glossary: resources.glossary, settings: config.xliff, suggest });
    if (!xliff) return undefined;
    const name = `xliff/${xliffFileName(doc.file.slug, doc.locale)}`;
    files.push({ path: `report/${name}`, contents: utf8(writeXliff(xliff)) });
    return name;
  });
  data.terms = termUsage(docs, resources.glossary, config.sourceLocale);
  files.push(
    { path: 'report/index.html', contents: utf8(serializeHtml(dashboardPage(data))) },
    { path: 'report/dashboard.css', contents: utf8(dashboardCss) },
    { path: 'report/index.json', contents: utf8(JSON.stringify(data, null, 2) + '\n') },
  );
  return files;
}
