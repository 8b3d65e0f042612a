// The output formats as data. Everything that names a format — the config's allowed values, the render
// loop (pipeline/engine/document.ts), the page's and the index's download links, the bundle, the feeds'
// enclosures, the preview server's media types — reads this table. A new output format is one entry here
// plus its renderer (a Stage in pipeline/stages/), loaded only when a build asks for the format.
//
// This module imports nothing: the config (config/defaults.ts) reads the ids and defaults, and the renderers'
// types (render/renderer.ts: FormatInput, loadRenderer) sit above it, so no import cycle runs through here.

/**
 * What a format needs besides the page: `chromium` runs in the browser pool (started early, one print at a
 * time); `files` sees the other formats' files and is made last, after the page states their sizes.
 */
export type Need = 'chromium' | 'files';

export interface OutputFormat<Id extends string = string> {
  id: Id;
  /** File name extension: `<slug>.<locale>.<extension>` in the locale's folder (the page is index.html). */
  extension: string;
  mediaType: string;
  /** UI catalog key of the download link (locales/<lng>/ui.json). */
  label: string;
  /** Stage name, for timings and errors ("render-pdf"). */
  stage: string;
  needs: readonly Need[];
  /**
   * In the bundle: `always` (made for it even when not asked for itself), `if-asked` (packed when the build
   * asks for the format too: a bundle of the default formats never loads its renderer) or `never`.
   */
  bundle: 'always' | 'if-asked' | 'never';
  /** An Atom enclosure of the document's feed entry. */
  enclosure: boolean;
  /** In the config's default `formats`. */
  byDefault: boolean;
  /**
   * The renderer, imported on first use: a build that does not ask for a format never loads its code. Typed
   * (a Stage<FormatInput, Uint8Array>) and checked where it is called: render/renderer.ts.
   */
  load?: () => Promise<unknown>;
}

const table = [
  // The page is made for every build (the other formats are made from it); this entry publishes it.
  {
    id: 'html',
    extension: 'html',
    mediaType: 'text/html',
    label: 'download.html',
    stage: 'render-html',
    needs: [],
    bundle: 'always',
    enclosure: false,
    byDefault: true,
  },
  {
    id: 'pdf',
    extension: 'pdf',
    mediaType: 'application/pdf',
    label: 'download.pdf',
    stage: 'render-pdf',
    needs: ['chromium'],
    bundle: 'always',
    enclosure: true,
    byDefault: true,
    load: async () => (await import('../stages/render-pdf.ts')).renderPdf,
  },
  {
    id: 'epub',
    extension: 'epub',
    mediaType: 'application/epub+zip',
    label: 'download.epub',
    stage: 'render-epub',
    needs: [],
    bundle: 'always',
    enclosure: true,
    byDefault: true,
    load: async () => (await import('../stages/render-epub.ts')).renderEpub,
  },
  {
    id: 'docx',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'download.docx',
    stage: 'render-docx',
    needs: [],
    bundle: 'if-asked',
    enclosure: true,
    byDefault: false,
    load: async () => (await import('../stages/render-docx.ts')).renderDocx,
  },
  {
    id: 'bundle',
    extension: 'zip',
    mediaType: 'application/zip',
    label: 'download.bundle',
    stage: 'bundle',
    needs: ['files'],
    bundle: 'never',
    enclosure: false,
    byDefault: true,
    load: async () => (await import('../stages/bundle.ts')).bundle,
  },
] as const satisfies readonly OutputFormat[];

export type Format = (typeof table)[number]['id'];

/** The table as written, with each renderer's own type: render/renderer.ts checks them. */
export const FORMAT_TABLE = table;

/** Every output format, in the order of the download links. */
export const OUTPUT_FORMATS: readonly OutputFormat<Format>[] = table;

export const FORMATS: readonly Format[] = OUTPUT_FORMATS.map((format) => format.id);

export const DEFAULT_FORMATS: readonly Format[] = OUTPUT_FORMATS.filter((format) => format.byDefault).map((format) => format.id);

/** The format of an id read from a config or a manifest; undefined for one this build does not know. */
export function outputFormat(id: string | undefined): OutputFormat<Format> | undefined {
  return OUTPUT_FORMATS.find((format) => format.id === id);
}

/** The formats published as downloads (everything but the page itself) among `formats`. */
export function downloadFormats(formats: readonly string[]): OutputFormat<Format>[] {
  return OUTPUT_FORMATS.filter((format) => format.id !== 'html' && formats.includes(format.id));
}

/** The formats a build makes for `formats`: those asked for, and whatever the bundle packs when it is asked for. */
export function madeFormats(formats: readonly string[]): OutputFormat<Format>[] {
  const bundle = OUTPUT_FORMATS.some((format) => format.needs.includes('files') && formats.includes(format.id));
  return OUTPUT_FORMATS.filter((format) => formats.includes(format.id) || (bundle && format.bundle === 'always'));
}
