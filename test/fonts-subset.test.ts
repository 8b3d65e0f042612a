// Per-artifact font subsets (EPUB, bundle, print) and the site's one shared font folder: each artifact read
// back, each font in it parsed back (its TrueType cmap, and harfbuzz reading the subset again), its size as
// the zip deflates it bounded against the full WOFF2 font, and every character the artifact shows drawn by a font it carries.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import subsetFont from 'subset-font';
import { build } from '../pipeline/build.ts';
import { previewServer } from '../pipeline/commands/serve.ts';
import { normalizeConfig, readConfigFile } from '../pipeline/config/load.ts';
import type { Format } from '../pipeline/config/defaults.ts';
import { InputError } from '../pipeline/errors.ts';
import { loadFonts, parseUnicodeRange, sfntCodePoints, woff2CodePoints, type FontKit } from '../pipeline/render/fonts.ts';
import type { OutputFile } from '../pipeline/render/outputs.ts';
import { cssContentText, missingGlyphs, preflightFonts, visibleText } from '../pipeline/render/preflight.ts';
import { forgetSubsets, subsetFonts } from '../pipeline/render/subset.ts';
import { repo } from './helpers/cli.ts';
import { outputFiles, sampleBuild, type SampleBuild } from './helpers/sample-build.ts';
import { zipEntries } from './helpers/zip-entries.ts';

const SLUG = '2025-11-26-bishkek-press-statements';
const INVISIBLE = /[\s\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/u;
let kit: FontKit;
let sample: OutputFile[];
let rtl: OutputFile[];
let shared: SampleBuild | undefined;

async function buildProject(configFile: string, formats: Format[]): Promise<OutputFile[]> {
  const root = path.dirname(configFile);
  const config = await normalizeConfig({ ...(await readConfigFile(configFile)), formats, out: 'output' }, root);
  return (await build(config, { write: false, concurrency: 1 })).files;
}

before(async () => {
  kit = await loadFonts();
  // The sample with every format (the bundle prints the PDF): the run's one build of it, read back from its
  // folder (test/helpers/sample-build.ts). The Arabic fixture is built here, in memory, without Chromium.
  shared = await sampleBuild();
  assert.equal(shared.status, 0, shared.stderr);
  sample = outputFiles(shared.out);
  rtl = await buildProject(path.join(repo, 'test/fixtures/rtl/pressroom.config.json'), ['html', 'epub']);
});

after(() => shared?.dispose());

const fileIn = (files: OutputFile[], name: string) => {
  const found = files.find((file) => file.path === name);
  assert.ok(found, `no ${name} among ${files.map((file) => file.path).join(', ')}`);
  return Buffer.from(found.contents);
};

/** The @font-face rules of a stylesheet: URL, family/style/weight and declared code points. */
function faces(css: string) {
  return [...css.matchAll(/@font-face \{([^}]*)\}/g)].map(([, body]) => ({
    url: /src: url\('([^']+)'\)/.exec(body!)![1]!,
    key: ['font-family', 'font-style', 'font-weight'].map((property) => new RegExp(`${property}: ([^;]+);`).exec(body!)![1]).join(' '),
    ranges: parseUnicodeRange(/unicode-range: ([^;]+);/.exec(body!)![1]!),
  }));
}

const fullFont = (name: string) => {
  const face = kit.faces.find((each) => each.name === path.posix.basename(name).replace(/\.ttf$/, '.woff2'));
  assert.ok(face, `${name} is not one of the kit's fonts`);
  return face;
};

const epubs = () => [
  ...['en', 'ru', 'ky'].map((locale) => ({ locale, bytes: fileIn(sample, `${SLUG}/${locale}/${SLUG}.${locale}.epub`) })),
  { locale: 'ar', bytes: fileIn(rtl, 'statement/ar/statement.ar.epub') },
];

