// Composes whole transcripts from the survey's parts, with the ground truth it composed. A case is first
// drawn as a Spec (every choice and every sentence), then rendered to bytes: the metamorphic tests change
// one choice of a Spec and render again, so everything else stays byte for byte the same.
import {
  drawDate,
  drawPeople,
  EDITORIAL,
  fullName,
  iso,
  LANGS,
  ODD_STAGE_DIRECTION,
  paragraph,
  PLACES,
  question,
  selfIntroduction,
  STAGE_DIRECTIONS,
  trapSentence,
  VENUES,
  type EventDate,
  type Lang,
  type Person,
  type Time,
} from './lexicon.ts';
import {
  CHROME_SETS,
  chromeBlocks,
  DATELINE_FORMS,
  datelineBlocks,
  footerBlocks,
  FOOTERS,
  LABEL_STYLES,
  labelText,
  leadParagraphs,
  QUESTION_STYLES,
  questionLabel,
  REMARK_LABELS,
  titleText,
  titleWithDate,
  type ChromeSet,
  type Footer,
  type Kind,
  type Lines,
  type TitleForm,
} from './parts.ts';
import { hashString, mix, Random } from './random.ts';

export type Who = number | 'question' | 'remark';

/** One piece of a turn: a paragraph (maybe with a stage direction printed on its line), or a block of its own. */
export type Content =
  | { type: 'paragraph'; text: string; stage?: { text: string; before: boolean } }
  | { type: 'stage'; text: string }
  | { type: 'editorial'; text: string };

export interface TurnSpec {
  who: Who;
  content: Content[];
}

export interface Spec {
  seed: number;
  index: number;
  lang: Lang;
  kind: Kind;
  people: Person[];
  stranger: Person;
  date: EventDate;
  time: Time;
  place: string;
  venue: string;
  chrome: ChromeSet;
  chromeSeed: number;
  /** Each chrome line its own block (blank lines between) rather than lines of one block. */
  chromeSplit: boolean;
  titleForm: TitleForm;
  /** The title as printed, clean (with its date when the form is `dated`). */
  title: string;
  datelineForm: string | null;
  datelineSeed: number;
  lead: string[];
  separator: string | null;
  labelStyle: string;
  ownLine: 'no' | 'blank' | 'newline';
  questionStyle: string;
  remarkLabel: string;
  turns: TurnSpec[];
  footer: Footer;
  footerSeed: number;
  /** `lines`: one block per line and no blank line anywhere (some UN and White House exports). */
  layout: 'blank' | 'lines';
  blankRuns: boolean;
  eol: 'lf' | 'crlf' | 'cr';
  encoding: 'utf8' | 'utf8-bom' | 'utf16le';
  /** `docx`: the same blocks as Word paragraphs, labels in bold (bytes made by `caseBytes`, asynchronously). */
  /** `html`: a saved page (chrome in header and nav, cookie banner, noscript), read through the HTML ingest. */
  format: 'txt' | 'html' | 'docx';
  /** `wrap`: hard-wrapped lines of about 75 characters, a label split across two lines included. */
  noise: { nbsp: boolean; softHyphen: boolean; zwsp: boolean; doubleSpace: boolean; trailing: boolean; wrap: boolean };
  /** The principal (index) whose labels carry an interpreter's note ("(as translated)"), if any. */
  translated: number | null;
  noiseSeed: number;
  layoutSeed: number;
  traps: number;
}

export interface TruthTurn {
  /** The canonical name ("First Last"), or the generic roles "question" and "remark". */
  speaker: string;
  /** The speech paragraphs as the reader must get them (stage directions and insertions apart). */
  paragraphs: string[];
}

export interface Truth {
  title: string;
  date: string;
  time: string | null;
  place: string | null;
  speakers: string[];
  questions: boolean;
  turns: TruthTurn[];
  lead: number;
  stageDirections: number;
  editorialInsertions: number;
  /** Chrome and footer lines that must not appear in the title, lead, body or speakers. */
  forbidden: string[];
}

