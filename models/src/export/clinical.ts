/**
 * Observation series of a simulated patient: labs ending at the simulated value, activity scores (or their
 * components), vital signs, smoking status, and the safety results of the demo scenario.
 */
import type { Rng } from '../../../contract/prng.ts';
import { LOINC, SCORE, SNOMED } from './codes.ts';
import { addDays, cc, type Chart, condition, observation, TODAY, weekday } from './fhir.ts';
import { fitJointCounts } from './history.ts';
import type { Analyte, CodingStyle, StyleDef } from './style.ts';
import { heartFailureCode, relapseCode } from './style.ts';

/** Days before today of the quarterly lab draws, newest last (the last within every 90-day staleness limit). */
export const LAB_DAYS = [-730, -640, -550, -460, -370, -280, -190, -100, -9];

const round = (v: number, decimals: number): number => {
  const p = 10 ** decimals;
  return Math.round(v * p) / p;
};

/**
 * A lab series whose last value is `last` (canonical unit) and whose earlier values wander log-normally around
 * it (SD 0.3 on the log scale; a display assumption, not a model of disease course).
 */
export function labSeries(c: Chart, s: StyleDef, analyte: Analyte, slugName: string, last: number, rng: Rng, days: readonly number[] = LAB_DAYS): void {
  const u = s.labs[analyte];
  days.forEach((offset, i) => {
    const date = weekday(addDays(TODAY, offset));
    const canonical = i === days.length - 1 ? last : last * Math.exp(0.3 * rng.normal());
    observation(c, {
      id: `${c.pid}-${slugName}-${date}`,
      code: u.code,
      date,
      value: { value: round(canonical * u.factor, u.decimals), unit: u.unit, ucum: u.ucum },
      ...(u.highCanonical !== undefined ? { high: round(u.highCanonical * u.factor, u.decimals) } : {}),
    });
  });
}

/** A qualitative result (SNOMED CT positive/negative qualifier, sandbox/fixtures/README.md provenance). */
export function qualitative(c: Chart, slugName: string, code: typeof LOINC.hbsag, date: string, positive: boolean): void {
  observation(c, { id: `${c.pid}-${slugName}-${date}`, code, date, answer: cc(positive ? SNOMED.positive : SNOMED.negative) });
}

/** A score series on the local score system (valueQuantity {score}); the last value is the simulated one. */
export function scoreSeries(c: Chart, code: typeof SCORE.hbi, slugName: string, values: number[], days: number[], decimals = 0): void {
  values.forEach((v, i) => {
    const date = weekday(addDays(TODAY, days[i] ?? 0));
    observation(c, { id: `${c.pid}-${slugName}-${date}`, code, category: 'exam', date, time: '10:30', value: { value: round(v, decimals), unit: '{score}' } });
  });
}

/** Weight, height and BMI at two visits; the latest BMI is the simulated one. */
export function vitals(c: Chart, bmi: number, female: boolean, rng: Rng): void {
  const height = Math.round((female ? 166 : 179) + 6 * rng.normal());
  const earlierBmi = round(bmi + 0.6 * rng.normal(), 1);
  for (const [offset, b] of [
    [-190, earlierBmi],
    [-9, bmi],
  ] as const) {
    const date = weekday(addDays(TODAY, offset));
    const base = { date, time: '09:10', category: 'vital-signs' as const };
    observation(c, { ...base, id: `${c.pid}-weight-${date}`, code: LOINC.weight, value: { value: round(b * (height / 100) ** 2, 1), unit: 'kg' } });
    observation(c, { ...base, id: `${c.pid}-height-${date}`, code: LOINC.height, value: { value: height, unit: 'cm' } });
    observation(c, { ...base, id: `${c.pid}-bmi-${date}`, code: LOINC.bmi, value: { value: b, unit: 'kg/m2' } });
  }
}

/** Smoking status (LOINC 72166-2, SNOMED answers of the US Core value set) 3 years ago and a month ago. */
export function smoking(c: Chart, current: boolean, ever: boolean): void {
  let now = SNOMED.neverSmoker;
  if (current) now = SNOMED.smokerDaily;
  else if (ever) now = SNOMED.exSmoker;
  const before = ever ? SNOMED.smokerDaily : SNOMED.neverSmoker;
  for (const [offset, answer] of [
    [-1100, before],
    [-30, now],
  ] as const) {
    const date = weekday(addDays(TODAY, offset));
    observation(c, { id: `${c.pid}-smoking-${date}`, code: LOINC.smoking, category: 'social-history', date, answer: cc(answer, answer.display) });
  }
}

/** RA joint counts and globals (LOINC CDAI components, as ra-ips-001) at three visits, fitted to the simulated DAS28-CRP and CDAI at the last. */
export function jointCounts(c: Chart, das28: number, cdai: number, crp: number): { tjc: number; sjc: number; ptga: number; ega: number } {
  const fit = fitJointCounts(das28, cdai, crp);
  const visits: Array<[number, typeof fit]> = [
    [-190, { tjc: Math.max(0, fit.tjc - 3), sjc: Math.max(0, fit.sjc - 2), ptga: Math.max(0, fit.ptga - 1.5), ega: Math.max(0, fit.ega - 1.5) }],
    [-100, { tjc: Math.max(0, fit.tjc - 1), sjc: Math.max(0, fit.sjc - 1), ptga: Math.max(0, fit.ptga - 0.5), ega: Math.max(0, fit.ega - 0.5) }],
    [-9, fit],
  ];
  for (const [offset, v] of visits) {
    const date = weekday(addDays(TODAY, offset));
    const base = { date, category: 'exam' as const, time: '10:30' };
    observation(c, { ...base, id: `${c.pid}-tjc28-${date}`, code: LOINC.tjc, integer: v.tjc });
    observation(c, { ...base, id: `${c.pid}-sjc28-${date}`, code: LOINC.sjc, integer: v.sjc });
    observation(c, { ...base, id: `${c.pid}-ptga-${date}`, category: 'survey', code: LOINC.ptga, value: { value: v.ptga, unit: '{score}' } });
    observation(c, { ...base, id: `${c.pid}-ega-${date}`, code: LOINC.ega, value: { value: v.ega, unit: '{score}' } });
  }
  return fit;
}

