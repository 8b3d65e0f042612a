import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { build } from '../../pipeline/build.ts';
import { silentProgress } from '../../pipeline/engine/progress.ts';
import { projectConfig, threeDocumentProject } from './helpers.ts';

/** Chromium's main process: the child of this test process that puppeteer started. */
function browserPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, name]) => pid && name && /chrom/i.test(name))
    .map(([pid]) => Number(pid));
}

test('Chromium killed mid-batch: the browser is restarted, the documents retried, every PDF valid', async () => {
  const folder = threeDocumentProject();
  const config = { ...(await projectConfig(folder)), formats: ['pdf' as const], locales: ['en', 'ru'] };
  let finished = 0;
  let killed = 0;
  const result = await build(config, {
    write: false,
    concurrency: 2,
    progress: {
      ...silentProgress,
      artifact() {
        // The browser is up and the next documents are printing: kill it under them.
        if (++finished === 1) {
          for (const pid of browserPids()) {
            process.kill(pid, 'SIGKILL');
            killed += 1;
          }
        }
      },
    },
  });
  assert.ok(killed >= 1, 'a browser process was killed');
  assert.ok((result.report.incremental?.browserRestarts ?? 0) >= 1, 'the pool restarted Chromium');
  const pdfs = result.files.filter((file) => file.path.endsWith('.pdf'));
  assert.equal(pdfs.length, 6);
  for (const pdf of pdfs) {
    const document = await PDFDocument.load(pdf.contents);
    assert.ok(document.getPageCount() >= 1, `${pdf.path} has pages`);
    assert.equal(
      document.getTitle(),
      result.report.documents
        .flatMap((doc) => doc.locales)
        .find((locale) => pdf.path.includes(`/${locale.locale}/`) && locale.files.includes(pdf.path))?.title,
    );
  }
  rmSync(folder, { recursive: true, force: true });
});

test('a print that never answers is taken for a hung browser: restarted, retried a bounded number of times, then a clear error', async () => {
  const folder = threeDocumentProject();
  const config = {
    ...(await projectConfig(folder)),
    formats: ['pdf' as const],
    locales: ['en'],
    inputs: [`${folder}/transcripts/c-no-japarov.txt`],
  };
  const restarts: string[] = [];
  await assert.rejects(
    build(config, { write: false, printTimeoutMs: 1, progress: { ...silentProgress, restart: (reason) => restarts.push(reason) } }),
    /Chromium hung 3 times on the same document/,
  );
  assert.deepEqual(restarts, ['no answer in 1 ms', 'no answer in 1 ms']);
  rmSync(folder, { recursive: true, force: true });
});
