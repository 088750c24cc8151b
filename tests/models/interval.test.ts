// The 90% interval: the missing-input variance is the unexplained part of the missing input's contribution,
// it is read from the missing-indicator columns in the graph, and the interval contains p_mean.
import { describe, expect, it } from 'vitest';
import { missingVariance } from '@models/src/fit/interval.ts';
import { intervalFrom, predictRow } from '@models/src/fit/predict.ts';
import { onnxToEnsemble } from '@models/src/onnx/ensembleGraph.ts';
import { createRng } from '@contract/prng.ts';
import { samplePopulation } from '@models/src/simulate/engine.ts';
import { CONFIGS, INDICATIONS } from '@models/src/simulate/index.ts';
import { encode } from '@contract/spec.ts';
import type { ModelSpec } from '@contract/spec.ts';
import { loadArtefacts } from './helpers.ts';

/** A two-input spec: `a` (numeric, can be missing) and `b` (numeric, never missing), two drugs. */
const TOY = {
  format: 'therapy-navigator-model-spec/1',
  indication: 'toy',
  title: 'toy',
  modelVersion: '0',
  warning: 'toy',
  onnx: { file: 'm.onnx', sha256: '0'.repeat(64), irVersion: 8, opset: 17, input: { name: 'x', shape: ['N', 3] }, outputs: [] },
  inputs: [
    { name: 'a', meaning: 'a', unit: '1', type: 'numeric', missing: { indicator: true, fill: 'mean' } },
    { name: 'b', meaning: 'b', unit: '1', type: 'numeric', missing: { indicator: false, fill: 'mean' } },
  ],
  columns: [
    { index: 0, name: 'a', input: 'a', kind: 'value', center: 0, scale: 1 },
    { index: 1, name: 'a__missing', input: 'a', kind: 'missing', center: 0, scale: 1 },
    { index: 2, name: 'b', input: 'b', kind: 'value', center: 0, scale: 1 },
  ],
  outputs: { endpoint: 'e', horizon: 'h', drugs: ['d0', 'd1'], members: 1, interval: { definition: '', z: 1.645, nominal: 0.9 } },
  explanation: { kind: 'linear-logit', note: '' },
  training: {},
} as unknown as ModelSpec;

describe('missingVariance()', () => {
  it.each([
    [0.6, [2, 1]],
    [0, [1.5, -0.5]],
    [0.9, [1, 3]],
  ])('with corr(a, b) = %d the unexplained variance is w^2 (1 - rho^2) per drug', (rho, w) => {
    const rng = createRng(11);
    const n = 20000;
    const x = new Float64Array(n * 3);
    for (let i = 0; i < n; i += 1) {
      const a = rng.normal();
      x[i * 3] = a;
      x[i * 3 + 1] = 0;
      x[i * 3 + 2] = rho * a + Math.sqrt(1 - rho * rho) * rng.normal();
    }
    const meanW = Float64Array.from([w[0] ?? 0, w[1] ?? 0, 0, 0, 0.3, 0.3]);
    const mv = missingVariance(TOY, x, n, meanW);
    expect(mv.table.map((r) => r.input)).toEqual(['a']);
    w.forEach((wd, d) => {
      const want = wd * wd * (1 - rho * rho);
      expect(Math.abs((mv.table[0]?.v[d] ?? 0) - want)).toBeLessThan(0.04 * Math.max(1, want));
      // folded into the graph: indicator column (raw = x) carries V, constant 0 because the centre is 0
      expect(mv.varSel[1 * 2 + d]).toBeCloseTo(mv.table[0]?.v[d] ?? 0, 3);
    });
    expect(Array.from(mv.varC)).toEqual([0, 0]);
  });
});

describe('intervalFrom()', () => {
  it.each([
    [0, 0, 0, 0.5],
    [-2, 0.1, 0.5, 0.13],
    [3, 0.01, 2, 0.94],
  ])('logit %d, var %d + %d: contains p_mean %d and widens with the missing variance', (mu, ve, vm, mean) => {
    const [lo, hi] = intervalFrom(mu, ve, vm, mean, 1, 1, 1.645);
    expect(lo).toBeLessThanOrEqual(mean);
    expect(hi).toBeGreaterThanOrEqual(mean);
    const [lo2, hi2] = intervalFrom(mu, ve, vm + 1, mean, 1, 1, 1.645);
    expect(hi2 - lo2).toBeGreaterThan(hi - lo);
  });
});

describe.each(INDICATIONS)('%s committed model: interval', (ind) => {
  const { spec, bytes } = loadArtefacts(ind);
  const ens = onnxToEnsemble(bytes, spec.outputs.members, spec.outputs.drugs.length);
  const D = spec.outputs.drugs.length;

  it('states its calibrated factors and method in spec.json', () => {
    const iv = spec.outputs.interval;
    expect(iv.ensembleVarianceFactor).toBeCloseTo(ens.kEns, 4);
    expect(iv.missingVarianceFactor).toBeCloseTo(ens.kMiss, 4);
    expect(iv.definition).toMatch(/missing/);
    expect(iv.calibration).toMatch(/independent simulated cohort/);
  });

  it('carries the evidence variance of the synthesis for every drug (prediction interval, not only model uncertainty)', () => {
    const ev = spec.outputs.interval.evidenceVariance ?? [];
    expect(ev).toHaveLength(D);
    for (const v of ev) expect(v).toBeGreaterThan(0.01);
    expect(spec.outputs.interval.definition).toMatch(/evidenceVariance/);
  });

  // The graph's missing-input term also carries the evidence variance (E[d] / kMiss in VarC): a complete record
  // gets exactly that, an empty one the sum of V over inputs on top of it.
  it('adds only the evidence variance for a complete record, and the sum of V over inputs when all are missing', () => {
    const config = CONFIGS[ind];
    const ev = spec.outputs.interval.evidenceVariance ?? [];
    const p = samplePopulation(config, config.registry, 1, 5)[0] ?? {};
    const complete = predictRow(ens, encode(spec, p).x);
    complete.varMiss.forEach((v, d) => expect(Math.abs(v - (ev[d] ?? 0) / ens.kMiss)).toBeLessThan(1e-3 * Math.max(1, v)));
    const none = predictRow(ens, encode(spec, {}).x);
    const indicators = spec.columns.filter((c) => c.kind === 'missing');
    for (let d = 0; d < D; d += 1) {
      const want = indicators.reduce((s, c) => s + (ens.varSel[c.index * D + d] ?? 0) / c.scale, 0) + (ev[d] ?? 0) / ens.kMiss;
      expect(Math.abs((none.varMiss[d] ?? 0) - want)).toBeLessThan(1e-3 * Math.max(1, want));
      expect(want).toBeGreaterThan(0);
    }
  });
});
