import type { PreparedClaim, Term } from './prepare-claim.ts';

/**
 * Names of the values `matchFeatures` returns, in order; matcher-model.json stores one weight per name.
 * Every feature is symmetric in its two claims, so aligning A with B and B with A gives the same scores.
 */
export const FEATURE_NAMES = [
  'contentDice',
  'contentCoverMin',
  'contentCoverMax',
  'unmatchedContentMax',
  'unmatchedContentMin',
  'plainDice',
  'wordDice',
  'bigramDice',
  'trigramDice',
  'lcsLonger',
  'lcsShorter',
  'editSimilarity',
  'bleu',
  'meteor',
  'namesUnmatched',
  'numbersDiffer',
  'numbersOneSided',
  'negationDiffers',
  'polarityConflict',
  'logLength',
  'softCoverMin',
  'softCoverMax',
  'rareCoverMin',
  'rareCoverMax',
  'unsharedSimilarity',
  'sharedWeight',
  'uncoveredWeightMin',
  'uncoveredWeightMax',
  'wholeAgreement',
  'partAgreement',
  'clauseAgreement',
] as const;

/**
 * The features of a pair of prepared claims, in the order of FEATURE_NAMES: how much of their content they
 * share (Dice, how much of each claim the other covers, how many content words are left over), phrasing and
 * word order (n-gram overlap, longest common subsequence, word edit distance, BLEU- and METEOR-like scores),
 * and the mismatches that change a claim (names, numbers, negation, a word negated on one
 * side only), plus length.
 * Values are plain numbers, mostly in [0, 1]; counts are log-scaled.
 */
export function matchFeatures(a: PreparedClaim, b: PreparedClaim): number[] {
  const sharedContent = intersection(a.content, b.content);
  const onlyA = a.content.size - sharedContent;
  const onlyB = b.content.size - sharedContent;
  const plainA = a.content.size - a.names.size;
  const plainB = b.content.size - b.names.size;
  const sharedPlain = sharedPlainWords(a, b);
  let namesUnmatched = 0;
  for (const s of a.names) if (!b.content.has(s)) namesUnmatched++;
  for (const s of b.names) if (!a.content.has(s)) namesUnmatched++;
  const numbersShared = intersection(a.numbers, b.numbers);
  const bothNumbers = a.numbers.size > 0 && b.numbers.size > 0;
  const lcs = longestCommonSubsequence(a.stems, b.stems);
  const [la, lb] = [a.stems.length, b.stems.length];
  const shared: Shared = {
    words: intersection(a.words, b.words),
    bigrams: intersection(a.bigrams, b.bigrams),
    trigrams: intersection(a.trigrams, b.trigrams),
  };
  return [
    dice(sharedContent, a.content.size, b.content.size),
    ratio(sharedContent, Math.max(a.content.size, b.content.size)),
    ratio(sharedContent, Math.min(a.content.size, b.content.size)),
    Math.log1p(Math.max(onlyA, onlyB)),
    Math.log1p(Math.min(onlyA, onlyB)),
    dice(sharedPlain, plainA, plainB),
    dice(shared.words, a.words.size, b.words.size),
    dice(shared.bigrams, a.bigrams.size, b.bigrams.size),
    dice(shared.trigrams, a.trigrams.size, b.trigrams.size),
    ratio(lcs, Math.max(la, lb)),
    ratio(lcs, Math.min(la, lb)),
    1 - ratio(editDistance(a.stems, b.stems), Math.max(la, lb)),
    (bleu(a, b, shared) + bleu(b, a, shared)) / 2,
    (meteor(a.stems, b.stems) + meteor(b.stems, a.stems)) / 2,
    Math.log1p(namesUnmatched),
    bothNumbers && (numbersShared < a.numbers.size || numbersShared < b.numbers.size) ? 1 : 0,
    (a.numbers.size > 0) !== (b.numbers.size > 0) ? 1 : 0,
    (a.negations > 0) !== (b.negations > 0) ? 1 : 0,
    negatesOther(a, b) || negatesOther(b, a) ? 1 : 0,
    Math.log1p((la + lb) / 2),
    ...alignmentFeatures(a, b),
    ...clauseFeatures(a, b),
  ];
}

