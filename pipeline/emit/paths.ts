import { statSync } from 'node:fs';
import path from 'node:path';
import type { PipelineConfig } from '../config/defaults.ts';
import { InputError, PipelineError } from '../errors.ts';
import { placeOf } from '../util/xml.ts';

const inside = (folder: string, file: string) => {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The output folder's entries are replaced wholesale, so it must not hold anything the build reads:
 * `--out .` next to `transcripts/` would let a transcript named `locales.txt` replace the catalogs.
 */
export function checkOutputFolder(config: PipelineConfig): void {
  const out = path.resolve(config.out);
  if (out === path.parse(out).root)
    throw new PipelineError(`Refusing to build into the root folder ${out}; give --out a folder of its own`);
  const sources = [...config.inputs, ...config.memories, ...config.glossaries, config.catalogs];
  const overlap = sources.find((source) => inside(out, path.resolve(source)));
  if (overlap)
    throw new PipelineError(
      `Refusing to build into ${out}: it holds ${overlap}, which the build reads, and its entries get replaced; give --out a folder of its own such as "output"`,
    );
}

/**
 * A config file travels with a project and may come from someone else: its `out` must stay inside the
 * project (the config file's folder); a folder outside is the user's call, made with --out. The memories,
 * glossaries and catalogs it names are resolved against that folder and must be there, of the right
 * kind: refused at the place in the config, not later as a bare file-system error.
 */
export function checkConfigPaths(config: Partial<PipelineConfig>, file: string, text: string): void {
  const root = path.dirname(path.resolve(file));
  type Wanted = { key: 'memories' | 'glossaries' | 'catalogs'; value: string; kind: 'file' | 'folder'; what: string };
  const wanted: Wanted[] = [
    ...(config.memories ?? []).map((value): Wanted => ({ key: 'memories', value, kind: 'file', what: 'a TMX file' })),
    ...(config.glossaries ?? []).map((value): Wanted => ({ key: 'glossaries', value, kind: 'file', what: 'a TBX or CSV glossary' })),
    ...(config.catalogs === undefined
      ? []
      : [{ key: 'catalogs', value: config.catalogs, kind: 'folder', what: 'the folder of the UI catalogs' } satisfies Wanted]),
  ];
  for (const { key, value, kind, what } of wanted) {
    const found = kindOf(path.resolve(root, value));
    if (found === kind) continue;
    const keyAt = text.indexOf(`"${key}"`);
    const valueAt = keyAt >= 0 ? text.indexOf(JSON.stringify(value), keyAt) : -1;
    const at = valueAt >= 0 ? valueAt : keyAt;
    throw new InputError(
      file,
      at >= 0 ? placeOf(text, at) : { line: 1, column: 1 },
      `Unexpected “${key}” path ${JSON.stringify(value)}: ${found === undefined ? 'nothing is there' : `it is a ${found}`}, expected ${what}; paths in a config file are relative to its folder`,
    );
  }
  if (config.out === undefined) return;
  const out = path.resolve(root, config.out);
  if (out === root || !inside(root, out)) {
    const offset = text.indexOf('"out"');
    throw new InputError(
      file,
      offset >= 0 ? placeOf(text, offset) : { line: 1, column: 1 },
      `Unexpected "out": ${JSON.stringify(config.out)}, expected a folder inside the project such as "output"; to write elsewhere, pass --out on the command line`,
    );
  }
}

function kindOf(file: string): 'file' | 'folder' | undefined {
  try {
    const info = statSync(file);
    return info.isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}
