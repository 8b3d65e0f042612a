import type { PipelineConfig } from '../config/defaults.ts';
import type { Translate } from '../i18n/ui.ts';
import { languageName, renderIndexPage } from '../render/page.ts';
import { utf8, type OutputFile } from '../render/outputs.ts';
import type { IndexDocument } from '../../templates/page-index.ts';

const INDEX_CSS =
  'body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;line-height:1.5}ul.files{display:flex;gap:1rem;list-style:none;padding:0}footer{color:#555;font-size:.9rem}\n';

/** output/index.html and its stylesheet: every document, every locale, every file. */
export function indexFiles(config: PipelineConfig, documents: IndexDocument[], t: Translate | undefined): OutputFile[] {
  const lang = config.locales[0] ?? config.sourceLocale;
  const translateKey = t ?? ((key: string) => key);
  const languages = new Intl.ListFormat(lang, { type: 'conjunction' }).format(config.locales.map((locale) => languageName(locale, lang)));
  const html = renderIndexPage({
    lang,
    title: translateKey('index.title'),
    intro: translateKey('index.intro', { count: documents.length, languages }),
    stylesheet: 'index.css',
    documents,
    attribution: config.attribution
      ? `${config.attribution.source}${config.attribution.license ? ` (${config.attribution.license})` : ''}`
      : undefined,
  });
  return [
    { path: 'index.html', contents: utf8(html) },
    { path: 'index.css', contents: utf8(INDEX_CSS) },
  ];
}
