/** Small numeric helpers shared by the simulator, the trainer and the evaluation. */

/** Logistic function, numerically safe for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Log-odds of a probability (clipped away from 0 and 1). */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}

/** Clips x into [lo, hi]. */
export function clip(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Solves f(x) = target for increasing f by bisection on [lo, hi]. */
export function solveIncreasing(f: (x: number) => number, target: number, lo = -15, hi = 15): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 60; i += 1) {
    const m = (a + b) / 2;
    if (f(m) < target) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

/**
 * Wilson score interval for a binomial proportion (Wilson EB, J Am Stat Assoc 1927;22:209),
 * z = 1.96 for 95%.
 */
export function wilson(p: number, n: number, z = 1.96): [number, number] {
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Mean of an array (NaN for empty). */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i += 1) s += xs[i] ?? 0;
  return s / xs.length;
}

/** Rounds to `d` decimals (for reports). */
export function round(x: number, d = 4): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
