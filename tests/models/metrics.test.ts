// Evaluation metrics on hand-checkable inputs.
import { describe, expect, it } from 'vitest';
import { auc, calibration, decisionMetrics, kendallTau } from '../../models/src/evaluate/metrics.ts';
import { wilson } from '../../models/src/math.ts';

describe('metrics', () => {
  it.each([
    { score: [0.1, 0.2, 0.8, 0.9], y: [0, 0, 1, 1], want: 1 },
    { score: [0.9, 0.8, 0.2, 0.1], y: [0, 0, 1, 1], want: 0 },
    { score: [0.5, 0.5, 0.5, 0.5], y: [0, 1, 0, 1], want: 0.5 },
    { score: [0.1, 0.4, 0.35, 0.8], y: [0, 0, 1, 1], want: 0.75 },
  ])('AUC $want', ({ score, y, want }) => {
    expect(auc(score, y)).toBeCloseTo(want, 12);
  });

  it('ECE is the bin-weighted absolute gap', () => {
    const { ece, curve } = calibration([0.05, 0.05, 0.95, 0.95], [0, 0.2, 1, 1]);
    expect(ece).toBeCloseTo(0.5 * Math.abs(0.05 - 0.1) + 0.5 * Math.abs(0.95 - 1), 12);
    expect(curve).toHaveLength(10);
    expect(curve[0]?.n).toBe(2);
  });

  it.each([
    { a: [1, 2, 3], b: [10, 20, 30], want: 1 },
    { a: [1, 2, 3], b: [30, 20, 10], want: -1 },
    { a: [1, 2, 3, 4], b: [1, 2, 4, 3], want: 4 / 6 },
  ])('Kendall tau $want', ({ a, b, want }) => {
    expect(kendallTau(a, b)).toBeCloseTo(want, 12);
  });

  it('top-1 regret is the true probability lost by the model choice, in percentage points', () => {
    const pred = Float64Array.from([0.2, 0.3, 0.5, 0.1]);
    const truth = Float64Array.from([0.4, 0.3, 0.5, 0.1]);
    const m = decisionMetrics(pred, truth, 2, 2);
    expect(m.regretPp).toBeCloseTo(5, 10);
    expect(m.top1Agreement).toBe(0.5);
  });

  it('Wilson interval (Wilson 1927) for 22/83', () => {
    const [lo, hi] = wilson(22 / 83, 83);
    expect(lo).toBeCloseTo(0.182, 3);
    expect(hi).toBeCloseTo(0.3689, 3);
  });
});
