// Synthetic corpus in the sample's shape: N transcripts made from the sample's speaker turns (a seeded
// random share of each turn's paragraphs, turn order and dates varied), with copies of the ru/ky
// memories and the glossary, which cover every sentence and label, and a config that uses them.
// Usage: node --import tsx bench/corpus.ts <folder> [count]
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const SAMPLE = path.join(root, 'transcripts/2025-11-26-bishkek-press-statements.txt');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** mulberry32: the same corpus for the same count on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Turn {
  label: string;
  paragraphs: string[];
}

async function sampleParts(): Promise<{ header: string[]; lead: string[]; turns: Turn[] }> {
  const lines = (await readFile(SAMPLE, 'utf8')).split('\n');
  const rule = lines.indexOf('* * *');
  const before = lines.slice(0, rule);
  const dateline = before.findIndex((line) => /^[A-Z][a-z]+ \d{1,2}, \d{4}, /.test(line));
  const paragraphs = lines.slice(rule + 1).filter((line) => line.trim() !== '');
  const turns: Turn[] = [];
  for (const paragraph of paragraphs) {
    const label = /^(President\sof\s[^:]{3,60}):\s(.*)$/u.exec(paragraph);
    if (label && !turns.some((turn) => turn.label === label[1])) turns.push({ label: label[1]!, paragraphs: [label[2]!] });
    else if (label)
      break; // the sample repeats a turn; the normaliser drops the repeat, the corpus does not need it
    else if (/^[A-Z][a-z]+ \d{1,2}, \d{4}, /.test(paragraph)) break;
    else turns.at(-1)?.paragraphs.push(paragraph);
  }
  return { header: before.slice(0, dateline), lead: before.slice(dateline + 1).filter((line) => line.trim() !== ''), turns };
}

export async function generateCorpus(folder: string, count: number): Promise<string> {
  const { header, lead, turns } = await sampleParts();
  await rm(folder, { recursive: true, force: true });
  await mkdir(path.join(folder, 'transcripts'), { recursive: true });
  const next = random(count * 7919 + 1);
  for (let index = 0; index < count; index += 1) {
    const date = new Date(Date.UTC(2024, 0, 1 + index));
    const dateline = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, Bishkek`;
    const order = next() < 0.5 ? turns : [...turns].reverse();
    const body: string[] = [];
    for (const turn of order) {
      const share = 0.2 + next() * 0.8;
      const kept = turn.paragraphs.filter((_, at) => at === 0 || next() < share);
      body.push(`${turn.label}: ${kept[0]}`, '', ...kept.slice(1).flatMap((paragraph) => [paragraph, '']));
    }
    const text = [...header, dateline, '', ...lead.flatMap((line) => [line, '']), '* * *', '', ...body, dateline, ''].join('\n');
    const name = `${date.toISOString().slice(0, 10)}-statements-${String(index + 1).padStart(4, '0')}.txt`;
    await writeFile(path.join(folder, 'transcripts', name), text);
  }
  for (const lng of ['ru', 'ky']) {
    await mkdir(path.join(folder, 'locales', lng), { recursive: true });
    await copyFile(path.join(root, 'locales', lng, 'memory.tmx'), path.join(folder, 'locales', lng, 'memory.tmx'));
  }
  await copyFile(path.join(root, 'locales/glossary.tbx'), path.join(folder, 'locales/glossary.tbx'));
  const config = {
    inputs: ['transcripts'],
    sourceLocale: 'en',
    locales: ['en', 'ru', 'ky'],
    out: 'output',
    memories: ['locales/ru/memory.tmx', 'locales/ky/memory.tmx'],
    glossaries: ['locales/glossary.tbx'],
    catalogs: path.relative(folder, path.join(root, 'locales')),
    onMissing: 'keep-source',
    fallbackLng: 'en',
  };
  await writeFile(path.join(folder, 'pressroom.config.json'), JSON.stringify(config, null, 2) + '\n');
  return folder;
}

if (process.argv[1] === import.meta.filename) {
  const [folder, count = '20'] = process.argv.slice(2);
  if (!folder) throw new Error('Usage: node --import tsx bench/corpus.ts <folder> [count]');
  await generateCorpus(path.resolve(folder), Number(count));
  console.log(`Wrote ${count} transcripts, memories, glossary and pressroom.config.json to ${folder}`);
}
