import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { normalizeConfig, readConfigFile, validateConfig } from '../../pipeline/config/load.ts';

test('validateConfig names an unknown key and a wrong type, with the line in the file', async () => {
  assert.throws(
    () => validateConfig({ locale: ['ru'] }, 'p.json', '{\n  "locale": ["ru"]\n}'),
    /^InputError: p\.json:2:3: Unexpected config key “locale”, expected one of: inputs, sourceLocale, locales/,
  );
  assert.throws(
    () => validateConfig({ formats: ['pdf', 'mobi'] }, 'p.json'),
    /Unexpected value for “formats”: \["pdf","mobi"\], expected a non-empty list of "html", "pdf", "epub", "docx", "bundle"/,
  );
  assert.throws(() => validateConfig({ onMissing: 'skip' }, 'p.json'), /expected one of "error", "fallback", "keep-source"/);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'pressroom-config-'));
  await writeFile(path.join(folder, 'bad.json'), '{"locales": ["en",]}');
  await assert.rejects(readConfigFile(path.join(folder, 'bad.json')), /bad\.json:1:19: Unexpected JSON/);
});

test('normalizeConfig fills defaults, canonicalises locales and resolves paths against the config folder', async () => {
  const config = await normalizeConfig({ locales: ['EN', 'ky-kg'], out: 'dist' }, '/srv/press');
  assert.deepEqual(config.locales, ['en', 'ky-KG']);
  assert.equal(config.out, '/srv/press/dist');
  assert.equal(config.onMissing, 'error');
  assert.deepEqual(config.formats, ['html', 'pdf', 'epub', 'bundle']);
});