export interface GeneratedCase {
  index: number;
  seed: number;
  file: string;
  lang: Lang;
  /** The text form (for a .docx, the text its paragraphs hold, for failure messages). */
  text: string;
  /** The file's bytes; empty for a .docx, whose bytes `caseBytes` writes. */
  bytes: Uint8Array;
  /** The blocks of the page in order, with their regions: what the .docx form is written from. */
  blocks: readonly Block[];
  truth: Truth;
  /** Which form of each part the case used: what failure clusters are grouped by. */
  parts: Record<string, string>;
  spec: Spec;
}

/** The case `index` of run `seed`: the same pair gives the same transcript. */
export function generateCase(seed: number, index: number): GeneratedCase {
  return render(drawSpec(seed, index));
}

export function drawSpec(seed: number, index: number): Spec {
  const rng = new Random(mix(seed, index));
  const lang = rng.pick(LANGS);
  const kind: Kind = rng.chance(0.5) ? 'qa' : rng.chance(0.5) ? 'statements' : 'speech';
  const principals = kind === 'speech' ? 1 : kind === 'statements' ? rng.int(2, 3) : rng.int(1, 3);
  const everyone = drawPeople(rng, lang, principals + 2);
  const people = everyone.slice(0, principals);
  const stranger = everyone[principals]!;
  const journalist = everyone[principals + 1]!;
  const date = drawDate(rng);
  const time = { hour: rng.int(7, 22), minute: rng.int(0, 59) };
  const place = rng.pick(PLACES[lang]);
  const venue = rng.pick(VENUES[lang]);

  const titleForm: TitleForm = rng.pick(['plain', 'plain', 'plain', 'dated', 'twice', 'twice-around-date'] as const);
  // An English speech may name its speaker in the title; otherwise the lead names them.
  const titleNamed = kind === 'speech' && lang === 'en' && rng.chance(0.5);
  const baseTitle = titleText(kind, lang, rng, people[0]!, titleNamed);
  const title = titleForm === 'dated' ? titleWithDate(baseTitle, lang, rng, date) : baseTitle;
  const datelineForm = titleForm === 'dated' && rng.chance(0.4) ? null : rng.pick(DATELINE_FORMS[lang]);

  let lead: string[];
  let separator: string | null = null;
  const separators = ['* * *', '* * *', '***', '* * * * * *'];
  if (kind === 'speech') {
    // With no label to end it, a speech's lead is decidable only as the paragraph naming the speaker, or up to "* * *".
    separator = rng.chance(0.4) ? rng.pick(separators) : null;
    const count = separator ? rng.int(1, 2) : 1;
    lead = titleNamed && rng.chance(0.5) ? [] : leadParagraphs(kind, lang, rng, people, date, count, true);
    if (lead.length === 0) separator = null;
  } else {
    lead = rng.chance(0.25) ? [] : leadParagraphs(kind, lang, rng, people, date, rng.int(1, 4), rng.chance(0.4));
    separator = lead.length > 0 && rng.chance(0.5) ? rng.pick(separators) : null;
  }

  // Every paragraph of a document is new: a scrape's repeated block is removed by design, so an accidental
  // repeat would make the truth ambiguous. ("Thank you." closing two statements is the deliberate exception.)
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    let text = make();
    while (used.has(text)) text = `${text} ${paragraph(rng, lang, 1)}`;
    used.add(text);
    return text;
  };
  const stageRate = rng.chance(0.4) ? 0.2 : 0;
  const traps = { count: 0 };
  const speech = (sentences: [number, number], who: Person | undefined): Content => {
    let text = unique(() => paragraph(rng, lang, rng.int(...sentences)));
    if (rng.chance(0.08)) {
      text = `${text} ${trapSentence(rng, lang, who === stranger ? people[0]! : stranger, drawDate(rng))}`;
      traps.count += 1;
    }
    const content: Content = { type: 'paragraph', text };
    if (rng.chance(stageRate) && rng.chance(0.6)) content.stage = { text: rng.pick(STAGE_DIRECTIONS[lang]), before: rng.chance(0.2) };
    return content;
  };
  const paragraphs = (who: Person, min: number, max: number): Content[] => {
    const out: Content[] = [];
    const count = rng.int(min, max);
    for (let index = 0; index < count; index += 1) {
      out.push(speech([1, 4], who));
      if (rng.chance(stageRate * 0.5))
        out.push({ type: 'stage', text: rng.chance(0.85) ? rng.pick(STAGE_DIRECTIONS[lang]) : ODD_STAGE_DIRECTION[lang] });
    }
    return out;
  };

  const turns: TurnSpec[] = [];
  const pickSpeaker = () => (rng.chance(0.6) ? 0 : rng.int(0, people.length - 1));
  if (kind === 'speech') turns.push({ who: 0, content: paragraphs(people[0]!, 3, 8) });
  else {
    const openers = kind === 'statements' ? people.length : 1;
    for (let who = 0; who < openers; who += 1) turns.push({ who, content: paragraphs(people[who]!, 1, 3) });
    if (kind === 'statements' && rng.chance(0.4)) turns.push({ who: 1, content: paragraphs(people[1]!, 1, 2) });
    if (kind === 'qa') {
      const rounds = rng.int(1, 6);
      for (let round = 0; round < rounds; round += 1) {
        const ask = unique(() => question(rng, lang));
        const intro = rng.chance(0.15) ? `${selfIntroduction(rng, lang, journalist)} ` : '';
        turns.push({
          who: 'question',
          content: [{ type: 'paragraph', text: `${intro}${rng.chance(0.3) ? `${paragraph(rng, lang, 1)} ` : ''}${ask}` }],
        });
        // Several reporters in a row ("Q    Ooooh --" / "Q    Ouch!").
        if (rng.chance(0.1)) turns.push({ who: 'question', content: [{ type: 'paragraph', text: unique(() => question(rng, lang)) }] });
        const answerer = people.length > 1 && rng.chance(0.4) ? rng.int(1, people.length - 1) : 0;
        turns.push({ who: answerer, content: paragraphs(people[answerer]!, 1, 3) });
        if (rng.chance(lang === 'en' ? 0.06 : 0.15)) {
          turns.push({ who: 'remark', content: [{ type: 'paragraph', text: unique(() => paragraph(rng, lang, 1)) }] });
          turns.push({ who: answerer, content: paragraphs(people[answerer]!, 1, 1) });
        }
      }
    }
    if (rng.chance(0.25)) {
      const thanks = { en: 'Thank you.', ru: 'Спасибо.', ky: 'Рахмат.' }[lang];
      // Legitimate repeats: two speakers closing with the same words.
      const closers = kind === 'statements' ? [0, 1] : [pickSpeaker()];
      for (const who of closers) turns.push({ who, content: [{ type: 'paragraph', text: thanks }] });
    }
  }
  if (rng.chance(0.1)) {
    const speaking = turns.filter((turn) => typeof turn.who === 'number');
    for (let count = rng.int(1, 2); count > 0; count -= 1) {
      const turn = rng.pick(speaking);
      turn.content.splice(rng.int(1, turn.content.length), 0, { type: 'editorial', text: rng.pick(EDITORIAL[lang]) });
    }
  }

  const layout = rng.chance(0.12) ? 'lines' : 'blank';
  const spec: Spec = {
    seed,
    index,
    lang,
    kind,
    people,
    stranger,
    date,
    time,
    place,
    venue,
    chrome: rng.pick(CHROME_SETS),
    chromeSeed: rng.int(0, 2 ** 31),
    chromeSplit: rng.chance(0.5),
    titleForm,
    title,
    datelineForm,
    datelineSeed: rng.int(0, 2 ** 31),
    lead,
    separator,
    labelStyle: rng.pick(LABEL_STYLES[lang]),
    ownLine: rng.chance(0.75) ? 'no' : rng.chance(0.6) ? 'blank' : 'newline',
    questionStyle: rng.pick(QUESTION_STYLES[lang]),
    remarkLabel: rng.pick(REMARK_LABELS[lang]),
    turns,
    footer: rng.pick(FOOTERS),
    footerSeed: rng.int(0, 2 ** 31),
    layout,
    blankRuns: layout === 'blank' && rng.chance(0.25),
    eol: rng.pick(['lf', 'lf', 'crlf', 'cr'] as const),
    encoding: rng.pick(['utf8', 'utf8', 'utf8-bom', 'utf16le'] as const),
    noise: {
      nbsp: rng.chance(0.3),
      softHyphen: rng.chance(0.15),
      zwsp: rng.chance(0.1),
      doubleSpace: rng.chance(0.2),
      trailing: rng.chance(0.1),
      wrap: false,
    },
    translated: null,
    noiseSeed: rng.int(0, 2 ** 31),
    layoutSeed: rng.int(0, 2 ** 31),
    traps: traps.count,
    format: 'txt',
  };
  // Drawn last, so that the choices above are the same as before the HTML form existed.
  if (rng.chance(0.2)) Object.assign(spec, { format: 'html', encoding: rng.chance(0.8) ? 'utf8' : 'utf8-bom' });
  else if (rng.chance(0.06)) Object.assign(spec, { format: 'docx', encoding: 'utf8' });
  spec.translated = kind !== 'speech' && rng.chance(0.08) ? rng.int(0, people.length - 1) : null;
  spec.noise.wrap = layout === 'blank' && rng.chance(0.1);
  return spec;
}

