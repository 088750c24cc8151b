/**
 * The simulation engine: calibrates each indication's drug effects and trial-level baselines to
 * the published arms, then generates registry-like observed records (confounded treatment
 * assignment, binary outcome) and fresh cohorts for evaluation.
 *
 * Calibration (models/evidence/README.md points 2 and 3): for each trial the engine samples the
 * trial's population, solves a trial-level baseline offset tau so that the comparator arm's mean
 * simulated rate equals the published comparator rate, then (for calibrating arms) solves the
 * drug's effect beta so that the active arm's mean rate equals the published active rate. Relative
 * effects are therefore fitted against each trial's own baseline, never against pooled absolute rates.
 */
import { createRng, mixSeed } from '../../../contract/prng.ts';
import type { Rng } from '../../../contract/prng.ts';
import { logit, sigmoid, solveIncreasing } from '../math.ts';
import type { DrugDef, IndicationConfig, Patient, PatientRecord, Population, TrialDef } from './types.ts';
import { drawCurrentTherapy, num, remainingEffectShare } from './shared.ts';

/** A calibrated simulator: the oracle. The trainer never sees it, only its records. */
export interface Simulator {
  config: IndicationConfig;
  /** Calibrated drug effects (log-odds vs no advanced therapy at the reference patient). */
  effects: Map<string, number>;
  /** Trial-level baseline offsets, keyed by the trial's first row id. */
  tau: Map<string, number>;
  /** True log-odds of the endpoint for patient p on drug d (null = no advanced therapy), plus offset. */
  trueLogit(p: Patient, drug: string | null, offset?: number): number;
}

/** Population sample size used to calibrate one trial. */
const CALIBRATION_N = 4000;

/** Samples `n` patients from a population with a dedicated seed. */
export function samplePopulation(config: IndicationConfig, pop: Population, n: number, seed: number): Patient[] {
  const rng = createRng(seed);
  const out: Patient[] = [];
  let guard = 0;
  while (out.length < n) {
    const p = config.sample(rng, pop);
    drawCurrentTherapy(rng, p, pop, config.drugs, config.exposureInput);
    guard += 1;
    if (guard > n * 200) throw new Error(`population ${pop.label}: inclusion filter accepts too few patients`);
    if (pop.include && !pop.include(p)) continue;
    out.push(p);
  }
  return out;
}

function drugDef(config: IndicationConfig, drug: string): DrugDef {
  const d = config.drugs.find((x) => x.drug === drug);
  if (!d) throw new Error(`${config.id}: unknown drug ${drug}`);
  return d;
}

/** Key of a trial in the tau map. */
export function trialKey(t: TrialDef): string {
  return t.rows.join('+');
}

/**
 * Calibrates the indication's simulator. A trial's offset tau is solved from its comparator arm once the
 * comparator's effect is known (placebo/background comparators first); a drug's effect beta is solved
 * once all its calibrating trials have their tau: the n-weighted mean logit error over those arms is
 * set to zero (one arm: exact reproduction).
 */
