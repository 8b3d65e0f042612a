// Fonts' bytes and subsetting cost (issue 20, item 1). Nothing here is asserted in tests.
// Usage: node --import tsx bench/fonts.ts [--runs 5] [--docs 0]
//   1. the sample (pressroom.config.json, every format, in memory): each EPUB and bundle, its fonts, and the
//      same file with the full kit (22 faces, as before subsetting); the site's bytes and the fonts' share.
//   2. subsetting cost per artifact, cold (no cache) and from the cache, exact text vs whole alphabets,
//      against the baseline of zipping that EPUB with the full kit, measured in the same run.
//   3. with --docs N: N generated transcripts (bench/corpus.ts) × en, ru, ky × html + epub written to a
//      temporary folder; site bytes, fonts' bytes and share, subsets made and taken from the cache, and
//      the time of a no-op rebuild from the artifact cache.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../pipeline/build.ts';
import { normalizeConfig, readConfigFile } from '../pipeline/config/load.ts';
import { loadFonts } from '../pipeline/render/fonts.ts';
import type { OutputFile } from '../pipeline/render/outputs.ts';
import { cssContentText, visibleText } from '../pipeline/render/preflight.ts';
import { forgetSubsets, subsetFonts, subsetStats } from '../pipeline/render/subset.ts';
import { zip } from '../pipeline/render/zip.ts';
import { zipEntries } from '../test/helpers/zip-entries.ts';
import { generateCorpus } from './corpus.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, docs: { type: 'string', default: '0' } } });
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, '..');
const kit = await loadFonts();
const fullKitBytes = kit.faces.reduce((sum, face) => sum + face.contents.byteLength, 0);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

/** Font bytes in a zip (as read, before deflation: subsets are TrueType, which the zip deflates), fonts in a zip inside it included. */
function fontBytesIn(bytes: Buffer): number {
  let sum = 0;
  for (const entry of zipEntries(bytes)) {
    if (/\.(woff2|ttf)$/.test(entry.name)) sum += entry.read().byteLength;
    else if (/\.(epub|zip)$/.test(entry.name)) sum += fontBytesIn(entry.read());
  }
  return sum;
}

/** Bytes of every file, and of the fonts among them (loose or inside EPUBs and zips). */
function siteBytes(files: { path: string; bytes: () => Buffer; size: number }[]) {
  let total = 0;
  let fonts = 0;
  for (const file of files) {
    total += file.size;
    if (/\.(woff2|ttf)$/.test(file.path)) fonts += file.size;
    else if (/\.(epub|zip)$/.test(file.path)) fonts += fontBytesIn(file.bytes());
  }
  return { total, fonts };
}

// 1. The sample.
const sampleConfig = await normalizeConfig(await readConfigFile(path.join(root, 'pressroom.config.json')), root);
const sample = (await build(sampleConfig, { write: false })).files;
const file = (name: string) => Buffer.from(sample.find((each: OutputFile) => each.path === name)!.contents);
const slug = '2025-11-26-bishkek-press-statements';
say(`## Fonts (bench/fonts.ts, ${new Date().toISOString().slice(0, 16)}Z)`);
say();
say('| sample, per locale | EPUB | its fonts | EPUB with the full kit | bundle | its fonts | bundle with full kits |');
say('|---|---|---|---|---|---|---|');
for (const locale of sampleConfig.locales) {
  const epub = file(`${slug}/${locale}/${slug}.${locale}.epub`);
  const bundle = file(`${slug}/${locale}/${slug}.${locale}.zip`);
  const [epubFonts, bundleFonts] = [fontBytesIn(epub), fontBytesIn(bundle)];
  // The fonts are stored, not deflated (render/zip.ts): swapping them changes the size by their bytes (± headers).
  // Before, a bundle held the kit twice: in its folder's fonts/ and in its EPUB.
  say(
    `| ${locale} | ${kB(epub.byteLength)} | ${kB(epubFonts)} | ≈ ${kB(epub.byteLength - epubFonts + fullKitBytes)} | ${kB(bundle.byteLength)} | ${kB(bundleFonts)} | ≈ ${kB(bundle.byteLength - bundleFonts + 2 * fullKitBytes)} |`,
  );
}
const site = siteBytes(
  sample.map((each) => ({ path: each.path, size: each.contents.byteLength, bytes: () => Buffer.from(each.contents) })),
);
const locales = sampleConfig.locales.length;
// Before: every locale folder held the 22 faces, and every EPUB, and every bundle twice (its folder and its EPUB).
const before = site.total - site.fonts + locales * 4 * fullKitBytes;
say();
say(
  `Sample site (${sample.length} files): ${kB(site.total)}, fonts ${kB(site.fonts)} = ${((100 * site.fonts) / site.total).toFixed(1)} %` +
    ` (the shared folder ${kB(fullKitBytes)} once); with a full kit per locale folder, EPUB and bundle ≈ ${kB(before)},` +
    ` fonts ${((100 * locales * 4 * fullKitBytes) / before).toFixed(1)} %.`,
);

