import type { ReportInput } from './types.ts';

/** What decides when a report came out. */
export type Publication = Pick<ReportInput, 'published' | 'publishedTime'>;

/**
 * The order of publication, the one rule for it: by moment when both reports give a time with a zone, else by
 * the day as written; 0 when that does not tell them apart (the caller breaks ties, so a sort stays stable).
 * A report with a day alone is neither before nor after another report of that day.
 */
export function byPublication(x: Publication, y: Publication): number {
  if (x.publishedTime && y.publishedTime) return x.publishedTime.moment - y.publishedTime.moment;
  return x.published.getTime() - y.published.getTime();
}

/** The first to come out of `reports` when every one of them gives its moment, else undefined: then no one knows. */
export function firstPublished<T extends Publication>(reports: readonly T[]): T | undefined {
  if (reports.length === 0 || !reports.every((report) => report.publishedTime)) return undefined;
  return reports.reduce((first, report) => (byPublication(report, first) < 0 ? report : first));
}
