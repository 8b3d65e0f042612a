// The site index's data model: what each document × locale leaves for the index pages, the feeds, the
// sitemap, search and index.json (cached with the artifact). Owned by the pipeline; templates/page-index.ts
// only renders it.
import type { Link } from '../../templates/page.ts';

/** One document in one locale, as the build recorded it (cached with the document's files). */
export interface IndexEntry {
  title: string;
  lang: string;
  /** The language the title is shown in when it is not `lang`: it was not translated (marked on the index). */
  titleLang?: string;
  /** Date and place as the document's own page prints them, in its language. */
  dateline: string;
  /** ISO date of the event (YYYY-MM-DD), when the transcript gives one. */
  date?: string;
  /** Place of the event, when the transcript gives one. */
  place?: string;
  /** Language of the place's name when it stayed untranslated (isolated with `bdi`). */
  placeLang?: string;
  /** The locale's name in its own language. */
  languageName: string;
  page: Link;
  /** The downloads (PDF, EPUB, …): `format` the registry's id (pipeline/render/formats.ts), `size` in bytes. */
  files: (Link & { format?: string })[];
  /** The lead paragraph as plain text, in this entry's language (feeds' summaries, link previews). */
  lead?: string;
  /** Names of the named speakers, in this entry's language (index filters); generic roles left out. */
  speakers?: string[];
  /** The language the document was written in (its original's); absent in entries of older builds. */
  sourceLang?: string;
}

export interface IndexDocument {
  slug: string;
  entries: IndexEntry[];
}