/** Characters a scrape carries and the normaliser must fold: NBSP after short words, soft hyphens, zero-width spaces. */
function noisy(spec: Spec, text: string, labels = false): string {
  const rng = new Random(mix(spec.noiseSeed, hashString(text)));
  let out = text;
  if (spec.noise.nbsp) out = out.replace(/(?<=(?:^|\s)\p{L}{1,3}) (?=\p{L})/gu, () => (rng.chance(0.6) ? '\u00a0' : ' '));
  if (labels) return out;
  if (spec.noise.softHyphen)
    out = out.replace(/\p{L}{8,}/gu, (word) => {
      if (!rng.chance(0.3)) return word;
      const at = rng.int(2, word.length - 3);
      return `${word.slice(0, at)}\u00ad${word.slice(at)}`;
    });
  if (spec.noise.zwsp) out = out.replace(/\p{L}+(?= )/gu, (word) => (rng.chance(0.05) ? `${word}\u200b` : word));
  if (spec.noise.doubleSpace) out = out.replace(/([.!?]) (?=\p{Lu})/gu, '$1  ');
  return out;
}

/** The whole printed text of a spec (LF line ends), and its truth. */
export function render(spec: Spec): GeneratedCase {
  const { lang } = spec;
  const blocks: Block[] = [];
  const add = (region: Region, ...groups: Lines[]) => groups.forEach((lines) => blocks.push({ region, lines }));
  const chrome = chromeBlocks(spec.chrome, lang, new Random(spec.chromeSeed), { date: spec.date, stranger: spec.stranger });
  for (const block of chrome) add('chrome', ...(spec.chromeSplit ? block.map((line) => [line]) : [block]));

  const dateline = spec.datelineForm
    ? datelineBlocks(spec.datelineForm, lang, new Random(spec.datelineSeed), spec.date, spec.place, spec.venue, spec.time)
    : { blocks: [], time: null, place: null };
  const title = noisy(spec, spec.title);
  add('title', [title]);
  if (spec.titleForm === 'twice') add('body', [title]);
  add('dateline', ...dateline.blocks);
  if (spec.titleForm === 'twice-around-date') add('body', [title]);
  for (const lead of spec.lead) add('lead', [noisy(spec, lead)]);
  if (spec.separator) add('body', [spec.separator]);

  const seen = new Set<number>();
  const truthTurns: TruthTurn[] = [];
  let stageDirections = 0;
  let editorialInsertions = 0;
  const labelsPrinted: string[] = [];
  spec.turns.forEach((turn, turnIndex) => {
    const pieces: string[] = [];
    const truth: TruthTurn = {
      speaker: turn.who === 'question' || turn.who === 'remark' ? turn.who : fullName(spec.people[turn.who]!),
      paragraphs: [],
    };
    for (const content of turn.content) {
      if (content.type === 'paragraph') {
        truth.paragraphs.push(content.text);
        const text = noisy(spec, content.text);
        if (content.stage) stageDirections += 1;
        pieces.push(!content.stage ? text : content.stage.before ? `${content.stage.text} ${text}` : `${text} ${content.stage.text}`);
      } else {
        if (content.type === 'stage') stageDirections += 1;
        else editorialInsertions += 1;
        pieces.push(content.text);
      }
    }
    truthTurns.push(truth);
    if (spec.kind === 'speech') {
      for (const piece of pieces) add('body', [piece]);
      return;
    }
    let label: string;
    let glue = ' ';
    if (turn.who === 'question') ({ label, glue } = questionLabel(spec.questionStyle));
    else if (turn.who === 'remark') label = spec.remarkLabel;
    else {
      const person = spec.people[turn.who]!;
      const note = spec.translated === turn.who ? ` ${INTERPRETER_NOTE[lang]}` : '';
      label = `${noisy(spec, labelText(spec.labelStyle, lang, person, !seen.has(turn.who), turnIndex), true)}${note}:`;
      seen.add(turn.who);
    }
    labelsPrinted.push(label);
    // A bare "Q" never stands alone on its line; colon labels may.
    const apart = spec.ownLine !== 'no' && label.endsWith(':');
    const [first, ...rest] = pieces;
    if (!apart) blocks.push({ region: 'body', lines: [`${label}${glue}${first}`], label: { text: label, glue } });
    else if (spec.ownLine === 'blank')
      blocks.push({ region: 'body', lines: [label], label: { text: label, glue: '' } }, { region: 'body', lines: [first!] });
    else blocks.push({ region: 'body', lines: [label, first!], label: { text: label, glue: '\n' } });
    for (const piece of rest) add('body', [piece]);
  });
  const footer = footerBlocks(spec.footer, lang, new Random(spec.footerSeed), spec.people);
  add('footer', ...footer);

  const text =
    spec.format === 'html'
      ? htmlPage(spec, blocks)
      : serialise(
          spec,
          blocks.map((block) => block.lines),
        );
  const speakers: string[] = [];
  for (const turn of truthTurns)
    if (turn.speaker !== 'question' && turn.speaker !== 'remark' && !speakers.includes(turn.speaker)) speakers.push(turn.speaker);
  const content = [
    spec.title,
    ...spec.lead,
    ...truthTurns.flatMap((turn) => turn.paragraphs),
    ...labelsPrinted,
    ...spec.people.map(fullName),
  ].join('\n');
  const pageChrome = spec.format === 'html' ? [COOKIE_BANNER[lang], NOSCRIPT[lang]] : [];
  const forbidden = [...chrome.flat(), ...footer.flat(), ...pageChrome]
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line.length >= 4 && !containsPhrase(content, line));
  const truth: Truth = {
    title: spec.title,
    date: iso(spec.date),
    time: dateline.time,
    place: dateline.place,
    speakers,
    questions: spec.turns.some((turn) => turn.who === 'question'),
    turns: truthTurns,
    lead: spec.lead.length,
    stageDirections,
    editorialInsertions,
    forbidden: [...new Set(forbidden)],
  };
  return {
    index: spec.index,
    seed: spec.seed,
    file: `generated-${spec.seed}-${spec.index}.${spec.format}`,
    lang,
    text,
    bytes: spec.format === 'docx' ? new Uint8Array() : encode(spec, text),
    blocks,
    truth,
    parts: {
      ...partsOf(spec),
      // The first line of the chrome and of the footer (digits as #): which variant of a part a cluster is about.
      chromeLine: shape(chrome.flat()[0]),
      footerLine: shape(footer.flat()[0]),
    },
    spec,
  };
}

