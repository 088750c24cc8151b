/**
 * Ulcerative colitis evidence network: clinical remission (Mayo-based definitions) at the end of induction
 * (weeks 6-12), placebo-controlled trials of calibration.csv. Response (UC01, UC09, UC10, UC13, UC22, UC24,
 * UC27), maintenance (UC12) and week-52 (UC31) rows are not in the network.
 *
 * Modifiers (active arms only): `expo_tnf` = share with prior advanced therapy for an anti-TNF (within-trial
 * evidence: ULTRA 2 anti-TNF-naive vs exposed strata, UC07/UC08); `expo_other` = the same for any other
 * class (within-trial evidence: ELEVATE UC 52 naive vs experienced strata, UC29/UC30, and the spread of
 * exposure shares across trials). The kind of prior exposure matters: NMA06 (TNF-exposed) puts adalimumab
 * near placebo and ustekinumab/tofacitinib far above it.
 */
import type { Network } from '../types.ts';
import { pStudy } from './build.ts';
import type { ArmSpec } from './build.ts';

const TNF = new Set(['infliximab', 'adalimumab', 'golimumab']);
const act = (drug: string, pct: number, n: number, expo: number): ArmSpec => [drug, pct, n, TNF.has(drug) ? { expo_tnf: expo } : { expo_other: expo }];

