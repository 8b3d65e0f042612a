// Owns the Attribution type: config/defaults.ts and config/sources.ts both read it, and defaults.ts reads
// sources.ts, so the type lives below both.
export interface Attribution {
  /** Who published the source text, as a reader should see it. */
  source: string;
  url?: string;
  license?: string;
  licenseUrl?: string;
}

/** What an `attribution` value must be; undefined when it is one. Used for the config's key and each source's. */
export function attributionProblem(value: unknown): string | undefined {
  return value === null ||
    (typeof value === 'object' &&
      typeof (value as { source?: unknown }).source === 'string' &&
      Object.entries(value).every(([key, item]) => ['source', 'url', 'license', 'licenseUrl'].includes(key) && typeof item === 'string'))
    ? undefined
    : 'null or {"source": "…", "url"?, "license"?, "licenseUrl"?} with string values';
}

/**
 * The attribution a document's pages, books and prints carry: the last matching source's when one says
 * (`null` there: a text of the press office's own, credited to nobody else), else the config's.
 */
export function attributionFor(configured: Attribution | null, fromSource: Attribution | null | undefined): Attribution | null {
  return fromSource === undefined ? configured : fromSource;
}
