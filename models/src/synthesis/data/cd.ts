/**
 * Crohn's disease evidence network: clinical remission (CDAI < 150) at the end of induction (weeks 4-12),
 * placebo-controlled induction trials of calibration.csv. Response endpoints (CD01, CD09, CD10, CD13,
 * CD20), endoscopic endpoints (CD25, CD29), maintenance (CD03) and single-arm (CD04) rows are not in the
 * network: one endpoint definition, so no endpoint term is needed in the baseline model.
 *
 * Modifiers (active arms only): `expo` = share of the population with prior advanced therapy (within-trial
 * evidence: GEMINI 2 TNF-failure vs TNF-naive strata, CD14/CD15); `severe` = share with CDAI > 300
 * (within-trial evidence: CLASSIC I moderate vs severe strata, CD07). Trials not stratified by severity
 * enrolled CDAI 220-400/450: their severe share is taken as 0.5 (assumption).
 */
import type { Network } from '../types.ts';
import { pStudy } from './build.ts';
import type { ArmSpec } from './build.ts';

const act = (drug: string, pct: number, n: number, expo: number, severe = 0.5): ArmSpec => [drug, pct, n, { expo, severe }];

/** The CD network. */
export const CD_NETWORK: Network = {
  indication: 'cd',
  link: 'logit',
  modifiers: [
    { name: 'expo', meaning: 'prior advanced therapy (share of the population), on the log odds ratio of any drug vs placebo' },
    { name: 'severe', meaning: 'CDAI > 300 (share), on the log odds ratio vs placebo' },
  ],
  baselineCovariates: ['exposed'],
  studies: [
    pStudy({
      id: 'Targan 1997',
      label: 'Targan 1997 infliximab (pooled 5/10/20 mg/kg), wk 4',
      year: 1997,
      covariates: { exposed: 0 },
      notes: 'anti-TNF-naive (pre-biologic era)',
      levels: [['remission', ['CD02'], [[null, 4, 24], act('infliximab', 33, 83, 0)]]],
    }),
    pStudy({
      id: 'CLASSIC I moderate',
      trial: 'CLASSIC I',
      label: 'CLASSIC I adalimumab 160/80, CDAI <= 300, wk 4',
      year: 2006,
      covariates: { exposed: 0 },
      notes: 'stratum arm n not reported: half of CD05 each (38/38, assumed)',
      levels: [['remission', ['CD07'], [[null, 17.4, 38], act('adalimumab', 46.3, 38, 0, 0)]]],
    }),
    pStudy({
      id: 'CLASSIC I severe',
      trial: 'CLASSIC I',
      label: 'CLASSIC I adalimumab 160/80, CDAI > 300, wk 4',
      year: 2006,
      covariates: { exposed: 0 },
      notes: 'stratum arm n not reported: 38/36 (assumed)',
      levels: [['remission', ['CD07'], [[null, 3.6, 36], act('adalimumab', 22.9, 38, 0, 1)]]],
    }),
    pStudy({
      id: 'CLASSIC I',
      label: 'CLASSIC I adalimumab 160/80, whole trial, wk 4',
      year: 2006,
      covariates: { exposed: 0 },
      fit: false,
      notes: 'the union of the two fitted strata: scored, not fitted; arm n from memory (row CD05)',
      levels: [['remission', ['CD05'], [[null, 12, 74], act('adalimumab', 36, 76, 0)]]],
    }),
    pStudy({
      id: 'PRECiSE 1 CRP>=10',
      trial: 'PRECiSE 1',
      label: 'PRECiSE 1 certolizumab, CRP >= 10 mg/L stratum, wk 6',
      year: 2007,
      covariates: { exposed: 0.25 },
      notes: 'prior anti-TNF share not reported: 25% (assumption)',
      levels: [['remission', ['CD11'], [[null, 17, 154], act('certolizumab pegol', 22, 146, 0.25)]]],
    }),
    pStudy({
      id: 'GEMINI 2 TNF-failure',
      trial: 'GEMINI 2',
      label: 'GEMINI 2 vedolizumab, TNF-failure stratum, wk 6',
      year: 2013,
      covariates: { exposed: 1 },
      notes: 'stratum n not reported: ~48% of CD12 (105/70, assumed)',
      levels: [['remission', ['CD14'], [[null, 4.3, 70], act('vedolizumab', 10.5, 105, 1)]]],
    }),
    pStudy({
      id: 'GEMINI 2 TNF-naive',
      trial: 'GEMINI 2',
      label: 'GEMINI 2 vedolizumab, TNF-naive stratum, wk 6',
      year: 2013,
      covariates: { exposed: 0 },
      notes: 'stratum n not reported: ~52% of CD12 (115/76, assumed)',
      levels: [['remission', ['CD15'], [[null, 9.2, 76], act('vedolizumab', 17.4, 115, 0)]]],
    }),
    pStudy({
      id: 'GEMINI 2',
      label: 'GEMINI 2 vedolizumab cohort 1, whole, wk 6',
      year: 2013,
      covariates: { exposed: 0.5 },
      fit: false,
      notes: 'union of the fitted strata: scored, not fitted',
      levels: [['remission', ['CD12'], [[null, 6.8, 148], act('vedolizumab', 14.5, 220, 0.5)]]],
    }),
    pStudy({
      id: 'UNITI-1',
      label: 'UNITI-1 ustekinumab ~6 mg/kg, TNF failure, wk 8',
      year: 2016,
      covariates: { exposed: 1 },
      notes: 'row CD21 from memory, unverified',
      levels: [['remission', ['CD21'], [[null, 7.3, 247], act('ustekinumab', 20.9, 249, 1)]]],
    }),
    pStudy({
      id: 'ADVANCE',
      label: 'ADVANCE risankizumab 600 mg, wk 12',
      year: 2022,
      covariates: { exposed: 0.58 },
      notes: 'biologic-failure share not in the row: 58% (assumption, as before); ITT n from memory',
      levels: [['remission', ['CD24'], [[null, 25, 175], act('risankizumab', 45, 336, 0.58)]]],
    }),
    pStudy({
      id: 'U-EXCEL',
      label: 'U-EXCEL upadacitinib 45 mg, wk 12',
      year: 2023,
      covariates: { exposed: 0.5 },
      notes: 'biologic-failure share not in the row: 50% (assumption); arm n from the 2:1 ratio',
      levels: [['remission', ['CD28'], [[null, 29.1, 176], act('upadacitinib', 49.5, 350, 0.5)]]],
    }),
  ],
};
