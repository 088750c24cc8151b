/**
 * Laboratory, infection, vaccination and medication safety facts, one row per edge case, in the three coding
 * styles (US Core: LOINC/RxNorm/CVX; German MII: LOINC, ATC under the BfArM and old DIMDI URIs; IPS: SNOMED
 * answers, WHO ATC), plus failed searches. The HBsAg "Non-Reactive" + interpretation N row is the false
 * alarm of issue 10.
 */
import type { FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { InputName } from '@src/extract/catalogue.ts';
import type { InputScalar, InputState } from '@src/extract/values.ts';
import { readerFor } from '@src/rules/safety/facts.ts';
import { quantityObs } from '../../support/fhir.ts';
import {
  ATC_DE,
  ATC_DE_OLD,
  ATC_WHO,
  CVX,
  dx,
  extract,
  failed,
  ICD_GM,
  ICD_WHO,
  med,
  OTHER,
  qual,
  RXNORM,
  SCT,
  textVaccine,
  vaccine,
} from './safetyHelpers.ts';

type Opts = Parameters<typeof extract>[1];
type Row = [string, FhirResource[], Opts, InputName, InputState, InputScalar | undefined, RegExp | undefined];
const NO: Opts = {};

/** What the row checks, as observed: state, value (when the row names one), and whether the reason/note matches. */
function observed([, resources, opts, name, , value, text]: Row): { state: InputState; value: unknown; words: boolean } {
  const v = extract(resources, opts).inputs[name];
  const words = `${'reason' in v ? v.reason : ''} | ${'note' in v ? (v.note ?? '') : ''}`;
  return {
    state: v.state,
    value: value === undefined ? undefined : 'value' in v && typeof v.value === 'number' ? Math.round(v.value * 100) / 100 : 'value' in v ? v.value : undefined,
    words: text === undefined || text.test(words),
  };
}
const expected = ([, , , , state, value]: Row): { state: InputState; value: unknown; words: boolean } => ({ state, value, words: true });

const POS = { system: SCT, code: '10828004' };
const NEG = { system: SCT, code: '260385009' };

describe('qualitative results: coded first, then negation-aware text (EN/DE/FR)', () => {
  const rows: Row[] = [
    [
      'HBsAg "Non-Reactive" with interpretation N (the issue 10 false alarm)',
      [qual('h', '5196-1', '2026-10-01', { text: 'Non-Reactive', interp: 'N' })],
      NO,
      'hbv_hbsag',
      'ok',
      'negative',
      undefined,
    ],
    ['HBsAg "Non-Reactive" text only', [qual('h', '5196-1', '2026-10-01', { text: 'Non-Reactive' })], NO, 'hbv_hbsag', 'ok', 'negative', undefined],
    ['HBsAg "nonreactive"', [qual('h', '5195-3', '2026-10-01', { text: 'nonreactive' })], NO, 'hbv_hbsag', 'ok', 'negative', undefined],
    ['HBsAg "Reactive"', [qual('h', '5195-3', '2026-10-01', { text: 'Reactive' })], NO, 'hbv_hbsag', 'ok', 'positive', undefined],
    ['HBsAg SNOMED negative answer (IPS)', [qual('h', '5195-3', '2026-10-01', { code: NEG })], NO, 'hbv_hbsag', 'ok', 'negative', undefined],
    [
      'HBsAg SNOMED not detected 260415000',
      [qual('h', '5195-3', '2026-10-01', { code: { system: SCT, code: '260415000' } })],
      NO,
      'hbv_hbsag',
      'ok',
      'negative',
      undefined,
    ],
    [
      'HBsAg LOINC answer LA6577-6 Negative',
      [qual('h', '5195-3', '2026-10-01', { code: { system: 'http://loinc.org', code: 'LA6577-6' } })],
      NO,
      'hbv_hbsag',
      'ok',
      'negative',
      undefined,
    ],
    ['HBsAg "nicht reaktiv" (DE)', [qual('h', '5195-3', '2026-10-01', { text: 'nicht reaktiv' })], NO, 'hbv_hbsag', 'ok', 'negative', undefined],
    ['HBsAg "negativ" (DE)', [qual('h', '5195-3', '2026-10-01', { text: 'negativ' })], NO, 'hbv_hbsag', 'ok', 'negative', undefined],
    ['HBsAg "nicht nachweisbar" (DE)', [qual('h', '5195-3', '2026-10-01', { text: 'nicht nachweisbar' })], NO, 'hbv_hbsag', 'ok', 'negative', undefined],
    ['HBsAg "non réactif" (FR)', [qual('h', '5195-3', '2026-10-01', { text: 'non réactif' })], NO, 'hbv_hbsag', 'ok', 'negative', undefined],
    ['HBsAg "négatif" (FR)', [qual('h', '5195-3', '2026-10-01', { text: 'négatif' })], NO, 'hbv_hbsag', 'ok', 'negative', undefined],
    ['HBsAg "positiv" (DE)', [qual('h', '5195-3', '2026-10-01', { text: 'positiv' })], NO, 'hbv_hbsag', 'ok', 'positive', undefined],
    ['HBsAg interpretation POS only', [qual('h', '5195-3', '2026-10-01', { interp: 'POS' })], NO, 'hbv_hbsag', 'ok', 'positive', undefined],
    [
      'HBsAg coded positive but interpretation N: conflict, unknown',
      [qual('h', '5195-3', '2026-10-01', { code: POS, interp: 'N' })],
      NO,
      'hbv_hbsag',
      'missing',
      undefined,
      /disagree/,
    ],
    [
      'HBsAg text "Reactive" but interpretation N: conflict, unknown',
      [qual('h', '5195-3', '2026-10-01', { text: 'Reactive', interp: 'N' })],
      NO,
      'hbv_hbsag',
      'missing',
      undefined,
      /disagree/,
    ],
    [
      'one text with a negative and a positive result: unknown',
      [qual('h', '5195-3', '2026-10-01', { text: 'HBsAg negative, anti-HBc positive' })],
      NO,
      'hbv_hbsag',
      'missing',
      undefined,
      /disagree/,
    ],
    [
      'HBsAg index 0.3 S/CO with interpretation N',
      [
        quantityObs('h', '5196-1', 0.3, '{s_co_ratio}', '2026-10-01', {
          interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'N' }] }],
        }),
      ],
      NO,
      'hbv_hbsag',
      'ok',
      'negative',
      undefined,
    ],
    [
      'HBsAg index 4.2 against the lab cut-off 1.0',
      [quantityObs('h', '5196-1', 4.2, '{s_co_ratio}', '2026-10-01', { referenceRange: [{ high: { value: 1, unit: '{s_co_ratio}', code: '{s_co_ratio}' } }] })],
      NO,
      'hbv_hbsag',
      'ok',
      'positive',
      /cut-off/,
    ],
    [
      'anti-HBc positive from 2012 (lifelong, no look-back)',
      [qual('c', '16933-4', '2012-05-01', { code: POS })],
      NO,
      'hbv_anti_hbc',
      'ok',
      'positive',
      undefined,
    ],
    [
      'TB IGRA positive 4 years ago: stale, still counts',
      [qual('t', '71773-6', '2022-11-01', { text: 'positive' })],
      NO,
      'tb_screen_result',
      'stale',
      'positive',
      /still counts/,
    ],
    [
      'laboratory screening search failed',
      [],
      { searches: [failed('obs-safety-1', 'Observation', 'HTTP 500')] },
      'hbv_hbsag',
      'missing',
      undefined,
      /laboratory\/observation \(Observation\) search failed \(HTTP 500\)/,
    ],
  ];
  it.each(rows)('%s', (...row) => {
    expect(observed(row)).toEqual(expected(row));
  });

  it('a positive IGRA 4 years ago is read by the rules as positive (lasting), a negative one is not', () => {
    const pos = extract([qual('t', '71773-6', '2022-11-01', { text: 'positive' })]);
    expect(readerFor(pos.inputs).cat('tb_screen_result')).toBe('positive');
    const neg = extract([qual('t', '71773-6', '2022-11-01', { text: 'negative' })]);
    expect(readerFor(neg.inputs).cat('tb_screen_result')).toBeUndefined();
  });
});

