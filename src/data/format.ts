/** Calendar day of a content date, as used in `<time datetime>` and `comparison.json`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A content date for reading ("10 September 2021"); dates in content are days, so UTC keeps the day. */
export function readableDay(date: Date): string {
  return longDate.format(date);
}

/** Whole-number percentage of `part` in `total`; 0 when there is nothing to measure. */
export function percent(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
