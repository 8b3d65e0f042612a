import { readMarkdown } from '../markdown/read.ts';
import type { TranscriptRoot } from '../types.ts';
import { htmlBlocks } from './html.ts';
import { decodeTranscript, splitBlocks, type TextBlock } from './read-blocks.ts';

/** What ingest hands the normaliser: blocks of a raw transcript, or pressroom's own Markdown already a tree. */
export type Ingested = { blocks: TextBlock[] } | { tree: TranscriptRoot };

export const INPUT_EXTENSIONS = ['.txt', '.html', '.htm', '.md'];

export function ingestFile(bytes: Uint8Array, file: string, lang: string): Ingested {
  const text = decodeTranscript(bytes, file);
  const lower = file.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return { blocks: htmlBlocks(text) };
  if (lower.endsWith('.md')) return readMarkdown(text.replace(/^\ufeff/, ''), file, lang);
  return { blocks: splitBlocks(text) };
}
