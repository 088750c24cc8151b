import { describe, expect, it } from 'vitest';
import { das28Crp, das28Esr } from '@src/scores/index.ts';

// No worked DAS28 example is published with the formula; every row is computed by hand from
// DAS28-ESR = 0.56*sqrt(TJC) + 0.28*sqrt(SJC) + 0.70*ln(ESR) + 0.014*GH (Prevoo 1995) and
// DAS28-CRP = 0.56*sqrt(TJC) + 0.28*sqrt(SJC) + 0.36*ln(CRP+1) + 0.014*GH + 0.96 (DAS website),
// rounded to 2 decimals; bands applied to the rounded value.
describe('DAS28-ESR', () => {
  it.each([
    // 0.56*2 + 0.28*1.732051 + 0.70*3.401197 + 0.014*50 = 1.12 + 0.484974 + 2.380838 + 0.7 = 4.685812
    { tjc: 4, sjc: 3, gh: 50, esr: 30, value: 4.69, band: 'moderate' },
    // 0.014*10 + 0.70*ln33 (3.496508) = 0.14 + 2.447555 = 2.587555 -> 2.59 < 2.6
    { tjc: 0, sjc: 0, gh: 10, esr: 33, value: 2.59, band: 'remission' },
    // 0.70*ln41 (3.713572) = 2.599500 -> rounds to 2.60: not remission (band on reported value)
    { tjc: 0, sjc: 0, gh: 0, esr: 41, value: 2.6, band: 'low' },
    // 0.42 + 0.70*ln53 (3.970292) = 0.42 + 2.779204 = 3.199204 -> 3.20 <= 3.2
    { tjc: 0, sjc: 0, gh: 30, esr: 53, value: 3.2, band: 'low' },
    // 0.42 + 0.70*ln54 (3.988984) = 3.212289 -> 3.21
    { tjc: 0, sjc: 0, gh: 30, esr: 54, value: 3.21, band: 'moderate' },
    // 0.56 + 0.28*1.414214 + 1.33 + 0.70*ln56 (4.025352) = 0.56 + 0.395980 + 1.33 + 2.817746 = 5.103726
    { tjc: 1, sjc: 2, gh: 95, esr: 56, value: 5.1, band: 'moderate' },
    // 0.56 + 0.28 + 1.4 + 0.70*ln60 (4.094345) = 5.106041 -> 5.11 > 5.1
    { tjc: 1, sjc: 1, gh: 100, esr: 60, value: 5.11, band: 'high' },
    // 0.56*5.291503 + 0.28*5.291503 + 0.70*ln100 (4.605170) + 1.4 = 2.963242 + 1.481621 + 3.223619 + 1.4 = 9.068481
    { tjc: 28, sjc: 28, gh: 100, esr: 100, value: 9.07, band: 'high' },
    // ESR 1: ln(1) = 0, all else 0 -> 0.00
    { tjc: 0, sjc: 0, gh: 0, esr: 1, value: 0, band: 'remission' },
  ])('TJC $tjc SJC $sjc GH $gh ESR $esr -> $value ($band)', ({ tjc, sjc, gh, esr, value, band }) => {
    const r = das28Esr({ tjc28: tjc, sjc28: sjc, patientGlobalMm: gh, esrMmH: esr });
    expect(r).toMatchObject({ score: 'das28-esr', status: 'complete', value, band, missing: [] });
  });

  it.each([
    { name: 'ESR 0 (ln 0 undefined)', input: { esrMmH: 0 }, reason: /esr = 0: must be > 0/ },
    { name: 'TJC above 28', input: { tjc28: 29 }, reason: /tjc28 = 29/ },
    { name: 'fractional joint count', input: { sjc28: 2.5 }, reason: /sjc28 = 2.5: .*whole number/ },
    { name: 'global above 100 mm', input: { patientGlobalMm: 150 }, reason: /ptga = 150/ },
    { name: 'NaN ESR', input: { esrMmH: Number.NaN }, reason: /esr: not a finite number/ },
  ])('invalid: $name', ({ input, reason }) => {
    const r = das28Esr({ tjc28: 2, sjc28: 2, patientGlobalMm: 40, esrMmH: 20, ...input });
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.band).toBeNull();
    expect(r.reason).toMatch(reason);
  });

  it('incomplete when ESR is missing, and records provenance of the others', () => {
    const r = das28Esr({ tjc28: { value: 2, sourceRef: 'Observation/tjc', date: '2024-03-01' }, sjc28: 1, patientGlobalMm: 40, esrMmH: null });
    expect(r).toMatchObject({ status: 'incomplete', value: null, band: null, missing: ['esr'] });
    expect(r.computedFrom[0]).toEqual({ item: 'tjc28', value: 2, sourceRef: 'Observation/tjc', date: '2024-03-01' });
  });
});

