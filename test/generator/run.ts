// The seed of a run: SEED=n reproduces one; otherwise a fresh one each run, printed, as property tests do.
import { generateCase, type GeneratedCase } from './compose.ts';

export function runSeed(value = process.env.SEED): number {
  if (value !== undefined && value !== '') {
    const seed = Number(value);
    if (!Number.isInteger(seed)) throw new Error(`SEED must be an integer, got “${value}”`);
    return seed >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

export function generateCases(seed: number, count: number): GeneratedCase[] {
  return Array.from({ length: count }, (_, index) => generateCase(seed, index));
}
