import { describe, expect, it } from 'vitest';
import { annualisedRelapseRate, relapsesInWindow } from '@src/scores/index.ts';

// ARR = relapses in window / (days incl. both ends / 365.25), 2 decimals; onsets < 30 days after a
// counted onset are the same relapse.
const year2023 = { start: '2023-01-01', end: '2023-12-31' }; // 365 days

describe('annualised relapse rate', () => {
  it.each([
    { name: 'no relapse', relapses: [], window: year2023, value: 0 },
    // 2 / (365 / 365.25) = 2.00137 -> 2.00
    { name: 'two relapses in one year', relapses: ['2023-03-01', '2023-09-15'], window: year2023, value: 2 },
    // 3 / (730 / 365.25) = 1.50103 -> 1.50
    {
      name: 'three relapses in two years',
      relapses: ['2022-02-01', '2022-11-30', '2023-06-30'],
      window: { start: '2022-01-01', end: '2023-12-31' },
      value: 1.5,
    },
    // 1 / (183 / 365.25) = 1.99590 -> 2.00
    { name: 'one relapse in a half year', relapses: ['2023-04-01'], window: { start: '2023-01-01', end: '2023-07-02' }, value: 2 },
    // the 2023-03-20 onset is 19 days after 2023-03-01: same relapse -> 1 / (365/365.25) = 1.00
    { name: 'onsets < 30 days apart count once', relapses: ['2023-03-01', '2023-03-20'], window: year2023, value: 1 },
    // onsets exactly 30 days apart are two relapses -> 2.00
    { name: 'onsets 30 days apart count twice', relapses: ['2023-03-01', '2023-03-31'], window: year2023, value: 2 },
    // 2023-01-10 is 21 days after 2022-12-20 (outside the window): part of that relapse -> 0
    { name: 'continuation of a relapse that began before the window', relapses: ['2022-12-20', '2023-01-10'], window: year2023, value: 0 },
    { name: 'relapses on the window edges are inside', relapses: ['2023-01-01', '2023-12-31'], window: year2023, value: 2 },
    { name: 'relapses outside the window are ignored', relapses: ['2021-05-01', '2024-01-01'], window: year2023, value: 0 },
  ])('$name -> $value', ({ relapses, window, value }) => {
    const r = annualisedRelapseRate(
      relapses.map((date) => ({ date, sourceRef: `Condition/${date}` })),
      window,
    );
    expect(r).toMatchObject({ score: 'arr', status: 'complete', value, band: null });
  });

  it('records the counted relapses with their source', () => {
    const r = annualisedRelapseRate([{ date: '2023-03-01', sourceRef: 'Condition/r1' }, { date: '2021-01-01' }], year2023);
    expect(r.computedFrom.filter((c) => c.item === 'relapse')).toEqual([{ item: 'relapse', value: true, date: '2023-03-01', sourceRef: 'Condition/r1' }]);
  });

  it.each([
    { name: 'window shorter than 90 days', relapses: [], window: { start: '2023-01-01', end: '2023-02-01' }, reason: /window of 32 days/ },
    { name: 'window end before start', relapses: [], window: { start: '2023-12-31', end: '2023-01-01' }, reason: /shorter than 90 days/ },
    { name: 'partial relapse date', relapses: ['2023-05'], window: year2023, reason: /relapse partial date "2023-05"/ },
    { name: 'partial window date', relapses: [], window: { start: '2023', end: '2023-12-31' }, reason: /window partial date "2023"/ },
    { name: 'garbage date', relapses: ['last spring'], window: year2023, reason: /not a date/ },
  ])('invalid: $name', ({ relapses, window, reason }) => {
    const r = annualisedRelapseRate(
      relapses.map((date) => ({ date })),
      window,
    );
    expect(r).toMatchObject({ status: 'invalid', value: null });
    expect(r.reason).toMatch(reason);
  });

  it('incomplete when the relapse history is unknown (not the same as no relapses)', () => {
    expect(annualisedRelapseRate(null, year2023)).toMatchObject({ status: 'incomplete', value: null, missing: ['relapse history'] });
  });
});

describe('relapsesInWindow', () => {
  it.each([
    { name: 'counts distinct relapses inside the window', relapses: ['2023-03-01', '2023-03-10', '2023-12-31', '2024-01-02'], value: 2 },
    { name: 'zero when none', relapses: [], value: 0 },
    { name: 'null for an unreadable date', relapses: ['2023'], value: null },
  ])('$name', ({ relapses, value }) => {
    expect(
      relapsesInWindow(
        relapses.map((date) => ({ date })),
        year2023,
      ).value,
    ).toBe(value);
  });

  it('null when the history is unknown', () => {
    expect(relapsesInWindow(undefined, year2023)).toEqual({ value: null });
  });
});
