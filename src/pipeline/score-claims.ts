import { wordTokens } from './normalize-text.ts';
import { stopwords } from './stopwords.ts';

/*
 * What counts as "the same claim". Thresholds were set on hand-written paraphrase / non-paraphrase pairs
 * (tests/fixtures/alignment) and checked on a sample of the MSR paraphrase corpus; they are not fitted to
 * any story.
 */

/**
 * Minimum similarity for a match. A pair at 0.5 shares, by weight, half of the content of the two claims
 * (Dice) or about two thirds of the shorter one (containment, discounted below); under that, pairs are
 * mostly claims about the same actors saying different things.
 */
export const MATCH_THRESHOLD = 0.5;

/**
 * Containment is discounted against Dice because it ignores everything the longer claim adds: a short claim
 * fully inside a long one still scores 0.8, above the threshold, but a half-contained one does not.
 */
export const CONTAINMENT_FACTOR = 0.8;

/**
 * The shorter claim needs this many distinct content words before containment is trusted: with fewer, one or
 * two common words ("Here are more details.") would be "fully contained" in almost any long sentence.
 */
export const MIN_CONTAINED_TERMS = 4;

/**
 * A match needs at least this many shared content words that are not names, so that two sentences about the
 * same people or places ("NRF leader Ahmad Massoud…") do not match for that alone.
 */
export const MIN_SHARED_CONTENT = 2;

/**
 * Weight of a name (a word capitalised inside a sentence, or an acronym) relative to other words: names tell
 * who a claim is about, not what it states, and news reports repeat them in most sentences.
 */
export const NAME_WEIGHT = 0.35;

/** A claim prepared for scoring: its content terms with weights, computed once per claim. */
export interface ClaimProfile {
  /** Stem -> weight (rarity across the profiled claims, times NAME_WEIGHT for names). */
  weights: Map<string, number>;
  /** Stems that are content words and not names in this claim. */
  plain: Set<string>;
  /** Sum of `weights`. */
  total: number;
  /** All normalised words in order, for telling verbatim copies from paraphrases. */
  sequence: string;
}

export interface ClaimScore {
  /** Similarity in [0, 1]. */
  score: number;
  /** Number of shared content words that are not names. */
  sharedContent: number;
  match: boolean;
}

/**
 * Builds the profiles of a set of claims (for alignment: the claims of both reports). Word weights are
 * inverse document frequencies over this set, so words that many of the claims use count for little.
 */
export function profileClaims(texts: string[], lang = 'en'): ClaimProfile[] {
  const stop = stopwords(lang);
  const capitalisedInside = new Set<string>();
  const lowerCase = new Set<string>();
  const claims = texts.map((text) => {
    const tokens = wordTokens(text, lang);
    const terms: { stem: string; name: boolean; initial: boolean }[] = [];
    tokens.forEach((t, i) => {
      if (stop.has(t.norm) || !/[\p{L}\p{N}]/u.test(t.norm)) return;
      const acronym = /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(t.text);
      const capitalised = /^\p{Lu}/u.test(t.text);
      if (!capitalised) lowerCase.add(t.stem);
      else if (i > 0) capitalisedInside.add(t.stem);
      terms.push({ stem: t.stem, name: acronym || (capitalised && i > 0), initial: capitalised && i === 0 });
    });
    return { terms, sequence: tokens.map((t) => t.norm).join(' ') };
  });
  const df = new Map<string, number>();
  for (const c of claims) for (const stem of new Set(c.terms.map((t) => t.stem))) df.set(stem, (df.get(stem) ?? 0) + 1);
  return claims.map(({ terms, sequence }) => {
    const plain = new Set<string>();
    const named = new Set<string>();
    for (const t of terms) {
      // A capitalised first word is a name when the same word is only ever seen capitalised elsewhere.
      const name = t.name || (t.initial && capitalisedInside.has(t.stem) && !lowerCase.has(t.stem));
      (name ? named : plain).add(t.stem);
    }
    const weights = new Map<string, number>();
    let total = 0;
    for (const stem of new Set([...plain, ...named])) {
      const w = Math.log(1 + texts.length / (df.get(stem) ?? 1)) * (plain.has(stem) ? 1 : NAME_WEIGHT);
      weights.set(stem, w);
      total += w;
    }
    return { weights, plain, total, sequence };
  });
}

/**
 * Similarity of two claims: the larger of weighted Dice (what both state, over all they state) and a
 * discounted containment of the shorter claim in the longer (one long sentence may carry what a short one
 * says). Word order does not matter. A shared word counts with the lower of its two weights, so a word that
 * is a name on either side counts as a name.
 */
export function scoreClaims(a: ClaimProfile, b: ClaimProfile): ClaimScore {
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let shared = 0;
  let sharedContent = 0;
  for (const [stem, w] of small.weights) {
    const other = large.weights.get(stem);
    if (other === undefined) continue;
    shared += Math.min(w, other);
    if (small.plain.has(stem) && large.plain.has(stem)) sharedContent++;
  }
  if (shared === 0) return { score: 0, sharedContent, match: false };
  const dice = (2 * shared) / (a.total + b.total);
  const shorter = a.total <= b.total ? a : b;
  const containment = shorter.weights.size >= MIN_CONTAINED_TERMS ? shared / shorter.total : 0;
  const score = Math.min(1, Math.max(dice, CONTAINMENT_FACTOR * containment));
  return { score, sharedContent, match: score >= MATCH_THRESHOLD && sharedContent >= MIN_SHARED_CONTENT };
}