/** An interpreter's note in a label ("M.Kelly (As translated):"): the speaker is still the person. */
const INTERPRETER_NOTE: Record<Lang, string> = { en: '(as translated)', ru: '(как переведено)', ky: '(которулгандай)' };

export type Region = 'chrome' | 'title' | 'dateline' | 'lead' | 'body' | 'footer';

/** A block of the page, with the region a site's template would put it in (for the HTML form). */
export interface Block {
  region: Region;
  lines: Lines;
  /** The speaker label at the start of the block, and what separates it from the text. */
  label?: { text: string; glue: string };
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/\u00ad/g, '&shy;');

const COOKIE_BANNER: Record<Lang, string> = {
  en: 'We use cookies to improve this website. Accept all cookies',
  ru: 'Мы используем файлы cookie для улучшения работы сайта. Принять',
  ky: 'Биз сайттын ишин жакшыртуу үчүн cookie файлдарын колдонобуз. Кабыл алуу',
};
const NOSCRIPT: Record<Lang, string> = {
  en: 'JavaScript is disabled in your browser. Some features of this site will not work.',
  ru: 'В вашем браузере отключён JavaScript. Некоторые функции сайта недоступны.',
  ky: 'Браузериңизде JavaScript өчүрүлгөн. Сайттын айрым функциялары иштебейт.',
};

