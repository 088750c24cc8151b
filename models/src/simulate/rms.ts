/**
 * Relapsing multiple sclerosis: simulated patients and response model.
 *
 * Endpoint: relapse-free at 2 years. Relapse-free proportions at ~2 years (MS09, MS11, MS21, MS29, MS32)
 * are used directly. ARR rows are mapped by a Poisson assumption: relapses over 2 years ~ Poisson(2 x ARR),
 * so P(0 relapses in 2 y) = exp(-2 x ARR); a 2-year mean relapse count c maps to exp(-c). The Poisson
 * assumption ignores between-patient heterogeneity (over-dispersion), which makes mapped relapse-free
 * proportions slightly low; the ARR-mapped replicas of relapse-free rows show the size of that error.
 */
import { clip } from '../math.ts';
import type { Rng } from '../../../contract/prng.ts';
import { rmsNode } from '../synthesis/data/rms.ts';
import type { IndicationConfig, Patient, Population, TrialDef } from './types.ts';
import { COMMON_INPUTS, currentTherapyInputs, drawExposed, flag, num, sampleDemographics, trialDef } from './shared.ts';

const DUR_MEDIAN = 6;
/** Poisson mapping of an annualised relapse rate to P(relapse-free over 2 years). */
export const arrTo2y = (arr: number): number => Math.exp(-2 * arr);

const CLASS: Record<string, string> = {
  'interferon beta-1a': 'platform',
  'interferon beta-1b': 'platform',
  'glatiramer acetate': 'platform',
  teriflunomide: 'oral',
  'dimethyl fumarate': 'oral',
  fingolimod: 's1p',
  ozanimod: 's1p',
  ponesimod: 's1p',
  natalizumab: 'high',
  alemtuzumab: 'high',
  ocrelizumab: 'high',
  ofatumumab: 'high',
  ublituximab: 'high',
  cladribine: 'high',
};

function sample(rng: Rng, pop: Population): Patient {
  const p = sampleDemographics(rng, { ageMean: 37, ageSd: 9, female: 0.7, bmiMean: 25, smokeCurrent: 0.2, smokeEver: 0.2, durMedian: DUR_MEDIAN });
  const dur = num(p, 'disease_duration_years');
  const z = pop.activityShift + rng.normal();
  const exposed = drawExposed(rng, pop, dur, DUR_MEDIAN);
  const count = exposed ? Math.min(6, 1 + rng.poisson(0.3 + 0.05 * Math.min(dur, 20))) : 0;
  p.prior_advanced_count = count;
  p.prior_s1p = exposed && rng.bernoulli(count >= 2 ? 0.3 : 0.1);
  p.prior_anti_integrin = exposed && rng.bernoulli(count >= 2 ? 0.15 : 0.03);
  p.prior_other_advanced = exposed && (rng.bernoulli(0.9) || !(p.prior_s1p || p.prior_anti_integrin));
  const r12 = Math.min(6, rng.poisson(Math.exp(Math.log(0.8) + 0.5 * z)));
  p.relapses_12m = r12;
  p.relapses_24m = r12 + Math.min(6, rng.poisson(Math.exp(Math.log(0.5) + 0.4 * z)));
  p.edss = Math.round(2 * clip(2 + 0.06 * Math.min(dur, 25) + 0.4 * z + 1.0 * rng.normal(), 0, 7)) / 2;
  p.gd_lesions_12m = Math.min(20, rng.poisson(Math.exp(Math.log(0.6) + 0.8 * z)));
  p.new_t2_lesions_12m = Math.min(30, rng.poisson(Math.exp(Math.log(1.5) + 0.7 * z)));
  return p;
}

/**
 * Relapse-free over 2 years without a DMT, relative to the reference population (the engine adds the offset
 * that puts it at the baseline model's level: log ARR of no DMT for the latest trial era, through the
 * negative-binomial map to relapse-free over 2 years). Prognostic shape (centred simulation assumptions):
 * -0.35 per relapse in the last 12 months, -0.15 per further relapse in months 13-24, -0.08 per Gd+
 * lesion, -0.03 per new T2 lesion (disease activity predicts relapse; sizes assumed); +0.025 per year of age
 * (PR10/PR11: relapse activity falls with age); -0.1 per prior DMT (assumed).
 */
