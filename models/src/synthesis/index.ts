/**
 * The evidence synthesis of one indication: random-effects network meta-analysis (nma.ts) plus the
 * baseline-risk model (baseline.ts), optionally without one trial (leave-one-trial-out validation).
 *
 * Heterogeneity: the three logit-scale networks (CD, UC, RA) share one between-trial SD, estimated by
 * REML over all their contrasts (sharedTau): the CD network has one trial per drug and cannot identify
 * tau on its own (its own REML estimate runs to the search bound), UC has one residual degree of freedom.
 * Each network's own estimate is reported beside the shared one. RMS (log rate ratios) gets its own tau.
 */
import { fitBaseline, predictBaseline } from './baseline.ts';
import type { BaselineModel } from './baseline.ts';
import { NETWORKS } from './data/index.ts';
import { DISPERSION } from './data/rms.ts';
import { relapseFree } from './dispersion.ts';
import { armEffect, fitNma, sharedTau } from './nma.ts';
import type { NmaResult } from './nma.ts';
import type { Network } from './types.ts';

/** Indications with a network. */
export type SynthesisIndication = keyof typeof NETWORKS;

/** A fitted synthesis. */
export interface Synthesis {
  indication: SynthesisIndication;
  net: Network;
  nma: NmaResult;
  baseline: BaselineModel;
  tau: number;
  tauCi: [number, number];
  /** How tau was obtained. */
  tauSource: string;
  /** The network's own REML tau and interval (reported; equal to tau for RMS). */
  tauOwn: number;
  tauOwnCi: [number, number];
  /** Latest publication year in the network: the era of "a contemporary trial-like patient". */
  currentYear: number;
  leftOut?: string;
}

const LOGIT_NETS: SynthesisIndication[] = ['cd', 'uc', 'ra'];

/** Fits the synthesis of an indication (without trial `leaveOut` if given). Deterministic. */
export function synthesize(indication: SynthesisIndication, leaveOut?: string): Synthesis {
  const net = NETWORKS[indication];
  const own = fitNma(net, leaveOut === undefined ? {} : { leaveOut });
  let tau = own.fit.tau;
  let tauCi = own.fit.tauCi;
  let tauSource = 'REML of this network';
  let nma = own;
  if (LOGIT_NETS.includes(indication)) {
    const shared = sharedTau(
      LOGIT_NETS.map((i) => NETWORKS[i]),
      leaveOut === undefined ? undefined : { indication, trial: leaveOut },
    );
    tau = shared.tau;
    tauCi = shared.tauCi;
    tauSource = 'REML shared by the CD, UC and RA networks (logit scale)';
    nma = fitNma(net, { fixedTau: tau, ...(leaveOut === undefined ? {} : { leaveOut }) });
  }
  const baseline = fitBaseline(net, nma, leaveOut);
  const currentYear = Math.max(...net.studies.map((s) => s.year));
  return {
    indication,
    net,
    nma,
    baseline,
    tau,
    tauCi,
    tauSource,
    tauOwn: own.fit.tau,
    tauOwnCi: own.fit.tauCi,
    currentYear,
    ...(leaveOut === undefined ? {} : { leftOut: leaveOut }),
  };
}

/** The endpoint level the bundled model predicts, per indication. */
export const MODEL_LEVEL: Record<SynthesisIndication, string> = { cd: 'remission', uc: 'remission', ra: 'acr50', rms: 'arr' };

/** Years of follow-up of the RMS model endpoint (relapse-free over 2 years). */
export const RMS_YEARS = 2;

/**
 * Reference (no advanced therapy) probability of the model endpoint for a contemporary trial-like
 * population with the given covariates: point value and the logit-scale variance of the mean and of a
 * new trial (sigma^2). RMS: the predicted log ARR through the NB(k) map to relapse-free over 2 years.
 */
export function referenceLogit(syn: Synthesis, covariates: Record<string, number>): { logit: number; vMean: number; sigma2: number } {
  const b = predictBaseline(syn.net, syn.baseline, syn.currentYear, covariates, MODEL_LEVEL[syn.indication]);
  if (syn.net.link === 'logit') return { logit: b.est, vMean: b.vMean, sigma2: b.sigma2 };
  const p = relapseFree(Math.exp(b.est), RMS_YEARS, DISPERSION.k);
  const slope = logitSlopeOfLogRate(Math.exp(b.est));
  return { logit: Math.log(p / (1 - p)), vMean: slope * slope * b.vMean, sigma2: slope * slope * b.sigma2 };
}

const rfLogit = (la: number): number => {
  const p = relapseFree(Math.exp(la), RMS_YEARS, DISPERSION.k);
  return Math.log(p / (1 - p));
};

/** d logit(relapse-free) / d ln(ARR) at an ARR (numerical). */
export function logitSlopeOfLogRate(arr: number): number {
  const f = rfLogit;
  const h = 1e-5;
  return (f(Math.log(arr) + h) - f(Math.log(arr) - h)) / (2 * h);
}

/** A drug's synthesised relative effect (link scale) with modifier values z. NaN when not estimable. */
export function drugEffect(syn: Synthesis, drug: string, z: Record<string, number> = {}): { est: number; v: number } {
  const e = armEffect(syn.nma, { drug, z });
  return { est: e.est, v: e.v };
}

/** A named synthesis coefficient (drug or modifier), NaN when absent or not estimable. */
export function coefficient(syn: Synthesis, name: string): number {
  const i = syn.nma.params.indexOf(name);
  return i >= 0 && syn.nma.fit.estimable[i] ? syn.nma.fit.beta[i]! : Number.NaN;
}

/** A baseline-model coefficient by term name (NaN when absent). */
export function baselineCoefficient(syn: Synthesis, term: string): number {
  const i = syn.baseline.terms.indexOf(term);
  return i >= 0 && syn.baseline.fit.estimable[i] ? syn.baseline.fit.beta[i]! : Number.NaN;
}
