// rankOptions: the order a clinician sees, checkable by hand from the rows below.
import { describe, expect, it } from 'vitest';
import { rankOptions, type RankInput } from '@src/rules/ranking.ts';
import type { SafetyFlag, Severity } from '@src/rules/safety/types.ts';

const p = (drug: string, probability: number, lower = probability - 0.05, upper = probability + 0.05): RankInput => ({ drug, probability, lower, upper });

function flag(drug: string, severity: Severity): SafetyFlag {
  return { ruleId: 'tb-active', drug, severity, state: 'triggered', messageKey: 'safety.tb-active.triggered', params: {}, text: 'active tuberculosis', facts: [], source: 'test' };
}

interface Row {
  name: string;
  preds: RankInput[];
  flags: Record<string, SafetyFlag[]>;
  order: string[];
}

describe('rankOptions', () => {
  it.each<Row>([
    { name: 'highest probability first', preds: [p('a', 0.3), p('b', 0.5), p('c', 0.4)], flags: {}, order: ['b', 'c', 'a'] },
    { name: 'ties keep the model order (stable)', preds: [p('x', 0.4), p('y', 0.4), p('z', 0.4)], flags: {}, order: ['x', 'y', 'z'] },
    { name: 'a contraindicated option goes last but stays listed', preds: [p('a', 0.6), p('b', 0.5), p('c', 0.2)], flags: { a: [flag('a', 'contraindicated')] }, order: ['b', 'c', 'a'] },
    { name: 'a caution does not move an option', preds: [p('a', 0.6), p('b', 0.5)], flags: { a: [flag('a', 'caution')] }, order: ['a', 'b'] },
    {
      name: 'contraindicated options keep probability order among themselves',
      preds: [p('a', 0.6), p('b', 0.7), p('c', 0.1)],
      flags: { a: [flag('a', 'contraindicated')], b: [flag('b', 'contraindicated')] },
      order: ['c', 'b', 'a'],
    },
  ])('$name', ({ preds, flags, order }) => {
    const ranked = rankOptions(preds, flags, null);
    expect(ranked.map((o) => o.drug)).toEqual(order);
    expect(ranked.map((o) => o.rank)).toEqual(order.map((_, i) => i + 1));
  });

  it('carries each option its flags and worst severity', () => {
    const flags = { a: [flag('a', 'screen-before-start'), flag('a', 'only-if-no-alternative')] };
    const [a, b] = rankOptions([p('a', 0.5), p('b', 0.4)], flags, null);
    expect(a?.flags).toHaveLength(2);
    expect(a?.worst).toBe('only-if-no-alternative');
    expect(b?.flags).toEqual([]);
    expect(b?.worst).toBeNull();
  });

  it('marks options whose interval reaches the top option\'s lower bound as indistinguishable', () => {
    // top: 0.60 [0.50, 0.70]; b upper 0.55 >= 0.50 -> overlaps; c upper 0.45 < 0.50 -> separable; d upper exactly 0.50 -> overlaps.
    const ranked = rankOptions([p('top', 0.6, 0.5, 0.7), p('b', 0.45, 0.35, 0.55), p('c', 0.3, 0.15, 0.45), p('d', 0.4, 0.3, 0.5)], {}, null);
    expect(Object.fromEntries(ranked.map((o) => [o.drug, o.indistinguishableFromTop]))).toEqual({ top: false, b: true, d: true, c: false });
  });

  it('marks the current therapy and only it', () => {
    const ranked = rankOptions([p('a', 0.5), p('b', 0.4)], {}, 'b');
    expect(ranked.map((o) => [o.drug, o.current])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(rankOptions([p('a', 0.5)], {}, null)[0]?.current).toBe(false);
  });

  it('returns nothing for no predictions', () => {
    expect(rankOptions([], {}, null)).toEqual([]);
  });
});