function baseline(p: Patient): number {
  const r12 = num(p, 'relapses_12m');
  return (
    -0.35 * (r12 - 0.8) -
    0.15 * (num(p, 'relapses_24m') - r12 - 0.5) -
    0.08 * (num(p, 'gd_lesions_12m') - 0.8) -
    0.03 * (num(p, 'new_t2_lesions_12m') - 1.8) +
    0.025 * (num(p, 'age_years') - 37) -
    0.1 * num(p, 'prior_advanced_count')
  );
}

/**
 * No effect modifier: calibration.csv gives no naive/experienced (or young/old, active/inactive) pair of
 * strata with both arms for any DMT (MS28, MS31, PR13-PR17 report one stratum or a direction only), so the
 * synthesis estimates none (network data/rms.ts) and the simulator applies none. The former age, prior-DMT
 * and activity sizes were assumptions and are gone.
 */
function zOf(): Record<string, number> {
  return {};
}

/** Routine-care choice (assumptions): high-efficacy for active and younger patients; platform/oral for older, milder disease. */
function propensity(p: Patient, d: { drug: string; cls: string }): number {
  const base: Record<string, number> = {
    'interferon beta-1a': 0,
    'interferon beta-1b': -0.8,
    'glatiramer acetate': 0,
    teriflunomide: 0.2,
    'dimethyl fumarate': 0.5,
    fingolimod: -0.2,
    ozanimod: -0.5,
    ponesimod: -0.9,
    natalizumab: -0.2,
    alemtuzumab: -1.2,
    ocrelizumab: 0.4,
    ofatumumab: 0.2,
    ublituximab: -0.9,
    cladribine: -0.4,
  };
  const activity = num(p, 'relapses_12m') + 0.3 * num(p, 'gd_lesions_12m');
  let s = base[d.drug] ?? 0;
  if (d.cls === 'high') s += 0.5 * activity - 0.03 * (num(p, 'age_years') - 37) + 0.4 * Math.min(2, num(p, 'prior_advanced_count'));
  if (d.cls === 'platform') s += -0.3 * activity + 0.02 * (num(p, 'age_years') - 37) - 0.8 * flag(p, 'prior_other_advanced');
  if (d.cls === 's1p') s -= 1.5 * flag(p, 'prior_s1p');
  if (d.drug === 'natalizumab') s -= 1.5 * flag(p, 'prior_anti_integrin');
  return s;
}

const rrms = (exposedShare: number, label: string, activityShift = 0.3): Population => ({
  label,
  exposedShare,
  activityShift,
  include: (p) => num(p, 'relapses_24m') >= 1 && num(p, 'edss') <= 5.5,
});
const t = trialDef;
const poisson = 'ARR mapped: exp(-2 x ARR)';

