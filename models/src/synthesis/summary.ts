/**
 * A JSON-ready summary of a synthesis for metrics.json and the model card: every drug effect and
 * modifier with its standard error and the calibration.csv rows behind it, tau with its interval, the
 * baseline model's terms, and the synthesised probabilities for a contemporary trial-like patient.
 */
import { round, sigmoid } from '../math.ts';
import type { Simulator } from '../simulate/engine.ts';
import { DISPERSION } from './data/rms.ts';
import { referenceLogit } from './index.ts';

const Z90 = 1.6448536269514722;
const se = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : round(Math.sqrt(v), 4));

/** Summary written to metrics.json. */
export interface SynthesisSummary {
  scale: string;
  tau: number;
  tauCi: [number, number];
  tauSource: string;
  tauOwn: number;
  tauOwnCi: [number, number];
  parameters: { name: string; kind: 'drug' | 'modifier'; estimate: number | null; se: number | null; rows: string[] }[];
  baseline: {
    terms: { term: string; estimate: number | null; se: number | null }[];
    sigma: number;
    sigmaCi: [number, number];
    studies: number;
    rows: string[];
  };
  reference: { era: number; covariates: Record<string, number>; population: string; probability: number; pi90: [number, number] };
  drugs: { drug: string; probability: number; pi90: [number, number] }[];
  dispersion?: { k: number; ci: [number, number]; rows: string };
}

/** Summarises the simulator's synthesis. */
export function summarizeSynthesis(sim: Simulator, evidenceVariance: number[]): SynthesisSummary {
  const syn = sim.synthesis;
  const { nma, baseline } = syn;
  const ref = referenceLogit(syn, sim.config.referenceCovariates);
  const refSd = Math.sqrt(ref.vMean + ref.sigma2);
  return {
    scale: syn.net.link === 'logit' ? 'log odds ratio vs no advanced therapy' : 'log rate ratio (annualised relapse rate) vs no DMT',
    tau: round(syn.tau, 4),
    tauCi: [round(syn.tauCi[0], 3), round(syn.tauCi[1], 3)],
    tauSource: syn.tauSource,
    tauOwn: round(syn.tauOwn, 4),
    tauOwnCi: [round(syn.tauOwnCi[0], 3), round(syn.tauOwnCi[1], 3)],
    parameters: nma.params.map((name, i) => ({
      name,
      kind: i < nma.drugs.length ? 'drug' : 'modifier',
      estimate: nma.fit.estimable[i] ? round(nma.fit.beta[i]!, 4) : null,
      se: nma.fit.estimable[i] ? se(nma.fit.cov[i]![i]) : null,
      rows: nma.rows[name] ?? [],
    })),
    baseline: {
      terms: baseline.terms.map((term, i) => ({
        term,
        estimate: baseline.fit.estimable[i] ? round(baseline.fit.beta[i]!, 4) : null,
        se: baseline.fit.estimable[i] ? se(baseline.fit.cov[i]![i]) : null,
      })),
      sigma: round(baseline.fit.tau, 4),
      sigmaCi: [round(baseline.fit.tauCi[0], 3), round(baseline.fit.tauCi[1], 3)],
      studies: baseline.studies.length,
      rows: baseline.rows,
    },
    reference: {
      era: syn.currentYear,
      covariates: sim.config.referenceCovariates,
      population: sim.config.reference.label,
      probability: round(sigmoid(ref.logit)),
      pi90: [round(sigmoid(ref.logit - Z90 * refSd)), round(sigmoid(ref.logit + Z90 * refSd))],
    },
    drugs: sim.config.drugs.map((d, k) => {
      const p = sim.targets.drugs.get(d.drug) ?? Number.NaN;
      const l = Math.log(p / (1 - p));
      const sd = Math.sqrt(evidenceVariance[k] ?? 0);
      return { drug: d.drug, probability: round(p), pi90: [round(sigmoid(l - Z90 * sd)), round(sigmoid(l + Z90 * sd))] };
    }),
    ...(syn.indication === 'rms'
      ? {
          dispersion: {
            k: round(DISPERSION.k, 3),
            ci: [round(DISPERSION.ci[0], 2), round(DISPERSION.ci[1], 2)] as [number, number],
            rows: 'MS08/MS09, MS11, MS21, MS32 (arms reporting ARR and relapse-free)',
          },
        }
      : {}),
  };
}
