/** A date or weekday written in a claim. Only the fields the text states are set. */
export interface DateMention {
  /** Offsets of the date as written (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday?: number;
  /** Month (1-12) and day of the month; two readings when a numeric date like 9/10 can be read either way. */
  days?: { month: number; day?: number }[];
  year?: number;
}

/**
 * Finds the English dates of a claim: weekdays (`Friday`), month-and-day in either order with optional year
 * (`September 9`, `Sept. 10, 2021`, `9th of September`), month and year, a month after a preposition
 * (`in September`), ISO dates, numeric dates with slashes (with a year, or after `on`, `since`, `until`, `from`,
 * `by`, `dated`: a bare `5/8` is more often a fraction), and four-digit years (1800-2099). Relative dates
 * ("last week", "yesterday") are not dates here: they cannot be compared with a calendar date.
 *
 * `9/10` is ambiguous (9 October or September 10), so it keeps both readings; a weekday followed by its date
 * (`Friday, September 10`) is one mention. Names are case-sensitive (`May` the month, not `may` the verb),
 * and a month name alone counts only after a preposition, so "Mark", "March on" and "May I" stay words.
 */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const [pattern, read] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index + (m.groups?.lead?.length ?? 0);
      const mention = read(m.groups ?? {});
      if (mention) found.push({ start, end: m.index + m[0].length, ...mention });
    }
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const dates: DateMention[] = [];
  for (const d of found) {
    const last = dates.at(-1);
    if (last && d.start < last.end) continue;
    if (last && last.weekday !== undefined && !last.days && d.days && /^,?\s+(the\s+)?$/.test(text.slice(last.end, d.start))) {
      dates[dates.length - 1] = { ...d, ...last, days: d.days, end: d.end, ...(d.year && { year: d.year }) };
      continue;
    }
    dates.push(d);
  }
  return dates;
}

/** True when both dates state a field (weekday, month and day, month, year) and no reading of it agrees. */
export function datesDisagree(x: DateMention, y: DateMention): boolean {
  if (x.weekday !== undefined && y.weekday !== undefined && x.weekday !== y.weekday) return true;
  if (x.year !== undefined && y.year !== undefined && x.year !== y.year) return true;
  if (!x.days || !y.days) return false;
  const withDay = (d: DateMention) => d.days!.filter((r) => r.day !== undefined);
  const [dx, dy] = [withDay(x), withDay(y)];
  if (dx.length > 0 && dy.length > 0) return !dx.some((r) => dy.some((s) => r.month === s.month && r.day === s.day));
  return !x.days.some((r) => y.days!.some((s) => r.month === s.month));
}

/** True when the two dates state the same fields with the same values. */
export function datesEqual(x: DateMention, y: DateMention): boolean {
  if (x.weekday !== y.weekday || x.year !== y.year) return false;
  if (!x.days || !y.days) return x.days === y.days;
  return x.days.length === y.days.length && x.days.every((r, i) => r.month === y.days![i].month && r.day === y.days![i].day);
}

/** True when the two dates state at least one field in common, so that they can be compared at all. */
export function datesComparable(x: DateMention, y: DateMention): boolean {
  return (
    (x.weekday !== undefined && y.weekday !== undefined) ||
    (x.year !== undefined && y.year !== undefined) ||
    (x.days !== undefined && y.days !== undefined)
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH =
  '(?<month>January|February|March|April|May|June|July|August|September|October|November|December|' +
  '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
const DAY = '(?<day>[0-3]?\\d)(?:st|nd|rd|th)?';
/** The years a date may name, 1800 to 2099, as four digits. */
const YEAR_DIGITS = '1[89]\\d\\d|20\\d\\d';
const YEAR = `(?<year>${YEAR_DIGITS})`;
const WRITTEN_YEAR = new RegExp(`^(?:${YEAR_DIGITS})$`);

/** Whether a word token is a year as dates write it (`2016`, not `1,900` or `12016`): such a number counts no quantity. */
export function isWrittenYear(token: string): boolean {
  return WRITTEN_YEAR.test(token);
}
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Fields = Omit<DateMention, 'start' | 'end'>;
type Groups = Record<string, string | undefined>;

const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3)) + 1;
const validDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

function calendar(g: Groups): Fields | undefined {
  const month = monthOf(g.month!);
  const day = g.day === undefined ? undefined : Number(g.day);
  if (day !== undefined && !validDay(month, day)) return undefined;
  return { days: [{ month, ...(day !== undefined && { day }) }], ...(g.year && { year: Number(g.year) }) };
}

function numeric(g: Groups): Fields | undefined {
  const [p, q] = [Number(g.p), Number(g.q)];
  const days = [{ month: p, day: q }, { month: q, day: p }].filter((r) => validDay(r.month, r.day));
  const unique = days.filter((r, i) => i === 0 || r.month !== days[0].month || r.day !== days[0].day);
  if (unique.length === 0) return undefined;
  const y = g.y === undefined ? undefined : Number(g.y.length === 2 ? `20${g.y}` : g.y);
  return { days: unique, ...(y !== undefined && { year: y }) };
}

/** Longer forms first: a later, shorter match inside an earlier one is dropped by findDates. */
const PATTERNS: [RegExp, (g: Groups) => Fields | undefined][] = [
  [/\b(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d)\b/g, (g) =>
    validDay(Number(g.m), Number(g.d)) ? { days: [{ month: Number(g.m), day: Number(g.d) }], year: Number(g.y) } : undefined],
  [new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?:,?\\s+${YEAR}\\b)?`, 'g'), calendar],
  [new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR}\\b)?`, 'g'), calendar],
  [new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?${YEAR}\\b`, 'g'), calendar],
  [new RegExp(`(?<lead>\\b(?:in|since|until|by|during|from|last|next|this|early|mid|late|of)\\s+)${MONTH}(?![\\w-])`, 'gi'),
    (g) => (/^[A-Z]/.test(g.month!) ? calendar(g) : undefined)],
  [/(?<![\w/.,])(?<p>[0-3]?\d)\/(?<q>[0-3]?\d)\/(?<y>\d{4}|\d\d)(?![\w/])/g, numeric],
  [/(?<lead>\b(?:on|since|until|from|by|dated)\s+)(?<p>[0-3]?\d)\/(?<q>[0-3]?\d)(?![\w/])/gi, numeric],
  // Not before a capitalised word: "the Sunday Times" names a paper, not a day.
  [new RegExp(`\\b(?<wd>${WEEKDAYS.join('|')})\\b(?![ \\t]+\\p{Lu})`, 'gu'), (g) => ({ weekday: WEEKDAYS.indexOf(g.wd!) })],
  // A comma ends a year ("in 1980, and"), except inside a figure ("2019,500").
  [new RegExp(`(?<![\\d,.$£€₹])\\b${YEAR}(?![\\d%]|[.,]\\d|'?s\\b)`, 'g'), (g) => ({ year: Number(g.year) })],
];
