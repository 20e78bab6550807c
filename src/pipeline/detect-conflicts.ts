import type { Conflict, ConflictKind } from './types.ts';
import { wordTokens, type ReadWords, type WordToken } from './normalize-text.ts';
import { stopwords } from './stopwords.ts';
import {
  alignSlots, contextEvidence, firstToken, mentionContext, openingClause, pairMentions, slotFits, slotTable, slotsOf,
  type MentionContext,
} from './pair-mentions.ts';
import { countedOutcome, findQuantities, quantitiesDisagree, type Quantity } from './find-quantities.ts';
import { datesComparable, datesDisagree, datesEqual, findDates, type DateMention } from './find-dates.ts';
import {
  differentNames, findTitledNames, isGenericTitle, isSharedTitle, sameName, titlesDisagree, type TitledName,
} from './find-names.ts';
import { findAttributions, sameSource, type Attribution } from './find-attributions.ts';

/**
 * The points on which two claims already judged to state the same thing disagree: numbers, dates, names and
 * titles, and who is said to be the source (the rules are with each finder). Each conflict's `a` and `b`
 * are short exact substrings of the two claims as written; conflicts come in reading order of claim `a`,
 * without duplicates. Something stated in one claim only is an omission, never a conflict, and a mention is
 * compared only with the mention of the other claim that fills the same slot: precision comes before recall,
 * since a false conflict tells the reader two outlets disagree when they do not; for the same reason a claim
 * that holds more mentions of a kind than conflictFacts compares (a table or timeline pasted as one sentence)
 * has none of that kind compared. The finders read English;
 * other languages get no conflicts rather than wrong ones. `read` is conflictFacts, or a caller's memo of it
 * (see text-memo.ts). `whole` gives the claims `a` and `b` are parts of, where only parts are compared (a part
 * match): a figure stated anywhere in the other whole claim is in no conflict.
 */
export function detectConflicts(
  a: string,
  b: string,
  lang = 'en',
  read: (text: string, lang: string) => ClaimFacts = conflictFacts,
  whole: { a: string; b: string } = { a, b },
): Conflict[] {
  if (lang.toLowerCase().split('-')[0] !== 'en') return [];
  const [x, y] = [read(a, lang), read(b, lang)];
  const slots = alignSlots(x.tokens, y.tokens);
  const stated = { x: (whole.a === a ? x : read(whole.a, lang)).quantities, y: (whole.b === b ? y : read(whole.b, lang)).quantities };
  const found = [
    ...numberConflicts(x, y, slots, stated),
    ...dateConflicts(x, y, slots),
    ...nameConflicts(x, y),
    ...attributionConflicts(x, y),
  ];
  found.sort((p, q) => p.at - q.at || KINDS.indexOf(p.kind) - KINDS.indexOf(q.kind));
  const seen = new Set<string>();
  const conflicts: Conflict[] = [];
  for (const { kind, a: spanA, b: spanB } of found) {
    const conflict = { kind, a: a.slice(spanA.start, spanA.end), b: b.slice(spanB.start, spanB.end) };
    const key = JSON.stringify(conflict);
    if (!seen.has(key)) conflicts.push(conflict);
    seen.add(key);
  }
  return conflicts;
}

type Span = { start: number; end: number };
type Found = { kind: ConflictKind; at: number; a: Span; b: Span };
const KINDS: ConflictKind[] = ['number', 'date', 'name', 'attribution'];

/** What detectConflicts compares in one claim: its words and the mentions the finders read in it. */
export interface ClaimFacts {
  text: string;
  tokens: WordToken[];
  /**
   * `outcome`: what happened to the people counted (countedOutcome), or `''`; `adds`: the number adds to
   * another count ("two more", "another two"), so the claim gives a count in parts.
   */
  quantities: (Quantity & { context: MentionContext; outcome: string; adds: boolean })[];
  /** `opens`: the stems of the clause a date opens ("On Friday, the army said"), or [] (see openingClause). */
  dates: (DateMention & { context: MentionContext; opens: string[] })[];
  names: TitledName[];
  attributions: Attribution[];
}

/**
 * The facts of one claim; `words` is wordTokens or a caller's memo of it. Read-only for every caller. A kind
 * of mention the claim holds more of than MAX_MENTIONS (names and attributions: MAX_NAMED) is left out.
 */