describe('JCV: an old index keeps its band', () => {
  it('index 2.1 from 11 months ago: stale, counted by the rules', () => {
    const r = extract([quantityObs('j', '100977-8', 2.1, undefined, '2025-12-20')]);
    expect(r.inputs.jcv_index.state).toBe('stale');
    expect(readerFor(r.inputs).num('jcv_index')).toBe(2.1);
    expect(readerFor(r.inputs).cat('jcv_antibody_status')).toBe('positive');
  });
});

describe('infections: HIV, HCV, VZV, TB', () => {
  const rows: Row[] = [
    ['hiv_positive ICD-10 B20 (WHO)', [dx('h', ICD_WHO, 'B20')], NO, 'hiv_positive', 'ok', true, undefined],
    [
      'hiv_positive test "Non-reactive" (US)',
      [OTHER, qual('h', '56888-1', '2026-01-01', { text: 'Non-reactive' })],
      NO,
      'hiv_positive',
      'ok',
      false,
      /HIV test negative/,
    ],
    ['hiv_positive thin list, no test', [], NO, 'hiv_positive', 'missing', undefined, /HIV infection cannot be ruled out/],
    ['hcv_active chronic hepatitis C B18.2 (GM)', [dx('c', ICD_GM, 'B18.2', { onsetDateTime: '2020-01-01' })], NO, 'hcv_active', 'ok', true, undefined],
    [
      'hcv_active HCV RNA not detected after treatment',
      [dx('c', ICD_GM, 'B18.2', { onsetDateTime: '2020-01-01' }), qual('r', '11259-9', '2024-06-01', { text: 'Not detected' })],
      NO,
      'hcv_active',
      'ok',
      false,
      /not detected/,
    ],
    [
      'hcv_active HCV RNA detected (SNOMED answer)',
      [OTHER, qual('r', '11259-9', '2026-06-01', { code: { system: SCT, code: '260373001' } })],
      NO,
      'hcv_active',
      'ok',
      true,
      undefined,
    ],
    [
      'hcv_active antibody positive without RNA: unknown',
      [OTHER, qual('a', '13955-0', '2026-06-01', { text: 'reactive' })],
      NO,
      'hcv_active',
      'missing',
      undefined,
      /RNA not recorded/,
    ],
    ['vzv_immune IgG positive (LOINC 19162-7)', [qual('v', '19162-7', '2026-01-01', { code: POS })], NO, 'vzv_immune', 'ok', 'immune', undefined],
    ['vzv_immune IgG "negativ" (DE)', [qual('v', '19162-7', '2026-01-01', { text: 'negativ' })], NO, 'vzv_immune', 'ok', 'non-immune', undefined],
    [
      'vzv_immune quantitative IgG above the lab limit',
      [quantityObs('v', '5403-1', 250, 'm[IU]/mL', '2026-01-01', { referenceRange: [{ high: { value: 100, unit: 'm[IU]/mL', code: 'm[IU]/mL' } }] })],
      NO,
      'vzv_immune',
      'ok',
      'immune',
      undefined,
    ],
    ['vzv_immune varicella history B01.9', [resolved2('v', ICD_GM, 'B01.9')], NO, 'vzv_immune', 'ok', 'immune', /history/],
    [
      'vzv_immune two varicella doses (CVX 21)',
      [vaccine('v1', '2000-01-01', { system: CVX, code: '21' }), vaccine('v2', '2000-03-01', { system: CVX, code: '21' })],
      NO,
      'vzv_immune',
      'ok',
      'immune',
      /2 varicella vaccine doses/,
    ],
    [
      'vzv_immune two doses coded ATC J07BK01 (MII)',
      [vaccine('v1', '2000-01-01', { system: ATC_DE, code: 'J07BK01' }), vaccine('v2', '2000-03-01', { system: ATC_DE, code: 'J07BK01' })],
      NO,
      'vzv_immune',
      'ok',
      'immune',
      undefined,
    ],
    [
      'vzv_immune one dose only',
      [vaccine('v1', '2000-01-01', { system: CVX, code: '21' })],
      NO,
      'vzv_immune',
      'missing',
      undefined,
      /one varicella vaccine dose/,
    ],
    ['vzv_immune nothing recorded', [OTHER], NO, 'vzv_immune', 'missing', undefined, /no VZV IgG/],
    [
      'tb_latent from a positive IGRA without active TB',
      [OTHER, qual('t', '71773-6', '2026-10-01', { code: POS })],
      NO,
      'tb_latent',
      'ok',
      true,
      /positive IGRA/,
    ],
    ['tb_latent: thin list but a negative IGRA answers it', [qual('t', '71773-6', '2026-10-01', { code: NEG })], NO, 'tb_latent', 'ok', false, /negative IGRA/],
  ];
  it.each(rows)('%s', (...row) => {
    expect(observed(row)).toEqual(expected(row));
  });
});

