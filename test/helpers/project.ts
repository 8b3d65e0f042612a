import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
