/**
 * Evaluation metrics against the simulator's true probabilities (the oracle). Pure functions.
 */
import { mean } from '../math.ts';

/** Area under the ROC curve (Mann-Whitney, ties counted half). */
export function auc(score: ArrayLike<number>, y: ArrayLike<number>): number {
  const idx = Array.from({ length: score.length }, (_, i) => i).sort((a, b) => (score[a] ?? 0) - (score[b] ?? 0));
  let rankSumPos = 0;
  let nPos = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && score[idx[j + 1] ?? 0] === score[idx[i] ?? 0]) j += 1;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) {
      if ((y[idx[k] ?? 0] ?? 0) === 1) {
        rankSumPos += avgRank;
        nPos += 1;
      }
    }
    i = j + 1;
  }
  const nNeg = idx.length - nPos;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** One calibration bin. */
export interface CalBin {
  lo: number;
  hi: number;
  n: number;
  predicted: number;
  truth: number;
}

/**
 * Calibration curve (10 equal-width bins of the prediction) and expected calibration error:
 * sum over bins of (n_bin / n) * |mean prediction - mean truth|. `truth` is the oracle probability
 * (noise-free) or an observed 0/1 outcome.
 */
export function calibration(pred: ArrayLike<number>, truth: ArrayLike<number>, bins = 10): { ece: number; curve: CalBin[] } {
  const acc = Array.from({ length: bins }, (_, b) => ({ lo: b / bins, hi: (b + 1) / bins, n: 0, sp: 0, st: 0 }));
  for (let i = 0; i < pred.length; i += 1) {
    const p = pred[i] ?? 0;
    const b = acc[Math.min(bins - 1, Math.floor(p * bins))];
    if (!b) continue;
    b.n += 1;
    b.sp += p;
    b.st += truth[i] ?? 0;
  }
  let ece = 0;
  const curve = acc.map((b) => {
    const predicted = b.n > 0 ? b.sp / b.n : 0;
    const t = b.n > 0 ? b.st / b.n : 0;
    ece += (b.n / pred.length) * Math.abs(predicted - t);
    return { lo: b.lo, hi: b.hi, n: b.n, predicted, truth: t };
  });
  return { ece, curve };
}

/** Kendall tau-b between two score vectors. */
export function kendallTau(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let conc = 0;
  let disc = 0;
  let tieA = 0;
  let tieB = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let j = i + 1; j < a.length; j += 1) {
      const da = Math.sign((a[i] ?? 0) - (a[j] ?? 0));
      const db = Math.sign((b[i] ?? 0) - (b[j] ?? 0));
      if (da === 0 && db === 0) continue;
      if (da === 0) tieA += 1;
      else if (db === 0) tieB += 1;
      else if (da === db) conc += 1;
      else disc += 1;
    }
  }
  const denom = Math.sqrt((conc + disc + tieA) * (conc + disc + tieB));
  return denom > 0 ? (conc - disc) / denom : 1;
}

/** Index of the largest value. */
export function argmax(v: ArrayLike<number>): number {
  let k = 0;
  for (let i = 1; i < v.length; i += 1) if ((v[i] ?? -Infinity) > (v[k] ?? -Infinity)) k = i;
  return k;
}

/** Per-patient decision metrics: top-1 regret (pp) and Kendall tau, averaged. */
export function decisionMetrics(
  predMean: Float64Array,
  trueP: Float64Array,
  n: number,
  D: number,
  rows?: number[],
): { regretPp: number; kendallTau: number; top1Agreement: number } {
  const use = rows ?? Array.from({ length: n }, (_, i) => i);
  const regrets: number[] = [];
  const taus: number[] = [];
  let agree = 0;
  for (const i of use) {
    const pr = predMean.subarray(i * D, (i + 1) * D);
    const tr = trueP.subarray(i * D, (i + 1) * D);
    const best = argmax(tr);
    const chosen = argmax(pr);
    regrets.push(100 * ((tr[best] ?? 0) - (tr[chosen] ?? 0)));
    taus.push(kendallTau(pr, tr));
    if (best === chosen) agree += 1;
  }
  return { regretPp: mean(regrets), kendallTau: mean(taus), top1Agreement: agree / use.length };
}
