/**
 * Choosing the demo patients from the simulated registry cohorts: for each slot the first simulated patient (in
 * the seeded sampling order) that shows the wanted feature and whose therapy inputs can be written as a dated
 * history. Same seed -> same patients -> same Bundles.
 */
import { createRng, mixSeed } from '../../../contract/prng.ts';
import { samplePopulation } from '../simulate/engine.ts';
import { CONFIGS } from '../simulate/index.ts';
import type { Indication, Patient } from '../simulate/types.ts';
import type { Scenario } from './clinical.ts';
import { coursesFor, drugsFor } from './history.ts';
import type { CodingStyle } from './style.ts';
import type { DemoPatient } from './toFhir.ts';

/** Default seed of the committed demo set (the fixed today, 2026-11-15). */
export const DEFAULT_SEED = 20261115;
/** Simulated registry patients scanned per indication. */
const COHORT_N = 3000;

interface Slot {
  key: string;
  indication: Indication;
  style: CodingStyle;
  want: (p: Patient) => boolean;
  scenario: Scenario;
}

const n = (p: Patient, k: string): number => (typeof p[k] === 'number' ? p[k] : Number.NaN);
const on = (p: Patient): string => String(p.current_advanced_therapy);
const TNF = new Set(['adalimumab', 'etanercept', 'infliximab', 'certolizumab pegol', 'golimumab']);

/** The eight demo slots: two per indication, coding styles varied, each showing one feature of the app. */
export const SLOTS: readonly Slot[] = [
  {
    key: 'sim-cd-01',
    indication: 'cd',
    style: 'us',
    want: (p) => n(p, 'prior_advanced_count') >= 3 && on(p) !== 'none',
    scenario: { hbvMissing: true, story: '>= 3 advanced therapies, on one now; no hepatitis B serology recorded (screen before switching)' },
  },
  {
    key: 'sim-cd-02',
    indication: 'cd',
    style: 'de',
    want: (p) => n(p, 'prior_advanced_count') === 0 && n(p, 'cdai_cd') >= 250,
    scenario: { story: 'biologic-naive, active disease: first advanced therapy' },
  },
  {
    key: 'sim-uc-01',
    indication: 'uc',
    style: 'ips',
    want: (p) => p.sex_female === true && n(p, 'age_years') >= 22 && n(p, 'age_years') <= 38 && TNF.has(on(p)),
    scenario: { pregnancyPlanned: true, story: 'pregnancy planned (negative hCG 4 days ago), on an anti-TNF' },
  },
  {
    key: 'sim-uc-02',
    indication: 'uc',
    style: 'de',
    want: (p) => on(p) === 'vedolizumab' && p.prior_anti_tnf === true,
    scenario: { story: 'on vedolizumab after anti-TNF failure' },
  },
  {
    key: 'sim-ra-01',
    indication: 'ra',
    style: 'de',
    want: (p) => n(p, 'age_years') >= 60 && n(p, 'age_years') <= 78 && n(p, 'prior_advanced_count') >= 1 && !TNF.has(on(p)),
    scenario: { nyha: 3, story: 'heart failure NYHA III (anti-TNF contraindicated), biologic-experienced' },
  },
  {
    key: 'sim-ra-02',
    indication: 'ra',
    style: 'ips',
    want: (p) => n(p, 'prior_advanced_count') === 0 && p.immunomodulator_current === true && n(p, 'das28_crp') >= 5.1,
    scenario: { story: 'methotrexate-inadequate responder, biologic-naive, high activity' },
  },
  {
    key: 'sim-rms-01',
    indication: 'rms',
    style: 'ips',
    want: (p) => on(p) === 'natalizumab' && n(p, 'current_therapy_duration_months') >= 18,
    scenario: { jcvIndex: 1.8, story: 'on natalizumab > 18 months with a positive JCV index 1.8 (PML risk: switch due)' },
  },
  {
    key: 'sim-rms-02',
    indication: 'rms',
    style: 'us',
    want: (p) => n(p, 'prior_advanced_count') === 0 && n(p, 'relapses_12m') >= 2,
    scenario: { jcvIndex: 0.15, story: 'treatment-naive, highly active (>= 2 relapses in 12 months), JCV negative' },
  },
];

const NAMES: Record<CodingStyle, { female: string[]; male: string[]; family: string[] }> = {
  us: {
    female: ['Emma', 'Olivia', 'Grace', 'Maya'],
    male: ['Liam', 'Noah', 'Ethan', 'Lucas'],
    family: ['Miller', 'Brooks', 'Nguyen', 'Patel', 'Hughes', 'Foster'],
  },
  de: {
    female: ['Anna', 'Julia', 'Sabine', 'Lena'],
    male: ['Jonas', 'Thomas', 'Stefan', 'Felix'],
    family: ['Becker', 'Wagner', 'Hofmann', 'Krüger', 'Vogel', 'Zimmermann'],
  },
  ips: {
    female: ['Sanne', 'Fleur', 'Eva', 'Lotte'],
    male: ['Daan', 'Bram', 'Sem', 'Ruben'],
    family: ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Mulder'],
  },
};

/**
 * Picks the demo patients.
 * @param seed master seed (cohort sampling and each patient's own stream derive from it)
 * @returns one DemoPatient per slot, in SLOTS order; throws when a slot finds no patient (raise COHORT_N)
 */
export function selectDemoPatients(seed: number = DEFAULT_SEED): DemoPatient[] {
  const cohorts = new Map<Indication, Patient[]>();
  const used = new Set<Patient>();
  return SLOTS.map((slot, i) => {
    let cohort = cohorts.get(slot.indication);
    if (!cohort) {
      const config = CONFIGS[slot.indication];
      cohort = samplePopulation(config, config.registry, COHORT_N, mixSeed(seed, 7000 + Object.keys(CONFIGS).indexOf(slot.indication)));
      cohorts.set(slot.indication, cohort);
    }
    for (const p of cohort) {
      if (used.has(p) || !slot.want(p)) continue;
      const drugs = drugsFor(slot.indication, p);
      const courses = drugs ? coursesFor(slot.indication, p, drugs) : undefined;
      if (!courses) continue;
      used.add(p);
      const rng = createRng(mixSeed(seed, 8000 + i));
      const names = NAMES[slot.style];
      const given = (p.sex_female === true ? names.female : names.male)[rng.int(4)] ?? 'Alex';
      const family = names.family[rng.int(names.family.length)] ?? 'Doe';
      return {
        key: slot.key,
        indication: slot.indication,
        style: slot.style,
        sim: p,
        courses,
        scenario: slot.scenario,
        name: { given, family },
        seed: mixSeed(seed, 9000 + i),
      };
    }
    throw new Error(`${slot.key}: no simulated patient in ${COHORT_N} fits the slot`);
  });
}
