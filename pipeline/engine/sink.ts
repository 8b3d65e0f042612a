import { readFile } from 'node:fs/promises';
import type { Placement, StagedOutput } from '../emit/write.ts';
import type { OutputFile } from '../render/outputs.ts';

/** Where finished files go: memory for `build(config, {write: false})`, a staging folder otherwise. */
export interface Sink {
  write(file: OutputFile): Promise<void>;
  link(source: string, target: string): Promise<void>;
  /** Keeps an output entry that already holds exactly these cached files (see StagedOutput.keep). */
  keep(name: string, files: readonly Placement[]): boolean;
}

export class MemorySink implements Sink {
  readonly files: OutputFile[] = [];
  async write(file: OutputFile): Promise<void> {
    this.files.push(file);
  }
  async link(source: string, target: string): Promise<void> {
    this.files.push({ path: target, contents: new Uint8Array(await readFile(source)) });
  }
  keep(): boolean {
    return false;
  }
}

/** Streams into the output's staging folder and remembers only names: a 300-document batch holds no PDFs. */
export class StagingSink implements Sink {
  readonly names: string[] = [];
  constructor(private readonly staged: StagedOutput) {}
  async write(file: OutputFile): Promise<void> {
    await this.staged.write(file);
    this.names.push(file.path);
  }
  async link(source: string, target: string): Promise<void> {
    await this.staged.link(source, target);
    this.names.push(target);
  }
  keep(name: string, files: readonly Placement[]): boolean {
    if (!this.staged.keep(name, files)) return false;
    for (const [, target] of files) this.names.push(target);
    return true;
  }
}
