/**
 * THE input catalogue: the single contract between the data layer, the models (models/, input spec) and
 * the UI. One name per input, the same everywhere (CONVENTIONS.md habit 5). `use: 'safety'` entries are
 * facts for contraindication checks, not model inputs.
 *
 * Staleness sources: STRIDE-II (Turner D et al., Gastroenterology 2021;160:1570-83) and EULAR RA
 * recommendations 2022 update (Smolen JS et al., Ann Rheum Dis 2023;82:3-18) reassess activity about every
 * 3 months -> 90 days for activity scores and inflammatory markers; MAGNIMS-CMSC-NAIMS 2021 (Wattjes MP et
 * al., Lancet Neurol 2021;20:653-70) monitoring MRI about yearly -> 365 days for EDSS.
 */
import type { Indication } from '../../contract/indications.ts';
import { INPUT_NAMES, type ModelInputName } from '../../contract/inputs.ts';
import { SAFETY_DEFINITIONS as SAFE } from './catalogue.safety.ts';

export { INPUT_NAMES, type ModelInputName };

export const SAFETY_NAMES = [
  'heart_failure_nyha', 'demyelinating_disease', 'tb_latent', 'tb_active', 'tb_screen_result', 'hbv_hbsag', 'hbv_anti_hbc',
  'jcv_antibody_status', 'jcv_index', 'pregnancy_current', 'pregnancy_planned', 'malignancy_history', 'vte_history',
  'cv_risk', 'live_vaccine_recent', 'serious_infection_active',
  // Issue 10 (SAFETY_FACTS contract).
  'malignancy_active', 'lymphoma_history', 'cardiac_event_6m', 'conduction_block', 'hiv_positive', 'hcv_active', 'hbv_chronic',
  'diverticulitis_history', 'interstitial_lung_disease', 'autoimmune_other', 'vascular_history', 'coagulopathy_or_antithrombotic',
  'macular_oedema_risk', 'childbearing_potential', 'tb_prophylaxis', 'vzv_immune',
  'neutrophils_10e9_l', 'platelets_10e9_l', 'igg_g_l', 'alt_x_uln', 'ast_x_uln', 'egfr_ml_min', 'qtc_ms',
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

const ALL: Indication[] = ['CD', 'UC', 'RA', 'RMS'];
const IBD: Indication[] = ['CD', 'UC'];
const T2T = 'STRIDE-II 2021 / EULAR 2022: activity reassessed about every 3 months';
const LAB5Y = 5 * 365;

/** A catalogue entry without its name and use (the record key and the table give them). */
export type Def = Omit<InputDefinition, 'name' | 'use'>;
const m = (d: Def): Def => d;

const MODEL: Record<ModelInputName, Def> = {
  age_years: m({ indications: ALL, meaning: 'Age in whole years', unit: 'a', kind: 'number', derivation: 'Patient.birthDate to now', lookbackDays: null, staleAfterDays: null, range: [0, 120], source: 'FHIR Patient.birthDate' }),
  sex_female: m({ indications: ALL, meaning: 'Administrative sex female', kind: 'boolean', unit: null, derivation: 'Patient.gender = female (other/unknown -> missing)', lookbackDays: null, staleAfterDays: null, source: 'FHIR Patient.gender' }),
  bmi: m({ indications: ALL, meaning: 'Body mass index', unit: 'kg/m2', kind: 'number', derivation: 'Latest LOINC 39156-5, else weight 29463-7 / height 8302-2 squared (same 2 years)', lookbackDays: 2 * 365, staleAfterDays: 365, range: [10, 90], source: 'US Core vital signs profile' }),
  smoking_current: m({ indications: ALL, meaning: 'Currently smokes tobacco', kind: 'boolean', unit: null, derivation: 'Latest smoking status (LOINC 72166-2) value in the SNOMED current-smoker codes', lookbackDays: null, staleAfterDays: 2 * 365, source: 'US Core smoking status value set' }),
  smoking_ever: m({ indications: ALL, meaning: 'Ever smoked (current or former)', kind: 'boolean', unit: null, derivation: 'Any smoking status current or ex-smoker; never-smoker -> false', lookbackDays: null, staleAfterDays: null, source: 'US Core smoking status value set' }),
  disease_duration_years: m({ indications: ALL, meaning: 'Years since onset (else first recording) of the indication', unit: 'a', kind: 'number', derivation: 'Earliest onset of the matching Condition(s); month/year precision kept', lookbackDays: null, staleAfterDays: null, range: [0, 100], source: 'indications.ts' }),
  prior_advanced_count: m({ indications: ALL, meaning: 'Number of distinct advanced therapies ever given (incl. current)', unit: null, kind: 'number', derivation: 'Distinct INNs among advanced-therapy episodes (cancelled orders excluded)', lookbackDays: null, staleAfterDays: null, range: [0, 30], source: 'terminology/drugs.ts' }),
  prior_anti_tnf: m({ indications: ALL, meaning: 'Ever exposed to an anti-TNF', kind: 'boolean', unit: null, derivation: 'Episode of infliximab, adalimumab, certolizumab pegol, golimumab or etanercept', lookbackDays: null, staleAfterDays: null, source: 'terminology/drugs.ts' }),
  prior_anti_integrin: m({ indications: ALL, meaning: 'Ever exposed to an anti-integrin (vedolizumab; natalizumab)', kind: 'boolean', unit: null, derivation: 'Episode of class anti-integrin or anti-integrin alpha4', lookbackDays: null, staleAfterDays: null, source: 'terminology/drugs.ts' }),
  prior_anti_il12_23: m({ indications: ALL, meaning: 'Ever exposed to anti-IL-12/23 or anti-IL-23', kind: 'boolean', unit: null, derivation: 'Episode of ustekinumab, risankizumab, mirikizumab or guselkumab', lookbackDays: null, staleAfterDays: null, source: 'terminology/drugs.ts' }),
  prior_jak: m({ indications: ALL, meaning: 'Ever exposed to a JAK inhibitor', kind: 'boolean', unit: null, derivation: 'Episode of tofacitinib, baricitinib, upadacitinib or filgotinib', lookbackDays: null, staleAfterDays: null, source: 'terminology/drugs.ts' }),
  prior_s1p: m({ indications: ALL, meaning: 'Ever exposed to an S1P receptor modulator', kind: 'boolean', unit: null, derivation: 'Episode of ozanimod, etrasimod, fingolimod, siponimod or ponesimod', lookbackDays: null, staleAfterDays: null, source: 'terminology/drugs.ts' }),
  prior_other_advanced: m({ indications: ALL, meaning: 'Ever exposed to another advanced therapy class', kind: 'boolean', unit: null, derivation: 'Advanced episode not in the five classes above (anti-CD20, anti-IL-6R, CTLA4-Ig, MS DMTs...)', lookbackDays: null, staleAfterDays: null, source: 'terminology/drugs.ts' }),
  prior_anti_tnf_primary_nonresponse: m({ indications: ALL, meaning: 'An anti-TNF was stopped for primary non-response', kind: 'boolean', unit: null, derivation: 'Anti-TNF episode with stop reason primary non-response (statusReason code or text)', lookbackDays: null, staleAfterDays: null, source: 'medications.ts stop-reason rules' }),
  prior_anti_tnf_loss_of_response: m({ indications: ALL, meaning: 'An anti-TNF was stopped for secondary loss of response', kind: 'boolean', unit: null, derivation: 'Anti-TNF episode with stop reason loss of response', lookbackDays: null, staleAfterDays: null, source: 'medications.ts stop-reason rules' }),
  prior_intolerance: m({ indications: ALL, meaning: 'Any advanced therapy stopped for intolerance/adverse event', kind: 'boolean', unit: null, derivation: 'Advanced episode with stop reason intolerance', lookbackDays: null, staleAfterDays: null, source: 'medications.ts stop-reason rules' }),
  current_advanced_therapy: m({ indications: ALL, meaning: 'Advanced therapy in use now (INN) or none', unit: null, kind: 'category', derivation: 'Active episode of an advanced drug; several -> the most recently started', lookbackDays: null, staleAfterDays: null, source: 'terminology/drugs.ts' }),
  current_therapy_duration_months: m({ indications: ALL, meaning: 'Months on the current advanced therapy', unit: 'mo', kind: 'number', derivation: 'now - start of the current episode', lookbackDays: null, staleAfterDays: null, range: [0, 600], source: 'medications.ts' }),
  steroids_current: m({ indications: ALL, meaning: 'Systemic/intestinal corticosteroid in use now', kind: 'boolean', unit: null, derivation: 'Active episode of prednisolone, prednisone, methylprednisolone or budesonide', lookbackDays: null, staleAfterDays: null, source: 'terminology/drugs.ts' }),
  immunomodulator_current: m({ indications: ALL, meaning: 'Thiopurine or methotrexate (or other csDMARD) in use now', kind: 'boolean', unit: null, derivation: 'Active episode of class thiopurine or csDMARD', lookbackDays: null, staleAfterDays: null, source: 'terminology/drugs.ts' }),
  crp_mg_l: m({ indications: ['CD', 'UC', 'RA'], meaning: 'C-reactive protein (standard, not high-sensitivity)', unit: 'mg/L', kind: 'number', derivation: 'Latest codes.csv lab.crp quantitative; mg/dL x10', lookbackDays: LAB5Y, staleAfterDays: 90, range: [0, 700], source: `codes.csv lab.crp; ${T2T}` }),
  fcal_ug_g: m({ indications: IBD, meaning: 'Faecal calprotectin', unit: 'ug/g', kind: 'number', derivation: 'Latest LOINC 38445-3 (ug/g = mg/kg)', lookbackDays: LAB5Y, staleAfterDays: 90, range: [0, 30000], source: `codes.csv lab.fecal_calprotectin; ${T2T}` }),
  esr_mm_h: m({ indications: ['RA'], meaning: 'Erythrocyte sedimentation rate', unit: 'mm/h', kind: 'number', derivation: 'Latest codes.csv lab.esr', lookbackDays: LAB5Y, staleAfterDays: 90, range: [0, 200], source: `codes.csv lab.esr; ${T2T}` }),
  albumin_g_l: m({ indications: IBD, meaning: 'Serum albumin', unit: 'g/L', kind: 'number', derivation: 'Latest codes.csv lab.albumin; molar via 66,472 g/mol', lookbackDays: LAB5Y, staleAfterDays: 180, range: [5, 80], source: 'codes.csv lab.albumin; vedolizumab CDST uses albumin (Dulai PS et al., Gastroenterology 2018)' }),
  haemoglobin_g_dl: m({ indications: ['CD', 'UC', 'RA'], meaning: 'Haemoglobin', unit: 'g/dL', kind: 'number', derivation: 'Latest codes.csv lab.hemoglobin; mmol/L x 1.611', lookbackDays: LAB5Y, staleAfterDays: 180, range: [3, 25], source: 'codes.csv lab.hemoglobin; units.ts' }),
  lymphocytes_10e9_l: m({ indications: ALL, meaning: 'Absolute lymphocyte count', unit: '10*9/L', kind: 'number', derivation: 'Latest 731-0 / 26474-7 (not the % code 736-9); /nL = 10*3/uL = 10*9/L', lookbackDays: LAB5Y, staleAfterDays: 180, range: [0, 400], source: 'codes.csv lab.lymphocytes; S1P/cladribine labels require lymphocyte counts' }),
  cd_location: m({ indications: ['CD'], meaning: 'Montreal location', unit: null, kind: 'category', levels: ['L1', 'L2', 'L3', 'L4'], derivation: 'Local Montreal observation, else the diagnosis code (ileum -> L1, large bowel -> L2, both -> L3, upper GI -> L4)', lookbackDays: null, staleAfterDays: null, source: 'Montreal classification (Silverberg MS et al., Can J Gastroenterol 2005;19 Suppl A:5A-36A)' }),
  cd_behaviour: m({ indications: ['CD'], meaning: 'Montreal behaviour', unit: null, kind: 'category', levels: ['B1', 'B2', 'B3'], derivation: 'Local Montreal observation (worst recorded)', lookbackDays: null, staleAfterDays: null, source: 'Montreal classification 2005' }),
  cd_perianal: m({ indications: ['CD'], meaning: 'Perianal disease modifier (p)', kind: 'boolean', unit: null, derivation: 'Perianal/anal-canal Crohn diagnosis (SNOMED 235796008, 721702009) or Montreal "p"', lookbackDays: null, staleAfterDays: null, source: 'Montreal classification 2005; codes.csv dx.crohns_disease' }),
  prior_bowel_resection: m({ indications: ['CD'], meaning: 'Previous intestinal resection', kind: 'boolean', unit: null, derivation: 'Procedure with a bowel-resection code or text (completed)', lookbackDays: null, staleAfterDays: null, source: 'terminology/local.ts proc.bowel_resection' }),
  hbi: m({ indications: ['CD'], meaning: 'Harvey-Bradshaw Index', unit: null, kind: 'number', derivation: 'Latest recorded HBI (local code hbi)', lookbackDays: 5 * 365, staleAfterDays: 90, range: [0, 60], source: `Harvey RF, Bradshaw JM, Lancet 1980;1:514; ${T2T}` }),
  cdai_cd: m({ indications: ['CD'], meaning: "Crohn's Disease Activity Index", unit: null, kind: 'number', derivation: 'Latest recorded CDAI (local code cdai-cd)', lookbackDays: 5 * 365, staleAfterDays: 90, range: [0, 700], source: `Best WR et al., Gastroenterology 1976;70:439-44; ${T2T}` }),
  uc_extent: m({ indications: ['UC'], meaning: 'Montreal extent', unit: null, kind: 'category', levels: ['E1', 'E2', 'E3'], derivation: 'Local Montreal observation, else diagnosis code (proctitis E1, left-sided/rectosigmoid E2, pancolitis E3)', lookbackDays: null, staleAfterDays: null, source: 'Montreal classification 2005' }),
  mayo_partial: m({ indications: ['UC'], meaning: 'Partial Mayo score (0-9)', unit: null, kind: 'number', derivation: 'Latest recorded (local code mayo-partial)', lookbackDays: 5 * 365, staleAfterDays: 90, range: [0, 9], source: `Lewis JD et al., Inflamm Bowel Dis 2008;14:1660-6; ${T2T}` }),
  mayo_full: m({ indications: ['UC'], meaning: 'Full Mayo score (0-12)', unit: null, kind: 'number', derivation: 'Latest recorded (local code mayo-full)', lookbackDays: 5 * 365, staleAfterDays: 90, range: [0, 12], source: `Schroeder KW et al., N Engl J Med 1987;317:1625-9; ${T2T}` }),
  eim_present: m({ indications: IBD, meaning: 'Extra-intestinal manifestation recorded', kind: 'boolean', unit: null, derivation: 'Active Condition coded as erythema nodosum, pyoderma, uveitis, PSC, axial/peripheral arthritis', lookbackDays: null, staleAfterDays: null, source: 'ECCO EIM consensus (Harbord M et al., J Crohns Colitis 2016;10:239-54)' }),
  rf_positive: m({ indications: ['RA'], meaning: 'Rheumatoid factor positive', kind: 'boolean', unit: null, derivation: 'Latest RF: qualitative positive, interpretation H/POS, or > 20 IU/mL; seropositive RA diagnosis code if no test', lookbackDays: null, staleAfterDays: null, source: '2010 ACR/EULAR RA criteria (Aletaha D et al., Arthritis Rheum 2010;62:2569-81)' }),
  anti_ccp_positive: m({ indications: ['RA'], meaning: 'Anti-CCP positive', kind: 'boolean', unit: null, derivation: 'Latest anti-CCP: qualitative positive, interpretation H/POS, or > 20 U/mL', lookbackDays: null, staleAfterDays: null, source: '2010 ACR/EULAR RA criteria' }),
  das28_crp: m({ indications: ['RA'], meaning: 'DAS28-CRP', unit: null, kind: 'number', derivation: 'Latest recorded (local code das28-crp)', lookbackDays: 5 * 365, staleAfterDays: 90, range: [0, 10], source: `Prevoo MLL et al., Arthritis Rheum 1995;38:44-8; ${T2T}` }),
  das28_esr: m({ indications: ['RA'], meaning: 'DAS28-ESR', unit: null, kind: 'number', derivation: 'Latest recorded (local code das28-esr)', lookbackDays: 5 * 365, staleAfterDays: 90, range: [0, 10], source: `Prevoo 1995; ${T2T}` }),
  cdai_ra: m({ indications: ['RA'], meaning: 'Clinical Disease Activity Index (RA, 0-76)', unit: null, kind: 'number', derivation: 'Latest LOINC 75847-4', lookbackDays: 5 * 365, staleAfterDays: 90, range: [0, 76], source: `codes.csv score.cdai_ra; Aletaha D, Smolen JS, Clin Exp Rheumatol 2005;23:S100-8` }),
  sdai: m({ indications: ['RA'], meaning: 'Simplified Disease Activity Index (0-86)', unit: null, kind: 'number', derivation: 'Latest LOINC 75845-8', lookbackDays: 5 * 365, staleAfterDays: 90, range: [0, 86], source: 'codes.csv score.sdai_ra; Smolen JS et al., Rheumatology 2003;42:244-57' }),
  relapses_12m: m({ indications: ['RMS'], meaning: 'Clinical relapses in the last 12 months', unit: null, kind: 'number', derivation: 'Distinct relapse events (Condition 192929006/G35.11 onset, or local ms-relapse observation) >30 days apart', lookbackDays: 365, staleAfterDays: null, range: [0, 20], source: 'McDonald 2017 relapse definition (Thompson AJ et al., Lancet Neurol 2018;17:162-73)' }),
  relapses_24m: m({ indications: ['RMS'], meaning: 'Clinical relapses in the last 24 months', unit: null, kind: 'number', derivation: 'As relapses_12m over 730 days', lookbackDays: 730, staleAfterDays: null, range: [0, 30], source: 'McDonald 2017' }),
  edss: m({ indications: ['RMS'], meaning: 'Expanded Disability Status Scale (0-10)', unit: null, kind: 'number', derivation: 'Latest recorded EDSS (local code edss)', lookbackDays: 5 * 365, staleAfterDays: 365, range: [0, 10], source: 'Kurtzke JF, Neurology 1983;33:1444-52; MAGNIMS 2021 yearly review' }),
  new_t2_lesions_12m: m({ indications: ['RMS'], meaning: 'New/enlarging T2 lesions on MRI in the last 12 months', unit: null, kind: 'number', derivation: 'Sum over MRI reports (local code mri-new-t2-lesions) dated within 365 days', lookbackDays: 365, staleAfterDays: null, range: [0, 200], source: 'MAGNIMS-CMSC-NAIMS 2021' }),
  gd_lesions_12m: m({ indications: ['RMS'], meaning: 'Gadolinium-enhancing lesions in the last 12 months (max per scan)', unit: null, kind: 'number', derivation: 'Max over MRI reports (local code mri-gd-lesions) within 365 days', lookbackDays: 365, staleAfterDays: null, range: [0, 200], source: 'MAGNIMS-CMSC-NAIMS 2021' }),
};


export const CATALOGUE: readonly InputDefinition[] = [
  ...INPUT_NAMES.map((name) => ({ name, use: 'model' as const, ...MODEL[name] })),
  ...SAFETY_NAMES.map((name) => ({ name, use: 'safety' as const, ...SAFE[name] })),
];

export const CATALOGUE_BY_NAME: Readonly<Record<InputName, InputDefinition>> =
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- built from CATALOGUE, which has every InputName by construction
  Object.fromEntries(CATALOGUE.map((d) => [d.name, d])) as Record<InputName, InputDefinition>;

/** The model inputs that apply to an indication, in catalogue order. */
export function inputsFor(indication: Indication): InputDefinition[] {
  return CATALOGUE.filter((d) => d.use === 'model' && d.indications.includes(indication));
}
