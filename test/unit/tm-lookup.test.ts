import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli } from '../helpers/cli.ts';

const pressroom = (...args: string[]) => cli(args);

test('should print the best matches as JSON with source, target, score and band, adapted first', async () => {
  const run = await pressroom(
    'tm',
    'lookup',
    '--memory',
    'locales/ru/archive-2024.tmx',
    '--from',
    'en',
    '--to',
    'ru',
    '--json',
    'Over 16,000 Kyrgyz students are studying at Russian universities.',
  );
  assert.equal(run.status, 0, run.stderr);
  const matches = JSON.parse(run.stdout) as { source: string; target: string; score: number; band: string }[];
  assert.deepEqual(matches[0], {
    source: 'Over 14,000 Kyrgyz students are studying at Russian universities.',
    target: 'В российских вузах обучаются более 16,000 киргизских студентов.',
    score: 99,
    band: 'adapted',
    lang: 'ru',
    file: 'locales/ru/archive-2024.tmx',
    line: 16,
  });
});

test('should use the configured memories without --memory and find the exact match', async () => {
  const run = await pressroom('tm', 'lookup', '--to', 'ru', '--json', 'Over 16,000 Kyrgyz students are studying at Russian universities.');
  assert.equal(run.status, 0, run.stderr);
  const [best] = JSON.parse(run.stdout) as { score: number; band: string; target: string }[];
  assert.equal(best?.score, 100);
  assert.equal(best?.band, 'exact');
  assert.equal(best?.target, 'В российских вузах обучаются более 16 тысяч киргизских студентов.');
});

test('should exit 2 on a missing text and 1 naming file and line on a broken memory', async () => {
  assert.equal((await pressroom('tm', 'lookup', '--to', 'ru')).status, 2);
  const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
  const dir = await mkdtemp('/tmp/tm-lookup-');
  await writeFile(
    `${dir}/bad.tmx`,
    '<tmx version="1.4">\n<header srclang="en"/>\n<body><tu><tuv xml:lang="ru"><seg>x</tuv></tu></body></tmx>',
  );
  try {
    const run = await pressroom('tm', 'lookup', '--memory', `${dir}/bad.tmx`, '--from', 'en', '--to', 'ru', 'x');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /bad\.tmx:3:\d+/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
