/**
 * Crohn's disease: simulated patients and response model.
 *
 * Endpoint: clinical remission (CDAI < 150) at the end of induction, weeks 4-12.
 * Rows mapped to it: CD02 (wk 4), CD05 (wk 4), CD07 (wk 4, by severity), CD11 (wk 6, CRP >= 10 stratum),
 * CD12/CD14/CD15 (wk 6), CD21 (wk 8), CD24 (wk 12), CD28 (wk 12). Response endpoints (CDAI-70/-100),
 * endoscopic endpoints and maintenance rows are not mapped (see ROW_USE).
 */
import { clip, sigmoid } from '../math.ts';
import type { Rng } from '../../../contract/prng.ts';
import type { IndicationConfig, Patient, Population, SimParams, TrialDef } from './types.ts';
import { baselineCoefficient, coefficient } from '../synthesis/index.ts';
import type { Synthesis } from '../synthesis/index.ts';
import { COMMON_INPUTS, currentTherapyInputs, drawExposed, drawPriorCount, flag, labLin, labLog, ln1p, num, sampleDemographics } from './shared.ts';

const DUR_MEDIAN = 7;

/** Standardised CDAI used by the response model: (CDAI - 300) / 100. */
const cdaiStd = (p: Patient): number => (num(p, 'cdai_cd') - 300) / 100;

const CLASS: Record<string, string> = {
  infliximab: 'anti_tnf',
  adalimumab: 'anti_tnf',
  'certolizumab pegol': 'anti_tnf',
  vedolizumab: 'anti_integrin',
  ustekinumab: 'anti_il12_23',
  risankizumab: 'anti_il23',
  upadacitinib: 'jak',
};

function sample(rng: Rng, pop: Population): Patient {
  const p = sampleDemographics(rng, { ageMean: 37, ageSd: 13, female: 0.52, bmiMean: 24.5, smokeCurrent: 0.25, smokeEver: 0.2, durMedian: DUR_MEDIAN });
  const dur = num(p, 'disease_duration_years');
  const z = pop.activityShift + rng.normal();
  const exposed = drawExposed(rng, pop, dur, DUR_MEDIAN);
  const count = exposed ? drawPriorCount(rng, dur) : 0;
  const tnf = exposed && (count >= 2 || rng.bernoulli(0.85));
  p.prior_advanced_count = count;
  p.prior_anti_tnf = tnf;
  p.prior_anti_integrin = exposed && rng.bernoulli(count >= 2 ? 0.45 : 0.1);
  p.prior_anti_il12_23 = exposed && rng.bernoulli(count >= 2 ? 0.45 : 0.05);
  p.prior_jak = exposed && rng.bernoulli(count >= 3 ? 0.3 : 0.02);
  p.prior_anti_tnf_primary_nonresponse = tnf && rng.bernoulli(0.25); // PR01: PNR 23.8% to first anti-TNF
  p.steroids_current = rng.bernoulli(sigmoid(-0.9 + 0.6 * z));
  p.immunomodulator_current = rng.bernoulli(0.35);
  p.crp_mg_l = Math.round(labLog(rng, 8, 0.8, z, 0.6, 0.2, 300) * 10) / 10;
  p.albumin_g_l = Math.round(labLin(rng, 39, -3, z, 2.5, 18, 52) * 10) / 10;
  p.fcal_ug_g = Math.round(labLog(rng, 450, 0.6, z, 0.7, 20, 6000));
  p.cdai_cd = Math.round(labLin(rng, 290, 60, z, 35, 60, 600));
  p.hbi = Math.round(clip(7 + 0.04 * (num(p, 'cdai_cd') - 290) + 1.5 * rng.normal(), 0, 30));
  p.cd_location = ['L1', 'L2', 'L3', 'L4'][rng.categorical([0.3, 0.22, 0.43, 0.05])] ?? 'L3';
  const stricturing = sigmoid(-1.6 + 0.7 * (Math.log(dur) - Math.log(DUR_MEDIAN)));
  p.cd_behaviour = ['B1', 'B2', 'B3'][rng.categorical([1 - stricturing, stricturing * 0.65, stricturing * 0.35])] ?? 'B1';
  p.cd_perianal = rng.bernoulli(0.22);
  p.prior_bowel_resection = rng.bernoulli(sigmoid(-1.4 + 0.6 * Math.log(dur / DUR_MEDIAN) + (p.cd_behaviour === 'B1' ? 0 : 0.9)));
  return p;
}

