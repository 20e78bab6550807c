/**
 * The matcher's training and evaluation data, and its fitting: every pair of claims of two reports of a
 * labelled real story (read-real-stories.ts) that the site scores (isScored in score-claims.ts), with the
 * features of match-features.ts and the label (1 = a reader aligns them), and the logistic regression over them (logistic-regression.ts) with a threshold chosen for precision.
 * Used by train-matcher.ts (fit on every story) and eval.ts (fit on all stories but the one scored).
 */
import { FEATURE_NAMES, matchFeatures } from '../src/pipeline/match-features.ts';
import { prepareClaim, type VectorSpace } from '../src/pipeline/prepare-claim.ts';
import { isScored, type MatcherModel } from '../src/pipeline/score-claims.ts';
import { dot, logisticRegression, sigmoid, standardisation } from './logistic-regression.ts';
import type { RealStory, Relation } from './read-real-stories.ts';

export interface Sample {
  story: string;
  x: number[];
  y: 0 | 1;
  relation?: Relation;
}

/** Precision the threshold is chosen for, on stories the model was not fitted on; a little above the target of 0.9. */
export const PRECISION_AIM = 0.92;
/** The L2 penalty: the 31 features are strongly correlated, and about 500 positive pairs are few. */
export const PENALTY = 10;

/** The scored pairs of every story, with features and labels. */
export function storySamples(stories: readonly RealStory[], space?: VectorSpace): Sample[] {
  const samples: Sample[] = [];
  for (const story of stories) {
    const label = new Map<string, Relation>();
    for (const p of story.pairs) {
      for (const i of p.claimsA) {
        for (const j of p.claimsB) {
          label.set(`${p.reportA}#${i} ${p.reportB}#${j}`, p.relation);
          label.set(`${p.reportB}#${j} ${p.reportA}#${i}`, p.relation);
        }
      }
    }
    const slugs = [...story.claims.keys()];
    const prepared = slugs.map((slug) => story.claims.get(slug)!.map((text) => prepareClaim(text, 'en', undefined, space)));
    for (let r = 0; r < slugs.length; r++) {
      for (let q = r + 1; q < slugs.length; q++) {
        prepared[r]!.forEach((a, i) =>
          prepared[q]!.forEach((b, j) => {
            if (!isScored(a, b)) return;
            const relation = label.get(`${slugs[r]}#${i} ${slugs[q]}#${j}`);
            samples.push({ story: story.slug, x: matchFeatures(a, b), y: relation ? 1 : 0, ...(relation && { relation }) });
          }),
        );
      }
    }
  }
  return samples;
}

/** Weights fitted to `samples` (no threshold yet). */
function fitWeights(samples: readonly Sample[]): Omit<MatcherModel, 'threshold'> {
  const { mean, std } = standardisation(samples.map((s) => s.x));
  const z = samples.map((s) => s.x.map((v, i) => (v - mean[i]!) / std[i]!));
  const { weights, bias } = logisticRegression(z, samples.map((s) => s.y), PENALTY);
  const round = (x: number) => Number(x.toPrecision(6));
  return { features: [...FEATURE_NAMES], mean: mean.map(round), std: std.map(round), weights: weights.map(round), bias: round(bias) };
}

export function probabilityOf(model: Omit<MatcherModel, 'threshold'>, x: readonly number[]): number {
  return sigmoid(model.bias + dot(model.weights, x.map((v, i) => (v - model.mean[i]!) / model.std[i]!)));
}

/**
 * A model fitted to every sample, with the lowest threshold whose precision, over the probabilities each
 * story gets from a model fitted to the other stories (leave one story out), reaches PRECISION_AIM.
 */
export function fitMatcher(samples: readonly Sample[]): MatcherModel {
  const stories = [...new Set(samples.map((s) => s.story))];
  const scored: { p: number; y: 0 | 1 }[] = [];
  for (const story of stories) {
    const model = fitWeights(samples.filter((s) => s.story !== story));
    for (const s of samples) if (s.story === story) scored.push({ p: probabilityOf(model, s.x), y: s.y });
  }
  return { ...fitWeights(samples), threshold: thresholdFor(scored, PRECISION_AIM) };
}

/** The lowest threshold (in steps of 0.01) at which the pairs scored at or above it reach `precision`. */
export function thresholdFor(scored: readonly { p: number; y: 0 | 1 }[], precision: number): number {
  for (let t = 0.3; t < 0.99; t += 0.01) {
    let tp = 0;
    let fp = 0;
    for (const s of scored) if (s.p >= t) s.y ? tp++ : fp++;
    if (tp + fp > 0 && tp / (tp + fp) >= precision) return Math.round(t * 100) / 100;
  }
  return 0.99;
}
