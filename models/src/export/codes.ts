/**
 * Code tables for the simulator -> FHIR exporter: the demo patients' shared table (sandbox/fixtures/gen/codes.mjs)
 * under the exporter's names, and the drug codes by INN. "row N" means the line of terminology/codes.csv
 * (header = line 1); codes not in codes.csv name their source, as in the "Code provenance" table of
 * sandbox/fixtures/README.md.
 */
import {
  LOINC as SHARED_LOINC,
  NEGATIVE,
  POSITIVE,
  SCORE as SHARED_SCORE,
  SMOKING,
  SNOMED as SHARED_SNOMED,
  STOP as SHARED_STOP,
  SYS as SHARED_SYS,
} from '../../../sandbox/fixtures/gen/codes.mjs';

/**
 * The demo patients' one code table is sandbox/fixtures/gen/codes.mjs (hand-written and simulated patients
 * share it, with the codes.csv row of each code). This module gives the exporter's names for it: the same
 * codings, under the longer names the exporter's code uses, plus the drug table below.
 */
export const SYS = SHARED_SYS;

/** LOINC codes; `fcal`, `albumin`, `wbcMii`, `platelets` are the shared `fcp`, `alb`, `leuk`, `plt`. */
export const LOINC = { ...SHARED_LOINC, fcal: SHARED_LOINC.fcp, albumin: SHARED_LOINC.alb, wbcMii: SHARED_LOINC.leuk, platelets: SHARED_LOINC.plt };

/** SNOMED CT codes; qualifier and smoking-status values under the exporter's names. */
export const SNOMED = {
  ...SHARED_SNOMED,
  raSeropositive: SHARED_SNOMED.seropositiveRa,
  negative: NEGATIVE,
  positive: POSITIVE,
  smokerDaily: SMOKING.daily,
  exSmoker: SMOKING.former,
  neverSmoker: SMOKING.never,
};

/** Local score codes (src/extract/terminology/local.ts, "Local score codes"). */
export const SCORE = SHARED_SCORE;

/** Stop reasons. */
export const STOP = SHARED_STOP;

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
