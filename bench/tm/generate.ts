// Synthetic memories for the TM benchmark: press-office-like sentences over a Zipf-distributed vocabulary,
// so that frequent words ("the", ",") are as common as in real memories and rare ones carry the signal.
import { escapeXml } from '../../pipeline/xliff/model.ts';

export interface BenchUnit {
  source: string;
  target: string;
}

function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const COMMON = 'the of and to in a for on with that is our we by as at this from be are'.split(' ');
const SYLLABLES = 'ka ro mi te sa lo vu ne di pa ru zo be ki ta mo li se na go'.split(' ');

function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>(COMMON);
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

/** `count` units, deterministic for a seed; sentences of 8–30 words, some with numbers. */
export function generateUnits(count: number, seed: number): BenchUnit[] {
  const random = rng(seed);
  const words = vocabulary(30_000, random);
  // Zipf: rank r is drawn with probability ∝ 1/r.
  const zipf = () => words[Math.min(words.length - 1, Math.floor(Math.exp(random() * Math.log(words.length))) - 1)]!;
  const units: BenchUnit[] = [];
  for (let i = 0; i < count; i += 1) {
    const length = 8 + Math.floor(random() * 23);
    const tokens = Array.from({ length }, () => zipf());
    if (random() < 0.3) tokens.splice(Math.floor(random() * length), 0, String(Math.floor(random() * 5000)));
    const source = tokens.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
    units.push({ source, target: `[ru] ${[...tokens].reverse().join(' ')}.` });
  }
  return units;
}

/** A query near `source`: one to three words replaced, dropped or inserted, as an edited sentence is. */
export function mutate(source: string, seed: number): string {
  const random = rng(seed + 1);
  const tokens = source.replace(/\.$/, '').split(' ');
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e += 1) {
    const at = Math.floor(random() * tokens.length);
    const kind = random();
    if (kind < 0.5) tokens[at] = `edit${seed}x${e}`;
    else if (kind < 0.75 && tokens.length > 4) tokens.splice(at, 1);
    else tokens.splice(at, 0, `new${seed}x${e}`);
  }
  return tokens.join(' ') + '.';
}

/** A TMX 1.4 document of the units (en → ru). */
export function toTmx(units: readonly BenchUnit[]): string {
  const body = units
    .map(
      (unit, i) =>
        `<tu tuid="b${i}" changedate="20250101T000000Z"><tuv xml:lang="en"><seg>${escapeXml(unit.source)}</seg></tuv><tuv xml:lang="ru"><seg>${escapeXml(unit.target)}</seg></tuv></tu>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="bench" adminlang="en" datatype="plaintext" creationtool="bench" creationtoolversion="1"/><body>\n${body}\n</body></tmx>\n`;
}
