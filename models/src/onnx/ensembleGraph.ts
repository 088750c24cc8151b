/**
 * The exported graph for the bootstrap ensemble (fit/predict.ts states the arithmetic):
 *   x [N, F] -> MatMul W [F, M*D] -> Add B -> Reshape [N, M, D]                  linear part
 *   cur = x CurSel + CurC [N, D], dur = x DurSel [N, 1]; + cur * (A + dur * G) [M, D]   continuation term
 *   Sigmoid = p_members; p_mean = mean over members.
 *   var = k_ens * M/(M-1) * mean_m (logit - mean logit)^2 + k_miss * max(0, x VarSel + VarC)
 *   p_lower / p_upper = min/max(sigmoid(mean logit -/+ z sqrt(var)), p_mean).
 * Column m*D + d of W holds member m's weights for drug d.
 */
import type { Ensemble } from '../fit/predict.ts';
import { AttrType, readFloatInitializers, writeModel } from './proto.ts';

/** z for a two-sided 90% interval (normal quantile 0.95). */
export const INTERVAL_Z = 1.645;

const scalar = (name: string, v: number) => ({ name, dims: [], float: new Float32Array([v]) });
const keep = (i: number) => ({ name: 'keepdims', type: AttrType.INT, i });
const F32 = (a: ArrayLike<number>): Float32Array => Float32Array.from(a);

/** Builds the ONNX bytes for an ensemble. */
export function ensembleToOnnx(e: Ensemble, meta: { name: string; doc: string; metadata: Record<string, string>; modelVersion: number }): Uint8Array {
  const { F, D, members } = e;
  const M = members.length;
  const W = new Float32Array(F * M * D);
  const B = new Float32Array(M * D);
  const A = new Float32Array(M * D);
  const G = new Float32Array(M * D);
  members.forEach((mem, m) => {
    for (let d = 0; d < D; d += 1) {
      B[m * D + d] = mem.b[d] ?? 0;
      A[m * D + d] = mem.A[d] ?? 0;
      G[m * D + d] = mem.G[d] ?? 0;
      for (let j = 0; j < F; j += 1) W[j * M * D + m * D + d] = mem.W[j * D + d] ?? 0;
    }
  });
  const axes1 = { name: 'axes', type: AttrType.INTS, ints: [1] };
  return writeModel({
    ...meta,
    inputs: [{ name: 'x', shape: ['N', F] }],
    outputs: [
      { name: 'p_mean', shape: ['N', D] },
      { name: 'p_lower', shape: ['N', D] },
      { name: 'p_upper', shape: ['N', D] },
      { name: 'p_members', shape: ['N', M, D] },
    ],
    initializers: [
      { name: 'W', dims: [F, M * D], float: W },
      { name: 'B', dims: [M * D], float: B },
      { name: 'A', dims: [M, D], float: A },
      { name: 'G', dims: [M, D], float: G },
      { name: 'CurSel', dims: [F, D], float: F32(e.curSel) },
      { name: 'CurC', dims: [D], float: F32(e.curC) },
      { name: 'DurSel', dims: [F, 1], float: F32(e.durSel) },
      { name: 'VarSel', dims: [F, D], float: F32(e.varSel) },
      { name: 'VarC', dims: [D], float: F32(e.varC) },
      { name: 'shape_nmd', dims: [3], int64: [-1, M, D] },
      { name: 'shape_n1d', dims: [3], int64: [-1, 1, D] },
      { name: 'shape_n11', dims: [3], int64: [-1, 1, 1] },
      scalar('z', e.z),
      scalar('var_factor', M > 1 ? M / (M - 1) : 0),
      scalar('k_ens', e.kEns),
      scalar('k_miss', e.kMiss),
      scalar('zero', 0),
    ],
    nodes: [
      { name: 'matmul', op: 'MatMul', inputs: ['x', 'W'], outputs: ['xw'] },
      { name: 'bias', op: 'Add', inputs: ['xw', 'B'], outputs: ['logit_flat'] },
      { name: 'reshape', op: 'Reshape', inputs: ['logit_flat', 'shape_nmd'], outputs: ['logit_linear'] },
      { name: 'cur_mm', op: 'MatMul', inputs: ['x', 'CurSel'], outputs: ['cur_raw'] },
      { name: 'cur_add', op: 'Add', inputs: ['cur_raw', 'CurC'], outputs: ['cur'] },
      { name: 'cur_3', op: 'Reshape', inputs: ['cur', 'shape_n1d'], outputs: ['cur3'] },
      { name: 'dur_mm', op: 'MatMul', inputs: ['x', 'DurSel'], outputs: ['dur'] },
      { name: 'dur_3', op: 'Reshape', inputs: ['dur', 'shape_n11'], outputs: ['dur3'] },
      { name: 'dur_g', op: 'Mul', inputs: ['dur3', 'G'], outputs: ['dur_g'] },
      { name: 'cont_coef', op: 'Add', inputs: ['dur_g', 'A'], outputs: ['cont_coef'] },
      { name: 'cont', op: 'Mul', inputs: ['cur3', 'cont_coef'], outputs: ['cont'] },
      { name: 'logit', op: 'Add', inputs: ['logit_linear', 'cont'], outputs: ['logit_members'] },
      { name: 'sigmoid', op: 'Sigmoid', inputs: ['logit_members'], outputs: ['p_members'] },
      { name: 'mean', op: 'ReduceMean', inputs: ['p_members'], outputs: ['p_mean'], attrs: [axes1, keep(0)] },
      { name: 'lmean_k', op: 'ReduceMean', inputs: ['logit_members'], outputs: ['logit_mean_k'], attrs: [axes1, keep(1)] },
      { name: 'lmean', op: 'ReduceMean', inputs: ['logit_members'], outputs: ['logit_mean'], attrs: [axes1, keep(0)] },
      { name: 'diff', op: 'Sub', inputs: ['logit_members', 'logit_mean_k'], outputs: ['diff'] },
      { name: 'sq', op: 'Mul', inputs: ['diff', 'diff'], outputs: ['sq'] },
      { name: 'var_b', op: 'ReduceMean', inputs: ['sq'], outputs: ['var_biased'], attrs: [axes1, keep(0)] },
      { name: 'var_s', op: 'Mul', inputs: ['var_biased', 'var_factor'], outputs: ['var_sample'] },
      { name: 'var_e', op: 'Mul', inputs: ['var_sample', 'k_ens'], outputs: ['var_ens'] },
      { name: 'vm_mm', op: 'MatMul', inputs: ['x', 'VarSel'], outputs: ['vm_raw'] },
      { name: 'vm_add', op: 'Add', inputs: ['vm_raw', 'VarC'], outputs: ['vm_lin'] },
      { name: 'vm_pos', op: 'Max', inputs: ['vm_lin', 'zero'], outputs: ['vm'] },
      { name: 'var_m', op: 'Mul', inputs: ['vm', 'k_miss'], outputs: ['var_miss'] },
      { name: 'var', op: 'Add', inputs: ['var_ens', 'var_miss'], outputs: ['var'] },
      { name: 'sd', op: 'Sqrt', inputs: ['var'], outputs: ['sd'] },
      { name: 'half', op: 'Mul', inputs: ['sd', 'z'], outputs: ['half'] },
      { name: 'lo', op: 'Sub', inputs: ['logit_mean', 'half'], outputs: ['lo_logit'] },
      { name: 'hi', op: 'Add', inputs: ['logit_mean', 'half'], outputs: ['hi_logit'] },
      { name: 'lo_p', op: 'Sigmoid', inputs: ['lo_logit'], outputs: ['lo_p'] },
      { name: 'hi_p', op: 'Sigmoid', inputs: ['hi_logit'], outputs: ['hi_p'] },
      { name: 'lower', op: 'Min', inputs: ['lo_p', 'p_mean'], outputs: ['p_lower'] },
      { name: 'upper', op: 'Max', inputs: ['hi_p', 'p_mean'], outputs: ['p_upper'] },
    ],
  });
}

