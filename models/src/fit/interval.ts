/**
 * The 90% interval: what the ensemble spread cannot see.
 *
 * 1. Missing inputs. For each input k that can be missing, V[k, d] is the variance of k's contribution to
 *    drug d's logit (mean member weights times k's encoded columns) that the other columns leave unexplained:
 *    the residual variance of a least-squares regression of that contribution on every other column (missing
 *    indicators and proxy columns included, as the records were observed), over training records where k was
 *    observed. This is Var(w_k x_k | observed inputs) under a linear-Gaussian approximation. In the graph the
 *    missing mask comes from the missing-indicator columns: var_missing[d] = sum_k missing_k V[k, d].
 * 2. Calibration. Two factors scale the components: kEns (bootstrap spread, which misses misspecification) is
 *    set so that the interval covers the true probability of 90% of patient-drug pairs with no missing input,
 *    then kMiss so that it covers 90% of all pairs; both on an independent simulated calibration cohort (its own
 *    seed; the evaluation cohort is never used), by bisection.
 */
import type { ModelSpec } from '../../../contract/spec.ts';
import type { Ensemble } from './predict.ts';
import { intervalFrom, rowParts } from './predict.ts';

/** Rows used per regression (first rows where the input is observed). */
const MAX_ROWS = 20000;

function solveSpd(H: Float64Array, B: Float64Array, P: number, R: number): Float64Array {
  const L = new Float64Array(P * P);
  for (let i = 0; i < P; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = H[i * P + j] ?? 0;
      for (let k = 0; k < j; k += 1) s -= (L[i * P + k] ?? 0) * (L[j * P + k] ?? 0);
      L[i * P + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / (L[j * P + j] ?? 1);
    }
  }
  const X = new Float64Array(P * R);
  for (let r = 0; r < R; r += 1) {
    const z = new Float64Array(P);
    for (let i = 0; i < P; i += 1) {
      let s = B[i * R + r] ?? 0;
      for (let k = 0; k < i; k += 1) s -= (L[i * P + k] ?? 0) * (z[k] ?? 0);
      z[i] = s / (L[i * P + i] ?? 1);
    }
    for (let i = P - 1; i >= 0; i -= 1) {
      let s = z[i] ?? 0;
      for (let k = i + 1; k < P; k += 1) s -= (L[k * P + i] ?? 0) * (X[k * R + r] ?? 0);
      X[i * R + r] = s / (L[i * P + i] ?? 1);
    }
  }
  return X;
}

/** One row of the missing-variance table (also written to the model card). */
export interface MissingVariance {
  input: string;
  /** V[k, d] per drug (logit scale). */
  v: number[];
}

/**
 * Computes V and folds it into the graph's selectors: var_missing = x . varSel + varC, where the missing
 * indicator's raw value is x * scale + center.
 */
