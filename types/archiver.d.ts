// archiver 8 ships no types; this is the part of its API pressroom uses.
declare module 'archiver' {
  import type { Transform } from 'node:stream';
  export interface EntryData {
    name: string;
    date?: Date;
    store?: boolean;
    mode?: number;
  }
  export class ZipArchive extends Transform {
    constructor(options?: { zlib?: { level?: number }; forceZip64?: boolean; comment?: string });
    append(source: Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
  }
}
