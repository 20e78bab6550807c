import DiffMatchPatch from 'diff-match-patch';
import type { ConflictKind, Segment } from './types.ts';
import { wordTokens, type ReadWords, type WordToken } from './normalize-text.ts';
import { stopwords } from './stopwords.ts';

/**
 * Word-level diff of two claims. Words are compared by their normalised form (so `colour` in one claim and
 * `color` in the other count as the same word), in order. A common run made only of stopwords ("of the") is
 * a coincidence and counts as changed. Each side comes back as segments that concatenate exactly to that
 * side's text: the shared words, plus the spaces and punctuation between two shared words, are `shared`;
 * everything else is not.
 *
 * diff-match-patch's `diff_cleanupSemantic` is not used: it drops a common run whenever the changes on both
 * sides of it are longer, which is the usual case when a short claim is carried inside a long sentence, and
 * then the very wording the two share is not marked.
 */
export function diffClaims(a: string, b: string, lang = 'en', words: ReadWords = wordTokens): { a: Segment[]; b: Segment[] } {
  const tokensA = words(a, lang);
  const tokensB = words(b, lang);
  const codes = new Map<string, string>();
  const stop = stopwords(lang);
  const content = new Set<string>();
  // Past the distinct words one code unit can tell apart, a word is its side's stand-in, which the other lacks.
  const encode = (tokens: WordToken[], standIn: string) =>
    tokens.map((t) => {
      let code = codes.get(t.norm);
      if (code === undefined) {
        if (codes.size === DISTINCT_WORDS) return standIn;
        code = codeUnit(codes.size);
        codes.set(t.norm, code);
        if (!stop.has(t.norm)) content.add(code);
      }
      return code;
    }).join('');
  const dmp = new DiffMatchPatch();
  // No time limit: with one, the result would depend on the machine's speed; claims are sentences, so it is
  // cheap, and boundedDiff keeps it so for a pasted text that is not.
  dmp.Diff_Timeout = 0;
  const diffs = boundedDiff(dmp, encode(tokensA, STAND_IN_A), encode(tokensB, STAND_IN_B)).flatMap((d): DiffMatchPatch.Diff[] =>
    d[0] === DiffMatchPatch.DIFF_EQUAL && ![...d[1]].some((c) => content.has(c))
      ? [[DiffMatchPatch.DIFF_DELETE, d[1]], [DiffMatchPatch.DIFF_INSERT, d[1]]]
      : [d],
  );
  const sharedA: boolean[] = [];
  const sharedB: boolean[] = [];
  for (const [op, chars] of diffs) {
    for (let k = 0; k < chars.length; k++) {
      if (op !== DiffMatchPatch.DIFF_INSERT) sharedA.push(op === DiffMatchPatch.DIFF_EQUAL);
      if (op !== DiffMatchPatch.DIFF_DELETE) sharedB.push(op === DiffMatchPatch.DIFF_EQUAL);
    }
  }
  return { a: toSegments(a, tokensA, sharedA), b: toSegments(b, tokensB, sharedB) };
}

/**
 * Merges several diffs of one claim (one per counterpart): a character is shared when any of `runs` marks it
 * shared, and in conflict when any run puts it in one (the first run's kind wins). Every run must be a
 * segmentation of `text`.
 */
export function mergeSegments(text: string, runs: Segment[][]): Segment[] {
  // A claim without counterparts (most claims) is one segment that is neither shared nor in conflict.
  if (runs.length === 0) return text === '' ? [] : [{ text, shared: false }];
  const shared = new Array<boolean>(text.length).fill(false);
  const conflict = new Array<ConflictKind | undefined>(text.length).fill(undefined);
  for (const run of runs) {
    let offset = 0;
    for (const segment of run) {
      const end = offset + segment.text.length;
      if (segment.shared) shared.fill(true, offset, end);
      if (segment.conflict) {
        for (let i = offset; i < end; i++) conflict[i] ??= segment.conflict;
      }
      offset = end;
    }
    if (offset !== text.length) throw new Error(`mergeSegments: a run does not cover the claim "${text}"`);
  }
  return fromFlags(text, shared, conflict);
}

/**
 * Puts the conflicts of one match on one claim's segments: each conflict's `text` (an exact substring of the
 * claim, as detect-conflicts promises) is marked at its first occurrence not already in a conflict. A text
 * not found in the claim is skipped rather than guessed at.
 */
