/**
 * Predicting a trial's arms from a synthesis that has not seen the trial: the baseline model at the
 * trial's era and population, plus each arm's synthesised relative effect at the trial's modifier values.
 * No offset from the trial itself. A drug whose only trials were left out has no estimate of its own: it
 * is then predicted by exchangeability with the network's other drugs (mean of their effects, variance =
 * their spread plus their mean estimation variance), and the prediction says so.
 *
 * Variances on the link scale: vSyn = estimation (baseline mean + relative effect), vHet = between-trial
 * (sigma^2 of the baseline model, plus tau^2 for an arm other than the trial's comparator), vObs = the
 * published arm's own sampling variance (for the prediction interval of an observed arm).
 */
import { predictBaseline } from './baseline.ts';
import type { Synthesis } from './index.ts';
import { armEffect } from './nma.ts';
import type { ArmData, StudyData } from './types.ts';

/** One predicted arm on the link scale. */
export interface ArmPrediction {
  mean: number;
  vSyn: number;
  vHet: number;
  /** True when the drug had no estimate without the trial (exchangeability). */
  exchangeable: boolean;
}

/** Exchangeable effect of a drug with no data: the other drugs' mean and spread. */
function exchangeableEffect(syn: Synthesis, z: Record<string, number>): { est: number; v: number } {
  const { nma } = syn;
  const ds = nma.drugs.map((d) => nma.params.indexOf(d)).filter((i) => nma.fit.estimable[i]);
  const b = ds.map((i) => nma.fit.beta[i]!);
  const m = b.reduce((s, x) => s + x, 0) / b.length;
  const spread = b.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, b.length - 1);
  const vEst = ds.reduce((s, i) => s + nma.fit.cov[i]![i]!, 0) / ds.length;
  let est = m;
  let v = spread + vEst;
  for (const [name, zv] of Object.entries(z)) {
    const i = nma.params.indexOf(name);
    if (zv === 0 || i < 0 || !nma.fit.estimable[i]) continue;
    est += zv * nma.fit.beta[i]!;
    v += zv * zv * nma.fit.cov[i]![i]!;
  }
  return { est, v };
}

/** Predicts arm `a` of a study level (arm 0 = the comparator). */
export function predictArm(syn: Synthesis, st: StudyData, endpoint: string, arm: Pick<ArmData, 'drug' | 'z'>, isComparator: boolean): ArmPrediction {
  const b = predictBaseline(syn.net, syn.baseline, st.year, st.covariates, endpoint);
  const plain = arm.drug === null && Object.values(arm.z).every((v) => v === 0);
  let eff = plain ? { est: 0, v: 0, estimable: true } : armEffect(syn.nma, arm);
  let exchangeable = false;
  if (!eff.estimable) {
    eff = { ...exchangeableEffect(syn, arm.z), estimable: true };
    exchangeable = true;
  }
  return { mean: b.est + eff.est, vSyn: b.vMean + eff.v, vHet: b.sigma2 + (isComparator ? 0 : syn.tau * syn.tau), exchangeable };
}
