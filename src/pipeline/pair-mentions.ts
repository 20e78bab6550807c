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
  const last = firstToken(tokens, (t) => t.end > start) - 1;
  for (let i = last; i >= 0 && earlier.length < reach && last - i < CONTEXT_WORDS; i--) {
    const t = tokens[i];
    if (clauseBreak(t.end, to) || JOINS.has(t.norm)) break;
    if (content(t)) earlier.push(t.stem);
    to = t.start;
  }
  const after: string[] = [];
  let next = '';
  let from = end;
  const first = firstToken(tokens, (t) => t.start >= end);
  for (let i = first; i < tokens.length && i - first < CONTEXT_WORDS; i++) {
    const t = tokens[i];
    if (clauseBreak(from, t.start) || after.length === reach || /^\d/.test(t.norm)) break;
    if (content(t)) {
      if (from === end) next = t.stem;
      after.push(t.stem);
    }
    from = t.end;
  }
  return { start, end, before: earlier[0] ?? '', earlier, after, next };
}

/**
 * How many words mentionContext reads on each side of a mention at most. In prose a content word or a clause
 * break comes within a few words (on the stories and corpora the site is measured on, the search never reads
 * more than 16); without this bound, a run of thousands of function words and numbers would be read again for
 * every mention beside it.
 */
export const CONTEXT_WORDS = 40;

/**
 * The index of the first token that `past` holds for, or `tokens.length`; `past` must hold for every token after
 * one it holds for. Word tokens come in reading order without overlapping, so their starts and their ends both
 * grow, and a binary search finds where a mention stands.
 */
export function firstToken(tokens: readonly WordToken[], past: (t: WordToken) => boolean): number {
  let [low, high] = [0, tokens.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (past(tokens[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * For spans in any order, that may nest or overlap (quotations, dates): a function giving the furthest end of
 * the spans that start at or before an offset (-Infinity when none does). Whether an offset, a token or a span
 * lies within or across some span is then one look-up in log time, not a pass over every span.
 */
export function furthestReach(spans: readonly { start: number; end: number }[]): (at: number) => number {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(reach.at(-1) ?? -Infinity, s.end));
  return (at) => {
    let [low, high] = [0, sorted.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid]!.start <= at) low = mid + 1;
      else high = mid;
    }
    return low > 0 ? reach[low - 1]! : -Infinity;
  };
}

const JOINS = new Set(['and', 'or', 'but', 'while', 'whereas']);

/**
 * The stems of the clause that a mention opens as an introductory phrase ("On Friday, the army said it had
 * withdrawn": `army`, `withdrawn`), or [] when it does not: only function words stand before it, and a
 * comma follows it, at most one word later ("Late on Friday night, …"). Such a phrase dates or counts the
 * main clause, so a word of that clause is what another claim's mention must stand beside to fill its slot.
 * `lead` is the index of the claim's first token that is not a stopword; a caller asking about every mention
 * of a claim passes it, so that no call reads the words before its mention.
 */
export function openingClause(
  text: string,
  tokens: WordToken[],
  stop: ReadonlySet<string>,
  start: number,
  end: number,
  lead = firstToken(tokens, (t) => !stop.has(t.norm)),
): string[] {
  if (lead < tokens.length && tokens[lead].end <= start) return [];
  const i = firstToken(tokens, (t) => t.start >= end);
  // The comma must come before the end of the word after the mention: no need to look further for it.
  const comma = text.slice(0, i + 1 < tokens.length ? tokens[i + 1].end : text.length).indexOf(',', end);
  if (comma < 0) return [];
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
 * The words the two claims open with alike are shared as they stand; the subsequence is then looked for in at
 * most MAX_SLOT_WORDS words of each claim after them. Any words past those are placed against nothing: each
 * side's rest stands in a gap of its own after the last shared word, which no word of the other side shares.
 */
export function alignSlots(a: WordToken[], b: WordToken[]): [number[], number[]] {
  // The subsequence's ties fall to its first side: the claims are read in one order, so that swapping them only
  // swaps the slots (and a conflict found one way is found the other).
  if (wordsKey(b) < wordsKey(a)) {
    const [slotsB, slotsA] = alignSlots(b, a);
    return [slotsA, slotsB];
  }
  const slotsA: number[] = [];
  const slotsB: number[] = [];
  let k = 0;
  // A shared first word is always on the subsequence: the opening needs no table.
  for (; k < a.length && k < b.length && a[k].norm === b[k].norm; k++) slotsA[k] = slotsB[k] = 2 * k + 1;
  const offset = k;
  const [na, nb] = [Math.min(a.length - offset, MAX_SLOT_WORDS), Math.min(b.length - offset, MAX_SLOT_WORDS)];
  // length[i * width + j]: the longest common subsequence of the words from offset + i in a and offset + j in b.
  const width = nb + 1;
  const length = new Uint16Array((na + 1) * width);
  for (let i = na - 1; i >= 0; i--) {
    const word = a[offset + i].norm;
    for (let j = nb - 1; j >= 0; j--) {
      const at = i * width + j;
      length[at] = word === b[offset + j].norm
        ? length[at + width + 1] + 1
        : Math.max(length[at + width], length[at + 1]);
    }
  }
  let [i, j] = [0, 0];
  while (i < na || j < nb) {
    const at = i * width + j;
    if (i < na && j < nb && a[offset + i].norm === b[offset + j].norm && length[at] === length[at + width + 1] + 1) {
      slotsA[offset + i++] = 2 * k + 1;
      slotsB[offset + j++] = 2 * k + 1;
      k++;
    } else if (j >= nb || (i < na && length[at + width] >= length[at + 1])) {
      slotsA[offset + i++] = 2 * k;
    } else {
      slotsB[offset + j++] = 2 * k;
    }
  }
  // Gaps of their own, one per side, that no word of the other claim stands in.
  for (let rest = offset + na; rest < a.length; rest++) slotsA[rest] = 2 * k + 2;
  for (let rest = offset + nb; rest < b.length; rest++) slotsB[rest] = 2 * k + 4;
  return [slotsA, slotsB];
}

/** The normalised words of a claim, as one string ordering claims for alignSlots. */
function wordsKey(tokens: WordToken[]): string {
  return tokens.map((t) => t.norm).join(' ');
}

/**
 * Most words of each claim, after the words they open with alike, that alignSlots reads for their common
 * subsequence: its table has a cell per pair of words. The longest claim of the stories and corpora the site is
 * measured on has 78 words; a sentence of a thousand is pasted text, not a claim whose words a reader lines up
 * with another's, and its mentions further on are still paired by the words around them (contextEvidence).
 */
export const MAX_SLOT_WORDS = 1000;

/** The slots of the words that lie in [start, end). */
export function slotsOf(tokens: WordToken[], slots: number[], start: number, end: number): number[] {
  const found: number[] = [];
  for (let i = firstToken(tokens, (t) => t.start >= start); i < tokens.length && tokens[i].end <= end; i++) found.push(slots[i]);
  return found;
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
 * reading order of a then b. Pairs scoring 0 or less are never made. Every pair is scored, so callers pass a
 * bounded number of mentions (conflictFacts in detect-conflicts.ts compares no kind a claim holds over a
 * hundred of).
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
