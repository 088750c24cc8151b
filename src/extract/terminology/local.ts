/**
 * Codes the app needs that codes.csv does not list: vital signs, smoking, pregnancy status, safety
 * conditions, live vaccines, and the app's own local codes for scores without a LOINC code
 * (terminology/README.md: "Scores the app computes or records need a documented local code system").
 * Each row names its source; rows recalled from the standard but not checked against a release are
 * marked `secondary` or `unverified`, as in codes.csv.
 */
import type { CodeRow } from './types.ts';
import { SYSTEMS } from '../../../contract/systems.ts';
import { SAFETY_ICD10_PREFIXES, SAFETY_ROWS } from './safetyCodes.ts';

const USCORE_VITALS = 'verified: US Core 6.1 / FHIR R4 vital signs profile (LOINC code fixed by the profile); Synthea bundles in tests/fixtures/fhir-examples';
const USCORE_SMOKING = 'secondary: US Core 3.1.1 Smoking Status value set (SNOMED CT); 266919005 seen in the Synthea bundles';
const SNOMED_RECALLED = 'secondary: SNOMED CT concept as used by Synthea modules / IPS problem list examples; re-check in a SNOMED browser';
const CVX = 'secondary: CDC CVX code table (live attenuated vaccines); system http://hl7.org/fhir/sid/cvx';
const LOCAL = 'local: Therapy Navigator score code system (no LOINC code found, terminology/codes.csv score.* rows)';

const SCT = SYSTEMS.snomed;
const LN = SYSTEMS.loinc;
const LO = SYSTEMS.local;
export const CVX_SYSTEM = SYSTEMS.cvx;

function rows(concept: string, system: string, source: string, codes: Array<[string, string]>): CodeRow[] {
  return codes.map(([code, display]) => ({ concept, system, code, display, verifiedSource: source }));
}

