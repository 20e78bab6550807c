import type { WordToken } from './normalize-text.ts';

/** Where a mention stands in its claim: offsets of its text, and the content words around it. */
export interface MentionContext {
  start: number;
  end: number;
  /** Stem of the nearest content word before the mention (`''` when there is none). */
  before: string;
  /** Stems of the content words before the mention, nearest first (two unless asked for more). */
  earlier: string[];
  /** Stems of the first content words after the mention (two unless asked for more): what a number counts. */
  after: string[];
  /** Stem of the word right after the mention when it is a content word of the same clause ("Tuesday's vote"). */
  next: string;
}

/**
 * The content words around the span [start, end) of a claim: words that are neither stopwords nor numbers,
 * looked for within the same clause (a comma, semicolon, colon or dash ends the search), `reach` of them on
 * each side. Looking ahead the search also stops at the next number, which has words of its own ("one hour
 * and 55 minutes"), and looking back at a word such as "and" that joins two phrases: in "12 people died and
 * 30 were injured", "died" is not about 30, while in "killing 12 people and injuring 35", "injuring" is.
 * These words tie a mention in one claim to its counterpart in the other when the wordings differ.
 */
export function mentionContext(
  text: string,
  tokens: WordToken[],
  stop: ReadonlySet<string>,
  start: number,
  end: number,
  reach = 2,
): MentionContext {
  const content = (t: WordToken) => !stop.has(t.norm) && !/^[\d.]+$/.test(t.norm);
  const clauseBreak = (from: number, to: number) => /[,;:()\u2013\u2014]/.test(text.slice(from, to));
  const earlier: string[] = [];
  let to = start;
  for (let i = tokens.length - 1; i >= 0 && earlier.length < reach; i--) {
    const t = tokens[i];
    if (t.end > start) continue;
    if (clauseBreak(t.end, to) || JOINS.has(t.norm)) break;
    if (content(t)) earlier.push(t.stem);
    to = t.start;
  }
  const after: string[] = [];
  let next = '';
  let from = end;
  for (const t of tokens) {
    if (t.start < end) continue;
    if (clauseBreak(from, t.start) || after.length === reach || /^\d/.test(t.norm)) break;
    if (content(t)) {
      if (from === end) next = t.stem;
      after.push(t.stem);
    }
    from = t.end;
  }
  return { start, end, before: earlier[0] ?? '', earlier, after, next };
}

const JOINS = new Set(['and', 'or', 'but', 'while', 'whereas']);

/**
 * The stems of the clause that a mention opens as an introductory phrase ("On Friday, the army said it had
 * withdrawn": `army`, `withdrawn`), or [] when it does not: only function words stand before it, and a
 * comma follows it, at most one word later ("Late on Friday night, …"). Such a phrase dates or counts the
 * main clause, so a word of that clause is what another claim's mention must stand beside to fill its slot.
 */
export function openingClause(
  text: string,
  tokens: WordToken[],
  stop: ReadonlySet<string>,
  start: number,
  end: number,
): string[] {
  let i = 0;
  for (; i < tokens.length && tokens[i].end <= start; i++) if (!stop.has(tokens[i].norm)) return [];
  while (i < tokens.length && tokens[i].start < end) i++;
  const comma = text.indexOf(',', end);
  if (comma < 0 || (i + 1 < tokens.length && tokens[i + 1].end <= comma)) return [];
  const clause: string[] = [];
  let from = comma + 1;
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.start < comma) continue;
    if (/[,;:()\u2013\u2014]/.test(text.slice(from, t.start))) break;
    if (!stop.has(t.norm) && !/^[\d.]+$/.test(t.norm)) clause.push(t.stem);
    from = t.end;
  }
  return clause;
}

/**
 * How strongly the words around two mentions say they fill the same slot: 1 when the thing they count is
 * the same (the first word after each that is not in `weak`, when a content word follows the mention right
 * away: "27 helicopters" / "30 helicopters", "27 people injured" / "30 people injured", but not "12 within a
 * year" / "400 within a year"), 1 more when the content word before them is the same and not in `weak`.
 * Words in `weak`, such as "people", "first" or "morning", stand beside mentions of anything.
 */