export function conflictFacts(text: string, lang: string, words: ReadWords = wordTokens): ClaimFacts {
  const tokens = words(text, lang);
  const stop = stopwords(lang);
  const withContext = <T extends Span>(m: T) => ({ ...m, context: mentionContext(text, tokens, stop, m.start, m.end) });
  const dates = findDates(text);
  const lead = firstToken(tokens, (t) => !stop.has(t.norm));
  return {
    text,
    tokens,
    dates: few(dates, MAX_MENTIONS).map((d) => ({ ...withContext(d), opens: openingClause(text, tokens, stop, d.start, d.end, lead) })),
    quantities: few(findQuantities(text, tokens, dates), MAX_MENTIONS).map((q) => {
      // Only a count of people, or of nothing named, takes its sense from what happened to them.
      const near = mentionContext(text, tokens, stop, q.start, q.end, 4);
      const counted = near.after[0];
      const people = counted === undefined || WEAK_COUNTS.has(counted) || countedOutcome([counted]) !== '';
      const adds = /^\s+(?:more|others?)\b/i.test(text.slice(q.end, q.end + 8)) ||
        /\banother\s+$/i.test(text.slice(Math.max(0, q.start - 9), q.start));
      return { ...withContext(q), outcome: people ? countedOutcome([...near.earlier, ...near.after]) : '', adds };
    }),
    names: few(findTitledNames(text, tokens), MAX_NAMED),
    attributions: few(findAttributions(text), MAX_NAMED),
  };
}

/** The mentions, or none when there are more than `most`. */
const few = <T>(mentions: T[], most: number): T[] => (mentions.length > most ? [] : mentions);

/**
 * Most dates, and most quantities, a claim may hold for them to be compared with the other claim's: every
 * mention is weighed against every mention of its kind there. The most any claim of the stories and corpora
 * the site is measured on holds is 9 quantities and 4 dates. A claim with more than a hundred is a table or a
 * timeline pasted as one sentence: which of its figures answers which of the other claim's cannot be told,
 * and a false conflict costs the reader more than a missed one, so that kind is compared as text only (the
 * diff still shows every figure that differs).
 */
export const MAX_MENTIONS = 100;
/**
 * The same bound for titled names and for attributions, each weighed against every one of the other claim
 * through every name it gives; real claims hold at most 3 titled names and 2 attributions.
 */
export const MAX_NAMED = 20;

const found = (kind: ConflictKind, a: Span, b: Span): Found => ({ kind, at: a.start, a, b });
/** Pairing score of two mentions that say exactly the same thing: they are paired before anything else. */
const IDENTICAL = 100;

/**
 * Quantities of the same unit pair up when they stand in the same place of the two wordings (see alignSlots)
 * and either the words around them agree or each fills its gap nearly alone (slotFits); or, wherever they
 * stand, when both the thing counted and the word before agree, or when each is the only count of people
 * to whom the same thing happened in its claim (countedOutcome: "the death toll rose to 9" / "11 people
 * died"). They never pair when they count different things: people to whom different things happened
 * ("12 killed" / "15 people on board"), or different nouns right after the figures ("14 points" / "two
 * goals"). "people" after both figures is no agreement, and a claim that gives a count in parts ("six died
 * at the bridge and three more in hospital") has no only count. Equal quantities pair first and agreeing
 * pairs are preferred, so a number present in one claim only is an omission: "27 helicopters and 3 drones"
 * / "27 helicopters". A figure the other claim also states, in whatever place, is in no conflict: "profit
 * will fall to 1.5 trillion yen from 2.31 trillion" / "profit will fall to 1.5 trillion yen" agree.
 */
function numberConflicts(
  x: ClaimFacts,
  y: ClaimFacts,
  [slotsX, slotsY]: [number[], number[]],
  stated: { x: readonly Quantity[]; y: readonly Quantity[] },
): Found[] {
  // Each quantity with its slots and whether it is its claim's only count of what it counts (see above).
  const place = (c: ClaimFacts, slots: number[]) => {
    const placed = c.quantities.map((q) => ({ ...q, slots: slotsOf(c.tokens, slots, q.start, q.end) }));
    return placed.map((q) => ({
      ...q,
      sole: placed.every((r) => r === q || r.unit !== q.unit || (r.outcome !== q.outcome && !r.adds)),
    }));
  };
  const [px, py] = [place(x, slotsX), place(y, slotsY)];
  const [tableX, tableY] = [slotTable(x.tokens, slotsX, STOP, WEAK_COUNTS), slotTable(y.tokens, slotsY, STOP, WEAK_COUNTS)];
  // How many quantities stand in each slot: a slot that holds two says nothing of which of them fits it.
  const holders = (list: typeof px) => {
    const count = new Map<number, number>();
    for (const q of list) for (const slot of new Set(q.slots)) count.set(slot, (count.get(slot) ?? 0) + 1);
    return count;
  };
  const [holdersX, holdersY] = [holders(px), holders(py)];
  return pairMentions(px, py, (p, q) => {
    if (p.unit !== q.unit) return 0;
    if (p.low === q.low && p.high === q.high) return IDENTICAL;
    if (p.outcome !== '' && q.outcome !== '' && p.outcome !== q.outcome) return 0;
    const sameOutcome = p.outcome !== '' && p.outcome === q.outcome;
    if (!sameOutcome && countsApart(p.context, q.context)) return 0;
    const context = contextEvidence(p.context, q.context, WEAK_COUNTS);
    const slot = p.slots.find((s) => q.slots.includes(s));
    const fits = slot !== undefined && slotFits(tableX, p.slots, slot) && slotFits(tableY, q.slots, slot) &&
      (holdersX.get(slot) ?? 0) <= 1 && (holdersY.get(slot) ?? 0) <= 1;
    const aligned = slot !== undefined && (slot % 2 === 1 || context > 0 || fits);
    const onlyCount = sameOutcome && p.sole && q.sole;
    const base = aligned ? 2 : context === 2 || onlyCount ? 1 : 0;
    return base === 0 ? 0 : base + context / 2 + (quantitiesDisagree(p, q) ? 0 : 0.25);
  })
    .filter(([p, q]) => quantitiesDisagree(p, q) && !statedIn(p, stated.y) && !statedIn(q, stated.x))
    .map(([p, q]) => found('number', p, q));
}