const TRIALS: TrialDef[] = [
  t(
    ['MS01'],
    'IFNB MS Study Group, interferon beta-1b',
    { ...rrms(0, 'RRMS, >=2 relapses in 2 y, DMT-naive', 0.5), include: (p) => num(p, 'relapses_24m') >= 2 && num(p, 'edss') <= 5.5 },
    [null, arrTo2y(1.12), 123],
    ['interferon beta-1b', arrTo2y(0.78), 124],
    true,
    `${poisson} (ARR over ~4-5 y)`,
  ),
  {
    ...t(
      ['MS01', 'IFN-1a'],
      'ASSUMPTION: interferon beta-1a effect = interferon beta-1b (no placebo-controlled IFN beta-1a row)',
      { ...rrms(0, 'as MS01', 0.5), include: (p) => num(p, 'relapses_24m') >= 2 && num(p, 'edss') <= 5.5 },
      [null, arrTo2y(1.12), 123],
      ['interferon beta-1a', arrTo2y(0.78), 124],
      true,
      'MS01 arms reused',
    ),
    assumption: true,
  },
  t(
    ['MS03'],
    'CONFIRM glatiramer acetate reference arm',
    rrms(0.1, 'RRMS, mostly DMT-naive'),
    [null, arrTo2y(0.4), 363],
    ['glatiramer acetate', arrTo2y(0.29), 350],
    true,
    poisson,
  ),
  t(
    ['MS04'],
    'Copolymer 1 pivotal (Johnson 1995)',
    rrms(0, 'RRMS, DMT-naive'),
    [null, Math.exp(-1.68), 126],
    ['glatiramer acetate', Math.exp(-1.19), 125],
    false,
    '2-year mean relapse count c mapped: exp(-c); row from memory',
  ),
  t(
    ['MS06'],
    'TEMSO teriflunomide 14 mg',
    rrms(0.25, 'RMS, ~25% prior DMT (assumed)'),
    [null, arrTo2y(0.54), 363],
    ['teriflunomide', arrTo2y(0.37), 358],
    true,
    `${poisson}; row from memory (MS05 verified -32% agrees)`,
  ),
  t(
    ['MS08'],
    'DEFINE dimethyl fumarate',
    rrms(0.4, 'RRMS, ~40% prior DMT (assumed)'),
    [null, arrTo2y(0.36), 408],
    ['dimethyl fumarate', arrTo2y(0.17), 410],
    true,
    poisson,
  ),
  t(
    ['MS09'],
    'DEFINE relapse-free proportion',
    rrms(0.4, 'as MS08'),
    [null, 0.54, 408],
    ['dimethyl fumarate', 0.73, 410],
    false,
    '1 - proportion relapsed at 2 y: direct',
  ),
  t(
    ['MS11'],
    'FREEDOMS fingolimod 0.5 mg, relapse-free',
    rrms(0.4, 'RRMS, ~40% prior DMT (assumed)'),
    [null, 0.46, 418],
    ['fingolimod', 0.7, 425],
    true,
    'relapse-free at 2 y: direct',
  ),
  t(['MS11', 'ARR'], 'FREEDOMS fingolimod, ARR', rrms(0.4, 'as MS11'), [null, arrTo2y(0.4), 418], ['fingolimod', arrTo2y(0.18), 425], false, poisson),
  t(
    ['MS20'],
    'AFFIRM natalizumab',
    rrms(0, 'RRMS, DMT-naive'),
    [null, arrTo2y(0.73), 315],
    ['natalizumab', arrTo2y(0.23), 627],
    true,
    `${poisson}; ARR from memory (MS19 verified -68% agrees)`,
  ),
  t(
    ['MS32'],
    'CLARITY cladribine 3.5 mg/kg, relapse-free',
    rrms(0.3, 'RRMS, mostly DMT-naive'),
    [null, 0.609, 437],
    ['cladribine', 0.797, 433],
    true,
    'relapse-free at 96 wk: direct',
  ),
  t(['MS32', 'ARR'], 'CLARITY cladribine, ARR', rrms(0.3, 'as MS32'), [null, arrTo2y(0.33), 437], ['cladribine', arrTo2y(0.14), 433], false, poisson),
  t(
    ['MS21'],
    'CARE-MS I alemtuzumab vs SC IFN beta-1a, relapse-free',
    rrms(0, 'active RRMS, treatment-naive, EDSS<=3', 0.5),
    ['interferon beta-1a', 0.587, 187],
    ['alemtuzumab', 0.776, 376],
    true,
    'relapse-free at 2 y: direct',
  ),
  t(
    ['MS21', 'ARR'],
    'CARE-MS I, ARR',
    rrms(0, 'as MS21', 0.5),
    ['interferon beta-1a', arrTo2y(0.39), 187],
    ['alemtuzumab', arrTo2y(0.18), 376],
    false,
    poisson,
  ),
  t(
    ['MS23'],
    'OPERA I ocrelizumab vs SC IFN beta-1a',
    rrms(0.3, 'RMS, ~30% prior DMT (assumed)'),
    ['interferon beta-1a', arrTo2y(0.29), 411],
    ['ocrelizumab', arrTo2y(0.16), 410],
    true,
    `${poisson} (96 wk)`,
  ),
  t(
    ['MS14'],
    'SUNBEAM ozanimod vs IM IFN beta-1a',
    rrms(0.3, 'RMS, ~30% prior DMT (assumed)'),
    ['interferon beta-1a', arrTo2y(0.35), 448],
    ['ozanimod', arrTo2y(0.18), 447],
    true,
    `${poisson}; IM and SC IFN beta-1a treated as one drug`,
  ),
  t(
    ['MS17'],
    'OPTIMUM ponesimod vs teriflunomide',
    rrms(0.4, 'RMS, ~40% prior DMT (assumed)'),
    ['teriflunomide', arrTo2y(0.29), 566],
    ['ponesimod', arrTo2y(0.202), 567],
    true,
    `${poisson}; row from memory (MS16 verified -30.5% agrees)`,
  ),
  t(
    ['MS26'],
    'ASCLEPIOS I ofatumumab vs teriflunomide',
    rrms(0.4, 'RMS, ~40% prior DMT (assumed)'),
    ['teriflunomide', arrTo2y(0.22), 462],
    ['ofatumumab', arrTo2y(0.11), 465],
    true,
    poisson,
  ),
  t(
    ['MS29'],
    'ULTIMATE I ublituximab vs teriflunomide, relapse-free',
    rrms(0.4, 'RMS, ~40% prior DMT (assumed)'),
    ['teriflunomide', 0.752, 275],
    ['ublituximab', 0.867, 274],
    true,
    'relapse-free at 96 wk: direct',
  ),
  t(
    ['MS31'],
    'ULTIMATE I+II treatment-naive',
    rrms(0, 'treatment-naive'),
    ['teriflunomide', arrTo2y(0.188), 377],
    ['ublituximab', arrTo2y(0.081), 345],
    false,
    poisson,
  ),
  t(
    ['PR15'],
    'ULTIMATE early (onset <=3 y), treatment-naive',
    { ...rrms(0, 'onset <= 3 y, naive'), include: (p) => num(p, 'disease_duration_years') <= 3 && num(p, 'relapses_24m') >= 1 },
    ['teriflunomide', arrTo2y(0.334), 140],
    ['ublituximab', arrTo2y(0.13), 139],
    false,
    poisson,
  ),
];

