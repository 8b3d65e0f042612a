// The pipeline's order is written once, in pipeline/engine/stages.ts: a build's timings name exactly the
// table's stages, in the table's order (source stages once, then per locale translate, render-html and the
// formats in formatOrder), before the site's own steps.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../../pipeline/build.ts';
import { normalizeConfig, readConfigFile } from '../../pipeline/config/load.ts';
import { formatOrder, localeStageNames, SOURCE_STAGES } from '../../pipeline/engine/stages.ts';
import { madeFormats, type Format } from '../../pipeline/render/formats.ts';
import { repo } from '../helpers/cli.ts';

const transcript = 'transcripts/2025-11-26-bishkek-press-statements.txt';

async function sampleConfig(formats: Format[]) {
  const raw = await readConfigFile(path.join(repo, 'pressroom.config.json'));
  // Formats without Chromium: the order under test is the table's, not the browser's.
  return normalizeConfig({ ...raw, inputs: [transcript], locales: ['en', 'ru'], formats }, repo);
}

test('a build times the stage table’s stages in its order, then only the site’s own steps', async () => {
  const config = await sampleConfig(['html', 'docx', 'epub']);
  const result = await build(config, { write: false, cache: false });
  const expected = [...SOURCE_STAGES.map((stage) => stage.name), ...localeStageNames(config.formats)];
  const timed = Object.keys(result.report.timings);
  assert.deepEqual(timed.slice(0, expected.length), expected);
  // After the documents, the site's own steps (the search index): none of them a document stage.
  for (const step of timed.slice(expected.length)) assert.ok(!expected.includes(step) && !step.startsWith('render-'), step);
  // The formats that need only the page come in the registry's order, whatever order the config names them in.
  assert.deepEqual(
    formatOrder(madeFormats(config.formats)).map((format) => format.id),
    ['epub', 'docx'],
  );
  assert.deepEqual(expected.slice(0, 5), ['ingest', 'normalize', 'segment', 'translate', 'render-html']);
});

test('formatOrder: page-only formats, then those printed in Chromium, then the bundle', () => {
  const order = formatOrder(madeFormats(['html', 'bundle', 'pdf', 'epub', 'docx'])).map((format) => format.stage);
  assert.deepEqual(order, ['render-epub', 'render-docx', 'render-pdf', 'bundle']);
});