/**
 * Whether `others` state the figure `q` states, of the same unit: the same exact value, or a bound written with
 * the same number ("at least 935 billion yen" / "935 billion yen"). An open bound agrees with many figures
 * ("at least 12" with 100), so agreeing is not enough.
 */
function statedIn(q: Quantity, others: readonly Quantity[]): boolean {
  const sameBound = (x: number, y: number) => Number.isFinite(x) && x === y;
  return others.some((o) => o.unit === q.unit && (sameBound(o.low, q.low) || sameBound(o.high, q.high) || (o.exact && q.exact && !quantitiesDisagree(o, q))));
}

/** Each number is followed by the noun it counts, and the nouns differ: "11 minutes" / "one hour". */
function countsApart(x: MentionContext, y: MentionContext): boolean {
  const counted = (c: MentionContext) => (WEAK_COUNTS.has(c.next) ? '' : c.next);
  return counted(x) !== '' && counted(y) !== '' && counted(x) !== counted(y);
}

/**
 * Dates pair up only when something says they date the same event: the same content word stands right
 * before them ("resumed on Wednesday" / "resumed on Thursday") or right after them ("Tuesday's vote" /
 * "Sunday's vote", but not "morning"), or they fill the same gap of the two wordings nearly alone
 * (slotFits), or one opens the clause ("On Thursday, the minister said") that holds the word before the
 * other ("the minister said on Friday"). Being the only date of each claim is not enough: "announced on
 * Saturday" and "Tuesday's vote" date two events. Equal dates pair first, so a list of years in another
 * order ("2000, 2001 and 2002") agrees.
 */
function dateConflicts(x: ClaimFacts, y: ClaimFacts, [slotsX, slotsY]: [number[], number[]]): Found[] {
  // The gaps between shared words that a date's words stand in (a shared word such as the month is no gap).
  const place = (c: ClaimFacts, slots: number[]) =>
    c.dates.map((d) => ({ ...d, gaps: slotsOf(c.tokens, slots, d.start, d.end).filter((s) => s % 2 === 0) }));
  const [tableX, tableY] = [slotTable(x.tokens, slotsX, STOP, WEAK_DATE_WORDS), slotTable(y.tokens, slotsY, STOP, WEAK_DATE_WORDS)];
  const opens = (d: ClaimFacts['dates'][number], e: ClaimFacts['dates'][number]) =>
    e.context.before !== '' && d.opens.includes(e.context.before);
  return pairMentions(place(x, slotsX), place(y, slotsY), (p, q) => {
    if (!datesComparable(p, q)) return 0;
    if (datesEqual(p, q)) return IDENTICAL;
    const fits = p.gaps.some((s) => q.gaps.includes(s) && slotFits(tableX, p.gaps, s) && slotFits(tableY, q.gaps, s));
    const [c, d] = [p.context, q.context];
    const before = c.before !== '' && c.before === d.before;
    const next = c.next !== '' && c.next === d.next && !WEAK_DATE_WORDS.has(c.next);
    const evidence = Number(before) + Number(next) + Number(fits) + Number(opens(p, q) || opens(q, p));
    return evidence > 0 ? evidence + (datesDisagree(p, q) ? 0 : 0.5) : 0;
  })
    .filter(([p, q]) => datesDisagree(p, q))
    .map(([p, q]) => found('date', p, q));
}

