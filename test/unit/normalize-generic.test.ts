// The normaliser must hold on sites and people nobody on the team has seen: no rule in its code may name one
// site or one person of the survey (../shared/reference/transcripts.md). Comments may cite them as examples.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const NAMES = [
  ...[
    'kremlin',
    'кремл',
    'white house',
    'whitehouse',
    'gov.uk',
    'un.org',
    'sputnik',
    'тасс',
    'tass',
    'azattyk',
    '24.kg',
    'kabar',
    'кабар.kg',
  ],
  ...['vnnforum', 'rev.com', 'factba', 'c-span', 'ria.ru', 'kp.ru', 'president.kg'],
  ...['putin', 'путин', 'japarov', 'zhaparov', 'жапаров', 'peskov', 'песков', 'lavrov', 'лавров', 'medvedev', 'медведев'],
  ...['earnest', 'leavitt', 'jean-pierre', 'rahmon', 'biden', 'trump', 'obama', 'johnson', 'starmer', 'guterres', 'dujarric'],
];

/** Source text without comments: block comments, and line comments that start a line or follow code after a space. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

test('pipeline/normalize and pipeline/ingest name no site and no person in their rules', () => {
  const folders = ['pipeline/normalize', 'pipeline/ingest'];
  const files = folders.flatMap((folder) =>
    readdirSync(path.join(repo, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join(folder, file)),
  );
  assert.ok(files.length >= 20, `read ${files.length} files`);
  const found: string[] = [];
  for (const file of files) {
    const text = code(readFileSync(path.join(repo, file), 'utf8')).toLowerCase();
    for (const name of NAMES) if (text.includes(name)) found.push(`${file}: “${name}”`);
  }
  assert.deepEqual(found, []);
});

test('the check sees a name written in code', () => {
  assert.ok(code('const x = /putin/; // putin in a comment').includes('putin'));
  assert.ok(!code('/** Путин */\nconst y = 1; // Путин').toLowerCase().includes('путин'));
});
