import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../pipeline/build.ts';
import type { Format } from '../../pipeline/config/defaults.ts';
import { normalizeConfig } from '../../pipeline/config/load.ts';
import { repo } from './cli.ts';

/** A copy of the sample project (transcript, locales, config) in a temporary folder the test may edit. */
export function copySample(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const entry of ['transcripts', 'locales', 'pressroom.config.json'])
    cpSync(path.join(repo, entry), path.join(dir, entry), { recursive: true });
  return dir;
}

/** The five XML references, for test code reading our XML as text. */
export const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Removes the `<tu>` elements at `indexes` from a locale's memory; returns their en → target pairs. */
export function removeUnits(project: string, locale: string, indexes: number[]): Map<string, string> {
  const file = path.join(project, 'locales', locale, 'memory.tmx');
  let tmx = readFileSync(file, 'utf8');
  const units = tmx.match(/\s*<tu [\s\S]*?<\/tu>/g) ?? [];
  const removed = new Map<string, string>();
  for (const index of indexes) {
    const unit = units[index]!;
    const en = /xml:lang="en"><seg>([\s\S]*?)<\/seg>/.exec(unit)![1]!;
    const target = new RegExp(`xml:lang="${locale}"><seg>([\\s\\S]*?)</seg>`).exec(unit)![1]!;
    removed.set(decode(en), decode(target));
    tmx = tmx.replace(unit, '');
  }
  writeFileSync(file, tmx);
  return removed;
}

/**
 * Builds transcripts in memory (`build({ write: false })`) in a scratch project that uses the repo's UI
 * strings and publishes untranslated text as it is; `file(path)` returns an output's bytes or fails naming
 * what was built.
 */
export async function buildTranscripts(
  transcripts: Record<string, string | Uint8Array>,
  options: { locales: string[]; formats: Format[] },
): Promise<{ file: (name: string) => Buffer; names: string[] }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-build-'));
  try {
    mkdirSync(path.join(folder, 'transcripts'));
    for (const [name, contents] of Object.entries(transcripts)) writeFileSync(path.join(folder, 'transcripts', name), contents);
    const config = await normalizeConfig(
      { inputs: ['transcripts'], ...options, out: 'output', catalogs: path.join(repo, 'locales'), onMissing: 'keep-source' },
      folder,
    );
    const result = await build(config, { write: false, concurrency: 1 });
    const names = result.files.map((output) => output.path);
    const file = (name: string) => {
      const found = result.files.find((output) => output.path === name);
      assert.ok(found, `no ${name} among ${names.join(', ')}`);
      return Buffer.from(found.contents);
    };
    return { file, names };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