describe('DAS28-CRP', () => {
  it.each([
    // CRP 0: 0.36*ln(1) = 0; constant 0.96 only
    { tjc: 0, sjc: 0, gh: 0, crp: 0, value: 0.96, band: 'remission' },
    // 1.12 + 0.484974 + 0.36*ln11 (2.397895) + 0.7 + 0.96 = 1.12 + 0.484974 + 0.863242 + 0.7 + 0.96 = 4.128217
    { tjc: 4, sjc: 3, gh: 50, crp: 10, value: 4.13, band: 'moderate' },
    // 0.21 + 0.36*ln51 (3.931826) + 0.96 = 0.21 + 1.415457 + 0.96 = 2.585457
    { tjc: 0, sjc: 0, gh: 15, crp: 50, value: 2.59, band: 'remission' },
    // 0.21 + 0.36*ln53 (3.970292) + 0.96 = 2.599305 -> 2.60
    { tjc: 0, sjc: 0, gh: 15, crp: 52, value: 2.6, band: 'low' },
    // 0.77 + 0.36*ln59 (4.077537) + 0.96 = 3.197913 -> 3.20
    { tjc: 0, sjc: 0, gh: 55, crp: 58, value: 3.2, band: 'low' },
    // 0.77 + 0.36*ln61 (4.110874) + 0.96 = 3.209915 -> 3.21
    { tjc: 0, sjc: 0, gh: 55, crp: 60, value: 3.21, band: 'moderate' },
    // 0.56 + 0.28*2.645751 + 1.4 + 0.36*ln54 (3.988984) + 0.96 = 0.56 + 0.740810 + 1.4 + 1.436034 + 0.96 = 5.096845
    { tjc: 1, sjc: 7, gh: 100, crp: 53, value: 5.1, band: 'moderate' },
    // same with 0.36*ln56 (4.025352) = 1.449127 -> 5.109937
    { tjc: 1, sjc: 7, gh: 100, crp: 55, value: 5.11, band: 'high' },
  ])('TJC $tjc SJC $sjc GH $gh CRP $crp mg/L -> $value ($band)', ({ tjc, sjc, gh, crp, value, band }) => {
    const r = das28Crp({ tjc28: tjc, sjc28: sjc, patientGlobalMm: gh, crpMgL: crp });
    expect(r).toMatchObject({ score: 'das28-crp', status: 'complete', value, band });
  });

  it.each([
    { name: 'negative CRP', input: { crpMgL: -1 }, reason: /crp = -1/ },
    { name: 'negative global', input: { patientGlobalMm: -5 }, reason: /ptga = -5/ },
  ])('invalid: $name', ({ input, reason }) => {
    const r = das28Crp({ tjc28: 2, sjc28: 2, patientGlobalMm: 40, crpMgL: 5, ...input });
    expect(r.status).toBe('invalid');
    expect(r.reason).toMatch(reason);
  });

  it('lists every missing item', () => {
    const r = das28Crp({ tjc28: undefined, sjc28: { value: null }, patientGlobalMm: 40, crpMgL: 5 });
    expect(r.status).toBe('incomplete');
    expect(r.missing).toEqual(['tjc28', 'sjc28']);
  });
});