/** A saved page: chrome in the header and nav, a cookie banner, the transcript in an article, the footer apart. */
function htmlPage(spec: Spec, blocks: readonly Block[]): string {
  const rng = new Random(spec.layoutSeed ^ 0x2545f491);
  const lines = (block: Block) => block.lines.map(escapeHtml).join('<br>\n');
  const paragraph = (block: Block) => {
    if (!block.label) return `<p>${lines(block)}</p>`;
    const label = escapeHtml(block.label.text);
    const rest = block.lines[0]!.slice(block.label.text.length + (block.label.glue === '\n' ? 0 : block.label.glue.length));
    const text = [rest, ...block.lines.slice(1)]
      .filter((line) => line !== '')
      .map(escapeHtml)
      .join(' ');
    return text ? `<p><strong>${label}</strong>${block.label.glue === '\t' ? '&#9;' : ' '}${text}</p>` : `<p><strong>${label}</strong></p>`;
  };
  const region = (name: Region) => blocks.filter((block) => block.region === name);
  // Navigation chrome sits in the header; a release header, a post header or a metadata block inside the article.
  const inArticle = ['metadata-block', 'forum-post', 'release-header', 'print-share'].includes(spec.chrome);
  // A menu is one link per line; a post header keeps its lines together, as a forum prints them.
  const chrome = region('chrome').flatMap((block) =>
    inArticle
      ? [`<p class="meta">${lines(block)}</p>`]
      : block.lines.map((line) => `<li><a href="/${rng.int(1, 999)}">${escapeHtml(line)}</a></li>`),
  );
  // The article in the order of the text form (a title printed twice stays next to the first one).
  const article: string[] = [];
  let group: 'lead' | 'body' | undefined;
  for (const block of blocks) {
    if (block.region === 'chrome' || block.region === 'footer') continue;
    const next = block.region === 'lead' || block.region === 'body' ? block.region : undefined;
    if (next !== group) {
      if (group) article.push('</div>');
      if (next) article.push(next === 'lead' ? '<div class="lead">' : '<div class="text">');
      group = next;
    }
    if (block.region === 'title') article.push(`<h1>${lines(block)}</h1>`);
    else if (block.region === 'dateline') article.push(`<div class="date">${lines(block)}</div>`);
    else article.push(paragraph(block));
  }
  if (group) article.push('</div>');
  const footer = region('footer').map((block) => `<div>${lines(block)}</div>`);
  const cookie = rng.chance(0.5) ? `<div class="cookie-banner" role="dialog"><p>${COOKIE_BANNER[spec.lang]}</p></div>` : '';
  const noscript = rng.chance(0.5) ? `<noscript><p>${NOSCRIPT[spec.lang]}</p></noscript>` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${spec.lang}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(spec.title)}</title></head>`,
    '<body>',
    noscript,
    cookie,
    inArticle ? '<header><a href="/">Home</a></header>' : `<header><nav><ul>\n${chrome.join('\n')}\n</ul></nav></header>`,
    '<main><article>',
    inArticle ? `<div class="post-meta">\n${chrome.join('\n')}\n</div>` : '',
    ...article,
    '</article></main>',
    `<footer>\n${footer.join('\n')}\n</footer>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function serialise(spec: Spec, blocks: Lines[]): string {
  const rng = new Random(spec.layoutSeed);
  const trail = (line: string) => (spec.noise.trailing && rng.chance(0.2) ? `${line}${rng.pick([' ', '  ', '\t'])}` : line);
  const width = rng.int(66, 78);
  const indent = rng.chance(0.5) ? '     ' : '';
  // Hard-wrapped paragraphs (an old archive's 5-space indent and ~75-character lines); a block's lines are one paragraph.
  const wrap = (block: Lines): Lines => {
    if (!spec.noise.wrap || block.length > 1 || block[0]!.length <= width) return block;
    const out: string[] = [];
    let line = indent;
    for (const word of block[0]!.split(' ')) {
      if (line.trim() !== '' && line.length + word.length + 1 > width) {
        out.push(line);
        line = '';
      }
      line += line === '' || line === indent ? word : ` ${word}`;
    }
    out.push(line);
    return out;
  };
  blocks = blocks.map(wrap);
  let text: string;
  if (spec.layout === 'lines') text = blocks.flat().map(trail).join('\n');
  else
    text = blocks
      .map((block) => block.map(trail).join('\n'))
      .reduce((out, block, index) => {
        if (index === 0) return block;
        // Runs of empty lines (4–7 on forum reposts), some holding a single space.
        const gap = spec.blankRuns && rng.chance(0.5) ? rng.int(2, 7) : 1;
        const empties = Array.from({ length: gap }, () => (spec.blankRuns && rng.chance(0.2) ? ' ' : ''));
        return `${out}\n${empties.join('\n')}\n${block}`;
      }, '');
  text += rng.chance(0.8) ? '\n' : '';
  return spec.eol === 'crlf' ? text.replace(/\n/g, '\r\n') : spec.eol === 'cr' ? text.replace(/\n/g, '\r') : text;
}

