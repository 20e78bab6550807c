import DiffMatchPatch from 'diff-match-patch';
import { claimKey, newClaimId } from './claim-ids.ts';
import { listsBy } from './lists-by.ts';
import { wordTokens } from './normalize-text.ts';
import type { LedgerEntry, ReportLedger } from './types.ts';

/** How much of the neighbouring claims the ledger keeps as a claim's context, in characters. */
export const contextLength = 80;

/**
 * When a recorded claim may be re-anchored to a current claim whose text is not the same. Similarities are
 * 1 − (character edit distance ÷ length of the longer text), case and spacing ignored. Position in the report
 * never counts: a claim moved from the top to the bottom of a report is as easy to find as one left in place.
 */
export const fuzzyRules = {
  /** A claim this similar is the same claim wherever it now stands (a typo fixed, a word added or dropped). */
  textAlone: 0.8,
  /** A claim reworded in place: less similar text, but the claims around it are largely the same. */
  reworded: { text: 0.6, context: 0.75 },
  /**
   * Claims shorter than this many words differ in few characters from many unrelated short sentences ("He
   * said.", "She added."), so they are re-anchored only in place: similar text and similar neighbours.
   */
  shortWords: 6,
  short: { text: 0.75, context: 0.75 },
  /** Ranks the acceptable pairs: the claim's own text outweighs its context. */
  textWeight: 0.8,
} as const;

/** How a current claim got its id: a new id, or an earlier id found by exact text, by text and context, or by similarity. */
export type AnchorMethod = 'new' | 'exact' | 'context' | 'fuzzy';

export interface ReportIdentity {
  slug: string;
  outlet: string;
  title: string;
}

export interface Anchoring {
  /** One id per claim, in reading order. */
  ids: string[];
  methods: AnchorMethod[];
  /** Earlier wordings per claim, oldest first, when the claim was corrected; undefined otherwise. */
  earlier: (string[] | undefined)[];
  /** The report's ledger after this build: every id in `previous`, plus the new ones. */
  ledger: ReportLedger;
}

/**
 * Gives the claims of one report (`texts`, in reading order) their ids, keeping every id the report's ledger
 * (`previous`) recorded. A recorded id goes to the current claim with the same text (when several copies share
 * a text, to the copy whose neighbours are most like the recorded ones), else to the most similar remaining
 * claim that passes `fuzzyRules`, else it is recorded as removed. A removed id comes back if its text does.
 * Claims that take no recorded id get a new one (see newClaimId). Throws when `previous` lists an id twice.
 */
