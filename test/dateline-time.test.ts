// The event's time, read from the dateline, is kept in the metadata and printed on the page in the reader's
// locale, inside the <time> element whose datetime carries it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTranscripts } from './helpers/project.ts';

test('a dateline with a time puts the time on the page (en and ru) and in <time datetime>', async () => {
  const transcript = [
    'Press conference following the talks',
    'November 3, 2026, 14:05  Moscow',
    'The ministers met the press after the talks.',
    'Minister of Trade Anna Berg: Good afternoon. We signed three agreements today.',
  ].join('\n\n');
  const { file } = await buildTranscripts({ 'briefing.txt': transcript }, { locales: ['en', 'ru'], formats: ['html'] });
  const time = (locale: string) => /<time datetime="([^"]+)">([^<]+)<\/time>/.exec(file(`briefing/${locale}/index.html`).toString('utf8'));
  const en = time('en');
  assert.equal(en?.[1], '2026-11-03T14:05');
  assert.match(en?.[2] ?? '', /November 3, 2026, 2:05\s?PM/);
  const ru = time('ru');
  assert.equal(ru?.[1], '2026-11-03T14:05');
  assert.match(ru?.[2] ?? '', /3 ноября 2026.*14:05/);
});
