import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { PipelineConfig } from '../config/defaults.ts';
import { expandInputs } from '../config/load.ts';
import { slugify } from '../emit/slug.ts';
import { PipelineError } from '../errors.ts';
import { checkSegmentTerms } from '../glossary/check.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { INPUT_EXTENSIONS } from '../ingest/index.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { matchKey } from '../normalize/typography.ts';
import { relative } from '../resources.ts';
import { collectSegments, needsWork, type LocaleSegments } from '../xliff/collect.ts';
import { fromPhrasing, parseUnitId } from '../xliff/model.ts';
import { count } from '../xliff/plural.ts';
import { recordedStates, withResources } from '../xliff/project.ts';
import { readXliff, type ReturnedFile } from '../xliff/read.ts';
import { decodeTextResource } from '../util/text-resource.ts';
import { utf16Encoding } from '../ingest/read-blocks.ts';
import { mergeIntoTmx, tmxDate, type MergeEntry } from '../xliff/tmx-merge.ts';
import { languageProblem, rejectedDiagnostic, sameOrRegional, validateReturn, type ProjectUnit, type Verdict } from '../xliff/validate.ts';
import { createDiagnostic, type Diagnostic } from '../report/messages.ts';
import { diagnosticFromError, printDiagnostics } from '../report/print.ts';
import { findConfigFile, loadCliConfig } from './build.ts';
import { defineCommand } from './define.ts';
import { CONFIG_OPTION, FORMAT_OPTION } from './options.ts';
import { UsageError } from './types.ts';

type FileEntry = MergeEntry & { file: string; translator: string | undefined; sourceLang: string };

interface Returned {
  file: string;
  xliff: ReturnedFile;
  locale: string;
  why: string;
}

