import type { ConflictKind, MatchKind } from '../pipeline/types.ts';

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


/** How a report carries a claim group, as the grid and the claim tools name it. */
export type CarryState = MatchKind | 'only' | 'absent';

/** Words and symbols for each state; the symbol repeats the words for the eye and is hidden from assistive technology. */
export const carryLabels: Record<CarryState, { text: string; symbol: string }> = {
  verbatim: { text: 'verbatim', symbol: '≡' },
  edited: { text: 'edited', symbol: '≈' },
  paraphrase: { text: 'paraphrase', symbol: '∿' },
  only: { text: 'only here', symbol: '◆' },
  absent: { text: 'not carried', symbol: '·' },
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
