import { describe, expect, it } from 'vitest';
import { edssTrend, isEdssStep, requiredEdssIncrease } from '@src/scores/index.ts';
import type { EdssTrendOptions } from '@src/scores/index.ts';

type Series = Array<[string, number]>;
const series = (s: Series) => s.map(([date, value]) => ({ date, value, sourceRef: `Observation/${date}` }));

describe('EDSS confirmed disability progression', () => {
  it.each<{ name: string; s: Series; opts?: EdssTrendOptions; band: string; value: number; onset?: string; confirmed?: string }>([
    {
      // reference 2.0 needs +1.0; 3.0 on Jul 1 kept on Oct 1 (92 days >= 84)
      name: '+1.0 from 2.0 confirmed at 12 weeks',
      s: [
        ['2020-01-01', 2],
        ['2020-07-01', 3],
        ['2020-10-01', 3],
      ],
      band: 'confirmed disability progression (12-week)',
      value: 3,
      onset: '2020-07-01',
      confirmed: '2020-10-01',
    },
    {
      // same series, 92 days < 168: pending
      name: 'same series not yet confirmed at 24 weeks',
      s: [
        ['2020-01-01', 2],
        ['2020-07-01', 3],
        ['2020-10-01', 3],
      ],
      opts: { confirmationWeeks: 24 },
      band: 'progression not yet confirmed',
      value: 3,
      onset: '2020-07-01',
    },
    {
      // 24-week: Jul 1 -> Jan 15 = 198 days >= 168
      name: '+1.0 confirmed at 24 weeks',
      s: [
        ['2020-01-01', 2],
        ['2020-07-01', 3],
        ['2020-10-01', 3.5],
        ['2021-01-15', 3],
      ],
      opts: { confirmationWeeks: 24 },
      band: 'confirmed disability progression (24-week)',
      value: 3,
      onset: '2020-07-01',
      confirmed: '2021-01-15',
    },
    {
      name: 'reference 0 needs +1.5: +1.0 is not progression',
      s: [
        ['2020-01-01', 0],
        ['2020-04-01', 1],
        ['2020-08-01', 1],
      ],
      band: 'no confirmed progression',
      value: 1,
    },
    {
      name: 'reference 0: +1.5 confirmed',
      s: [
        ['2020-01-01', 0],
        ['2020-04-01', 1.5],
        ['2020-08-01', 1.5],
      ],
      band: 'confirmed disability progression (12-week)',
      value: 1.5,
      onset: '2020-04-01',
      confirmed: '2020-08-01',
    },
    {
      name: 'reference 5.5 needs +1.0: +0.5 is not progression',
      s: [
        ['2020-01-01', 5.5],
        ['2020-04-01', 6],
        ['2020-08-01', 6],
      ],
      band: 'no confirmed progression',
      value: 6,
    },
    {
      name: 'reference 6.0 needs +0.5',
      s: [
        ['2020-01-01', 6],
        ['2020-04-01', 6.5],
        ['2020-08-01', 6.5],
      ],
      band: 'confirmed disability progression (12-week)',
      value: 6.5,
      onset: '2020-04-01',
      confirmed: '2020-08-01',
    },
    {
      // Jul increase falls back in Aug, so it is not sustained; the Dec increase has no follow-up yet
      name: 'an unsustained increase is not confirmed',
      s: [
        ['2020-01-01', 2],
        ['2020-07-01', 3],
        ['2020-08-01', 2],
        ['2020-12-01', 3],
      ],
      band: 'progression not yet confirmed',
      value: 3,
      onset: '2020-12-01',
    },
    {
      // Jul 1 is 11 days after the relapse: not eligible; onset Oct 1, confirmed Jan 15 (106 days)
      name: 'an assessment within 30 days of a relapse is not eligible',
      s: [
        ['2020-01-01', 2],
        ['2020-07-01', 3],
        ['2020-10-01', 3],
        ['2021-01-15', 3],
      ],
      opts: { relapses: [{ date: '2020-06-20' }] },
      band: 'confirmed disability progression (12-week)',
      value: 3,
      onset: '2020-10-01',
      confirmed: '2021-01-15',
    },
    {
      name: 'assessments in any order',
      s: [
        ['2020-10-01', 3],
        ['2020-01-01', 2],
        ['2020-07-01', 3],
      ],
      band: 'confirmed disability progression (12-week)',
      value: 3,
      onset: '2020-07-01',
      confirmed: '2020-10-01',
    },
  ])('$name', ({ s, opts, band, value, onset, confirmed }) => {
    const r = edssTrend(series(s), opts);
    expect(r).toMatchObject({ score: 'edss', status: 'complete', band, value });
    expect(r.progression?.onset.date).toBe(onset);
    expect(r.progression?.confirmation?.date).toBe(confirmed);
    expect(r.computedFrom).toHaveLength(s.length);
  });

  it.each([
    {
      name: 'EDSS 0.5 does not exist',
      s: [
        ['2020-01-01', 0.5],
        ['2020-06-01', 1],
      ] as Series,
      reason: /EDSS = 0.5/,
    },
    {
      name: 'EDSS 11',
      s: [
        ['2020-01-01', 2],
        ['2020-06-01', 11],
      ] as Series,
      reason: /EDSS = 11/,
    },
    {
      name: 'EDSS 3.25',
      s: [
        ['2020-01-01', 3.25],
        ['2020-06-01', 4],
      ] as Series,
      reason: /EDSS = 3.25/,
    },
    {
      name: 'partial date',
      s: [
        ['2020-01', 2],
        ['2020-06-01', 3],
      ] as Series,
      reason: /partial date "2020-01"/,
    },
  ])('invalid: $name', ({ s, reason }) => {
    const r = edssTrend(series(s));
    expect(r).toMatchObject({ status: 'invalid', value: null, progression: null });
    expect(r.reason).toMatch(reason);
  });

  it.each([
    { name: 'no assessment', s: null, missing: ['EDSS reference assessment', 'EDSS follow-up assessment'] },
    { name: 'one assessment', s: [{ date: '2020-01-01', value: 2 }], missing: ['EDSS follow-up assessment'] },
  ])('incomplete: $name', ({ s, missing }) => {
    expect(edssTrend(s)).toMatchObject({ status: 'incomplete', value: null, missing });
  });

  it.each([
    [0, 1.5],
    [1, 1],
    [5.5, 1],
    [6, 0.5],
    [9.5, 0.5],
  ])('required increase from %d is %d', (reference, increase) => {
    expect(requiredEdssIncrease(reference)).toBe(increase);
  });

  it.each([
    [0, true],
    [0.5, false],
    [1, true],
    [4.5, true],
    [10, true],
    [10.5, false],
    [-1, false],
    [Number.NaN, false],
  ])('isEdssStep(%d) = %s', (value, ok) => {
    expect(isEdssStep(value)).toBe(ok);
  });
});
