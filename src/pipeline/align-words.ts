import type { PreparedClaim, Term } from './prepare-claim.ts';

/**
 * The word alignment of two prepared claims: every content word of each side against every content word of
 * the other, read once per pair for both the matcher's features (match-features.ts) and the span of a part
 * match (find-part.ts). A word pair scores 1 for the same stem; for two words the vector space knows, neither
 * a name nor a number, their cosine; otherwise 0 (names and numbers only ever match themselves: vectors put
 * Pakistan beside India and 12 beside 15). A claim's terms are its first MAX_TERMS content words (see
 * prepare-claim.ts), so the table stays small however long the claims.
 */
export interface WordAlignment {
  a: PreparedClaim;
  b: PreparedClaim;
  /** Row i, column j: how alike term i of `a` and term j of `b` are (see above). */
  similarity: Float32Array;
}

export function alignWords(a: PreparedClaim, b: PreparedClaim): WordAlignment {
  const nb = b.terms.length;
  const similarity = new Float32Array(a.terms.length * nb);
  const space = a.space && a.space === b.space ? a.space : undefined;
  for (let i = 0; i < a.terms.length; i++) {
    const t = a.terms[i]!;
    const row = i * nb;
    const soft = space !== undefined && !t.exact && t.vector >= 0;
    for (let j = 0; j < nb; j++) {
      const u = b.terms[j]!;
      if (t.stem === u.stem) similarity[row + j] = 1;
      else if (soft && !u.exact && u.vector >= 0) similarity[row + j] = space.similarity(t.vector, u.vector);
    }
  }
  return { a, b, similarity };
}

/**
 * Below this cosine two words are not taken for one another: unrelated words of one topic sit near 0.3 in
 * the space, synonyms and inflections above 0.5.
 */
const SIMILAR_FLOOR = 0.3;

/** How well a word counts as said by the other claim: 1 for the same stem, its cosine scaled above the floor. */
export function credit(similarity: number): number {
  return similarity >= 1 ? 1 : similarity <= SIMILAR_FLOOR ? 0 : (similarity - SIMILAR_FLOOR) / (1 - SIMILAR_FLOOR);
}

/** One direction of an alignment: how much of one claim the other says. */
export interface AlignedSide {
  /** Share of the claim's rarity weight the other claim says, in any words (credit) and in the same words. */
  soft: number;
  rare: number;
  /** The best similarities of the words it does not share, summed, and how many there are. */
  unsharedSum: number;
  unsharedCount: number;
  /** Rarity weight of the words it shares, and of what it leaves unsaid. */
  sharedWeight: number;
  uncovered: number;
}

/** Each word of `a` (side 'a') or `b` (side 'b') against its closest word on the other side, weighted by rarity. */
export function alignedSide(alignment: WordAlignment, side: 'a' | 'b'): AlignedSide {
  const { a, b, similarity } = alignment;
  const [terms, other] = side === 'a' ? [a.terms, b.terms] : [b.terms, a.terms];
  const nb = b.terms.length;
  let total = 0;
  let soft = 0;
  let rare = 0;
  let unsharedSum = 0;
  let unsharedCount = 0;
  let uncovered = 0;
  for (let i = 0; i < terms.length; i++) {
    let s = 0;
    for (let j = 0; j < other.length; j++) {
      const v = side === 'a' ? similarity[i * nb + j]! : similarity[j * nb + i]!;
      if (v > s) s = v;
    }
    const w = terms[i]!.weight;
    total += w;
    soft += w * credit(s);
    if (s >= 1) rare += w;
    else {
      unsharedSum += s;
      unsharedCount++;
      uncovered += w * (1 - credit(s));
    }
  }
  return {
    soft: total === 0 ? 0 : soft / total,
    rare: total === 0 ? 0 : rare / total,
    unsharedSum,
    unsharedCount,
    sharedWeight: rare,
    uncovered,
  };
}

/** Longest run of adjacent clauses a part match may align with. */
const MAX_RUN = 3;

export interface RunAgreement {
  /** Agreement (see bestRuns) of the whole claims. */
  whole: number;
  /** The best agreement of one whole claim with a run of clauses of the other (the whole claims included). */
  part: number;
  /** The best agreement of a run of clauses of each (the above included). */
  clauses: number;
  /** The run behind `part` when it beats the whole claims: its side and clause numbers [first, last]. */
  partRun?: { side: 'a' | 'b'; first: number; last: number };
}

/**
 * How well the two claims say each other's words, as wholes and clause by clause. The agreement of two
 * stretches is the harmonic mean of the share of each one's rarity weight that the other says (each word
 * credited with its closest word there). Stretches are whole claims and runs of 1 to MAX_RUN adjacent clauses
 * (see Term.clause). Symmetric: swapping the claims swaps the side of partRun only.
 */
