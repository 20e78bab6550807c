/** Accuracy, precision, recall and F1 of yes/no decisions against labels (1 = should match). */
export interface BinaryMetrics {
  pairs: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

export function binaryMetrics(decisions: readonly boolean[], labels: readonly (0 | 1)[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  decisions.forEach((d, i) => {
    if (d && labels[i] === 1) tp++;
    else if (d) fp++;
    else if (labels[i] === 1) fn++;
    else tn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pairs: decisions.length, accuracy: (tp + tn) / Math.max(1, decisions.length), precision, recall, f1 };
}

/** One line of figures, e.g. `accuracy 0.771  precision 0.802  recall 0.901  F1 0.849  (815 pairs)`. */
export function formatMetrics(m: BinaryMetrics): string {
  const f = (x: number) => x.toFixed(3);
  return `accuracy ${f(m.accuracy)}  precision ${f(m.precision)}  recall ${f(m.recall)}  F1 ${f(m.f1)}  (${m.pairs} pairs)`;
}
