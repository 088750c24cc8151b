// The exported ONNX graphs run in onnxruntime-web (wasm, Node) and match the plain-TS forward pass.
import { describe, expect, it, beforeAll } from 'vitest';
import * as ort from 'onnxruntime-web';
import { buildIndication } from '@models/src/build.ts';
import { predictRow } from '@models/src/fit/predict.ts';
import type { Ensemble } from '@models/src/fit/predict.ts';
import { onnxToEnsemble } from '@models/src/onnx/ensembleGraph.ts';
import { applyMissingness, samplePopulation } from '@models/src/simulate/engine.ts';
import { CONFIGS, INDICATIONS } from '@models/src/simulate/index.ts';
import { createRng } from '@contract/prng.ts';
import { encode } from '@contract/spec.ts';
import type { ModelSpec } from '@contract/spec.ts';
import { loadArtefacts } from './helpers.ts';

const TOL = 1e-5;

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

/**
 * A fixed batch: 40 simulated registry records (with missing values; some on a current therapy), the first of
 * them with every input, and an all-missing row.
 */
function fixedBatch(spec: ModelSpec): Float32Array {
  const ind = spec.indication as keyof typeof CONFIGS;
  const config = CONFIGS[ind];
  const pts = samplePopulation(config, config.registry, 40, 424242);
  const rng = createRng(7);
  const rows = pts.map((p, i) => encode(spec, i === 0 ? p : applyMissingness(config, p, rng)).x);
  rows.push(encode(spec, {}).x);
  const F = spec.columns.length;
  const x = new Float32Array(rows.length * F);
  rows.forEach((r, i) => x.set(r, i * F));
  return x;
}

async function runBoth(bytes: Uint8Array, ens: Ensemble, spec: ModelSpec): Promise<number> {
  const F = spec.columns.length;
  const D = spec.outputs.drugs.length;
  const M = spec.outputs.members;
  const x = fixedBatch(spec);
  expect(rowsOnCurrent(spec, x)).toBeGreaterThan(0);
  const N = x.length / F;
  const session = await ort.InferenceSession.create(bytes);
  try {
    const out = await session.run({ x: new ort.Tensor('float32', x, [N, F]) });
    let maxErr = 0;
    for (let i = 0; i < N; i += 1) {
      const ref = predictRow(ens, x.subarray(i * F, (i + 1) * F));
      const pairs: [string, Float64Array][] = [
        ['p_mean', ref.mean],
        ['p_lower', ref.lower],
        ['p_upper', ref.upper],
        ['p_members', ref.members],
      ];
      for (const [name, want] of pairs) {
        const got = out[name]?.data as Float32Array;
        const width = name === 'p_members' ? M * D : D;
        for (let k = 0; k < width; k += 1) maxErr = Math.max(maxErr, Math.abs((got[i * width + k] ?? Number.NaN) - (want[k] ?? 0)));
      }
    }
    expect(out.p_members?.dims).toEqual([N, M, D]);
    expect(out.p_mean?.dims).toEqual([N, D]);
    return maxErr;
  } finally {
    await session.release();
  }
}

/** Rows of the batch whose patient is on one of the candidate drugs (the continuation term is exercised). */
function rowsOnCurrent(spec: ModelSpec, x: Float32Array): number {
  const F = spec.columns.length;
  const cols = spec.columns.filter((c) => c.input === 'current_advanced_therapy' && c.kind === 'level' && c.level !== 'none');
  let n = 0;
  for (let i = 0; i < x.length / F; i += 1) if (cols.some((c) => (x[i * F + c.index] ?? 0) * c.scale + c.center > 0.5)) n += 1;
  return n;
}

describe('committed models run in onnxruntime-web', () => {
  it.each(INDICATIONS)('%s: ORT outputs equal the TS forward pass within 1e-5', async (ind) => {
    const { spec, bytes } = loadArtefacts(ind);
    const ens = onnxToEnsemble(bytes, spec.outputs.members, spec.outputs.drugs.length);
    const err = await runBoth(bytes, ens, spec);
    expect(err).toBeLessThan(TOL);
  });

  it.each(INDICATIONS)('%s: declared input/output shapes match the spec', async (ind) => {
    const { spec, bytes } = loadArtefacts(ind);
    const session = await ort.InferenceSession.create(bytes);
    try {
      expect(session.inputNames).toEqual(['x']);
      expect(session.outputNames).toEqual(['p_mean', 'p_lower', 'p_upper', 'p_members']);
      const meta = session.inputMetadata[0];
      expect(meta?.isTensor && meta.shape).toEqual(['N', spec.columns.length]);
    } finally {
      await session.release();
    }
  });
});

describe('a freshly trained tiny model', () => {
  it('matches its training-time members after export (weights written correctly)', async () => {
    const res = buildIndication(CONFIGS.cd, { seed: 3, members: 3, n: 1500 });
    const err = await runBoth(res.onnx, res.ensemble, res.spec);
    expect(err).toBeLessThan(TOL);
    const back = onnxToEnsemble(res.onnx, 3, res.spec.outputs.drugs.length);
    expect(Array.from(back.members[2]?.W ?? [])).toEqual(Array.from(res.ensemble.members[2]?.W ?? []));
    expect(Array.from(back.members[1]?.A ?? [])).toEqual(Array.from(res.ensemble.members[1]?.A ?? []));
    expect(Array.from(back.varSel)).toEqual(Array.from(res.ensemble.varSel));
    expect(back.kMiss).toBe(res.ensemble.kMiss);
  });

  it('interval brackets the mean and lies in [0, 1]', async () => {
    const { spec, bytes } = loadArtefacts('uc');
    const session = await ort.InferenceSession.create(bytes);
    try {
      const x = fixedBatch(spec);
      const out = await session.run({ x: new ort.Tensor('float32', x, [x.length / spec.columns.length, spec.columns.length]) });
      const mean = out.p_mean?.data as Float32Array;
      const lo = out.p_lower?.data as Float32Array;
      const hi = out.p_upper?.data as Float32Array;
      mean.forEach((m, k) => {
        expect(lo[k]).toBeLessThanOrEqual(m);
        expect(hi[k]).toBeGreaterThanOrEqual(m);
        expect(lo[k]).toBeGreaterThanOrEqual(0);
        expect(hi[k]).toBeLessThanOrEqual(1);
      });
    } finally {
      await session.release();
    }
  });
});