/**
 * How well the two claims say each other's words, as a whole and clause by clause: the best agreement (the
 * harmonic mean of the share of each side's weight the other side says) of the whole claims, of one whole
 * claim with a run of clauses of the other (a short sentence said within a long one), and of two runs of
 * clauses (a fact both carry among others). See clauseAgreement for the runs.
 */
function clauseFeatures(a: PreparedClaim, b: PreparedClaim): number[] {
  const best = bestRuns(a, b);
  return [best.whole, best.part, best.clauses];
}

/** Longest run of adjacent clauses a part match may align with. */
const MAX_RUN = 3;

export interface RunAgreement {
  whole: number;
  part: number;
  clauses: number;
  /** The run of each side behind `part`: clause numbers [first, last]; the whole claim on the other side. */
  partRun?: { side: 'a' | 'b'; first: number; last: number };
}

/** See clauseFeatures. Symmetric: swapping the claims swaps the sides of partRun only. */
export function bestRuns(a: PreparedClaim, b: PreparedClaim): RunAgreement {
  const na = a.terms.length;
  const nb = b.terms.length;
  if (na === 0 || nb === 0) return { whole: 0, part: 0, clauses: 0 };
  const credits = termCredits(a, b);
  const ca = (a.terms[na - 1]?.clause ?? 0) + 1;
  const cb = (b.terms[nb - 1]?.clause ?? 0) + 1;
  const runsA = runs(ca);
  const runsB = runs(cb);
  // best[i][c]: the best credit of a's term i among b's terms of clause c, and the same the other way.
  const bestA = new Float64Array(na * cb);
  const bestB = new Float64Array(nb * ca);
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const s = credits[i * nb + j]!;
      const kb = i * cb + b.terms[j]!.clause;
      if (s > bestA[kb]!) bestA[kb] = s;
      const ka = j * ca + a.terms[i]!.clause;
      if (s > bestB[ka]!) bestB[ka] = s;
    }
  }
  const cover = (
    terms: Term[], best: Float64Array, width: number, run: [number, number], other: [number, number],
  ): number => {
    let said = 0;
    let total = 0;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      if (t.clause < run[0] || t.clause > run[1]) continue;
      let s = 0;
      for (let c = other[0]; c <= other[1]; c++) if (best[i * width + c]! > s) s = best[i * width + c]!;
      said += t.weight * s;
      total += t.weight;
    }
    return total === 0 ? 0 : said / total;
  };
  const agreement = (ra: [number, number], rb: [number, number]) => {
    const x = cover(a.terms, bestA, cb, ra, rb);
    const y = cover(b.terms, bestB, ca, rb, ra);
    return x + y === 0 ? 0 : (2 * x * y) / (x + y);
  };
  const allA: [number, number] = [0, ca - 1];
  const allB: [number, number] = [0, cb - 1];
  const whole = agreement(allA, allB);
  let part = whole;
  let partRun: RunAgreement['partRun'];
  for (const rb of runsB) {
    const v = agreement(allA, rb);
    if (v > part) [part, partRun] = [v, { side: 'b', first: rb[0], last: rb[1] }];
  }
  for (const ra of runsA) {
    const v = agreement(ra, allB);
    if (v > part) [part, partRun] = [v, { side: 'a', first: ra[0], last: ra[1] }];
  }
  let clauses = part;
  for (const ra of runsA) for (const rb of runsB) clauses = Math.max(clauses, agreement(ra, rb));
  return { whole, part, clauses, ...(partRun && { partRun }) };
}

/** Runs of 1 to MAX_RUN adjacent clauses among `count`, the whole claim left out. */
function runs(count: number): [number, number][] {
  const out: [number, number][] = [];
  for (let first = 0; first < count; first++) {
    for (let last = first; last < Math.min(count, first + MAX_RUN); last++) {
      if (first !== 0 || last !== count - 1) out.push([first, last]);
    }
  }
  return out;
}

