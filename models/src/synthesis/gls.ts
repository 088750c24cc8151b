/**
 * Generalised least squares with one between-study variance component, estimated by restricted
 * maximum likelihood (REML). Both the network meta-analysis (nma.ts) and the baseline-risk model
 * (baseline.ts) are instances: study s contributes a block of observations y_s = X_s b + e_s with
 * Var(e_s) = V_s + tau^2 H_s, where V_s is the known within-study (sampling) covariance and H_s the
 * structure of the between-study random effects (network meta-analysis: H = (I + J) / 2 for the
 * contrasts of a multi-arm trial, the consistency structure of NICE DSU TSD 2, Dias et al. 2011, updated
 * 2016, section 2.2; meta-regression: H = 1).
 *
 * Why REML on a grid, not MCMC: the estimate is deterministic and exact to the grid step, the answer of a
 * small network can be checked by hand (tests), and the profile of the restricted likelihood gives the
 * uncertainty of tau (95% interval where twice the drop in restricted log-likelihood <= 3.84, chi-square 1 df).
 */
import { cholesky, cholLogDet, cholSolve, filled, NotPositiveDefinite, spdInverse, zeros } from './linalg.ts';
import type { Mat } from './linalg.ts';

/** One study's observations. */
export interface Block {
  y: number[];
  /** Design rows (one per observation, p columns). */
  X: number[][];
  /** Within-study sampling covariance. */
  V: Mat;
  /** Between-study random-effect structure (multiplied by tau^2). */
  H: Mat;
}

/** A fit at a given tau. */
export interface GlsAt {
  beta: number[];
  cov: Mat;
  /** Restricted log-likelihood (up to a constant). */
  reml: number;
}

/** A fit with tau estimated. */
export interface GlsFit extends GlsAt {
  tau: number;
  /** 95% profile-likelihood interval for tau. */
  tauCi: [number, number];
  /** Parameters with no information in the data (all-zero design column): beta NaN. */
  estimable: boolean[];
}

const CHI2_1_95 = 3.841458820694124;

/** GLS at a fixed tau over the estimable columns `cols`. */
export function glsAt(blocks: Block[], cols: number[], tau: number): GlsAt {
  const q = cols.length;
  const xtx = zeros(q);
  const xty = filled(q, 0);
  let logDet = 0;
  const parts: { l: Mat; xs: number[][]; y: number[] }[] = [];
  for (const b of blocks) {
    const k = b.y.length;
    const sigma = b.V.map((row, i) => row.map((v, j) => v + tau * tau * (b.H[i]![j] ?? 0)));
    const l = cholesky(sigma);
    logDet += cholLogDet(l);
    const xs = b.X.map((row) => cols.map((c) => row[c] ?? 0));
    // Sigma^-1 X (column by column) and Sigma^-1 y.
    const sx = cols.map((_, j) =>
      cholSolve(
        l,
        xs.map((r) => r[j]!),
      ),
    );
    const sy = cholSolve(l, b.y);
    for (let a = 0; a < q; a += 1) {
      for (let c = 0; c < q; c += 1) {
        let s = 0;
        for (let i = 0; i < k; i += 1) s += xs[i]![a]! * sx[c]![i]!;
        xtx[a]![c] = xtx[a]![c]! + s;
      }
      let t = 0;
      for (let i = 0; i < k; i += 1) t += xs[i]![a]! * sy[i]!;
      xty[a] = xty[a]! + t;
    }
    parts.push({ l, xs, y: b.y });
  }
  const lx = cholesky(xtx);
  const beta = cholSolve(lx, xty);
  let rss = 0;
  for (const { l, xs, y } of parts) {
    const r = y.map((v, i) => v - xs[i]!.reduce((s, x, j) => s + x * beta[j]!, 0));
    const sr = cholSolve(l, r);
    rss += r.reduce((s, v, i) => s + v * sr[i]!, 0);
  }
  return { beta, cov: spdInverse(xtx), reml: -0.5 * (logDet + cholLogDet(lx) + rss) };
}

/** Options of the REML fit. */
export interface RemlOptions {
  /** Upper end of the tau search (link scale). */
  tauMax?: number;
  /** Fix tau (0 = fixed-effect model). */
  fixedTau?: number;
}

/** Fits beta and tau (REML). Columns of X without information are reported as not estimable. */
export function fitGlsReml(blocks: Block[], p: number, opt: RemlOptions = {}): GlsFit {
  const estimable = Array.from({ length: p }, (_, j) => blocks.some((b) => b.X.some((row) => Math.abs(row[j] ?? 0) > 1e-12)));
  // A column in the span of earlier ones (e.g. a modifier confounded with single-trial drug effects once a
  // trial is left out) is not estimable either: drop it, in column order, until the information matrix is
  // positive definite (checked at tau = 1; the column space does not depend on tau).
  for (;;) {
    const cols = estimable.flatMap((e, j) => (e ? [j] : []));
    try {
      glsAt(blocks, cols, 1);
      break;
    } catch (err) {
      if (!(err instanceof NotPositiveDefinite) || cols.length === 0) throw err;
      estimable[cols[err.pivot]!] = false;
    }
  }
  const cols = estimable.flatMap((e, j) => (e ? [j] : []));
  const expand = (at: GlsAt): GlsAt => {
    const beta = filled(p, Number.NaN);
    const cov = zeros(p).map((r) => r.fill(Number.NaN));
    cols.forEach((c, a) => {
      beta[c] = at.beta[a]!;
      cols.forEach((d, b) => {
        cov[c]![d] = at.cov[a]![b]!;
      });
    });
    return { beta, cov, reml: at.reml };
  };
  if (opt.fixedTau !== undefined) return { ...expand(glsAt(blocks, cols, opt.fixedTau)), tau: opt.fixedTau, tauCi: [opt.fixedTau, opt.fixedTau], estimable };
  const tauMax = opt.tauMax ?? 3;
  const step = 0.01;
  const grid: { tau: number; reml: number }[] = [];
  for (let t = 0; t <= tauMax + 1e-9; t += step) grid.push({ tau: Math.round(t * 100) / 100, reml: glsAt(blocks, cols, Math.round(t * 100) / 100).reml });
  let best = grid[0]!;
  for (const g of grid) if (g.reml > best.reml) best = g;
  // Golden-section refinement around the best grid point.
  let a = Math.max(0, best.tau - step);
  let b = Math.min(tauMax, best.tau + step);
  const f = (t: number): number => glsAt(blocks, cols, t).reml;
  const gr = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i += 1) {
    const c = b - gr * (b - a);
    const d = a + gr * (b - a);
    if (f(c) >= f(d)) b = d;
    else a = c;
  }
  const tau = f((a + b) / 2) >= best.reml ? (a + b) / 2 : best.tau;
  const top = glsAt(blocks, cols, tau);
  const inside = (t: number): boolean => 2 * (top.reml - f(t)) <= CHI2_1_95;
  const edge = (lo: number, hi: number): number => {
    // lo inside, hi outside: bisection for the crossing.
    let x = lo;
    let y = hi;
    for (let i = 0; i < 40; i += 1) {
      const m = (x + y) / 2;
      if (inside(m)) x = m;
      else y = m;
    }
    return (x + y) / 2;
  };
  const lower = inside(0) ? 0 : edge(tau, 0);
  const upper = inside(tauMax) ? tauMax : edge(tau, tauMax);
  return { ...expand(top), tau, tauCi: [lower, upper], estimable };
}
