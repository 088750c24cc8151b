/**
 * The three coding styles of the sandbox bundles (sandbox/fixtures/README.md): US Core (SNOMED CT + ICD-10-CM,
 * RxNorm on MedicationRequest, CRP/albumin in mg/dL and g/dL), German MII core data set (ICD-10-GM versioned with
 * Diagnosesicherheit, Medication resources with BfArM ATC versioned by year, CRP mg/L, Hb mmol/L, /nL) and the
 * International Patient Summary (SNOMED CT + WHO ICD-10, WHO ATC, LOINC, UCUM SI units).
 */
import type { CodeableConcept, Coding, Extension } from 'fhir/r4';
import type { Indication } from '../simulate/types.ts';
import { LOINC, SNOMED, SYS } from './codes.ts';
import { cc, type TimeZone } from './fhir.ts';

export type CodingStyle = 'us' | 'de' | 'ips';

/** How one analyte is written: code, unit and the factor from the canonical unit of src/extract/units.ts. */
export interface LabUnit {
  code: Coding;
  unit: string;
  ucum: string;
  /** Value in this unit = canonical value * factor. */
  factor: number;
  decimals: number;
  /** Upper reference limit in the canonical unit (adult ranges, Tietz 7th ed.; assumptions for the demo). */
  highCanonical?: number;
}

export type Analyte = 'crp' | 'albumin' | 'hgb' | 'lymph' | 'esr' | 'fcal' | 'wbc' | 'platelets' | 'alt' | 'creatinine';

export interface StyleDef {
  style: CodingStyle;
  tz: TimeZone;
  labs: Record<Analyte, LabUnit>;
  /** Language of display texts. */
  lang: 'en' | 'de';
}

const lab = (code: Coding, unit: string, ucum: string, factor: number, decimals: number, highCanonical?: number): LabUnit => ({
  code,
  unit,
  ucum,
  factor,
  decimals,
  ...(highCanonical !== undefined ? { highCanonical } : {}),
});

/**
 * Haemoglobin in mmol/L: 1 mmol/L = 1.6114 g/dL (monomer 16,114.5 g/mol, ICSH 1995; the molar mass
 * src/extract/units.ts converts with).
 */
const HB_G_DL_PER_MMOL_L = 1.61145;

