import { describe, expect, it } from 'vitest';
import { harveyBradshaw } from '@src/scores/index.ts';

// HBI = well-being (0-4) + pain (0-3) + liquid stools/day + mass (0-3) + complications (1 each).
// Bands: <5 remission, 5-7 mild, 8-16 moderate, >16 severe.
describe('Harvey-Bradshaw Index', () => {
  it.each([
    { wb: 0, pain: 0, stools: 0, mass: 0, comp: 0, value: 0, band: 'remission' },
    { wb: 1, pain: 1, stools: 2, mass: 0, comp: 0, value: 4, band: 'remission' }, // 1+1+2 = 4
    { wb: 1, pain: 1, stools: 3, mass: 0, comp: 0, value: 5, band: 'mild' }, // 5
    { wb: 2, pain: 1, stools: 4, mass: 0, comp: 0, value: 7, band: 'mild' }, // 7
    { wb: 2, pain: 1, stools: 4, mass: 0, comp: 1, value: 8, band: 'moderate' }, // 8
    { wb: 3, pain: 2, stools: 8, mass: 2, comp: 1, value: 16, band: 'moderate' }, // 16
    { wb: 3, pain: 2, stools: 8, mass: 2, comp: 2, value: 17, band: 'severe' }, // 17
    { wb: 4, pain: 3, stools: 20, mass: 3, comp: 8, value: 38, band: 'severe' }, // every item at its top
  ])('$wb + $pain + $stools + $mass + $comp = $value ($band)', ({ wb, pain, stools, mass, comp, value, band }) => {
    const r = harveyBradshaw({ generalWellbeing: wb, abdominalPain: pain, liquidStoolsPerDay: stools, abdominalMass: mass, complications: comp });
    expect(r).toMatchObject({ score: 'hbi', status: 'complete', value, band, missing: [] });
    expect(r.computedFrom).toHaveLength(5);
  });

  it.each([
    { name: 'well-being 5', input: { generalWellbeing: 5 }, reason: /general-wellbeing = 5/ },
    { name: 'abdominal mass 4', input: { abdominalMass: 4 }, reason: /abdominal-mass = 4/ },
    { name: '9 complications (only 8 exist)', input: { complications: 9 }, reason: /complications = 9/ },
    { name: 'fractional stool count', input: { liquidStoolsPerDay: 2.5 }, reason: /liquid-stools = 2.5/ },
    { name: 'a 7-day stool sum passed as daily', input: { liquidStoolsPerDay: 56 }, reason: /liquid-stools = 56: .*<= 40/ },
    { name: 'infinite pain', input: { abdominalPain: Number.POSITIVE_INFINITY }, reason: /abdominal-pain: not a finite number/ },
  ])('invalid: $name', ({ input, reason }) => {
    const r = harveyBradshaw({ generalWellbeing: 1, abdominalPain: 1, liquidStoolsPerDay: 2, abdominalMass: 0, complications: 0, ...input });
    expect(r).toMatchObject({ status: 'invalid', value: null, band: null });
    expect(r.reason).toMatch(reason);
  });

  it('incomplete, naming every missing item', () => {
    const r = harveyBradshaw({ generalWellbeing: 1, abdominalPain: null, liquidStoolsPerDay: 2, abdominalMass: undefined, complications: 0 });
    expect(r).toMatchObject({ status: 'incomplete', value: null, missing: ['abdominal-pain', 'abdominal-mass'] });
  });

  it('invalid wins over incomplete, and still lists what is missing', () => {
    const r = harveyBradshaw({ generalWellbeing: 7, abdominalPain: null, liquidStoolsPerDay: 2, abdominalMass: 0, complications: 0 });
    expect(r.status).toBe('invalid');
    expect(r.missing).toEqual(['abdominal-pain']);
  });
});
