/** Shared test helpers: paths and the committed artefacts. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSpec } from '@contract/spec.ts';
import type { ModelSpec } from '@contract/spec.ts';
import type { Indication } from '@models/src/simulate/types.ts';

export const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../models');

/** Reads and validates a committed spec and its ONNX bytes. */
export function loadArtefacts(ind: Indication): { spec: ModelSpec; bytes: Uint8Array } {
  const spec = validateSpec(JSON.parse(readFileSync(join(MODELS_DIR, ind, 'spec.json'), 'utf8')));
  const buf = readFileSync(join(MODELS_DIR, ind, 'model.onnx'));
  return { spec, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
}

/** The input catalogue agreed with the data layer (src/extract/catalogue.ts). */
export const CATALOGUE = [
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
];

/** calibration.csv as text (drug names and row ids are checked against it). */
export const CALIBRATION_CSV = readFileSync(join(MODELS_DIR, 'evidence', 'calibration.csv'), 'utf8');
