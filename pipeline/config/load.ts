import { attributionProblem } from './attribution.ts';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { checkConfigPaths } from '../emit/paths.ts';
import { slugify } from '../emit/slug.ts';
import { InputError } from '../errors.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import { parseJsonFile } from '../util/json.ts';
import { readUtf8 } from '../util/utf8.ts';
import { placeOf } from '../util/xml.ts';
import { INPUT_EXTENSIONS } from '../ingest/index.ts';
import { isSidecar } from '../normalize/sidecar.ts';
import { defaults, FORMATS, type PipelineConfig } from './defaults.ts';
import { checkSources, keyPath, resolveSources, type NestedProblem } from './sources.ts';

/** What a key's value should have been, or for a nested value also where below the key. */
type Check = (value: unknown) => string | NestedProblem | undefined;

const stringList: Check = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '') ? undefined : 'a list of non-empty strings';
// Intl takes any five-to-eight-letter word for a language (`kyrgyz`, `russian`): a locale needs a two- or
// three-letter one, or the build publishes a page in a language nobody has.
const plausibleLocale = (tag: string) => /^[a-z]{2,3}(-|$)/.test(canonicalLocale(tag) ?? '');
const localeList: Check = (value) => {
  if (stringList(value)) return stringList(value);
  const bad = (value as string[]).find((tag) => !plausibleLocale(tag));
  return bad === undefined
    ? undefined
    : `a list of BCP 47 tags with a two- or three-letter language such as "ru" or "ky-KG" (not ${JSON.stringify(bad)})`;
};
const oneOf =
  (...allowed: unknown[]): Check =>
  (value) =>
    allowed.includes(value) ? undefined : `one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`;

const schema: Record<keyof PipelineConfig, Check> = {
  inputs: stringList,
  sourceLocale: (value) => (typeof value === 'string' && canonicalLocale(value) ? undefined : 'a BCP 47 tag such as "en"'),
  locales: localeList,
  formats: (value) =>
    Array.isArray(value) && value.length > 0 && value.every((item) => FORMATS.includes(item))
      ? undefined
      : `a non-empty list of ${FORMATS.map((f) => `"${f}"`).join(', ')}`,
  out: (value) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'a folder path'),
  memories: stringList,
  glossaries: stringList,
  catalogs: (value) => (typeof value === 'string' && value !== '' ? undefined : 'a folder path'),
  onMissing: oneOf('error', 'fallback', 'keep-source'),
  tmMinScore: (value) => {
    const score = (item: unknown) => Number.isInteger(item) && (item as number) >= 50 && (item as number) <= 101;
    return score(value) || (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(score))
      ? undefined
      : 'a whole number from 50 to 101, or an object of them keyed by locale with "default"';
  },
  termSeverity: (value) => {
    const severity = (item: unknown) => item === 'info' || item === 'warning' || item === 'error';
    return severity(value) || (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(severity))
      ? undefined
      : '"info", "warning" or "error", or an object of them keyed by locale with "default"';
  },
  fallbackLng: (value) =>
    typeof value === 'string' ||
    stringList(value) === undefined ||
    (value !== null && typeof value === 'object' && Object.values(value).every((list) => stringList(list) === undefined))
      ? undefined
      : 'a locale, a list of locales, or an object of lists keyed by locale',
  attribution: attributionProblem,
  frail: (value) => (typeof value === 'boolean' ? undefined : 'true or false'),
  paper: oneOf('A4', 'Letter'),
  publisher: (value) =>
    value === null || (typeof value === 'string' && value.trim() !== '') ? undefined : 'null or a name such as "Press Office"',
  xliff: (value) =>
    value !== null &&
    typeof value === 'object' &&
    Object.entries(value).every(
      ([key, item]) =>
        (key === 'version' && (item === '1.2' || item === '2.1')) ||
        (key === 'prefill' && typeof item === 'boolean') ||
        (key === 'context' && Number.isInteger(item) && (item as number) >= 0 && (item as number) <= 5) ||
        (key === 'prefillMinScore' && Number.isInteger(item) && (item as number) >= 50 && (item as number) <= 100),
    )
      ? undefined
      : '{"version"?: "1.2" | "2.1", "prefill"?: true | false, "context"?: 0…5, "prefillMinScore"?: 50…100}',
  keepNbsp: (value) => (typeof value === 'boolean' ? undefined : 'true or false'),
  sources: checkSources,
  site: (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return '{"url"?: "https://…"}';
    for (const [key, url] of Object.entries(value)) {
      if (key !== 'url') return { at: [key], unknownKey: true, expected: 'only "url"' };
      if (!isWebUrl(url)) return { at: ['url'], expected: 'an absolute http(s) URL such as "https://press.example.org/"' };
    }
    return undefined;
  },
};

function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.search && !url.hash;
  } catch {
    return false;
  }
}