function encode(spec: Spec, text: string): Uint8Array {
  if (spec.encoding === 'utf16le') {
    const out = new Uint8Array(2 + text.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      out[2 + index * 2] = unit & 0xff;
      out[3 + index * 2] = unit >> 8;
    }
    return out;
  }
  return new TextEncoder().encode(spec.encoding === 'utf8-bom' ? `\ufeff${text}` : text);
}

/** Whether `phrase` occurs in `text` as whole words (spaces folded: NBSP and runs count as one space). */
export function containsPhrase(text: string, phrase: string): boolean {
  const fold = (value: string) => value.replace(/[\s\u00a0]+/gu, ' ');
  const haystack = fold(text);
  const needle = fold(phrase);
  const wordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = wordChar(haystack[at - 1]) && wordChar(needle[0]);
    const after = wordChar(haystack[at + needle.length]) && wordChar(needle.at(-1));
    if (!before && !after) return true;
  }
  return false;
}

const shape = (line: string | undefined) =>
  line === undefined
    ? 'none'
    : line
        .replace(/https?:\/\/\S+/g, 'URL')
        .replace(/\d+/g, '#')
        .replace(/\s+/g, ' ')
        .slice(0, 40);

function partsOf(spec: Spec): Record<string, string> {
  const stage = spec.turns.some((turn) => turn.content.some((c) => c.type === 'stage' || (c.type === 'paragraph' && c.stage)));
  return {
    lang: spec.lang,
    format: spec.format,
    kind: spec.kind,
    chrome: `${spec.chrome}${spec.chromeSplit ? '/split' : ''}`,
    title: spec.titleForm,
    dateline: spec.datelineForm ? `${spec.lang}:${spec.datelineForm}` : 'in-title',
    lead: `${spec.lead.length}${spec.separator ? '+separator' : ''}`,
    labels: spec.kind === 'speech' ? 'none' : `${spec.lang}:${spec.labelStyle}`,
    ownLine: spec.kind === 'speech' ? 'none' : spec.ownLine,
    question: spec.turns.some((turn) => turn.who === 'question') ? spec.questionStyle : 'none',
    remark: spec.turns.some((turn) => turn.who === 'remark') ? spec.remarkLabel : 'none',
    stage: stage ? 'yes' : 'no',
    editorial: spec.turns.some((turn) => turn.content.some((c) => c.type === 'editorial')) ? 'yes' : 'no',
    footer: spec.footer,
    layout: `${spec.layout}${spec.blankRuns ? '+runs' : ''}`,
    eol: spec.eol,
    encoding: spec.encoding,
    // One part per kind of character noise, so that a cluster names the character, not a combination.
    ...Object.fromEntries(Object.entries(spec.noise).map(([name, on]) => [name, on ? 'yes' : 'no'])),
    traps: spec.traps > 0 ? 'yes' : 'no',
    principals: String(spec.people.length),
  };
}
