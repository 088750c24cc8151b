import { encode, type InputValues, type ModelSpec } from '../../contract/spec.ts';
import { isModelInputName } from '../../contract/inputs.ts';
import type { InputScalar, InputValue } from '../extract/values.ts';
import type { ExcludedInput, PreparedRecord } from './types.ts';

/** What-if values by input name (null = treat as missing). */
export type Overrides = Readonly<Record<string, InputScalar | null>>;

/** The patient's row for one model: the values it is given, the encoded row, and why inputs were left out. */
export interface ModelRow {
  /** The values given to the model (null = missing, encoded as the spec says). */
  modelValues: InputValues;
  /** The encoded row and the inputs the encoder found missing. */
  encoded: { x: Float32Array; missing: string[] };
  excluded: ExcludedInput[];
  /** Inputs of the spec that a what-if override replaced. */
  overridden: string[];
}

/**
 * The value the model receives for one input. Only `ok` values are used: a stale value is shown in
 * the record but not silently fed to the model (it becomes missing, which the model encodes
 * explicitly and the UI lists).
 */
function modelValue(v: InputValue | undefined): InputScalar | null {
  return v?.state === 'ok' ? v.value : null;
}

/**
 * Step `modelRow`: the model's inputs from the prepared record (what-if overrides first), encoded as
 * the spec says. An input the spec names but the app does not know (a site's own model) is
 * excluded as not in the record, like any input the data layer does not derive.
 */
export function modelRow(record: PreparedRecord, spec: ModelSpec, overrides: Overrides = {}): ModelRow {
  const modelValues: InputValues = {};
  const excluded: ExcludedInput[] = [];
  for (const inp of spec.inputs) {
    if (inp.name in overrides) {
      modelValues[inp.name] = overrides[inp.name] ?? null;
      continue;
    }
    const v = isModelInputName(inp.name) ? record.inputs[inp.name] : undefined;
    modelValues[inp.name] = modelValue(v);
    if (!v) excluded.push({ input: inp.name, state: 'not-in-record', reason: 'this input is not derived by the data layer' });
    else if (v.state !== 'ok') excluded.push({ input: inp.name, state: v.state, reason: v.reason, ...(v.why ? { why: v.why } : {}) });
  }
  const overridden = Object.keys(overrides).filter((k) => spec.inputs.some((i) => i.name === k));
  return { modelValues, encoded: encode(spec, modelValues), excluded, overridden };
}
