/**
 * Small dense linear algebra for the evidence synthesis (a few dozen rows at most): Cholesky
 * factorisation, solves, inverse and log-determinant of symmetric positive-definite matrices.
 * Plain arrays, deterministic order of operations (the results are part of the byte-reproducible build).
 */

/** A dense matrix as rows. */
export type Mat = number[][];

/** A length-n array of value v. */
export function filled(n: number, v = 0): number[] {
  return Array.from({ length: n }, () => v);
}

/** n x n zero matrix. */
export function zeros(n: number, m = n): Mat {
  return Array.from({ length: n }, () => filled(m));
}

/** Thrown by cholesky: the index of the first pivot that is not positive (relative to its diagonal). */
export class NotPositiveDefinite extends Error {
  constructor(
    readonly pivot: number,
    value: number,
  ) {
    super(`matrix not positive definite (pivot ${pivot}: ${value})`);
  }
}

/** Lower-triangular Cholesky factor L (A = L L'); throws NotPositiveDefinite when A is (numerically) singular. */
export function cholesky(a: Mat): Mat {
  const n = a.length;
  const l = zeros(n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k += 1) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 1e-10 * Math.max(1e-12, Math.abs(a[i]![i]!)))) throw new NotPositiveDefinite(i, s);
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  return l;
}

/** Solves (L L') x = b for x given the Cholesky factor L. */
export function cholSolve(l: Mat, b: number[]): number[] {
  const n = l.length;
  const y = filled(n);
  for (let i = 0; i < n; i += 1) {
    let s = b[i]!;
    for (let k = 0; k < i; k += 1) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = filled(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k += 1) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/** log |A| from its Cholesky factor. */
export function cholLogDet(l: Mat): number {
  let s = 0;
  for (let i = 0; i < l.length; i += 1) s += 2 * Math.log(l[i]![i]!);
  return s;
}

/** Inverse of a symmetric positive-definite matrix. */
export function spdInverse(a: Mat): Mat {
  const l = cholesky(a);
  const n = a.length;
  const inv = zeros(n);
  for (let j = 0; j < n; j += 1) {
    const e = filled(n);
    e[j] = 1;
    const col = cholSolve(l, e);
    for (let i = 0; i < n; i += 1) inv[i]![j] = col[i]!;
  }
  return inv;
}

/** x' A y. */
export function quad(x: number[], a: Mat, y: number[] = x): number {
  let s = 0;
  for (let i = 0; i < x.length; i += 1) for (let j = 0; j < y.length; j += 1) s += x[i]! * a[i]![j]! * y[j]!;
  return s;
}
