/**
 * Which searches each input depends on, and what a failed search does to it: a "none"/false/0 read from a
 * record whose search failed is not evidence of absence, so it becomes `missing` naming the search; a count is
 * only a lower bound, so it becomes `missing` too; a positive finding stays (the record did say it) with a
 * note that the record may hold more. Safety facts built on conditions already apply this in safety/context.ts;
 * this pass covers everything else (model inputs from medications, procedures and observations).
 */
import { because, inputRef, joinReasons, type Reason } from './reasons.ts';
import type { InputName } from './catalogue.ts';
import type { Coverage, DataKind } from './coverage.ts';
import type { InputValue } from './values.ts';

const MEDS: DataKind[] = ['medications'];
const COND: DataKind[] = ['conditions'];
const obs = (...concepts: string[]): DataKind[] => concepts.map((c) => `obs:${c}` as const);

export const DEPENDS_ON: Partial<Record<InputName, readonly DataKind[]>> = {
  prior_advanced_count: MEDS,
  prior_anti_tnf: MEDS,
  prior_anti_integrin: MEDS,
  prior_anti_il12_23: MEDS,
  prior_jak: MEDS,
  prior_s1p: MEDS,
  prior_other_advanced: MEDS,
  prior_anti_tnf_primary_nonresponse: MEDS,
  prior_anti_tnf_loss_of_response: MEDS,
  prior_intolerance: MEDS,
  current_advanced_therapy: MEDS,
  current_therapy_duration_months: MEDS,
  steroids_current: MEDS,
  immunomodulator_current: MEDS,
  disease_duration_years: COND,
  cd_location: [...COND, ...obs('obs.cd_location')],
  cd_behaviour: [...COND, ...obs('obs.cd_behaviour')],
  cd_perianal: COND,
  uc_extent: [...COND, ...obs('obs.uc_extent')],
  eim_present: COND,
  prior_bowel_resection: ['procedures'],
  relapses_12m: [...COND, ...obs('obs.ms_relapse')],
  relapses_24m: [...COND, ...obs('obs.ms_relapse')],
  rf_positive: obs('lab.rheumatoid_factor'),
  anti_ccp_positive: obs('lab.anti_ccp'),
  crp_mg_l: obs('lab.crp'),
  fcal_ug_g: obs('lab.fecal_calprotectin'),
  esr_mm_h: obs('lab.esr'),
  albumin_g_l: obs('lab.albumin'),
  haemoglobin_g_dl: obs('lab.hemoglobin'),
  lymphocytes_10e9_l: obs('lab.lymphocytes'),
  bmi: obs('vital.bmi', 'vital.body_weight', 'vital.body_height'),
  smoking_current: obs('social.smoking_status'),
  smoking_ever: obs('social.smoking_status'),
  hbi: obs('score.harvey_bradshaw'),
  cdai_cd: obs('score.cdai_cd'),
  mayo_partial: obs('score.mayo_partial'),
  mayo_full: obs('score.mayo_full'),
  das28_crp: obs('score.das28_crp'),
  das28_esr: obs('score.das28_esr'),
  cdai_ra: obs('score.cdai_ra'),
  sdai: obs('score.sdai_ra'),
  edss: obs('score.edss'),
  new_t2_lesions_12m: obs('obs.mri_new_t2'),
  gd_lesions_12m: obs('obs.mri_gd'),
  // Safety facts (condition-only facts handle a failed Condition search themselves; listed for the other sources).
  heart_failure_nyha: [...COND, ...obs('obs.nyha')],
  tb_latent: [...COND, ...obs('lab.igra_tb', 'lab.tst')],
  tb_active: COND,
  tb_screen_result: obs('lab.igra_tb', 'lab.tst'),
  hbv_hbsag: obs('lab.hbsag'),
  hbv_anti_hbc: obs('lab.anti_hbc'),
  jcv_antibody_status: obs('lab.jcv_antibody', 'lab.jcv_index'),
  jcv_index: obs('lab.jcv_index'),
  // pregnancy_current, pregnancy_planned and childbearing_potential apply failed searches themselves
  // (safety/person.ts): a "false" from male sex or age does not depend on any search.
  hiv_positive: [...COND, ...obs('lab.hiv')],
  hcv_active: [...COND, ...obs('lab.hcv_rna', 'lab.hcv_ab')],
  vzv_immune: [...COND, 'immunizations', ...obs('lab.vzv_igg')],
  live_vaccine_recent: ['immunizations'],
  conduction_block: [...COND, 'procedures'],
  cv_risk: COND,
  neutrophils_10e9_l: obs('lab.neutrophils'),
  platelets_10e9_l: obs('lab.platelets'),
  igg_g_l: obs('lab.igg'),
  alt_x_uln: obs('lab.alt'),
  ast_x_uln: obs('lab.ast'),
  egfr_ml_min: obs('lab.egfr', 'lab.creatinine_clearance'),
  qtc_ms: obs('obs.qtc'),
  tb_prophylaxis: MEDS,
  prior_immunosuppressant: MEDS,
  coagulopathy_or_antithrombotic: [...COND, ...MEDS],
};