test('every EPUB carries only subset fonts, each declared once in the manifest and the stylesheet, each a TrueType font mapping exactly its unicode-range', () => {
  for (const { locale, bytes } of epubs()) {
    const entries = zipEntries(bytes);
    const read = (name: string) => entries.find((entry) => entry.name === name)!.read();
    const fonts = entries.filter((entry) => entry.name.startsWith('EPUB/fonts/'));
    assert.ok(fonts.length > 0, `${locale}: no fonts`);
    const opf = read('EPUB/package.opf').toString('utf8');
    const declared = faces(read('EPUB/style.css').toString('utf8'));
    assert.deepEqual(
      declared.map((face) => `EPUB/${face.url}`).sort(),
      fonts.map((entry) => entry.name).sort(),
      `${locale}: stylesheet ≠ files`,
    );
    for (const font of fonts) {
      const href = font.name.slice('EPUB/'.length);
      assert.match(opf, new RegExp(`<item id="font\\d+" href="${href}" media-type="font/ttf"/>`), `${locale}: ${href} not in the manifest`);
      const data = font.read();
      assert.equal(data.readUInt32BE(0), 0x00010000, `${locale}: ${href} is not TrueType`);
      const mapped = sfntCodePoints(data, href);
      const face = declared.find((each) => `EPUB/${each.url}` === font.name)!;
      const inRange = [...mapped].filter((codePoint) => face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
      assert.ok(inRange.length > 0, `${locale}: ${href} is declared but draws nothing`);
      // The rule declares what the file maps, no more: a reader never picks this file for a character it lacks.
      for (const [from, to] of face.ranges)
        for (let codePoint = from; codePoint <= to; codePoint++)
          assert.ok(mapped.has(codePoint), `${locale}: ${href} lacks declared U+${codePoint.toString(16)}`);
      const full = fullFont(href);
      // A subset maps fewer characters than its font, and costs the book (deflated, as the zip stores it)
      // no more than the full WOFF2 would.
      assert.ok(mapped.size < full.codePoints.size, `${locale}: ${href} maps all ${full.codePoints.size} characters of its font`);
      const deflated = deflateRawSync(data).byteLength;
      assert.ok(
        deflated <= full.contents.byteLength,
        `${locale}: ${href} ${deflated} B deflated outweighs the full font's ${full.contents.byteLength} B`,
      );
    }
    if (locale === 'en') assert.ok(!fonts.some((entry) => /cyrillic|arabic/.test(entry.name)), 'the English book carries another script');
    if (locale === 'ky')
      assert.ok(
        fonts.some((entry) => entry.name.includes('cyrillic-ext')),
        'the Kyrgyz book lacks ң ө ү',
      );
    if (locale === 'ar')
      assert.ok(
        fonts.some((entry) => entry.name.includes('naskh-arabic')),
        'the Arabic book lacks its script',
      );
  }
});

test('every character an EPUB shows is drawn by a font it carries, and harfbuzz reading the subset again finds it', async () => {
  for (const { locale, bytes } of epubs()) {
    const entries = zipEntries(bytes);
    const read = (name: string) => entries.find((entry) => entry.name === name)!.read();
    const text = ['EPUB/transcript.xhtml', 'EPUB/nav.xhtml'].map((name) => visibleText(read(name).toString('utf8'))).join(' ');
    const declared = faces(read('EPUB/style.css').toString('utf8'));
    const fonts = declared.map((face) => ({ ...face, data: read(`EPUB/${face.url}`) }));
    const drawn = (codePoint: number) =>
      fonts.some(
        (font) =>
          font.ranges.some(([from, to]) => codePoint >= from && codePoint <= to) && sfntCodePoints(font.data, font.url).has(codePoint),
      );
    assert.deepEqual(missingGlyphs(text, drawn), [], `${locale}: characters no carried font draws`);
    // A sample of the text's letters through harfbuzz: subsetting the subset to them keeps every one.
    const letters = [...new Set(text)].filter((char) => /\p{L}/u.test(char) && !INVISIBLE.test(char));
    assert.ok(letters.length > 20, `${locale}: too few letters to sample`);
    for (const font of fonts.filter((each) => each.key.includes('400') && each.key.includes('normal'))) {
      const mine = letters.filter((char) => font.ranges.some(([from, to]) => char.codePointAt(0)! >= from && char.codePointAt(0)! <= to));
      if (mine.length === 0) continue;
      const again = sfntCodePoints(await subsetFont(font.data, mine.join(''), { targetFormat: 'truetype' }), font.url);
      for (const char of mine) assert.ok(again.has(char.codePointAt(0)!), `${locale}: harfbuzz finds no “${char}” in ${font.url}`);
    }
  }
});

test('the sample EPUBs meet the size targets: en ≤ 120 kB, ky ≤ 150 kB', () => {
  const size = (locale: string) => fileIn(sample, `${SLUG}/${locale}/${SLUG}.${locale}.epub`).byteLength;
  assert.ok(size('en') <= 120_000, `en EPUB ${size('en')} B`);
  assert.ok(size('ky') <= 150_000, `ky EPUB ${size('ky')} B`);
});

test('the web pages share one content-hashed font folder: no font in a locale folder, every stylesheet URL resolves', () => {
  for (const files of [sample, rtl]) {
    const names = new Set(files.map((file) => file.path));
    const shared = files.filter((file) => file.path.startsWith('fonts/'));
    assert.equal(shared.length, kit.faces.length);
    for (const font of shared) {
      const [, stem, hash] = /^fonts\/(.+)\.([0-9a-f]{8})\.woff2$/.exec(font.path) ?? [];
      assert.ok(stem && hash, `${font.path} is not a hashed font name`);
      assert.equal(
        createHash('sha256').update(font.contents).digest('hex').slice(0, 8),
        hash,
        `${font.path}: the name's hash is not its content's`,
      );
    }
    assert.deepEqual(
      files.filter((file) => /\.woff2$/.test(file.path) && !file.path.startsWith('fonts/')).map((file) => file.path),
      [],
      'a font outside the shared folder',
    );
    const stylesheets = files.filter((file) => file.path.endsWith('/style.css'));
    assert.ok(stylesheets.length >= 2);
    for (const stylesheet of stylesheets) {
      const urls = faces(Buffer.from(stylesheet.contents).toString('utf8')).map((face) => face.url);
      assert.equal(urls.length, kit.faces.length, `${stylesheet.path}: not every face of the site`);
      for (const url of urls) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(stylesheet.path), url));
        assert.ok(names.has(target), `${stylesheet.path}: ${url} resolves to ${target}, which was not built`);
      }
    }
  }
});

