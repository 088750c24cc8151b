import { describe, expect, it } from 'vitest';
import type { FhirResource, Observation } from 'fhir/r4';
import { extractRecord } from '@src/extract/extract.ts';
import type { InputName } from '@src/extract/catalogue.ts';
import { cc, condition, LOINC, NOW, patient, quantityObs, SCT } from '../../support/fhir.ts';

const crohn = condition('cd', cc({ system: SCT, code: '34000006' }), { onsetDateTime: '2019-03' });
const run = (...resources: FhirResource[]) => extractRecord([patient(), crohn, ...resources], { now: NOW });
const value = (r: ReturnType<typeof run>, name: InputName) => r.inputs[name];

describe('extractRecord: laboratory edge cases, one row each', () => {
  const rows: Array<[string, Observation[], InputName, string, number | undefined, RegExp | null]> = [
    ['CRP in mg/dL (US labs) x10', [quantityObs('o1', '1988-5', 2.4, 'mg/dL', '2026-11-01')], 'crp_mg_l', 'ok', 24, null],
    ['CRP in mg/L', [quantityObs('o1', '1988-5', 24, 'mg/L', '2026-11-01')], 'crp_mg_l', 'ok', 24, null],
    ['lymphocytes /nL (German)', [quantityObs('o1', '731-0', 1.4, '/nL', '2026-11-01')], 'lymphocytes_10e9_l', 'ok', 1.4, null],
    ['lymphocytes 10*3/uL (US)', [quantityObs('o1', '731-0', 1.4, '10*3/uL', '2026-11-01')], 'lymphocytes_10e9_l', 'ok', 1.4, null],
    [
      'lymphocyte % is not an absolute count',
      [quantityObs('o1', '736-9', 30, '%', '2026-11-01')],
      'lymphocytes_10e9_l',
      'missing',
      undefined,
      /no absolute lymphocyte count/,
    ],
    ['haemoglobin mmol/L -> g/dL x1.611', [quantityObs('o1', '59260-0', 8, 'mmol/L', '2026-11-01')], 'haemoglobin_g_dl', 'ok', 12.89, null],
    [
      'implausible haemoglobin 45 g/dL',
      [quantityObs('o1', '718-7', 45, 'g/dL', '2026-11-01')],
      'haemoglobin_g_dl',
      'implausible',
      45,
      /outside the plausible range/,
    ],
    [
      'unknown unit is a gap, not a number',
      [quantityObs('o1', '1988-5', 5, 'mg/dayz', '2026-11-01')],
      'crp_mg_l',
      'unknown-unit',
      undefined,
      /not a recognised unit/,
    ],
    ['no unit', [quantityObs('o1', '1988-5', 5, undefined, '2026-11-01')], 'crp_mg_l', 'unknown-unit', undefined, /no unit recorded/],
    ['stale calprotectin (older than 90 days)', [quantityObs('o1', '38445-3', 400, 'ug/g', '2026-03-01')], 'fcal_ug_g', 'stale', 400, /older than 90 days/],
    ['outside the 5-year look-back', [quantityObs('o1', '1988-5', 5, 'mg/L', '2019-01-01')], 'crp_mg_l', 'missing', undefined, /no CRP in the last 5 years/],
    ['latest wins', [quantityObs('o1', '1988-5', 50, 'mg/L', '2026-10-01'), quantityObs('o2', '1988-5', 3, 'mg/L', '2026-11-01')], 'crp_mg_l', 'ok', 3, null],
    [
      'entered-in-error is excluded',
      [quantityObs('o1', '1988-5', 3, 'mg/L', '2026-10-01'), quantityObs('o2', '1988-5', 99, 'mg/L', '2026-11-01', { status: 'entered-in-error' })],
      'crp_mg_l',
      'ok',
      3,
      null,
    ],
    ['hs-CRP is not standard CRP', [quantityObs('o1', '30522-7', 3, 'mg/L', '2026-11-01')], 'crp_mg_l', 'missing', undefined, /high-sensitivity/],
    [
      'text-only lab name (no coding)',
      [{ ...quantityObs('o1', '1988-5', 7, 'mg/L', '2026-11-01'), code: { text: 'CRP (C-reaktives Protein)' } }],
      'crp_mg_l',
      'ok',
      7,
      null,
    ],
    ['partial date 2026-10 (month precision)', [quantityObs('o1', '1751-7', 38, 'g/L', '2026-10')], 'albumin_g_l', 'ok', 38, null],
    ['future date is not used', [quantityObs('o1', '1751-7', 38, 'g/L', '2099-01-01')], 'albumin_g_l', 'missing', undefined, /no albumin/],
  ];
  it.each(rows)('%s', (_l, obs, name, state, expected, reason) => {
    const v = value(run(...obs), name);
    expect(v.state).toBe(state);
    const n = 'value' in v && typeof v.value === 'number' ? Math.round(v.value * 100) / 100 : null;
    expect(n).toBe(expected ?? null);
    expect('reason' in v ? v.reason : '').toMatch(reason ?? /^$/);
    expect(v.sources.every((s) => s.startsWith('Observation/o') || s === 'Patient/p1' || s.startsWith('Condition/'))).toBe(true);
  });

  it('keeps the month precision of a partial date', () => {
    const v = value(run(quantityObs('o1', '1751-7', 38, 'g/L', '2026-10')), 'albumin_g_l');
    expect(v.state === 'ok' && v.precision).toBe('month');
    expect(v.state === 'ok' && v.date).toBe('2026-10');
  });

  it('collapses duplicates (same code, value, time) and keeps both references', () => {
    const r = run(quantityObs('a', '1988-5', 12, 'mg/L', '2026-11-01T08:00:00Z'), quantityObs('b', '1988-5', 1.2, 'mg/dL', '2026-11-01T08:00:00Z'));
    expect(r.observations['lab.crp']).toHaveLength(1);
    expect(value(r, 'crp_mg_l').sources).toEqual(['Observation/a', 'Observation/b']);
  });

  it('lists problems for excluded records', () => {
    const r = run(quantityObs('bad', '1988-5', 99, 'mg/L', '2026-11-01', { status: 'entered-in-error' }));
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/Observation\/bad .*entered-in-error/);
    expect(r.problems.find((p) => p.message.startsWith('Observation/bad'))?.kind).toBe('excluded');
  });
});

