import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../pipeline/build.ts';
import { interruptible, Interrupted } from '../../pipeline/commands/interrupt.ts';
import { silentProgress } from '../../pipeline/engine/progress.ts';
import { snapshot } from '../helpers/cli.ts';
import { projectConfig, threeDocumentProject } from './helpers.ts';

const hiddenEntries = (out: string) => readdirSync(out).filter((name) => name.startsWith('.'));
/** Temporary folders and files the cache writes before renaming them into place. */
const cacheTemporaries = (cache: string) =>
  existsSync(cache) ? readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((name) => /\.tmp-/.test(name)) : [];

test('an aborted in-process build removes its staging folder and lock, and the output stays as it was', async () => {
  const folder = threeDocumentProject();
  const config = await projectConfig(folder);
  const cache = path.join(folder, 'cache');
  try {
    await build(config, { cache });
    const previous = snapshot(config.out);
    assert.deepEqual(hiddenEntries(config.out), []);

    // Every transcript changes, so the next build renders (and would replace) every document.
    for (const name of readdirSync(path.join(folder, 'transcripts'))) {
      const file = path.join(folder, 'transcripts', name);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nThis is the second edition.\n`);
    }
    // Aborted from inside, at the fourth stage: some documents are done, others half made.
    const controller = new AbortController();
    const reason = new Error('stopped by the test');
    let stages = 0;
    let stagedWhileRunning = false;
    const progress = {
      ...silentProgress,
      stage() {
        stages += 1;
        stagedWhileRunning ||= readdirSync(config.out).some((name) => name.startsWith('.pressroom-staging-'));
        if (stages === 4) controller.abort(reason);
      },
    };
    await assert.rejects(build(config, { cache, progress, signal: controller.signal }), (error) => error === reason);
    assert.ok(stagedWhileRunning, 'the build had started writing when it was aborted');
    assert.ok(stages < 9, `the build ran on after the abort (${stages} stages)`);
    assert.deepEqual(snapshot(config.out), previous, 'the output changed');
    assert.deepEqual(hiddenEntries(config.out), [], 'staging folder or lock left behind');
    assert.deepEqual(cacheTemporaries(cache), [], 'half-written cache entries left behind');

    // A signal aborted before the build starts: nothing is read, locked or created.
    const out = path.join(folder, 'never');
    await assert.rejects(build({ ...config, out }, { cache, signal: AbortSignal.abort(reason) }), (error) => error === reason);
    assert.equal(existsSync(out), false);

    // The next build is not hindered by the aborted one, and publishes the new edition.
    const next = await build(config, { cache });
    assert.equal(next.report.documents.length, 3);
    assert.deepEqual(hiddenEntries(config.out), []);
    assert.match(readFileSync(path.join(config.out, 'a-full/en/index.html'), 'utf8'), /second edition/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the CLI turns SIGINT, SIGTERM and SIGHUP into an aborted signal and an exit code, and stops listening afterwards', async () => {
  const listening = () => ['SIGINT', 'SIGTERM', 'SIGHUP'].map((name) => process.listenerCount(name));
  const before = listening();
  for (const [name, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    // process.emit calls the listeners as a delivered signal would, without ending this test process.
    const outcome = interruptible(async (signal) => {
      process.emit(name, name);
      assert.equal(signal.aborted, true);
      throw new Error('the work failed some other way once aborted');
    });
    await assert.rejects(outcome, (error) => error instanceof Interrupted && error.signal === name && error.exitCode === code);
    assert.deepEqual(listening(), before, `${name}: a listener left behind`);
  }
  // Work that completes although the signal came (past its last check: the outputs published) succeeded.
  const published = await interruptible(async () => {
    process.emit('SIGINT', 'SIGINT');
    return 'published';
  });
  assert.equal(published, 'published');
  assert.deepEqual(listening(), before);
});
