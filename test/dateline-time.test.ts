// The event's time, read from the dateline, is kept in the metadata and printed on the page in the reader's
// locale, inside the <time> element whose datetime carries it (issue: a time line was lost on the way).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from '../pipeline/build.ts';
import { normalizeConfig } from '../pipeline/config/load.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pressroom-time-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('a dateline with a time puts the time on the page (en and ru) and in <time datetime>', async () => {
  mkdirSync(path.join(scratch, 'transcripts'), { recursive: true });
  writeFileSync(
    path.join(scratch, 'transcripts', 'briefing.txt'),
    [
      'Press conference following the talks',
      'November 3, 2026, 14:05  Moscow',
      'The ministers met the press after the talks.',
      'Minister of Trade Anna Berg: Good afternoon. We signed three agreements today.',
    ].join('\n\n'),
  );
  const config = await normalizeConfig(
    {
      inputs: ['transcripts'],
      locales: ['en', 'ru'],
      formats: ['html'],
      out: 'output',
      catalogs: path.join(repo, 'locales'),
      onMissing: 'keep-source',
    },
    scratch,
  );
  const result = await build(config, { write: false, concurrency: 1 });
  const page = (locale: string) => {
    const found = result.files.find((file) => file.path === `briefing/${locale}/index.html`);
    assert.ok(found, `no ${locale} page among ${result.files.map((file) => file.path).join(', ')}`);
    return Buffer.from(found.contents).toString('utf8');
  };
  const time = (html: string) => /<time datetime="([^"]+)">([^<]+)<\/time>/.exec(html);
  const en = time(page('en'));
  assert.equal(en?.[1], '2026-11-03T14:05');
  assert.match(en?.[2] ?? '', /November 3, 2026, 2:05\s?PM/);
  const ru = time(page('ru'));
  assert.equal(ru?.[1], '2026-11-03T14:05');
  assert.match(ru?.[2] ?? '', /3 ноября 2026.*14:05/);
});