/** credit() of every term of `a` against every term of `b`, row by row. */
function termCredits(a: PreparedClaim, b: PreparedClaim): Float64Array {
  const nb = b.terms.length;
  const out = new Float64Array(a.terms.length * nb);
  const space = a.space && a.space === b.space ? a.space : undefined;
  a.terms.forEach((t, i) => {
    for (let j = 0; j < nb; j++) {
      const u = b.terms[j]!;
      if (t.stem === u.stem) out[i * nb + j] = 1;
      else if (space && !t.exact && !u.exact && t.vector >= 0 && u.vector >= 0) {
        out[i * nb + j] = credit(space.similarity(t.vector, u.vector));
      }
    }
  });
  return out;
}

/**
 * Below this cosine two words are not taken for one another: unrelated words of one topic sit near 0.3 in
 * the space, synonyms and inflections above 0.5.
 */
const SIMILAR_FLOOR = 0.3;

/** How well a word counts as said by the other claim: 1 for the same stem, its cosine scaled above the floor. */
function credit(similarity: number): number {
  return similarity >= 1 ? 1 : similarity <= SIMILAR_FLOOR ? 0 : (similarity - SIMILAR_FLOOR) / (1 - SIMILAR_FLOOR);
}

/**
 * The best similarity of each term of `a` to a term of `b`: 1 for the same stem; for two words both known to
 * the space, their cosine; otherwise 0 (names and numbers only ever match themselves).
 */
export function bestSimilarities(a: PreparedClaim, b: PreparedClaim): { score: Float64Array; at: Int32Array } {
  const score = new Float64Array(a.terms.length);
  const at = new Int32Array(a.terms.length).fill(-1);
  const space = a.space && a.space === b.space ? a.space : undefined;
  a.terms.forEach((t, i) => {
    if (b.content.has(t.stem)) {
      score[i] = 1;
      at[i] = b.terms.findIndex((u) => u.stem === t.stem);
      return;
    }
    if (!space || t.exact || t.vector < 0) return;
    for (let j = 0; j < b.terms.length; j++) {
      const u = b.terms[j]!;
      if (u.exact || u.vector < 0) continue;
      const s = space.similarity(t.vector, u.vector);
      if (s > score[i]!) {
        score[i] = s;
        at[i] = j;
      }
    }
  });
  return { score, at };
}

/**
 * Word alignment of the two claims, each way (every word to its closest word in the other claim, weighted by
 * rarity), made symmetric by taking the lesser and the greater of the two directions: how much of each claim
 * the other says in any words (soft), in the same words weighted by rarity (rare), how alike the words they
 * do not share are, how much weight they share, and how much each leaves unsaid.
 */
function alignmentFeatures(a: PreparedClaim, b: PreparedClaim): number[] {
  const ab = direction(a, b);
  const ba = direction(b, a);
  const unsharedCount = ab.unsharedCount + ba.unsharedCount;
  return [
    Math.min(ab.soft, ba.soft),
    Math.max(ab.soft, ba.soft),
    Math.min(ab.rare, ba.rare),
    Math.max(ab.rare, ba.rare),
    unsharedCount === 0 ? 1 : (ab.unsharedSum + ba.unsharedSum) / unsharedCount,
    Math.log1p(ab.sharedWeight),
    Math.log1p(Math.min(ab.uncovered, ba.uncovered)),
    Math.log1p(Math.max(ab.uncovered, ba.uncovered)),
  ];
}