describe('live vaccines: 42-day window, CVX / ATC / SNOMED+name, vaccination history shared', () => {
  const rows: Row[] = [
    ['MMR CVX 03 30 days ago (US)', [vaccine('m', '2026-10-16', { system: CVX, code: '03' })], NO, 'live_vaccine_recent', 'ok', true, /2026-10-16/],
    [
      'MMR ATC J07BD52 20 days ago (MII, BfArM URI)',
      [vaccine('m', '2026-10-26', { system: ATC_DE, code: 'J07BD52' })],
      NO,
      'live_vaccine_recent',
      'ok',
      true,
      undefined,
    ],
    [
      'yellow fever ATC J07BL01 (old DIMDI URI)',
      [vaccine('m', '2026-10-26', { system: ATC_DE_OLD, code: 'J07BL01' })],
      NO,
      'live_vaccine_recent',
      'ok',
      true,
      undefined,
    ],
    ['varicella WHO ATC J07BK01 (IPS)', [vaccine('m', '2026-10-26', { system: ATC_WHO, code: 'J07BK01' })], NO, 'live_vaccine_recent', 'ok', true, undefined],
    [
      'zoster purified antigen J07BK03 is not live',
      [vaccine('s', '2026-11-05', { system: ATC_WHO, code: 'J07BK03' })],
      NO,
      'live_vaccine_recent',
      'ok',
      false,
      undefined,
    ],
    [
      'MMR SNOMED product 871831003 (IPS, eHDSI value set)',
      [vaccine('m', '2026-10-16', { system: SCT, code: '871831003' })],
      NO,
      'live_vaccine_recent',
      'ok',
      true,
      undefined,
    ],
    [
      'varicella-zoster antigen-containing 836495005 is not decided by code (may be recombinant)',
      [textVaccine('m', '2026-11-01', { system: SCT, code: '836495005' }, 'Shingrix')],
      NO,
      'live_vaccine_recent',
      'ok',
      false,
      undefined,
    ],
    [
      'unknown SNOMED product named "Measles, mumps and rubella vaccine"',
      [textVaccine('m', '2026-11-01', { system: SCT, code: '999999999' }, 'Measles, mumps and rubella vaccine')],
      NO,
      'live_vaccine_recent',
      'ok',
      true,
      undefined,
    ],
    [
      '"Herpes zoster vaccine, recombinant" by name is not live',
      [textVaccine('m', '2026-11-01', { system: SCT, code: '999999999' }, 'Herpes zoster vaccine, recombinant (Shingrix)')],
      NO,
      'live_vaccine_recent',
      'ok',
      false,
      undefined,
    ],
    ['MMR 50 days ago is outside 42 days', [vaccine('m', '2026-09-26', { system: CVX, code: '03' })], NO, 'live_vaccine_recent', 'ok', false, undefined],
    [
      'MMR 35 days ago is inside (was missed with 28 days)',
      [vaccine('m', '2026-10-11', { system: CVX, code: '03' })],
      NO,
      'live_vaccine_recent',
      'ok',
      true,
      undefined,
    ],
    ['no vaccination shared at all', [OTHER], NO, 'live_vaccine_recent', 'missing', undefined, /no vaccination history shared/],
    [
      'Immunization search failed',
      [vaccine('f', '2010-01-01', { system: CVX, code: '140' })],
      { searches: [failed('immunizations', 'Immunization')] },
      'live_vaccine_recent',
      'missing',
      undefined,
      /vaccination \(Immunization\) search failed/,
    ],
  ];
  it.each(rows)('%s', (...row) => {
    expect(observed(row)).toEqual(expected(row));
  });
});

