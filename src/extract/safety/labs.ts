/** Laboratory and ECG safety facts: counts, IgG, transaminases as multiples of the ULN, renal function, QTc, and qualitative results. */
import { because, inputRef, joinReasons, recordText } from '../reasons.ts';
import type { SafetyName } from '../catalogue.ts';
import { fromPoint, latestCategory, latestNumber } from '../latest.ts';
import type { InputValue } from '../values.ts';
import type { SafetyContext } from './context.ts';

/**
 * Default upper reference limit for ALT and AST when the lab sent none: 40 U/L, a common adult limit for
 * IFCC methods at 37 °C (Tietz Textbook of Laboratory Medicine, 7th ed., reference intervals; value to verify
 * against the local lab). Always noted on the value.
 */
export const DEFAULT_ULN_U_L = 40;

/** A transaminase as a multiple of the upper limit of normal (the lab's referenceRange.high, else the default). */
function timesUln(name: SafetyName, ctx: SafetyContext, concept: string, label: string): InputValue {
  // The note's typed form: value and limit in U/L, the lab's limit or the default.
  const v = latestNumber(name, ctx.series, [concept], ctx.now, label);
  if (v.state === 'missing' || v.state === 'unknown-unit') return v;
  const point = (ctx.series[concept] ?? []).find((p) => p.date.raw === v.date && p.sources.some((s) => v.sources.includes(s)));
  if (!point || point.value === undefined) return v;
  const uln = point.referenceHigh !== undefined && point.referenceHigh > 0 ? point.referenceHigh : DEFAULT_ULN_U_L;
  const note =
    point.referenceHigh !== undefined && point.referenceHigh > 0
      ? `${point.value} U/L / lab upper limit ${uln} U/L`
      : `${point.value} U/L / default upper limit ${DEFAULT_ULN_U_L} U/L (the lab sent no reference range)`;
  const noteWhy =
    point.referenceHigh !== undefined && point.referenceHigh > 0
      ? because('uln-lab', { value: point.value, uln })
      : because('uln-default', { value: point.value, uln: DEFAULT_ULN_U_L });
  const ratio = Math.round((point.value / uln) * 100) / 100;
  const out = fromPoint(name, point, ratio, ctx.now, note, noteWhy);
  return out.state === 'missing' ? out : { ...out, unit: null };
}

/** eGFR, else creatinine clearance (noted: not normalised to body surface area). */
function renal(ctx: SafetyContext): InputValue {
  const egfr = latestNumber('egfr_ml_min', ctx.series, ['lab.egfr'], ctx.now, 'eGFR');
  if (egfr.state !== 'missing') return egfr;
  const clearance = latestNumber('egfr_ml_min', ctx.series, ['lab.creatinine_clearance'], ctx.now, 'eGFR or creatinine clearance');
  if (clearance.state === 'missing')
    return {
      ...egfr,
      reason: `${egfr.reason} (and no creatinine clearance)`,
      ...(egfr.why ? { why: joinReasons(egfr.why, because('no-creatinine-clearance')) } : {}),
    };
  return {
    ...clearance,
    note: [clearance.note, 'creatinine clearance (mL/min), not an eGFR: used as the renal function the labels name'].filter(Boolean).join('; '),
    ...(!clearance.note || clearance.noteWhy ? { noteWhy: joinReasons(clearance.noteWhy, because('clearance-not-egfr')) } : {}),
  };
}

/**
 * A qualitative result (positive/negative/indeterminate) of the latest point: coded-first reading is done in
 * observations.ts; here `conflicting` or an unreadable answer becomes missing with its reason.
 */
export function qualitative(name: SafetyName, ctx: SafetyContext, concepts: readonly string[], label: string): InputValue {
  const p = latestCategory(name, ctx.series, concepts, ctx.now, label);
  if (!('concept' in p)) return p;
  // A numeric index (S/CO) without a flag is read against the lab's own upper limit (cut-off).
  let byCutOff: 'positive' | 'negative' | undefined;
  if (p.value !== undefined && p.referenceHigh !== undefined) byCutOff = p.value > p.referenceHigh ? 'positive' : 'negative';
  const value = p.category ?? p.interpretation ?? byCutOff;
  if (value === 'positive' || value === 'negative' || value === 'indeterminate') {
    const v = fromPoint(
      name,
      p,
      value,
      ctx.now,
      byCutOff && !p.category && !p.interpretation ? `index ${p.value ?? ''} against the lab cut-off ${p.referenceHigh ?? ''}` : undefined,
      byCutOff && !p.category && !p.interpretation ? because('index-cut-off', { value: p.value ?? '', limit: p.referenceHigh ?? '' }) : undefined,
    );
    // The result is a category; the index's unit stays in `original`.
    return v.state === 'missing' ? v : { ...v, unit: null };
  }
  if (value === 'conflicting')
    return {
      name,
      state: 'missing',
      sources: p.sources,
      reason: `${label}: the coded result, the interpretation flag and the text disagree (${p.original.text ?? p.original.coding?.display ?? p.original.coding?.code ?? 'see source'})`,
      why: because('result-conflicting', {
        input: inputRef(name),
        text: recordText(p.original.text ?? p.original.coding?.display ?? p.original.coding?.code ?? ''),
      }),
    };
  return {
    name,
    state: 'missing',
    sources: p.sources,
    reason: `${label} result "${value ?? p.value ?? ''}" not interpretable`,
    why: because('result-not-interpretable', { input: inputRef(name), value: value ?? p.value ?? '' }),
  };
}

/** neutrophils_10e9_l ... qtc_ms. */
export function labFacts(
  ctx: SafetyContext,
): Record<'neutrophils_10e9_l' | 'platelets_10e9_l' | 'igg_g_l' | 'alt_x_uln' | 'ast_x_uln' | 'egfr_ml_min' | 'qtc_ms', InputValue> {
  const { series, now } = ctx;
  return {
    neutrophils_10e9_l: latestNumber('neutrophils_10e9_l', series, ['lab.neutrophils'], now, 'absolute neutrophil count'),
    platelets_10e9_l: latestNumber('platelets_10e9_l', series, ['lab.platelets'], now, 'platelet count'),
    igg_g_l: latestNumber('igg_g_l', series, ['lab.igg'], now, 'serum IgG'),
    alt_x_uln: timesUln('alt_x_uln', ctx, 'lab.alt', 'ALT'),
    ast_x_uln: timesUln('ast_x_uln', ctx, 'lab.ast', 'AST'),
    egfr_ml_min: renal(ctx),
    qtc_ms: latestNumber('qtc_ms', series, ['obs.qtc'], now, 'QTc'),
  };
}
