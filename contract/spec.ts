/**
 * The model contract: the JSON that sits next to each model.onnx (models/<indication>/spec.json),
 * its validator and a reference encoder. Framework-free and dependency-free so the app
 * (src/model/) and any research site can reuse it: a site that drops in its own ONNX model writes
 * a spec.json of this shape and the app runs it unchanged.
 *
 * Encoding rule (the same for every input): each input maps to one or more raw columns; every
 * column is encoded as (raw - center) / scale. A missing input sets each of its value columns to
 * its center (encoded 0, i.e. the training mean) and, when the input has a missing indicator,
 * the indicator's raw value to 1. So the all-zero x is the training mean, and for a linear-logit
 * model the Shapley value of column j on member m's logit is exactly weight[j] * x[j].
 *
 * Proxy columns (kind 'proxy'): an input A may list correlated inputs B (e.g. HBI for a missing CDAI).
 * Column "B|A missing" has raw value = the encoded value of B when A is missing, else 0; it is then
 * centred and scaled like any column. This lets the linear model weigh B differently when A is absent,
 * which removes most of the bias of the plain missing-indicator method.
 */
import { isModelInputName, type ModelInputName } from './inputs.ts';

/** The encoding rules, as written into every generated spec.json. */
export const ENCODING_RULES =
  'x has one float32 column per entry of `columns`, in index order; x[j] = (raw_j - center_j) / scale_j. ' +
  'numeric input: raw = ln(1 + v) if transform is "log", else v, after clipping v into `range`. binary input: raw = 1 for true/1, 0 for false/0. ' +
  'categorical input: one column per level (kind "level"), raw = 1 for the given level, else 0. ' +
  'missing input (null, absent, non-finite, unknown level, wrong type): its value/level columns get raw = center (x = 0) and, if the input has ' +
  'missing.indicator, its "<name>__missing" column gets raw = 1 (else 0). proxy column "<B>|<A>__missing" (kind "proxy", input A, proxy B): ' +
  "raw = the already encoded x of B's value column when A is missing, else 0.";

/** Spec format version; bump on breaking change. */
export const SPEC_FORMAT = 'therapy-navigator-model-spec/1';

/** One model input. */
export interface SpecInput {
  name: string;
  meaning: string;
  /** UCUM unit ('1' for dimensionless or flags). */
  unit: string;
  type: 'numeric' | 'binary' | 'categorical';
  /** Categorical levels (one column each, in this order). */
  levels?: string[];
  /** 'log': raw column = ln(1 + value) after clipping to range. */
  transform?: 'log';
  /** Values outside are clipped into the range before the transform. */
  range?: [number, number];
  missing: {
    /** True: column `<name>__missing` flags a missing value. False: missing is filled silently in x (but reported by encode()). */
    indicator: boolean;
    fill: string;
    /** Inputs with their own proxy column used when this input is missing. */
    proxies?: string[];
  };
}

/** One column of x. */
export interface SpecColumn {
  index: number;
  name: string;
  /** The input this column encodes; for a proxy column, the input whose absence activates it. */
  input: string;
  kind: 'value' | 'level' | 'missing' | 'proxy';
  level?: string;
  /** Proxy columns: the input whose encoded value is carried. */
  proxy?: string;
  center: number;
  scale: number;
}

