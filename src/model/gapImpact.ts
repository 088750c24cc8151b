import type { ModelSpec } from '../../contract/spec.ts';
import { encode, type InputValues } from '../../contract/spec.ts';

/**
 * Which missing inputs would change the ranking most? For each missing model input the patient row
 * is re-encoded with the input set to values spanning its plausible range (10th, 50th and 90th
 * percent of the spec's range, or each level), and the batch is run once. The impact of an input is
 * the largest change of any drug's probability, and whether the top-ranked drug changes.
 */
export interface GapScenario {
  input: string;
  value: number | string | boolean;
}

export interface GapImpact {
  input: string;
  maxAbsChange: number;
  topChanges: boolean;
  /** The scenario value that moved the probabilities most. */
  worstValue: number | string | boolean;
}

/** The scenarios of {@link planGapScenarios} (values spanning each missing input's range), without encoding them. */
export function gapScenarios(spec: ModelSpec, missing: readonly string[]): GapScenario[] {
  const scenarios: GapScenario[] = [];
  for (const name of missing) {
    const inp = spec.inputs.find((i) => i.name === name);
    if (!inp) continue;
    if (inp.type === 'categorical') for (const level of inp.levels ?? []) scenarios.push({ input: name, value: level });
    else if (inp.type === 'binary') scenarios.push({ input: name, value: false }, { input: name, value: true });
    else if (inp.range) {
      const [lo, hi] = inp.range;
      for (const q of [0.1, 0.5, 0.9]) scenarios.push({ input: name, value: lo + q * (hi - lo) });
    }
  }
  return scenarios;
}

export function planGapScenarios(
  spec: ModelSpec,
  values: InputValues,
  missing: readonly string[],
): { scenarios: GapScenario[]; batch: Float32Array; rows: number } {
  const scenarios = gapScenarios(spec, missing);
  const cols = spec.columns.length;
  const rows = scenarios.length + 1;
  const batch = new Float32Array(rows * cols);
  batch.set(encode(spec, values).x, 0);
  scenarios.forEach((s, i) => batch.set(encode(spec, { ...values, [s.input]: s.value }).x, (i + 1) * cols));
  return { scenarios, batch, rows };
}

function argmax(v: readonly number[]): number {
  return v.reduce((best, x, i) => (x > (v[best] ?? -1) ? i : best), 0);
}

/** Impact per missing input from the batch's p_mean outputs ([rows, drugs], row 0 = as recorded). */
export function gapImpactFromOutputs(scenarios: readonly GapScenario[], outputs: Float32Array, drugCount: number): GapImpact[] {
  const row = (r: number): number[] => Array.from(outputs.subarray(r * drugCount, (r + 1) * drugCount));
  const base = row(0);
  const baseTop = argmax(base);
  const byInput = new Map<string, GapImpact>();
  scenarios.forEach((s, i) => {
    const r = row(i + 1);
    const change = Math.max(...r.map((p, d) => Math.abs(p - (base[d] ?? 0))));
    const prev = byInput.get(s.input);
    const topChanges = argmax(r) !== baseTop;
    if (!prev || change > prev.maxAbsChange)
      byInput.set(s.input, { input: s.input, maxAbsChange: change, topChanges: topChanges || (prev?.topChanges ?? false), worstValue: s.value });
    else if (topChanges) prev.topChanges = true;
  });
  return [...byInput.values()].sort((a, b) => Number(b.topChanges) - Number(a.topChanges) || b.maxAbsChange - a.maxAbsChange);
}