/**
 * Remission without an advanced therapy, relative to the reference population (the engine adds the offset
 * that puts it at the baseline model's level for a contemporary trial-like population).
 * Prior advanced therapy: the baseline model's `exposed` coefficient (placebo arms of the calibration
 * trials by their exposure share; synthesis output 'baseline:exposed').
 * Prognostic shape (simulation assumptions, centred; they spread patients around the synthesised level and
 * do not change it): CDAI -1.2 per 100 points (direction: CD07/PR03 placebo 17.4% moderate vs 3.6% severe),
 * albumin +0.04 per g/L, log CRP -0.15, smoking -0.15, duration -0.1 per ln-year (PR02 direction), B3 -0.3.
 */
function baseline(p: Patient, s: SimParams): number {
  return (
    -1.2 * cdaiStd(p) +
    (s['baseline:exposed'] ?? 0) * (num(p, 'prior_advanced_count') > 0 ? 1 : 0) +
    0.04 * (num(p, 'albumin_g_l') - 39) -
    0.15 * (ln1p(p, 'crp_mg_l') - 2.2) -
    0.15 * flag(p, 'smoking_current') -
    0.1 * (ln1p(p, 'disease_duration_years') - 2.08) -
    (p.cd_behaviour === 'B3' ? 0.3 : 0)
  );
}

/**
 * Effect modifiers: exactly the synthesis's (network data/cd.ts): `expo` (prior advanced therapy; GEMINI 2
 * strata CD14/CD15 and the trials' exposure shares) and `severe` (CDAI > 300; CLASSIC I strata CD07).
 * The former per-class sizes (albumin, BMI, smoking, immunomodulator, primary non-response) had no
 * calibration row giving a size and are gone.
 */
function zOf(p: Patient): Record<string, number> {
  return { expo: num(p, 'prior_advanced_count') > 0 ? 1 : 0, severe: num(p, 'cdai_cd') > 300 ? 1 : 0 };
}

/** Synthesis outputs used above. */
function params(syn: Synthesis): SimParams {
  return { expo: coefficient(syn, 'expo'), severe: coefficient(syn, 'severe'), 'baseline:exposed': baselineCoefficient(syn, 'exposed') };
}

/**
 * Routine-care choice (confounding by indication; assumptions): anti-TNF first line, newer classes
 * after anti-TNF; infliximab and upadacitinib for sicker patients; vedolizumab for older patients;
 * anti-TNF for perianal disease.
 */
function propensity(p: Patient, d: { drug: string; cls: string }): number {
  const base: Record<string, number> = {
    infliximab: 0.6,
    adalimumab: 0.6,
    'certolizumab pegol': -1.6,
    vedolizumab: -0.2,
    ustekinumab: 0,
    risankizumab: -0.1,
    upadacitinib: -0.5,
  };
  const tnf = flag(p, 'prior_anti_tnf');
  let s = base[d.drug] ?? 0;
  if (d.cls === 'anti_tnf') s += -1.5 * tnf + 0.7 * flag(p, 'cd_perianal');
  else s += 0.9 * tnf;
  if (d.drug === 'infliximab' || d.drug === 'upadacitinib') s += 0.5 * cdaiStd(p) - 0.03 * (num(p, 'albumin_g_l') - 39);
  if (d.drug === 'vedolizumab') s += 0.03 * (num(p, 'age_years') - 37);
  if (d.drug === 'upadacitinib') s -= 2 * flag(p, 'prior_jak');
  if (d.drug === 'vedolizumab') s -= 1.5 * flag(p, 'prior_anti_integrin');
  if (d.cls === 'anti_il12_23' || d.cls === 'anti_il23') s -= 1.2 * flag(p, 'prior_anti_il12_23');
  return s;
}

const active = (lo: number, hi: number) => (p: Patient) => num(p, 'cdai_cd') >= lo && num(p, 'cdai_cd') <= hi;