export function contextEvidence(x: MentionContext, y: MentionContext, weak: ReadonlySet<string> = NONE): number {
  const counted = (c: MentionContext) => (c.next === '' ? undefined : c.after.find((w) => !weak.has(w)));
  const thing = counted(x);
  const before = x.before !== '' && x.before === y.before && !weak.has(x.before);
  return (thing !== undefined && thing === counted(y) ? 1 : 0) + (before ? 1 : 0);
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Places the words of two claims on common slots through their longest common subsequence of normalised
 * words: a shared word gets the odd slot 2k + 1 on both sides (k-th shared word), and the words between the
 * (k-1)-th and k-th shared words get the even slot 2k. Two mentions whose words share a slot stand in the
 * same place of the two wordings ("killed 27 people" / "killed at least 30 people": same gap).
 */
export function alignSlots(a: WordToken[], b: WordToken[]): [number[], number[]] {
  const length = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      length[i][j] = a[i].norm === b[j].norm ? length[i + 1][j + 1] + 1 : Math.max(length[i + 1][j], length[i][j + 1]);
    }
  }
  const slotsA: number[] = [];
  const slotsB: number[] = [];
  let [i, j, k] = [0, 0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i].norm === b[j].norm && length[i][j] === length[i + 1][j + 1] + 1) {
      slotsA[i++] = 2 * k + 1;
      slotsB[j++] = 2 * k + 1;
      k++;
    } else if (j >= b.length || (i < a.length && length[i + 1][j] >= length[i][j + 1])) {
      slotsA[i++] = 2 * k;
    } else {
      slotsB[j++] = 2 * k;
    }
  }
  return [slotsA, slotsB];
}

/** The slots of the words that lie in [start, end). */
export function slotsOf(tokens: WordToken[], slots: number[], start: number, end: number): number[] {
  return tokens.flatMap((t, i) => (t.start >= start && t.end <= end ? [slots[i]] : []));
}

/** How many words of a claim each slot holds (alignSlots' numbering), and which shared words are content words. */
export interface SlotTable {
  sizes: Map<number, number>;
  /** The odd slots of shared words that are neither stopwords nor, by stem, in `weak`. */
  content: Set<number>;
}

export function slotTable(
  tokens: WordToken[],
  slots: number[],
  stop: ReadonlySet<string>,
  weak: ReadonlySet<string> = NONE,
): SlotTable {
  const sizes = new Map<number, number>();
  const content = new Set<number>();
  slots.forEach((s, i) => {
    sizes.set(s, (sizes.get(s) ?? 0) + 1);
    if (s % 2 === 1 && !stop.has(tokens[i].norm) && !weak.has(tokens[i].stem)) content.add(s);
  });
  return { sizes, content };
}

/**
 * True when a mention whose words have slots `mention` fills the gap `slot` nearly alone: at most one other
 * word stands in that gap, and a content word shared by both claims stands right before or after the gap.
 * Two mentions that fit one gap on both sides are framed by the same words ("killed 7 people" / "killed at
 * least 15 people"); a gap that is a long stretch of differing words ("about 30 people were" / "a jet
 * carrying 98 people"), or one framed only by words such as "in" ("won in 2019" / "since Graf in 1980"),
 * says nothing about which of its words correspond.
 */
export function slotFits(table: SlotTable, mention: number[], slot: number): boolean {
  const alone = (table.sizes.get(slot) ?? 0) - mention.filter((s) => s === slot).length <= 1;
  return alone && (table.content.has(slot - 1) || table.content.has(slot + 1));
}

/**
 * Pairs mentions of claim a with mentions of claim b, each used at most once: highest `score` first, ties in
 * reading order of a then b. Pairs scoring 0 or less are never made.
 */
export function pairMentions<T>(a: T[], b: T[], score: (x: T, y: T) => number): [T, T][] {
  const candidates: { i: number; j: number; s: number }[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      const s = score(x, y);
      if (s > 0) candidates.push({ i, j, s });
    }),
  );
  candidates.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [T, T][] = [];
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push([a[i], b[j]]);
  }
  return pairs;
}
