/**
 * Evaluates an exported model against the oracle on a fresh simulated cohort, checks the network
 * meta-analysis orderings, and carries the synthesis summary and its leave-one-trial-out validation.
 */
import { predictRow } from '../fit/predict.ts';
import type { Ensemble } from '../fit/predict.ts';
import { mean, round, sigmoid } from '../math.ts';
import { mixSeed } from '../../../contract/prng.ts';
import { samplePopulation, simulateRegistry } from '../simulate/engine.ts';
import { summarizeSynthesis } from '../synthesis/summary.ts';
import type { SynthesisSummary } from '../synthesis/summary.ts';
import type { LotoResult } from './loto.ts';
import type { Simulator } from '../simulate/engine.ts';
import type { Patient } from '../simulate/types.ts';
import { encode } from '../../../contract/spec.ts';
import type { ModelSpec } from '../../../contract/spec.ts';
import { argmax, auc, calibration, decisionMetrics } from './metrics.ts';
import { INDUCTION_WINDOW_MONTHS } from '../simulate/shared.ts';
import type { CalBin } from './metrics.ts';

/** Fresh-cohort size for the oracle comparison and per-trial population size. */
export const EVAL_N = 20000;
export const TRIAL_N = 3000;

/** Subgroup figures. */
export interface Subgroup {
  name: string;
  n: number;
  ece: number;
  regretPp: number;
  coverage: number;
  auc: number;
}

/** How the model handles "continue the current therapy" (patients on one of the candidate drugs). */
export interface ContinuationCheck {
  /** Window label: inside or beyond the induction window. */
  window: string;
  n: number;
  /** Mean true / predicted probability of the endpoint when continuing. */
  meanTrue: number;
  meanModel: number;
  /** Mean predicted probability for the same drug had the patient not been on it (fresh start). */
  meanModelFresh: number;
  /** Share of patients for whom continuing is the best option, per oracle and per model. */
  bestOracle: number;
  bestModel: number;
}

/** Everything written to metrics.json. */
export interface Metrics {
  indication: string;
  modelVersion: string;
  sha256: string;
  cohort: { n: number; seed: string; missingInputs: string };
  ece: number;
  eceObserved: number;
  calibrationCurve: CalBin[];
  auc: number;
  oracleAuc: number;
  aucRatio: number;
  regretPp: number;
  /** Regret among records with no missing input (the oracle then knows nothing the model does not). */
  regretCompletePp: number;
  completeRecords: number;
  top1Agreement: number;
  kendallTau: number;
  /** Coverage of the model part of the interval (without evidenceVariance) of the oracle's true probability; widths of the full interval. */
  coverage: { nominal: number; all: number; completeRecords: number; meanWidth: number; meanWidthModelPart: number };
  subgroups: Subgroup[];
  /** The evidence synthesis behind the simulator (effects, modifiers, tau, baseline model). */
  synthesis: SynthesisSummary;
  /** Leave-one-trial-out validation of the synthesis (no offsets). */
  loto: LotoResult;
  nma: {
    id: string;
    source: string;
    tiers: string[][];
    model: Record<string, number>;
    simulator: Record<string, number>;
    modelHolds: boolean;
    simulatorHolds: boolean;
  }[];
  continuation: ContinuationCheck[];
  effects: Record<string, number>;
  targets: Record<string, boolean>;
}

function predictPatients(spec: ModelSpec, ens: Ensemble, patients: Record<string, unknown>[]): Float64Array {
  const D = spec.outputs.drugs.length;
  const out = new Float64Array(patients.length * D);
  patients.forEach((p, i) => {
    const pr = predictRow(ens, encode(spec, p as Record<string, null>).x);
    out.set(pr.mean, i * D);
  });
  return out;
}

const ratio = ([a, b]: [number, number]): number => (b === 0 ? 1 : a / b);

function tiersHold(tiers: string[][], v: Record<string, number>): boolean {
  for (let k = 0; k + 1 < tiers.length; k += 1) {
    const worstHere = Math.min(...(tiers[k] ?? []).map((d) => v[d] ?? 0));
    const bestNext = Math.max(...(tiers[k + 1] ?? []).map((d) => v[d] ?? 0));
    if (!(worstHere > bestNext)) return false;
  }
  return true;
}

