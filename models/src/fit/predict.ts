/**
 * Plain-TypeScript forward pass of the exported ensemble, with the same float32 weights the ONNX
 * file holds: the reference the ONNX test compares against, and the predictor evaluate.ts uses.
 */
import type { Member } from './logistic.ts';
import { INTERVAL_Z } from '../onnx/ensembleGraph.ts';

/** Ensemble output for one row. */
export interface Prediction {
  mean: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** members[m * D + d] */
  members: Float64Array;
}

/** Rounds members' weights to float32, as stored in the ONNX file. */
export function toFloat32Members(members: Member[]): Member[] {
  return members.map((m) => ({ W: Float64Array.from(m.W, Math.fround), b: Float64Array.from(m.b, Math.fround) }));
}

/** Forward pass for one encoded row x (length F). */
export function predictRow(members: Member[], x: ArrayLike<number>, F: number, D: number): Prediction {
  const M = members.length;
  const out: Prediction = { mean: new Float64Array(D), lower: new Float64Array(D), upper: new Float64Array(D), members: new Float64Array(M * D) };
  members.forEach((mem, m) => {
    for (let d = 0; d < D; d += 1) {
      let z = mem.b[d] ?? 0;
      for (let j = 0; j < F; j += 1) z += (mem.W[j * D + d] ?? 0) * Math.fround(x[j] ?? 0);
      const p = 1 / (1 + Math.exp(-z));
      out.members[m * D + d] = p;
      out.mean[d] = (out.mean[d] ?? 0) + p / M;
    }
  });
  for (let d = 0; d < D; d += 1) {
    let ss = 0;
    for (let m = 0; m < M; m += 1) ss += ((out.members[m * D + d] ?? 0) - (out.mean[d] ?? 0)) ** 2;
    const sd = M > 1 ? Math.sqrt(ss / (M - 1)) : 0;
    out.lower[d] = Math.max(0, (out.mean[d] ?? 0) - INTERVAL_Z * sd);
    out.upper[d] = Math.min(1, (out.mean[d] ?? 0) + INTERVAL_Z * sd);
  }
  return out;
}