const STOP = stopwords('en');
const stems = (words: string) => new Set(wordTokens(words, 'en').map((t) => t.stem));
/** Words beside a number that say nothing of what it counts ("the first 14 points", "the first since 1977"). */
const WEAK_COUNTS = stems('people person persons others individuals first last next only total');
/** Words that follow a date as part of it ("on Friday morning"), whatever event it dates. */
const WEAK_DATE_WORDS = stems('morning afternoon evening night midnight noon overnight');

/**
 * Two kinds of name conflict. The same person (sameName) with titles that cannot both be right: the titles
 * are marked. Otherwise, one office held by clearly different people (differentNames): the names are marked,
 * but only when both hold exactly that office (a "Minister" is not the "Prime Minister"), it is the only
 * match on both sides, the offices do not belong to different owners ("Pakistan's minister" against
 * "India's minister"), an office that many hold at once (isSharedTitle) or a generic role names the same
 * owner on both sides, and neither name appears anywhere in the other claim.
 */
function nameConflicts(x: ClaimFacts, y: ClaimFacts): Found[] {
  const conflicts: Found[] = [];
  const same = pairMentions(x.names, y.names, (p, q) => (sameName(p.words, q.words) ? 1 : 0));
  for (const [p, q] of same) if (titlesDisagree(p.titles, q.titles)) conflicts.push(found('name', p.title, q.title));
  // One set per side: two claims with the same text may share one ClaimFacts, and so the same name objects.
  const pairedX = new Set(same.map(([p]) => p));
  const pairedY = new Set(same.map(([, q]) => q));
  const ownedAlike = (p: TitledName, q: TitledName) => p.owner !== '' && p.owner === q.owner;
  const sameRole = (p: TitledName, q: TitledName) =>
    !pairedX.has(p) && !pairedY.has(q) && !(p.owner && q.owner && p.owner !== q.owner) &&
    p.titles.some((t) => q.titles.includes(t) && (!(isGenericTitle(t) || isSharedTitle(t)) || ownedAlike(p, q)));
  // Each capitalised word once: a long claim repeats its names, and each is compared with a name's last word.
  const capitalised = new Map<ClaimFacts, Set<string>>();
  const mentions = (c: ClaimFacts, words: string[]) => {
    let known = capitalised.get(c);
    if (!known) capitalised.set(c, (known = new Set(c.tokens.filter((t) => /^\p{Lu}/u.test(t.text)).map((t) => t.norm))));
    for (const norm of known) if (sameName([norm], [words.at(-1)!])) return true;
    return false;
  };
  for (const p of x.names) {
    const candidates = y.names.filter((q) => sameRole(p, q));
    if (candidates.length !== 1 || x.names.filter((r) => sameRole(r, candidates[0])).length !== 1) continue;
    const q = candidates[0];
    if (differentNames(p.words, q.words) && !mentions(y, p.words) && !mentions(x, q.words)) {
      conflicts.push(found('name', p.name, q.name));
    }
  }
  return conflicts;
}

/**
 * Both claims name a source and the sets differ: some source of one is neither a source nor the party told in
 * the other ("according to US Central Command" against "PTI reported citing US Central Command"). Marked: the
 * attribution phrase (adjacent phrases joined) that holds the unmatched source, or the first one.
 */
function attributionConflicts(x: ClaimFacts, y: ClaimFacts): Found[] {
  if (x.attributions.length === 0 || y.attributions.length === 0) return [];
  const unmatched = (c: ClaimFacts, other: ClaimFacts) =>
    c.attributions.filter((at) =>
      at.sources.some((s) => !other.attributions.some((o) => o.sources.some((t) => sameSource(s, t)) || sameSource(s, o.recipients))),
    );
  const [ux, uy] = [unmatched(x, y), unmatched(y, x)];
  if (ux.length === 0 && uy.length === 0) return [];
  return [found('attribution', phraseOf(x, ux[0] ?? x.attributions[0]), phraseOf(y, uy[0] ?? y.attributions[0]))];
}

/** The attribution's span widened over the attributions next to it ("PTI reported" + "citing CENTCOM"). */
function phraseOf(c: ClaimFacts, at: Attribution): Span {
  let { start, end } = at;
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of c.attributions) {
      const touches = (o.start >= end && /^\s*$/.test(c.text.slice(end, o.start))) || (o.end <= start && /^\s*$/.test(c.text.slice(o.end, start)));
      if (touches || (o.start < end && o.end > start && (o.start < start || o.end > end))) {
        [start, end, grew] = [Math.min(start, o.start), Math.max(end, o.end), true];
      }
    }
  }
  return { start, end };
}
