/**
 * Code tables for the simulator -> FHIR exporter. Every code is the one the hand-written sandbox bundles use
 * (sandbox/fixtures/gen/codes.mjs) and the data layer reads (src/extract/terminology). "row N" means the line
 * of terminology/codes.csv (header = line 1); codes not in codes.csv name their source, as in the
 * "Code provenance" table of sandbox/fixtures/README.md.
 */
import type { Coding } from 'fhir/r4';

export const SYS = {
  sct: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  atc: 'http://www.whocc.no/atc',
  atcDe: 'http://fhir.de/CodeSystem/bfarm/atc',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10gm: 'http://fhir.de/CodeSystem/bfarm/icd-10-gm',
  condClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  condVer: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  condCat: 'http://terminology.hl7.org/CodeSystem/condition-category',
  obsCat: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interp: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  kbvDiagSicherheit: 'https://fhir.kbv.de/CodeSystem/KBV_CS_SFHIR_ICD_DIAGNOSESICHERHEIT',
  /** Project-local score codes (src/extract/terminology/local.ts LOCAL_ROWS; sandbox/fixtures/README.md). */
  scores: 'https://therapy-navigator.example.org/fhir/CodeSystem/scores',
  /** Project-local stop reasons (sandbox/fixtures/gen/codes.mjs STOP; src/extract/medications.ts STOP_LOCAL). */
  stopReason: 'https://therapy-navigator.example.org/fhir/CodeSystem/therapy-stop-reason',
} as const;

const L = (code: string, display: string): Coding => ({ system: SYS.loinc, code, display });
const S = (code: string, display: string): Coding => ({ system: SYS.sct, code, display });
const LOCAL = (code: string, display: string): Coding => ({ system: SYS.scores, code, display });

/** LOINC codes (codes.csv rows as noted; the vital-sign and smoking codes from the FHIR R4 vital-signs / US Core profiles). */
export const LOINC = {
  crp: L('1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma'), // row 107
  esr: L('4537-7', 'Erythrocyte sedimentation rate by Westergren method'), // row 113
  fcal: L('38445-3', 'Calprotectin [Mass/mass] in Stool'), // row 116
  albumin: L('1751-7', 'Albumin [Mass/volume] in Serum or Plasma'), // row 117
  hgb: L('718-7', 'Hemoglobin [Mass/volume] in Blood'), // row 120
  hgbMol: L('59260-0', 'Hemoglobin [Moles/volume] in Blood'), // row 121
  lymph: L('731-0', 'Lymphocytes [#/volume] in Blood by Automated count'), // row 126
  lymphMii: L('26474-7', 'Lymphocytes [#/volume] in Blood'), // row 127
  wbc: L('6690-2', 'Leukocytes [#/volume] in Blood by Automated count'), // codes.csv lab.wbc
  wbcMii: L('26464-8', 'Leukocytes [#/volume] in Blood'), // codes.csv lab.wbc (MII bundles, /nL)
  platelets: L('777-3', 'Platelets [#/volume] in Blood by Automated count'), // codes.csv lab.platelets
  alt: L('1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma'), // codes.csv lab.alt
  creaMass: L('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma'), // codes.csv lab.creatinine (mg/dL)
  creaMol: L('14682-9', 'Creatinine [Moles/volume] in Serum or Plasma'), // codes.csv lab.creatinine (umol/L)
  rf: L('11572-5', 'Rheumatoid factor [Units/volume] in Serum'), // row 131
  ccp: L('53027-9', 'Cyclic citrullinated peptide Ab [Units/volume] in Serum'), // row 134
  jcvIndex: L('100977-8', 'JC virus Ab index'), // row 138 (secondary)
  hbsag: L('5195-3', 'Hepatitis B virus surface Ag [Presence] in Serum'), // row 141
  antiHbc: L('16933-4', 'Hepatitis B virus core Ab [Presence] in Serum'), // row 143
  igra: L('71773-6', 'M tuberculosis stimulated gamma interferon [Interpretation] in Blood Qualitative'), // row 146 (secondary)
  hcgUrine: L('2106-3', 'Choriogonadotropin (pregnancy test) [Presence] in Urine'), // row 150
  tjc: L('88981-6', 'Tender joint count (CDAI component)'), // codes.csv score.cdai_ra rows
  sjc: L('88980-8', 'Swollen joint count (CDAI component)'),
  ptga: L('75894-6', 'Patient global assessment of disease activity (CDAI component)'),
  ega: L('75846-6', 'Evaluator global assessment of disease activity (CDAI component)'),
  nyha: L('88020-3', 'Functional capacity NYHA'), // src/extract/terminology/local.ts obs.nyha (secondary)
  weight: L('29463-7', 'Body weight'),
  height: L('8302-2', 'Body height'),
  bmi: L('39156-5', 'Body mass index (BMI) [Ratio]'),
  smoking: L('72166-2', 'Tobacco smoking status'),
};

