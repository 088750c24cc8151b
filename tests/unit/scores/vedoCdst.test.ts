import { describe, expect, it } from 'vitest';
import { vedolizumabCdst } from '@src/scores/index.ts';

// CDST (Dulai 2018): no surgery +2, no anti-TNF +3, no fistula +2, 0.4 x albumin (g/L),
// CRP 3.0-10.0 mg/L -0.5, > 10.0 -3. Low <= 13, intermediate > 13 to <= 19, high > 19.
describe('vedolizumab CDST (Crohn disease)', () => {
  it.each([
    // 2 + 3 + 2 + 0.4*40 (16) + 0 = 23
    { surgery: false, antiTnf: false, fistula: false, alb: 40, crp: 2, value: 23, band: 'high probability of response' },
    // 0 + 0 + 0 + 0.4*35 (14; 14.000000000000002 in binary) - 3 = 11
    { surgery: true, antiTnf: true, fistula: true, alb: 35, crp: 15, value: 11, band: 'low probability of response' },
    // 0.4*32.5 = 13 + 0 = 13 (boundary, low)
    { surgery: true, antiTnf: true, fistula: true, alb: 32.5, crp: 1, value: 13, band: 'low probability of response' },
    // 0 + 0 + 2 + 0.4*30 (12) - 0.5 (CRP exactly 3.0) = 13.5
    { surgery: true, antiTnf: true, fistula: false, alb: 30, crp: 3, value: 13.5, band: 'intermediate probability of response' },
    // 2 + 3 + 0 + 14 + 0 = 19 (boundary, intermediate)
    { surgery: false, antiTnf: false, fistula: true, alb: 35, crp: 2.9, value: 19, band: 'intermediate probability of response' },
    // 2 + 3 + 0 + 0.4*36 (14.4) = 19.4
    { surgery: false, antiTnf: false, fistula: true, alb: 36, crp: 0, value: 19.4, band: 'high probability of response' },
    // 0.4*40 (16) - 0.5 (CRP exactly 10.0) = 15.5
    { surgery: true, antiTnf: true, fistula: true, alb: 40, crp: 10, value: 15.5, band: 'intermediate probability of response' },
    // 16 - 3 (CRP 10.1 > 10.0) = 13
    { surgery: true, antiTnf: true, fistula: true, alb: 40, crp: 10.1, value: 13, band: 'low probability of response' },
  ])('surgery $surgery, anti-TNF $antiTnf, fistula $fistula, albumin $alb, CRP $crp -> $value', ({ surgery, antiTnf, fistula, alb, crp, value, band }) => {
    const r = vedolizumabCdst({ priorBowelSurgery: surgery, priorAntiTnf: antiTnf, fistulizingDisease: fistula, albuminGL: alb, crpMgL: crp });
    expect(r).toMatchObject({ score: 'vedo-cdst', status: 'complete', value, band });
  });

  it('rejects albumin in g/dL (3.8)', () => {
    const r = vedolizumabCdst({ priorBowelSurgery: false, priorAntiTnf: false, fistulizingDisease: false, albuminGL: 3.8, crpMgL: 5 });
    expect(r.status).toBe('invalid');
    expect(r.reason).toMatch(/albumin = 3.8: must be >= 10 and <= 60 g\/L/);
  });

  it('incomplete when anti-TNF history is unknown', () => {
    const r = vedolizumabCdst({ priorBowelSurgery: false, priorAntiTnf: null, fistulizingDisease: false, albuminGL: 38, crpMgL: 5 });
    expect(r).toMatchObject({ status: 'incomplete', value: null, missing: ['prior-anti-tnf'] });
  });
});
