/**
 * The exported graph for a bootstrap ensemble of linear-logit members:
 *   x [N, F] -> MatMul W [F, M*D] -> Add B -> Reshape [N, M, D] -> Sigmoid = p_members
 *   p_mean = mean over members; sd = sample SD over members (divisor M - 1);
 *   p_lower / p_upper = clip(p_mean -/+ z * sd, 0, 1).
 * Column m*D + d of W holds member m's weights for drug d.
 */
import type { Member } from '../fit/logistic.ts';
import { AttrType, readFloatInitializers, writeModel } from './proto.ts';

/** z for a two-sided 90% interval (normal quantile 0.95). */
export const INTERVAL_Z = 1.645;

const scalar = (name: string, v: number) => ({ name, dims: [], float: new Float32Array([v]) });

/** Builds the ONNX bytes for an ensemble. */
export function ensembleToOnnx(
  members: Member[],
  F: number,
  D: number,
  meta: { name: string; doc: string; metadata: Record<string, string>; modelVersion: number },
): Uint8Array {
  const M = members.length;
  const W = new Float32Array(F * M * D);
  const B = new Float32Array(M * D);
  members.forEach((mem, m) => {
    for (let d = 0; d < D; d += 1) {
      B[m * D + d] = mem.b[d] ?? 0;
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
      { name: 'shape_nmd', dims: [3], int64: [-1, M, D] },
      scalar('z', INTERVAL_Z),
      scalar('var_factor', M > 1 ? M / (M - 1) : 1),
      scalar('zero', 0),
      scalar('one', 1),
    ],
    nodes: [
      { name: 'matmul', op: 'MatMul', inputs: ['x', 'W'], outputs: ['xw'] },
      { name: 'bias', op: 'Add', inputs: ['xw', 'B'], outputs: ['logit_flat'] },
      { name: 'reshape', op: 'Reshape', inputs: ['logit_flat', 'shape_nmd'], outputs: ['logit_members'] },
      { name: 'sigmoid', op: 'Sigmoid', inputs: ['logit_members'], outputs: ['p_members'] },
      { name: 'mean', op: 'ReduceMean', inputs: ['p_members'], outputs: ['p_mean'], attrs: [axes1, { name: 'keepdims', type: AttrType.INT, i: 0 }] },
      { name: 'mean_k', op: 'ReduceMean', inputs: ['p_members'], outputs: ['p_mean_k'], attrs: [axes1, { name: 'keepdims', type: AttrType.INT, i: 1 }] },
      { name: 'diff', op: 'Sub', inputs: ['p_members', 'p_mean_k'], outputs: ['diff'] },
      { name: 'sq', op: 'Mul', inputs: ['diff', 'diff'], outputs: ['sq'] },
      { name: 'var_b', op: 'ReduceMean', inputs: ['sq'], outputs: ['var_biased'], attrs: [axes1, { name: 'keepdims', type: AttrType.INT, i: 0 }] },
      { name: 'var', op: 'Mul', inputs: ['var_biased', 'var_factor'], outputs: ['var'] },
      { name: 'sd', op: 'Sqrt', inputs: ['var'], outputs: ['sd'] },
      { name: 'half', op: 'Mul', inputs: ['sd', 'z'], outputs: ['half'] },
      { name: 'lo', op: 'Sub', inputs: ['p_mean', 'half'], outputs: ['lo_raw'] },
      { name: 'hi', op: 'Add', inputs: ['p_mean', 'half'], outputs: ['hi_raw'] },
      { name: 'clip_lo', op: 'Clip', inputs: ['lo_raw', 'zero', 'one'], outputs: ['p_lower'] },
      { name: 'clip_hi', op: 'Clip', inputs: ['hi_raw', 'zero', 'one'], outputs: ['p_upper'] },
    ],
  });
}

/** Recovers the members from an exported ensemble (inverse of ensembleToOnnx). */
export function onnxToMembers(bytes: Uint8Array, M: number, D: number): Member[] {
  const init = readFloatInitializers(bytes);
  const W = init.get('W');
  const B = init.get('B');
  if (!W || !B) throw new Error('not an ensemble model: W or B initializer missing');
  const F = W.dims[0] ?? 0;
  if ((W.dims[1] ?? 0) !== M * D) throw new Error(`W has ${W.dims[1]} columns, expected ${M * D}`);
  return Array.from({ length: M }, (_, m) => {
    const Wm = new Float64Array(F * D);
    const b = new Float64Array(D);
    for (let d = 0; d < D; d += 1) {
      b[d] = B.data[m * D + d] ?? 0;
      for (let j = 0; j < F; j += 1) Wm[j * D + d] = W.data[j * M * D + m * D + d] ?? 0;
    }
    return { W: Wm, b };
  });
}
