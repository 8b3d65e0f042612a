import { mkdirSync, readFileSync, writeFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { normalizeConfig, readConfigFile } from '../../pipeline/config/load.ts';
import type { PipelineConfig } from '../../pipeline/config/defaults.ts';
import { repo } from '../helpers/cli.ts';

const SAMPLE = path.join(repo, 'transcripts/2025-11-26-bishkek-press-statements.txt');

/**
 * A project of three transcripts: two copies of the sample (other dates) and one that never names Sadyr
 * Japarov (the lead and his turn dropped, Putin's turn without the lines that mention him), with its
 * own copies of the memories and glossary so a test can edit them.
 */
export function threeDocumentProject(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pressroom-engine-'));
  const sample = readFileSync(SAMPLE, 'utf8');
  mkdirSync(path.join(folder, 'transcripts'));
  writeFileSync(path.join(folder, 'transcripts/a-full.txt'), sample);
  writeFileSync(path.join(folder, 'transcripts/b-full.txt'), sample.replaceAll('November 26, 2025', 'November 27, 2025'));
  const lines = sample.split('\n');
  const rule = lines.indexOf('* * *');
  const putin = lines.findIndex((line) => /^President\sof\sRussia\sVladimir\sPutin:/u.test(line));
  const putinEnd = lines.findIndex((line, at) => at > putin && /^(President\s|[A-Z][a-z]+ \d{1,2}, \d{4}, )/u.test(line));
  const header = lines.slice(0, rule + 1).filter((line) => !/Japarov|ceremony/.test(line));
  const turn = lines.slice(putin, putinEnd).filter((line) => !/Japarov|Kyrgyz/.test(line));
  writeFileSync(path.join(folder, 'transcripts/c-no-japarov.txt'), [...header, '', ...turn, 'November 28, 2025, Bishkek', ''].join('\n'));
  for (const lng of ['ru', 'ky']) {
    mkdirSync(path.join(folder, 'locales', lng), { recursive: true });
    copyFileSync(path.join(repo, 'locales', lng, 'memory.tmx'), path.join(folder, 'locales', lng, 'memory.tmx'));
  }
  copyFileSync(path.join(repo, 'locales/glossary.tbx'), path.join(folder, 'locales/glossary.tbx'));
  writeFileSync(
    path.join(folder, 'pressroom.config.json'),
    JSON.stringify({
      inputs: ['transcripts'],
      locales: ['en', 'ru', 'ky'],
      formats: ['html', 'epub'],
      out: 'output',
      memories: ['locales/ru/memory.tmx', 'locales/ky/memory.tmx'],
      glossaries: ['locales/glossary.tbx'],
      catalogs: path.join(repo, 'locales'),
      onMissing: 'keep-source',
    }),
  );
  return folder;
}

export async function projectConfig(folder: string): Promise<PipelineConfig> {
  return normalizeConfig(await readConfigFile(path.join(folder, 'pressroom.config.json')), folder);
}

/** Replaces the first `<term>` of `lang` in concept `id` of a TBX file. */
export function editConceptTerm(tbxFile: string, id: string, lang: string, text: string): void {
  const tbx = readFileSync(tbxFile, 'utf8');
  const start = tbx.indexOf(`<conceptEntry id="${id}">`);
  const end = tbx.indexOf('</conceptEntry>', start);
  const entry = tbx.slice(start, end);
  const langStart = entry.indexOf(`<langSec xml:lang="${lang}">`);
  const edited = entry.slice(0, langStart) + entry.slice(langStart).replace(/<term>[^<]*<\/term>/, `<term>${text}</term>`);
  writeFileSync(tbxFile, tbx.slice(0, start) + edited + tbx.slice(end));
}
