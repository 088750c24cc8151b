import { describe, expect, it } from 'vitest';
import { cdaiRa, sdai } from '@src/scores/index.ts';

// CDAI = TJC28 + SJC28 + PtGA + PhGA (0-10 cm); SDAI = CDAI + CRP (mg/dL). Sums by hand, one
// decimal. Bands (Aletaha & Smolen 2005): CDAI <=2.8 / <=10 / <=22 / >22; SDAI <=3.3 / <=11 / <=26 / >26.
describe('CDAI (rheumatoid arthritis)', () => {
  it.each([
    { tjc: 0, sjc: 0, pt: 0, ph: 0, value: 0, band: 'remission' }, // 0
    { tjc: 0, sjc: 0, pt: 0.1, ph: 0.2, value: 0.3, band: 'remission' }, // 0.1 + 0.2 = 0.30000000000000004 in binary -> 0.3
    { tjc: 1, sjc: 1, pt: 0.4, ph: 0.4, value: 2.8, band: 'remission' }, // 1 + 1 + 0.4 + 0.4 = 2.8 (boundary, inclusive)
    { tjc: 1, sjc: 1, pt: 0.5, ph: 0.4, value: 2.9, band: 'low' }, // 2.9
    { tjc: 4, sjc: 3, pt: 1.5, ph: 1.5, value: 10, band: 'low' }, // 4 + 3 + 1.5 + 1.5 = 10.0 (boundary)
    { tjc: 4, sjc: 3, pt: 2, ph: 2.1, value: 11.1, band: 'moderate' }, // 11.1
    { tjc: 10, sjc: 6, pt: 3, ph: 3, value: 22, band: 'moderate' }, // 22.0 (boundary)
    { tjc: 10, sjc: 6, pt: 3, ph: 3.1, value: 22.1, band: 'high' }, // 22.1
    { tjc: 28, sjc: 28, pt: 10, ph: 10, value: 76, band: 'high' }, // maximum 76
  ])('$tjc + $sjc + $pt + $ph = $value ($band)', ({ tjc, sjc, pt, ph, value, band }) => {
    expect(cdaiRa({ tjc28: tjc, sjc28: sjc, patientGlobalCm: pt, physicianGlobalCm: ph })).toMatchObject({
      score: 'cdai-ra',
      status: 'complete',
      value,
      band,
    });
  });

  it.each([
    { name: 'global in mm (45) instead of cm', input: { patientGlobalCm: 45 }, reason: /ptga = 45: must be >= 0 and <= 10 cm/ },
    { name: 'physician global negative', input: { physicianGlobalCm: -0.1 }, reason: /phga = -0.1/ },
    { name: 'TJC 30', input: { tjc28: 30 }, reason: /tjc28 = 30/ },
  ])('invalid: $name', ({ input, reason }) => {
    const r = cdaiRa({ tjc28: 2, sjc28: 1, patientGlobalCm: 3, physicianGlobalCm: 2, ...input });
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(reason);
  });

  it('incomplete without the physician global', () => {
    const r = cdaiRa({ tjc28: 2, sjc28: 1, patientGlobalCm: 3, physicianGlobalCm: undefined });
    expect(r).toMatchObject({ status: 'incomplete', value: null, missing: ['phga'] });
  });
});

describe('SDAI', () => {
  it.each([
    { tjc: 1, sjc: 1, pt: 0.4, ph: 0.4, crp: 0.5, value: 3.3, band: 'remission' }, // 2.8 + 0.5 = 3.3 (boundary)
    { tjc: 1, sjc: 1, pt: 0.4, ph: 0.4, crp: 0.46, value: 3.3, band: 'remission' }, // 3.26 -> 3.3 (one decimal, half up)
    { tjc: 1, sjc: 1, pt: 0.4, ph: 0.4, crp: 0.6, value: 3.4, band: 'low' }, // 3.4
    { tjc: 4, sjc: 3, pt: 2, ph: 2, crp: 0, value: 11, band: 'low' }, // zero CRP: 11.0 (boundary)
    { tjc: 4, sjc: 3, pt: 2, ph: 2, crp: 0.1, value: 11.1, band: 'moderate' }, // 11.1
    { tjc: 10, sjc: 8, pt: 4, ph: 4, crp: 0, value: 26, band: 'moderate' }, // 26.0 (boundary)
    { tjc: 10, sjc: 8, pt: 4, ph: 4, crp: 0.2, value: 26.2, band: 'high' }, // 26.2
    { tjc: 28, sjc: 28, pt: 10, ph: 10, crp: 10, value: 86, band: 'high' }, // 76 + 10 = 86
  ])('$tjc + $sjc + $pt + $ph + CRP $crp = $value ($band)', ({ tjc, sjc, pt, ph, crp, value, band }) => {
    expect(sdai({ tjc28: tjc, sjc28: sjc, patientGlobalCm: pt, physicianGlobalCm: ph, crpMgDl: crp })).toMatchObject({
      score: 'sdai',
      status: 'complete',
      value,
      band,
    });
  });

  it('rejects a CRP that can only be mg/L (150)', () => {
    const r = sdai({ tjc28: 2, sjc28: 1, patientGlobalCm: 3, physicianGlobalCm: 2, crpMgDl: 150 });
    expect(r.status).toBe('invalid');
    expect(r.reason).toMatch(/crp = 150: must be >= 0 and <= 100 mg\/dL/);
  });

  it('incomplete without CRP, with the CDAI items still recorded', () => {
    const r = sdai({ tjc28: 2, sjc28: 1, patientGlobalCm: 3, physicianGlobalCm: 2, crpMgDl: null });
    expect(r.status).toBe('incomplete');
    expect(r.missing).toEqual(['crp']);
    expect(r.computedFrom.map((c) => c.item)).toEqual(['tjc28', 'sjc28', 'ptga', 'phga', 'crp']);
  });
});
