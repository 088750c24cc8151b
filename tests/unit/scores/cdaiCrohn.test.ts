import { describe, expect, it } from 'vitest';
import { cdaiCrohn, standardWeightFromHeight } from '@src/scores/index.ts';
import type { CdaiCrohnInput } from '@src/scores/index.ts';

// CDAI = 2*stools7d + 5*pain7d + 7*wellbeing7d + 20*complications + 30*antidiarrhoeal + 10*mass
//      + 6*(47 or 42 - Hct) + max(-10, (1 - weight/standard)*100), rounded to a whole number.
const base: CdaiCrohnInput = {
  liquidStools7d: 0,
  abdominalPain7d: 0,
  generalWellbeing7d: 0,
  complications: 0,
  antidiarrhoeal: false,
  abdominalMass: 0,
  haematocritPercent: 47,
  sex: 'male',
  weightKg: 70,
  standardWeightKg: 70,
};

describe("Crohn's Disease Activity Index", () => {
  it.each([
    {
      // 42 + 35 + 70 + 20 + 0 + 0 + 6*(47-40)=42 + (1-62/70)*100=11.428571 -> 220.428571 -> 220
      name: 'male, anaemic, weight loss',
      input: { liquidStools7d: 21, abdominalPain7d: 7, generalWellbeing7d: 10, complications: 1, haematocritPercent: 40, weightKg: 62 },
      value: 220,
      band: 'moderate',
    },
    {
      // 14 + 10 + 21 + 6*(42-41)=6 + 0 = 51
      name: 'female in remission',
      input: {
        liquidStools7d: 7,
        abdominalPain7d: 2,
        generalWellbeing7d: 3,
        sex: 'female' as const,
        haematocritPercent: 41,
        weightKg: 58,
        standardWeightKg: 58,
      },
      value: 51,
      band: 'remission',
    },
    {
      // 60 + 70 + 98 + 40 + 30 + 50 + 6*(42-35)=42 + max(-10, -28.571429) = 380
      name: 'weight far above standard: weight term floored at -10',
      input: {
        liquidStools7d: 30,
        abdominalPain7d: 14,
        generalWellbeing7d: 14,
        complications: 2,
        antidiarrhoeal: true,
        abdominalMass: 5,
        sex: 'female' as const,
        haematocritPercent: 35,
        weightKg: 90,
      },
      value: 380,
      band: 'moderate',
    },
    {
      // 74 + 35 + 35 + 6*(47-46.5)=3 + (1-68.5/70)*100=2.142857 -> 149.142857 -> 149
      name: 'just below 150',
      input: { liquidStools7d: 37, abdominalPain7d: 7, generalWellbeing7d: 5, haematocritPercent: 46.5, weightKg: 68.5 },
      value: 149,
      band: 'remission',
    },
    {
      // 74 + 35 + 35 + 3 + (1-68/70)*100=2.857143 -> 149.857143 -> rounds to 150
      name: 'rounds up to 150',
      input: { liquidStools7d: 37, abdominalPain7d: 7, generalWellbeing7d: 5, haematocritPercent: 46.5, weightKg: 68 },
      value: 150,
      band: 'mild',
    },
    {
      // 100 + 70 + 147 + 40 + 30 + 20 + 6*(47-42)=30 + (1-60.9/70)*100=13 -> 450
      name: 'upper edge of moderate',
      input: {
        liquidStools7d: 50,
        abdominalPain7d: 14,
        generalWellbeing7d: 21,
        complications: 2,
        antidiarrhoeal: true,
        abdominalMass: 2,
        haematocritPercent: 42,
        weightKg: 60.9,
      },
      value: 450,
      band: 'moderate',
    },
    {
      // as above with (1-60.2/70)*100 = 14 -> 451
      name: 'severe above 450',
      input: {
        liquidStools7d: 50,
        abdominalPain7d: 14,
        generalWellbeing7d: 21,
        complications: 2,
        antidiarrhoeal: true,
        abdominalMass: 2,
        haematocritPercent: 42,
        weightKg: 60.2,
      },
      value: 451,
      band: 'severe',
    },
    {
      // 6*(47-50) = -18: the haematocrit term is signed, as published
      name: 'haematocrit above standard gives a negative term',
      input: { haematocritPercent: 50 },
      value: -18,
      band: 'remission',
    },
  ])('$name -> $value ($band)', ({ input, value, band }) => {
    expect(cdaiCrohn({ ...base, ...input })).toMatchObject({ score: 'cdai-cd', status: 'complete', value, band });
  });

  it.each([
    { name: 'haematocrit as a fraction (0.40)', input: { haematocritPercent: 0.4 }, reason: /haematocrit = 0.4/ },
    { name: 'abdominal mass 1 (allowed 0, 2, 5)', input: { abdominalMass: 1 }, reason: /abdominal-mass = 1: must be one of 0, 2, 5/ },
    { name: 'pain sum above 21', input: { abdominalPain7d: 22 }, reason: /abdominal-pain = 22/ },
    { name: 'seven complications', input: { complications: 7 }, reason: /complications = 7/ },
    { name: 'standard weight 0', input: { standardWeightKg: 0 }, reason: /standard-weight = 0: must be > 0/ },
  ])('invalid: $name', ({ input, reason }) => {
    const r = cdaiCrohn({ ...base, ...input });
    expect(r.status).toBe('invalid');
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(reason);
  });

  it('incomplete without sex and standard weight', () => {
    const r = cdaiCrohn({ ...base, sex: null, standardWeightKg: undefined });
    expect(r).toMatchObject({ status: 'incomplete', value: null });
    expect(r.missing).toEqual(['standard-weight', 'sex']);
  });
});

describe('standardWeightFromHeight (Keys BMI formula, secondary source)', () => {
  it.each([
    { height: 175, sex: 'male' as const, kg: 67.7 }, // 1.75^2 * 22.1 = 67.68125
    { height: 165, sex: 'female' as const, kg: 56.6 }, // 1.65^2 * 20.8 = 56.628
    { height: 90, sex: 'male' as const, kg: null }, // out of range
    { height: null, sex: 'female' as const, kg: null },
    { height: 170, sex: null, kg: null },
  ])('$height cm $sex -> $kg', ({ height, sex, kg }) => {
    expect(standardWeightFromHeight(height, sex)).toBe(kg);
  });
});