/** The UC network. */
export const UC_NETWORK: Network = {
  indication: 'uc',
  link: 'logit',
  modifiers: [
    { name: 'expo_tnf', meaning: 'prior advanced therapy (share), on the log odds ratio of an anti-TNF vs placebo' },
    { name: 'expo_other', meaning: 'prior advanced therapy (share), on the log odds ratio of a non-TNF drug vs placebo' },
  ],
  baselineCovariates: ['exposed'],
  studies: [
    pStudy({
      id: 'ACT 1',
      label: 'ACT 1 infliximab 5 mg/kg, wk 8',
      year: 2005,
      covariates: { exposed: 0 },
      notes: 'arm n ~364/3 (row: approximate)',
      levels: [['remission', ['UC02'], [[null, 14.9, 121], act('infliximab', 38.8, 121, 0)]]],
    }),
    pStudy({
      id: 'ULTRA 1',
      label: 'ULTRA 1 adalimumab 160/80, wk 8',
      year: 2011,
      covariates: { exposed: 0 },
      notes: 'arm n not in the row: 130/130 (assumed)',
      levels: [['remission', ['UC05'], [[null, 9.2, 130], act('adalimumab', 18.5, 130, 0)]]],
    }),
    pStudy({
      id: 'ULTRA 2 naive',
      trial: 'ULTRA 2',
      label: 'ULTRA 2 adalimumab, anti-TNF-naive stratum, wk 8',
      year: 2012,
      covariates: { exposed: 0 },
      notes: 'stratum n ~60% of UC06 (150/150, assumed)',
      levels: [['remission', ['UC07'], [[null, 11.0, 150], act('adalimumab', 21.3, 150, 0)]]],
    }),
    pStudy({
      id: 'ULTRA 2 exposed',
      trial: 'ULTRA 2',
      label: 'ULTRA 2 adalimumab, anti-TNF-exposed stratum, wk 8',
      year: 2012,
      covariates: { exposed: 1 },
      notes: 'stratum n ~40% of UC06 (98/98, assumed); row UC08 from memory',
      levels: [['remission', ['UC08'], [[null, 6.9, 98], act('adalimumab', 9.2, 98, 1)]]],
    }),
    pStudy({
      id: 'ULTRA 2',
      label: 'ULTRA 2 adalimumab, whole trial, wk 8',
      year: 2012,
      covariates: { exposed: 0.4 },
      fit: false,
      notes: 'union of the fitted strata: scored, not fitted',
      levels: [['remission', ['UC06'], [[null, 9.3, 246], act('adalimumab', 16.5, 248, 0.4)]]],
    }),
    pStudy({
      id: 'PURSUIT-SC',
      label: 'PURSUIT-SC golimumab 200/100, wk 6',
      year: 2014,
      covariates: { exposed: 0 },
      notes: 'row UC11 from memory; arm n ~257/256 (assumed)',
      levels: [['remission', ['UC11'], [[null, 6.4, 256], act('golimumab', 17.8, 257, 0)]]],
    }),
    pStudy({
      id: 'GEMINI 1',
      label: 'GEMINI 1 vedolizumab cohort 1, wk 6',
      year: 2013,
      covariates: { exposed: 0.4 },
      notes: 'row UC14 from memory; ~40% TNF failure (row, from memory)',
      levels: [['remission', ['UC14'], [[null, 5.4, 149], act('vedolizumab', 16.9, 225, 0.4)]]],
    }),
    pStudy({
      id: 'OCTAVE Induction 1',
      label: 'OCTAVE Induction 1 tofacitinib 10 mg bid, wk 8',
      year: 2017,
      covariates: { exposed: 0.51 },
      notes: 'rates and arm n from memory (row UC19)',
      levels: [['remission', ['UC19'], [[null, 8.2, 122], act('tofacitinib', 18.5, 476, 0.51)]]],
    }),
    pStudy({
      id: 'UNIFI',
      label: 'UNIFI ustekinumab induction, wk 8',
      year: 2019,
      covariates: { exposed: 0.5 },
      notes: 'biologic-failure share 50% and arm n 322/319 assumed',
      levels: [['remission', ['UC21'], [[null, 5.3, 319], act('ustekinumab', 15.5, 322, 0.5)]]],
    }),
    pStudy({
      id: 'True North',
      label: 'True North ozanimod cohort 1, wk 10',
      year: 2021,
      covariates: { exposed: 0.3 },
      notes: '~30% prior anti-TNF (row, from memory); arm n from the 2:1 ratio',
      levels: [['remission', ['UC23'], [[null, 6.0, 216], act('ozanimod', 18.4, 429, 0.3)]]],
    }),
    pStudy({
      id: 'True North moderate AT-naive',
      trial: 'True North',
      label: 'True North, advanced-therapy-naive moderate UC, wk 10',
      year: 2021,
      covariates: { exposed: 0 },
      fit: false,
      notes: 'post hoc subgroup of the fitted trial: scored, not fitted; n 203 split 2:1',
      levels: [['remission', ['UC25'], [[null, 10.6, 68], act('ozanimod', 36.8, 135, 0)]]],
    }),
    pStudy({
      id: 'U-ACHIEVE',
      label: 'U-ACHIEVE upadacitinib 45 mg, wk 8',
      year: 2022,
      covariates: { exposed: 0.5 },
      notes: 'numbers from a weak secondary source (row UC26); ~50% biologic failure',
      levels: [['remission', ['UC26'], [[null, 5, 155], act('upadacitinib', 26, 319, 0.5)]]],
    }),
    pStudy({
      id: 'ELEVATE naive',
      trial: 'ELEVATE UC 52',
      label: 'ELEVATE UC 52 etrasimod, bio/JAKi-naive, wk 12',
      year: 2023,
      covariates: { exposed: 0 },
      notes: 'subgroup n derived (row UC29)',
      levels: [['remission', ['UC29'], [[null, 9.7, 93], act('etrasimod', 30.9, 194, 0)]]],
    }),
    pStudy({
      id: 'ELEVATE experienced',
      trial: 'ELEVATE UC 52',
      label: 'ELEVATE UC 52 etrasimod, bio/JAKi-experienced, wk 12',
      year: 2023,
      covariates: { exposed: 1 },
      notes: '',
      levels: [['remission', ['UC30'], [[null, 2.4, 42], act('etrasimod', 17.5, 80, 1)]]],
    }),
    pStudy({
      id: 'LUCENT-1',
      label: 'LUCENT-1 mirikizumab 300 mg IV, wk 12',
      year: 2023,
      covariates: { exposed: 0.4 },
      notes: 'biologic-failure share not in the row: 40% (assumption)',
      levels: [['remission', ['UC33'], [[null, 13.3, 294], act('mirikizumab', 24.2, 868, 0.4)]]],
    }),
  ],
};