// Upper limits: CRP 5 mg/L, ESR 20 mm/h, calprotectin 50 ug/g (manufacturer cut-off), lymphocytes 4.0 G/L,
// leukocytes 10 G/L, platelets 400 G/L, ALT 45 U/L, creatinine 1.2 mg/dL (adult limits, Tietz 7th ed.).
/** Creatinine: 1 mg/dL = 88.4 umol/L (113.12 g/mol; src/extract/units.ts). */
const CREA_UMOL_PER_MG_DL = 88.4;
export const STYLES: Record<CodingStyle, StyleDef> = {
  us: {
    style: 'us',
    tz: 'us',
    lang: 'en',
    labs: {
      crp: lab(LOINC.crp, 'mg/dL', 'mg/dL', 0.1, 2, 5),
      albumin: lab(LOINC.albumin, 'g/dL', 'g/dL', 0.1, 2),
      hgb: lab(LOINC.hgb, 'g/dL', 'g/dL', 1, 1),
      lymph: lab(LOINC.lymph, '10*3/uL', '10*3/uL', 1, 2, 4),
      esr: lab(LOINC.esr, 'mm/h', 'mm/h', 1, 0, 20),
      fcal: lab(LOINC.fcal, 'ug/g', 'ug/g', 1, 0, 50),
      wbc: lab(LOINC.wbc, '10*3/uL', '10*3/uL', 1, 1, 10),
      platelets: lab(LOINC.platelets, '10*3/uL', '10*3/uL', 1, 0, 400),
      alt: lab(LOINC.alt, 'U/L', 'U/L', 1, 0, 45),
      creatinine: lab(LOINC.creaMass, 'mg/dL', 'mg/dL', 1, 2, 1.2),
    },
  },
  de: {
    style: 'de',
    tz: 'eu',
    lang: 'de',
    labs: {
      crp: lab(LOINC.crp, 'mg/L', 'mg/L', 1, 1, 5),
      albumin: lab(LOINC.albumin, 'g/L', 'g/L', 1, 1),
      hgb: lab(LOINC.hgbMol, 'mmol/L', 'mmol/L', 1 / HB_G_DL_PER_MMOL_L, 2),
      lymph: lab(LOINC.lymphMii, '/nL', '/nL', 1, 2, 4),
      esr: lab(LOINC.esr, 'mm/h', 'mm/h', 1, 0, 20),
      fcal: lab(LOINC.fcal, 'µg/g', 'ug/g', 1, 0, 50),
      wbc: lab(LOINC.wbcMii, '/nL', '/nL', 1, 1, 10),
      platelets: lab(LOINC.platelets, '/nL', '/nL', 1, 0, 400),
      alt: lab(LOINC.alt, 'U/L', 'U/L', 1, 0, 45),
      creatinine: lab(LOINC.creaMass, 'mg/dL', 'mg/dL', 1, 2, 1.2),
    },
  },
  ips: {
    style: 'ips',
    tz: 'eu',
    lang: 'en',
    labs: {
      crp: lab(LOINC.crp, 'mg/L', 'mg/L', 1, 1, 5),
      albumin: lab(LOINC.albumin, 'g/L', 'g/L', 1, 1),
      hgb: lab(LOINC.hgb, 'g/L', 'g/L', 10, 0),
      lymph: lab(LOINC.lymph, '10*9/L', '10*9/L', 1, 2, 4),
      esr: lab(LOINC.esr, 'mm/h', 'mm/h', 1, 0, 20),
      fcal: lab(LOINC.fcal, 'ug/g', 'ug/g', 1, 0, 50),
      wbc: lab(LOINC.wbc, '10*9/L', '10*9/L', 1, 1, 10),
      platelets: lab(LOINC.platelets, '10*9/L', '10*9/L', 1, 0, 400),
      alt: lab(LOINC.alt, 'U/L', 'U/L', 1, 0, 45),
      creatinine: lab(LOINC.creaMol, 'umol/L', 'umol/L', CREA_UMOL_PER_MG_DL, 0, 1.2),
    },
  },
};

/** ICD-10-GM coding with the KBV Diagnosesicherheit "G" extension (MII KDS Diagnose; sandbox/fixtures/gen/codes.mjs). */
function icdGm(code: string, display: string): Coding & { extension: Extension[] } {
  return {
    extension: [
      {
        url: 'http://fhir.de/StructureDefinition/icd-10-gm-diagnosesicherheit',
        valueCoding: { system: SYS.kbvDiagSicherheit, code: 'G', display: 'gesicherte Diagnose' },
      },
    ],
    system: SYS.icd10gm,
    version: '2026',
    code,
    display,
  };
}

/** Per-style ICD-10 code tables: ICD-10-CM (codes.csv rows 12-16, 35-41, 69-76, 94), WHO ICD-10 (rows 17-20, 42-47, 77-80, 98), ICD-10-GM (rows 21-24, 48-49, 101; M05.80/M06.00 as in ra-de-002, README provenance). */
const CD_ICD = { us: { L1: 'K50.00', L2: 'K50.10', L3: 'K50.80', L4: 'K50.90' }, who: { L1: 'K50.0', L2: 'K50.1', L3: 'K50.8', L4: 'K50.9' } } as const;
const UC_ICD = { us: { E1: 'K51.20', E2: 'K51.50', E3: 'K51.00' }, who: { E1: 'K51.2', E2: 'K51.5', E3: 'K51.0' } } as const;
const CD_TEXT = { L1: 'ileal', L2: 'colonic', L3: 'ileocolonic', L4: 'upper gastrointestinal' } as const;
const UC_TEXT = { E1: 'proctitis', E2: 'left-sided colitis', E3: 'extensive colitis (pancolitis)' } as const;
const CD_TEXT_DE = { L1: 'Ileum', L2: 'Kolon', L3: 'ileokolisch', L4: 'oberer GI-Trakt' } as const;
const UC_TEXT_DE = { E1: 'Proktitis', E2: 'Linksseitenkolitis', E3: 'Pankolitis' } as const;

type Loc = keyof typeof CD_ICD.us;
type Ext = keyof typeof UC_ICD.us;

/** Phenotype of the index diagnosis. */
export interface DxPhenotype {
  cdLocation?: string;
  ucExtent?: string;
  raSeropositive?: boolean;
}

