import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as CI matrices and `--shard 2/4` count. */
  index: number;
  count: number;
}

/** Parses "K/N" (1 ≤ K ≤ N); undefined for anything else, so the command can say what it expects. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The shard a document belongs to, from its slug alone: every machine agrees without talking to the
 * others, and adding a transcript moves no other document to another shard.
 */
export function shardOf(slug: string, count: number): number {
  const digest = createHash('sha256').update(slug).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(slug: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(slug, shard.count) === shard.index;
}
