import type { PreparedClaim } from './prepare-claim.ts';
import { FEATURE_NAMES, hasEvidence, matchFeatures } from './match-features.ts';
import { sharesQuotation } from './find-quotations.ts';
import { sameSource } from './find-attributions.ts';
import trainedModel from './matcher-model.json' with { type: 'json' };

/*
 * What counts as "the same claim": the one decision the site, `npm run match-pairs` and `npm run eval` share.
 * Two claims that share a quotation match exactly when the quotation rule holds (quotationMatch); any other
 * pair matches when
 * - the learned model (a logistic regression over match-features.ts, trained by scripts/train-matcher.ts on
 *   labelled real stories, independent reports of one event) gives it a probability at or above its threshold,
 *   and the two share two content words, one of them not a name (hasEvidence in match-features.ts): sentences
 *   about the same people and places ("Prime Minister Jane Doe met…" / "Jane Doe will attend…") say different
 *   things unless they share something of what is said.
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
  /** The model's probability that the two claims state the same thing, in [0, 1]. */
  score: number;
  match: boolean;
  /** Which rule decided a match: `quotation` for claims sharing a quotation, `model` for the others. */
  reason?: 'model' | 'quotation';
}

/**
 * Matches scored below this are shown as possible matches: the site takes them for the same claim, but it is
 * less sure of them than of the rest, and says so.
 */
export const CONFIDENT_MATCH = 0.8;

let checked: MatcherModel | undefined;

/** The committed model, checked against the feature list on first use (training replaces a stale one). */
export function committedModel(): MatcherModel {
  return (checked ??= checkModel(trainedModel as MatcherModel));
}

/**
 * Scores two prepared claims (see prepare-claim.ts) and decides whether they state the same thing.
 * Symmetric: `scoreClaims(a, b)` equals `scoreClaims(b, a)`. `model` is for training, evaluation and tests; the
 * site always uses the committed one.
 */
export function scoreClaims(a: PreparedClaim, b: PreparedClaim, model = committedModel()): ClaimScore {
  const score = Math.round(probability(matchFeatures(a, b), model) * 1000) / 1000;
  const quoting = sharesQuotation(a.quotations, b.quotations);
  // A shared quotation decides: however alike the words around it, two mouths or a denial make two claims.
  if (quoting) return quotationMatch(a, b) ? { score, match: true, reason: 'quotation' } : { score, match: false };
  if (score >= model.threshold && hasEvidence(a, b)) return { score, match: true, reason: 'model' };
  return { score, match: false };
}

/**
 * What scoreClaims says of a pair that matches, undefined for one that does not: for callers that keep only
 * matches (alignment). Claims without a shared quotation that share too little for the model (hasEvidence in
 * match-features.ts) are refused without features, the most costly part of scoring: they are most pairs of a
 * story. Refusing them changed held-out recall on the real stories by half a point (`npm run eval`) and makes
 * the comparison step about 2.3 times faster.
 */
export function matchClaims(a: PreparedClaim, b: PreparedClaim, model = committedModel()): ClaimScore | undefined {
  if (!isScored(a, b)) return undefined;
  const result = scoreClaims(a, b, model);
  return result.match ? result : undefined;
}

/** Whether the pair is one the site scores at all: it shares a quotation, or enough words (hasEvidence). */
export function isScored(a: PreparedClaim, b: PreparedClaim): boolean {
  return hasEvidence(a, b) || sharesQuotation(a.quotations, b.quotations);
}

/**
 * The quotation rule, for claims that share a quotation (find-quotations.ts): they are the same claim unless they
 * name different speakers for it, or one denies it (a negation on one side only). "was not 'a war of choice'" and "called it 'a war of choice'" quote one phrase
 * with opposite stances; two speakers quoting one slogan say different things.
 */
export function quotationMatch(a: PreparedClaim, b: PreparedClaim): boolean {
  if ((a.negations > 0) !== (b.negations > 0)) return false;
  // A claim that names no speaker may still mean the same one ("he said"): only two named, different ones differ.
  if (a.speakers.length === 0 || b.speakers.length === 0) return true;
  return a.speakers.some((s) => b.speakers.some((t) => sameSource(s, t)));
}

/** The learned model's probability that two claims with these features are the same claim. */
export function probability(features: number[], model = committedModel()): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += (model.weights[i]! * (features[i]! - model.mean[i]!)) / model.std[i]!;
  return 1 / (1 + Math.exp(-z));
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
