/**
 * Code systems and the codes the scenario records use, written down independently of the app's own
 * terminology tables (src/extract/terminology): a record carries what a real EHR of its style would send,
 * whether or not the app knows the code. Every code names where it comes from; `recalled` marks a code
 * taken from the standard from memory and not re-checked against a release (re-check before relying on it).
 */
import type { Coding } from 'fhir/r4';

export const SYS = {
  sct: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10gm: 'http://fhir.de/CodeSystem/bfarm/icd-10-gm',
  atc: 'http://www.whocc.no/atc',
  atcDe: 'http://fhir.de/CodeSystem/bfarm/atc',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  pzn: 'http://fhir.de/CodeSystem/ifa/pzn',
  ucum: 'http://unitsofmeasure.org',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  obsCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
} as const;

const c = (system: string, code: string, display: string, version?: string): Coding => ({ system, code, display, ...(version ? { version } : {}) });

/** SNOMED CT (international edition unless noted). */
export const sct = (code: string, display: string): Coding => c(SYS.sct, code, display);
/** LOINC. */
export const loinc = (code: string, display: string): Coding => c(SYS.loinc, code, display);
/** ICD-10 WHO (IPS and other European records). */
export const icd10 = (code: string, display: string): Coding => c(SYS.icd10, code, display);
/** ICD-10-CM (US Core). */
export const icd10cm = (code: string, display: string): Coding => c(SYS.icd10cm, code, display);
/** ICD-10-GM (German MII), with the catalogue year as version, as MII Diagnose carries it. */
export const icd10gm = (code: string, display: string): Coding => c(SYS.icd10gm, code, display, '2026');
/** ATC under the WHO URI. */
export const atc = (code: string, display: string): Coding => c(SYS.atc, code, display);
/** ATC under the BfArM URI (German edition, with its year). */
export const atcDe = (code: string, display: string): Coding => c(SYS.atcDe, code, display, '2026');
/** RxNorm. */
export const rxnorm = (code: string, display: string): Coding => c(SYS.rxnorm, code, display);
/** CDC CVX. */
export const cvx = (code: string, display: string): Coding => c(SYS.cvx, code, display);
/** German PZN. Numbers in the records are placeholders in the PZN format, not real packages. */
export const pzn = (code: string, display: string): Coding => c(SYS.pzn, code, display);

/**
 * Laboratory and observation codes (LOINC). Sources: LOINC table (loinc.org), US Core / IPS profiles.
 * `recalled`: from memory, to re-check.
 */
export const LAB = {
  hb: loinc('718-7', 'Hemoglobin [Mass/volume] in Blood'),
  /** German laboratories often report haemoglobin in mmol/L (1 g/dL = 0.6206 mmol/L). */
  hbMolar: loinc('59260-0', 'Hemoglobin [Moles/volume] in Blood'),
  neutrophils: loinc('751-8', 'Neutrophils [#/volume] in Blood by Automated count'),
  lymphocytes: loinc('731-0', 'Lymphocytes [#/volume] in Blood by Automated count'),
  platelets: loinc('777-3', 'Platelets [#/volume] in Blood by Automated count'),
  alt: loinc('1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma'),
  ast: loinc('1920-8', 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma'),
  egfr2021: loinc(
    '98979-8',
    'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)',
  ),
  egfr: loinc('62238-1', 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)'),
  igg: loinc('2465-3', 'IgG [Mass/volume] in Serum or Plasma'),
  crp: loinc('1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma'),
  hbsag: loinc('5195-3', 'Hepatitis B virus surface Ag [Presence] in Serum'),
  antiHbc: loinc('16933-4', 'Hepatitis B virus core Ab [Presence] in Serum'),
  igra: loinc('71773-6', 'M tuberculosis stimulated gamma interferon [Interpretation] in Blood'),
  /** Codes the app's table lists as "display unverified" (JCV): the records use them because no better code was found. */
  jcvAb: loinc('70173-0', 'JC virus Ab [Presence] in Serum'),
  jcvIndex: loinc('100977-8', 'JC virus Ab index'),
  vzvIgg: loinc('19162-7', 'Varicella zoster virus IgG Ab [Presence] in Serum'),
  hcgUrine: loinc('2106-3', 'Choriogonadotropin (pregnancy test) [Presence] in Urine'),
  pregnancyStatus: loinc('82810-3', 'Pregnancy status'),
  pregnancyIntention: loinc('86645-9', 'Pregnancy intention'),
  smoking: loinc('72166-2', 'Tobacco smoking status'),
  nyha: loinc('88020-3', 'Functional capacity NYHA'),
  qtc: loinc('8636-3', 'QT interval corrected'),
} as const;

/** Qualitative answers (SNOMED CT qualifier values). */
export const ANSWER = {
  positive: sct('10828004', 'Positive'),
  negative: sct('260385009', 'Negative'),
  detected: sct('260373001', 'Detected'),
  notDetected: sct('260415000', 'Not detected'),
  neverSmoker: sct('266919005', 'Never smoked tobacco'),
  dailySmoker: sct('449868002', 'Smokes tobacco daily'),
  notPregnant: sct('60001007', 'Not pregnant'),
  /** US extension (ONC pregnancy intention value set); IE Core and others reuse it. */
  wantsPregnancy: sct('454381000124105', 'Wants to become pregnant'),
  nyhaI: sct('420300004', 'New York Heart Association Classification - Class I'),
  nyhaII: sct('421704003', 'New York Heart Association Classification - Class II'),
  nyhaIII: sct('420913000', 'New York Heart Association Classification - Class III'),
  nyhaIV: sct('422293003', 'New York Heart Association Classification - Class IV'),
} as const;

/** v3 ObservationInterpretation. */
export const INTERPRETATION = {
  N: c(SYS.interpretation, 'N', 'Normal'),
  NEG: c(SYS.interpretation, 'NEG', 'Negative'),
  POS: c(SYS.interpretation, 'POS', 'Positive'),
  H: c(SYS.interpretation, 'H', 'High'),
  L: c(SYS.interpretation, 'L', 'Low'),
} as const;
