import type { PreparedClaim } from './prepare-claim.ts';
import { FEATURE_NAMES, hasEvidence, matchFeatures } from './match-features.ts';
import { CONTEXT_FEATURE_NAMES, contextFeatures } from './match-context.ts';
import { sharesQuotation } from './find-quotations.ts';
import { sameSource } from './find-attributions.ts';
import trainedModel from './matcher-model.json' with { type: 'json' };

/*
 * What counts as "the same claim": the one decision the site, `npm run match-pairs` and `npm run eval` share.
 * Two claims that share a quotation match exactly when the quotation rule holds (quotationMatch); any other
 * pair matches when
 * - the learned model gives it a probability at or above its threshold. The model has two stages, logistic
 *   regressions trained by scripts/train-matcher.ts on labelled real stories (independent reports of one
 *   event): the first reads the pair alone (match-features.ts); the second reads that again with how the pair
 *   stands among the other pairs of its two claims in the same two reports (match-context.ts);
 * - and the two share two content words, one of them not a name (hasEvidence in match-features.ts): sentences
 *   about the same people and places ("Prime Minister Jane Doe met…" / "Jane Doe will attend…") say different
 *   things unless they share something of what is said.
 * A pair scored alone (scoreClaims: match-pairs, MSRP, the seed pairs) is read as the site reads a story of two
 * one-claim reports: a pair with no rivals.
 */

/** One logistic regression, as scripts/train-matcher.ts writes it to matcher-model.json. */
export interface LogisticModel {
  features: string[];
  /** Mean and standard deviation of each feature on the training data, to standardise it. */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
}

/** The matcher's two stages (see above) and its threshold. */
export interface MatcherModel {
  /** Over FEATURE_NAMES: the pair alone. */
  pair: LogisticModel;
  /** Over CONTEXT_FEATURE_NAMES, then FEATURE_NAMES: the pair among its claims' other pairs. */
  context: LogisticModel;
  /** Probability (of the second stage) at and above which the model calls a pair the same claim. */
  threshold: number;
}

export interface ClaimScore {
  /** The model's probability that the two claims state the same thing, in [0, 1]. */
  score: number;
  match: boolean;
  /** Which rule decided a match: `quotation` for claims sharing a quotation, `model` for the others. */
  reason?: 'model' | 'quotation';
}

/** A scored pair of two claim lists: claim `a` of the left list, `b` of the right. */
export interface ScoredPair extends ClaimScore {
  a: number;
  b: number;
}

/**
 * Matches scored below this are shown as possible matches: the site takes them for the same claim, but it is
 * less sure of them than of the rest, and says so.
 */
export const CONFIDENT_MATCH = 0.8;

let checked: MatcherModel | undefined;

/** The committed model, checked against the feature lists on first use (training replaces a stale one). */
export function committedModel(): MatcherModel {
  return (checked ??= checkModel(trainedModel as unknown as MatcherModel));
}

/**
 * Scores the pairs `candidates` names (for each claim of `left`, claims of `right`) that the site scores at all
 * (isScored), each in the context of the others, and decides which state the same thing. Pairs come ordered
 * by `a`, then by `b` as `candidates` lists them. Symmetric: swapping the lists (and the candidates) swaps the
 * pairs. `model` is for training, evaluation and tests; the site always uses the committed one.
 */
export function scorePairs(
  left: readonly PreparedClaim[],
  right: readonly PreparedClaim[],
  candidates: readonly (readonly number[])[],
  model = committedModel(),
): ScoredPair[] {
  const staged: { a: number; b: number; features: number[]; probability: number }[] = [];
  candidates.forEach((js, a) => {
    for (const b of js) {
      if (!isScored(left[a]!, right[b]!)) continue;
      const features = matchFeatures(left[a]!, right[b]!);
      staged.push({ a, b, features, probability: logistic(features, model.pair) });
    }
  });
  const context = contextFeatures(staged, { a: left.length, b: right.length });
  return staged.map((pair, k) => ({ a: pair.a, b: pair.b, ...decide(left[pair.a]!, right[pair.b]!, logistic([...context[k]!, ...pair.features], model.context), model) }));
}

/** Scores two claims as a pair alone (see above), whether or not the site would score them at all. */
export function scoreClaims(a: PreparedClaim, b: PreparedClaim, model = committedModel()): ClaimScore {
  const features = matchFeatures(a, b);
  const [context] = contextFeatures([{ a: 0, b: 0, probability: logistic(features, model.pair) }], { a: 1, b: 1 });
  return decide(a, b, logistic([...context!, ...features], model.context), model);
}

function decide(a: PreparedClaim, b: PreparedClaim, probability: number, model: MatcherModel): ClaimScore {
  const score = Math.round(probability * 1000) / 1000;
  // A shared quotation decides: however alike the words around it, two mouths or a denial make two claims.
  if (sharesQuotation(a.quotations, b.quotations)) return quotationMatch(a, b) ? { score, match: true, reason: 'quotation' } : { score, match: false };
  if (score >= model.threshold && hasEvidence(a, b)) return { score, match: true, reason: 'model' };
  return { score, match: false };
}

/**
 * Whether the pair is one the site scores at all: it shares a quotation, or enough words (hasEvidence). The
 * others are refused without features, the most costly part of scoring: they are most pairs of a story.
 * Refusing them changed held-out recall on the real stories by half a point (`npm run eval`) and made the
 * comparison step about 2.3 times faster.
 */
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

/** A logistic regression's probability for these (raw, unstandardised) features. */
export function logistic(features: readonly number[], model: LogisticModel): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += (model.weights[i]! * (features[i]! - model.mean[i]!)) / model.std[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** The names each stage reads, in order. */
export const PAIR_FEATURES: readonly string[] = FEATURE_NAMES;
export const CONTEXT_FEATURES: readonly string[] = [...CONTEXT_FEATURE_NAMES, ...FEATURE_NAMES];

function checkModel(model: MatcherModel): MatcherModel {
  const fits = (stage: LogisticModel | undefined, names: readonly string[]) =>
    stage !== undefined && stage.features.join() === names.join() && stage.weights.length === names.length;
  if (!fits(model.pair, PAIR_FEATURES) || !fits(model.context, CONTEXT_FEATURES)) {
    throw new Error(
      'src/pipeline/matcher-model.json does not fit the features in match-features.ts and match-context.ts: ' +
        'retrain it with `npm run train-matcher`.',
    );
  }
  return model;
}
