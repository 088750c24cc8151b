/**
 * Pieces shared by the indication simulators: demographics, the latent-activity laboratory panel
 * and the prior-advanced-therapy history. Distributions are plausible adult cohort shapes for
 * simulation; they are assumptions, not estimates, and are stated as such in each MODEL_CARD.md.
 */
import type { Rng } from '../../../contract/prng.ts';
import { clip, sigmoid } from '../math.ts';
import type { InputDef, Patient, Population, TrialDef } from './types.ts';

/** Demographics and disease duration. Duration is log-normal and bounded by age - 16. */
export function sampleDemographics(
  rng: Rng,
  o: { ageMean: number; ageSd: number; female: number; bmiMean: number; smokeCurrent: number; smokeEver: number; durMedian: number },
): Patient {
  const age = clip(o.ageMean + o.ageSd * rng.normal(), 18, 85);
  const dur = clip(Math.exp(Math.log(o.durMedian) + 0.8 * rng.normal()), 0.2, Math.max(0.5, age - 16));
  const smokingCurrent = rng.bernoulli(o.smokeCurrent);
  return {
    age_years: Math.round(age * 10) / 10,
    sex_female: rng.bernoulli(o.female),
    bmi: Math.round(clip(o.bmiMean + 4.5 * rng.normal(), 15, 50) * 10) / 10,
    smoking_current: smokingCurrent,
    smoking_ever: smokingCurrent || rng.bernoulli(o.smokeEver),
    disease_duration_years: Math.round(dur * 10) / 10,
  };
}

/** Prior-exposure draw: exposure odds rise with disease duration around the population's share. */
export function drawExposed(rng: Rng, pop: Population, durationYears: number, durMedian: number): boolean {
  if (pop.exposedShare <= 0) return false;
  if (pop.exposedShare >= 1) return true;
  const z = Math.log(pop.exposedShare / (1 - pop.exposedShare)) + 0.6 * (Math.log(durationYears) - Math.log(durMedian));
  return rng.bernoulli(sigmoid(z));
}

/** Number of prior advanced therapies for an exposed patient: 1 + Poisson rising with duration. */
export function drawPriorCount(rng: Rng, durationYears: number): number {
  return Math.min(6, 1 + rng.poisson(0.35 + 0.05 * Math.min(durationYears, 20)));
}

/** A log-normal laboratory value driven by the latent activity z. */
export function labLog(rng: Rng, median: number, zLoad: number, z: number, noise: number, lo: number, hi: number): number {
  return clip(Math.exp(Math.log(median) + zLoad * z + noise * rng.normal()), lo, hi);
}

/** A normal laboratory value driven by the latent activity z. */
export function labLin(rng: Rng, mean: number, zLoad: number, z: number, noise: number, lo: number, hi: number): number {
  return clip(mean + zLoad * z + noise * rng.normal(), lo, hi);
}

/** Reads a numeric input from a complete patient. */
export function num(p: Patient, name: string): number {
  const v = p[name];
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new Error(`input ${name} is not numeric`);
}

/** Reads a binary input as 0/1. */
export function flag(p: Patient, name: string): number {
  return p[name] === true ? 1 : 0;
}

/** ln(1 + x): the transform the spec states for log-encoded inputs. */
export function ln1p(p: Patient, name: string): number {
  return Math.log(1 + num(p, name));
}

