/**
 * Types shared by the four indication simulators. A simulator is data plus four functions:
 * who the patients are (sample), how likely the endpoint is without an advanced therapy
 * (baseline), how a drug's effect changes with the patient (modifier), and who gets which drug
 * in routine care (propensity). The engine (engine.ts) calibrates drug effects and trial-level
 * baselines to the published arms listed in `trials`.
 */
import type { Rng } from '../../../contract/prng.ts';
import type { Synthesis } from '../synthesis/index.ts';
import type { ModelFolder } from '../../../contract/indications.ts';

/** Named synthesis outputs used by a simulator. */
export type SimParams = Record<string, number>;

/** One indication's identifier; also the artefact folder name under models/ (contract/indications.ts maps it to the app's casing). */
export type Indication = ModelFolder;

/** A model input value as the data layer delivers it; null = missing in the record. */
export type InputValue = number | string | boolean | null;

/** A complete simulated patient (every input known). */
export type Patient = Record<string, number | string | boolean>;

/** A patient as recorded (some inputs may be missing). */
export type PatientRecord = Record<string, InputValue>;

/** One model input, named as in the data-layer catalogue (src/extract/catalogue.ts). */
export interface InputDef {
  name: string;
  meaning: string;
  unit: string;
  type: 'numeric' | 'binary' | 'categorical';
  /** Categorical levels, in column order. */
  levels?: string[];
  /** Numeric transform applied before standardising: 'log' means ln(value + 1). */
  transform?: 'log';
  /** Plausible range; values outside are clipped before encoding. */
  range?: [number, number];
  /** Share of simulated records in which this input is missing (MCAR). */
  missingRate: number;
  /** Correlated inputs whose value gets its own weight when this input is missing (proxy columns). */
  proxies?: string[];
}

/** A population: the registry or a trial's inclusion criteria and prior-exposure mix. */
export interface Population {
  label: string;
  /** Share with prior exposure to an advanced therapy (the indication's sampler says which). */
  exposedShare: number;
  /** Shift of the latent disease-activity factor, in SD units (trial inclusion of active disease). */
  activityShift: number;
  /** Optional inclusion filter (rejection sampling). */
  include?: (p: Patient) => boolean;
  /**
   * Share of exposed patients still on an advanced therapy at the decision (default 0: trial
   * populations had a washout, so nobody is "currently" on a drug there).
   */
  currentShare?: number;
}

/** A candidate drug and its class (the effect modifiers differ by class). */
export interface DrugDef {
  drug: string;
  cls: string;
}

/** One published arm, already mapped to the indication's endpoint (rate as a proportion). */
export interface Arm {
  drug: string | null;
  rate: number;
  n: number;
}

/** A published two-arm comparison mapped to the indication's endpoint. */
export interface TrialDef {
  /** Row ids of calibration.csv behind this comparison. */
  rows: string[];
  label: string;
  population: Population;
  comparator: Arm;
  active: Arm;
  /** True: this arm fixes the drug effect. False: held out, used only to check replication. */
  calibrates: boolean;
  /** How the published endpoint was mapped to the indication's endpoint. */
  mapping: string;
  /** A stated assumption standing in for a missing row (not a published arm; not replicated). */
  assumption?: boolean;
}

/** An ordering from a network meta-analysis: tiers from best to worst. */
export interface NmaOrdering {
  id: string;
  population: Population;
  tiers: string[][];
  source: string;
}

/** How one calibration.csv row is used. */
export interface RowUse {
  id: string;
  use: string;
}

/** Everything that defines one indication's simulated world. */
export interface IndicationConfig {
  id: Indication;
  title: string;
  endpoint: string;
  horizon: string;
  inputs: InputDef[];
  drugs: DrugDef[];
  /** For each drug class (or drug, which wins), the binary prior-exposure input that a current therapy of it sets. */
  exposureInput: Record<string, string>;
  registry: Population;
  /** Registry size for training. */
  nRegistry: number;
  sample(rng: Rng, pop: Population): Patient;
  /**
   * Logit of the endpoint without an advanced therapy relative to the reference population's level (the
   * engine adds the offset that puts the reference population at the synthesised baseline). Terms whose
   * size comes from the synthesis are read from `s` (see `params`).
   */
  baseline(p: Patient, s: SimParams): number;
  /**
   * The patient's values of the synthesis's effect modifiers for drug d (names as in the indication's
   * network; 0 or absent = no modification). The simulator's modification is sum_m beta_m z_m with the
   * synthesised beta: no modifier without evidence.
   */
  zOf(p: Patient, d: DrugDef): Record<string, number>;
  /** Synthesis outputs the simulator uses (modifier coefficients under their names, baseline terms as 'baseline:<term>'). */
  params(syn: Synthesis): SimParams;
  /** Contemporary trial-like population at which level and effects are calibrated to the synthesis. */
  reference: Population;
  /** Baseline-model covariates of that population. */
  referenceCovariates: Record<string, number>;
  /** Network node of a drug (default: the drug itself). */
  node?: (drug: string) => string;
  /** Log-weight of the drug being chosen in routine care (confounding by indication). */
  propensity(p: Patient, d: DrugDef): number;
  trials: TrialDef[];
  nma: NmaOrdering[];
  rowUse: RowUse[];
  assumptions: string[];
  /** Why a published arm cannot be reproduced, keyed by the arm's rows joined with '+' (model card). */
  armNotes?: Record<string, string>;
}
