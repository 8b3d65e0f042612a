import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Attribution, PipelineConfig } from '../config/defaults.ts';
import { sourceSettingsFor } from '../config/sources.ts';
import { InputError } from '../errors.ts';
import { canonicalLocale } from '../locale/resolve.ts';
import type { Speaker } from '../types.ts';
import { decodeUtf8 } from '../util/utf8.ts';
import type { MetaOverrides, NormalizeOptions } from './options.ts';

/** The keys an editor may state, in front matter or a sidecar; anything else is refused, never ignored. */
export const EDITOR_KEYS = ['title', 'date', 'time', 'place', 'speakers', 'lang'] as const;

/** Sidecar file names tried next to a transcript, in this order: `foo.txt` → `foo.meta.yaml`, `foo.meta.yml`. */
export const SIDECAR_SUFFIXES = ['.meta.yaml', '.meta.yml'] as const;

/** Whether a file name is a sidecar, which a folder of inputs must never offer as a transcript. */
export function isSidecar(file: string): boolean {
  const lower = file.toLowerCase();
  return SIDECAR_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** The sidecar paths a transcript may have, in the order they are tried. */
export function sidecarCandidates(transcript: string): string[] {
  const extension = path.extname(transcript);
  const stem = extension ? transcript.slice(0, -extension.length) : transcript;
  return SIDECAR_SUFFIXES.map((suffix) => stem + suffix);
}

/** A sidecar found next to a transcript: where it is, its bytes (for the cache key) and what it states. */
export interface Sidecar {
  /** The sidecar's path as messages show it. */
  file: string;
  bytes: Uint8Array;
  overrides: MetaOverrides;
}

/**
 * Reads the sidecar of `transcript`, if it has one. `shownAs` is the transcript's path as messages show
 * it; the sidecar is named the same way. Two sidecars (`.meta.yaml` and `.meta.yml`) are an error: which
 * one the editor last edited cannot be told.
 */
export async function readSidecar(transcript: string, shownAs = transcript): Promise<Sidecar | undefined> {
  const found: { file: string; shown: string; bytes: Buffer }[] = [];
  for (const candidate of sidecarCandidates(transcript)) {
    const shown = path.join(path.dirname(shownAs), path.basename(candidate));
    try {
      found.push({ file: candidate, shown, bytes: await readFile(candidate) });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new InputError(shown, undefined, 'Cannot read this sidecar; check its permissions, or remove it', { cause });
    }
  }
  if (found.length === 0) return undefined;
  const [first, second] = found as [(typeof found)[number], ...typeof found];
  if (second)
    throw new InputError(
      second.shown,
      undefined,
      `Unexpected second sidecar next to ${first.shown}, expected one; keep one of them (they are not merged)`,
    );
  const text = decodeUtf8(first.bytes, first.shown, 'the sidecar');
  return { file: first.shown, bytes: first.bytes, overrides: parseEditorMeta(text.replace(/^\ufeff/, ''), first.shown) };
}

/** Where each statement's `lang:` was written; kept beside the overrides, which hold values only. */
const langPlaces = new WeakMap<MetaOverrides, { line: number; column: number }>();

/** The line and column of `lang:` in the front matter or sidecar `overrides` was read from, if it has one. */
export function languagePlace(overrides: MetaOverrides): { line: number; column: number } | undefined {
  return langPlaces.get(overrides);
}

/**
 * Reads what an editor states about a transcript: YAML with the keys of EDITOR_KEYS. Every problem is an
 * InputError naming `file` and the line and column (counted from `firstLine`, where the YAML starts in the
 * file: 2 for front matter after its `---`).
 */
export function parseEditorMeta(text: string, file: string, firstLine = 1): MetaOverrides {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const placeAt = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: line + firstLine - 1, column: col };
  };
  const place = (node: YamlNode | null | undefined) => placeAt(node?.range?.[0]);
  const problem = document.errors[0];
  if (problem)
    throw new InputError(
      file,
      placeAt(problem.pos[0]),
      `Unexpected YAML: ${problem.message.split('\n')[0]}; fix the syntax at this place (quote a value that holds ": " or starts with a special character)`,
      { cause: problem },
    );
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return {};
  if (!isMap(root))
    throw new InputError(file, place(root), `Unexpected ${describe(root)}, expected keys such as “title: …” (${EDITOR_KEYS.join(', ')})`);
  const overrides: MetaOverrides = {};
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (!key || !(EDITOR_KEYS as readonly string[]).includes(key))
      throw new InputError(
        file,
        place(keyNode),
        `Unexpected key “${key ?? describe(keyNode)}”, expected one of ${EDITOR_KEYS.join(', ')}${pressroomOnly(key)}`,
      );
    const value = pair.value as YamlNode | null;
    const at = value ?? keyNode;
    const fail = (expected: string): never => {
      const shown = isScalar(value) ? JSON.stringify(value.value) : describe(value);
      throw new InputError(file, place(at), `Unexpected ${key} ${shown}, expected ${expected}`);
    };
    switch (key as (typeof EDITOR_KEYS)[number]) {
      case 'title':
      case 'place':
        overrides[key as 'title' | 'place'] = textOf(value) ?? fail('text (remove the line to keep what the normaliser finds)');
        break;
      case 'date': {
        const date = textOf(value);
        if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('a date written YYYY-MM-DD, such as 2026-11-03');
        if (!isRealDate(date!)) fail('a date that exists (check the month and the day)');
        overrides.date = date!;
        break;
      }
      case 'time': {
        const time = textOf(value);
        if (!time || !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(time)) fail('a 24-hour time written HH:MM, such as 14:00 or 09:30');
        overrides.time = time!;
        break;
      }
      case 'lang': {
        const lang = textOf(value);
        const canonical = lang ? canonicalLocale(lang) : undefined;
        overrides.lang = canonical ?? fail('a BCP 47 language tag such as en, ru or ky');
        langPlaces.set(overrides, place(keyNode));
        break;
      }
      case 'speakers':
        overrides.speakers = readSpeakers(value, file, place, fail);
        break;
    }
  }
  return overrides;
}

