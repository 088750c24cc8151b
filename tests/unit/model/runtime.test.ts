import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-web';
import { encode, validateSpec } from '@contract/spec.ts';
import { ModelError } from '@src/model/errors.ts';
import { EXACT_MAX, explanationRowCount, planExplanation, shapleyFromOutputs } from '@src/model/explain.ts';
import { createModelHost, sha256Hex } from '@src/model/protocol.ts';
import { ModelRuntime } from '@src/model/runtime.ts';
import { inProcessWorker } from '../../support/inProcessWorker.ts';

const INDICATIONS = ['cd', 'uc', 'ra', 'rms'] as const;

function bundled(ind: string) {
  const spec = validateSpec(JSON.parse(readFileSync(`models/${ind}/spec.json`, 'utf8')));
  const buf = readFileSync(`models/${ind}/${spec.onnx.file}`);
  const bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return { spec, bytes };
}

/** A plausible patient: every numeric input at the middle of its range, first level of categories. */
function typicalValues(spec: ReturnType<typeof bundled>['spec']): Record<string, number | string | boolean> {
  const v: Record<string, number | string | boolean> = {};
  for (const inp of spec.inputs) {
    if (inp.type === 'categorical') v[inp.name] = inp.levels?.[inp.levels.length - 1] ?? '';
    else if (inp.type === 'binary') v[inp.name] = true;
    else v[inp.name] = inp.range ? inp.range[0] + (inp.range[1] - inp.range[0]) * 0.3 : 1;
  }
  return v;
}

