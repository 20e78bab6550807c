/**
 * L2-penalised logistic regression for the matcher's model (train-matcher.ts, eval.ts): fitted by Newton's
 * method on standardised features, the bias not penalised. Pure: rows and labels in, weights out.
 */

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function dot(w: ArrayLike<number>, x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!;
  return s;
}

/** Mean and standard deviation of each column (1 where a column is constant, so it standardises to 0). */
export function standardisation(rows: readonly number[][]): { mean: number[]; std: number[] } {
  const n = rows.length;
  const d = rows[0]!.length;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / n);
  const std = Array.from({ length: d }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / n) || 1);
  return { mean, std };
}

/**
 * Fits weights and bias to rows `x` (already standardised) and labels `y`; `sampleWeight` weighs each row
 * (1 each by default), so one corpus can count for more than its size.
 */
export function logisticRegression(
  x: readonly number[][],
  y: readonly (0 | 1)[],
  penalty: number,
  sampleWeight?: readonly number[],
): { weights: number[]; bias: number } {
  const d = x[0]!.length + 1;
  let beta = new Array<number>(d).fill(0);
  const rows = x.map((row) => Float64Array.from([1, ...row]));
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Float64Array(d);
    const hess = Array.from({ length: d }, () => new Float64Array(d));
    rows.forEach((xi, n) => {
      const sw = sampleWeight?.[n] ?? 1;
      const p = sigmoid(dot(beta, xi));
      const w = sw * p * (1 - p);
      for (let i = 0; i < d; i++) {
        grad[i]! += sw * (p - y[n]!) * xi[i]!;
        const wi = w * xi[i]!;
        if (wi === 0) continue;
        const h = hess[i]!;
        for (let j = i; j < d; j++) h[j]! += wi * xi[j]!;
      }
    });
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) hess[i]![j] = hess[j]![i]!;
    for (let i = 1; i < d; i++) {
      grad[i]! += penalty * beta[i]!;
      hess[i]![i]! += penalty;
    }
    const step = solve(hess.map((h) => [...h]), [...grad]);
    beta = beta.map((b, i) => b - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

/** Solves m·v = r by Gaussian elimination with partial pivoting. */
function solve(m: number[][], r: number[]): number[] {
  const n = r.length;
  const a = m.map((row, i) => [...row, r[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let k = c + 1; k < n; k++) if (Math.abs(a[k]![c]!) > Math.abs(a[pivot]![c]!)) pivot = k;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let k = c + 1; k < n; k++) {
      const f = a[k]![c]! / a[c]![c]!;
      for (let j = c; j <= n; j++) a[k]![j]! -= f * a[c]![j]!;
    }
  }
  const v = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = a[i]![n]!;
    for (let j = i + 1; j < n; j++) s -= a[i]![j]! * v[j]!;
    v[i] = s / a[i]![i]!;
  }
  return v;
}