describe('laboratory numbers', () => {
  const rows: Row[] = [
    ['neutrophils 751-8 in 10*3/uL (US)', [quantityObs('n', '751-8', 1.2, '10*3/uL', '2026-11-01')], NO, 'neutrophils_10e9_l', 'ok', 1.2, undefined],
    ['neutrophils 26499-4 in /nL (MII)', [quantityObs('n', '26499-4', 0.8, '/nL', '2026-11-01')], NO, 'neutrophils_10e9_l', 'ok', 0.8, undefined],
    ['platelets 777-3 in 10*3/uL', [quantityObs('p', '777-3', 95, '10*3/uL', '2026-11-01')], NO, 'platelets_10e9_l', 'ok', 95, undefined],
    ['IgG 2465-3 in mg/dL -> g/L', [quantityObs('g', '2465-3', 650, 'mg/dL', '2026-11-01')], NO, 'igg_g_l', 'ok', 6.5, undefined],
    [
      'ALT 120 U/L with the lab limit 40',
      [quantityObs('a', '1742-6', 120, 'U/L', '2026-11-01', { referenceRange: [{ high: { value: 40, unit: 'U/L', code: 'U/L' } }] })],
      NO,
      'alt_x_uln',
      'ok',
      3,
      /lab upper limit 40/,
    ],
    ['ALT 80 U/L without a range: default ULN, noted', [quantityObs('a', '1742-6', 80, 'U/L', '2026-11-01')], NO, 'alt_x_uln', 'ok', 2, /default upper limit/],
    [
      'AST 1920-8 in µkat/L (European) with its limit',
      [quantityObs('a', '1920-8', 1.2, 'ukat/L', '2026-11-01', { referenceRange: [{ high: { value: 0.6, unit: 'ukat/L', code: 'ukat/L' } }] })],
      NO,
      'ast_x_uln',
      'ok',
      2,
      undefined,
    ],
    ['eGFR CKD-EPI 62238-1', [quantityObs('e', '62238-1', 55, 'mL/min/{1.73_m2}', '2026-11-01')], NO, 'egfr_ml_min', 'ok', 55, undefined],
    [
      'creatinine clearance 2164-2 when no eGFR (noted)',
      [quantityObs('c', '2164-2', 48, 'mL/min', '2026-11-01')],
      NO,
      'egfr_ml_min',
      'ok',
      48,
      /creatinine clearance/,
    ],
    ['QTc 8636-3 in ms', [quantityObs('q', '8636-3', 470, 'ms', '2026-11-01')], NO, 'qtc_ms', 'ok', 470, undefined],
    ['neutrophils older than 180 days: stale', [quantityObs('n', '751-8', 1.2, '10*3/uL', '2026-01-01')], NO, 'neutrophils_10e9_l', 'stale', 1.2, /repeat/],
    [
      'laboratory chunk failed: named in the reason',
      [],
      { searches: [failed('obs-labs-1', 'Observation')] },
      'neutrophils_10e9_l',
      'missing',
      undefined,
      /search failed/,
    ],
  ];
  it.each(rows)('%s', (...row) => {
    expect(observed(row)).toEqual(expected(row));
  });
});

