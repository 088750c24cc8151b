/**
 * The names and entry shape of the input catalogue (catalogue.ts): model inputs come from the model
 * contract (contract/inputs.ts), safety facts are listed here; catalogue.ts and catalogue.safety.ts
 * both build on this file, so neither imports the other's types.
 */
import type { Indication } from '../../contract/indications.ts';
import type { ModelInputName } from '../../contract/inputs.ts';

export const SAFETY_NAMES = [
  'heart_failure_nyha',
  'demyelinating_disease',
  'tb_latent',
  'tb_active',
  'tb_screen_result',
  'hbv_hbsag',
  'hbv_anti_hbc',
  'jcv_antibody_status',
  'jcv_index',
  'pregnancy_current',
  'pregnancy_planned',
  'malignancy_history',
  'vte_history',
  'cv_risk',
  'live_vaccine_recent',
  'serious_infection_active',
  // Issue 10 (SAFETY_FACTS contract).
  'malignancy_active',
  'lymphoma_history',
  'cardiac_event_6m',
  'conduction_block',
  'hiv_positive',
  'hcv_active',
  'hbv_chronic',
  'diverticulitis_history',
  'interstitial_lung_disease',
  'autoimmune_other',
  'vascular_history',
  'coagulopathy_or_antithrombotic',
  'macular_oedema_risk',
  'childbearing_potential',
  'tb_prophylaxis',
  'vzv_immune',
  'neutrophils_10e9_l',
  'platelets_10e9_l',
  'igg_g_l',
  'alt_x_uln',
  'ast_x_uln',
  'egfr_ml_min',
  'qtc_ms',
  'prior_immunosuppressant',
] as const;

export type SafetyName = (typeof SAFETY_NAMES)[number];
export type InputName = ModelInputName | SafetyName;

export interface InputDefinition {
  name: InputName;
  indications: Indication[];
  meaning: string;
  /** UCUM canonical unit; null for counts, booleans, categories and dimensionless scores. */
  unit: string | null;
  kind: 'number' | 'boolean' | 'category';
  levels?: string[];
  /** How the value is derived from FHIR (clinician-readable). */
  derivation: string;
  /** Only data within this many days before now are used; null = any time. */
  lookbackDays: number | null;
  /** A value older than this is reported `stale` (still shown, not used silently); null = never stale. */
  staleAfterDays: number | null;
  /** Plausible range for numbers (outside: `implausible`). */
  range?: readonly [number, number];
  source: string;
  use: 'model' | 'safety';
  /**
   * Lasting findings: values that keep counting when `stale` (a chronic condition, a past positive test, a
   * JCV index until a newer one). FactReader lets the rules use a stale value only when it is listed here
   * ('any' = every value). The value still shows its date and a "repeat" note.
   */
  lasting?: readonly (string | number | boolean)[] | 'any';
}

/** A catalogue entry without its name and use (the record key and the table give them). */
export type Def = Omit<InputDefinition, 'name' | 'use'>;