export const LOCAL_ROWS: readonly CodeRow[] = [
  ...rows('vital.bmi', LN, USCORE_VITALS, [['39156-5', 'Body mass index (BMI) [Ratio]']]),
  ...rows('vital.body_weight', LN, USCORE_VITALS, [['29463-7', 'Body weight']]),
  ...rows('vital.body_height', LN, USCORE_VITALS, [['8302-2', 'Body height']]),
  ...rows('social.smoking_status', LN, USCORE_SMOKING, [
    ['72166-2', 'Tobacco smoking status'],
    ['11367-0', 'History of tobacco use'],
  ]),
  ...rows('smoking.current', SCT, USCORE_SMOKING, [
    ['449868002', 'Smokes tobacco daily'],
    ['428041000124106', 'Occasional tobacco smoker'],
    ['77176002', 'Smoker'],
    ['65568007', 'Cigarette smoker'],
    ['428071000124103', 'Current Heavy tobacco smoker'],
    ['428061000124105', 'Current Light tobacco smoker'],
  ]),
  ...rows('smoking.former', SCT, USCORE_SMOKING, [['8517006', 'Ex-smoker']]),
  ...rows('smoking.never', SCT, USCORE_SMOKING, [['266919005', 'Never smoked tobacco']]),
  ...rows('obs.pregnancy_status', LN, 'secondary: US Core / IPS pregnancy status observation (LOINC 82810-3)', [['82810-3', 'Pregnancy status']]),
  ...rows('finding.pregnant', SCT, SNOMED_RECALLED, [['77386006', 'Pregnant']]),
  ...rows('finding.not_pregnant', SCT, SNOMED_RECALLED, [['60001007', 'Not pregnant']]),
  ...rows('finding.pregnancy_planned', SCT, 'unverified: SNOMED CT "Planning pregnancy" recalled; text fallback applies', [
    ['169564008', 'Planning pregnancy'],
  ]),
  // Safety conditions (SNOMED). ICD-10 chapters for the same facts are in safetyIcd.ts-style prefixes below.
  ...rows('dx.heart_failure', SCT, SNOMED_RECALLED, [
    ['84114007', 'Heart failure'],
    ['88805009', 'Chronic congestive heart failure'],
    ['42343007', 'Congestive heart failure'],
  ]),
  ...rows('dx.demyelinating', SCT, SNOMED_RECALLED, [
    ['6118003', 'Demyelinating disease of central nervous system'],
    ['25044007', 'Neuromyelitis optica'],
    ['66760008', 'Optic neuritis'],
  ]),
  ...rows('dx.tb_active', SCT, SNOMED_RECALLED, [
    ['56717001', 'Tuberculosis'],
    ['154283005', 'Pulmonary tuberculosis'],
  ]),
  ...rows('dx.tb_latent', SCT, 'unverified: SNOMED CT latent tuberculosis concept recalled', [['11999007', 'Inactive tuberculosis']]),
  ...rows('dx.hbv', SCT, SNOMED_RECALLED, [
    ['61977001', 'Chronic type B viral hepatitis'],
    ['66071002', 'Viral hepatitis type B'],
  ]),
  ...rows('dx.malignancy', SCT, SNOMED_RECALLED, [
    ['363346000', 'Malignant neoplastic disease'],
    ['254637007', 'Non-small cell lung cancer'],
    ['254837009', 'Malignant neoplasm of breast'],
    ['363406005', 'Malignant neoplasm of colon'],
    ['126906006', 'Neoplasm of prostate'],
    ['93761005', 'Primary malignant neoplasm of colon'],
    ['372130007', 'Malignant neoplasm of skin'],
  ]),
  ...rows('dx.vte', SCT, SNOMED_RECALLED, [
    ['128053003', 'Deep venous thrombosis'],
    ['59282003', 'Pulmonary embolism'],
    ['429098002', 'Thromboembolism of vein'],
  ]),
  ...rows('dx.hypertension', SCT, SNOMED_RECALLED, [
    ['38341003', 'Hypertensive disorder'],
    ['59621000', 'Essential hypertension'],
  ]),
  ...rows('dx.diabetes', SCT, SNOMED_RECALLED, [
    ['73211009', 'Diabetes mellitus'],
    ['44054006', 'Diabetes mellitus type 2'],
    ['46635009', 'Diabetes mellitus type 1'],
  ]),
  ...rows('dx.myocardial_infarction', SCT, SNOMED_RECALLED, [
    ['22298006', 'Myocardial infarction'],
    ['401303003', 'Acute ST segment elevation myocardial infarction'],
    ['401314000', 'Acute non-ST segment elevation myocardial infarction'],
    ['399211009', 'History of myocardial infarction'],
  ]),
  ...rows('dx.stroke', SCT, SNOMED_RECALLED, [
    ['230690007', 'Cerebrovascular accident'],
    ['422504002', 'Ischemic stroke'],
  ]),
  ...rows('dx.serious_infection', SCT, SNOMED_RECALLED, [
    ['91302008', 'Sepsis'],
    ['233604007', 'Pneumonia'],
    ['128045006', 'Cellulitis'],
  ]),
  ...rows('dx.eim', SCT, 'unverified: SNOMED CT extra-intestinal manifestation concepts recalled; ICD-10 chapters used in addition', [
    ['77628002', 'Erythema nodosum'],
    ['74578003', 'Pyoderma gangrenosum'],
    ['9826008', 'Conjunctivitis'],
    ['128473001', 'Uveitis'],
    ['197441003', 'Primary sclerosing cholangitis'],
    ['9631008', 'Ankylosing spondylitis'],
    ['3723001', 'Arthritis'],
  ]),
  ...rows('proc.bowel_resection', SCT, 'unverified: SNOMED CT procedure concepts recalled; text fallback applies', [
    ['23968004', 'Colectomy'],
    ['26390003', 'Total colectomy'],
    ['43075005', 'Partial resection of colon'],
    ['359571009', 'Ileocolectomy'],
    ['276190007', 'Ileocolic resection'],
    ['235326000', 'Resection of small intestine'],
    ['36192008', 'Proctocolectomy'],
  ]),
  ...rows('lab.tst', LN, 'unverified: LOINC tuberculin skin test reaction code recalled', [['1648-5', 'Tuberculosis reaction wheal 3D p 5 TU ID']]),
  ...rows('obs.nyha', LN, 'secondary: LOINC 88020-3 Functional capacity NYHA, as in HL7 heart-failure examples', [['88020-3', 'Functional capacity NYHA']]),
  ...rows('vaccine.live', CVX_SYSTEM, CVX, [
    ['03', 'MMR'],
    ['94', 'MMRV'],
    ['21', 'varicella'],
    ['121', 'zoster live'],
    ['37', 'yellow fever'],
    ['19', 'BCG'],
    ['25', 'typhoid, oral'],
    ['111', 'influenza, live, intranasal'],
    ['149', 'influenza, live, intranasal, quadrivalent'],
    ['116', 'rotavirus, pentavalent'],
    ['119', 'rotavirus, monovalent'],
    ['122', 'rotavirus, unspecified'],
    ['174', 'cholera, live attenuated'],
  ]),
  // Local score codes: the app's own code system. The demo fixtures and any EHR mapping must use these.
  ...rows('score.harvey_bradshaw', LO, LOCAL, [['hbi', 'Harvey-Bradshaw Index']]),
  ...rows('score.cdai_cd', LO, LOCAL, [['cdai-cd', "Crohn's Disease Activity Index"]]),
  ...rows('score.mayo_partial', LO, LOCAL, [['mayo-partial', 'Partial Mayo score (no endoscopy)']]),
  ...rows('score.mayo_full', LO, LOCAL, [['mayo-full', 'Full Mayo score']]),
  ...rows('score.das28_crp', LO, LOCAL, [['das28-crp', 'DAS28-CRP']]),
  ...rows('score.das28_esr', LO, LOCAL, [['das28-esr', 'DAS28-ESR']]),
  ...rows('score.cdai_ra', LO, LOCAL, [['cdai-ra', 'Clinical Disease Activity Index (RA)']]),
  ...rows('score.sdai_ra', LO, LOCAL, [['sdai', 'Simplified Disease Activity Index']]),
  ...rows('score.edss', LO, LOCAL, [['edss', 'Expanded Disability Status Scale']]),
  ...rows('obs.cd_location', LO, LOCAL, [['montreal-cd-location', 'Montreal CD location (L1-L4)']]),
  ...rows('obs.cd_behaviour', LO, LOCAL, [['montreal-cd-behaviour', 'Montreal CD behaviour (B1-B3)']]),
  ...rows('obs.uc_extent', LO, LOCAL, [['montreal-uc-extent', 'Montreal UC extent (E1-E3)']]),
  ...rows('obs.mri_new_t2', LO, LOCAL, [['mri-new-t2-lesions', 'New or enlarging T2 lesions vs previous MRI']]),
  ...rows('obs.mri_gd', LO, LOCAL, [['mri-gd-lesions', 'Gadolinium-enhancing lesions']]),
  ...rows('obs.ms_relapse', LO, LOCAL, [['ms-relapse', 'MS relapse (clinical event)']]),
  ...SAFETY_ROWS,
];

