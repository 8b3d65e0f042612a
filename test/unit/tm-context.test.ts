import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContextIndex, readContexts, sourceHash } from '../../pipeline/tm/context.ts';
import { mergeIntoTmx } from '../../pipeline/xliff/tmx-merge.ts';

const provenance = { date: '20261202T120000Z', translator: undefined, file: 'doc.ru.xlf' };

/** A memory as `xliff import` writes it: each translation with its source hash, document and neighbours. */
function memory(entries: { source: string; target: string; prev: string; next: string }[]): string {
  return mergeIntoTmx(
    undefined,
    'en',
    'ru',
    entries.map((entry, i) => ({
      id: `s${i}`,
      source: entry.source,
      target: entry.target,
      state: 'translated' as const,
      context: { doc: 'doc', prev: entry.prev, next: entry.next },
    })),
    provenance,
  );
}

test('should read back the source hash, document and neighbours that xliff import records', () => {
  const tmx = memory([{ source: 'Good afternoon.', target: 'Добрый день.', prev: '', next: 'Thank you.' }]);
  const [unit] = readContexts(tmx, 'en', 'm.tmx');
  assert.equal(unit?.hash, sourceHash('Good afternoon.'));
  assert.deepEqual([unit?.doc, unit?.prev, unit?.next, unit?.targets.get('ru')], ['doc', '', 'Thank you.', 'Добрый день.']);
  assert.equal(unit?.line, tmx.slice(0, tmx.indexOf('<tu ')).split('\n').length, 'the line of the <tu>');
  assert.deepEqual(readContexts('<tmx><body><tu><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>', 'en', 'plain.tmx'), []);
});

test('should give a context match (101) where the neighbours agree, and none where they do not', () => {
  const index = new ContextIndex();
  index.add(
    readContexts(
      memory([{ source: 'Thank you.', target: 'Спасибо.', prev: 'Good afternoon.', next: 'Questions, please.' }]),
      'en',
      'm.tmx',
    ),
  );
  const current = new Set(['Thank you.']);
  const here = { doc: 'other', source: 'Thank you.', prev: 'Good afternoon.', next: 'Questions, please.' };
  assert.deepEqual((({ kind, target }) => ({ kind, target }))(index.judge(here, 'ru', current)!), { kind: 'context', target: 'Спасибо.' });
  assert.equal(index.judge({ ...here, prev: 'Something else.', next: 'And more.' }, 'ru', current), undefined);
  assert.equal(index.judge(here, 'ky', current), undefined, 'no ky translation recorded');
});

test('should call a segment stale when the source it was translated from is gone from its place, or its hash differs', () => {
  const tmx = memory([
    { source: 'We signed 12 agreements.', target: 'Мы подписали 12 соглашений.', prev: 'Good afternoon.', next: 'Thank you.' },
  ]);
  const index = new ContextIndex();
  index.add(readContexts(tmx, 'en', 'm.tmx'));
  const edited = { doc: 'doc', source: 'We signed 14 agreements.', prev: 'Good afternoon.', next: 'Thank you.' };
  const verdict = index.judge(edited, 'ru', new Set(['Good afternoon.', 'We signed 14 agreements.', 'Thank you.']));
  assert.equal(verdict?.kind, 'stale');
  assert.equal(verdict?.kind === 'stale' && verdict.why, 'source-changed');
  assert.equal(verdict?.unit.source, 'We signed 12 agreements.');
  // The same sentence still in the document (moved, not edited): nothing is stale.
  assert.equal(index.judge(edited, 'ru', new Set(['We signed 12 agreements.', 'We signed 14 agreements.'])), undefined);
  // Another document's segment at a similar place is not this document's.
  assert.equal(index.judge({ ...edited, doc: 'other' }, 'ru', new Set()), undefined);

  // The memory's source edited by hand after translation: the recorded hash no longer fits.
  const hand = new ContextIndex();
  hand.add(readContexts(tmx.replace('<seg>We signed 12 agreements.</seg>', '<seg>We signed 15 agreements.</seg>'), 'en', 'm.tmx'));
  const mismatch = hand.judge({ ...edited, source: 'We signed 15 agreements.' }, 'ru', new Set());
  assert.equal(mismatch?.kind === 'stale' && mismatch.why, 'hash-mismatch');
});
