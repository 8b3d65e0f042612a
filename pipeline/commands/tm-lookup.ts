import path from 'node:path';
import { languageName } from '../glossary/languages.ts';
import { defaults } from '../config/defaults.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { findMatches, matchChain } from '../tm/match.ts';
import { TranslationMemory } from '../tm/memory.ts';
import { parseTmx } from '../tm/tmx.ts';
import { countOf } from '../util/plural.ts';
import { readTextResource } from '../util/text-resource.ts';
import { loadCliConfig } from './build.ts';
import { defineCommand } from './define.ts';
import { CONFIG_OPTION } from './options.ts';
import { UsageError } from './types.ts';

export const tmLookupCommand = defineCommand({
  name: 'tm lookup',
  synopsis: '[--memory FILE…] --from <lng> --to <lng> "TEXT" [--json]',
  about: `Looks TEXT up in translation memories with the build's matcher (the XLIFF suggestions use it too): an
exact match (100), else fuzzy matches from the index with their score and band (95-99, 85-94, 75-84,
50-74; a fuzzy score is never 100); a match that differs only in numbers is adapted (99) with the numbers
substituted in the target.`,
  options: {
    memory: {
      type: 'string',
      value: '<file>',
      multiple: true,
      help: "a TMX file; repeat for several (default: the project's configured memories)",
    },
    from: { type: 'string', value: '<lng>', help: "source language (default: the config's sourceLocale)" },
    to: {
      type: 'string',
      value: '<lng>',
      help: [
        'target language, looked up as the build looks it up: the language and the regional',
        "variants the memories hold (ru-RU for ru), then the config's fallbackLng chain when",
        'onMissing is "fallback"; a language no memory holds is an error naming the languages',
        'they hold (exit 2)',
      ].join('\n'),
    },
    min: { type: 'string', value: '<score>', help: 'lowest score shown (default: 50)' },
    limit: { type: 'string', value: '<n>', help: 'matches shown (default: 5)' },
    json: { type: 'boolean', help: 'print an array of matches, best first: source, target, score, band, lang, file, line' },
    ...CONFIG_OPTION,
  },
  async run({ values, positionals }, io) {
    const text = positionals.join(' ').trim();
    if (!text) throw new UsageError('Missing TEXT, expected the sentence to look up in quotes');
    const to = values.to ? canonicalLocale(values.to) : undefined;
    if (!to) throw new UsageError(`Unexpected --to ${values.to ?? '(missing)'}, expected a BCP 47 tag such as ru`);
    const minScore = values.min === undefined ? 50 : Number(values.min);
    const limit = values.limit === undefined ? 5 : Number(values.limit);
    if (!Number.isInteger(minScore) || minScore < 1 || minScore > 100)
      throw new UsageError(`Unexpected --min ${values.min}, expected a whole number from 1 to 100`);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`Unexpected --limit ${values.limit}, expected a whole number ≥ 1`);

    const config = values.memory && values.from ? undefined : await loadCliConfig({ config: values.config });
    const from = canonicalLocale(values.from ?? config?.sourceLocale ?? '');
    if (!from) throw new UsageError(`Unexpected --from ${values.from}, expected a BCP 47 tag such as en`);
    const files = values.memory ?? config?.memories ?? [];
    const memory = new TranslationMemory();
    const held = new Set<string>();
    for (const file of files) {
      const shown = path.relative(process.cwd(), file) || file;
      const document = parseTmx(await readTextResource(file, shown, 'the translation memory'), shown);
      for (const unit of document.units) for (const lang of unit.variants.keys()) held.add(lang);
      memory.add(document, from);
    }
    // The build's chain: the config's fallbackLng and onMissing (their defaults without a config).
    const chain = matchChain(to, {
      sourceLocale: from,
      fallbackLng: config?.fallbackLng ?? defaults.fallbackLng,
      onMissing: config?.onMissing ?? defaults.onMissing,
    });
    // "0 matches" for a language no memory holds reads as "nothing similar was translated": say which it is.
    for (const [flag, wanted] of [
      ['--from', [from]],
      ['--to', chain.length > 0 ? chain : [to]],
    ] as const)
      if (files.length > 0 && !holds(held, wanted))
        throw new UsageError(
          `Unexpected ${flag} ${wanted[0]}${languageName(wanted[0]!) ? ` (${languageName(wanted[0]!)})` : ''}: no unit of ${shownFiles(files)} has it, expected one of the languages they hold: ${held.size > 0 ? [...held].sort().join(', ') : 'none (no units)'}`,
        );
    const matches = findMatches({ source: text }, memory, { target: to, chain, minScore, limit }).matches.map((match) => ({
      source: match.entry.source,
      target: match.target,
      score: match.score,
      band: match.band,
      lang: match.lang,
      file: match.entry.unit.file,
      line: match.entry.unit.line,
    }));
    if (values.json) io.out(JSON.stringify(matches, null, 2) + '\n');
    else {
      for (const match of matches)
        io.out(`${match.score}  ${match.band.padEnd(7)}  ${match.file}:${match.line}\n  ${match.source}\n  ${match.target}\n`);
      io.out(`${countOf(matches.length, 'match', 'matches')} in ${countOf(files.length, 'memory', 'memories')}\n`);
    }
    return 0;
  },
});

/** Whether the memories hold a language of the chain, or a regional variant of one (the lookup uses those too). */
function holds(held: ReadonlySet<string>, chain: readonly string[]): boolean {
  return [...held].some((lang) => chain.some((wanted) => lang === wanted || lang.toLowerCase().startsWith(`${wanted.toLowerCase()}-`)));
}

const shownFiles = (files: readonly string[]) =>
  files.length > 3 ? `the ${files.length} memories` : files.map((file) => path.relative(process.cwd(), file) || file).join(', ');