/**
 * ICD-10 category prefixes (3-character categories, valid in WHO, CM and GM: the editions share the
 * categories and differ below them; WHO ICD-10 2019 tabular list). Matching is by prefix on any ICD-10
 * edition, never on a sub-code's edition-specific meaning.
 */
const BASE_ICD10_PREFIXES: Record<string, readonly string[]> = {
  'dx.heart_failure': ['I50'],
  'dx.demyelinating': ['G35', 'G36', 'G37'],
  'dx.tb_active': ['A15', 'A16', 'A17', 'A18', 'A19'],
  'dx.tb_latent': ['Z22.7', 'R76.1'],
  'dx.hbv': ['B16', 'B18.0', 'B18.1'],
  'dx.malignancy': ['C'],
  'dx.vte': ['I26', 'I80', 'I82'],
  'dx.hypertension': ['I10', 'I11', 'I12', 'I13', 'I15'],
  'dx.diabetes': ['E10', 'E11', 'E12', 'E13', 'E14'],
  'dx.myocardial_infarction': ['I21', 'I22', 'I25.2'],
  'dx.stroke': ['I60', 'I61', 'I63', 'I64'],
  'dx.serious_infection': ['A40', 'A41', 'J13', 'J14', 'J15', 'J18'],
  'dx.eim': ['L52', 'L88', 'H20', 'K83.0', 'M45'],
  'finding.pregnant': ['Z33', 'O'],
};

/** The base prefixes merged with the safety-fact prefixes of safetyCodes.ts (same concept: lists joined). */
export const ICD10_PREFIXES: Record<string, readonly string[]> = Object.fromEntries(
  [...new Set([...Object.keys(BASE_ICD10_PREFIXES), ...Object.keys(SAFETY_ICD10_PREFIXES)])].map((k) => [
    k,
    [...(BASE_ICD10_PREFIXES[k] ?? []), ...(SAFETY_ICD10_PREFIXES[k] ?? [])],
  ]),
);
