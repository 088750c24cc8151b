// Shapley values on tiny models whose exact values can be worked out by hand (Shapley 1953): a linear
// model (each input's share is its weight times its distance from the reference), a product (the
// interaction is split equally), a three-player majority game (symmetry: 1/3 each) and the dummy axiom.
// The "model" is a plain function applied to each row of the plan's coalition batch, standing in for
// the ONNX run, so every expected number below is written out, not computed by the code under test.
import { describe, expect, it } from 'vitest';
import { EXACT_MAX, planExplanation, shapleyFromOutputs, type ExplanationPlan } from '../../../src/model/explain.ts';

/** Runs `models` (one per drug) on every row of the plan's batch: outputs row-major [rows, drugs]. */
function run(plan: ExplanationPlan, models: Array<(row: Float32Array) => number>): Float32Array {
  const out = new Float32Array(plan.rows * models.length);
  for (let r = 0; r < plan.rows; r++) {
    const row = plan.batch.subarray(r * plan.cols, (r + 1) * plan.cols);
    models.forEach((m, d) => {
      out[r * models.length + d] = m(row);
    });
  }
  return out;
}

const phiOf = (explanation: { contributions: Array<{ input: string; phi: number }> } | undefined, input: string): number =>
  explanation?.contributions.find((c) => c.input === input)?.phi ?? Number.NaN;

/** p = 0.1 + 0.2 age + 0.05 crp - 0.1 crp_missing + 0.3 sex (columns 0, 1, 2, 3). */
const linear = (r: Float32Array) => 0.1 + 0.2 * (r[0] ?? 0) + 0.05 * (r[1] ?? 0) - 0.1 * (r[2] ?? 0) + 0.3 * (r[3] ?? 0);
/** 1 when at least two of age, crp and sex are present, else 0. */
const majority = (r: Float32Array) => ((r[0] ?? 0) + (r[1] ?? 0) + (r[3] ?? 0) >= 2 ? 1 : 0);

describe('Shapley values on hand-checkable models', () => {
  // Players: age (column 0), crp (columns 1 and 2: value and missing indicator), sex (column 3).
  // The reference row is all zeros (the training-cohort mean after encoding).
  const players = ['age', 'crp', 'sex'];
  const columns = [[0], [1, 2], [3]];
  const x = new Float32Array([1, 2, 0.5, 0]);

  it("linear model: phi = weight x (x - reference) per input, summed over an input's columns", () => {
    const plan = planExplanation(x, players, columns);
    expect(plan.method).toBe('exact');
    expect(plan.active).toEqual([0, 1]); // sex equals the reference: not enumerated
    expect(plan.rows).toBe(4); // 2^2 coalitions
    const [e] = shapleyFromOutputs(plan, run(plan, [linear]), ['drugA']);
    // by hand: age 0.2 x 1 = 0.2; crp 0.05 x 2 - 0.1 x 0.5 = 0.05; sex 0 (dummy)
    expect(phiOf(e, 'age')).toBeCloseTo(0.2, 6);
    expect(phiOf(e, 'crp')).toBeCloseTo(0.05, 6);
    expect(phiOf(e, 'sex')).toBe(0);
    expect(e?.reference).toBeCloseTo(0.1, 6);
    expect(e?.prediction).toBeCloseTo(0.35, 6); // 0.1 + 0.2 + 0.05
    expect(e?.contributions.every((c) => c.se === 0)).toBe(true);
  });

  it('product model: the interaction is split equally between the two inputs', () => {
    // f = age x crp with age = 2, crp = 3: f(none) = f(age) = f(crp) = 0, f(both) = 6.
    // phi_age = 1/2 (f(age) - f(none)) + 1/2 (f(both) - f(crp)) = 0 + 3 = 3; phi_crp = 3 likewise.
    const plan = planExplanation(new Float32Array([2, 3, 0, 0]), players, columns);
    const [e] = shapleyFromOutputs(plan, run(plan, [(r) => (r[0] ?? 0) * (r[1] ?? 0)]), ['drugA']);
    expect(phiOf(e, 'age')).toBeCloseTo(3, 6);
    expect(phiOf(e, 'crp')).toBeCloseTo(3, 6);
  });

  it('three-player majority game: 1 when at least two inputs are present, so 1/3 each', () => {
    const plan = planExplanation(new Float32Array([1, 1, 0, 1]), players, columns);
    expect(plan.rows).toBe(8);
    const [e] = shapleyFromOutputs(plan, run(plan, [majority]), ['drugA']);
    for (const p of players) expect(phiOf(e, p)).toBeCloseTo(1 / 3, 6);
  });

  it('one batch serves several drugs, each explained by its own outputs', () => {
    const plan = planExplanation(new Float32Array([2, 3, 0, 0]), players, columns);
    const [a, b] = shapleyFromOutputs(plan, run(plan, [(r) => 0.5 * (r[0] ?? 0), (r) => 0.25 * (r[1] ?? 0)]), ['drugA', 'drugB']);
    expect([a?.drug, phiOf(a, 'age'), phiOf(a, 'crp')]).toEqual(['drugA', 1, 0]);
    expect([b?.drug, phiOf(b, 'age'), phiOf(b, 'crp')]).toEqual(['drugB', 0, 0.75]);
  });

  it(`above ${EXACT_MAX} active inputs: sampled, and exact with zero error for an additive model`, () => {
    // 14 one-column inputs, input i = i + 1, weight 0.01 (i + 1): phi_i = 0.01 (i + 1)^2 whatever the permutation.
    const n = EXACT_MAX + 2;
    const names = Array.from({ length: n }, (_, i) => `in${i}`);
    const cols = names.map((_, i) => [i]);
    const xs = new Float32Array(names.map((_, i) => i + 1));
    const additive = (r: Float32Array) => names.reduce((s, _, i) => s + 0.01 * (i + 1) * (r[i] ?? 0), 0);
    const plan = planExplanation(xs, names, cols);
    expect(plan.method).toBe('sampled');
    const [e] = shapleyFromOutputs(plan, run(plan, [additive]), ['drugA']);
    names.forEach((name, i) => {
      const c = e?.contributions.find((k) => k.input === name);
      expect(c?.phi).toBeCloseTo(0.01 * (i + 1) ** 2, 3);
      expect(c?.se).toBeLessThan(1e-4);
    });
    // efficiency: the values sum to prediction minus reference (1 + 4 + ... + 196 = 1015, times 0.01)
    const sum = e?.contributions.reduce((s, c) => s + c.phi, 0) ?? 0;
    expect(sum).toBeCloseTo(10.15, 3);
    expect((e?.prediction ?? 0) - (e?.reference ?? 0)).toBeCloseTo(10.15, 3);
  });
});