describe('inference host (real onnxruntime-web in Node)', () => {
  it('refuses a tampered model before the runtime sees it', async () => {
    const { spec, bytes } = bundled('cd');
    const host = createModelHost(ort);
    const tampered = new Uint8Array(bytes.slice(0));
    tampered[tampered.length - 10] = (tampered[tampered.length - 10] ?? 0) ^ 0xff;
    const r = await host.handle({ id: 1, type: 'load', key: 'cd', bytes: tampered.buffer, sha256: spec.onnx.sha256 });
    expect(r).toMatchObject({ ok: false, code: 'hash-mismatch' });
    const ok = await host.handle({ id: 2, type: 'load', key: 'cd', bytes, sha256: spec.onnx.sha256 });
    expect(ok).toMatchObject({ ok: true, type: 'load' });
  });

  it('reports a wrong input shape instead of guessing', async () => {
    const { spec, bytes } = bundled('cd');
    const host = createModelHost(ort);
    await host.handle({ id: 1, type: 'load', key: 'cd', bytes, sha256: spec.onnx.sha256 });
    const r = await host.handle({ id: 2, type: 'run', key: 'cd', input: 'x', x: new Float32Array(3), rows: 1, cols: spec.columns.length, outputs: ['p_mean'] });
    expect(r).toMatchObject({ ok: false, code: 'shape-mismatch' });
    const missing = await host.handle({ id: 3, type: 'run', key: 'nope', input: 'x', x: new Float32Array(1), rows: 1, cols: 1, outputs: ['p_mean'] });
    expect(missing).toMatchObject({ ok: false, code: 'runtime-failed' });
  });

  it('hashes like sha256sum', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('ModelRuntime: the page side of the worker protocol', () => {
  it('serialises concurrent requests in the order they were made', async () => {
    const { spec, bytes } = bundled('cd');
    const log: string[] = [];
    const runtime = new ModelRuntime(() => inProcessWorker(log as never));
    const load = runtime.load('cd', bytes, spec.onnx.sha256);
    const x = new Float32Array(spec.columns.length);
    const runs = [runtime.run('cd', 'x', x, 1, x.length, ['p_mean']), runtime.run('cd', 'x', x, 1, x.length, ['p_mean'])];
    await load;
    const [a, b] = await Promise.all(runs);
    expect(log).toEqual(['load', 'run', 'run']);
    expect(a?.outputs['p_mean']?.data).toEqual(b?.outputs['p_mean']?.data);
  });

  it('surfaces a refused model as a ModelError with its code', async () => {
    const { bytes } = bundled('cd');
    const runtime = new ModelRuntime(() => inProcessWorker());
    await expect(runtime.load('cd', bytes, '0'.repeat(64))).rejects.toThrow(ModelError);
    await expect(runtime.load('cd', bytes, '0'.repeat(64))).rejects.toMatchObject({ code: 'hash-mismatch' });
  });
});

describe.each(INDICATIONS)('Shapley explanations of the %s model', (ind) => {
  it('sum to the prediction minus the reference, for every drug', async () => {
    const { spec, bytes } = bundled(ind);
    const runtime = new ModelRuntime(() => inProcessWorker());
    await runtime.load(ind, bytes, spec.onnx.sha256);
    const { x } = encode(spec, typicalValues(spec));
    const players = spec.inputs.map((i) => i.name);
    const plan = planExplanation(
      x,
      players,
      players.map((n) => spec.columns.filter((c) => c.input === n).map((c) => c.index)),
    );
    const { outputs } = await runtime.run(ind, 'x', plan.batch, plan.rows, plan.cols, ['p_mean']);
    const single = await runtime.run(ind, 'x', x, 1, x.length, ['p_mean']);
    const explanations = shapleyFromOutputs(plan, outputs['p_mean']!.data, spec.outputs.drugs);
    expect(explanations).toHaveLength(spec.outputs.drugs.length);
    explanations.forEach((e, d) => {
      const sum = e.contributions.reduce((a, c) => a + c.phi, 0);
      expect(Math.abs(sum - (e.prediction - e.reference))).toBeLessThan(1e-6);
      expect(Math.abs(e.prediction - (single.outputs['p_mean']!.data[d] ?? NaN))).toBeLessThan(1e-6);
      // exact values carry no standard error; sampled ones state theirs
      expect(e.contributions.some((c) => c.se > 0)).toBe(e.method === 'sampled');
    });
  });
});

describe('warm-up', () => {
  it('starts the wasm runtime with its built-in identity model', async () => {
    const r = await createModelHost(ort).handle({ id: 1, type: 'init' });
    expect(r).toMatchObject({ ok: true, type: 'init' });
  });

  it('runs a reference batch of the requested size on a loaded model, once per size, and says when the model is not loaded', async () => {
    const { spec, bytes } = bundled('ra');
    const log: string[] = [];
    const runtime = new ModelRuntime(() => inProcessWorker(log as never));
    await expect(runtime.warm('ra', 'x', 64, spec.columns.length, ['p_mean'])).rejects.toMatchObject({ code: 'runtime-failed' });
    await runtime.load('ra', bytes, spec.onnx.sha256);
    expect(await runtime.warm('ra', 'x', 512, spec.columns.length, ['p_mean'])).toBeGreaterThan(0);
    // a batch no larger than one already run is skipped: nothing is sent to the worker
    expect(await runtime.warm('ra', 'x', 256, spec.columns.length, ['p_mean'])).toBeNull();
    expect(await runtime.warm('ra', 'x', 1024, spec.columns.length, ['p_mean'])).toBeGreaterThan(0);
    // a new session of the same key starts cold again
    await runtime.load('ra', bytes, spec.onnx.sha256);
    expect(await runtime.warm('ra', 'x', 256, spec.columns.length, ['p_mean'])).toBeGreaterThan(0);
    expect(log.filter((t) => t === 'warm')).toHaveLength(4);
  });

  it.each(INDICATIONS)('sizes the batch as the %s explanation will plan it (exact and sampled)', (ind) => {
    const { spec } = bundled(ind);
    const players = spec.inputs.map((i) => i.name);
    const columns = players.map((n) => spec.columns.filter((c) => c.input === n).map((c) => c.index));
    const { x } = encode(spec, typicalValues(spec));
    const few = x.map((v, j) => (j < 3 ? v : 0));
    // every input away from the reference: more than EXACT_MAX players, so the plan samples permutations
    const all = new Float32Array(x.length);
    for (const c of columns) all[c[0] ?? 0] = 1;
    expect(players.length).toBeGreaterThan(EXACT_MAX);
    const methods = [x, few, new Float32Array(x.length), all].map((row) => {
      const plan = planExplanation(row, players, columns);
      expect(explanationRowCount(row, columns)).toBe(plan.rows);
      return plan.method;
    });
    expect(methods.slice(1)).toEqual(['exact', 'exact', 'sampled']);
  });
});
