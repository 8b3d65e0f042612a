// One matcher (issue 18 item 5): for queries made by editing memory sources, the build's match (the
// translate stage as the XLIFF collection runs it), `pressroom tm lookup` and the XLIFF suggestion carry
// the same score and target, through the same language chain (a ky project falling back to ru).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { toString } from 'mdast-util-to-string';
import { generateUnits, mutate, toTmx, type BenchUnit } from '../bench/tm/generate.ts';
import { normalizeConfig, readConfigFile } from '../pipeline/config/load.ts';
import { matchKey } from '../pipeline/normalize/typography.ts';
import { collectSegments } from '../pipeline/xliff/collect.ts';
import { exportDocument } from '../pipeline/xliff/export.ts';
import { withResources } from '../pipeline/xliff/project.ts';
import { memorySuggestions } from '../pipeline/xliff/suggest.ts';
import { cli, repo } from './helpers/cli.ts';

function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Queries near the memory: sources as they are, with numbers changed, edited by one to three words, and a long one edited by one word. */
function queries(units: readonly BenchUnit[], count: number): string[] {
  const random = rng(42);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const unit = units[Math.floor(random() * units.length)]!;
    const kind = i % 4;
    if (kind === 0) out.push(unit.source);
    else if (kind === 1 && /\d/.test(unit.source)) out.push(unit.source.replace(/\d+/, (digits) => String(Number(digits) + 7)));
    else out.push(mutate(unit.source, i));
  }
  return out;
}

test('should give the same score and target in the build, tm lookup and the XLIFF suggestions', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-one-matcher-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const lng of ['en', 'ru', 'ky']) cpSync(path.join(repo, 'locales', lng, 'ui.json'), path.join(dir, 'locales', lng, 'ui.json'));
  const units = generateUnits(300, 5);
  // A sentence long enough that one changed word would round to 100: the build never calls a fuzzy match 100.
  const long = Array.from({ length: 240 }, (_, i) => `word${i}`).join(' ');
  units.push({ source: `Long ${long}.`, target: `[ru] long ${long}.` });
  mkdirSync(path.join(dir, 'locales', 'ru'), { recursive: true });
  writeFileSync(path.join(dir, 'locales', 'ru', 'memory.tmx'), toTmx(units));
  const asked = [...queries(units.slice(0, -1), 48), `Long ${long.replace('word7 ', 'other ')}.`];
  writeFileSync(path.join(dir, 'transcript.md'), `# One matcher\n\n${asked.join('\n\n')}\n`);
  writeFileSync(
    path.join(dir, 'pressroom.config.json'),
    JSON.stringify({
      inputs: ['transcript.md'],
      sourceLocale: 'en',
      locales: ['en', 'ru', 'ky'],
      formats: ['html'],
      memories: ['locales/ru/memory.tmx'],
      glossaries: [],
      // ky has no memory of its own: its text comes from ru, as the build publishes it.
      onMissing: 'fallback',
      fallbackLng: { ky: ['ru'], default: [] },
      tmMinScore: 50,
    }),
  );
  const cwd = process.cwd();
  process.chdir(dir);
  let config;
  try {
    config = await normalizeConfig(await readConfigFile(path.join(dir, 'pressroom.config.json')), dir);
  } finally {
    process.chdir(cwd);
  }
  const docs = await withResources(config, (resources) => collectSegments(config, resources));
  const suggest = await memorySuggestions(config);
  const seen = new Map<string, number>();
  let compared = 0;
  for (const doc of docs) {
    const current = new Set(doc.segments.map((state) => matchKey(state.source.source)));
    for (const state of doc.segments) {
      const query = state.source.source;
      const segment = state.translated;
      const build = segment.score === undefined ? undefined : { score: segment.score, target: toString(segment), lang: segment.lang };
      const run = await cli(['tm', 'lookup', '--to', doc.locale, '--json', query], { cwd: dir });
      assert.equal(run.status, 0, run.stderr);
      const [lookup] = JSON.parse(run.stdout) as { score: number; target: string; lang: string }[];
      const at = (position: number) => doc.segments[position - 1]?.source.source ?? '';
      const context = { doc: doc.file.slug, prev: at(state.position - 1), next: at(state.position + 1), current };
      const [suggestion] = suggest(query, doc.locale, context);
      const label = `${doc.locale}: ${query}`;
      assert.deepEqual(lookup && { score: lookup.score, target: lookup.target, lang: lookup.lang }, build, `tm lookup, ${label}`);
      assert.deepEqual(
        suggestion && { score: suggestion.score, target: suggestion.target },
        build && { score: build.score, target: build.target },
        `suggestion, ${label}`,
      );
      if (build) {
        const band = build.score === 100 ? 'exact' : segment.band === 'adapted' ? 'adapted' : 'fuzzy';
        seen.set(`${doc.locale} ${band}`, (seen.get(`${doc.locale} ${band}`) ?? 0) + 1);
        compared += 1;
      }
    }
    // The XLIFF a translator receives carries that suggestion first, for every unit it asks to translate.
    const xliff = exportDocument(doc, { sourceLang: 'en', glossary: { find: () => [] } as never, suggest });
    for (const unit of xliff?.units.filter((candidate) => candidate.translate) ?? []) {
      const state = doc.segments.find((candidate) => unit.id.startsWith(`${doc.file.slug}:${candidate.position}:`))!;
      if (state.translated.score === undefined) continue;
      assert.equal(unit.suggestions[0]?.score, state.translated.score, unit.id);
      assert.equal(unit.suggestions[0]?.target, toString(state.translated), unit.id);
    }
  }
  // Nothing compared proves nothing: exact, adapted and fuzzy matches in both locales, ky's through ru.
  for (const key of ['ru exact', 'ru adapted', 'ru fuzzy', 'ky exact', 'ky fuzzy'])
    assert.ok((seen.get(key) ?? 0) > 0, `no ${key} match among ${compared}: ${JSON.stringify([...seen])}`);
  const longOne = docs[0]!.segments.find((state) => state.source.source.startsWith('Long'))!;
  assert.equal(longOne.translated.score, 99, 'one word of 241 changed is a 99, not a rounded 100');
  assert.ok(
    docs
      .filter((doc) => doc.locale === 'ky')
      .every((doc) => doc.segments.every((state) => state.translated.score === undefined || state.translated.lang === 'ru')),
  );
});