export function anchorClaims(report: ReportIdentity, texts: string[], previous?: ReportLedger): Anchoring {
  const keys = texts.map(claimKey);
  const current = texts.map((text, i) => ({
    text,
    key: keys[i]!,
    before: i > 0 ? keys[i - 1]!.slice(-contextLength) : '',
    after: i + 1 < keys.length ? keys[i + 1]!.slice(0, contextLength) : '',
  }));
  const recorded = [...(previous?.claims ?? []), ...(previous?.removed ?? [])];
  const taken = new Set<string>();
  for (const entry of recorded) {
    if (taken.has(entry.id)) throw new Error(`the ledger lists claim id "${entry.id}" of report "${report.slug}" twice`);
    taken.add(entry.id);
  }

  const owner = new Array<number | undefined>(texts.length);
  const methods = new Array<AnchorMethod>(texts.length).fill('new');
  const placed = new Set<number>();
  const assign = (entry: number, claim: number, method: AnchorMethod) => {
    owner[claim] = entry;
    methods[claim] = method;
    placed.add(entry);
  };

  // Exact text first. Copies of one text (a repeated paragraph) are told apart by their neighbours.
  const byKey = new Map<string, { entries: number[]; claims: number[] }>();
  recorded.forEach((entry, e) => {
    const key = claimKey(entry.text);
    const group = byKey.get(key) ?? { entries: [], claims: [] };
    group.entries.push(e);
    byKey.set(key, group);
  });
  current.forEach((claim, c) => {
    const group = byKey.get(claim.key);
    if (group) group.claims.push(c);
  });
  for (const { entries, claims } of byKey.values()) {
    if (entries.length === 1 && claims.length === 1) {
      assign(entries[0]!, claims[0]!, 'exact');
      continue;
    }
    if (entries.length * claims.length > MAX_COMPARED_PAIRS) {
      // Hundreds of copies of one sentence: neighbours that are the same still place a copy, the rest go in order.
      // Each list reversed, so its next copy in reading order is taken from the end.
      const byContext = listsBy([...claims].reverse(), (c) => [contextKey(current[c]!)]);
      for (const e of entries) {
        const c = byContext.get(contextKey(recorded[e]!))?.pop();
        if (c !== undefined) assign(e, c, 'context');
      }
      const rest = claims.filter((c) => owner[c] === undefined);
      entries.filter((e) => !placed.has(e)).forEach((e, k) => {
        if (k < rest.length) assign(e, rest[k]!, 'context');
      });
      continue;
    }
    const pairs = entries.flatMap((e) => claims.map((c) => ({ e, c, score: contextSimilarity(recorded[e]!, current[c]!) })));
    for (const { e, c } of bestFirst(pairs)) {
      if (!placed.has(e) && owner[c] === undefined) assign(e, c, 'context');
    }
  }

  // Then similar text, for what is left on both sides.
  const openEntries = recorded.map((_, e) => e).filter((e) => !placed.has(e));
  const openClaims = current.map((_, c) => c).filter((c) => owner[c] === undefined);
  const candidates =
    openEntries.length * openClaims.length > MAX_COMPARED_PAIRS
      ? likelyClaims(openEntries.map((e) => recorded[e]!.text), openClaims.map((c) => current[c]!.key))
      : openEntries.map(() => openClaims.map((_, k) => k));
  const fuzzy = openEntries.flatMap((e, i) =>
    candidates[i]!.flatMap((k) => {
      const c = openClaims[k]!;
      const score = fuzzyScore(recorded[e]!, current[c]!);
      return score === undefined ? [] : [{ e, c, score }];
    }),
  );
  for (const { e, c } of bestFirst(fuzzy)) {
    if (!placed.has(e) && owner[c] === undefined) assign(e, c, 'fuzzy');
  }

  const ids: string[] = [];
  const earlier: (string[] | undefined)[] = [];
  const claims: LedgerEntry[] = current.map((claim, c) => {
    const e = owner[c];
    const entry = e === undefined ? undefined : recorded[e];
    const id = entry ? entry.id : newClaimId(report.slug, claim.text, taken);
    const wordings = entry ? earlierWordings(entry, claim.key) : undefined;
    ids.push(id);
    earlier.push(wordings);
    return { id, text: claim.text, before: claim.before, after: claim.after, ...(wordings && { earlier: wordings }) };
  });
  // Removed ids keep their place: first those removed before, then those removed now, each in recorded order.
  const live = previous?.claims.length ?? 0;
  const gone = recorded.map((_, e) => e).filter((e) => !placed.has(e));
  const removed = [...gone.filter((e) => e >= live), ...gone.filter((e) => e < live)].map((e) => recorded[e]!);
  return { ids, methods, earlier, ledger: { outlet: report.outlet, title: report.title, claims, removed } };
}

/**
 * Most pairs of recorded and current claims compared all against all, in each step: the copies of one text, then
 * the claims left over. Comparing a pair costs up to a fifth of a millisecond, so 10,000 pairs (a report of a
 * hundred claims all reworded) take about two seconds; a report of a thousand reworded claims compared all against
 * all would take three minutes, the build hanging on one edit. Beyond it, copies of one text are placed by equal
 * neighbours and then in order, and a recorded claim is compared only with the FUZZY_CANDIDATES current claims
 * that share the most words with it: a rewording that shares no word is not one the fuzzy rules accept anyway.
 */
export const MAX_COMPARED_PAIRS = 10_000;

/** How many current claims, sharing the most words with it, a recorded claim is compared with beyond MAX_COMPARED_PAIRS. */
const FUZZY_CANDIDATES = 8;

