import { writtenDay } from '../schemas/field-errors.ts';

/**
 * The day a date or timestamp names, as `YYYY-MM-DD`, or undefined when it names no real day. A value that
 * starts with a day keeps that day whatever its time and zone (`2021-09-10T23:30:00-04:00` is 2021-09-10), so
 * a report is dated as its outlet dated it; other forms are read by `Date.parse` and taken in UTC.
 */
export function calendarDay(value: string): string | undefined {
  const written = /^\s*(\d{4}-\d{2}-\d{2})(?!\d)/.exec(value)?.[1];
  if (written) return writtenDay(written) ? written : undefined;
  // Other forms ("Fri, 10 Sep 2021 08:00:00 GMT") only when the platform reads them as a full date.
  if (!/\d{4}/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
