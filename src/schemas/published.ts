import type { PublishedTime } from '../pipeline/types.ts';
import { writtenDay } from './field-errors.ts';

/** When a report came out, read from the text its file writes: the written day, and the moment when there is one. */
export interface Published {
  /** The day as written, at midnight UTC. */
  day: Date;
  time?: PublishedTime;
}

/** How to write `published`, for the messages. */
export const publishedHelp =
  'write the day the report came out as YYYY-MM-DD (for example 2021-09-10), or the moment with its time zone (for example 2021-09-10T14:05:00+05:30, or 2021-09-10T08:35:00Z in UTC)';

const dateTime = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads a `published` value: a day (`2021-09-10`), or an ISO 8601 date-time with a zone (`2021-09-10T14:05+05:30`,
 * `…Z`), whose day is the day as written, whatever day it is in UTC; its `text` keeps the written day, clock and
 * zone, spelt `2021-09-10T14:05:00+05:30`. Returns the problem, a sentence naming it,
 * for anything else: a date-time without a zone names no moment (the outlet's clock, or the reader's?), so it
 * is refused rather than guessed.
 */
export function readPublished(written: string): Published | { problem: string } {
  const text = written.trim();
  const day = writtenDay(text);
  if (day) return { day };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { problem: `published ${text} is not a real day: ${publishedHelp}` };
  const parts = dateTime.exec(text);
  if (!parts) return { problem: `published must say when the report came out: ${publishedHelp}, not "${written}"` };
  const [, dayText, hours, minutes, seconds = '00', fraction = '', zone] = parts as unknown as [string, string, string, string, string?, string?, string?];
  const writtenDate = writtenDay(dayText);
  if (!writtenDate) return { problem: `published ${dayText} is not a real day: ${publishedHelp}` };
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return { problem: `published ${text} is not a real time of day: ${publishedHelp}` };
  }
  if (!zone) {
    return {
      problem: `published ${text} has no time zone, so the moment it names is unknown: add the outlet's offset from UTC (for example ${dayText}T${hours}:${minutes}:${seconds}+05:30, or Z for UTC), or write the day alone (${dayText})`,
    };
  }
  const offset = /^[Zz]$/.test(zone) ? 'Z' : /^[+-]\d{2}$/.test(zone) ? `${zone}:00` : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) {
    return { problem: `published ${text} has no real time zone: ${publishedHelp}` };
  }
  // The written day, clock and zone, in the one form HTML's `datetime` and ISO 8601 both read.
  const canonical = `${dayText}T${hours}:${minutes}:${seconds}${fraction}${offset}`;
  return { day: writtenDate, time: { moment: Date.parse(canonical), text: canonical } };
}

/**
 * The value of a `published` YAML already turned into a Date (unquoted, YAML reads a day or a date-time itself):
 * the written text is lost, so this stands in until the text is read from the file (see load-stories.ts). A
 * Date at midnight UTC is a day; any other is a moment, dated by its UTC day.
 */
export function publishedOfDate(date: Date): Published {
  const iso = date.toISOString();
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return day.getTime() === date.getTime() ? { day } : { day, time: { moment: date.getTime(), text: iso } };
}
