import type { ConflictKind, Glance, MatchKind, ReportComparison } from '../pipeline/types.ts';

/** Calendar day of a content date, as used in `<time datetime>` and `comparison.json`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A content date for reading ("10 September 2021"); dates in content are days, so UTC keeps the day. */
export function readableDay(date: Date): string {
  return longDate.format(date);
}

/**
 * A report's publication for `<time datetime>`: the moment as its file writes it, with its zone, where the file
 * gives one, else its day. The text shown beside it stays the written day (readableDay of `published`).
 */
export function publishedDatetime(report: Pick<ReportComparison, 'published' | 'publishedTime'>): string {
  return report.publishedTime?.text ?? isoDay(report.published);
}

/** Whole-number percentage of `part` in `total`; 0 when there is nothing to measure. */
export function percent(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}

/**
 * A length or position in a figure's viewBox units (0 to 100), to two decimals: a hundredth of the viewBox is
 * finer than a pixel of any strip drawn, and full floating point cost the median story page a kilobyte (gzip).
 */
export function figureUnits(value: number): number {
  return Math.round(value * 100) / 100;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A story at a glance in one line: "8 claims most reports agree on · 1 disputed point · 7 claims in one report only". */
export function glanceCounts(glance: Glance): string {
  const unique = glance.unique.reduce((sum, line) => sum + line.count, 0);
  return [
    plural(glance.agreed.length, 'claim most reports agree on', 'claims most reports agree on'),
    plural(glance.disputed.length, 'disputed point', 'disputed points'),
    plural(unique, 'claim in one report only', 'claims in one report only'),
  ].join(' · ');
}


/** How a report carries a claim group, as the grid and the claim tools name it. */
export type CarryState = MatchKind | 'only' | 'absent';

/** Words and symbols for each state; the symbol repeats the words for the eye and is hidden from assistive technology. */
export const carryLabels: Record<CarryState, { text: string; symbol: string }> = {
  verbatim: { text: 'verbatim', symbol: '≡' },
  edited: { text: 'edited', symbol: '≈' },
  paraphrase: { text: 'paraphrase', symbol: '∿' },
  part: { text: 'part', symbol: '⊂' },
  only: { text: 'only here', symbol: '◆' },
  absent: { text: 'not carried', symbol: '·' },
};

/**
 * What each wording label means, in the words the legend and the methodology page use: `paraphrase` keeps
 * meaning "other words", and a claim said as one clause of a longer sentence is a `part`.
 */
export const kindMeanings: Record<MatchKind, string> = {
  verbatim: 'the same words',
  edited: 'a few words added, dropped or changed',
  paraphrase: 'the same claim in other words',
  part: 'said within a longer sentence',
};

/** What a conflict of each kind is about, as a heading of its note ("Numbers differ"). */
export const conflictLabels: Record<ConflictKind, string> = {
  number: 'Numbers differ',
  date: 'Dates differ',
  name: 'Names differ',
  attribution: 'Sources differ',
};

/** The first words of a text, up to about `limit` characters, with an ellipsis when cut. */
export function shorten(text: string, limit = 90): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut.slice(0, limit)).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** Any quotation mark a claim may open or close with, straight or curly, in the styles news text uses. */
const quotationMark = /^["'“”‘’«»„‚‹›「」『』]$/u;

/**
 * The marks to put around `text` to quote it: “ and ”, or none when the text already begins or ends with a
 * quotation mark (a claim that opens a quotation would otherwise read ““…). For markup that sets the marks
 * apart from the text; `quoted` is the same for plain strings.
 */
export function quoteMarks(text: string): readonly [string, string] {
  const trimmed = text.trim();
  return quotationMark.test(trimmed.at(0) ?? '') || quotationMark.test(trimmed.at(-1) ?? '') ? ['', ''] : ['“', '”'];
}

/** `text` in quotation marks, unless it brings its own (see quoteMarks): for titles, descriptions and citations. */
export function quoted(text: string): string {
  const [open, close] = quoteMarks(text);
  return `${open}${text}${close}`;
}

/**
 * An outlet's name after "the", as in "the Guardian report": "the Guardian", but "The New York Times" as it
 * stands, since the name brings its own article ("Read in the The New York Times report" otherwise).
 */
export function theOutlet(outlet: string): string {
  return /^the\s/iu.test(outlet.trim()) ? outlet : `the ${outlet}`;
}
