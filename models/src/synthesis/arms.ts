/**
 * Arm constructors: link-scale estimates with their sampling variances.
 *
 * Proportions: the empirical logit ln((e + 0.5) / (n - e + 0.5)) with variance 1/(e + 0.5) + 1/(n - e + 0.5)
 * (Haldane-Anscombe; finite for 0% arms such as RA09's placebo ACR70), e = proportion x n.
 * Rates: ln(ARR) with the negative-binomial variance (1/(ARR T) + 1/k) / n for n patients followed T years
 * and dispersion k (Var(count) = mu + mu^2 / k); see dispersion.ts for k.
 */
import type { ArmData } from './types.ts';

/** A proportion arm: `p` as a fraction (0-1), n patients. */
export function propArm(drug: string | null, p: number, n: number, z: Record<string, number> = {}): ArmData {
  if (!(p >= 0 && p <= 1) || !(n > 0)) throw new Error(`bad proportion arm ${drug ?? 'reference'}: ${p} of ${n}`);
  const e = p * n;
  return { drug, value: p, n, est: Math.log((e + 0.5) / (n - e + 0.5)), v: 1 / (e + 0.5) + 1 / (n - e + 0.5), z };
}

/** A rate arm: annualised rate `arr` over `years`, n patients, dispersion k. */
export function rateArm(drug: string | null, arr: number, n: number, years: number, k: number, z: Record<string, number> = {}): ArmData {
  if (!(arr > 0) || !(n > 0)) throw new Error(`bad rate arm ${drug ?? 'reference'}: ${arr} of ${n}`);
  return { drug, value: arr, n, est: Math.log(arr), v: (1 / (arr * years) + 1 / k) / n, z };
}