export const xliffImportCommand = defineCommand({
  name: 'xliff import',
  synopsis: '<file.xlf>… [options]',
  about: `Checks returned XLIFF files (1.2 or 2.x) and puts the accepted translations into the project's memory
(locales/<lng>/*.tmx) with their state, date, translator and file. The languages are the file's own
(source-language/target-language, or srcLang/trgLang); its name does not matter. Every unit is checked
before anything is written: known id, unchanged source, same inline codes, same numbers, states moving
forward. If any unit is rejected, nothing is written and the exit code is 1. Imported targets are
checked against the glossary (deprecated or missing terms): warnings, or rejections with --strict.
The document of a unit is found among the config's inputs, or at the path the file's "original" names.
Nothing is written when nothing changed.`,
  options: {
    locale: {
      type: 'string',
      value: '<lng>',
      help: "the target language you expect; a file that says another is refused (default: the\nfile's target language, else the name's <document>.<lng>.xlf)",
    },
    strict: { type: 'boolean', help: 'refuse targets with a deprecated or missing glossary term' },
    translator: {
      type: 'string',
      value: '<name>',
      help: "recorded as the translations' author (TMX changeid); default: the file's\nXLIFF 1.2 <phase contact-name>, if any",
    },
    ...CONFIG_OPTION,
    ...FORMAT_OPTION,
  },
  async run({ values, positionals, format }, io) {
    if (positionals.length === 0) throw new UsageError('Missing XLIFF files, expected e.g. pressroom xliff import xliff/*.xlf');
    const config = await loadCliConfig({ config: values.config });
    // Without a config there is no list of locales to hold a file against: its own language is the project's.
    const configured = findConfigFile(values.config) !== undefined;
    const given = values.locale;
    const returned: Returned[] = [];
    // Rejections (errors) and, without --strict, glossary warnings: diagnostics with the file and line.
    const lines: Diagnostic[] = [];
    const error = (file: string, line: number | undefined, reason: string, ruleId: string) =>
      lines.push(
        createDiagnostic({ file, place: line === undefined ? undefined : { line, column: 1 }, severity: 'error', reason, ruleId }),
      );
    // A file that cannot be read at all, or is for other languages, is one line of its own, not one per unit.
    let unreadable = 0;
    for (const file of positionals) {
      const name = relative(path.resolve(file));
      try {
        // Sniffed as the memories are: a tool may return the file in UTF-16 with a BOM.
        const xliff = readXliff(decodeTextResource(await readFile(file), name, 'an XLIFF file'), name);
        // The file says what it is; its name is only a hint for files that do not (po2xliff writes no target-language).
        const fromName = /\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.xlf{1,2}$/.exec(path.basename(file))?.[1];
        const locale = given ?? xliff.targetLang ?? fromName;
        if (!locale)
          throw new UsageError(
            `Cannot tell the target language of ${name}: the file states none (no target-language); give --locale, or name it <document>.<lng>.xlf`,
          );
        const why = given
          ? `--locale ${given} was given`
          : xliff.targetLang
            ? 'the file says so'
            : `the file name ${path.basename(file)} says so`;
        const written = canonicalLocale(locale.replaceAll('_', '-')) ?? locale;
        // A tool's regional form of a project locale (ky-KG for ky) is that locale.
        const regional = config.locales.includes(written) ? undefined : config.locales.find((known) => sameOrRegional(written, known));
        const entry = { file: name, xliff, locale: regional ?? written, why };
        if (!configured && entry.locale !== config.sourceLocale && !config.locales.includes(entry.locale))
          config.locales = [...config.locales, entry.locale];
        const wrong =
          languageProblem(xliff, { targetLang: entry.locale, why }) ??
          (config.locales.includes(entry.locale)
            ? undefined
            : `the file’s target language ${entry.locale} is not one of the project’s locales (${config.locales.join(', ')}); add it to "locales" in the config, or import into the project it was exported from`);
        if (wrong) {
          error(name, xliff.line, wrong, 'xliff:wrong-language');
          unreadable += 1;
        } else returned.push(entry);
      } catch (error) {
        if (error instanceof UsageError) throw error;
        if (!(error instanceof PipelineError || (error as NodeJS.ErrnoException).code)) throw error;
        // An InputError names its file, place and rule; a file that cannot be read is this one.
        const found = diagnosticFromError(error);
        lines.push(found.ruleId === 'pressroom:error' ? { ...found, file: name, ruleId: 'xliff:unreadable', source: 'xliff' } : found);
        unreadable += 1;
      }
    }
    const strict = values.strict === true;
    const warnings: Diagnostic[] = [];
    const byLocale = new Map<string, FileEntry[]>();
    const tally = { new: 0, updated: 0, unchanged: 0, pending: 0 };
    const { inputs, missing } = await documentsOf(config, returned);
    for (const { entry, slug } of missing) {
      error(
        entry.file,
        entry.xliff.line,
        `document “${slug}” is not among the config’s inputs${entry.xliff.original ? `, and the file’s original “${entry.xliff.original}” is not a transcript here` : ''}; import from the folder the export ran in, or add the transcript to "inputs"`,
        'xliff:unknown-document',
      );
      unreadable += 1;
    }
    const ready = returned.filter((entry) => !missing.some((gone) => gone.entry === entry));
    const locales = [...new Set(ready.map((entry) => entry.locale))];
    await withResources(config, async (resources) => {
      const docs = locales.length > 0 && inputs.length > 0 ? await collectSegments({ ...config, inputs }, resources, { locales }) : [];
      for (const entry of ready) {
        const verdict = await judge(entry, docs, config);
        for (const rejected of verdict.rejected) lines.push(rejectedDiagnostic(entry.file, rejected));
        for (const problem of termProblems(verdict, entry, resources.glossary, sourceLanguageOf(entry, docs, config), strict))
          (strict ? lines : warnings).push(problem);
        tally.pending += verdict.pending;
        tally.unchanged += verdict.unchanged;
        const list = byLocale.get(entry.locale) ?? [];
        for (const accepted of verdict.accepted) {
          tally[accepted.change] += 1;
          list.push({
            sourceLang: sourceLanguageOf(entry, docs, config),
            id: accepted.segmentId,
            source: accepted.source,
            target: accepted.target,
            state: accepted.state,
            context: placeOf(docs, entry.locale, accepted.unitId),
            file: path.basename(entry.file),
            translator: values.translator ?? entry.xliff.translator,
          });
        }
        byLocale.set(entry.locale, list);
      }
    });
    // Text goes with the other messages to stderr; JSON and annotations are stdout's, for a script or CI.
    printDiagnostics([...warnings, ...lines], { format, write: format === 'text' ? io.err : io.out });
    if (lines.length > 0) {
      const units = lines.length - unreadable;
      const what = [units > 0 ? count(units, 'unit') : '', unreadable > 0 ? count(unreadable, 'file') : ''].filter(Boolean);
      io.err(`Rejected ${what.join(' and ')}; nothing was imported. Fix them (or remove them from the file) and import again.\n`);
      return 1;
    }
    const changed = tally.new + tally.updated;
    const written = changed > 0 ? await writeMemories(config, byLocale, io.out) : 0;
    const summary = `${tally.new} new, ${tally.updated} updated, ${tally.unchanged} unchanged, ${tally.pending} not ready (no target or needs review)`;
    io.out(
      written > 0 ? `Imported ${count(changed, 'translation')}: ${summary}\n` : `Nothing to import: ${summary}; no file was written\n`,
    );
    return 0;
  },
});

