/**
 * The model input names: one name per input, the same in the simulator, the trainer, the ONNX input spec
 * (spec.json `inputs[].name`) and the app. The app's catalogue (src/extract/catalogue.ts) defines each one;
 * the safety facts (not model inputs) are named there only.
 */

/** Every model input name, in catalogue order. */
export const INPUT_NAMES = [
  'age_years',
  'sex_female',
  'bmi',
  'smoking_current',
  'smoking_ever',
  'disease_duration_years',
  'prior_advanced_count',
  'prior_anti_tnf',
  'prior_anti_integrin',
  'prior_anti_il12_23',
  'prior_jak',
  'prior_s1p',
  'prior_other_advanced',
  'prior_anti_tnf_primary_nonresponse',
  'prior_anti_tnf_loss_of_response',
  'prior_intolerance',
  'current_advanced_therapy',
  'current_therapy_duration_months',
  'steroids_current',
  'immunomodulator_current',
  'crp_mg_l',
  'fcal_ug_g',
  'esr_mm_h',
  'albumin_g_l',
  'haemoglobin_g_dl',
  'lymphocytes_10e9_l',
  'cd_location',
  'cd_behaviour',
  'cd_perianal',
  'prior_bowel_resection',
  'hbi',
  'cdai_cd',
  'uc_extent',
  'mayo_partial',
  'mayo_full',
  'eim_present',
  'rf_positive',
  'anti_ccp_positive',
  'das28_crp',
  'das28_esr',
  'cdai_ra',
  'sdai',
  'relapses_12m',
  'relapses_24m',
  'edss',
  'new_t2_lesions_12m',
  'gd_lesions_12m',
] as const;

/** A model input name. */
export type ModelInputName = (typeof INPUT_NAMES)[number];

const KNOWN: ReadonlySet<string> = new Set(INPUT_NAMES);

/** Whether a string is a model input name (narrows it). */
export function isModelInputName(name: string): name is ModelInputName {
  return KNOWN.has(name);
}