function direction(a: PreparedClaim, b: PreparedClaim) {
  const { score } = bestSimilarities(a, b);
  let total = 0;
  let soft = 0;
  let rare = 0;
  let unsharedSum = 0;
  let unsharedCount = 0;
  let uncovered = 0;
  a.terms.forEach((t, i) => {
    const s = score[i]!;
    total += t.weight;
    soft += t.weight * credit(s);
    if (s >= 1) rare += t.weight;
    else {
      unsharedSum += s;
      unsharedCount++;
      uncovered += t.weight * (1 - credit(s));
    }
  });
  return {
    soft: total === 0 ? 0 : soft / total,
    rare: total === 0 ? 0 : rare / total,
    unsharedSum,
    unsharedCount,
    sharedWeight: rare,
    uncovered,
  };
}

/**
 * Content words the two claims share that are names on neither side: what they both state, beyond who and
 * where it is about.
 */
export function sharedPlainWords(a: PreparedClaim, b: PreparedClaim): number {
  let n = 0;
  for (const s of a.content) if (!a.names.has(s) && b.content.has(s) && !b.names.has(s)) n++;
  return n;
}

/** Whether `a` negates a word that `b` states plainly ("did not resign" against "resigned"). */
function negatesOther(a: PreparedClaim, b: PreparedClaim): boolean {
  for (const s of a.negated) if (b.content.has(s) && !b.negated.has(s)) return true;
  return false;
}

function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

function dice(shared: number, na: number, nb: number): number {
  return na + nb === 0 ? 0 : (2 * shared) / (na + nb);
}

function ratio(x: number, total: number): number {
  return total === 0 ? 0 : x / total;
}

function longestCommonSubsequence(a: string[], b: string[]): number {
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const word = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (word === b[j - 1]) row[j] = prev[j - 1] + 1;
      else row[j] = prev[j] >= row[j - 1] ? prev[j] : row[j - 1];
    }
    const done = prev;
    prev = row;
    row = done;
  }
  return prev[b.length];
}

function editDistance(a: string[], b: string[]): number {
  let prev = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const word = a[i - 1];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const replace = prev[j - 1] + (word === b[j - 1] ? 0 : 1);
      const drop = prev[j] + 1;
      const add = row[j - 1] + 1;
      row[j] = replace < drop ? (replace < add ? replace : add) : drop < add ? drop : add;
    }
    const done = prev;
    prev = row;
    row = done;
  }
  return prev[b.length];
}

/** How many distinct words, bigrams and trigrams two claims share. */
interface Shared {
  words: number;
  bigrams: number;
  trigrams: number;
}

/** Smoothed BLEU of `hyp` against `ref` over distinct 1- to 3-grams (`shared` between them), with the brevity penalty. */
function bleu(hyp: PreparedClaim, ref: PreparedClaim, shared: Shared): number {
  const p1 = (shared.words + 1) / (hyp.words.size + 1);
  const p2 = (shared.bigrams + 1) / (hyp.bigrams.size + 1);
  const p3 = (shared.trigrams + 1) / (hyp.trigrams.size + 1);
  const brevity = hyp.stems.length >= ref.stems.length ? 1 : Math.exp(1 - ref.stems.length / Math.max(1, hyp.stems.length));
  return brevity * Math.cbrt(p1 * p2 * p3);
}

/**
 * METEOR-like score of `hyp` against `ref`: the harmonic mean of word precision and recall, discounted for
 * fragmentation (matched words that come in many separate runs mean a different order).
 */
function meteor(hyp: string[], ref: string[]): number {
  const used = new Uint8Array(ref.length);
  let matches = 0;
  let chunks = 0;
  let last = -2;
  for (const w of hyp) {
    let k = -1;
    if (last + 1 < ref.length && !used[last + 1] && ref[last + 1] === w) k = last + 1;
    else for (let j = 0; j < ref.length; j++) if (!used[j] && ref[j] === w) { k = j; break; }
    if (k < 0) {
      last = -2;
      continue;
    }
    used[k] = 1;
    matches++;
    if (k !== last + 1) chunks++;
    last = k;
  }
  if (matches === 0) return 0;
  const p = matches / hyp.length;
  const r = matches / ref.length;
  const f = (2 * p * r) / (p + r);
  return f * (1 - 0.5 * (chunks / matches) ** 3);
}
