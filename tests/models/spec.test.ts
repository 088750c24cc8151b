// spec.json files agree with their models, and the reference encoder / validator behave as documented.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encode, validateSpec } from '@contract/spec.ts';
import type { ModelSpec } from '@contract/spec.ts';
import { CONFIGS, INDICATIONS } from '@models/src/simulate/index.ts';
import { CALIBRATION_CSV, CATALOGUE, loadArtefacts } from './helpers.ts';

const val = (v: number | undefined) => v ?? Number.NaN;

/** Largest absolute difference between two values built of numbers, booleans and arrays (Infinity on a mismatch). */
function maxDiff(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return Math.max(0, ...a.map((v, i) => maxDiff(v, b[i])));
  return a === b ? 0 : Number.POSITIVE_INFINITY;
}

describe.each(INDICATIONS)('%s spec.json', (ind) => {
  const { spec, bytes } = loadArtefacts(ind);

  it('names only catalogue inputs, each once', () => {
    const names = spec.inputs.map((i) => i.name);
    expect(names.filter((n) => !CATALOGUE.includes(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('carries the sha256 of model.onnx', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(spec.onnx.sha256);
  });

  it('declares shapes consistent with its columns, drugs and members', () => {
    expect(spec.onnx.input.shape).toEqual(['N', spec.columns.length]);
    const members = spec.onnx.outputs.find((o) => o.name === 'p_members');
    expect(members?.shape).toEqual(['N', spec.outputs.members, spec.outputs.drugs.length]);
    expect(spec.outputs.drugs).toEqual(CONFIGS[ind].drugs.map((d) => d.drug));
  });

  it('lists drugs by their lower-case INN as written in calibration.csv', () => {
    for (const d of spec.outputs.drugs) {
      expect(d).toBe(d.toLowerCase());
      expect(CALIBRATION_CSV.toLowerCase()).toContain(d);
    }
  });

  it('encodes the training mean as x = 0 and flags every missing input', () => {
    const { x, missing } = encode(spec, {});
    const indicators = spec.columns.filter((c) => c.kind === 'missing');
    const values = spec.columns.filter((c) => c.kind === 'value' || c.kind === 'level');
    expect(values.map((c) => x[c.index])).toEqual(values.map(() => 0));
    expect(indicators.length).toBeGreaterThan(0);
    expect(
      maxDiff(
        indicators.map((c) => x[c.index]),
        indicators.map((c) => (1 - c.center) / c.scale),
      ),
    ).toBeLessThan(1e-5);
    expect(missing).toEqual(spec.inputs.map((i) => i.name));
  });

  it('takes the current therapy (none or one of its drugs) and its duration as inputs', () => {
    const cur = spec.inputs.find((i) => i.name === 'current_advanced_therapy');
    expect(cur?.type).toBe('categorical');
    expect(cur?.levels).toEqual(['none', ...spec.outputs.drugs]);
    expect(spec.inputs.find((i) => i.name === 'current_therapy_duration_months')?.type).toBe('numeric');
    expect(spec.explanation.kind).toBe('linear-logit+current-therapy');
  });

  it('states the warning and the interval definition', () => {
    expect(spec.warning).toBe('Trained on simulated data, not validated on patients, not for clinical decisions.');
    expect(spec.outputs.interval.nominal).toBe(0.9);
  });
});

describe('encode()', () => {
  const { spec } = loadArtefacts('cd');
  const col = (name: string) => spec.columns.find((c) => c.name === name)!;
  const crp = col('crp_mg_l');
  const cases: {
    label: string;
    values: Record<string, number | string | boolean | null>;
    got: (x: Float32Array, missing: string[]) => unknown;
    want: unknown;
  }[] = [
    { label: 'log transform ln(1 + CRP)', values: { crp_mg_l: 20 }, got: (x) => val(x[crp.index]), want: val((Math.log(21) - crp.center) / crp.scale) },
    {
      label: 'clips above range before the transform',
      values: { crp_mg_l: 1e6 },
      got: (x) => val(x[crp.index]),
      want: val((Math.log(401) - crp.center) / crp.scale),
    },
    {
      label: 'null is missing, with its indicator set',
      values: { crp_mg_l: null },
      got: (x, m) => [m.includes('crp_mg_l'), val(x[col('crp_mg_l__missing').index])],
      want: [true, val(1 - col('crp_mg_l__missing').center)],
    },
    { label: 'NaN is missing', values: { crp_mg_l: Number.NaN }, got: (_x, m) => m.includes('crp_mg_l'), want: true },
    { label: 'unknown categorical level is missing', values: { cd_location: 'L9' }, got: (_x, m) => m.includes('cd_location'), want: true },
    {
      label: 'known level sets its one-hot column',
      values: { cd_location: 'L3' },
      got: (x, m) => [m.includes('cd_location'), val(x[col('cd_location=L3').index]), val(x[col('cd_location=L1').index])],
      want: [false, val(1 - col('cd_location=L3').center), val(-col('cd_location=L1').center)],
    },
    {
      label: 'binary accepts true and 1 alike',
      values: { sex_female: true },
      got: (x) => val(x[col('sex_female').index]),
      want: val(encode(spec, { sex_female: 1 }).x[col('sex_female').index]),
    },
    { label: 'binary rejects 2 as missing', values: { sex_female: 2 }, got: (_x, m) => m.includes('sex_female'), want: true },
    { label: 'a string for a numeric input is missing', values: { age_years: '40' }, got: (_x, m) => m.includes('age_years'), want: true },
    {
      label: 'proxy column carries HBI only when CDAI is missing',
      values: { hbi: 12, cdai_cd: null },
      got: (x) => val(x[col('hbi|cdai_cd__missing').index]),
      want: val((val(x0(12)) - col('hbi|cdai_cd__missing').center) / col('hbi|cdai_cd__missing').scale),
    },
    {
      label: 'proxy column is at its centre when CDAI is present',
      values: { hbi: 12, cdai_cd: 300 },
      got: (x) => val(x[col('hbi|cdai_cd__missing').index]),
      want: val(-col('hbi|cdai_cd__missing').center / col('hbi|cdai_cd__missing').scale),
    },
  ];
  function x0(hbi: number): number {
    return (hbi - col('hbi').center) / col('hbi').scale;
  }
  it.each(cases)('$label', ({ values, got, want }) => {
    const { x, missing } = encode(spec, values);
    expect(maxDiff(got(x, missing), want)).toBeLessThan(1e-5);
  });
});

describe('validateSpec()', () => {
  const { spec } = loadArtefacts('ra');
  const broken: [string, (s: ModelSpec) => unknown][] = [
    ['wrong format', (s) => ({ ...s, format: 'x' })],
    ['bad sha256', (s) => ({ ...s, onnx: { ...s.onnx, sha256: 'abc' } })],
    ['column index out of order', (s) => ({ ...s, columns: [...s.columns].reverse() })],
    ['column for an unknown input', (s) => ({ ...s, columns: s.columns.map((c, i) => (i === 0 ? { ...c, input: 'nope' } : c)) })],
    ['missing indicator column dropped', (s) => ({ ...s, columns: s.columns.filter((c) => c.kind !== 'missing').map((c, i) => ({ ...c, index: i })) })],
    ['zero scale', (s) => ({ ...s, columns: s.columns.map((c, i) => (i === 0 ? { ...c, scale: 0 } : c)) })],
    ['no drugs', (s) => ({ ...s, outputs: { ...s.outputs, drugs: [] } })],
    ['duplicate input', (s) => ({ ...s, inputs: [...s.inputs, s.inputs[0]] })],
    ['not an object', () => 'spec'],
  ];
  it('accepts the committed spec', () => {
    expect(validateSpec(JSON.parse(JSON.stringify(spec))).indication).toBe('ra');
  });
  it.each(broken)('rejects: %s', (_label, mutate) => {
    expect(() => validateSpec(mutate(structuredClone(spec)))).toThrow(/invalid model spec/);
  });
});
