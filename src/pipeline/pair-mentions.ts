import type { WordToken } from './normalize-text.ts';

/** Where a mention stands in its claim: offsets of its text, and the content words around it. */
export interface MentionContext {
  start: number;
  end: number;
  /** Stem of the nearest content word before the mention (`''` when there is none). */
  before: string;
  /** Stems of the first two content words after the mention: what a number counts ("27 helicopters"). */
  after: string[];
}

/**
 * The content words around the span [start, end) of a claim: words that are neither stopwords nor numbers,
 * looked for within the same clause (a comma, semicolon, colon or dash ends the search). These words tie a
 * mention in one claim to its counterpart in the other when the two claims are worded differently.
 */
export function mentionContext(
  text: string,
  tokens: WordToken[],
  stop: ReadonlySet<string>,
  start: number,
  end: number,
): MentionContext {
  const content = (t: WordToken) => !stop.has(t.norm) && !/^[\d.]+$/.test(t.norm);
  const clauseBreak = (from: number, to: number) => /[,;:()\u2013\u2014]/.test(text.slice(from, to));
  let before = '';
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.end > start) continue;
    if (clauseBreak(t.end, start)) break;
    if (content(t)) {
      before = t.stem;
      break;
    }
  }
  const after: string[] = [];
  for (const t of tokens) {
    if (t.start < end) continue;
    if (clauseBreak(end, t.start) || after.length === 2) break;
    if (content(t)) after.push(t.stem);
  }
  return { start, end, before, after };
}

/**
 * How strongly the words around two mentions say they fill the same slot: 1 when they share a content word
 * after them (the thing counted), 1 more when the content word before them is the same.
 */
export function contextEvidence(x: MentionContext, y: MentionContext): number {
  return (x.after.some((w) => y.after.includes(w)) ? 1 : 0) + (x.before !== '' && x.before === y.before ? 1 : 0);
}

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