export function missingVariance(
  spec: ModelSpec,
  x: Float64Array,
  n: number,
  meanW: Float64Array,
): { varSel: Float64Array; varC: Float64Array; table: MissingVariance[] } {
  const F = spec.columns.length;
  const D = spec.outputs.drugs.length;
  const varSel = new Float64Array(F * D);
  const varC = new Float64Array(D);
  const table: MissingVariance[] = [];
  for (const inp of spec.inputs) {
    const mcol = spec.columns.find((c) => c.input === inp.name && c.kind === 'missing');
    if (!mcol) continue;
    const own = spec.columns.filter((c) => c.input === inp.name && (c.kind === 'value' || c.kind === 'level')).map((c) => c.index);
    const regs = spec.columns.filter((c) => c.input !== inp.name && c.proxy !== inp.name).map((c) => c.index);
    const P = regs.length + 1;
    const H = new Float64Array(P * P);
    const Bm = new Float64Array(P * D);
    const rows: number[] = [];
    for (let i = 0; i < n && rows.length < MAX_ROWS; i += 1) {
      if ((x[i * F + mcol.index] ?? 0) * mcol.scale + mcol.center < 0.5) rows.push(i);
    }
    if (rows.length < 50) continue;
    const a = new Float64Array(P);
    const c = new Float64Array(D);
    const target = (i: number): void => {
      for (let d = 0; d < D; d += 1) {
        let s = 0;
        for (const j of own) s += (meanW[j * D + d] ?? 0) * (x[i * F + j] ?? 0);
        c[d] = s;
      }
    };
    for (const i of rows) {
      a[0] = 1;
      regs.forEach((j, r) => {
        a[r + 1] = x[i * F + j] ?? 0;
      });
      target(i);
      for (let u = 0; u < P; u += 1) {
        const au = a[u] ?? 0;
        if (au === 0) continue;
        for (let v = 0; v <= u; v += 1) H[u * P + v] = (H[u * P + v] ?? 0) + au * (a[v] ?? 0);
        for (let d = 0; d < D; d += 1) Bm[u * D + d] = (Bm[u * D + d] ?? 0) + au * (c[d] ?? 0);
      }
    }
    for (let u = 0; u < P; u += 1) {
      H[u * P + u] = (H[u * P + u] ?? 0) + 1e-6 * rows.length;
      for (let v = 0; v < u; v += 1) H[v * P + u] = H[u * P + v] ?? 0;
    }
    const beta = solveSpd(H, Bm, P, D);
    const ss = new Float64Array(D);
    for (const i of rows) {
      target(i);
      for (let d = 0; d < D; d += 1) {
        let fit = beta[d] ?? 0;
        regs.forEach((j, r) => {
          fit += (beta[(r + 1) * D + d] ?? 0) * (x[i * F + j] ?? 0);
        });
        ss[d] = (ss[d] ?? 0) + ((c[d] ?? 0) - fit) ** 2;
      }
    }
    const v = Array.from(ss, (s) => s / rows.length);
    v.forEach((vd, d) => {
      varSel[mcol.index * D + d] = vd * mcol.scale;
      varC[d] = (varC[d] ?? 0) + vd * mcol.center;
    });
    table.push({ input: inp.name, v: v.map((q) => Number(q.toPrecision(4))) });
  }
  return { varSel, varC, table };
}

/** Coverage of true probabilities by the interval for given factors, over pairs of the listed rows. */
function coverage(
  parts: ReturnType<typeof rowParts>[],
  means: Float64Array[],
  trueP: Float64Array,
  D: number,
  rows: number[],
  kEns: number,
  kMiss: number,
  z: number,
): number {
  let hit = 0;
  for (const i of rows) {
    const p = parts[i];
    const m = means[i];
    if (!p || !m) continue;
    for (let d = 0; d < D; d += 1) {
      const [lo, hi] = intervalFrom(p.logit[d] ?? 0, p.varEns[d] ?? 0, p.varMiss[d] ?? 0, m[d] ?? 0, kEns, kMiss, z);
      const t = trueP[i * D + d] ?? 0;
      if (t >= lo && t <= hi) hit += 1;
    }
  }
  return hit / Math.max(1, rows.length * D);
}

function bisectLog(f: (k: number) => number, target: number): number {
  let a = Math.log(1e-3);
  let b = Math.log(1e3);
  for (let it = 0; it < 40; it += 1) {
    const m = (a + b) / 2;
    if (f(Math.exp(m)) < target) a = m;
    else b = m;
  }
  return Math.exp((a + b) / 2);
}

/** Calibrates kEns (complete records) then kMiss (all records) to the nominal coverage. */
export function calibrateInterval(
  e: Ensemble,
  xs: Float32Array[],
  complete: boolean[],
  trueP: Float64Array,
  nominal: number,
): { kEns: number; kMiss: number; coverageComplete: number; coverageAll: number } {
  const D = e.D;
  const M = e.members.length;
  const parts = xs.map((x) => rowParts(e, x));
  const means = parts.map((p) => {
    const out = new Float64Array(D);
    for (let d = 0; d < D; d += 1) {
      let s = 0;
      for (let m = 0; m < M; m += 1) s += 1 / (1 + Math.exp(-(p.logits[m * D + d] ?? 0)));
      out[d] = s / M;
    }
    return out;
  });
  const all = xs.map((_, i) => i);
  const comp = all.filter((i) => complete[i]);
  const kEns = comp.length >= 100 ? bisectLog((k) => coverage(parts, means, trueP, D, comp, k, 0, e.z), nominal) : 1;
  const kMiss = bisectLog((k) => coverage(parts, means, trueP, D, all, kEns, k, e.z), nominal);
  return {
    kEns,
    kMiss,
    coverageComplete: coverage(parts, means, trueP, D, comp, kEns, kMiss, e.z),
    coverageAll: coverage(parts, means, trueP, D, all, kEns, kMiss, e.z),
  };
}