/** Relapsing MS simulator configuration. */
export const RMS: IndicationConfig = {
  id: 'rms',
  title: 'Relapsing multiple sclerosis',
  endpoint: 'relapse-free',
  horizon: '2 years',
  inputs: [
    COMMON_INPUTS.age_years!,
    COMMON_INPUTS.sex_female!,
    COMMON_INPUTS.disease_duration_years!,
    { ...COMMON_INPUTS.prior_advanced_count!, meaning: 'Number of distinct prior disease-modifying therapies (any DMT, platform injectables included)' },
    COMMON_INPUTS.prior_s1p!,
    { ...COMMON_INPUTS.prior_anti_integrin!, meaning: 'Any prior natalizumab' },
    { ...COMMON_INPUTS.prior_other_advanced!, meaning: 'Any prior DMT other than an S1P modulator or natalizumab' },
    {
      name: 'relapses_12m',
      meaning: 'Clinical relapses in the last 12 months',
      unit: '1',
      type: 'numeric',
      range: [0, 10],
      missingRate: 0.05,
      proxies: ['relapses_24m'],
    },
    {
      name: 'relapses_24m',
      meaning: 'Clinical relapses in the last 24 months',
      unit: '1',
      type: 'numeric',
      range: [0, 15],
      missingRate: 0.1,
      proxies: ['relapses_12m'],
    },
    { name: 'edss', meaning: 'Expanded Disability Status Scale', unit: '1', type: 'numeric', range: [0, 10], missingRate: 0.2 },
    {
      name: 'new_t2_lesions_12m',
      meaning: 'New or enlarging T2 lesions on MRI in the last 12 months',
      unit: '1',
      type: 'numeric',
      range: [0, 50],
      missingRate: 0.4,
    },
    {
      name: 'gd_lesions_12m',
      meaning: 'Gadolinium-enhancing lesions on MRI in the last 12 months',
      unit: '1',
      type: 'numeric',
      range: [0, 30],
      missingRate: 0.5,
      proxies: ['new_t2_lesions_12m', 'relapses_12m'],
    },
    ...currentTherapyInputs(Object.keys(CLASS)),
  ],
  drugs: Object.entries(CLASS).map(([drug, cls]) => ({ drug, cls })),
  exposureInput: {
    natalizumab: 'prior_anti_integrin',
    high: 'prior_other_advanced',
    platform: 'prior_other_advanced',
    oral: 'prior_other_advanced',
    s1p: 'prior_s1p',
  },
  registry: { label: 'routine-care registry, RMS at a DMT decision (start, switch or continue)', exposedShare: 0.45, activityShift: 0, currentShare: 0.6 },
  nRegistry: 500000,
  sample,
  baseline,
  zOf,
  params: () => ({}),
  propensity,
  reference: rrms(0, 'contemporary trial-like RMS: >= 1 relapse in 2 y, EDSS <= 5.5, DMT-naive'),
  referenceCovariates: {},
  node: rmsNode,
  trials: TRIALS,
  nma: [
    {
      id: 'MS21/MS23',
      source: 'head-to-head: alemtuzumab and ocrelizumab above SC interferon beta-1a',
      population: rrms(0.2, 'active RMS'),
      tiers: [['alemtuzumab', 'ocrelizumab'], ['interferon beta-1a']],
    },
    {
      id: 'MS26/MS29/MS17',
      source: 'head-to-head: ofatumumab, ublituximab, ponesimod above teriflunomide',
      population: rrms(0.3, 'RMS'),
      tiers: [['ofatumumab', 'ublituximab', 'ponesimod'], ['teriflunomide']],
    },
  ],
  rowUse: [
    { id: 'MS01', use: 'calibrates interferon beta-1b; reused for interferon beta-1a (assumption)' },
    { id: 'MS02', use: 'not mapped: disability endpoint' },
    { id: 'MS03', use: 'calibrates glatiramer acetate' },
    { id: 'MS04', use: 'held-out' },
    { id: 'MS05', use: 'consistency check of MS06 (-32%)' },
    { id: 'MS06', use: 'calibrates teriflunomide' },
    { id: 'MS08', use: 'calibrates dimethyl fumarate' },
    { id: 'MS09', use: 'held-out (relapse-free direct)' },
    { id: 'MS11', use: 'calibrates fingolimod (relapse-free); ARR held-out' },
    { id: 'MS12', use: 'not mapped: disability' },
    { id: 'MS14', use: 'calibrates ozanimod' },
    { id: 'MS16', use: 'consistency check of MS17' },
    { id: 'MS17', use: 'calibrates ponesimod' },
    { id: 'MS19', use: 'consistency check of MS20 (-68%)' },
    { id: 'MS20', use: 'calibrates natalizumab' },
    { id: 'MS21', use: 'calibrates alemtuzumab (relapse-free); ARR held-out' },
    { id: 'MS23', use: 'calibrates ocrelizumab' },
    { id: 'MS25', use: 'not mapped: disability' },
    { id: 'MS26', use: 'calibrates ofatumumab' },
    { id: 'MS28', use: 'not mapped: rate ratio only (direction used for prior-DMT modifier)' },
    { id: 'MS29', use: 'calibrates ublituximab' },
    { id: 'MS31', use: 'held-out (naive)' },
    { id: 'MS32', use: 'calibrates cladribine (relapse-free); ARR held-out' },
    { id: 'NMA10', use: 'not mapped: disability' },
    { id: 'NMA11', use: 'not mapped: estimates not retrieved' },
    { id: 'PR10', use: 'age modifier' },
    { id: 'PR11', use: 'age baseline term (direction)' },
    { id: 'PR12', use: 'age modifier' },
    { id: 'PR13', use: 'prior-DMT modifier' },
    { id: 'PR14', use: 'prior-DMT modifier direction' },
    { id: 'PR15', use: 'held-out (early, naive)' },
    { id: 'PR16', use: 'activity modifier direction' },
    { id: 'PR17', use: 'activity modifier direction' },
  ],
  armNotes: {
    'MS21+ARR':
      "CARE-MS I reports relapse-free at 2 years (77.6% vs 58.7% on interferon beta-1a, calibrating) and ARR (0.18 vs 0.39). The Poisson map exp(-2 x ARR) turns the ARR pair into 69.8% vs 45.8%: it ignores over-dispersion (relapses cluster in fewer patients), so the ARR-derived comparator sits 13 points below the trial's own relapse-free comparator. The relapse-free pair is reproduced; with a Poisson map the ARR pair of the same trial cannot be as well. A negative-binomial map fitted to CARE-MS I (dispersion about 0.8) would in turn break FREEDOMS, whose ARR and relapse-free rows agree with Poisson",
  },
  assumptions: [
    'Relapses over 2 years are Poisson (no over-dispersion): P(relapse-free 2 y) = exp(-2 x ARR).',
    'Interferon beta-1a (IM and SC) has the effect of interferon beta-1b (MS01): no placebo-controlled IFN beta-1a row exists in calibration.csv.',
    'Prior-DMT shares of TEMSO, DEFINE, FREEDOMS, OPERA, SUNBEAM, OPTIMUM, ASCLEPIOS and ULTIMATE are assumed (25-40%).',
  ],
};
