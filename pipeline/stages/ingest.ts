import { decodeTranscript, splitBlocks, type TextBlock } from '../ingest/read-blocks.ts';
import type { Stage } from '../stage.ts';

export const ingest: Stage<Uint8Array, TextBlock[]> = (bytes, ctx) => splitBlocks(decodeTranscript(bytes, ctx.file.path));