const TRIALS: TrialDef[] = [
  {
    rows: ['CD02'],
    label: 'Targan 1997 infliximab (pooled doses), wk 4',
    population: { label: 'CDAI 220-400, anti-TNF-naive', exposedShare: 0, activityShift: 0.2, include: active(220, 400) },
    comparator: { drug: null, rate: 0.04, n: 24 },
    active: { drug: 'infliximab', rate: 0.33, n: 83 },
    calibrates: true,
    mapping: 'CDAI<150 at wk 4: direct',
  },
  {
    rows: ['CD05'],
    label: 'CLASSIC I adalimumab 160/80, wk 4',
    population: { label: 'CDAI 220-450, anti-TNF-naive', exposedShare: 0, activityShift: 0.3, include: active(220, 450) },
    comparator: { drug: null, rate: 0.12, n: 74 },
    active: { drug: 'adalimumab', rate: 0.36, n: 76 },
    calibrates: true,
    mapping: 'CDAI<150 at wk 4: direct',
  },
  {
    rows: ['CD07'],
    label: 'CLASSIC I moderate (CDAI<=300) subgroup',
    population: { label: 'CDAI 220-300, naive', exposedShare: 0, activityShift: 0, include: active(220, 300) },
    comparator: { drug: null, rate: 0.174, n: 38 },
    active: { drug: 'adalimumab', rate: 0.463, n: 38 },
    calibrates: false,
    mapping: 'CDAI<150 wk 4; arm n assumed half of CD05 (not reported)',
  },
  {
    rows: ['CD07', 'severe'],
    label: 'CLASSIC I severe (CDAI>300) subgroup',
    population: { label: 'CDAI 301-450, naive', exposedShare: 0, activityShift: 0.8, include: active(301, 450) },
    comparator: { drug: null, rate: 0.036, n: 36 },
    active: { drug: 'adalimumab', rate: 0.229, n: 38 },
    calibrates: false,
    mapping: 'CDAI<150 wk 4; arm n assumed half of CD05 (not reported)',
  },
  {
    rows: ['CD11'],
    label: 'PRECiSE 1 certolizumab, CRP >= 10 mg/L stratum, wk 6',
    population: {
      label: 'CRP>=10, 25% prior anti-TNF (assumed)',
      exposedShare: 0.25,
      activityShift: 0.3,
      include: (p) => num(p, 'crp_mg_l') >= 10 && num(p, 'cdai_cd') >= 220,
    },
    comparator: { drug: null, rate: 0.17, n: 154 },
    active: { drug: 'certolizumab pegol', rate: 0.22, n: 146 },
    calibrates: true,
    mapping: 'CDAI<=150 at wk 6: direct',
  },
  {
    rows: ['CD12'],
    label: 'GEMINI 2 vedolizumab cohort 1, wk 6',
    population: { label: 'CDAI 220-450, ~50% TNF failure', exposedShare: 0.5, activityShift: 0.3, include: active(220, 450) },
    comparator: { drug: null, rate: 0.068, n: 148 },
    active: { drug: 'vedolizumab', rate: 0.145, n: 220 },
    calibrates: true,
    mapping: 'CDAI<=150 at wk 6: direct',
  },
  {
    rows: ['CD14'],
    label: 'GEMINI 2 TNF-failure subgroup',
    population: { label: 'CDAI 220-450, TNF failure', exposedShare: 1, activityShift: 0.3, include: (p) => active(220, 450)(p) && p.prior_anti_tnf === true },
    comparator: { drug: null, rate: 0.043, n: 70 },
    active: { drug: 'vedolizumab', rate: 0.105, n: 105 },
    calibrates: false,
    mapping: 'CDAI<=150 wk 6; arm n assumed ~48% of CD12 (not reported)',
  },
  {
    rows: ['CD15'],
    label: 'GEMINI 2 TNF-naive subgroup',
    population: { label: 'CDAI 220-450, TNF-naive', exposedShare: 0, activityShift: 0.3, include: active(220, 450) },
    comparator: { drug: null, rate: 0.092, n: 76 },
    active: { drug: 'vedolizumab', rate: 0.174, n: 115 },
    calibrates: false,
    mapping: 'CDAI<=150 wk 6; arm n assumed ~52% of CD12 (not reported)',
  },
  {
    rows: ['CD21'],
    label: 'UNITI-1 ustekinumab, wk 8',
    population: { label: 'TNF failure, CDAI 220-450', exposedShare: 1, activityShift: 0.3, include: (p) => active(220, 450)(p) && p.prior_anti_tnf === true },
    comparator: { drug: null, rate: 0.073, n: 247 },
    active: { drug: 'ustekinumab', rate: 0.209, n: 249 },
    calibrates: true,
    mapping: 'CDAI<150 at wk 8: direct (row from memory, unverified)',
  },
  {
    rows: ['CD24'],
    label: 'ADVANCE risankizumab 600 mg, wk 12',
    population: { label: 'CDAI 220-450, ~58% biologic failure (assumed)', exposedShare: 0.58, activityShift: 0.3, include: active(220, 450) },
    comparator: { drug: null, rate: 0.25, n: 175 },
    active: { drug: 'risankizumab', rate: 0.45, n: 336 },
    calibrates: true,
    mapping: 'CDAI<150 at wk 12: direct (ITT n from memory)',
  },
  {
    rows: ['CD28'],
    label: 'U-EXCEL upadacitinib 45 mg, wk 12',
    population: { label: 'CDAI 220-450, ~50% biologic failure (assumed)', exposedShare: 0.5, activityShift: 0.3, include: active(220, 450) },
    comparator: { drug: null, rate: 0.291, n: 176 },
    active: { drug: 'upadacitinib', rate: 0.495, n: 350 },
    calibrates: true,
    mapping: 'CDAI<150 at wk 12: direct (arm n from 2:1 ratio)',
  },
];

