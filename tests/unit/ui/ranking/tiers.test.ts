// Tiers from the worst safety finding; demoted options after the others of their tier; the current therapy apart.
import { describe, expect, it } from 'vitest';
import { tierOf as safetyTierOf, type RankedOption } from '@src/rules/ranking.ts';
import { groupByTier, tierOf } from '@src/ui/ranking/tiers.ts';

function opt(drug: string, probability: number, worst: RankedOption['worst'], current = false): RankedOption {
  return {
    drug,
    probability,
    lower: probability - 0.1,
    upper: probability + 0.1,
    flags: [],
    worst,
    tier: safetyTierOf(worst),
    current,
    demoted: false,
    rank: 0,
    indistinguishableFromTop: false,
  };
}

describe('tierOf', () => {
  it.each([
    [null, 'suitable'],
    ['screen-before-start', 'suitable'],
    ['caution', 'suitable'],
    ['only-if-no-alternative', 'restricted'],
    ['contraindicated', 'contraindicated'],
  ] as const)('%s -> %s', (worst, tier) => expect(tierOf(worst)).toBe(tier));
});

describe('groupByTier', () => {
  const options = [
    opt('a', 0.6, 'only-if-no-alternative'),
    opt('b', 0.5, null),
    opt('c', 0.7, 'contraindicated'),
    opt('d', 0.4, 'caution'),
    opt('e', 0.55, 'screen-before-start'),
    opt('cur', 0.9, null, true),
  ];

  it('suitable, restricted, contraindicated; probability order inside; positions run across tiers; current left out', () => {
    const groups = groupByTier(options);
    expect(groups.map((g) => [g.tier, g.options.map((o) => o.option.drug)])).toEqual([
      ['suitable', ['e', 'b', 'd']],
      ['restricted', ['a']],
      ['contraindicated', ['c']],
    ]);
    expect(groups.flatMap((g) => g.options.map((o) => o.position))).toEqual([1, 2, 3, 4, 5]);
  });

  it('a demoted option goes after the others of its tier, never into another tier', () => {
    const groups = groupByTier(options, new Set(['e', 'a']));
    expect(groups[0]?.options.map((o) => [o.option.drug, o.demoted])).toEqual([
      ['b', false],
      ['d', false],
      ['e', true],
    ]);
    expect(groups[1]?.options.map((o) => o.option.drug)).toEqual(['a']);
  });

  it('no restricted option before a suitable one, whatever the probabilities', () => {
    const positions = groupByTier(options).flatMap((g) => g.options.map((o) => ({ tier: g.tier, position: o.position })));
    const lastSuitable = Math.max(...positions.filter((p) => p.tier === 'suitable').map((p) => p.position));
    const firstOther = Math.min(...positions.filter((p) => p.tier !== 'suitable').map((p) => p.position));
    expect(lastSuitable).toBeLessThan(firstOther);
  });

  it('empty tiers are omitted; equal probabilities keep the model order', () => {
    const groups = groupByTier([opt('x', 0.5, null), opt('y', 0.5, null)]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.options.map((o) => o.option.drug)).toEqual(['x', 'y']);
  });
});
