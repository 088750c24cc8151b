import { describe, expect, it } from 'vitest';
import { mayoFull, mayoPartial } from '@src/scores/index.ts';

// Full Mayo = stool + bleeding + endoscopy + PGA (each 0-3). Remission: total <= 2 and no subscore > 1.
describe('full Mayo score', () => {
  it.each([
    { sf: 0, rb: 0, en: 0, pga: 0, value: 0, band: 'remission' },
    { sf: 1, rb: 0, en: 1, pga: 0, value: 2, band: 'remission' }, // 2, all subscores <= 1
    { sf: 2, rb: 0, en: 0, pga: 0, value: 2, band: 'mild' }, // 2 but stool subscore 2: not remission
    { sf: 1, rb: 1, en: 1, pga: 0, value: 3, band: 'mild' }, // 3 (lower edge of mild)
    { sf: 2, rb: 1, en: 1, pga: 1, value: 5, band: 'mild' }, // 5 (upper edge of mild)
    { sf: 2, rb: 1, en: 2, pga: 1, value: 6, band: 'moderate' }, // 6
    { sf: 3, rb: 2, en: 3, pga: 2, value: 10, band: 'moderate' }, // 10
    { sf: 3, rb: 3, en: 3, pga: 2, value: 11, band: 'severe' }, // 11
    { sf: 3, rb: 3, en: 3, pga: 3, value: 12, band: 'severe' }, // 12
  ])('$sf + $rb + $en + $pga = $value ($band)', ({ sf, rb, en, pga, value, band }) => {
    expect(mayoFull({ stoolFrequency: sf, rectalBleeding: rb, endoscopy: en, physicianGlobal: pga })).toMatchObject({
      score: 'mayo-full',
      status: 'complete',
      value,
      band,
    });
  });

  it.each([
    { name: 'subscore 4', input: { endoscopy: 4 }, reason: /endoscopy-subscore = 4/ },
    { name: 'half subscore', input: { rectalBleeding: 1.5 }, reason: /rectal-bleeding = 1.5/ },
  ])('invalid: $name', ({ input, reason }) => {
    const r = mayoFull({ stoolFrequency: 1, rectalBleeding: 1, endoscopy: 1, physicianGlobal: 1, ...input });
    expect(r.status).toBe('invalid');
    expect(r.reason).toMatch(reason);
  });

  it('incomplete without endoscopy (use the partial score instead)', () => {
    const r = mayoFull({ stoolFrequency: 1, rectalBleeding: 1, endoscopy: null, physicianGlobal: 1 });
    expect(r).toMatchObject({ status: 'incomplete', value: null, missing: ['endoscopy-subscore'] });
  });
});

// Partial Mayo = stool + bleeding + PGA (0-9). Bands: <2 remission, 2-4 mild, 5-7 moderate, >7 severe.
describe('partial Mayo score', () => {
  it.each([
    { sf: 0, rb: 0, pga: 1, value: 1, band: 'remission' },
    { sf: 1, rb: 0, pga: 1, value: 2, band: 'mild' },
    { sf: 2, rb: 1, pga: 1, value: 4, band: 'mild' },
    { sf: 2, rb: 2, pga: 1, value: 5, band: 'moderate' },
    { sf: 3, rb: 2, pga: 2, value: 7, band: 'moderate' },
    { sf: 3, rb: 3, pga: 2, value: 8, band: 'severe' },
    { sf: 3, rb: 3, pga: 3, value: 9, band: 'severe' },
  ])('$sf + $rb + $pga = $value ($band)', ({ sf, rb, pga, value, band }) => {
    expect(mayoPartial({ stoolFrequency: sf, rectalBleeding: rb, physicianGlobal: pga })).toMatchObject({
      score: 'mayo-partial',
      status: 'complete',
      value,
      band,
    });
  });

  it('invalid with a negative subscore, incomplete with a missing one', () => {
    expect(mayoPartial({ stoolFrequency: -1, rectalBleeding: 0, physicianGlobal: 0 }).status).toBe('invalid');
    expect(mayoPartial({ stoolFrequency: 1, rectalBleeding: undefined, physicianGlobal: 0 }).missing).toEqual(['rectal-bleeding']);
  });
});
