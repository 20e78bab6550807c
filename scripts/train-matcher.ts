/**
 * Trains the matcher's model: `npm run train-matcher [-- --msrp <path>]` fits a logistic regression over the
 * features of src/pipeline/match-features.ts on the fit part of the MSRP training split (see read-msrp.ts:
 * about 80%, chosen by a hash of each pair's text) and writes src/pipeline/matcher-model.json.
 *
 * The model's form (linear in the standardised features, or with their pairwise products too), the L2 penalty
 * and the decision threshold are chosen by 5-fold cross-validation inside the fit part, for the
 * best accuracy of the whole decision (model, evidence gate, containment and quotation rules together, as
 * scoreClaims makes it); the held-out part is not read. The cross-validated figures are stored in the model for `npm run eval`.
 */
import { writeFileSync } from 'node:fs';
import { prepareClaim } from '../src/pipeline/prepare-claim.ts';
import { FEATURE_NAMES, matchFeatures } from '../src/pipeline/match-features.ts';
import { hasEvidence, isContained, type MatcherModel } from '../src/pipeline/score-claims.ts';
import { sharesQuotation } from '../src/pipeline/find-quotations.ts';
import { binaryMetrics, formatMetrics, type BinaryMetrics } from './binary-metrics.ts';
import { msrpPath, readMsrp } from './read-msrp.ts';

/** Penalties tried for each form: products of features add a few hundred weights and need a stronger one. */
const FORMS = { linear: [0.1, 1, 3, 10, 30], pairwise: [30, 100, 300] } as const;
type Form = keyof typeof FORMS;
const FOLDS = 5;

interface Sample {
  x: number[];
  y: 0 | 1;
  fold: number;
  /** True when the containment or quotation rule matches the pair whatever the model says. */
  rule: boolean;
  /** False when the pair shares too little for the model to be asked (scoreClaims then says no). */
  evidence: boolean;
}

const path = msrpPath();
const fit = readMsrp(path).filter((p) => !p.heldOut);
const samples: Sample[] = fit.map((p) => {
  const a = prepareClaim(p.s1);
  const b = prepareClaim(p.s2);
  const rule = isContained(a, b) || sharesQuotation(a.quotations, b.quotations);
  return { x: matchFeatures(a, b), y: p.label, fold: p.fold, rule, evidence: hasEvidence(a, b) };
});
const { mean, std } = standardisation(samples.map((s) => s.x));
const standardised = samples.map((s) => s.x.map((v, i) => (v - mean[i]) / std[i]));
const rows: Record<Form, number[][]> = { linear: standardised, pairwise: standardised.map(withProducts) };

let best: { form: Form; penalty: number; threshold: number; metrics: BinaryMetrics } | undefined;
for (const form of Object.keys(FORMS) as Form[]) {
  const z = rows[form];
  for (const penalty of FORMS[form]) {
    const outOfFold = new Array<number>(samples.length);
    for (let k = 0; k < FOLDS; k++) {
      const train = samples.flatMap((s, i) => (s.fold === k ? [] : [i]));
      const { weights, bias } = logisticRegression(train.map((i) => z[i]), train.map((i) => samples[i].y), penalty);
      samples.forEach((s, i) => {
        if (s.fold === k) outOfFold[i] = sigmoid(bias + dot(weights, z[i]));
      });
    }
    const { threshold, metrics } = bestThreshold(outOfFold);
    console.log(`${form}, penalty ${penalty}: threshold ${threshold.toFixed(3)}  ${formatMetrics(metrics)}`);
    if (!best || metrics.accuracy > best.metrics.accuracy) best = { form, penalty, threshold, metrics };
  }
}
if (!best) throw new Error('no penalty tried');