// 2. Subsetting cost.
say();
say(`| subsetting, median of ${runs} | faces | fonts | cold | from the cache | baseline: zip the EPUB with the full kit |`);
say('|---|---|---|---|---|---|');
for (const locale of sampleConfig.locales) {
  const entries = zipEntries(file(`${slug}/${locale}/${slug}.${locale}.epub`));
  const read = (name: string) => entries.find((entry) => entry.name === name)!.read();
  const text = ['EPUB/transcript.xhtml', 'EPUB/nav.xhtml'].map((name) => visibleText(read(name).toString('utf8'))).join(' ');
  const cssText = cssContentText(readFileSync(path.join(root, 'templates/style.css'), 'utf8'));
  const others = entries
    .filter((entry) => !/\.(woff2|ttf)$/.test(entry.name))
    .map((entry) => ({ path: entry.name, contents: entry.read(), store: entry.name === 'mimetype' }));
  const baseline: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await zip([...others, ...kit.files.map((font) => ({ path: `EPUB/${font.path}`, contents: font.contents }))], new Date(0));
    baseline.push(performance.now() - started);
  }
  for (const exact of [false, true]) {
    const cold: number[] = [];
    const warm: number[] = [];
    let made = { faces: 0, bytes: 0 };
    for (let run = 0; run < runs; run++) {
      forgetSubsets();
      let started = performance.now();
      const fonts = await subsetFonts(kit, text + cssText, { lang: locale, exact });
      cold.push(performance.now() - started);
      started = performance.now();
      await subsetFonts(kit, text + cssText, { lang: locale, exact });
      warm.push(performance.now() - started);
      made = { faces: fonts.files.length, bytes: fonts.files.reduce((sum, font) => sum + font.contents.byteLength, 0) };
    }
    say(
      `| ${locale} EPUB, ${exact ? 'exact text' : 'whole alphabets (default)'} | ${made.faces} | ${kB(made.bytes)} | ${median(cold).toFixed(0)} ms | ${median(warm).toFixed(1)} ms | ${median(baseline).toFixed(0)} ms |`,
    );
  }
}

// 3. An archive.
const docs = Number(values.docs);
if (docs > 0) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'pressroom-bench-fonts-'));
  try {
    const corpus = await generateCorpus(path.join(work, 'corpus'), docs);
    const config = await normalizeConfig(
      { ...(await readConfigFile(path.join(corpus, 'pressroom.config.json'))), formats: ['html', 'epub'], out: path.join(work, 'out') },
      corpus,
    );
    forgetSubsets();
    const counted = { ...subsetStats };
    const cache = path.join(work, 'cache');
    let started = performance.now();
    await build(config, { cache, concurrency: 2 });
    const seconds = (performance.now() - started) / 1000;
    const made = { ...subsetStats };
    // What the shared font folder leaves a no-op rebuild to do: every artifact from the cache, kept in place.
    started = performance.now();
    const again = await build(config, { cache, concurrency: 2 });
    const noop = (performance.now() - started) / 1000;
    const walk = (folder: string): { path: string; size: number; bytes: () => Buffer }[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(folder, entry.name);
        return entry.isDirectory() ? walk(full) : [{ path: full, size: statSync(full).size, bytes: () => readFileSync(full) }];
      });
    const files = walk(config.out);
    const archive = siteBytes(files);
    const epubs = files.filter((each) => each.path.endsWith('.epub')).length;
    const folders = docs * config.locales.length;
    const old = archive.total - archive.fonts + (folders + epubs) * fullKitBytes;
    say();
    say(
      `Archive: ${docs} transcripts × ${config.locales.join(', ')} × html + epub, built in ${seconds.toFixed(1)} s: ${files.length} files, ` +
        `${(archive.total / 1e6).toFixed(1)} MB, fonts ${(archive.fonts / 1e6).toFixed(2)} MB = ${((100 * archive.fonts) / archive.total).toFixed(1)} % ` +
        `(${kB(fullKitBytes)} shared by the pages, the rest in the ${epubs} EPUBs). Subsets made ${made.made - counted.made}, ` +
        `from the cache ${made.reused - counted.reused}, ${((made.ms - counted.ms) / 1000).toFixed(1)} s making them. ` +
        `No-op rebuild (in process, resources loaded included): ${noop.toFixed(2)} s (its timings: ${JSON.stringify(again.report.timings)}). ` +
        `Before (the full kit in every locale folder and EPUB): ≈ ${(old / 1e6).toFixed(1)} MB, fonts ${((100 * (folders + epubs) * fullKitBytes) / old).toFixed(1)} %.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
