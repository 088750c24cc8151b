/**
 * Shapley explanations, computed by running the model itself on coalitions of inputs, so they hold
 * for any model that satisfies the spec (not only the bundled linear-logit ensembles).
 *
 * Players are the model's inputs (an input may span several columns: levels, missing indicator).
 * The reference is the encoded all-zero row: every column at its training-cohort mean, i.e. the
 * average patient of the (simulated) training population documented in the model's spec and card.
 * An input whose columns all equal the reference cannot change any coalition and gets exactly 0
 * (the dummy axiom), so only the k "active" inputs are enumerated:
 *  - k <= EXACT_MAX: all 2^k coalitions, exact Shapley values (Shapley 1953 weights);
 *  - otherwise: antithetic permutation sampling (Castro, Gómez & Tejada 2009; Mitchell et al. 2022),
 *    with the standard error of every value stated. Each sampled permutation telescopes, so the
 *    values still sum exactly to prediction minus reference; only their split is estimated.
 */
import { createRng } from '../../contract/prng.ts';

export const EXACT_MAX = 12;
export const PERMUTATION_PAIRS = 128;

export interface ExplanationPlan {
  /** Input names, in spec order. */
  players: string[];
  /** Column indices of each player. */
  playerColumns: number[][];
  /** Indices (into players) of inputs that differ from the reference. */
  active: number[];
  method: 'exact' | 'sampled';
  /** Rows of the coalition batch (row-major, `cols` wide). */
  batch: Float32Array;
  rows: number;
  cols: number;
  /** For sampled plans: the permutations (over `active` positions), each walked as k+1 rows. */
  permutations: number[][];
}

export interface Contribution {
  input: string;
  /** Change in the predicted probability attributed to this input. */
  phi: number;
  /** Standard error of phi (0 when exact). */
  se: number;
}

export interface DrugExplanation {
  drug: string;
  /** Prediction for the reference (average) patient. */
  reference: number;
  prediction: number;
  contributions: Contribution[];
  method: 'exact' | 'sampled';
}

function shuffled(n: number, rand: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] ?? 0, a[i] ?? 0];
  }
  return a;
}

/**
 * Plans the coalition batch for one encoded patient row `x`.
 * @param columnsByInput for each input (spec order), the column indices it occupies
 */
export function planExplanation(x: Float32Array, players: string[], columnsByInput: number[][], seed = 20261129): ExplanationPlan {
  const cols = x.length;
  const active = columnsByInput.map((c, i) => (c.some((j) => (x[j] ?? 0) !== 0) ? i : -1)).filter((i) => i >= 0);
  const k = active.length;
  const setPlayer = (row: Float32Array, offset: number, player: number): void => {
    for (const j of columnsByInput[player] ?? []) row[offset + j] = x[j] ?? 0;
  };
  if (k <= EXACT_MAX) {
    const rows = 1 << k;
    const batch = new Float32Array(rows * cols);
    for (let mask = 0; mask < rows; mask++) {
      for (let b = 0; b < k; b++) if (mask & (1 << b)) setPlayer(batch, mask * cols, active[b] ?? 0);
    }
    return { players, playerColumns: columnsByInput, active, method: 'exact', batch, rows, cols, permutations: [] };
  }
  const rng = createRng(seed);
  const rand = (): number => rng.next();
  const permutations: number[][] = [];
  for (let p = 0; p < PERMUTATION_PAIRS; p++) {
    const perm = shuffled(k, rand);
    permutations.push(perm, [...perm].reverse());
  }
  const rows = permutations.length * (k + 1);
  const batch = new Float32Array(rows * cols);
  permutations.forEach((perm, p) => {
    for (let t = 1; t <= k; t++) {
      const offset = (p * (k + 1) + t) * cols;
      for (let s = 0; s < t; s++) setPlayer(batch, offset, active[perm[s] ?? 0] ?? 0);
    }
  });
  return { players, playerColumns: columnsByInput, active, method: 'sampled', batch, rows, cols, permutations };
}

/**
 * How many rows {@link planExplanation} will plan for `x`, without building them: 2^k for k <= EXACT_MAX
 * active inputs, else one row per step of every sampled permutation. Sizes the runtime's warm-up.
 */
export function explanationRowCount(x: Float32Array, columnsByInput: number[][]): number {
  const k = columnsByInput.filter((c) => c.some((j) => (x[j] ?? 0) !== 0)).length;
  return k <= EXACT_MAX ? 1 << k : 2 * PERMUTATION_PAIRS * (k + 1);
}

function factorials(n: number): number[] {
  const f = [1];
  for (let i = 1; i <= n; i++) f.push((f[i - 1] ?? 1) * i);
  return f;
}

/**
 * Shapley values from the model's outputs on the plan's batch.
 * @param outputs predicted probabilities, row-major [rows, drugs]
 */
export function shapleyFromOutputs(plan: ExplanationPlan, outputs: Float32Array, drugs: string[]): DrugExplanation[] {
  const D = drugs.length;
  const k = plan.active.length;
  const f = (row: number, d: number): number => outputs[row * D + d] ?? Number.NaN;
  return drugs.map((drug, d) => {
    const phi = Array.from({ length: plan.players.length }, () => 0);
    const se = Array.from({ length: plan.players.length }, () => 0);
    let reference: number;
    let prediction: number;
    if (plan.method === 'exact') {
      const fact = factorials(k);
      const full = (1 << k) - 1;
      reference = f(0, d);
      prediction = f(full, d);
      for (let b = 0; b < k; b++) {
        let sum = 0;
        for (let mask = 0; mask <= full; mask++) {
          if (mask & (1 << b)) continue;
          let size = 0;
          for (let m = mask; m; m &= m - 1) size++;
          const w = ((fact[size] ?? 1) * (fact[k - size - 1] ?? 1)) / (fact[k] ?? 1);
          sum += w * (f(mask | (1 << b), d) - f(mask, d));
        }
        phi[plan.active[b] ?? 0] = sum;
      }
    } else {
      const P = plan.permutations.length;
      const stride = k + 1;
      reference = f(0, d);
      prediction = f(stride - 1, d);
      // One estimate per antithetic pair (the mean of a permutation and its reverse).
      const pairs = P / 2;
      const perPair: number[][] = Array.from({ length: k }, () => Array.from({ length: pairs }, () => 0));
      plan.permutations.forEach((perm, p) => {
        for (let t = 0; t < k; t++) {
          const delta = f(p * stride + t + 1, d) - f(p * stride + t, d);
          const slot = perPair[perm[t] ?? 0];
          if (slot) slot[Math.floor(p / 2)] = (slot[Math.floor(p / 2)] ?? 0) + delta / 2;
        }
      });
      perPair.forEach((values, b) => {
        const mean = values.reduce((a, v) => a + v, 0) / pairs;
        const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (pairs - 1);
        phi[plan.active[b] ?? 0] = mean;
        se[plan.active[b] ?? 0] = Math.sqrt(variance / pairs);
      });
    }
    return {
      drug,
      reference,
      prediction,
      method: plan.method,
      contributions: plan.players.map((input, i) => ({ input, phi: phi[i] ?? 0, se: se[i] ?? 0 })),
    };
  });
}