export function bestRuns(alignment: WordAlignment): RunAgreement {
  const { a, b, similarity } = alignment;
  const na = a.terms.length;
  const nb = b.terms.length;
  if (na === 0 || nb === 0) return { whole: 0, part: 0, clauses: 0 };
  const ca = a.terms[na - 1]!.clause + 1;
  const cb = b.terms[nb - 1]!.clause + 1;
  const stretchesA = stretches(ca);
  const stretchesB = stretches(cb);
  // said[k][c]: weight of clause c's words said by stretch k of the other side (each word's best credit there).
  const saidA = saidBy(a.terms, ca, stretchesB, (i, j) => similarity[i * nb + j]!, b.terms, cb);
  const saidB = saidBy(b.terms, cb, stretchesA, (j, i) => similarity[i * nb + j]!, a.terms, ca);
  const weightA = clauseWeights(a.terms, ca);
  const weightB = clauseWeights(b.terms, cb);
  const agreement = (ka: number, kb: number) => {
    const x = share(saidA[kb]!, weightA, stretchesA[ka]!);
    const y = share(saidB[ka]!, weightB, stretchesB[kb]!);
    return x + y === 0 ? 0 : (2 * x * y) / (x + y);
  };
  // Stretch 0 is the whole claim on both sides.
  const whole = agreement(0, 0);
  let part = whole;
  let partRun: RunAgreement['partRun'];
  for (let kb = 1; kb < stretchesB.length; kb++) {
    const v = agreement(0, kb);
    if (v > part) [part, partRun] = [v, { side: 'b', first: stretchesB[kb]![0], last: stretchesB[kb]![1] }];
  }
  for (let ka = 1; ka < stretchesA.length; ka++) {
    const v = agreement(ka, 0);
    if (v > part) [part, partRun] = [v, { side: 'a', first: stretchesA[ka]![0], last: stretchesA[ka]![1] }];
  }
  let clauses = part;
  for (let ka = 1; ka < stretchesA.length; ka++) {
    for (let kb = 1; kb < stretchesB.length; kb++) clauses = Math.max(clauses, agreement(ka, kb));
  }
  return { whole, part, clauses, ...(partRun && { partRun }) };
}

/** The whole claim, then every run of 1 to MAX_RUN adjacent clauses of `count` that is not the whole. */
function stretches(count: number): [number, number][] {
  const out: [number, number][] = [[0, count - 1]];
  for (let first = 0; first < count; first++) {
    for (let last = first; last < Math.min(count, first + MAX_RUN); last++) {
      if (first !== 0 || last !== count - 1) out.push([first, last]);
    }
  }
  return out;
}

/**
 * For each stretch of the other side, the weight of each clause of `terms` said there: Σ weight × the best
 * credit among the other side's words in the stretch. Each word's best similarity in each clause of the other
 * side is found once, so a stretch costs a look at each of its clauses rather than at each of its words.
 */
function saidBy(
  terms: readonly Term[],
  clauses: number,
  otherStretches: readonly [number, number][],
  similarity: (own: number, other: number) => number,
  otherTerms: readonly Term[],
  otherClauses: number,
): Float64Array[] {
  // best[i * otherClauses + c]: the best similarity of word i among the other side's words in clause c, or 0.
  const best = new Float32Array(terms.length * otherClauses);
  for (let i = 0; i < terms.length; i++) {
    for (let j = 0; j < otherTerms.length; j++) {
      const at = i * otherClauses + otherTerms[j]!.clause;
      const s = similarity(i, j);
      if (s > best[at]!) best[at] = s;
    }
  }
  return otherStretches.map(([first, last]) => {
    const said = new Float64Array(clauses);
    for (let i = 0; i < terms.length; i++) {
      let top = 0;
      for (let c = first; c <= last; c++) {
        const s = best[i * otherClauses + c]!;
        if (s > top) top = s;
      }
      said[terms[i]!.clause]! += terms[i]!.weight * credit(top);
    }
    return said;
  });
}

function clauseWeights(terms: readonly Term[], clauses: number): Float64Array {
  const weights = new Float64Array(clauses);
  for (const t of terms) weights[t.clause]! += t.weight;
  return weights;
}

/** Share of the stretch's weight that is said. */
function share(said: Float64Array, weights: Float64Array, [first, last]: [number, number]): number {
  let s = 0;
  let w = 0;
  for (let c = first; c <= last; c++) {
    s += said[c]!;
    w += weights[c]!;
  }
  return w === 0 ? 0 : s / w;
}
