import { describe, expect, it } from 'vitest';
import { implausibleReason, toCanonical, type AnalyteKey } from '@src/extract/units.ts';

describe('toCanonical', () => {
  const ok: Array<[AnalyteKey, number, string, number, string | null]> = [
    ['crp', 1.2, 'mg/dL', 12, 'mg/L'],
    ['crp', 12, 'mg/L', 12, 'mg/L'],
    ['crp', 12, 'mg/l', 12, 'mg/L'],
    ['lymphocytes', 1.7, '/nL', 1.7, '10*9/L'],
    ['lymphocytes', 1.7, '10*3/uL', 1.7, '10*9/L'],
    ['lymphocytes', 1.7, 'G/l', 1.7, '10*9/L'],
    ['lymphocytes', 1700, '/uL', 1.7, '10*9/L'],
    ['haemoglobin', 10, 'mmol/L', 16.1145, 'g/dL'],
    ['haemoglobin', 130, 'g/L', 13, 'g/dL'],
    ['albumin', 4, 'g/dL', 40, 'g/L'],
    ['creatinine', 88.4, 'umol/L', 0.99998, 'mg/dL'],
    ['fcal', 250, 'mg/kg', 250, 'ug/g'],
    ['esr', 20, 'mm/hr', 20, 'mm/h'],
    ['jcv_index', 0.8, '{index}', 0.8, null],
  ];
  it.each(ok)('%s %d %s -> %d %s', (analyte, value, unit, expected, canonicalUnit) => {
    const r = toCanonical(analyte, value, unit);
    expect(r.ok ? r.value : r.reason).toBeCloseTo(expected, 4);
    expect(r.ok ? r.unit : r.reason).toBe(canonicalUnit);
  });

  const bad: Array<[AnalyteKey, string | undefined, RegExp]> = [
    ['crp', 'foo', /not a recognised unit/],
    ['crp', 'mg', /cannot be converted/],
    ['lymphocytes', '%', /cannot be converted/],
    ['crp', undefined, /no unit recorded/],
    ['crp', 'nmol/L', /cannot be converted/],
    ['jcv_index', 'mg/L', /dimensionless/],
  ];
  it.each(bad)('%s in %s is a gap, never a number', (analyte, unit, reason) => {
    const r = toCanonical(analyte, 5, unit);
    expect(r).toMatchObject({ ok: false, state: 'unknown-unit', reason: expect.stringMatching(reason) });
  });
});

describe('implausibleReason', () => {
  it.each([
    ['haemoglobin', 45, true],
    ['haemoglobin', 2.5, true],
    ['haemoglobin', 13, false],
    ['crp', -1, true],
    ['crp', 250, false],
    ['esr', 250, true],
  ] as Array<[AnalyteKey, number, boolean]>)('%s %d implausible=%s', (analyte, value, implausible) => {
    expect(implausibleReason(analyte, value) !== undefined).toBe(implausible);
  });
});