/** Checks a raw config object: an unknown key or a wrong type is an error naming the key and the file. */
export function validateConfig(raw: unknown, file: string, text = ''): Partial<PipelineConfig> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError(file, { line: 1, column: 1 }, 'Unexpected config, expected a JSON object such as {"locales": ["en", "ru"]}');
  const where = (key: string) => {
    const offset = text.indexOf(`"${key}"`);
    return offset >= 0 ? placeOf(text, offset) : { line: 1, column: 1 };
  };
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    const check = schema[key as keyof PipelineConfig];
    if (!check) {
      const known = Object.keys(schema).join(', ');
      throw new InputError(file, where(key), `Unexpected config key “${key}”, expected one of: ${known}`);
    }
    const expected = check(value);
    if (typeof expected === 'string')
      throw new InputError(file, where(key), `Unexpected value for “${key}”: ${JSON.stringify(value)}, expected ${expected}`);
    if (expected) {
      const nested = expected.at.reduce<unknown>((parent, part) => (parent as Record<string | number, unknown>)?.[part], value);
      const reason = expected.unknownKey
        ? `Unexpected config key “${keyPath(key, expected.at)}”, expected ${expected.expected}`
        : `Unexpected value for “${keyPath(key, expected.at)}”: ${JSON.stringify(nested)}, expected ${expected.expected}`;
      throw new InputError(file, placeOfKeyPath(text, [key, ...expected.at]) ?? where(key), reason);
    }
  }
  const { $schema: _ignored, ...config } = raw as Record<string, unknown>;
  return config as Partial<PipelineConfig>;
}

/**
 * Where a nested value (or, for a key that should not be there, the key) sits in the config text. JSON is
 * YAML, and the YAML parser keeps every node's range, which JSON.parse does not.
 */
function placeOfKeyPath(text: string, keys: (string | number)[]): { line: number; column: number } | undefined {
  if (!text) return undefined;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  const parent = document.getIn(keys.slice(0, -1), true) as { items?: { key?: { value?: unknown; range?: number[] } }[] } | undefined;
  const last = keys.at(-1);
  const node = document.getIn(keys, true) as { range?: number[] } | undefined;
  // An object's entry is pointed at by its key (a misspelt key is the problem there); a list's item by itself.
  const keyNode = typeof last === 'string' ? parent?.items?.find((pair) => pair.key?.value === last)?.key : undefined;
  const offset = (keyNode?.range ?? node?.range)?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export async function readConfigFile(file: string): Promise<Partial<PipelineConfig>> {
  let text: string;
  try {
    text = await readUtf8(file, file, 'the config file');
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw new InputError(file, undefined, 'Cannot read the config file; check the path given to --config', { cause });
  }
  const config = validateConfig(parseJsonFile(text, file, 'the config file'), file, text);
  checkConfigPaths(config, file, text);
  return config;
}

/** Fills defaults, resolves paths against `root`, discovers TMX and glossaries under the catalogs folder. */
export async function normalizeConfig(partial: Partial<PipelineConfig>, root: string): Promise<PipelineConfig> {
  const config: PipelineConfig = { ...defaults, ...partial };
  config.sourceLocale = canonicalLocale(config.sourceLocale)!;
  config.locales = [...new Set(config.locales.map((tag) => canonicalLocale(tag)!))];
  const resolve = (file: string) => path.resolve(root, file);
  config.out = resolve(config.out);
  config.catalogs = resolve(config.catalogs);
  config.inputs = config.inputs.map(resolve);
  config.sources = resolveSources(config.sources, root);
  if (partial.memories) config.memories = partial.memories.map(resolve);
  else config.memories = await discover(config.catalogs, (file) => file.endsWith('.tmx'), 1);
  if (partial.glossaries) config.glossaries = partial.glossaries.map(resolve);
  else config.glossaries = await discover(config.catalogs, (file) => /\.(tbx|csv)$/.test(file), 0);
  return config;
}

async function discover(folder: string, accept: (file: string) => boolean, depth: number): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...(await discover(full, accept, depth - 1)));
    else if (entry.isFile() && accept(entry.name)) found.push(full);
  }
  return found;
}

/** Expands folders among the inputs into the transcript files they hold, sorted. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (cause) {
      throw new InputError(input, undefined, 'Cannot find this input; give a transcript file or a folder of them', { cause });
    }
    if (info.isDirectory()) {
      // A sidecar (`foo.meta.yaml`) describes a transcript and is never one, whatever extensions come to be read.
      const names = (await readdir(input))
        .filter((name) => INPUT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)) && !isSidecar(name))
        .sort();
      files.push(...names.map((name) => path.join(input, name)));
    } else if (isSidecar(input))
      throw new InputError(input, undefined, 'Unexpected sidecar as an input, expected a transcript; give the transcript it describes');
    else files.push(input);
  }
  return [...new Set(files)];
}

/**
 * The inputs named on a command line (`build a.txt`, `xliff export --locale ky a.txt`): a path that exists
 * is taken as it is, with or without a config; anything else is looked up among the config's inputs by
 * slug or path (`xliff export --locale ky 2025-11-26-bishkek-press-statements`). A name found nowhere is
 * kept as given, so that expandInputs reports it with the usual message.
 */
export async function selectInputs(given: readonly string[], configInputs: readonly string[], cwd: string): Promise<string[]> {
  let known: string[] | undefined;
  const out: string[] = [];
  for (const name of given) {
    const full = path.resolve(cwd, name);
    if (existsSync(full)) {
      out.push(full);
      continue;
    }
    known ??= await expandInputs(configInputs).catch(() => []);
    const matches = known.filter((input) => slugify(input) === name || path.resolve(cwd, input) === full);
    out.push(...(matches.length > 0 ? matches : [full]));
  }
  return [...new Set(out)];
}
