import { ingestFile, type Ingested } from '../ingest/index.ts';
import type { Stage } from '../stage.ts';

export const ingest: Stage<Uint8Array, Ingested> = (bytes, ctx) =>
  ingestFile(bytes, ctx.file.path, ctx.normalize?.lang ?? ctx.config.sourceLocale);
