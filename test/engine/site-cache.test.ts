import assert from 'node:assert/strict';
import { rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../pipeline/build.ts';
import { snapshot } from '../helpers/cli.ts';
import { editConceptTerm, projectConfig, threeDocumentProject } from './helpers.ts';

/** The dashboard's files (output/report/) as a build without any cache makes them. */
async function freshDashboard(config: Awaited<ReturnType<typeof projectConfig>>): Promise<Map<string, Buffer>> {
  const clean = await build(config, { write: false });
  return new Map(clean.files.filter((file) => file.path.startsWith('report/')).map((file) => [file.path, Buffer.from(file.contents)]));
}

function dashboardOf(out: string): Map<string, Buffer> {
  return new Map([...snapshot(out, false)].filter(([name]) => name.startsWith('report/')));
}

test('should take the dashboard from the cache only while no input changed, and equal a fresh one every time', async () => {
  const folder = threeDocumentProject();
  try {
    const config = await projectConfig(folder);
    const cache = path.join(folder, 'cache');
    const entry = path.join(cache, '.site/dashboard/entry.json');
    await build(config, { cache });
    assert.deepEqual(dashboardOf(config.out), await freshDashboard(config));
    const stored = statSync(entry).mtimeMs;

    const noop = await build(config, { cache });
    assert.deepEqual(noop.report.incremental?.rebuilt, []);
    assert.equal(statSync(entry).mtimeMs, stored, 'a no-op rebuild reuses the cached dashboard');
    assert.deepEqual(dashboardOf(config.out), await freshDashboard(config));

    // A glossary edit, then a transcript edit: each makes the dashboard again, as a fresh build would.
    editConceptTerm(path.join(folder, 'locales/glossary.tbx'), 'c-sadyr-japarov', 'ky', 'Садыр Жапаров (оңдолгон)');
    await build(config, { cache });
    assert.notEqual(statSync(entry).mtimeMs, stored);
    assert.deepEqual(dashboardOf(config.out), await freshDashboard(config));
    const transcript = path.join(folder, 'transcripts/c-no-japarov.txt');
    writeFileSync(transcript, readFileSync(transcript, 'utf8').replace('November 28, 2025', 'November 29, 2025'));
    const edited = await build(config, { cache });
    assert.deepEqual(edited.report.incremental?.rebuilt.sort(), ['c-no-japarov/en', 'c-no-japarov/ky', 'c-no-japarov/ru']);
    assert.deepEqual(dashboardOf(config.out), await freshDashboard(config));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
