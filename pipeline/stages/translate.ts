import { resolveLocales } from '../locale/resolve.ts';
import { documentLanguage } from '../locale/source-language.ts';
import type { Stage } from '../stage.ts';
import { translateTree, type TermChange, type TranslationStats } from '../translate/translate-tree.ts';
import type { TranscriptRoot } from '../types.ts';

export const translate: Stage<TranscriptRoot, { tree: TranscriptRoot; stats: TranslationStats; terms: TermChange[] }> = (tree, ctx) =>
  translateTree(
    tree,
    {
      // The document's own language (per-document source languages, issue 16), else the config's default.
      sourceLang: documentLanguage(tree, ctx.config),
      chain: resolveLocales(ctx.locale, ctx.config.fallbackLng),
      memory: ctx.resources.memory,
      glossary: ctx.resources.glossary,
      onMissing: ctx.config.onMissing,
      minScore:
        typeof ctx.config.tmMinScore === 'number'
          ? ctx.config.tmMinScore
          : (ctx.config.tmMinScore[ctx.locale] ?? ctx.config.tmMinScore.default),
      doc: ctx.file.slug,
      termSeverity:
        typeof ctx.config.termSeverity === 'string'
          ? ctx.config.termSeverity
          : (ctx.config.termSeverity[ctx.locale] ?? ctx.config.termSeverity.default),
    },
    ctx.report,
  );