/** A list of names (`- Anna Petrova`) or of `{name, role}` maps, in any mix. */
function readSpeakers(
  value: YamlNode | null,
  file: string,
  place: (node: YamlNode | null | undefined) => { line: number; column: number },
  fail: (expected: string) => never,
): Speaker[] {
  if (!isSeq(value)) return fail('a list of speakers, one per line: “- Anna Petrova” or “- {name: Anna Petrova, role: Minister}”');
  return value.items.map((item) => {
    const node = item as YamlNode | null;
    const plain = textOf(node);
    if (plain) return { name: plain, role: '' };
    if (!isMap(node))
      throw new InputError(file, place(node), `Unexpected speaker ${describe(node)}, expected a name or {name: …, role: …}`);
    const speaker: Speaker = { name: '', role: '' };
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      if (key !== 'name' && key !== 'role')
        throw new InputError(file, place(keyNode), `Unexpected speaker key “${key}”, expected name and role`);
      const text = textOf(pair.value as YamlNode | null);
      if (text === undefined)
        throw new InputError(file, place((pair.value as YamlNode | null) ?? keyNode), `Unexpected speaker ${key}, expected text`);
      speaker[key] = text;
    }
    if (!speaker.name) throw new InputError(file, place(node), 'Unexpected speaker without a name, expected {name: …, role: …}');
    return speaker;
  });
}

/** A scalar's text, trimmed; undefined for anything else, an empty value included. Numbers are not text. */
function textOf(node: YamlNode | null | undefined): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const text = node.value.trim();
  return text === '' ? undefined : text;
}

function isRealDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'empty value';
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'list';
  if (isPair(node)) return 'pair';
  if (isScalar(node)) return typeof node.value === 'string' ? 'text' : `${typeof node.value} ${JSON.stringify(node.value)}`;
  return 'value';
}

/** The normalised Markdown's own keys are not an editor's: say so, or the refusal would puzzle. */
function pressroomOnly(key: string | undefined): string {
  return key && ['subtitle', 'timezone', 'endTime', 'dateline', 'closingDateline', 'sourceUrl'].includes(key)
    ? ` (“${key}” is a key of pressroom's normalised Markdown, which the normaliser fills itself)`
    : '';
}

/**
 * Front matter and sidecar together: the sidecar wins key by key (a sidecar's `speakers` replaces the
 * front matter's list, it does not add to it). The language the normaliser reads the text in follows
 * the document's own statement before the run's default.
 */
export function withFrontMatter(options: NormalizeOptions, frontMatter: MetaOverrides | undefined): NormalizeOptions {
  if (!frontMatter || Object.keys(frontMatter).length === 0) return options;
  const overrides = { ...frontMatter, ...options.overrides };
  return { ...options, lang: options.overrides?.lang ?? frontMatter.lang ?? options.lang, overrides };
}

/** How one input is normalised, and the sidecar it was read with (whose bytes belong in its cache key). */
export interface TranscriptSettings {
  options: NormalizeOptions;
  sidecar?: Sidecar;
  /** A matching source's `attribution`, when one has the key: the credit this transcript's outputs carry. */
  attribution?: Attribution | null;
}

/**
 * The options the build, `pressroom normalise`, the XLIFF export and the dashboard normalise `input` (an
 * absolute or working-folder path) with: the config's language and no-break-space policy, its `sources`
 * entries that match, and the sidecar. The language is the sidecar's, else the last matching source's,
 * else the config's `sourceLocale`; Markdown front matter is merged later, by withFrontMatter.
 */
export async function readTranscriptSettings(
  input: string,
  config: Pick<PipelineConfig, 'sourceLocale' | 'keepNbsp' | 'sources'>,
  shownAs = input,
): Promise<TranscriptSettings> {
  const sidecar = await readSidecar(input, shownAs);
  const source = sourceSettingsFor(config.sources, input);
  const options: NormalizeOptions = {
    lang: sidecar?.overrides.lang ?? source.lang ?? config.sourceLocale,
    keepNbsp: config.keepNbsp,
  };
  if (sidecar && Object.keys(sidecar.overrides).length > 0) options.overrides = sidecar.overrides;
  if (sidecar?.overrides.lang) options.langStatedIn = sidecar.file;
  if (source.lang) options.ruleLang = source.lang;
  if (source.rules) options.rules = source.rules;
  return {
    options,
    ...(sidecar ? { sidecar } : {}),
    ...(source.attribution !== undefined ? { attribution: source.attribution } : {}),
  };
}
