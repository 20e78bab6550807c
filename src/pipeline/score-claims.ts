import type { PreparedClaim } from './prepare-claim.ts';
import { FEATURE_NAMES, matchFeatures, sharedPlainWords } from './match-features.ts';
import { sharesQuotation } from './find-quotations.ts';
import trainedModel from './matcher-model.json' with { type: 'json' };

/*
 * What counts as "the same claim": the one decision the site, `npm run match-pairs` and `npm run eval` share.
 * A pair matches when any of three things holds:
 * - the learned model (a logistic regression over match-features.ts, trained on part of the MSR paraphrase
 *   corpus by scripts/train-matcher.ts) says the two sentences are paraphrases;
 * - the shorter claim is contained in the longer one (a long sentence may carry what a short one says, which a
 *   paraphrase corpus labels "not equivalent");
 * - the two claims share a quotation (find-quotations.ts).
 */

/** Weights of the learned model, as scripts/train-matcher.ts writes them to matcher-model.json. */
export interface MatcherModel {
  features: string[];
  /** Mean and standard deviation of each feature on the training data, to standardise it. */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** Probability at and above which the model calls a pair the same claim. */
  threshold: number;
}

export interface ClaimScore {
  /** Similarity in [0, 1], at or above MATCH_SCORE exactly when `match` is true. */
  score: number;
  match: boolean;
  /** Which rule decided a match: `model`, `containment` or `quotation` (the first that holds, in that order). */
  reason?: 'model' | 'containment' | 'quotation';
}

/**
 * A model match needs at least this many shared content words, one of them not a name: the model was trained
 * on sentence pairs that all share a topic, and is not asked about pairs that share next to nothing.
 */
export const MIN_SHARED_CONTENT = 2;

/** The score that separates matches from non-matches: the model's threshold is mapped onto it. */
export const MATCH_SCORE = 0.5;

/**
 * The shorter claim must have at least this many content words before containment is trusted: with fewer, a
 * handful of common words would be "contained" in almost any long sentence of the same story.
 */
export const MIN_CONTAINED_TERMS = 4;

/**
 * Share of the shorter claim's content words the longer claim must contain. At 0.8 a claim of five to nine
 * content words may have one of them said differently, one of ten to fourteen two.
 */
export const MIN_CONTAINED_SHARE = 0.8;

/**
 * Contained content words that are not names must number at least this many: two sentences about the same
 * people and places ("NRF leader Ahmad Massoud…") say different things unless they share what is said.
 */
export const MIN_CONTAINED_PLAIN = 3;

/**
 * Containment applies only when the longer claim has this many times the content words of the shorter: it is
 * the rule for a long sentence that carries more than one claim. Between sentences of like length, leaving
 * words out changes the claim and the learned model decides.
 */
export const MIN_CONTAINING_RATIO = 1.3;

let checked: MatcherModel | undefined;

/** The committed model, checked against the feature list on first use (training replaces a stale one). */
function committedModel(): MatcherModel {
  return (checked ??= checkModel(trainedModel as MatcherModel));
}

/**
 * Scores two prepared claims (see prepare-claim.ts) and decides whether they state the same thing.
 * Symmetric: `scoreClaims(a, b)` equals `scoreClaims(b, a)`. `model` is for training and tests; the site
 * always uses the committed one.
 */
export function scoreClaims(a: PreparedClaim, b: PreparedClaim, model = committedModel()): ClaimScore {
  const p = probability(matchFeatures(a, b), model);
  const t = model.threshold;
  const score = p >= t ? MATCH_SCORE + ((1 - MATCH_SCORE) * (p - t)) / (1 - t) : (MATCH_SCORE * p) / t;
  if (p >= t && hasEvidence(a, b)) return { score, match: true, reason: 'model' };
  return ruleMatch(a, b) ?? { score, match: false };
}

/**
 * What scoreClaims says of a pair that matches, undefined for one that does not: for callers that keep only
 * matches (alignment). A pair without evidence (hasEvidence) can match only by containment or quotation, so
 * the model's features, most of the cost of scoring, are computed only for pairs with evidence.
 */
export function matchClaims(a: PreparedClaim, b: PreparedClaim, model = committedModel()): ClaimScore | undefined {
  if (!hasEvidence(a, b)) return ruleMatch(a, b);
  const result = scoreClaims(a, b, model);
  return result.match ? result : undefined;
}

/** The rules that match a pair whatever the model says, in scoreClaims' order. */
function ruleMatch(a: PreparedClaim, b: PreparedClaim): ClaimScore | undefined {
  if (isContained(a, b)) return { score: MATCH_SCORE, match: true, reason: 'containment' };
  if (sharesQuotation(a.quotations, b.quotations)) return { score: MATCH_SCORE, match: true, reason: 'quotation' };
  return undefined;
}

/** The learned model's probability that two claims with these features are the same claim. */
export function probability(features: number[], model = committedModel()): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] * (features[i] - model.mean[i])) / model.std[i];
  return 1 / (1 + Math.exp(-z));
}

/** The containment rule (see the constants above); negation on one side only always keeps claims apart. */
export function isContained(a: PreparedClaim, b: PreparedClaim): boolean {
  const [short, long] = a.content.size <= b.content.size ? [a, b] : [b, a];
  if (short.content.size < MIN_CONTAINED_TERMS) return false;
  if (long.content.size < MIN_CONTAINING_RATIO * short.content.size) return false;
  if ((a.negations > 0) !== (b.negations > 0)) return false;
  let contained = 0;
  let plain = 0;
  for (const s of short.content) {
    if (!long.content.has(s)) continue;
    contained++;
    if (!short.names.has(s) && !long.names.has(s)) plain++;
  }
  return contained >= MIN_CONTAINED_SHARE * short.content.size && plain >= MIN_CONTAINED_PLAIN;
}

/** Whether the claims share enough content for the model to be asked (see MIN_SHARED_CONTENT). */
export function hasEvidence(a: PreparedClaim, b: PreparedClaim): boolean {
  let n = 0;
  for (const s of a.content) if (b.content.has(s)) n++;
  return n >= MIN_SHARED_CONTENT && sharedPlainWords(a, b) >= 1;
}

function checkModel(model: MatcherModel): MatcherModel {
  const n = FEATURE_NAMES.length;
  if (model.features.join() !== FEATURE_NAMES.join() || model.weights.length !== n) {
    throw new Error(
      'src/pipeline/matcher-model.json does not fit the features in match-features.ts: ' +
        'retrain it with `npm run train-matcher`.',
    );
  }
  return model;
}
