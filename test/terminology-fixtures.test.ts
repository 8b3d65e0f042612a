// Real-world translation-memory and glossary files, one folder per pitfall:
//   test/fixtures/tm/<case>/input.tmx (+ query.json: { from, lookups: [{ to, text }] }) → expected.json
//   test/fixtures/glossary/<case>/input.{tbx,csv,tsv} → expected.json
// Each file is read through the build's own path (bytes sniffed and decoded, real XML/CSV parsed) and what
// pressroom makes of it — units with their inline codes, lookups, stats; concepts with their terms, lint —
// is compared with expected.json. UPDATE=1 rewrites expected.json: read the diff before committing it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseGlossaryCsv } from '../pipeline/glossary/csv.ts';
import { lintGlossary } from '../pipeline/glossary/lint.ts';
import { parseTbx } from '../pipeline/glossary/tbx.ts';
import type { GlossaryProblem } from '../pipeline/glossary/types.ts';
import { canonicalLocale, resolveLocales } from '../pipeline/locale/resolve.ts';
import { TranslationMemory } from '../pipeline/tm/memory.ts';
import { memoryStats } from '../pipeline/tm/stats.ts';
import { parseTmx } from '../pipeline/tm/tmx.ts';
import { readTextResource } from '../pipeline/util/text-resource.ts';
import { repo } from './helpers/cli.ts';

const cases = (stage: string) =>
  readdirSync(path.join(repo, 'test/fixtures', stage), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

function compare(folder: string, actual: unknown): void {
  const file = path.join(folder, 'expected.json');
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (process.env.UPDATE === '1') writeFileSync(file, text);
  assert.ok(existsSync(file), `${file} is missing; run UPDATE=1 npm test to write it, then review it`);
  assert.equal(text, readFileSync(file, 'utf8'));
}

for (const name of cases('tm')) {
  test(`tm fixture: ${name}`, async () => {
    const folder = path.join(repo, 'test/fixtures/tm', name);
    const shown = `test/fixtures/tm/${name}/input.tmx`;
    const document = parseTmx(await readTextResource(path.join(folder, 'input.tmx'), shown, 'the translation memory'), shown);
    const query = JSON.parse(readFileSync(path.join(folder, 'query.json'), 'utf8')) as {
      from: string;
      lookups: { to: string; text: string }[];
    };
    const memory = new TranslationMemory();
    memory.add(document, canonicalLocale(query.from)!);
    compare(folder, {
      srclang: document.srclang,
      units: document.units.map((unit) => ({
        id: unit.id,
        line: unit.line,
        changed: unit.changed,
        variants: Object.fromEntries(unit.variants),
        ...(unit.codes ? { codes: Object.fromEntries(unit.codes) } : {}),
      })),
      lookups: query.lookups.map(({ to, text }) => {
        const [best] = memory.match(text, resolveLocales(to));
        return {
          to,
          text,
          best: best && { target: best.target, score: best.score, band: best.band, lang: best.lang, tuid: best.entry.unit.id },
        };
      }),
      stats: memoryStats([{ file: shown, document }]),
    });
  });
}

for (const name of cases('glossary')) {
  test(`glossary fixture: ${name}`, async () => {
    const folder = path.join(repo, 'test/fixtures/glossary', name);
    const input = readdirSync(folder).find((file) => file.startsWith('input.'))!;
    const shown = `test/fixtures/glossary/${name}/${input}`;
    const text = await readTextResource(path.join(folder, input), shown, 'the glossary');
    const problems: GlossaryProblem[] = [];
    const report = (problem: GlossaryProblem) => problems.push(problem);
    const concepts = input.endsWith('.tbx') ? parseTbx(text, shown, report) : parseGlossaryCsv(text, shown, report);
    compare(folder, {
      concepts: concepts.map(({ terms, file: _file, ...concept }) => ({ ...concept, terms: Object.fromEntries(terms) })),
      lint: lintGlossary(concepts, problems),
    });
  });
}
