/**
 * "Continue the current therapy" as a candidate: the graph derives, for each candidate drug d, whether it is
 * the therapy the patient is on (cur_d, from the current_advanced_therapy one-hot columns) and lets the
 * logit move by cur_d * (A_d + G_d * encoded current_therapy_duration_months). The trainer learns A and G as
 * two extra design columns whose value depends on the drug given: f1 = cur_{given}, f2 = f1 * dur. They get
 * the same shared -> class -> drug hierarchy as every other column (fit/logistic.ts), so a drug seldom
 * continued in the registry borrows the continuation effect of the others.
 *
 * The current-therapy columns themselves get no linear weight (W = 0): the drug a patient is on matters for
 * the other candidates only through what it implies about prior exposure, which the prior_* inputs already
 * carry; a free weight per (current drug, candidate) pair would only fit registry noise and confounding.
 */
import type { TrainData, Member } from './logistic.ts';
import type { EnsembleMember } from './predict.ts';
import type { ModelSpec } from '../../../contract/spec.ts';

/** Input names from the catalogue (src/extract/catalogue.ts INPUT_NAMES). */
export const CURRENT_INPUT = 'current_advanced_therapy';
export const DURATION_INPUT = 'current_therapy_duration_months';

/** Selectors and the design layout of the linear part. */
export interface ContinuationLayout {
  /** cur_d = x . curSel[:, d] + curC[d] (raw one-hot of level d). */
  curSel: Float64Array;
  curC: Float64Array;
  /** dur = x . durSel. */
  durSel: Float64Array;
  /** Columns of x that get linear weights (all but the current-therapy inputs' columns). */
  linear: number[];
}

/** Selector matrices and the linear columns for a spec. */
export function continuationSelectors(spec: ModelSpec): ContinuationLayout {
  const F = spec.columns.length;
  const drugs = spec.outputs.drugs;
  const D = drugs.length;
  const curSel = new Float64Array(F * D);
  const curC = new Float64Array(D);
  const durSel = new Float64Array(F);
  drugs.forEach((drug, d) => {
    const c = spec.columns.find((col) => col.input === CURRENT_INPUT && col.kind === 'level' && col.level === drug);
    if (!c) return;
    curSel[c.index * D + d] = c.scale;
    curC[d] = c.center;
  });
  const dc = spec.columns.find((col) => col.input === DURATION_INPUT && col.kind === 'value');
  if (dc) durSel[dc.index] = 1;
  const linear = spec.columns.filter((c) => c.input !== CURRENT_INPUT && c.input !== DURATION_INPUT).map((c) => c.index);
  return { curSel, curC, durSel, linear };
}

/** Design matrix of the fit: the linear columns, then the two continuation columns (computed with the drug given). */
export function withContinuation(data: TrainData, sel: ContinuationLayout): TrainData {
  const { n, F, D } = data;
  const L = sel.linear.length;
  const F2 = L + 2;
  const x = new Float64Array(n * F2);
  for (let i = 0; i < n; i += 1) {
    const row = data.x.subarray(i * F, (i + 1) * F);
    sel.linear.forEach((j, k) => {
      x[i * F2 + k] = row[j] ?? 0;
    });
    const k = data.drug[i] ?? 0;
    let cur = sel.curC[k] ?? 0;
    let dur = 0;
    for (let j = 0; j < F; j += 1) {
      const xj = Math.fround(row[j] ?? 0);
      cur += (sel.curSel[j * D + k] ?? 0) * xj;
      dur += (sel.durSel[j] ?? 0) * xj;
    }
    x[i * F2 + L] = cur;
    x[i * F2 + L + 1] = cur * dur;
  }
  return { ...data, F: F2, x };
}

/** Maps a member fitted on the design of withContinuation back to x's F columns plus the continuation term. */
export function splitMember(m: Member, sel: ContinuationLayout, F: number, D: number): EnsembleMember {
  const L = sel.linear.length;
  const W = new Float64Array(F * D);
  sel.linear.forEach((j, k) => {
    for (let d = 0; d < D; d += 1) W[j * D + d] = m.W[k * D + d] ?? 0;
  });
  return { W, b: Float64Array.from(m.b), A: m.W.slice(L * D, (L + 1) * D), G: m.W.slice((L + 1) * D, (L + 2) * D) };
}