const n = FEATURE_NAMES.length;
const { weights, bias } = logisticRegression(rows[best.form], samples.map((s) => s.y), best.penalty);
const round = (x: number) => Number(x.toPrecision(6));
const model: MatcherModel & Record<string, unknown> = {
  features: [...FEATURE_NAMES],
  mean: mean.map(round),
  std: std.map(round),
  weights: weights.slice(0, n).map(round),
  ...(best.form === 'pairwise' ? { pairWeights: weights.slice(n).map(round) } : {}),
  bias: round(bias),
  threshold: round(best.threshold),
  training: {
    command: 'npm run train-matcher',
    data: 'MSRP train split, fit part: pairs whose FNV-1a hash of "s1<TAB>s2" is not divisible by 5',
    pairs: samples.length,
    form: best.form,
    penalty: best.penalty,
    crossValidated: Object.fromEntries(Object.entries(best.metrics).map(([k, v]) => [k, round(v)])),
  },
};
const out = new URL('../src/pipeline/matcher-model.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
console.log(`chosen: ${best.form}, penalty ${best.penalty}, threshold ${best.threshold.toFixed(3)}`);
console.log(`5-fold cross-validation on the fit part: ${formatMetrics(best.metrics)}`);
console.log(`wrote ${out.pathname}`);

/** The threshold on out-of-fold probabilities with the best accuracy of the whole decision. */
function bestThreshold(p: number[]): { threshold: number; metrics: BinaryMetrics } {
  let top: { threshold: number; metrics: BinaryMetrics } | undefined;
  for (let t = 0.2; t <= 0.8 + 1e-9; t += 0.005) {
    const metrics = binaryMetrics(samples.map((s, i) => s.rule || (s.evidence && p[i] >= t)), samples.map((s) => s.y));
    if (!top || metrics.accuracy > top.metrics.accuracy) top = { threshold: t, metrics };
  }
  return top!;
}

function standardisation(rows: number[][]): { mean: number[]; std: number[] } {
  const n = rows.length;
  const mean = FEATURE_NAMES.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const std = FEATURE_NAMES.map((_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / n) || 1);
  return { mean, std };
}

/** A row of standardised features followed by the products of each pair i <= j (see MatcherModel.pairWeights). */
function withProducts(x: number[]): number[] {
  const out = [...x];
  for (let i = 0; i < x.length; i++) for (let j = i; j < x.length; j++) out.push(x[i] * x[j]);
  return out;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function dot(w: ArrayLike<number>, x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * x[i];
  return s;
}

/** L2-penalised logistic regression (bias not penalised) by Newton's method. */
function logisticRegression(x: number[][], y: (0 | 1)[], penalty: number): { weights: number[]; bias: number } {
  const d = x[0].length + 1;
  let beta = new Array<number>(d).fill(0);
  const rows = x.map((row) => Float64Array.from([1, ...row]));
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Float64Array(d);
    const hess = Array.from({ length: d }, () => new Float64Array(d));
    rows.forEach((xi, n) => {
      const p = sigmoid(dot(beta, xi));
      const w = p * (1 - p);
      for (let i = 0; i < d; i++) {
        grad[i] += (p - y[n]) * xi[i];
        const wi = w * xi[i];
        if (wi === 0) continue;
        const h = hess[i];
        for (let j = i; j < d; j++) h[j] += wi * xi[j];
      }
    });
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) hess[i][j] = hess[j][i];
    for (let i = 1; i < d; i++) {
      grad[i] += penalty * beta[i];
      hess[i][i] += penalty;
    }
    const step = solve(hess.map((h) => [...h]), [...grad]);
    beta = beta.map((b, i) => b - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { bias: beta[0], weights: beta.slice(1) };
}

/** Solves m·v = r by Gaussian elimination with partial pivoting. */
function solve(m: number[][], r: number[]): number[] {
  const n = r.length;
  const a = m.map((row, i) => [...row, r[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let k = c + 1; k < n; k++) if (Math.abs(a[k][c]) > Math.abs(a[pivot][c])) pivot = k;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let k = c + 1; k < n; k++) {
      const f = a[k][c] / a[c][c];
      for (let j = c; j <= n; j++) a[k][j] -= f * a[c][j];
    }
  }
  const v = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = a[i][n];
    for (let j = i + 1; j < n; j++) s -= a[i][j] * v[j];
    v[i] = s / a[i][i];
  }
  return v;
}