/** Input definitions reused across indications. */
export const COMMON_INPUTS: Record<string, InputDef> = {
  age_years: { name: 'age_years', meaning: 'Age at decision', unit: 'a', type: 'numeric', range: [18, 90], missingRate: 0 },
  sex_female: { name: 'sex_female', meaning: 'Administrative sex female', unit: '1', type: 'binary', missingRate: 0 },
  bmi: { name: 'bmi', meaning: 'Body mass index', unit: 'kg/m2', type: 'numeric', range: [14, 60], missingRate: 0.15 },
  smoking_current: { name: 'smoking_current', meaning: 'Current tobacco smoker', unit: '1', type: 'binary', missingRate: 0.2 },
  smoking_ever: { name: 'smoking_ever', meaning: 'Ever smoked tobacco', unit: '1', type: 'binary', missingRate: 0.2 },
  disease_duration_years: {
    name: 'disease_duration_years',
    meaning: 'Years since diagnosis',
    unit: 'a',
    type: 'numeric',
    transform: 'log',
    range: [0, 60],
    missingRate: 0.05,
  },
  prior_advanced_count: {
    name: 'prior_advanced_count',
    meaning: 'Number of distinct prior advanced therapies (biologic or targeted synthetic)',
    unit: '1',
    type: 'numeric',
    range: [0, 8],
    missingRate: 0,
  },
  prior_anti_tnf: { name: 'prior_anti_tnf', meaning: 'Any prior anti-TNF therapy', unit: '1', type: 'binary', missingRate: 0 },
  prior_anti_integrin: { name: 'prior_anti_integrin', meaning: 'Any prior anti-integrin therapy', unit: '1', type: 'binary', missingRate: 0 },
  prior_anti_il12_23: { name: 'prior_anti_il12_23', meaning: 'Any prior anti-IL-12/23 or anti-IL-23 therapy', unit: '1', type: 'binary', missingRate: 0 },
  prior_jak: { name: 'prior_jak', meaning: 'Any prior JAK inhibitor', unit: '1', type: 'binary', missingRate: 0 },
  prior_s1p: { name: 'prior_s1p', meaning: 'Any prior S1P receptor modulator', unit: '1', type: 'binary', missingRate: 0 },
  prior_other_advanced: { name: 'prior_other_advanced', meaning: 'Any prior advanced therapy of another class', unit: '1', type: 'binary', missingRate: 0 },
  prior_anti_tnf_primary_nonresponse: {
    name: 'prior_anti_tnf_primary_nonresponse',
    meaning: 'Primary non-response to a prior anti-TNF',
    unit: '1',
    type: 'binary',
    missingRate: 0.1,
  },
  steroids_current: { name: 'steroids_current', meaning: 'Systemic corticosteroid at decision', unit: '1', type: 'binary', missingRate: 0 },
  immunomodulator_current: {
    name: 'immunomodulator_current',
    meaning: 'Thiopurine or methotrexate at decision (RA: conventional synthetic DMARD background)',
    unit: '1',
    type: 'binary',
    missingRate: 0,
  },
  crp_mg_l: {
    name: 'crp_mg_l',
    meaning: 'C-reactive protein, latest within 90 days',
    unit: 'mg/L',
    type: 'numeric',
    transform: 'log',
    range: [0, 400],
    missingRate: 0.15,
  },
  fcal_ug_g: {
    name: 'fcal_ug_g',
    meaning: 'Faecal calprotectin, latest within 90 days',
    unit: 'ug/g',
    type: 'numeric',
    transform: 'log',
    range: [0, 8000],
    missingRate: 0.45,
  },
  albumin_g_l: { name: 'albumin_g_l', meaning: 'Serum albumin, latest within 90 days', unit: 'g/L', type: 'numeric', range: [10, 60], missingRate: 0.25 },
  haemoglobin_g_dl: {
    name: 'haemoglobin_g_dl',
    meaning: 'Haemoglobin, latest within 90 days',
    unit: 'g/dL',
    type: 'numeric',
    range: [5, 20],
    missingRate: 0.1,
  },
  esr_mm_h: { name: 'esr_mm_h', meaning: 'Erythrocyte sedimentation rate', unit: 'mm/h', type: 'numeric', transform: 'log', range: [0, 150], missingRate: 0.3 },
};

/** The two current-therapy inputs (catalogue names), levels = 'none' then the indication's candidate drugs. */
export function currentTherapyInputs(drugs: string[]): InputDef[] {
  return [
    {
      name: 'current_advanced_therapy',
      meaning: 'Advanced therapy in use at the decision (INN) or none',
      unit: '1',
      type: 'categorical',
      levels: ['none', ...drugs],
      missingRate: 0.02,
    },
    {
      name: 'current_therapy_duration_months',
      meaning: 'Months on the current advanced therapy (0 when none)',
      unit: 'mo',
      type: 'numeric',
      transform: 'log',
      range: [0, 600],
      missingRate: 0.05,
    },
  ];
}

/**
 * Draws the therapy a patient is on at the decision (simulation assumptions, stated in every model card):
 * a share `pop.currentShare` of exposed patients is still on one of the indication's candidate drugs, chosen
 * uniformly among the drugs whose class the patient's prior-exposure flags include (the data layer counts the
 * ongoing episode as an exposure); months on it are log-normal, median 12, clipped to [1, 120] and to the
 * disease duration. Everyone else: 'none', 0 months (what the data layer reports without an ongoing episode).
 */
