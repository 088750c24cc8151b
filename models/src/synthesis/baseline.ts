/**
 * Baseline-risk model: the reference-arm level (no advanced therapy, link scale) across the calibration
 * trials as a meta-regression on enrolment era (publication year of the row's citation, per decade from
 * 2015), population covariates and the endpoint level, with a between-trial SD sigma (REML; NICE DSU TSD 5,
 * Dias et al. 2011, section 3: the baseline model is fitted separately from the relative effects).
 *
 * Each study contributes one observation per endpoint level: its comparator arm minus the comparator's
 * synthesised effect (zero for a placebo / background comparator), so active-controlled trials (recent MS
 * trials) inform the level too. Levels of one study share its random effect (H = J).
 */
import { fitGlsReml } from './gls.ts';
import type { Block, GlsFit } from './gls.ts';
import { quad } from './linalg.ts';
import { armEffect } from './nma.ts';
import type { NmaResult } from './nma.ts';
import type { Network, StudyData } from './types.ts';

/** Reference year of the era covariate. */
export const ERA_CENTRE = 2015;

/** A fitted baseline model. */
export interface BaselineModel {
  terms: string[];
  fit: GlsFit;
  /** Studies and rows that entered. */
  studies: string[];
  rows: string[];
}

/** Design row of a study level: intercept, era, covariates, endpoint dummies. */
export function baselineDesign(net: Network, year: number, covariates: Record<string, number>, endpoint: string): number[] {
  return [1, (year - ERA_CENTRE) / 10, ...net.baselineCovariates.map((c) => covariateValue(c, covariates, endpoint))];
}

/** One baseline covariate: an endpoint indicator is 1 for the requested endpoint and 0 otherwise; other covariates default to 0. */
function covariateValue(c: string, covariates: Record<string, number>, endpoint: string): number {
  if (c.startsWith('endpoint:')) return c === `endpoint:${endpoint}` ? 1 : 0;
  return covariates[c] ?? 0;
}

/** Fits the baseline model given the synthesis (optionally leaving out one trial). */
export function fitBaseline(net: Network, nma: NmaResult, leaveOut?: string): BaselineModel {
  const blocks: Block[] = [];
  const used: StudyData[] = [];
  for (const s of net.studies) {
    if (!s.fit || s.trial === leaveOut) continue;
    const obs = s.levels.flatMap((l) => {
      const a0 = l.arms[0]!;
      const eff = a0.drug === null && Object.values(a0.z).every((v) => v === 0) ? { est: 0, v: 0, estimable: true } : armEffect(nma, a0);
      return eff.estimable ? [{ y: a0.est - eff.est, v: a0.v + eff.v, x: baselineDesign(net, s.year, s.covariates, l.endpoint) }] : [];
    });
    if (obs.length === 0) continue;
    used.push(s);
    blocks.push({
      y: obs.map((o) => o.y),
      X: obs.map((o) => o.x),
      V: obs.map((o, i) => obs.map((_, j) => (i === j ? o.v : 0))),
      H: obs.map(() => obs.map(() => 1)),
    });
  }
  const terms = ['intercept', `era (per decade from ${ERA_CENTRE})`, ...net.baselineCovariates];
  return {
    terms,
    fit: fitGlsReml(blocks, terms.length),
    studies: used.map((s) => s.id),
    rows: [...new Set(used.flatMap((s) => s.levels.flatMap((l) => l.rows)))],
  };
}

/** Predicted reference level (link scale) for a new trial-like population: mean, variance of the mean, and sigma^2. */
export function predictBaseline(
  net: Network,
  bm: BaselineModel,
  year: number,
  covariates: Record<string, number>,
  endpoint: string,
): { est: number; vMean: number; sigma2: number } {
  const x = baselineDesign(net, year, covariates, endpoint);
  // A term with no information (e.g. an endpoint level no fitted study reports) contributes nothing but is flagged by NaN.
  const beta = bm.fit.beta.map((b, i) => {
    if (bm.fit.estimable[i]) return b;
    return x[i] === 0 ? 0 : Number.NaN;
  });
  const cov = bm.fit.cov.map((r, i) => r.map((c, j) => (bm.fit.estimable[i] && bm.fit.estimable[j] ? c : 0)));
  return { est: x.reduce((s, xi, i) => s + xi * beta[i]!, 0), vMean: quad(x, cov), sigma2: bm.fit.tau * bm.fit.tau };
}