describe('extractRecord: record-level facts', () => {
  it('derives demographics, disease duration with month precision and gaps for the primary indication only', () => {
    const r = run();
    expect(r.primaryIndication).toBe('CD');
    expect(value(r, 'age_years')).toMatchObject({ state: 'ok', value: 46 });
    expect(value(r, 'sex_female')).toMatchObject({ state: 'ok', value: true });
    expect(value(r, 'disease_duration_years')).toMatchObject({ state: 'ok', value: 7.7 });
    const gapNames = r.gaps.map((g) => g.input);
    expect(gapNames).toContain('hbi');
    expect(gapNames).not.toContain('das28_crp');
  });

  it('reads smoking status by SNOMED value and a race code 2106-3 is never a pregnancy test', () => {
    const smoking: Observation = {
      resourceType: 'Observation',
      id: 's',
      status: 'final',
      code: cc({ system: LOINC, code: '72166-2' }),
      effectiveDateTime: '2026-06-01',
      valueCodeableConcept: cc({ system: SCT, code: '449868002' }),
    };
    const race: Observation = {
      resourceType: 'Observation',
      id: 'r',
      status: 'final',
      code: cc({ system: 'urn:oid:2.16.840.1.113883.6.238', code: '2106-3' }),
      effectiveDateTime: '2026-06-01',
      valueCodeableConcept: cc({ system: SCT, code: '10828004' }),
    };
    const r = run(smoking, race);
    expect(value(r, 'smoking_current')).toMatchObject({ state: 'ok', value: true });
    expect(value(r, 'smoking_ever')).toMatchObject({ state: 'ok', value: true });
    expect(value(r, 'pregnancy_current').state).toBe('missing');
    expect(value(r, 'cv_risk')).toMatchObject({ value: 'present', note: 'current smoking' });
  });

  it('excludes a refuted second indication', () => {
    const uc = condition('uc', cc({ system: SCT, code: '64766004' }), {
      verificationStatus: cc({ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' }),
    });
    const r = run(uc);
    expect(r.indications.map((f) => f.indication)).toEqual(['CD']);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/Condition\/uc .*refuted/);
  });

  it.each([
    ['male', 'ok', false],
    ['female', 'missing', undefined],
  ] as const)('pregnancy for administrative sex %s: %s', (gender, state, expected) => {
    const r = extractRecord([patient({ gender }), crohn], { now: NOW });
    expect(r.inputs.pregnancy_current.state).toBe(state);
    expect('value' in r.inputs.pregnancy_current ? r.inputs.pregnancy_current.value : undefined).toBe(expected);
  });

  it('returns missing inputs and a problem for an empty record', () => {
    const r = extractRecord([], { now: NOW });
    expect(r.primaryIndication).toBeNull();
    expect(r.inputs.crp_mg_l.state).toBe('missing');
    expect(r.problems).toContainEqual({ kind: 'note', message: 'no Patient resource: age and sex unknown', why: [{ key: 'no-patient' }] });
  });
});