export function calibrate(config: IndicationConfig, seed: number): Simulator {
  const effects = new Map<string, number>();
  const tau = new Map<string, number>();
  // A drug the patient is already on (with active disease) adds only the share of its effect still to
  // come inside the induction window (shared.ts remainingEffectShare); a new drug adds all of it.
  const drugTerm = (p: Patient, drug: string, beta: number): number => {
    const full = beta + config.modifier(p, drugDef(config, drug));
    return p.current_advanced_therapy === drug ? remainingEffectShare(num(p, 'current_therapy_duration_months')) * full : full;
  };
  const trueLogit = (p: Patient, drug: string | null, offset = 0): number => {
    let z = config.baseline(p) + offset;
    if (drug !== null) {
      const beta = effects.get(drug);
      if (beta === undefined) throw new Error(`${config.id}: drug ${drug} is not calibrated yet`);
      z += drugTerm(p, drug, beta);
    }
    return z;
  };
  const armRate = (pop: Patient[], drug: string | null, t: number, beta?: number): number => {
    let s = 0;
    for (const p of pop) {
      let z = config.baseline(p) + t;
      if (drug !== null) z += drugTerm(p, drug, beta ?? effects.get(drug) ?? 0);
      s += sigmoid(z);
    }
    return s / pop.length;
  };
  const pops = config.trials.map((trial, i) => samplePopulation(config, trial.population, CALIBRATION_N, mixSeed(seed, 1000 + i)));
  for (let round = 0; round <= config.trials.length + config.drugs.length; round += 1) {
    config.trials.forEach((trial, i) => {
      const key = trialKey(trial);
      const cd = trial.comparator.drug;
      if (tau.has(key) || (cd !== null && !effects.has(cd))) return;
      tau.set(key, solveIncreasing((x) => armRate(pops[i] ?? [], cd, x), trial.comparator.rate));
    });
    for (const d of config.drugs) {
      if (effects.has(d.drug)) continue;
      const own = config.trials.map((t, i) => ({ t, i })).filter(({ t }) => t.calibrates && t.active.drug === d.drug);
      if (own.length === 0) throw new Error(`${config.id}: ${d.drug} has no calibrating trial`);
      if (!own.every(({ t }) => tau.has(trialKey(t)))) continue;
      const totalN = own.reduce((s, { t }) => s + t.active.n, 0);
      const err = (b: number): number => own.reduce(
        (s, { t, i }) => s + (t.active.n / totalN) * (logit(armRate(pops[i] ?? [], d.drug, tau.get(trialKey(t)) ?? 0, b)) - logit(t.active.rate)), 0);
      effects.set(d.drug, solveIncreasing(err, 0));
    }
  }
  for (const d of config.drugs) if (!effects.has(d.drug)) throw new Error(`${config.id}: could not calibrate ${d.drug} (comparator chain)`);
  for (const t of config.trials) if (!tau.has(trialKey(t))) throw new Error(`${config.id}: no offset for ${trialKey(t)}`);
  return { config, effects, tau, trueLogit };
}

/** Applies the record-level missingness (MCAR at each input's documented rate). */
export function applyMissingness(config: IndicationConfig, p: Patient, rng: Rng): PatientRecord {
  const rec: PatientRecord = {};
  for (const inp of config.inputs) {
    const v = p[inp.name];
    if (v === undefined) throw new Error(`${config.id}: sampler did not set ${inp.name}`);
    rec[inp.name] = rng.next() < inp.missingRate ? null : v;
  }
  return rec;
}

/** Observed registry data: what the trainer learns from. */
export interface ObservedData {
  records: PatientRecord[];
  /** Index into config.drugs of the drug given. */
  drug: Int32Array;
  /** Endpoint reached (1) or not (0). */
  y: Uint8Array;
}

/** A fresh cohort with the oracle's probabilities for every drug (evaluation only). */
export interface OracleCohort extends ObservedData {
  patients: Patient[];
  /** trueP[i * D + d] = true probability of the endpoint for patient i on drug d. */
  trueP: Float64Array;
}

/**
 * Probability that a patient on a candidate drug with active disease continues it (routine-care assumption):
 * 15% after the induction window, 50% inside it (clinicians wait for a late induction response).
 */
export function continueProbability(months: number): number {
  return months < 4 ? 0.5 : 0.15;
}

/**
 * Generates `n` registry patients: a patient on a candidate drug continues it with continueProbability,
 * otherwise the routine-care choice is drawn from a softmax over the indication's propensity scores among
 * the other drugs (sicker and pre-exposed patients get certain drugs more often); then the outcome from the
 * calibrated structural model.
 */
export function simulateRegistry(sim: Simulator, n: number, seed: number): OracleCohort {
  const { config } = sim;
  const D = config.drugs.length;
  const patients = samplePopulation(config, config.registry, n, mixSeed(seed, 1));
  const rng = createRng(mixSeed(seed, 2));
  const records: PatientRecord[] = [];
  const drug = new Int32Array(n);
  const y = new Uint8Array(n);
  const trueP = new Float64Array(n * D);
  patients.forEach((p, i) => {
    const cur = config.drugs.findIndex((d) => d.drug === p.current_advanced_therapy);
    const stay = rng.next() < continueProbability(num(p, 'current_therapy_duration_months'));
    const w = config.drugs.map((d, j) => (j === cur ? 0 : Math.exp(config.propensity(p, d))));
    const k = cur >= 0 && stay ? cur : rng.categorical(w);
    drug[i] = k;
    config.drugs.forEach((d, j) => {
      trueP[i * D + j] = sigmoid(sim.trueLogit(p, d.drug));
    });
    y[i] = rng.next() < (trueP[i * D + k] ?? 0) ? 1 : 0;
    records.push(applyMissingness(config, p, rng));
  });
  return { patients, records, drug, y, trueP };
}
