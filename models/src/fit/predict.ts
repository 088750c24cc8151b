/**
 * The exported ensemble and its plain-TypeScript forward pass, with the same float32 weights the ONNX
 * file holds: the reference the ONNX test compares against, and the predictor evaluate.ts uses.
 *
 * Member m, drug d, encoded row x (length F):
 *   logit[m,d] = b[m,d] + sum_j W[m,j,d] x_j + cur_d(x) * (A[m,d] + G[m,d] * dur(x))
 * with cur_d(x) = sum_j CurSel[j,d] x_j + CurC[d] (= the raw one-hot "current_advanced_therapy = drug d",
 * i.e. "this candidate is the therapy the patient is on") and dur(x) = the encoded
 * current_therapy_duration_months column. p_mean = mean over members of sigmoid(logit).
 *
 * Interval (logit scale, then through the sigmoid):
 *   var = kEns * (sample variance of the members' logits) + kMiss * max(0, sum_j VarSel[j,d] x_j + VarC[d])
 * where the second term is sum over inputs k of missing_k * V[k,d] (the missing mask recovered from the
 * missing-indicator columns), V[k,d] the variance of input k's contribution to drug d's logit left
 * unexplained by the other inputs in the training records; p_lower/upper = sigmoid(mean logit -/+ z sqrt(var)),
 * widened if needed so they bracket p_mean. kEns and kMiss are calibrated (fit/interval.ts).
 */

/** One bootstrap member. */
export interface EnsembleMember {
  /** Linear weights W[j * D + d]. */
  W: Float64Array;
  b: Float64Array;
  /** Continuation term per drug: constant and slope on the encoded duration. */
  A: Float64Array;
  G: Float64Array;
}

/** Everything the graph holds. */
export interface Ensemble {
  F: number;
  D: number;
  members: EnsembleMember[];
  /** [F * D]: cur_d = x . CurSel[:, d] + CurC[d]. */
  curSel: Float64Array;
  curC: Float64Array;
  /** [F]: dur = x . DurSel. */
  durSel: Float64Array;
  /** [F * D] and [D]: unexplained logit variance from the missing inputs. */
  varSel: Float64Array;
  varC: Float64Array;
  kEns: number;
  kMiss: number;
  z: number;
}

/** Ensemble output for one row. */
export interface Prediction {
  mean: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** members[m * D + d] */
  members: Float64Array;
  /** Mean member logit, ensemble logit variance (before kEns) and missing-input variance (before kMiss). */
  logit: Float64Array;
  varEns: Float64Array;
  varMiss: Float64Array;
}

const f32 = (a: Float64Array): Float64Array => Float64Array.from(a, Math.fround);

/** Rounds every stored number to float32, as written into the ONNX file. */
export function toFloat32(e: Ensemble): Ensemble {
  return {
    ...e,
    members: e.members.map((m) => ({ W: f32(m.W), b: f32(m.b), A: f32(m.A), G: f32(m.G) })),
    curSel: f32(e.curSel),
    curC: f32(e.curC),
    durSel: f32(e.durSel),
    varSel: f32(e.varSel),
    varC: f32(e.varC),
    kEns: Math.fround(e.kEns),
    kMiss: Math.fround(e.kMiss),
    z: Math.fround(e.z),
  };
}

const sig = (z: number): number => 1 / (1 + Math.exp(-z));

/** Member logits and the two variance components for one row; no interval yet. */
export function rowParts(e: Ensemble, x: ArrayLike<number>): { logits: Float64Array; logit: Float64Array; varEns: Float64Array; varMiss: Float64Array } {
  const { F, D, members } = e;
  const M = members.length;
  const xf = Float64Array.from({ length: F }, (_, j) => Math.fround(x[j] ?? 0));
  let dur = 0;
  for (let j = 0; j < F; j += 1) dur += (e.durSel[j] ?? 0) * (xf[j] ?? 0);
  const cur = new Float64Array(D);
  const vm = new Float64Array(D);
  for (let d = 0; d < D; d += 1) {
    let c = e.curC[d] ?? 0;
    let v = e.varC[d] ?? 0;
    for (let j = 0; j < F; j += 1) {
      const xj = xf[j] ?? 0;
      if (xj === 0) continue;
      c += (e.curSel[j * D + d] ?? 0) * xj;
      v += (e.varSel[j * D + d] ?? 0) * xj;
    }
    cur[d] = c;
    vm[d] = Math.max(0, v);
  }
  const logits = new Float64Array(M * D);
  members.forEach((mem, m) => {
    for (let d = 0; d < D; d += 1) {
      let z = mem.b[d] ?? 0;
      for (let j = 0; j < F; j += 1) z += (mem.W[j * D + d] ?? 0) * (xf[j] ?? 0);
      z += (cur[d] ?? 0) * ((mem.A[d] ?? 0) + (mem.G[d] ?? 0) * dur);
      logits[m * D + d] = z;
    }
  });
  const logit = new Float64Array(D);
  const varEns = new Float64Array(D);
  for (let d = 0; d < D; d += 1) {
    let s = 0;
    for (let m = 0; m < M; m += 1) s += logits[m * D + d] ?? 0;
    const mu = s / M;
    let ss = 0;
    for (let m = 0; m < M; m += 1) ss += ((logits[m * D + d] ?? 0) - mu) ** 2;
    logit[d] = mu;
    varEns[d] = M > 1 ? ss / (M - 1) : 0;
  }
  return { logits, logit, varEns, varMiss: vm };
}

/** Interval bounds from the parts (the same arithmetic as the graph). */
export function intervalFrom(mu: number, varEns: number, varMiss: number, mean: number, kEns: number, kMiss: number, z: number): [number, number] {
  const sd = Math.sqrt(kEns * varEns + kMiss * varMiss);
  return [Math.min(sig(mu - z * sd), mean), Math.max(sig(mu + z * sd), mean)];
}

/** Forward pass for one encoded row x (length F). */
export function predictRow(e: Ensemble, x: ArrayLike<number>): Prediction {
  const { D, members } = e;
  const M = members.length;
  const { logits, logit, varEns, varMiss } = rowParts(e, x);
  const out: Prediction = {
    mean: new Float64Array(D),
    lower: new Float64Array(D),
    upper: new Float64Array(D),
    members: new Float64Array(M * D),
    logit,
    varEns,
    varMiss,
  };
  for (let k = 0; k < M * D; k += 1) out.members[k] = sig(logits[k] ?? 0);
  for (let d = 0; d < D; d += 1) {
    let s = 0;
    for (let m = 0; m < M; m += 1) s += out.members[m * D + d] ?? 0;
    out.mean[d] = s / M;
    const [lo, hi] = intervalFrom(logit[d] ?? 0, varEns[d] ?? 0, varMiss[d] ?? 0, out.mean[d] ?? 0, e.kEns, e.kMiss, e.z);
    out.lower[d] = lo;
    out.upper[d] = hi;
  }
  return out;
}
