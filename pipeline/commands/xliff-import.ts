import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { PipelineConfig } from '../config/defaults.ts';
import { PipelineError } from '../errors.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { matchKey } from '../normalize/typography.ts';
import { relative } from '../resources.ts';
import { collectSegments, needsWork, type LocaleSegments } from '../xliff/collect.ts';
import { fromPhrasing, parseUnitId } from '../xliff/model.ts';
import { recordedStates, withResources } from '../xliff/project.ts';
import { readXliff, type ReturnedFile } from '../xliff/read.ts';
import { mergeIntoTmx, tmxDate, type MergeEntry } from '../xliff/tmx-merge.ts';
import { validateReturn, type ProjectUnit, type Verdict } from '../xliff/validate.ts';
import { loadCliConfig, parseCommandArgs, type CliConfigFlags } from './build.ts';
import { UsageError, type Command } from './types.ts';

type FileEntry = MergeEntry & { file: string; translator: string | undefined };

const usage = `Usage: pressroom xliff import <file.xlf>… [options]

Checks returned XLIFF files (1.2 or 2.x) and puts the accepted translations into the project's memory
(locales/<lng>/*.tmx) with their state, date, translator and file. Every unit is checked before anything
is written: known id, unchanged source, same inline codes, same numbers, expected target language,
states moving forward. If any unit is rejected, nothing is written and the exit code is 1.

Options:
  --locale <lng>       expected target language (default: from the file name, <document>.<lng>.xlf)
  --translator <name>  recorded as the translations' author (TMX changeid); default: the file's
                       XLIFF 1.2 <phase contact-name>, if any
  --config <file>      config file (default: ./pressroom.config.json when present)
`;

export const xliffImportCommand: Command = {
  name: 'xliff import',
  usage,
  async run(argv, io) {
    const { values: raw, positionals } = parseCommandArgs(argv, {
      locale: { type: 'string' },
      translator: { type: 'string' },
      config: { type: 'string' },
    });
    const values = raw as Record<string, string | boolean | undefined>;
    if (positionals.length === 0) throw new UsageError('Missing XLIFF files, expected e.g. pressroom xliff import xliff/*.xlf');
    const config = await loadCliConfig({ config: values.config } as CliConfigFlags);
    const returned: { file: string; xliff: ReturnedFile; locale: string; why: string }[] = [];
    const lines: string[] = [];
    // A file that cannot be read at all is one line of its own, not counted as a rejected unit.
    let unreadable = 0;
    for (const file of positionals) {
      const name = relative(path.resolve(file));
      try {
        const xliff = readXliff(await readFile(file, 'utf8'), name);
        const fromName = /\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.xlf{1,2}$/.exec(path.basename(file))?.[1];
        const locale = (values.locale as string | undefined) ?? fromName;
        if (!locale) throw new UsageError(`Cannot tell the target language of ${name}; name it <document>.<lng>.xlf or give --locale`);
        returned.push({
          file: name,
          xliff,
          locale: canonicalLocale(locale) ?? locale,
          why: values.locale ? '--locale' : `from the file name ${path.basename(file)}`,
        });
      } catch (error) {
        if (error instanceof UsageError) throw error;
        if (!(error instanceof PipelineError || (error as NodeJS.ErrnoException).code)) throw error;
        const message = (error as Error).message;
        // An InputError already leads with file:line:col.
        lines.push(message.startsWith(`${name}:`) ? message : `${name}: ${message}`);
        unreadable += 1;
      }
    }
    const locales = [...new Set(returned.map((entry) => entry.locale))].filter((locale) => config.locales.includes(locale));
    const docs = locales.length > 0 ? await withResources(config, (resources) => collectSegments(config, resources, { locales })) : [];
    const byLocale = new Map<string, FileEntry[]>();
    let pending = 0;
    let unchanged = 0;
    for (const entry of returned) {
      const verdict = await judge(entry, docs, config);
      for (const rejected of verdict.rejected) lines.push(`${entry.file}:${rejected.line}: ${rejected.unitId}: ${rejected.reason}`);
      pending += verdict.pending;
      unchanged += verdict.unchanged;
      const list = byLocale.get(entry.locale) ?? [];
      for (const accepted of verdict.accepted)
        list.push({
          id: accepted.segmentId,
          source: accepted.source,
          target: accepted.target,
          state: accepted.state,
          context: placeOf(docs, entry.locale, accepted.unitId),
          file: path.basename(entry.file),
          translator: (values.translator as string | undefined) ?? entry.xliff.translator,
        });
      byLocale.set(entry.locale, list);
    }
    if (lines.length > 0) {
      for (const line of lines) io.err(`${line}\n`);
      const units = lines.length - unreadable;
      const what = [
        units > 0 ? `${units} unit${units === 1 ? '' : 's'}` : '',
        unreadable > 0 ? `${unreadable} unreadable file${unreadable === 1 ? '' : 's'}` : '',
      ].filter(Boolean);
      io.err(`Rejected ${what.join(' and ')}; nothing was imported. Fix them (or remove them from the file) and import again.\n`);
      return 1;
    }
    const accepted = [...byLocale.values()].reduce((sum, list) => sum + list.length, 0);
    if (accepted > 0) await writeMemories(config, byLocale, io.out);
    io.out(
      `Imported ${accepted} translation${accepted === 1 ? '' : 's'}; ${unchanged} already in the memory, ${pending} not ready (no target or needs review)\n`,
    );
    return 0;
  },
};

async function judge(
  entry: { file: string; xliff: ReturnedFile; locale: string; why: string },
  docs: LocaleSegments[],
  config: PipelineConfig,
): Promise<Verdict> {
  const states = await recordedStates(config, entry.locale);
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
    };
  };
  return validateReturn(entry.xliff, { sourceLang: config.sourceLocale, targetLang: entry.locale, why: entry.why }, project);
}

/** The document and neighbouring sources of an XLIFF unit, recorded with its translation (tm/context.ts). */
function placeOf(docs: LocaleSegments[], locale: string, unitId: string): MergeEntry['context'] {
  const place = parseUnitId(unitId);
  const doc = place && docs.find((candidate) => candidate.file.slug === place.slug && candidate.locale === locale);
  if (!place || !doc) return undefined;
  const source = (position: number) => doc.segments[position - 1]?.source.source ?? '';
  return { doc: place.slug, prev: source(place.position - 1), next: source(place.position + 1) };
}

/** All memories are prepared first, then each is swapped in by rename: a failure leaves every file as it was or complete. */
async function writeMemories(config: PipelineConfig, byLocale: Map<string, FileEntry[]>, print: (text: string) => void): Promise<void> {
  const date = tmxDate(new Date());
  const staged: { file: string; temp: string }[] = [];
  for (const [locale, entries] of byLocale) {
    if (entries.length === 0) continue;
    const folder = path.join(config.catalogs, locale);
    const file = config.memories.find((memory) => path.dirname(memory) === folder) ?? path.join(folder, 'memory.tmx');
    let text = existsSync(file) ? await readFile(file, 'utf8') : undefined;
    for (const from of new Set(entries.map((entry) => entry.file))) {
      const list = entries.filter((entry) => entry.file === from);
      text = mergeIntoTmx(text, config.sourceLocale, locale, list, { date, translator: list[0]!.translator, file: from });
    }
    await mkdir(folder, { recursive: true });
    const temp = `${file}.import-${process.pid}`;
    await writeFile(temp, text!);
    staged.push({ file, temp });
    print(`${relative(file)}: ${entries.length} translation${entries.length === 1 ? '' : 's'} for ${locale}\n`);
  }
  for (const { file, temp } of staged) await rename(temp, file);
}