/**
 * The transcripts the returned files' units belong to: a config input with the unit's slug, else the
 * transcript the file's `original` names (what export writes), so that a document exported by path, or
 * the dashboard's XLIFF of a build given transcripts on the command line, comes back without a config
 * entry. `original` is untrusted: only a transcript below the working folder, with the unit's slug.
 */
async function documentsOf(
  config: PipelineConfig,
  returned: readonly Returned[],
): Promise<{ inputs: string[]; missing: { entry: Returned; slug: string }[] }> {
  const known = await expandInputs(config.inputs).catch(() => [] as string[]);
  const inputs = new Set<string>();
  const missing: { entry: Returned; slug: string }[] = [];
  const cwd = process.cwd();
  for (const entry of returned) {
    const slugs = new Set(entry.xliff.units.map((unit) => parseUnitId(unit.id)?.slug).filter((slug) => slug !== undefined));
    const lost: string[] = [];
    for (const slug of slugs) {
      const original = entry.xliff.original ? path.resolve(cwd, entry.xliff.original) : undefined;
      const inside =
        original !== undefined && !path.relative(cwd, original).startsWith('..') && !path.isAbsolute(path.relative(cwd, original));
      const usable =
        original !== undefined &&
        inside &&
        INPUT_EXTENSIONS.some((ext) => original.toLowerCase().endsWith(ext)) &&
        slugify(original) === slug &&
        existsSync(original);
      const found = usable ? original : known.find((input) => slugify(input) === slug);
      if (found) inputs.add(found);
      else lost.push(slug);
    }
    // Without any of its documents the file is one error; a stray unit of a file whose document is here is
    // an unknown unit of its own (validateReturn).
    if (lost.length === slugs.size) missing.push(...lost.map((slug) => ({ entry, slug })));
  }
  return { inputs: [...inputs], missing };
}

async function judge(entry: Returned, docs: LocaleSegments[], config: PipelineConfig): Promise<Verdict> {
  const states = await recordedStates(config, entry.locale, sourceLanguageOf(entry, docs, config));
  const project = (slug: string, position: number): ProjectUnit | undefined => {
    const state = docs.find((doc) => doc.file.slug === slug && doc.locale === entry.locale)?.segments[position - 1];
    if (!state) return undefined;
    const text = toString(state.translated);
    const recorded = states.get(matchKey(state.source.source));
    return {
      id: state.source.id,
      source: fromPhrasing(state.source.children),
      sourceText: state.source.source,
      current:
        needsWork(state.translated) || state.translated.lang !== entry.locale
          ? undefined
          : { text, state: recorded?.text === text ? recorded.state : 'translated' },
      recorded,
    };
  };
  return validateReturn(
    entry.xliff,
    { sourceLang: sourceLanguageOf(entry, docs, config), targetLang: entry.locale, why: entry.why },
    project,
  );
}