describe('medication facts and a failed medication search', () => {
  const ADA_RX = { system: RXNORM, code: '327361', display: 'adalimumab' };
  const rows: Row[] = [
    [
      'tb_prophylaxis isoniazid ATC J04AC01 (MII)',
      [med('i', { system: ATC_DE, code: 'J04AC01' }, 'completed', '2026-08-01')],
      NO,
      'tb_prophylaxis',
      'ok',
      true,
      /started 2026-08-01/,
    ],
    [
      'tb_prophylaxis rifampin RxNorm 9384 (US)',
      [med('i', { system: RXNORM, code: '9384' }, 'active', '2026-10-01')],
      NO,
      'tb_prophylaxis',
      'ok',
      true,
      undefined,
    ],
    ['tb_prophylaxis none recorded', [], NO, 'tb_prophylaxis', 'ok', false, undefined],
    [
      'tb_prophylaxis with a failed MedicationStatement search',
      [],
      { searches: [failed('medicationStatement', 'MedicationStatement')] },
      'tb_prophylaxis',
      'missing',
      undefined,
      /medication list \(MedicationStatement\) search failed/,
    ],
    [
      'prior_immunosuppressant azathioprine ATC L04AX01 (MII)',
      [med('a', { system: ATC_DE, code: 'L04AX01' }, 'completed', '2015-01-01')],
      NO,
      'prior_immunosuppressant',
      'ok',
      true,
      /azathioprine/,
    ],
    [
      'prior_immunosuppressant mycophenolate RxNorm 68149',
      [med('a', { system: RXNORM, code: '68149' }, 'stopped', '2015-01-01')],
      NO,
      'prior_immunosuppressant',
      'ok',
      true,
      /mycophenolate/,
    ],
    [
      'prior_immunosuppressant mitoxantrone WHO ATC L01DB07 (IPS)',
      [med('a', { system: ATC_WHO, code: 'L01DB07' }, 'completed', '2010-01-01')],
      NO,
      'prior_immunosuppressant',
      'ok',
      true,
      /mitoxantrone/,
    ],
    [
      'coagulopathy: apixaban RxNorm active',
      [OTHER, med('x', { system: RXNORM, code: '1364430' }, 'active', '2026-01-01')],
      NO,
      'coagulopathy_or_antithrombotic',
      'ok',
      true,
      /current/,
    ],
    [
      'coagulopathy: clopidogrel ATC B01AC04 active (MII)',
      [OTHER, med('x', { system: ATC_DE, code: 'B01AC04' }, 'active', '2026-01-01')],
      NO,
      'coagulopathy_or_antithrombotic',
      'ok',
      true,
      undefined,
    ],
    ['coagulopathy: von Willebrand D68.0', [dx('v', ICD_GM, 'D68.0')], NO, 'coagulopathy_or_antithrombotic', 'ok', true, undefined],
    ['coagulopathy: thrombophilia D68.5 is not a bleeding disorder', [dx('v', ICD_GM, 'D68.5')], NO, 'coagulopathy_or_antithrombotic', 'ok', false, undefined],
    [
      'coagulopathy: stopped warfarin is not current',
      [OTHER, med('x', { system: RXNORM, code: '11289' }, 'stopped', '2020-01-01')],
      NO,
      'coagulopathy_or_antithrombotic',
      'ok',
      false,
      undefined,
    ],
    [
      'treatment-naive only when the medication searches worked',
      [],
      { searches: [failed('medicationRequest', 'MedicationRequest')] },
      'current_advanced_therapy',
      'missing',
      undefined,
      /prescription \(MedicationRequest\) search failed.*"none" cannot be assumed/,
    ],
    [
      'prior anti-TNF unknown after a failed search',
      [],
      { searches: [failed('medicationStatement', 'MedicationStatement')] },
      'prior_anti_tnf',
      'missing',
      undefined,
      /search failed/,
    ],
    [
      'prior advanced count is a lower bound after a failed search',
      [med('a', ADA_RX, 'stopped', '2020-01-01')],
      { searches: [failed('medicationRequest', 'MedicationRequest')] },
      'prior_advanced_count',
      'missing',
      undefined,
      /at least 1/,
    ],
    [
      'a current therapy found in another search stays current, noted',
      [med('a', ADA_RX, 'active', '2025-01-01')],
      { searches: [failed('medicationRequest', 'MedicationRequest')] },
      'current_advanced_therapy',
      'ok',
      'adalimumab',
      /record may hold more/,
    ],
    [
      'Medication follow-up failed: medication facts unknown',
      [],
      { searches: [failed('medications-1', 'Medication')] },
      'prior_jak',
      'missing',
      undefined,
      /medication details \(Medication\) search failed/,
    ],
  ];
  it.each(rows)('%s', (...row) => {
    expect(observed(row)).toEqual(expected(row));
  });
});

function resolved2(id: string, system: string, code: string): FhirResource {
  return dx(id, system, code, { clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] } });
}
