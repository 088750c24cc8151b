/**
 * The simulation engine: sets each indication's baseline level, drug effects and effect modifiers from
 * the evidence synthesis (models/src/synthesis: random-effects network meta-analysis and baseline-risk
 * model over calibration.csv), then generates registry-like observed records (confounded treatment
 * assignment, binary outcome) and fresh cohorts for evaluation.
 *
 * Nothing is fitted to a single trial and there is no per-trial offset: in the indication's reference
 * population (a contemporary trial-like population) the engine solves one offset so that the mean
 * probability without an advanced therapy equals the baseline model's prediction for the latest trial era,
 * and for each drug the conditional effect beta so that the mean probability on the drug equals that
 * baseline shifted by the drug's synthesised relative effect (at the population's mean modifier values).
 * Solving on the patient level keeps the synthesised population-average odds ratio despite
 * non-collapsibility.
 */
import { createRng, mixSeed } from '../../../contract/prng.ts';
import type { Rng } from '../../../contract/prng.ts';
import { mean, sigmoid, solveIncreasing } from '../math.ts';
import { drugEffect, referenceLogit, synthesize } from '../synthesis/index.ts';
import type { Synthesis } from '../synthesis/index.ts';
import { DISPERSION } from '../synthesis/data/rms.ts';
import { relapseFree } from '../synthesis/dispersion.ts';
import type { DrugDef, IndicationConfig, Patient, PatientRecord, Population, SimParams } from './types.ts';
import { drawCurrentTherapy, num, remainingEffectShare } from './shared.ts';

/** A simulator set from the synthesis: the oracle. The trainer never sees it, only its records. */
export interface Simulator {
  config: IndicationConfig;
  synthesis: Synthesis;
  /** Synthesis outputs the structural model reads. */
  params: SimParams;
  /** Conditional drug effects (log-odds vs no advanced therapy at the reference population). */
  effects: Map<string, number>;
  /** Synthesised targets in the reference population: probability without therapy and per drug. */
  targets: { reference: number; drugs: Map<string, number> };
  /** The one offset that puts the reference population at the synthesised baseline. */
  offset: number;
  /** True log-odds of the endpoint for patient p on drug d (null = no advanced therapy), plus `extra`. */
  trueLogit(p: Patient, drug: string | null, extra?: number): number;
}

/** Population sample size used to solve the offset and the effects. */
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

/** The synthesised modifier term of patient p for drug d. */
export function modifierTerm(config: IndicationConfig, params: SimParams, p: Patient, d: DrugDef): number {
  let s = 0;
  for (const [name, z] of Object.entries(config.zOf(p, d))) if (z !== 0) s += (params[name] ?? 0) * z;
  return s;
}

/**
 * Sets the simulator from the synthesis (fitted on all trials unless one is given). Deterministic for the seed.
 */
export function calibrate(config: IndicationConfig, seed: number, syn: Synthesis = synthesize(config.id)): Simulator {
  const params = config.params(syn);
  const effects = new Map<string, number>();
  const byName = new Map(config.drugs.map((d) => [d.drug, d]));
  const drugTerm = (p: Patient, d: DrugDef, beta: number): number => {
    const full = beta + modifierTerm(config, params, p, d);
    return p.current_advanced_therapy === d.drug ? remainingEffectShare(num(p, 'current_therapy_duration_months')) * full : full;
  };
  const pop = samplePopulation(config, config.reference, CALIBRATION_N, mixSeed(seed, 1000));
  const base = pop.map((p) => config.baseline(p, params));
  const ref = referenceLogit(syn, config.referenceCovariates);
  const reference = sigmoid(ref.logit);
  const offset = solveIncreasing((x) => mean(base.map((b) => sigmoid(b + x))), reference);
  const targets = new Map<string, number>();
  for (const d of config.drugs) {
    const zBar: Record<string, number> = {};
    for (const p of pop) for (const [k, v] of Object.entries(config.zOf(p, d))) zBar[k] = (zBar[k] ?? 0) + v / pop.length;
    const e = drugEffect(syn, config.node ? config.node(d.drug) : d.drug, zBar);
    if (!Number.isFinite(e.est)) throw new Error(`${config.id}: the synthesis has no estimate for ${d.drug}`);
    // RMS: the effect is a log rate ratio; the endpoint is relapse-free over 2 years through NB(k).
    const target =
      syn.net.link === 'logit' ? sigmoid(ref.logit + e.est) : relapseFree(Math.exp(Math.log(arrOfReference(syn, ref.logit)) + e.est), 2, DISPERSION.k);
    targets.set(d.drug, target);
    effects.set(
      d.drug,
      solveIncreasing((b) => mean(pop.map((p, i) => sigmoid(base[i]! + offset + b + modifierTerm(config, params, p, d)))), target),
    );
  }
  const trueLogit = (p: Patient, drug: string | null, extra = 0): number => {
    let z = config.baseline(p, params) + offset + extra;
    if (drug !== null) {
      const d = byName.get(drug);
      const beta = effects.get(drug);
      if (!d || beta === undefined) throw new Error(`${config.id}: unknown drug ${drug}`);
      z += drugTerm(p, d, beta);
    }
    return z;
  };
  return { config, synthesis: syn, params, effects, targets: { reference, drugs: targets }, offset, trueLogit };
}

/** The ARR whose NB(k) 2-year relapse-free logit is `l`. */
function arrOfReference(syn: Synthesis, l: number): number {
  if (syn.net.link !== 'log') throw new Error('rate map on a logit network');
  const p = 1 / (1 + Math.exp(-l));
  return (DISPERSION.k * (p ** (-1 / DISPERSION.k) - 1)) / 2;
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
