/**
 * Over-dispersed relapse counts: a negative-binomial count model with mean ARR x T and shape k
 * (Var = mu + mu^2 / k) gives P(no relapse in T years) = (1 + ARR T / k)^(-k); k -> infinity is Poisson,
 * exp(-ARR T). k is estimated from the calibration trials that report both the ARR and the relapse-free
 * proportion of the same arms (least squares on the logit of the relapse-free proportion, binomial
 * weights n p (1 - p), grid on ln k), so that ARR rows map to the relapse-free endpoint through the
 * trials' own relation rather than through an assumed Poisson.
 */
import { logit } from '../math.ts';

/** P(relapse-free over `years`) for an annualised rate under NB(k). */
export function relapseFree(arr: number, years: number, k: number): number {
  return (1 + (arr * years) / k) ** -k;
}

/** The ARR whose NB(k) relapse-free proportion over `years` is p (inverse of relapseFree). */
export function arrFromRelapseFree(p: number, years: number, k: number): number {
  return (k * (p ** (-1 / k) - 1)) / years;
}

/** One arm reporting both. */
export interface PairedArm {
  row: string;
  arr: number;
  relapseFree: number;
  years: number;
  n: number;
}

/** Weighted least-squares k with a likelihood-ratio-style 95% interval on the same criterion. */
export function fitDispersion(arms: PairedArm[]): { k: number; ci: [number, number]; sse: number } {
  const sse = (k: number): number =>
    arms.reduce((s, a) => {
      const w = a.n * a.relapseFree * (1 - a.relapseFree);
      return s + w * (logit(a.relapseFree) - logit(relapseFree(a.arr, a.years, k))) ** 2;
    }, 0);
  const grid: number[] = [];
  for (let lk = -3; lk <= 6 + 1e-9; lk += 0.005) grid.push(Math.exp(lk));
  let best = grid[0]!;
  for (const k of grid) if (sse(k) < sse(best)) best = k;
  // The weighted SSE is a chi-square-like deviance with arms.length - 1 df; interval where it rises by
  // 3.84 x (SSE / df) (over-dispersion of the residuals included).
  const s0 = sse(best);
  const scale = Math.max(1, s0 / Math.max(1, arms.length - 1));
  const inside = grid.filter((k) => sse(k) - s0 <= 3.841 * scale);
  return { k: best, ci: [inside[0] ?? best, inside[inside.length - 1] ?? best], sse: s0 };
}