/** Runs the full evaluation. */
export function evaluateModel(spec: ModelSpec, full: Ensemble, sim: Simulator, seed: number, loto: LotoResult): Metrics {
  const { config } = sim;
  const D = spec.outputs.drugs.length;
  // The oracle knows the synthesis: its true probabilities carry no evidence uncertainty, so coverage of the
  // true probability is measured for the model part of the interval (evidenceVariance removed from VarC).
  const evidence = spec.outputs.interval.evidenceVariance ?? [];
  const ens: Ensemble = { ...full, varC: Float64Array.from(full.varC, (v, d) => v - (evidence[d] ?? 0) / full.kMiss) };
  const cohort = simulateRegistry(sim, EVAL_N, mixSeed(seed, 99));
  const n = cohort.records.length;
  const pm = new Float64Array(n * D);
  const lo = new Float64Array(n * D);
  const hi = new Float64Array(n * D);
  const complete: boolean[] = [];
  cohort.records.forEach((r, i) => {
    const enc = encode(spec, r);
    complete.push(enc.missing.length === 0);
    const pr = predictRow(ens, enc.x);
    pm.set(pr.mean, i * D);
    lo.set(pr.lower, i * D);
    hi.set(pr.upper, i * D);
  });
  const givenPred = new Float64Array(n);
  const givenTrue = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const k = cohort.drug[i] ?? 0;
    givenPred[i] = pm[i * D + k] ?? 0;
    givenTrue[i] = cohort.trueP[i * D + k] ?? 0;
  }
  const cal = calibration(pm, cohort.trueP);
  const calObs = calibration(givenPred, cohort.y);
  const covered = (rows: number[]): number => {
    let c = 0;
    for (const i of rows)
      for (let d = 0; d < D; d += 1) {
        const t = cohort.trueP[i * D + d] ?? 0;
        if (t >= (lo[i * D + d] ?? 0) - 1e-9 && t <= (hi[i * D + d] ?? 0) + 1e-9) c += 1;
      }
    return c / (rows.length * D);
  };
  const all = Array.from({ length: n }, (_, i) => i);
  const dec = decisionMetrics(pm, cohort.trueP, n, D);
  const modelAuc = auc(givenPred, cohort.y);
  const oracleAuc = auc(givenTrue, cohort.y);

  const sub = (name: string, rows: number[]): Subgroup => {
    const p = new Float64Array(rows.length * D);
    const t = new Float64Array(rows.length * D);
    rows.forEach((i, k) => {
      p.set(pm.subarray(i * D, (i + 1) * D), k * D);
      t.set(cohort.trueP.subarray(i * D, (i + 1) * D), k * D);
    });
    return {
      name,
      n: rows.length,
      ece: round(calibration(p, t).ece),
      regretPp: round(decisionMetrics(pm, cohort.trueP, n, D, rows).regretPp, 2),
      coverage: round(covered(rows), 3),
      auc: round(
        auc(
          rows.map((i) => givenPred[i] ?? 0),
          rows.map((i) => cohort.y[i] ?? 0),
        ),
        3,
      ),
    };
  };
  const pts = cohort.patients;
  const exposedKey = 'prior_advanced_count';
  const subgroups: Subgroup[] = [
    sub(
      'no prior advanced therapy',
      all.filter((i) => pts[i]?.[exposedKey] === 0),
    ),
    sub(
      'prior advanced therapy',
      all.filter((i) => (pts[i]?.[exposedKey] as number) > 0),
    ),
    sub(
      'female',
      all.filter((i) => pts[i]?.sex_female === true),
    ),
    sub(
      'male',
      all.filter((i) => pts[i]?.sex_female === false),
    ),
    sub(
      'age < 40',
      all.filter((i) => (pts[i]?.age_years as number) < 40),
    ),
    sub(
      'age 40-59',
      all.filter((i) => (pts[i]?.age_years as number) >= 40 && (pts[i]?.age_years as number) < 60),
    ),
    sub(
      'age >= 60',
      all.filter((i) => (pts[i]?.age_years as number) >= 60),
    ),
  ].filter((s) => s.n >= 200);

  const nma = config.nma.map((o, oi) => {
    const pop = samplePopulation(config, o.population, TRIAL_N, mixSeed(seed, 4000 + oi));
    const pred = predictPatients(spec, ens, pop);
    const model: Record<string, number> = {};
    const simulator: Record<string, number> = {};
    for (const d of o.tiers.flat()) {
      const k = spec.outputs.drugs.indexOf(d);
      model[d] = round(mean(pop.map((_, i) => pred[i * D + k] ?? 0)));
      simulator[d] = round(mean(pop.map((p) => sigmoid(sim.trueLogit(p, d)))));
    }
    return {
      id: o.id,
      source: o.source,
      tiers: o.tiers,
      model,
      simulator,
      modelHolds: tiersHold(o.tiers, model),
      simulatorHolds: tiersHold(o.tiers, simulator),
    };
  });

  const continuation = [
    { window: `on it < ${INDUCTION_WINDOW_MONTHS} months (inside the induction window)`, inside: true },
    { window: `on it >= ${INDUCTION_WINDOW_MONTHS} months (secondary non-response)`, inside: false },
  ].map(({ window, inside }) => {
    const rows = all.filter((i) => {
      const p = pts[i];
      return (
        p !== undefined &&
        spec.outputs.drugs.includes(p.current_advanced_therapy as string) &&
        (p.current_therapy_duration_months as number) < INDUCTION_WINDOW_MONTHS === inside
      );
    });
    let sumTrue = 0;
    let sumModel = 0;
    let sumFresh = 0;
    let bestO = 0;
    let bestM = 0;
    for (const i of rows) {
      const p = pts[i] as Patient;
      const d = spec.outputs.drugs.indexOf(p.current_advanced_therapy as string);
      const tr = cohort.trueP.subarray(i * D, (i + 1) * D);
      const pr = pm.subarray(i * D, (i + 1) * D);
      const rec = cohort.records[i] ?? {};
      const fresh = predictRow(ens, encode(spec, { ...rec, current_advanced_therapy: 'none', current_therapy_duration_months: 0 }).x);
      sumTrue += tr[d] ?? 0;
      sumModel += pr[d] ?? 0;
      sumFresh += fresh.mean[d] ?? 0;
      if (argmax(tr) === d) bestO += 1;
      if (argmax(pr) === d) bestM += 1;
    }
    const k = Math.max(1, rows.length);
    return {
      window,
      n: rows.length,
      meanTrue: round(sumTrue / k),
      meanModel: round(sumModel / k),
      meanModelFresh: round(sumFresh / k),
      bestOracle: round(bestO / k),
      bestModel: round(bestM / k),
    };
  });

  const coverageAll = covered(all);
  let width = 0;
  let widthFull = 0;
  cohort.records.forEach((r, i) => {
    const pr = predictRow(full, encode(spec, r).x);
    for (let d = 0; d < D; d += 1) {
      width += (hi[i * D + d] ?? 0) - (lo[i * D + d] ?? 0);
      widthFull += (pr.upper[d] ?? 0) - (pr.lower[d] ?? 0);
    }
  });
  const m: Metrics = {
    indication: config.id,
    modelVersion: spec.modelVersion,
    sha256: spec.onnx.sha256,
    cohort: { n, seed: `mixSeed(${seed}, 99)`, missingInputs: "as in training (MCAR at each input's rate)" },
    ece: round(cal.ece),
    eceObserved: round(calObs.ece),
    calibrationCurve: cal.curve.map((b) => ({ ...b, predicted: round(b.predicted), truth: round(b.truth) })),
    auc: round(modelAuc),
    oracleAuc: round(oracleAuc),
    aucRatio: round(modelAuc / oracleAuc),
    regretPp: round(dec.regretPp, 3),
    regretCompletePp: round(
      decisionMetrics(
        pm,
        cohort.trueP,
        n,
        D,
        all.filter((i) => complete[i]),
      ).regretPp,
      3,
    ),
    completeRecords: complete.filter(Boolean).length,
    top1Agreement: round(dec.top1Agreement, 3),
    kendallTau: round(dec.kendallTau, 3),
    coverage: {
      nominal: spec.outputs.interval.nominal,
      all: round(coverageAll, 3),
      completeRecords: round(covered(all.filter((i) => complete[i])), 3),
      meanWidth: round(widthFull / (n * D)),
      meanWidthModelPart: round(width / (n * D)),
    },
    subgroups,
    synthesis: summarizeSynthesis(sim, evidence),
    loto,
    nma,
    continuation,
    effects: Object.fromEntries([...sim.effects].map(([d, b]) => [d, round(b, 3)])),
    targets: {},
  };
  m.targets = {
    'ECE <= 0.02': m.ece <= 0.02,
    'AUC >= 0.97 x oracle': m.aucRatio >= 0.97,
    'regret <= 1 pp (all records)': m.regretPp <= 1,
    'regret <= 1 pp (complete records)': m.regretCompletePp <= 1,
    'coverage (all records) within 5 points of nominal': Math.abs(m.coverage.all - m.coverage.nominal) <= 0.05,
    'coverage (complete records) within 5 points of nominal': Math.abs(m.coverage.completeRecords - m.coverage.nominal) <= 0.05,
    'NMA orderings hold (model)': nma.every((o) => o.modelHolds),
    'LOTO: >= 80% of arms inside their 95% CI': ratio(loto.summary.armsInCi) >= 0.8,
    'LOTO: >= 80% of differences inside their 95% CI': ratio(loto.summary.diffsInCi) >= 0.8,
    'LOTO: 100% of head-to-head directions right': loto.summary.headToHead[0] === loto.summary.headToHead[1],
    'LOTO: 90% prediction intervals cover 85-95% of arms': ratio(loto.summary.pi90) >= 0.85 && ratio(loto.summary.pi90) <= 0.95,
  };
  return m;
}
