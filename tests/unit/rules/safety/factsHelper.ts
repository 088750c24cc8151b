/**
 * Builds extracted facts in the shape src/extract/values.ts defines, and a "clean" baseline record in
 * which every safety fact is known and unremarkable (so a case changes only what it tests).
 */
import type { InputName } from '@src/extract/catalogue.ts';
import { CATALOGUE_BY_NAME } from '@src/extract/catalogue.ts';
import type { InputScalar, InputValue } from '@src/extract/values.ts';

export const NOW = new Date('2026-11-29T09:00:00Z');

interface Extra {
  date?: string;
  sources?: string[];
  note?: string;
}

const unitOf = (name: InputName): string | null => CATALOGUE_BY_NAME[name].unit;

/** An `ok` value with a date and a source reference named after the fact. */
export function ok(name: InputName, value: InputScalar, extra: Extra = {}): InputValue {
  const v: InputValue = {
    name,
    state: 'ok',
    value,
    unit: unitOf(name),
    date: extra.date ?? '2026-10-01',
    sources: extra.sources ?? [`Observation/${name}`],
    matchedBy: 'code',
  };
  if (extra.note !== undefined) v.note = extra.note;
  return v;
}

/** An `ok` value without an effective date (the record gave none). */
export function okUndated(name: InputName, value: InputScalar): InputValue {
  return { name, state: 'ok', value, unit: unitOf(name), sources: [`Immunization/${name}`], matchedBy: 'code' };
}

/** A `stale` value (older than the catalogue's staleAfterDays). */
export function stale(name: InputName, value: InputScalar, date = '2024-01-15'): InputValue {
  return {
    name,
    state: 'stale',
    value,
    unit: unitOf(name),
    date,
    sources: [`Observation/${name}-old`],
    matchedBy: 'code',
    ageDays: 1049,
    reason: 'older than the staleness limit',
  };
}

/** A `missing` value with a reason. */
export function missing(name: InputName): InputValue {
  return { name, state: 'missing', reason: 'no matching resource', sources: [] };
}

/** A `missing` value with the extractor's own reason (e.g. heart failure without a NYHA class). */
export function missingBecause(name: InputName, reason: string): InputValue {
  return { name, state: 'missing', reason, sources: [`Condition/${name}`] };
}

/** An `implausible` number. */
export function implausible(name: InputName, value: number): InputValue {
  return {
    name,
    state: 'implausible',
    value,
    unit: unitOf(name),
    date: '2026-10-01',
    sources: [`Observation/${name}-bad`],
    matchedBy: 'code',
    reason: 'outside the plausible range',
  };
}

/** A number whose unit could not be converted. */
export function unknownUnit(name: InputName): InputValue {
  return {
    name,
    state: 'unknown-unit',
    unit: unitOf(name),
    date: '2026-10-01',
    sources: [`Observation/${name}-unit`],
    matchedBy: 'code',
    reason: 'unit "cells" not convertible',
  };
}

/** Every fact the rules read, known and unremarkable: a 40-year-old non-smoking woman of childbearing potential, not pregnant. */
export const BASELINE: readonly InputValue[] = [
  ok('age_years', 40),
  ok('sex_female', true),
  ok('smoking_current', false),
  ok('smoking_ever', false),
  ok('current_advanced_therapy', 'none'),
  ok('current_therapy_duration_months', 0),
  ok('lymphocytes_10e9_l', 1.8),
  ok('haemoglobin_g_dl', 13.2),
  ok('heart_failure_nyha', 0),
  ok('demyelinating_disease', false),
  ok('tb_latent', false),
  ok('tb_active', false),
  ok('tb_screen_result', 'negative'),
  ok('hbv_hbsag', 'negative'),
  ok('hbv_anti_hbc', 'negative'),
  ok('jcv_antibody_status', 'negative'),
  ok('pregnancy_current', false),
  ok('pregnancy_planned', false),
  ok('malignancy_history', false),
  ok('vte_history', false),
  ok('cv_risk', 'none'),
  ok('live_vaccine_recent', false),
  ok('serious_infection_active', false),
  // Issue 10 facts: looked and found nothing / normal results.
  ok('malignancy_active', false),
  ok('lymphoma_history', false),
  ok('cardiac_event_6m', false),
  ok('conduction_block', false),
  ok('hiv_positive', false),
  ok('hcv_active', false),
  ok('hbv_chronic', false),
  ok('diverticulitis_history', false),
  ok('interstitial_lung_disease', false),
  ok('autoimmune_other', false),
  ok('vascular_history', false),
  ok('coagulopathy_or_antithrombotic', false),
  ok('macular_oedema_risk', false),
  ok('childbearing_potential', true),
  ok('tb_prophylaxis', false),
  ok('vzv_immune', 'immune'),
  ok('neutrophils_10e9_l', 4.2),
  ok('platelets_10e9_l', 250),
  ok('igg_g_l', 10.5),
  ok('alt_x_uln', 0.6),
  ok('ast_x_uln', 0.7),
  ok('egfr_ml_min', 95),
  ok('qtc_ms', 410),
  ok('prior_immunosuppressant', false),
];

/** Baseline facts with values replaced (`set`) and names removed entirely (`drop`). */
export function facts(set: readonly InputValue[] = [], drop: readonly InputName[] = []): Record<string, InputValue> {
  const out: Record<string, InputValue> = Object.fromEntries(BASELINE.map((v) => [v.name, v]));
  for (const v of set) out[v.name] = v;
  for (const n of drop) delete out[n];
  return out;
}