/** Crohn's disease simulator configuration. */
export const CD: IndicationConfig = {
  id: 'cd',
  title: "Crohn's disease",
  endpoint: 'clinical remission (CDAI < 150)',
  horizon: 'end of induction, weeks 4-12',
  inputs: [
    COMMON_INPUTS.age_years!,
    COMMON_INPUTS.sex_female!,
    COMMON_INPUTS.bmi!,
    COMMON_INPUTS.smoking_current!,
    COMMON_INPUTS.disease_duration_years!,
    COMMON_INPUTS.prior_advanced_count!,
    COMMON_INPUTS.prior_anti_tnf!,
    COMMON_INPUTS.prior_anti_integrin!,
    COMMON_INPUTS.prior_anti_il12_23!,
    COMMON_INPUTS.prior_jak!,
    { ...COMMON_INPUTS.prior_anti_tnf_primary_nonresponse!, proxies: ['prior_anti_tnf'] },
    COMMON_INPUTS.steroids_current!,
    COMMON_INPUTS.immunomodulator_current!,
    { ...COMMON_INPUTS.crp_mg_l!, proxies: ['albumin_g_l', 'fcal_ug_g'] },
    COMMON_INPUTS.fcal_ug_g!,
    { ...COMMON_INPUTS.albumin_g_l!, proxies: ['crp_mg_l', 'fcal_ug_g'] },
    { name: 'cd_location', meaning: 'Montreal location', unit: '1', type: 'categorical', levels: ['L1', 'L2', 'L3', 'L4'], missingRate: 0.2 },
    {
      name: 'cd_behaviour',
      meaning: 'Montreal behaviour',
      unit: '1',
      type: 'categorical',
      levels: ['B1', 'B2', 'B3'],
      missingRate: 0.2,
      proxies: ['prior_bowel_resection'],
    },
    { name: 'cd_perianal', meaning: 'Perianal disease modifier (p)', unit: '1', type: 'binary', missingRate: 0.1 },
    { name: 'prior_bowel_resection', meaning: 'Prior intestinal resection', unit: '1', type: 'binary', missingRate: 0 },
    {
      name: 'cdai_cd',
      meaning: "Crohn's Disease Activity Index",
      unit: '1',
      type: 'numeric',
      range: [0, 700],
      missingRate: 0.5,
      proxies: ['hbi', 'crp_mg_l', 'albumin_g_l'],
    },
    { name: 'hbi', meaning: 'Harvey-Bradshaw Index', unit: '1', type: 'numeric', range: [0, 40], missingRate: 0.3, proxies: ['cdai_cd'] },
    ...currentTherapyInputs(Object.keys(CLASS)),
  ],
  drugs: Object.entries(CLASS).map(([drug, cls]) => ({ drug, cls })),
  exposureInput: {
    anti_tnf: 'prior_anti_tnf',
    anti_integrin: 'prior_anti_integrin',
    anti_il12_23: 'prior_anti_il12_23',
    anti_il23: 'prior_anti_il12_23',
    jak: 'prior_jak',
  },
  registry: {
    label: 'routine-care registry, moderate-severe CD at an advanced-therapy decision (start, switch or continue)',
    exposedShare: 0.45,
    activityShift: 0,
    currentShare: 0.6,
  },
  nRegistry: 150000,
  sample,
  baseline,
  zOf,
  params,
  propensity,
  reference: { label: 'contemporary trial-like: CDAI 220-450, no prior advanced therapy', exposedShare: 0, activityShift: 0.3, include: active(220, 450) },
  referenceCovariates: { exposed: 0 },
  trials: TRIALS,
  nma: [
    {
      id: 'NMA01',
      source: 'Singh 2018 NMA (PMC7183879 Table 2); NMA03 agrees',
      population: { label: 'biologic-naive, CDAI 220-450', exposedShare: 0, activityShift: 0.3, include: active(220, 450) },
      tiers: [['infliximab'], ['adalimumab'], ['ustekinumab', 'vedolizumab'], ['certolizumab pegol']],
    },
    {
      id: 'NMA04',
      source: 'Barberio 2023 NMA: overall IFX 1st, RZB 2nd, UPA 3rd',
      population: { label: 'mixed, 50% biologic-exposed', exposedShare: 0.5, activityShift: 0.3, include: active(220, 450) },
      tiers: [['infliximab'], ['risankizumab'], ['upadacitinib']],
    },
  ],
  rowUse: [
    { id: 'CD01', use: 'not mapped: response (CDAI drop >= 70), wk 4' },
    { id: 'CD02', use: 'calibrates infliximab' },
    { id: 'CD03', use: 'not mapped: maintenance wk 30' },
    { id: 'CD04', use: 'not mapped: single-arm response' },
    { id: 'CD05', use: 'calibrates adalimumab' },
    { id: 'CD06', use: 'not mapped: 80/40 mg is not the labelled induction dose' },
    { id: 'CD07', use: 'held-out check of the severity modifier (both subgroups)' },
    { id: 'CD09', use: 'not mapped: response endpoint' },
    { id: 'CD10', use: 'not mapped: response endpoint' },
    { id: 'CD11', use: 'calibrates certolizumab pegol' },
    { id: 'CD12', use: 'calibrates vedolizumab' },
    { id: 'CD13', use: 'not mapped: response endpoint' },
    { id: 'CD14', use: 'held-out (prior anti-TNF modifier)' },
    { id: 'CD15', use: 'held-out (anti-TNF-naive)' },
    { id: 'CD20', use: 'not mapped: response endpoint' },
    { id: 'CD21', use: 'calibrates ustekinumab' },
    { id: 'CD24', use: 'calibrates risankizumab' },
    { id: 'CD25', use: 'not mapped: endoscopic' },
    { id: 'CD28', use: 'calibrates upadacitinib' },
    { id: 'CD29', use: 'not mapped: endoscopic' },
    { id: 'NMA01', use: 'ordering check (biologic-naive)' },
    { id: 'NMA02', use: 'not mapped: maintenance' },
    { id: 'NMA03', use: 'ordering consistent with NMA01 (same check)' },
    { id: 'NMA04', use: 'ordering check (overall)' },
    { id: 'PR01', use: 'primary non-response share 25%' },
    { id: 'PR02', use: 'direction of albumin, BMI, smoking, immunomodulator modifiers' },
    { id: 'PR03', use: 'baseline CDAI slope (with CD07)' },
    { id: 'PR05', use: 'prior-exposure modifier direction' },
  ],
  assumptions: [
    'NMA04 (Barberio 2023) ranks risankizumab 600 mg 2nd and upadacitinib 45 mg 3rd overall by P-score without an overall relative risk for either, and ranks risankizumab 1st in bio-exposed patients (RR 0.74, P 0.92). The simulated margin in a 50% bio-exposed population (about 0.9 pp) follows from the calibrating odds ratios, ADVANCE 2.45 (CD24) and U-EXCEL 2.39 (CD28), both in mixed populations: the trials themselves put the two drugs this close, so the ordering is checked but a larger margin is not imposed.',
    'Share of prior anti-TNF in PRECiSE 1 (CD11) set to 25%, in ADVANCE (CD24) to 58%, in U-EXCEL (CD28) to 50%: not verified.',
    'Sizes of the albumin, BMI, smoking, immunomodulator and duration modifiers are assumed; PR02 gives only their direction.',
    'Covariate distributions (age, BMI, laboratory values, Montreal classes) are plausible shapes, not estimates.',
  ],
};
