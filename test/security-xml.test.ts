import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { InputError } from '../pipeline/errors.ts';
import { parseTbx } from '../pipeline/glossary/tbx.ts';
import { parseTmx } from '../pipeline/tm/tmx.ts';
import { parseUntrustedXml } from '../pipeline/util/xml.ts';
import { cli, repo, snapshot } from './helpers/cli.ts';
import { trapServer } from './helpers/trap-server.ts';

let trap: Awaited<ReturnType<typeof trapServer>>;
let secretFile: string;
const canary = `XXE-CANARY-${process.pid}`;
before(async () => {
  trap = await trapServer();
  secretFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-xxe-')), 'secret.txt');
  writeFileSync(secretFile, canary);
});
after(() => trap.close());

const tmx = (doctype: string, seg: string) =>
  `<?xml version="1.0"?>\n${doctype}\n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Thank you.</seg></tuv><tuv xml:lang="ru"><seg>${seg}</seg></tuv></tu></body></tmx>\n`;
const tbx = (doctype: string, term: string) =>
  `<?xml version="1.0"?>\n${doctype}\n<tbx type="TBX-Basic" xml:lang="en"><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>President</term></termSec></langSec><langSec xml:lang="ru"><termSec><term>${term}</term></termSec></langSec></conceptEntry></body></text></tbx>\n`;
const xliff = (doctype: string, target: string) =>
  `<?xml version="1.0"?>\n${doctype}\n<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="u"><segment><source>Thank you.</source><target>${target}</target></segment></unit></file></xliff>\n`;

const readers = {
  TMX: (text: string) => parseTmx(text, 'attack.tmx'),
  TBX: (text: string) => parseTbx(text, 'attack.tbx'),
  XLIFF: (text: string) => parseUntrustedXml(text, 'attack.xlf'),
};
const documents = { TMX: tmx, TBX: tbx, XLIFF: xliff };

function attacks(secret: string, origin: string): Record<string, [doctype: string, body: string]> {
  const laughs = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i} "${i === 0 ? 'lol' : `&lol${i - 1};`.repeat(10)}">`).join('');
  return {
    'external entity (file)': [`<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://${secret}">]>`, '&xxe;'],
    'external entity (http)': [`<!DOCTYPE x [<!ENTITY xxe SYSTEM "${origin}/xxe">]>`, '&xxe;'],
    'parameter entity': [`<!DOCTYPE x [<!ENTITY % p SYSTEM "${origin}/dtd"> %p;]>`, 'text'],
    'billion laughs': [`<!DOCTYPE x [${laughs}]>`, '&lol9;'],
    'quadratic blow-up': [`<!DOCTYPE x [<!ENTITY a "${'a'.repeat(50_000)}">]>`, '&a;'.repeat(50_000)],
    'lower-case declaration': [`<!DOCTYPE x [<!entity xxe SYSTEM "file://${secret}">]>`, '&xxe;'],
  };
}

for (const [format, read] of Object.entries(readers)) {
  test(`${format}: entity declarations are refused before anything expands; nothing is fetched or read`, (t) => {
    for (const [name, [doctype, body]] of Object.entries(attacks(secretFile, trap.origin))) {
      const text = documents[format as keyof typeof documents](doctype, body);
      const started = performance.now();
      assert.throws(
        () => read(text),
        (error: unknown) =>
          error instanceof InputError &&
          /:2:\d+: Unexpected entity declaration, expected none/.test(error.message) &&
          !error.message.includes(canary),
        `${format} ${name}`,
      );
      // Reported, not asserted: the suite must not depend on the machine's speed.
      if (name === 'billion laughs') t.diagnostic(`${format} billion laughs refused in ${(performance.now() - started).toFixed(1)} ms`);
    }
    assert.deepEqual(trap.requests, []);
  });

  test(`${format}: an external DTD is never fetched, and the document still reads`, () => {
    const text = documents[format as keyof typeof documents](`<!DOCTYPE x SYSTEM "${trap.origin}/external.dtd">`, 'Спасибо.');
    read(text);
    const local = documents[format as keyof typeof documents](`<!DOCTYPE x SYSTEM "file://${secretFile}">`, 'Спасибо.');
    assert.equal(JSON.stringify(read(local)).includes(canary), false);
    assert.deepEqual(trap.requests, []);
  });

  test(`${format}: nesting and size limits give clear errors`, () => {
    const deep = documents[format as keyof typeof documents]('', `${'<g>'.repeat(5000)}x${'</g>'.repeat(5000)}`);
    assert.throws(() => read(deep), /attack\.\w+:3:\d+: Unexpected element nested 101 levels deep, expected at most 100/);
    const huge = documents[format as keyof typeof documents]('', 'x'.repeat(64 * 1024 * 1024));
    assert.throws(() => read(huge), /attack\.\w+: Unexpected file of \d+ bytes, expected at most 67108864; split the file/);
    const badReference = documents[format as keyof typeof documents]('', '&#x110000;');
    assert.throws(() => read(badReference), /attack\.\w+:3:\d+: Unexpected character reference &#x110000;/);
  });
}

test('a build with an XXE translation memory stops, names the place, and neither the output nor the message holds the file', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-xxe-build-'));
  writeFileSync(path.join(folder, 'memory.tmx'), tmx(`<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`, '&xxe;'));
  const args = ['build', path.join(repo, 'transcripts/2025-11-26-bishkek-press-statements.txt'), '--out', path.join(folder, 'out')];
  writeFileSync(
    path.join(folder, 'pressroom.config.json'),
    JSON.stringify({
      memories: ['memory.tmx'],
      locales: ['en', 'ru'],
      formats: ['html'],
      onMissing: 'keep-source',
      catalogs: path.join(repo, 'locales'),
    }),
  );
  const refused = await cli(args, { cwd: folder });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /memory\.tmx:2:16: Unexpected entity declaration/);
  assert.equal(refused.stderr.includes(canary), false);

  // The same memory with only an external DTD reference builds; the secret is nowhere in the output.
  writeFileSync(path.join(folder, 'memory.tmx'), tmx(`<!DOCTYPE tmx SYSTEM "file://${secretFile}">`, 'Спасибо.'));
  const built = await cli(args, { cwd: folder });
  assert.equal(built.status, 0, built.stderr);
  for (const [file, bytes] of snapshot(path.join(folder, 'out'))) assert.equal(bytes.includes(canary), false, file);
  assert.equal(readFileSync(secretFile, 'utf8'), canary);
});
