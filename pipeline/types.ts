import type { Literal, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';

/** BCP 47 tag as used in config, catalogs and `<html lang>`. */
export type Locale = string;

export interface Speaker {
  /** Person's name as printed in the source, e.g. "Sadyr Japarov". */
  name: string;
  /** Office as printed in the source, e.g. "President of Kyrgyzstan"; empty when the label had none. */
  role: string;
  /** Set by the translate stage when a label stayed in another language than the document's. */
  nameLang?: Locale;
  roleLang?: Locale;
  /** An anonymous questioner ("Question:", "Q", "Вопрос:", "Суроо:"): every question turn of a document shares it. Set with `generic: 'question'`. */
  question?: boolean;
  /**
   * A turn of no named person, by the part it plays: questions ("Q", "Вопрос"), remarks ("Реплика",
   * "Voice"), answers no person could be found for ("Answer", "Ответ"), the audience ("Audience", "Зал").
   * Kept in `meta.speakers` but never an author; renderers print the locale's `speaker.<generic>` string.
   */
  generic?: GenericRole;
}

export type GenericRole = 'question' | 'answer' | 'remark' | 'audience';

export interface DocMeta {
  title: string;
  /** ISO date (YYYY-MM-DD) from the dateline. */
  date: string | null;
  place: string | null;
  /** Language of `place` when it differs from the document's (no glossary entry). */
  placeLang?: Locale;
  /** The dateline exactly as the source printed it (typography normalised). */
  dateline: string | null;
  /** A dateline repeated at the end of the page: kept as metadata, never as body text. */
  closingDateline: string | null;
  speakers: Speaker[];
  /** Second line under the title naming the kind of event, when the source printed one. */
  subtitle?: string | null;
  /** Start time as HH:MM (24 h) from the dateline or a time line ("1:05 P.M. EDT"). */
  time?: string | null;
  /** Time zone abbreviation as printed ("EDT"), never guessed. */
  timezone?: string | null;
  /** End time from an "END 2:10 P.M." line. */
  endTime?: string | null;
  /** Where a repost says it copied the transcript from ("The source of information - URL"). */
  sourceUrl?: string | null;
  /** Source-language tag of the transcript. */
  lang: Locale;
  /**
   * The language the transcript is written in, and how that was found (pipeline/locale/source-language.ts).
   * Set by the normaliser, which reads the text in it; segmenting, translation, the cache keys and XLIFF
   * take it as the document's direction (else the config's `sourceLocale`). (optional)
   */
  sourceLang?: Locale;
  sourceLangFrom?: SourceLangFrom;
}

/** Where a document's source language came from, strongest first; `default` is the config's `sourceLocale`. */
export type SourceLangFrom = 'command-line' | 'sidecar' | 'front-matter' | 'config' | 'detected' | 'default';

/** Paragraphs spoken by one speaker, in order. */
export interface SpeakerTurn extends Parent {
  type: 'speakerTurn';
  speaker: Speaker;
  /** Interpreter note printed in the label ("as translated"). */
  note?: string;
  /** A journalist who named themself at the start of a question ("Ilya Dornov, Polar Radio."); the words stay in the text. */
  asker?: { name: string; outlet: string };
  /** The label was followed straight by another label: the source lost the words, the turn stays empty. */
  empty?: boolean;
  children: TurnContent[];
}

/**
 * "(Laughter.)", "(Applause.)", "(As translated.)": what happened in the room, not speech; never translated as
 * speech. `value` is the source text; the segment stage adds one segment of kind `stage-direction` (its
 * translation, or the source marked with its language).
 */
export interface StageDirection extends Literal {
  type: 'stageDirection';
  children?: Segment[];
}

/** "[That press encounter was later cancelled.]": the editor's words, not the speaker's; segmented as a stage direction is. */
export interface EditorialInsertion extends Literal {
  type: 'editorialInsertion';
  children?: Segment[];
}

/** What a segment is when it is not speech: reported with it and sent to translators as a note. */
export type SegmentKind = 'title' | 'heading' | 'stage-direction' | 'editorial' | 'footnote';

export type TurnContent = Paragraphish | StageDirection | EditorialInsertion | import('mdast').List | import('mdast').Blockquote;

/** The introductory paragraphs printed under the dateline. */
export interface Lead extends Parent {
  type: 'lead';
  children: Paragraphish[];
}

/**
 * `adapted`: a fuzzy match whose numbers were substituted (99); `fuzzy`: published below 99 because the locale's policy
 * allows it; `stale`: published from the memory with a deprecated glossary term the build could not replace.
 */
export type TranslationStatus = 'source' | 'exact' | 'context' | 'adapted' | 'fuzzy' | 'stale' | 'fallback';

/** One sentence-sized translation unit; `id` is stable across rebuilds of unchanged text. */
export interface Segment extends Parent {
  type: 'segment';
  id: string;
  /** The source text the segment was cut from, kept after translation replaces `children`. */
  source: string;
  status: TranslationStatus;
  /** TM match score (0–101) of the best match found, and its band (pipeline/tm/fuzzy.ts), once translated. */
  score?: number;
  band?: string;
  /** Language of the text now in `children`. */
  lang: Locale;
  /** Not speech: a title, heading, stage direction, editorial insertion or footnote (undefined: speech). */
  kind?: SegmentKind;
  children: PhrasingContent[];
}

type Paragraphish = import('mdast').Paragraph;

declare module 'mdast' {
  interface RootContentMap {
    speakerTurn: SpeakerTurn;
    lead: Lead;
    segment: Segment;
    stageDirection: StageDirection;
    editorialInsertion: EditorialInsertion;
  }
  interface PhrasingContentMap {
    segment: Segment;
  }
  interface RootData {
    meta?: DocMeta;
  }
}

export interface TranscriptRoot extends Root {
  data: { meta: DocMeta };
}

export type { Position, Root, RootContent };