/** The whole spec. */
export interface ModelSpec {
  format: string;
  indication: string;
  title: string;
  modelVersion: string;
  onnx: {
    file: string;
    sha256: string;
    irVersion: number;
    opset: number;
    input: { name: string; shape: [string, number] };
    outputs: { name: string; shape: (string | number)[]; meaning: string }[];
  };
  inputs: SpecInput[];
  columns: SpecColumn[];
  outputs: {
    endpoint: string;
    horizon: string;
    drugs: string[];
    members: number;
    interval: {
      definition: string;
      z: number;
      nominal: number;
      /** Calibrated factor on the bootstrap (ensemble) logit variance; absent in format-1 specs before it. */
      ensembleVarianceFactor?: number;
      /** Calibrated factor on the missing-input logit variance. */
      missingVarianceFactor?: number;
      /** How the factors were calibrated, and the coverage reached on the calibration cohort. */
      calibration?: string;
      /** Per drug (outputs.drugs order): logit variance from the evidence synthesis added to the interval. */
      evidenceVariance?: number[];
    };
  };
  /** The encoding rules in words, for implementers without this code. */
  encoding?: string;
  /**
   * 'linear-logit': each member's logit is linear in x. 'linear-logit+current-therapy': linear in x plus, for
   * the drug the patient is on, a term in the encoded therapy duration (not additive: explain by coalitions).
   */
  explanation: { kind: 'linear-logit' | 'linear-logit+current-therapy'; note: string };
  training: Record<string, string | number>;
  warning: string;
}

/** Input values by name as the data layer delivers them; null or absent = missing. */
export type InputValues = Record<string, number | string | boolean | null | undefined>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(msg: string): never {
  throw new Error(`invalid model spec: ${msg}`);
}

/**
 * Validates parsed JSON against the spec shape and its internal consistency (column indices,
 * every input's columns present, drugs non-empty). Throws an Error naming the first problem.
 */
export function validateSpec(json: unknown): ModelSpec {
  if (!isObj(json)) return fail('not an object');
  if (json.format !== SPEC_FORMAT) fail(`format must be ${SPEC_FORMAT}`);
  for (const k of ['indication', 'title', 'modelVersion', 'warning'] as const) {
    if (typeof json[k] !== 'string') fail(`${k} must be a string`);
  }
  const onnx = json.onnx;
  if (!isObj(onnx) || typeof onnx.file !== 'string' || typeof onnx.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(onnx.sha256)) {
    fail('onnx.file and a hex onnx.sha256 are required');
  }
  const inputs = json.inputs;
  if (!Array.isArray(inputs) || inputs.length === 0) return fail('inputs must be a non-empty array');
  const names = new Set<string>();
  for (const inp of inputs) {
    if (!isObj(inp) || typeof inp.name !== 'string') return fail('each input needs a name');
    if (names.has(inp.name)) fail(`duplicate input ${inp.name}`);
    names.add(inp.name);
    if (inp.type !== 'numeric' && inp.type !== 'binary' && inp.type !== 'categorical') fail(`${inp.name}: bad type`);
    if (inp.type === 'categorical' && (!Array.isArray(inp.levels) || inp.levels.length === 0)) fail(`${inp.name}: levels required`);
    if (inp.transform !== undefined && inp.transform !== 'log') fail(`${inp.name}: unknown transform`);
    if (!isObj(inp.missing) || typeof inp.missing.indicator !== 'boolean') fail(`${inp.name}: missing.indicator required`);
  }
  const columns = json.columns;
  if (!Array.isArray(columns) || columns.length === 0) return fail('columns must be a non-empty array');
  columns.forEach((c: unknown, i: number) => {
    if (!isObj(c) || c.index !== i) fail(`column ${i}: index must equal its position`);
    const col = c;
    if (typeof col.input !== 'string' || !names.has(col.input)) fail(`column ${i}: unknown input`);
    if (typeof col.center !== 'number' || typeof col.scale !== 'number' || !(col.scale > 0)) fail(`column ${i}: center/scale`);
    if (col.kind !== 'value' && col.kind !== 'level' && col.kind !== 'missing' && col.kind !== 'proxy') fail(`column ${i}: bad kind`);
    if (col.kind === 'proxy') {
      const target = (inputs as SpecInput[]).find((x) => x.name === col.proxy);
      if (!target || target.type === 'categorical') fail(`column ${i}: proxy must name a numeric or binary input`);
    }
  });
  for (const inp of inputs as SpecInput[]) {
    const own = (columns as SpecColumn[]).filter((c) => c.input === inp.name && c.kind !== 'proxy');
    const want = (inp.type === 'categorical' ? (inp.levels?.length ?? 0) : 1) + (inp.missing.indicator ? 1 : 0);
    if (own.length !== want) fail(`${inp.name}: expected ${want} columns, found ${own.length}`);
  }
  const outputs = json.outputs;
  if (!isObj(outputs) || !Array.isArray(outputs.drugs) || outputs.drugs.length === 0) return fail('outputs.drugs required');
  if (typeof outputs.members !== 'number' || outputs.members < 1) fail('outputs.members required');
  return json as unknown as ModelSpec;
}

