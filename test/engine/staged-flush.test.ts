import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lockOutput } from '../../pipeline/emit/lock.ts';
import { openStagedOutput } from '../../pipeline/emit/write.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

test('staged files are flushed together before the swap, and a swap before the flush is refused', async (t) => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'pressroom-flush-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const lock = lockOutput(out);
  const staged = await openStagedOutput(out, lock);
  try {
    for (let index = 0; index < 40; index += 1) await staged.write({ path: `doc/${index}.txt`, contents: utf8(`file ${index}`) });
    await staged.write({ path: 'index.html', contents: utf8('<p>index</p>') });
    assert.throws(() => staged.commit(), /committed before its files were flushed/);
    assert.equal(existsSync(path.join(out, 'index.html')), false, 'nothing is published by a refused swap');
    await staged.flush();
    staged.commit();
    assert.equal(readFileSync(path.join(out, 'doc', '39.txt'), 'utf8'), 'file 39');
    assert.equal(readFileSync(path.join(out, 'index.html'), 'utf8'), '<p>index</p>');
  } finally {
    await staged.dispose();
    lock.release();
  }
});