test('pressroom serve sends the shared fonts a page names, as font/woff2', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-fonts-serve-'));
  const server = previewServer(folder);
  try {
    for (const file of rtl) {
      mkdirSync(path.join(folder, path.dirname(file.path)), { recursive: true });
      writeFileSync(path.join(folder, file.path), file.contents);
    }
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const page = `http://127.0.0.1:${(server.address() as AddressInfo).port}/statement/ar/index.html`;
    const css = await (await fetch(new URL('style.css', page))).text();
    const urls = faces(css).map((face) => new URL(face.url, new URL('style.css', page)));
    assert.ok(urls.some((url) => url.pathname.startsWith('/fonts/noto-naskh-arabic-arabic-400-normal.')));
    for (const url of urls) {
      const response = await fetch(url);
      assert.equal(response.status, 200, url.pathname);
      assert.equal(response.headers.get('content-type'), 'font/woff2');
      assert.ok(Buffer.from(await response.arrayBuffer()).equals(fileIn(rtl, url.pathname.slice(1))), `${url.pathname}: other bytes`);
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  }
});

test('each bundle stands alone: its stylesheet names only fonts inside the zip, subset to the page, and the page is drawn by them', () => {
  for (const locale of ['en', 'ru', 'ky']) {
    const entries = zipEntries(fileIn(sample, `${SLUG}/${locale}/${SLUG}.${locale}.zip`));
    const root = `${SLUG}.${locale}/`;
    const read = (name: string) => entries.find((entry) => entry.name === root + name)!.read();
    const declared = faces(read('style.css').toString('utf8'));
    const fonts = entries.filter((entry) => entry.name.startsWith(`${root}fonts/`)).map((entry) => entry.name.slice(root.length));
    assert.ok(fonts.length > 0);
    assert.deepEqual(declared.map((face) => face.url).sort(), fonts.sort(), `${locale}: the bundle's stylesheet and fonts differ`);
    const mapped = declared.map((face) => ({ ...face, codePoints: sfntCodePoints(read(face.url), face.url) }));
    const text = visibleText(read('index.html').toString('utf8')) + cssContentText(read('print.css').toString('utf8'));
    const drawn = (codePoint: number) =>
      mapped.some((face) => face.codePoints.has(codePoint) && face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
    assert.deepEqual(missingGlyphs(text, drawn), [], `${locale}: the bundled page has characters its fonts lack`);
    for (const font of fonts)
      assert.ok(
        sfntCodePoints(read(font), font).size < fullFont(font).codePoints.size &&
          deflateRawSync(read(font)).byteLength <= fullFont(font).contents.byteLength,
        `${locale}: ${font} is not a subset`,
      );
    assert.ok(entries.some((entry) => entry.name === `${root}${SLUG}.${locale}.pdf`));
  }
});

test('subsets are byte-reproducible, drop faces the text does not use, and keep the alphabet whole unless asked for exactly the text', async () => {
  const text = 'Thank you — Рахмат, ңөү';
  forgetSubsets();
  const first = await subsetFonts(kit, text, { lang: 'ky' });
  forgetSubsets();
  const second = await subsetFonts(kit, text, { lang: 'ky' });
  assert.equal(first.css, second.css);
  assert.deepEqual(
    first.files.map((file) => file.path),
    second.files.map((file) => file.path),
  );
  first.files.forEach((file, at) =>
    assert.ok(Buffer.from(file.contents).equals(Buffer.from(second.files[at]!.contents)), `${file.path} differs`),
  );
  assert.ok(!first.files.some((file) => file.path.includes('arabic')), 'an Arabic face for a text without Arabic');
  assert.ok(first.files.some((file) => file.path.includes('cyrillic-ext')));
  const exact = await subsetFonts(kit, text, { lang: 'ky', exact: true });
  const latin = (fonts: typeof first) =>
    sfntCodePoints(fonts.files.find((file) => file.path.endsWith('noto-serif-latin-400-normal.ttf'))!.contents, 'latin');
  assert.ok(latin(first).has('Q'.codePointAt(0)!), 'the rounded subset lacks the rest of the alphabet');
  assert.ok(!latin(exact).has('Q'.codePointAt(0)!), 'the exact subset has a letter the text lacks');
  // Capitals for `text-transform: uppercase`, digits for page counters: in both.
  for (const char of 'TХҢ09') assert.ok(exact.coverage(char.codePointAt(0)!), `exact subset lacks “${char}”`);
});

test('the preflight proves glyphs by the subset: a character no carried font maps stops the build with its code point', async () => {
  const subset = await subsetFonts(kit, 'Good afternoon 你好', { lang: 'en' });
  assert.deepEqual(
    missingGlyphs('Good afternoon 你好', subset.coverage).map((glyph) => glyph.codePoint),
    ['U+4F60', 'U+597D'],
  );
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-fonts-'));
  try {
    const file = path.join(folder, 'statement.txt');
    writeFileSync(file, 'Title\n\nGood afternoon 你好.\n');
    assert.throws(
      () => preflightFonts('Good afternoon 你好.', subset.coverage, file, () => 'Title\n\nGood afternoon 你好.\n', 'en', 'e-book'),
      (error: unknown) =>
        error instanceof InputError &&
        /fonts:missing-glyph: no shipped font draws 2 character\(s\) of the en e-book: U\+4F60/.test(error.message) &&
        /statement\.txt/.test(error.message),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the WOFF2 reader agrees with harfbuzz on the full fonts', async () => {
  for (const face of kit.faces.filter((each) => each.name.includes('-400-normal'))) {
    const ours = woff2CodePoints(face.contents, face.name);
    const text = String.fromCodePoint(...ours);
    const theirs = sfntCodePoints(await subsetFont(Buffer.from(face.contents), text, { targetFormat: 'truetype' }), face.name);
    assert.deepEqual(
      [...theirs].sort((a, b) => a - b),
      [...ours].sort((a, b) => a - b),
      face.name,
    );
  }
  assert.throws(() => woff2CodePoints(new Uint8Array(64), 'zeros.woff2'), /zeros\.woff2 is not a readable WOFF2 font: no wOF2 signature/);
});

test('cssContentText reads the strings of content declarations only, escapes decoded', () => {
  const css = `@font-face { font-family: 'Noto Sans'; } hr::after { content: '* * *'; } @page { @bottom-center { content: "Бет " counter(page) " \\2014  \\"x;}" ; } }`;
  assert.equal(cssContentText(css), '* * * Бет   — "x;}');
});