/** SNOMED CT codes (codes.csv rows, or src/extract/terminology/local.ts rows with the status noted there). */
export const SNOMED = {
  cd: S('34000006', "Crohn's disease (disorder)"), // row 2
  cdPerianal: S('235796008', "Perianal Crohn's disease (disorder)"), // row 7
  uc: S('64766004', 'Ulcerative colitis (disorder)'), // row 25
  ucProctitis: S('52231000', 'Chronic ulcerative proctitis (disorder)'), // row 28
  ucLeft: S('445243001', 'Left sided ulcerative colitis (disorder)'), // row 27
  raSeropositive: S('239791005', 'Seropositive rheumatoid arthritis (disorder)'), // row 61
  raSeronegative: S('239792003', 'Seronegative rheumatoid arthritis (disorder)'), // row 66
  rrms: S('426373005', 'Relapsing remitting multiple sclerosis (disorder)'), // row 87
  msRelapse: S('192929006', 'Exacerbation of multiple sclerosis (disorder)'), // row 84
  heartFailure: S('88805009', 'Chronic congestive heart failure (disorder)'), // local.ts dx.heart_failure (secondary)
  planningPregnancy: S('169564008', 'Planning pregnancy (finding)'), // local.ts finding.pregnancy_planned (unverified)
  erythemaNodosum: S('77628002', 'Erythema nodosum (disorder)'), // local.ts dx.eim (unverified)
  ileocolectomy: S('359571009', 'Ileocolectomy (procedure)'), // local.ts proc.bowel_resection (unverified)
  negative: S('260385009', 'Negative (qualifier value)'), // sandbox/fixtures/README.md provenance
  positive: S('10828004', 'Positive (qualifier value)'),
  smokerDaily: S('449868002', 'Smokes tobacco daily (finding)'), // US Core smoking status value set
  exSmoker: S('8517006', 'Ex-smoker (finding)'),
  neverSmoker: S('266919005', 'Never smoked tobacco (finding)'),
};

/** Local score codes (src/extract/terminology/local.ts, "Local score codes"). */
export const SCORE = {
  hbi: LOCAL('hbi', 'Harvey-Bradshaw Index'),
  cdaiCd: LOCAL('cdai-cd', "Crohn's Disease Activity Index"),
  mayoPartial: LOCAL('mayo-partial', 'Partial Mayo score (no endoscopy)'),
  mayoFull: LOCAL('mayo-full', 'Full Mayo score'),
  edss: LOCAL('edss', 'Expanded Disability Status Scale (EDSS)'),
  newT2: LOCAL('mri-new-t2-lesions', 'MRI new or enlarging T2 lesions (count)'),
  gd: LOCAL('mri-gd-lesions', 'MRI gadolinium-enhancing lesions (count)'),
  cdLocation: LOCAL('montreal-cd-location', 'Montreal CD location (L1-L4)'),
  cdBehaviour: LOCAL('montreal-cd-behaviour', 'Montreal CD behaviour (B1-B3)'),
  ucExtent: LOCAL('montreal-uc-extent', 'Montreal UC extent (E1-E3)'),
};

