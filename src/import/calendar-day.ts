/**
 * The day a date or timestamp names, as `YYYY-MM-DD`, or undefined when it names no real day. A value that
 * starts with a day keeps that day whatever its time and zone (`2021-09-10T23:30:00-04:00` is 2021-09-10), so
 * a report is dated as its outlet dated it; other forms are read by `Date.parse` and taken in UTC.
 */
export function calendarDay(value: string): string | undefined {
  const written = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(value);
  if (written) {
    const [, year, month, day] = written;
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : undefined;
  }
  // Other forms ("Fri, 10 Sep 2021 08:00:00 GMT") only when the platform reads them as a full date.
  if (!/\d{4}/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