/** The index diagnosis coded in the style: SNOMED CT plus the style's ICD-10 edition. */
export function diagnosisCode(style: CodingStyle, ind: Indication, ph: DxPhenotype): CodeableConcept {
  const icd = (code: string, display: string): Coding => {
    if (style === 'us') return { system: SYS.icd10cm, code, display };
    return style === 'de' ? icdGm(code, display) : { system: SYS.icd10, code, display };
  };
  const de = style === 'de';
  switch (ind) {
    case 'cd': {
      const loc = (ph.cdLocation ?? 'L3') as Loc;
      const text = de ? `Morbus Crohn, ${CD_TEXT_DE[loc]}` : `Crohn's disease, ${CD_TEXT[loc]}`;
      return cc([SNOMED.cd, icd(style === 'us' ? CD_ICD.us[loc] : CD_ICD.who[loc], text)], text);
    }
    case 'uc': {
      const ext = (ph.ucExtent ?? 'E3') as Ext;
      let sct = SNOMED.uc;
      if (ext === 'E1') sct = SNOMED.ucProctitis;
      else if (ext === 'E2') sct = SNOMED.ucLeft;
      const text = de ? `Colitis ulcerosa, ${UC_TEXT_DE[ext]}` : `Ulcerative colitis, ${UC_TEXT[ext]}`;
      return cc([sct, icd(style === 'us' ? UC_ICD.us[ext] : UC_ICD.who[ext], text)], text);
    }
    case 'ra': {
      const pos = ph.raSeropositive === true;
      const sct = pos ? SNOMED.raSeropositive : SNOMED.raSeronegative;
      let code = pos ? 'M05.8' : 'M06.0';
      if (style === 'us') code = pos ? 'M05.79' : 'M06.09';
      else if (style === 'de') code = pos ? 'M05.80' : 'M06.00';
      const text = de ? `${pos ? 'Seropositive' : 'Seronegative'} chronische Polyarthritis` : `${pos ? 'Seropositive' : 'Seronegative'} rheumatoid arthritis`;
      return cc([sct, icd(code, text)], text);
    }
    case 'rms': {
      let code = 'G35';
      if (style === 'us') code = 'G35.A';
      else if (style === 'de') code = 'G35.10';
      const text = de ? 'Multiple Sklerose, schubförmig remittierender Verlauf' : 'Relapsing-remitting multiple sclerosis';
      return cc([SNOMED.rrms, icd(code, text)], text);
    }
  }
}

/** An MS relapse: SNOMED 192929006 (codes.csv row 84), in German records also ICD-10-GM G35.11 (row 102). */
export function relapseCode(style: CodingStyle): CodeableConcept {
  return style === 'de'
    ? cc([SNOMED.msRelapse, icdGm('G35.11', 'MS, schubförmig, mit Angabe einer akuten Exazerbation')], 'MS-Schub')
    : cc(SNOMED.msRelapse, 'MS relapse');
}

/**
 * Heart failure: SNOMED 88805009 plus ICD-10 I50 (src/extract/terminology/local.ts ICD10_PREFIXES dx.heart_failure):
 * ICD-10-GM I50.13 / I50.14 = left heart failure with symptoms on mild exertion / at rest, i.e. NYHA III / IV (as
 * ra-de-002, sandbox/fixtures/README.md provenance, secondary); ICD-10-CM I50.22 chronic systolic; WHO I50.0.
 */
export function heartFailureCode(style: CodingStyle, nyha: number): CodeableConcept {
  const code = nyha >= 4 ? 'I50.14' : 'I50.13';
  if (style === 'de') return cc([SNOMED.heartFailure, icdGm(code, `Linksherzinsuffizienz NYHA ${nyha >= 4 ? 'IV' : 'III'}`)], 'Chronische Herzinsuffizienz');
  if (style === 'us')
    return cc([SNOMED.heartFailure, { system: SYS.icd10cm, code: 'I50.22', display: 'Chronic systolic (congestive) heart failure' }], 'Chronic heart failure');
  return cc([SNOMED.heartFailure, { system: SYS.icd10, code: 'I50.0', display: 'Congestive heart failure' }], 'Chronic heart failure');
}