/** A word in more current claims than this says nothing of which one a recorded claim became. */
const MAX_CLUE_CLAIMS = 64;

/** For each of `entries`, the indexes into `claims` of the FUZZY_CANDIDATES that share the most words with it. */
function likelyClaims(entries: string[], claims: string[]): number[][] {
  // Words as the comparison reads them (normalize-text.ts); their English spelling rules only widen the clues.
  const words = (text: string) => new Set(wordTokens(text).map((token) => token.norm));
  const byWord = listsBy(claims.keys(), (k) => words(claims[k]!));
  return entries.map((text) => {
    const shared = new Map<number, number>();
    for (const word of words(text)) {
      const list = byWord.get(word) ?? [];
      if (list.length <= MAX_CLUE_CLAIMS) for (const k of list) shared.set(k, (shared.get(k) ?? 0) + 1);
    }
    return [...shared]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, FUZZY_CANDIDATES)
      .map(([k]) => k);
  });
}

/** The neighbours of a claim as one key: copies with equal keys stood among the same claims. */
function contextKey(claim: Placed): string {
  return `${claim.before}\u0000${claim.after}`;
}

/** Highest score first; ties go to the earlier recorded entry, then the earlier claim, so results are stable. */
function bestFirst<T extends { e: number; c: number; score: number }>(pairs: T[]): T[] {
  return pairs.sort((x, y) => y.score - x.score || x.e - y.e || x.c - y.c);
}

interface Placed {
  text: string;
  before: string;
  after: string;
}

/** The ranking score of re-anchoring `entry` to `claim`, or undefined when `fuzzyRules` refuse the pair. */
function fuzzyScore(entry: LedgerEntry, claim: Placed & { key: string }): number | undefined {
  const a = comparable(entry.text);
  const b = comparable(claim.key);
  const floor = Math.min(fuzzyRules.textAlone, fuzzyRules.reworded.text, fuzzyRules.short.text);
  // Edit distance is at least the difference in length: skip pairs that cannot reach the lowest threshold.
  if (Math.min(a.length, b.length) < floor * Math.max(a.length, b.length)) return undefined;
  const text = similarity(a, b);
  if (text < floor) return undefined;
  const context = contextSimilarity(entry, claim);
  const words = Math.min(wordCount(a), wordCount(b));
  const accepted =
    words < fuzzyRules.shortWords
      ? text >= fuzzyRules.short.text && context >= fuzzyRules.short.context
      : text >= fuzzyRules.textAlone || (text >= fuzzyRules.reworded.text && context >= fuzzyRules.reworded.context);
  return accepted ? fuzzyRules.textWeight * text + (1 - fuzzyRules.textWeight) * context : undefined;
}

/** How alike the neighbours are, 0-1: the mean of the two sides; two empty sides (both at an end) agree fully. */
function contextSimilarity(entry: Placed, claim: Placed): number {
  const side = (x: string, y: string) => (x === '' && y === '' ? 1 : x === '' || y === '' ? 0 : similarity(comparable(x), comparable(y)));
  return (side(entry.before, claim.before) + side(entry.after, claim.after)) / 2;
}

const dmp = new DiffMatchPatch();
// Similar texts diff fast; the timeout only bounds the cost of very unlike ones, which are refused anyway.
dmp.Diff_Timeout = 0.05;

/** 1 − character edit distance ÷ length of the longer text. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return 1 - dmp.diff_levenshtein(dmp.diff_main(a, b, false)) / longer;
}

function comparable(text: string): string {
  return claimKey(text).toLowerCase();
}

function wordCount(text: string): number {
  return text.split(' ').filter((word) => word !== '').length;
}

/** The entry's earlier wordings, with its recorded text added when the claim now reads otherwise. */
function earlierWordings(entry: LedgerEntry, key: string): string[] | undefined {
  const list = (entry.earlier ?? []).filter((text) => claimKey(text) !== key);
  if (claimKey(entry.text) !== key && !list.some((text) => claimKey(text) === claimKey(entry.text))) list.push(entry.text);
  return list.length > 0 ? list : undefined;
}