/** The language of the document a returned file's units belong to (each has its own): the direction the import checks and writes. */
function sourceLanguageOf(entry: Returned, docs: readonly LocaleSegments[], config: PipelineConfig): string {
  const slug = entry.xliff.units.map((unit) => parseUnitId(unit.id)?.slug).find((found) => found !== undefined);
  return docs.find((doc) => doc.file.slug === slug)?.sourceLang ?? config.sourceLocale;
}

/**
 * The glossary's checks (glossary/check.ts, what `terms check` and the build run) on every accepted
 * target: warnings, or errors under --strict.
 */
function termProblems(verdict: Verdict, entry: Returned, glossary: Glossary, sourceLang: string, strict: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const accepted of verdict.accepted)
    for (const violation of checkSegmentTerms(glossary, {
      source: accepted.source,
      target: accepted.target,
      sourceLang,
      targetLang: entry.locale,
    }))
      out.push(
        createDiagnostic({
          file: entry.file,
          place: { line: accepted.line, column: accepted.column },
          severity: strict ? 'error' : 'warning',
          reason: `${accepted.unitId}: ${violation.message}; target “${accepted.target.slice(0, 60)}”${strict ? ' (--strict)' : ''}`,
          ruleId: violation.rule,
          locale: entry.locale,
        }),
      );
  return out;
}

/** The document and neighbouring sources of an XLIFF unit, recorded with its translation (tm/context.ts). */
function placeOf(docs: LocaleSegments[], locale: string, unitId: string): MergeEntry['context'] {
  const place = parseUnitId(unitId);
  const doc = place && docs.find((candidate) => candidate.file.slug === place.slug && candidate.locale === locale);
  if (!place || !doc) return undefined;
  const source = (position: number) => doc.segments[position - 1]?.source.source ?? '';
  return { doc: place.slug, prev: source(place.position - 1), next: source(place.position + 1) };
}

/** `text` in the encoding of `original` (UTF-16 LE or BE with a BOM, UTF-8 with or without one). */
function encodedAs(original: Buffer, text: string): Buffer {
  const utf16 = utf16Encoding(original);
  if (!utf16) {
    const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
    return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
  }
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return utf16 === 'utf-16le' ? le : le.swap16();
}

/**
 * All memories are prepared first, then each is swapped in by rename: a failure leaves every file as it
 * was or complete. A memory the merge leaves byte for byte as it was is not touched (its mtime stays).
 */
async function writeMemories(config: PipelineConfig, byLocale: Map<string, FileEntry[]>, print: (text: string) => void): Promise<number> {
  const date = tmxDate(new Date());
  const staged: { file: string; temp: string }[] = [];
  for (const [locale, entries] of byLocale) {
    if (entries.length === 0) continue;
    const folder = path.join(config.catalogs, locale);
    const file = config.memories.find((memory) => path.dirname(memory) === folder) ?? path.join(folder, 'memory.tmx');
    // A memory memoQ or Trados wrote in UTF-16 is read as such and written back in its own encoding.
    const bytes = existsSync(file) ? await readFile(file) : undefined;
    const before = bytes ? decodeTextResource(bytes, relative(file), 'the translation memory') : undefined;
    let text = before;
    // Per returned file and per direction: a Russian original's units are written ru → locale.
    for (const from of new Set(entries.map((entry) => entry.file)))
      for (const sourceLang of new Set(entries.filter((entry) => entry.file === from).map((entry) => entry.sourceLang))) {
        const list = entries.filter((entry) => entry.file === from && entry.sourceLang === sourceLang);
        text = mergeIntoTmx(text, sourceLang, locale, list, { date, translator: list[0]!.translator, file: from });
      }
    if (text === undefined || text === before) continue;
    await mkdir(folder, { recursive: true });
    const temp = `${file}.import-${process.pid}`;
    await writeFile(temp, bytes ? encodedAs(bytes, text) : text);
    staged.push({ file, temp });
    print(`${relative(file)}: ${count(entries.length, 'translation')} for ${locale}\n`);
  }
  for (const { file, temp } of staged) await rename(temp, file);
  return staged.length;
}