export function drawCurrentTherapy(rng: Rng, p: Patient, pop: Population, drugs: { drug: string; cls: string }[], exposureInput: Record<string, string>): void {
  p.current_advanced_therapy = 'none';
  p.current_therapy_duration_months = 0;
  const share = pop.currentShare ?? 0;
  if (share <= 0 || num(p, 'prior_advanced_count') <= 0) return;
  const u = rng.next();
  const k = rng.next();
  const months = clip(Math.exp(Math.log(12) + 0.9 * rng.normal()), 1, Math.min(120, Math.max(1, 12 * num(p, 'disease_duration_years'))));
  if (u >= share) return;
  const eligible = drugs.filter((d) => p[exposureInput[d.drug] ?? exposureInput[d.cls] ?? ''] === true);
  const pick = eligible[Math.min(eligible.length - 1, Math.floor(k * eligible.length))];
  if (!pick) return;
  p.current_advanced_therapy = pick.drug;
  p.current_therapy_duration_months = Math.round(months * 10) / 10;
}

/**
 * Months after which a drug still in use with active disease has no further expected effect. Induction
 * responses are assessed by weeks 8-16 in IBD (e.g. adalimumab CD label: reassess at week 12; ustekinumab:
 * week 16) and by weeks 12-24 in RA (ACR at 24 weeks, CD02-CD28 / RA05-RA36 timepoints); RMS DMTs reach full
 * effect within ~6 months. Six months is the stated assumption for all four indications.
 */
export const INDUCTION_WINDOW_MONTHS = 6;

/**
 * Share of a drug's effect still to come for a patient on it for `months` with active disease:
 * 1 at the start of induction, falling linearly in ln(1 + months) to 0 at the end of the induction window.
 * After that, continuing the drug is secondary non-response: the endpoint probability is that of no new
 * advanced therapy (the placebo/background arm level of the calibrating trials), the ceiling the brief
 * proposes, stated as an assumption (no calibration.csv row reports response after loss of response
 * without a dose change).
 */
export function remainingEffectShare(months: number): number {
  return clip(1 - Math.log(1 + Math.max(0, months)) / Math.log(1 + INDUCTION_WINDOW_MONTHS), 0, 1);
}

/** The current-therapy assumptions, stated in every model card. */
export const CURRENT_THERAPY_ASSUMPTIONS: string[] = [
  'Current therapy: 60% of registry patients with prior advanced therapy are still on one of the candidate drugs at the decision (the data layer counts the ongoing episode as an exposure, so its class flag is set); months on it are log-normal, median 12, within [1, 120]. Trial populations had a washout: no current therapy.',
  `Continuing the drug the patient is on, with active disease: the drug adds only the share of its effect still to come, 1 - ln(1 + months) / ln(1 + ${INDUCTION_WINDOW_MONTHS}), clipped to [0, 1]; after ${INDUCTION_WINDOW_MONTHS} months continuing is secondary non-response and the endpoint probability is that of no new advanced therapy (the placebo / background arm level of the calibrating trials). No calibration.csv row reports response after loss of response without a dose change, so this ceiling is an assumption.`,
  'Routine care continues the current drug in 50% of patients inside 4 months (waiting for a late induction response) and 15% after; otherwise it chooses among the other drugs by the propensities.',
];

/**
 * One calibration-table trial as the simulators list it: its rows, label and population, the comparator
 * arm ([rate, n] for no advanced therapy, or [drug, rate, n]) and the active arm ([drug, rate, n]).
 */
export function trialDef(
  rows: string[],
  label: string,
  population: Population,
  comparator: readonly [number, number] | readonly [string | null, number, number],
  act: readonly [string, number, number],
  calibrates: boolean,
  mapping: string,
): TrialDef {
  const comp = comparator.length === 2 ? { drug: null, rate: comparator[0], n: comparator[1] } : { drug: comparator[0], rate: comparator[1], n: comparator[2] };
  return { rows, label, population, comparator: comp, active: { drug: act[0], rate: act[1], n: act[2] }, calibrates, mapping };
}
