import { TIME_LABEL, TIME_ZONES } from './lexicon.ts';

export interface ClockTime {
  /** HH:MM, 24 h. */
  time: string;
  /** As printed ("EST", "по московскому времени", "Бишкек убактысы"), never guessed. */
  timezone: string | null;
  /** Characters of the input the time took. */
  length: number;
  /** Printed with seconds ("01:06:48"): a stamp or a duration more often than the time of an event. */
  seconds: boolean;
}

const ZONES = TIME_ZONES.join('|');
/**
 * One clock time at the start of the string. The zone list is matched case-sensitively (so "Sochi" is
 * not a zone); everything else ignores case. "15: 50" (a space after the colon) is a scraped "15:50".
 * A dot separator ("14.00") is read only where `allowDot` says the context makes it a time.
 */
const CLOCK = new RegExp(
  String.raw`^(?<prefixZone>\p{Lu}[\p{L}-]{1,30} убактысы(?: менен)? )?(?<hour>\d{1,2})(?<sep>: ?|\.)(?<minute>\d{2})(?<seconds>:\d{2})?(?!\d)` +
    String.raw`(?: ?(?<half>[AaPp])\.? ?[Mm]\.?(?![\p{L}]))?` +
    String.raw`(?: ?\(?(?<zone>(?:${ZONES})(?:[+-]\d{1,2})?)\)?(?![\p{L}]))?` +
    String.raw`(?: \(?(?<suffixZone>по [\p{L}-]{3,20} времени)\)?)?`,
  'u',
);

/** Reads a clock time at the start of `text`; undefined if there is none or it is not a real time. */
export function readClock(text: string, allowDot: boolean): ClockTime | undefined {
  const match = CLOCK.exec(text);
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  if (groups.sep === '.' && !allowDot && !groups.half) return undefined;
  let hour = Number(groups.hour);
  const minute = Number(groups.minute);
  if (minute > 59 || hour > 23) return undefined;
  const half = groups.half?.toUpperCase();
  if (half) {
    if (hour > 12 || hour === 0) return undefined;
    if (half === 'P' && hour < 12) hour += 12;
    if (half === 'A' && hour === 12) hour = 0;
  }
  const timezone = groups.zone ?? groups.suffixZone ?? groups.prefixZone?.trim() ?? null;
  return {
    time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    timezone,
    length: match[0].length,
    seconds: groups.seconds !== undefined,
  };
}

export interface TimeLine {
  time: string;
  timezone: string | null;
  /** The closing "END 2:10 P.M." line of a briefing. */
  end: boolean;
}

const END = /^(?:end|конец|аягы)\s+/iu;

/**
 * A line that is only a clock time: "1:05 P.M. EDT" → 13:05 EDT; "END 2:10 P.M." → end time; "20:55";
 * "2:00 PM"; "15: 50"; "Time: 14:00", "Время: 14.00", "Убакыт: 18:35"; "14:00 по московскому времени";
 * "Бишкек убактысы 17:45". A bare "14.00" is refused: alone on a line it may be a price or a score;
 * after a label, or with A.M./P.M., it is a time.
 */
export function parseTimeLine(input: string): TimeLine | undefined {
  let text = input.replace(/[\s\u00a0]+/g, ' ').trim();
  if (text.length > 80) return undefined;
  const end = END.exec(text);
  if (end) text = text.slice(end[0].length);
  const label = TIME_LABEL.exec(text);
  if (label) text = text.slice(label[0].length);
  const clock = readClock(text, Boolean(label));
  if (!clock || clock.length !== text.length) return undefined;
  return { time: clock.time, timezone: clock.timezone, end: Boolean(end) };
}
