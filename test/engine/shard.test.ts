import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseShard, shardOf } from '../../pipeline/engine/shard.ts';
import { cli } from '../helpers/cli.ts';
import { threeDocumentProject } from './helpers.ts';

test('the shard partition is deterministic, complete and disjoint for every N', () => {
  const slugs = Array.from({ length: 500 }, (_, index) => `2025-01-${index}-statement-${index * 7}`);
  for (let count = 1; count <= 6; count += 1) {
    const first = slugs.map((slug) => shardOf(slug, count));
    assert.deepEqual(
      slugs.map((slug) => shardOf(slug, count)),
      first,
    );
    for (const shard of first) assert.ok(shard >= 1 && shard <= count);
    // Every shard gets a share of a large batch.
    for (let index = 1; index <= count; index += 1) assert.ok(first.filter((shard) => shard === index).length > 500 / count / 2);
  }
  assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
  for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) assert.equal(parseShard(bad), undefined, bad);
});

test('shards built separately and merged by `pressroom index` give the unsharded site index and report', async () => {
  const folder = threeDocumentProject();
  const whole = await cli(['build', '--no-cache', '--formats', 'html', '--out', 'whole', '--quiet'], { cwd: folder });
  assert.equal(whole.status, 0, whole.stderr);
  const documents: string[][] = [];
  for (const k of [1, 2, 3]) {
    const shard = await cli(['build', '--no-cache', '--formats', 'html', '--shard', `${k}/3`, '--out', 'sharded', '--json'], {
      cwd: folder,
    });
    assert.equal(shard.status, 0, shard.stderr);
    documents.push((JSON.parse(shard.stdout) as { rebuilt: string[] }).rebuilt.filter((name) => name.endsWith('/en')));
  }
  // Each document was built by exactly one shard.
  assert.deepEqual(documents.flat().sort(), ['a-full/en', 'b-full/en', 'c-no-japarov/en']);
  const early = await cli(['index', 'missing-folder'], { cwd: folder });
  assert.equal(early.status, 1);
  assert.match(early.stderr, /No shard reports in .*missing-folder/);
  const merged = await cli(['index', 'sharded'], { cwd: folder });
  assert.equal(merged.status, 0, merged.stderr);
  const read = (name: string) => readFileSync(path.join(folder, name), 'utf8');
  assert.equal(read('sharded/index.html'), read('whole/index.html'));
  const documentsOf = (name: string) => (JSON.parse(read(name)) as { documents: unknown[] }).documents;
  assert.deepEqual(documentsOf('sharded/report.json'), documentsOf('whole/report.json'));
  for (const slug of ['a-full', 'b-full', 'c-no-japarov'])
    assert.equal(read(`sharded/${slug}/ru/index.html`), read(`whole/${slug}/ru/index.html`));
  rmSync(folder, { recursive: true, force: true });
});