/** `n` day offsets spread evenly over [from, to]. */
const place = (n: number, from: number, to: number): number[] => Array.from({ length: n }, (_, i) => Math.round(from + ((i + 0.5) * (to - from)) / n));

/**
 * MS relapses as resolved encounter diagnoses: `r12` in the last 12 months, `r24 - r12` in months 13-24, spaced
 * evenly (more than 30 days apart: src/extract/derive.ts merges closer ones, McDonald 2017).
 */
export function relapses(c: Chart, style: CodingStyle, r12: number, r24: number): void {
  const days = [...place(r24 - r12, -715, -380), ...place(r12, -350, -20)];
  for (const d of days) {
    const onset = addDays(TODAY, d);
    condition(c, {
      id: `${c.pid}-relapse-${onset}`,
      code: relapseCode(style),
      onset,
      abatement: addDays(onset, 28),
      clinical: 'resolved',
      category: 'encounter-diagnosis',
    });
  }
}

/** MRI lesion counts (local score codes): a baseline 14 months ago and the latest scan 6 weeks ago with the simulated counts. */
export function mri(c: Chart, newT2: number, gd: number, rng: Rng): void {
  const rows: Array<[number, number, number]> = [
    [-425, Math.max(0, newT2 + Math.round(rng.normal())), Math.max(0, gd - 1)],
    [-42, newT2, gd],
  ];
  for (const [offset, t2, g] of rows) {
    const date = weekday(addDays(TODAY, offset));
    const base = { date, category: 'imaging' as const, time: '14:00' };
    observation(c, { ...base, id: `${c.pid}-mri-t2-${date}`, code: SCORE.newT2, integer: t2 });
    observation(c, { ...base, id: `${c.pid}-mri-gd-${date}`, code: SCORE.gd, integer: g });
  }
}

/** The safety facts of a demo scenario. */
export interface Scenario {
  /** NYHA class of a heart failure (absent = no heart failure). */
  nyha?: 3 | 4;
  /** Latest JCV antibody index (STRATIFY JCV; > 0.40 positive, natalizumab SmPC 4.4). */
  jcvIndex?: number;
  pregnancyPlanned?: boolean;
  /** No hepatitis B serology anywhere in the record (the "screen before starting" case). */
  hbvMissing?: boolean;
  /** One-line story for the README. */
  story: string;
}

/** Safety results: IGRA negative 2 months ago, HBV serology unless missing, heart failure + NYHA, JCV index series, pregnancy plan + negative hCG. */
export function safety(c: Chart, s: StyleDef, sc: Scenario, dxOnset: string): void {
  const screen = weekday(addDays(TODAY, -60));
  qualitative(c, 'igra', LOINC.igra, screen, false);
  if (!sc.hbvMissing) {
    qualitative(c, 'hbsag', LOINC.hbsag, screen, false);
    qualitative(c, 'anti-hbc', LOINC.antiHbc, screen, false);
  }
  if (sc.nyha) {
    const hfOnset = addDays(TODAY, -1200) > dxOnset ? addDays(TODAY, -1200) : dxOnset;
    condition(c, { id: `${c.pid}-dx-heart-failure`, code: heartFailureCode(s.style, sc.nyha), onset: hfOnset });
    const roman = sc.nyha === 4 ? 'IV' : 'III';
    for (const [offset, text] of [
      [-400, s.lang === 'de' ? 'NYHA-Klasse II' : 'NYHA class II'],
      [-30, s.lang === 'de' ? `NYHA-Klasse ${roman}` : `NYHA class ${roman}`],
    ] as const) {
      const date = weekday(addDays(TODAY, offset));
      observation(c, { id: `${c.pid}-nyha-${date}`, code: LOINC.nyha, category: 'exam', date, answer: { text } });
    }
  }
  const jcv = sc.jcvIndex;
  if (jcv !== undefined) {
    const steps = [-760, -580, -400, -220, -40];
    steps.forEach((offset, i) => {
      const date = weekday(addDays(TODAY, offset));
      const v = round(jcv * (0.45 + (0.55 * i) / (steps.length - 1)), 2);
      observation(c, { id: `${c.pid}-jcv-index-${date}`, code: LOINC.jcvIndex, date, value: { value: v, unit: '{index}' } });
    });
  }
  if (sc.pregnancyPlanned) {
    const planned = addDays(TODAY, -75);
    condition(c, {
      id: `${c.pid}-pregnancy-plan`,
      code: cc(SNOMED.planningPregnancy, s.lang === 'de' ? 'Kinderwunsch' : 'Planning pregnancy'),
      onset: planned,
    });
    qualitative(c, 'hcg', LOINC.hcgUrine, weekday(addDays(TODAY, -4)), false);
  }
}