/**
 * The spec's input names split into the model inputs the app knows (typed) and the rest. A site's own
 * model may name an input the app cannot fill: such inputs are listed in `unknown` so the caller shows
 * them as data gaps the app cannot read, instead of casting a string to a name.
 */
export function specInputNames(spec: ModelSpec): { known: ModelInputName[]; unknown: string[] } {
  const known: ModelInputName[] = [];
  const unknown: string[] = [];
  for (const inp of spec.inputs) {
    if (isModelInputName(inp.name)) known.push(inp.name);
    else unknown.push(inp.name);
  }
  return { known, unknown };
}

/** Raw column values of one input (NaN where missing), in column order. Exported for the trainer. */
export function rawInputColumns(inp: SpecInput, value: unknown): { raw: number[]; missing: boolean } {
  const nLevels = inp.type === 'categorical' ? (inp.levels?.length ?? 0) : 1;
  const missingRaw = (): { raw: number[]; missing: boolean } => ({
    raw: [...Array.from({ length: nLevels }, () => Number.NaN), ...(inp.missing.indicator ? [1] : [])],
    missing: true,
  });
  if (value === null || value === undefined) return missingRaw();
  let vals: number[];
  if (inp.type === 'categorical') {
    const k = typeof value === 'string' ? (inp.levels ?? []).indexOf(value) : -1;
    if (k < 0) return missingRaw();
    vals = (inp.levels ?? []).map((_, i) => (i === k ? 1 : 0));
  } else if (inp.type === 'binary') {
    if (typeof value === 'boolean') vals = [value ? 1 : 0];
    else if (value === 0 || value === 1) vals = [value];
    else return missingRaw();
  } else {
    if (typeof value !== 'number' || !Number.isFinite(value)) return missingRaw();
    let v = value;
    if (inp.range) v = Math.min(inp.range[1], Math.max(inp.range[0], v));
    if (inp.transform === 'log') v = Math.log(1 + Math.max(0, v));
    vals = [v];
  }
  return { raw: [...vals, ...(inp.missing.indicator ? [0] : [])], missing: false };
}

/**
 * Reference encoder: turns input values into the model's x row (float32, length = columns).
 * `missing` lists the inputs that were absent, null, non-finite or of an unknown level; the caller
 * shows them as data gaps. Unknown keys in `values` are ignored.
 */
export function encode(spec: ModelSpec, values: InputValues): { x: Float32Array; missing: string[] } {
  const x = new Float32Array(spec.columns.length);
  const missing: string[] = [];
  for (const inp of spec.inputs) {
    const cols = spec.columns.filter((c) => c.input === inp.name && c.kind !== 'proxy');
    const { raw, missing: isMissing } = rawInputColumns(inp, values[inp.name]);
    if (isMissing) missing.push(inp.name);
    cols.forEach((c, k) => {
      const r = raw[k] ?? Number.NaN;
      x[c.index] = Number.isNaN(r) ? 0 : (r - c.center) / c.scale;
    });
  }
  for (const c of spec.columns) {
    if (c.kind !== 'proxy') continue;
    const src = spec.columns.find((v) => v.input === c.proxy && v.kind === 'value');
    const raw = missing.includes(c.input) && src ? (x[src.index] ?? 0) : 0;
    x[c.index] = (raw - c.center) / c.scale;
  }
  return { x, missing };
}