/** Recovers the ensemble from exported bytes (inverse of ensembleToOnnx). */
export function onnxToEnsemble(bytes: Uint8Array, M: number, D: number): Ensemble {
  const init = readFloatInitializers(bytes);
  const get = (name: string): { dims: number[]; data: Float32Array } => {
    const t = init.get(name);
    if (!t) throw new Error(`not an ensemble model: initializer ${name} missing`);
    return t;
  };
  const W = get('W');
  const B = get('B');
  const A = get('A');
  const G = get('G');
  const F = W.dims[0] ?? 0;
  if ((W.dims[1] ?? 0) !== M * D) throw new Error(`W has ${W.dims[1]} columns, expected ${M * D}`);
  const members = Array.from({ length: M }, (_unused, m) => {
    const Wm = new Float64Array(F * D);
    const pick = (t: Float32Array) => Float64Array.from({ length: D }, (_, d) => t[m * D + d] ?? 0);
    for (let d = 0; d < D; d += 1) for (let j = 0; j < F; j += 1) Wm[j * D + d] = W.data[j * M * D + m * D + d] ?? 0;
    return { W: Wm, b: pick(B.data), A: pick(A.data), G: pick(G.data) };
  });
  const f64 = (name: string) => Float64Array.from(get(name).data);
  return {
    F,
    D,
    members,
    curSel: f64('CurSel'),
    curC: f64('CurC'),
    durSel: f64('DurSel'),
    varSel: f64('VarSel'),
    varC: f64('VarC'),
    kEns: get('k_ens').data[0] ?? 1,
    kMiss: get('k_miss').data[0] ?? 1,
    z: get('z').data[0] ?? INTERVAL_Z,
  };
}