/** Stop reasons (sandbox/fixtures/gen/codes.mjs STOP). */
export const STOP = {
  primaryNonResponse: { system: SYS.stopReason, code: 'primary-non-response', display: 'Primary non-response' },
  lossOfResponse: { system: SYS.stopReason, code: 'loss-of-response', display: 'Secondary loss of response' },
  intolerance: { system: SYS.stopReason, code: 'intolerance', display: 'Intolerance' },
  breakthrough: { system: SYS.stopReason, code: 'breakthrough-disease', display: 'Breakthrough disease activity' },
} satisfies Record<string, Coding>;

/**
 * Drug codes by INN (simulator drug names): WHO ATC code of the 2024+ edition, the former code where the
 * 2024 revision moved it, and the RxNorm ingredient (absent where codes.csv found none). Rows of codes.csv.
 */
export interface DrugCodes {
  atc: string;
  atcBefore2024?: string;
  rxnorm?: string;
  /** Given by infusion in hospital (a MedicationAdministration per dose for the current course): interval and dose (SmPC maintenance regimen; infliximab 5 mg/kg at 80 kg). */
  infusion?: { everyDays: number; doseMg: number };
  /** Dose text for the prescription / statement. */
  sig: string;
}

export const DRUG_CODES: Record<string, DrugCodes> = {
  infliximab: { atc: 'L04AB02', rxnorm: '191831', infusion: { everyDays: 56, doseMg: 400 }, sig: '5 mg/kg IV every 8 weeks' }, // rows 182-183
  adalimumab: { atc: 'L04AB04', rxnorm: '327361', sig: '40 mg SC every 2 weeks' }, // rows 184-185
  'certolizumab pegol': { atc: 'L04AB05', rxnorm: '709271', sig: '200 mg SC every 2 weeks' }, // rows 186-187
  golimumab: { atc: 'L04AB06', rxnorm: '819300', sig: '50 mg SC every 4 weeks' }, // rows 188-189
  etanercept: { atc: 'L04AB01', rxnorm: '214555', sig: '50 mg SC weekly' }, // rows 190-191
  vedolizumab: { atc: 'L04AG05', atcBefore2024: 'L04AA33', rxnorm: '1538097', infusion: { everyDays: 56, doseMg: 300 }, sig: '300 mg IV every 8 weeks' }, // rows 192-194
  ustekinumab: { atc: 'L04AC05', rxnorm: '847083', sig: '90 mg SC every 8 weeks' }, // rows 195-196
  risankizumab: { atc: 'L04AC18', sig: '360 mg SC every 8 weeks' }, // row 197
  mirikizumab: { atc: 'L04AC24', sig: '200 mg SC every 4 weeks' }, // row 199
  tofacitinib: { atc: 'L04AF01', atcBefore2024: 'L04AA29', rxnorm: '1357536', sig: '5 mg orally twice daily' }, // rows 203-205
  baricitinib: { atc: 'L04AF02', atcBefore2024: 'L04AA37', rxnorm: '2047232', sig: '4 mg orally once daily' }, // rows 206-208
  upadacitinib: { atc: 'L04AF03', atcBefore2024: 'L04AA44', rxnorm: '2196092', sig: '15 mg orally once daily' }, // rows 209-211
  filgotinib: { atc: 'L04AF04', atcBefore2024: 'L04AA45', sig: '200 mg orally once daily' }, // rows 212-213
  ozanimod: { atc: 'L04AE02', atcBefore2024: 'L04AA38', rxnorm: '2288236', sig: '0.92 mg orally once daily' }, // rows 215-217
  etrasimod: { atc: 'L04AE05', sig: '2 mg orally once daily' }, // row 218
  abatacept: { atc: 'L04AA24', rxnorm: '614391', sig: '125 mg SC weekly' }, // rows 234-235
  tocilizumab: { atc: 'L04AC07', rxnorm: '612865', sig: '162 mg SC weekly' }, // rows 236-237
  sarilumab: { atc: 'L04AC14', rxnorm: '1923319', sig: '200 mg SC every 2 weeks' }, // rows 238-239
  rituximab: { atc: 'L01FA01', atcBefore2024: 'L01XC02', rxnorm: '121191', sig: '1000 mg IV twice, 2 weeks apart, every 6 months' }, // rows 240-242
  'interferon beta-1a': { atc: 'L03AB07', rxnorm: '72257', sig: '44 micrograms SC three times weekly' }, // rows 243-244
  'interferon beta-1b': { atc: 'L03AB08', rxnorm: '75917', sig: '250 micrograms SC every other day' }, // rows 245-246
  'glatiramer acetate': { atc: 'L03AX13', rxnorm: '214582', sig: '40 mg SC three times weekly' }, // rows 249-250
  teriflunomide: { atc: 'L04AK02', atcBefore2024: 'L04AA31', rxnorm: '1310520', sig: '14 mg orally once daily' }, // rows 251-253
  'dimethyl fumarate': { atc: 'L04AX07', atcBefore2024: 'N07XX09', rxnorm: '1373478', sig: '240 mg orally twice daily' }, // rows 254-256
  fingolimod: { atc: 'L04AE01', atcBefore2024: 'L04AA27', rxnorm: '1012892', sig: '0.5 mg orally once daily' }, // rows 259-261
  ponesimod: { atc: 'L04AE04', rxnorm: '2532300', sig: '20 mg orally once daily' }, // rows 265-266
  natalizumab: { atc: 'L04AG03', atcBefore2024: 'L04AA23', rxnorm: '354770', infusion: { everyDays: 28, doseMg: 300 }, sig: '300 mg IV every 4 weeks' }, // rows 267-269
  alemtuzumab: { atc: 'L04AG06', atcBefore2024: 'L04AA34', rxnorm: '117055', sig: '12 mg/day IV, two courses 12 months apart' }, // rows 270-272
  ocrelizumab: { atc: 'L04AG08', atcBefore2024: 'L04AA36', rxnorm: '1876366', infusion: { everyDays: 182, doseMg: 600 }, sig: '600 mg IV every 6 months' }, // rows 273-275
  ofatumumab: { atc: 'L04AG12', rxnorm: '712566', sig: '20 mg SC every 4 weeks' }, // rows 276-278
  ublituximab: { atc: 'L04AG14', infusion: { everyDays: 182, doseMg: 450 }, sig: '450 mg IV every 6 months' }, // row 279
  cladribine: { atc: 'L04AA40', rxnorm: '44157', sig: '3.5 mg/kg orally over 2 years' }, // rows 281-282
  // Conventional co-medication.
  azathioprine: { atc: 'L04AX01', rxnorm: '1256', sig: '2.5 mg/kg orally once daily' }, // rows 223-224
  methotrexate: { atc: 'L04AX03', rxnorm: '6851', sig: '15 mg SC weekly' }, // rows 220, 222
  prednisolone: { atc: 'H02AB06', rxnorm: '8638', sig: '20 mg orally daily, tapering' }, // rows 283, 285
  prednisone: { atc: 'H02AB07', rxnorm: '8640', sig: '20 mg orally daily, tapering' }, // rows 286, 288
};

/** Codes of a drug, or an error naming it (a simulator drug without codes is a bug here, not a data gap). */
export function drugCodes(inn: string): DrugCodes {
  const c = DRUG_CODES[inn];
  if (!c) throw new Error(`no codes for drug ${inn}`);
  return c;
}
