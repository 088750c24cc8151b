// rankOptions: safety tier first (suitable, only if no suitable alternative, contraindicated), probability inside a tier.
import { describe, expect, it } from 'vitest';
import { rankOptions, tierOf, TIER_ORDER, type RankInput } from '../../../src/rules/ranking.ts';
import type { SafetyFlag, Severity } from '../../../src/rules/safety/types.ts';

/** A flag of a given severity (only the fields rankOptions reads matter; the rest is filled plausibly). */
const flagOf = (drug: string, severity: Severity): SafetyFlag => ({
  ruleId: 'jak-age',
  drug,
  severity,
  state: 'triggered',
  messageKey: 'safety.jak-age.triggered',
  params: {},
  text: `${severity} flag`,
  facts: [],
  source: 'test',
});

const opt = (drug: string, probability: number): RankInput => ({ drug, probability, lower: probability - 0.1, upper: probability + 0.1 });

interface Row {
  name: string;
  options: RankInput[];
  worst: Record<string, Severity[]>;
  current?: string;
  order: string[];
}

const ROWS: Row[] = [
  {
    name: 'issue 10: a JAK inhibitor that is only-if-no-alternative never ranks above an unrestricted option',
    options: [opt('upadacitinib', 0.62), opt('adalimumab', 0.35), opt('vedolizumab', 0.3)],
    worst: { upadacitinib: ['only-if-no-alternative', 'screen-before-start'], adalimumab: ['screen-before-start'] },
    order: ['adalimumab', 'vedolizumab', 'upadacitinib'],
  },
  {
    name: 'caution and treat-before-start stay with the suitable options, in probability order',
    options: [opt('a', 0.2), opt('b', 0.5), opt('c', 0.4), opt('d', 0.3)],
    worst: { a: ['caution'], b: ['treat-before-start'], c: [], d: ['screen-before-start'] },
    order: ['b', 'c', 'd', 'a'],
  },
  {
    name: 'three tiers, probability order kept inside each',
    options: [opt('ci-high', 0.9), opt('only-high', 0.8), opt('ok-low', 0.1), opt('only-low', 0.7), opt('ok-high', 0.2), opt('ci-low', 0.05)],
    worst: {
      'ci-high': ['contraindicated', 'caution'],
      'only-high': ['only-if-no-alternative'],
      'only-low': ['only-if-no-alternative', 'caution'],
      'ci-low': ['contraindicated'],
    },
    order: ['ok-high', 'ok-low', 'only-high', 'only-low', 'ci-high', 'ci-low'],
  },
  {
    name: 'the worst flag decides the tier (contraindicated beats only-if-no-alternative)',
    options: [opt('x', 0.6), opt('y', 0.5)],
    worst: { x: ['only-if-no-alternative', 'contraindicated'], y: ['only-if-no-alternative'] },
    order: ['y', 'x'],
  },
  {
    name: 'ties keep the model order (stable)',
    options: [opt('first', 0.4), opt('second', 0.4), opt('third', 0.4)],
    worst: {},
    order: ['first', 'second', 'third'],
  },
  {
    name: 'the current therapy gets no bonus: it is placed by its tier and probability',
    options: [opt('natalizumab', 0.7), opt('ocrelizumab', 0.6)],
    worst: { natalizumab: ['only-if-no-alternative'] },
    current: 'natalizumab',
    order: ['ocrelizumab', 'natalizumab'],
  },
  {
    name: 'the current therapy follows the new starts even with a higher probability (its own panel, issue 13)',
    options: [opt('natalizumab', 0.9), opt('ocrelizumab', 0.6), opt('cladribine', 0.5)],
    worst: {},
    current: 'natalizumab',
    order: ['ocrelizumab', 'cladribine', 'natalizumab'],
  },
];

describe('rankOptions', () => {
  it('places a drug the history demotes after the others of its tier, never above a suitable one', () => {
    const ranked = rankOptions(
      [opt('infliximab', 0.8), opt('vedolizumab', 0.5), opt('upadacitinib', 0.6)],
      { upadacitinib: [flagOf('upadacitinib', 'only-if-no-alternative')] },
      null,
      new Set(['infliximab']),
    );
    expect(ranked.map((o) => o.drug)).toEqual(['vedolizumab', 'infliximab', 'upadacitinib']);
    expect(ranked.map((o) => o.demoted)).toEqual([false, true, false]);
    expect(ranked.map((o) => o.rank)).toEqual([1, 2, 3]);
  });

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const flags = Object.fromEntries(Object.entries(row.worst).map(([d, ss]) => [d, ss.map((s) => flagOf(d, s))]));
    const ranked = rankOptions(row.options, flags, row.current ?? null);
    expect(ranked.map((o) => o.drug)).toEqual(row.order);
    expect(ranked.map((o) => o.rank)).toEqual(row.order.map((_, i) => i + 1));
    // Tiers never go backwards down the list.
    const tiers = ranked.map((o) => TIER_ORDER.indexOf(o.tier));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    for (const o of ranked) expect(o.tier).toBe(tierOf(o.worst));
    expect(ranked.filter((o) => o.current).map((o) => o.drug)).toEqual(row.current ? [row.current] : []);
  });

  it('keeps every option, contraindicated ones included, with their flags', () => {
    const ranked = rankOptions([opt('a', 0.5), opt('b', 0.4)], { a: [flagOf('a', 'contraindicated')] }, null);
    expect(ranked).toHaveLength(2);
    expect(ranked[1]).toMatchObject({ drug: 'a', worst: 'contraindicated', tier: 'contraindicated' });
    expect(ranked[1]?.flags).toHaveLength(1);
  });

  it('marks options whose interval overlaps the first option', () => {
    const ranked = rankOptions(
      [
        { drug: 'a', probability: 0.5, lower: 0.4, upper: 0.6 },
        { drug: 'b', probability: 0.45, lower: 0.35, upper: 0.41 },
        { drug: 'c', probability: 0.2, lower: 0.1, upper: 0.3 },
      ],
      {},
      null,
    );
    expect(ranked.map((o) => o.indistinguishableFromTop)).toEqual([false, true, false]);
  });
});

describe('tierOf', () => {
  it.each([
    [null, 'suitable'],
    ['screen-before-start', 'suitable'],
    ['caution', 'suitable'],
    ['treat-before-start', 'suitable'],
    ['only-if-no-alternative', 'only-if-no-alternative'],
    ['contraindicated', 'contraindicated'],
  ] as const)('%s -> %s', (worst, tier) => {
    expect(tierOf(worst)).toBe(tier);
  });
});