/** Counts: any number read from a partial record is only a lower bound. */
const COUNTS = new Set<InputName>(['prior_advanced_count', 'relapses_12m', 'relapses_24m', 'new_t2_lesions_12m']);
/** Inputs whose 0 means "none" (no heart failure; no current therapy). */
const ZERO_MEANS_NONE = new Set<InputName>(['heart_failure_nyha', 'current_therapy_duration_months']);

function meansNone(name: InputName, value: unknown): boolean {
  return value === false || value === 'none' || value === 'negative' || (value === 0 && ZERO_MEANS_NONE.has(name));
}

/** `{ why }` when the reason is typed (and, for a composite, every part of it was), else nothing. */
function whyOf(why: Reason | undefined, complete = true): { why?: Reason } {
  return why && complete ? { why } : {};
}

/**
 * A "none" or a count from a kind of data the EHR shares only in part (no MedicationStatement, but
 * MedicationRequest: ./readPlan.ts) stays, with a note naming the type not shared: the medication history is
 * read from what the EHR does share, and the reader sees where it comes from. A positive finding is kept as it is.
 */
function partlyRead(name: InputName, v: InputValue, kinds: readonly DataKind[], coverage: Coverage): InputValue {
  const kind = kinds.find((k) => coverage.partial(k) !== undefined);
  if (kind === undefined || (v.state !== 'ok' && v.state !== 'stale')) return v;
  if (!COUNTS.has(name) && !meansNone(name, v.value)) return v;
  const reason = coverage.partial(kind) ?? '';
  const why = coverage.partialWhy(kind);
  const more = why && because('may-hold-more', { cause: why });
  return {
    ...v,
    note: v.note ? `${v.note}; ${reason}: the record may hold more` : `${reason}: the record may hold more`,
    ...(more && (!v.note || v.noteWhy) ? { noteWhy: joinReasons(v.noteWhy, more) } : {}),
  };
}

/**
 * Apply the failed searches to derived inputs (see module comment).
 * @returns a new record; inputs not depending on a failed search are returned unchanged
 */
export function applyCoverage(inputs: Record<InputName, InputValue>, coverage: Coverage): Record<InputName, InputValue> {
  if (coverage.failures.length === 0 && coverage.gaps.length === 0 && coverage.partials.length === 0) return inputs;
  const out = { ...inputs };
  for (const [name, kinds] of Object.entries(DEPENDS_ON) as Array<[InputName, readonly DataKind[]]>) {
    const failedKind = kinds.find((k) => coverage.failed(k) !== undefined);
    const reason = failedKind === undefined ? undefined : coverage.failed(failedKind);
    const why = failedKind === undefined ? undefined : coverage.failedWhy(failedKind);
    const v = out[name];
    if (!reason) {
      out[name] = partlyRead(name, v, kinds, coverage);
      continue;
    }
    if (v.state === 'missing') {
      if (!v.reason.includes('search failed') && !v.reason.includes('does not share'))
        out[name] = { ...v, reason: `${reason}; ${v.reason}`, ...whyOf(joinReasons(why, v.why), v.why !== undefined) };
      continue;
    }
    if (v.state === 'unknown-unit') continue;
    if (COUNTS.has(name))
      out[name] = {
        name,
        state: 'missing',
        sources: v.sources,
        reason: `${reason}: only a lower bound is known (at least ${String(v.value)})`,
        ...whyOf(why && because('lower-bound-only', { cause: why, value: String(v.value) })),
      };
    else if (meansNone(name, v.value))
      out[name] = {
        name,
        state: 'missing',
        sources: v.sources,
        reason: `${reason}: "${String(v.value)}" cannot be assumed`,
        ...whyOf(why && because('cannot-assume', { cause: why, input: inputRef(name) })),
      };
    else {
      const more = why && because('may-hold-more', { cause: why });
      out[name] = {
        ...v,
        note: v.note ? `${v.note}; ${reason}: the record may hold more` : `${reason}: the record may hold more`,
        ...(more && (!v.note || v.noteWhy) ? { noteWhy: joinReasons(v.noteWhy, more) } : {}),
      };
    }
  }
  return out;
}