export function markConflicts(text: string, segments: Segment[], conflicts: { kind: ConflictKind; text: string }[]): Segment[] {
  if (conflicts.length === 0) return segments;
  const shared = new Array<boolean>(text.length).fill(false);
  const conflict = new Array<ConflictKind | undefined>(text.length).fill(undefined);
  let offset = 0;
  for (const segment of segments) {
    const end = offset + segment.text.length;
    shared.fill(segment.shared, offset, end);
    conflict.fill(segment.conflict, offset, end);
    offset = end;
  }
  for (const { kind, text: part } of conflicts) {
    if (part === '') continue;
    for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) {
      if (conflict.slice(at, at + part.length).some((k) => k !== undefined)) continue;
      conflict.fill(kind, at, at + part.length);
      break;
    }
  }
  return fromFlags(text, shared, conflict);
}

/**
 * Most words, on each side, of the stretch two claims differ in (what lies between the words they open and
 * end with alike) that the diff reads: its cost grows with that stretch's length times the number of changes.
 * The longest claim of the stories and corpora the site is measured on has 78 words; past a thousand, the
 * rest of the stretch is marked as not shared (it is still shown) rather than diffed word by word.
 */
export const DIFF_WORDS = 1000;

/** diff_main of two encoded claims, reading at most DIFF_WORDS words of each side's differing stretch. */
function boundedDiff(dmp: DiffMatchPatch, x: string, y: string): DiffMatchPatch.Diff[] {
  const opening = dmp.diff_commonPrefix(x, y);
  const ending = dmp.diff_commonSuffix(x.slice(opening), y.slice(opening));
  const [middleX, middleY] = [x.slice(opening, x.length - ending), y.slice(opening, y.length - ending)];
  if (middleX.length <= DIFF_WORDS && middleY.length <= DIFF_WORDS) return dmp.diff_main(x, y, false);
  const diffs: DiffMatchPatch.Diff[] = [];
  if (opening > 0) diffs.push([DiffMatchPatch.DIFF_EQUAL, x.slice(0, opening)]);
  diffs.push(...dmp.diff_main(middleX.slice(0, DIFF_WORDS), middleY.slice(0, DIFF_WORDS), false));
  if (middleX.length > DIFF_WORDS) diffs.push([DiffMatchPatch.DIFF_DELETE, middleX.slice(DIFF_WORDS)]);
  if (middleY.length > DIFF_WORDS) diffs.push([DiffMatchPatch.DIFF_INSERT, middleY.slice(DIFF_WORDS)]);
  if (ending > 0) diffs.push([DiffMatchPatch.DIFF_EQUAL, x.slice(x.length - ending)]);
  return diffs;
}

/**
 * How many distinct words of two claims get a code unit of their own (from U+0100, surrogates skipped, the last
 * two units kept as stand-ins): 63,230, where the longest claim measured has 78 words. A word past them is
 * never marked shared, rather than taken for another word.
 */
const DISTINCT_WORDS = 0x10000 - 0x100 - 0x800 - 2;
const [STAND_IN_A, STAND_IN_B] = ['\ufffe', '\uffff'];

/** One UTF-16 code unit per distinct word, skipping the surrogate range so every code stands alone. */
function codeUnit(n: number): string {
  const code = 0x100 + n;
  return String.fromCharCode(code < 0xd800 ? code : code + 0x800);
}

function toSegments(text: string, tokens: WordToken[], sharedWords: boolean[]): Segment[] {
  const shared = new Array<boolean>(text.length).fill(false);
  tokens.forEach((t, i) => {
    if (!sharedWords[i]) return;
    const from = i > 0 && sharedWords[i - 1] ? tokens[i - 1].end : t.start;
    shared.fill(true, from, t.end);
  });
  return fromFlags(text, shared);
}

/** Wording in conflict is never shared wording, so a conflict comes out as one segment however its words diffed. */
function fromFlags(text: string, shared: boolean[], conflict: (ConflictKind | undefined)[] = []): Segment[] {
  const isShared = (i: number) => shared[i] && conflict[i] === undefined;
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i + 1;
    while (j < text.length && isShared(j) === isShared(i) && conflict[j] === conflict[i]) j++;
    const kind = conflict[i];
    segments.push({ text: text.slice(i, j), shared: isShared(i), ...(kind !== undefined && { conflict: kind }) });
    i = j;
  }
  return segments;
}
