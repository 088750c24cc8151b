/**
 * The codes the generator draws from. Rows cite terminology/codes.csv by line number
 * (header = line 1) or src/extract/terminology/local.ts (vital signs, smoking, safety conditions, local
 * score codes). Typical ranges are adult clinical ranges; the implausible values are beyond the data-error
 * limits of src/extract/units.ts (ANALYTES.*.plausible), so the extractor must reject them.
 */
import type { Indication } from '@src/extract/indications.ts';
import { SYSTEMS } from '@src/extract/terminology/index.ts';

export interface LabDef {
  code: string;
  display: string;
  /** Display text for the text-only fallback (src/extract/observations.ts TEXT_NAMES), if any. */
  text?: string;
  category: 'laboratory' | 'vital-signs';
  /** Canonical UCUM unit ('' = dimensionless). */
  canonical: string;
  /** Units a lab may send, with the factor to the canonical unit (canonical = value x factor). */
  units: ReadonlyArray<readonly [string, number]>;
  /** Typical canonical range to draw plausible values from. */
  typical: readonly [number, number];
  /** A canonical value above the plausible limit of units.ts. */
  implausibleHigh: number;
}

/** Lab and vital-sign LOINC codes with the units seen in US, German, French and Swiss exports. */
export const LABS: readonly LabDef[] = [
  // codes.csv line 107 lab.crp 1988-5: "same code for mg/L and mg/dL, convert with UCUM"; plausible <= 700 mg/L
  {
    code: '1988-5',
    display: 'C reactive protein [Mass/volume] in Serum or Plasma',
    text: 'C-reactive protein',
    category: 'laboratory',
    canonical: 'mg/L',
    units: [
      ['mg/L', 1],
      ['mg/dL', 10],
    ],
    typical: [0.1, 250],
    implausibleHigh: 5000,
  },
  // codes.csv line 116 lab.fecal_calprotectin 38445-3 (ug/g; mg/kg is the same quantity)
  {
    code: '38445-3',
    display: 'Calprotectin [Mass/mass] in Stool',
    text: 'Calprotectin',
    category: 'laboratory',
    canonical: 'ug/g',
    units: [
      ['ug/g', 1],
      ['mg/kg', 1],
      ['µg/g', 1],
    ],
    typical: [5, 3000],
    implausibleHigh: 100000,
  },
  // codes.csv line 113 lab.esr 4537-7 (mm/h; Westergren column 200 mm)
  {
    code: '4537-7',
    display: 'Erythrocyte sedimentation rate by Westergren method',
    text: 'Erythrocyte sedimentation rate',
    category: 'laboratory',
    canonical: 'mm/h',
    units: [
      ['mm/h', 1],
      ['mm/hr', 1],
    ],
    typical: [1, 120],
    implausibleHigh: 900,
  },
  // codes.csv line 117 lab.albumin 1751-7 (g/dL in Synthea, g/L in Europe)
  {
    code: '1751-7',
    display: 'Albumin [Mass/volume] in Serum or Plasma',
    text: 'Albumin',
    category: 'laboratory',
    canonical: 'g/L',
    units: [
      ['g/L', 1],
      ['g/dL', 10],
    ],
    typical: [20, 50],
    implausibleHigh: 400,
  },
  // codes.csv line 120 lab.hemoglobin 718-7 (g/dL; Swiss g/L, sandbox/fixtures/README.md rms-ch-004)
  {
    code: '718-7',
    display: 'Hemoglobin [Mass/volume] in Blood',
    text: 'Hemoglobin',
    category: 'laboratory',
    canonical: 'g/dL',
    units: [
      ['g/dL', 1],
      ['g/L', 0.1],
    ],
    typical: [7, 17],
    implausibleHigh: 90,
  },
  // codes.csv line 126 lab.lymphocytes 731-0; /nL = 10*9/L = 10*3/uL; German G/l, US K/uL (units.ts UNIT_ALIASES)
  {
    code: '731-0',
    display: 'Lymphocytes [#/volume] in Blood by Automated count',
    text: 'Absolute lymphocyte count',
    category: 'laboratory',
    canonical: '10*9/L',
    units: [
      ['10*9/L', 1],
      ['/nL', 1],
      ['10*3/uL', 1],
      ['G/l', 1],
      ['K/uL', 1],
    ],
    typical: [0.2, 5],
    implausibleHigh: 4000,
  },
  // local.ts vital.bmi 39156-5 (US Core vital signs), plausible 10-90 kg/m2
  {
    code: '39156-5',
    display: 'Body mass index (BMI) [Ratio]',
    category: 'vital-signs',
    canonical: 'kg/m2',
    units: [['kg/m2', 1]],
    typical: [16, 45],
    implausibleHigh: 300,
  },
  // codes.csv line 138 lab.jcv_index 100977-8 (dimensionless index, plausible 0-10)
  {
    code: '100977-8',
    display: 'JC virus Ab index',
    category: 'laboratory',
    canonical: '',
    units: [
      ['', 1],
      ['{index}', 1],
    ],
    typical: [0, 4],
    implausibleHigh: 50,
  },
];

export const LAB_INDEX = { crp: 0, lymphocytes: 5 } as const;

/** Scores with the app's local codes (local.ts score.*, obs.mri_*) and their maxima (catalogue ranges). */
export const SCORES: ReadonlyArray<{ system: string; code: string; max: number; indications: readonly Indication[] }> = [
  { system: SYSTEMS.local, code: 'hbi', max: 30, indications: ['CD'] },
  { system: SYSTEMS.local, code: 'cdai-cd', max: 500, indications: ['CD'] },
  { system: SYSTEMS.local, code: 'mayo-partial', max: 9, indications: ['UC'] },
  { system: SYSTEMS.local, code: 'mayo-full', max: 12, indications: ['UC'] },
  { system: SYSTEMS.local, code: 'das28-crp', max: 9, indications: ['RA'] },
  { system: SYSTEMS.local, code: 'das28-esr', max: 9, indications: ['RA'] },
  // codes.csv line 169 score.cdai_ra 75847-4 (the CDAI total)
  { system: SYSTEMS.loinc, code: '75847-4', max: 76, indications: ['RA'] },
  { system: SYSTEMS.local, code: 'edss', max: 10, indications: ['RMS'] },
  { system: SYSTEMS.local, code: 'mri-new-t2-lesions', max: 12, indications: ['RMS'] },
  { system: SYSTEMS.local, code: 'mri-gd-lesions', max: 6, indications: ['RMS'] },
  { system: SYSTEMS.local, code: 'ms-relapse', max: 1, indications: ['RMS'] },
];

/** Smoking status answers (local.ts smoking.current / former / never, US Core smoking status value set). */
export const SMOKING: ReadonlyArray<readonly [string, string]> = [
  ['449868002', 'Smokes tobacco daily'],
  ['77176002', 'Smoker'],
  ['8517006', 'Ex-smoker'],
  ['266919005', 'Never smoked tobacco'],
];

type Code = readonly [system: string, code: string, display: string];
const { snomed: SCT, icd10: WHO, icd10cm: CM, icd10gm: GM } = SYSTEMS;

/** Diagnosis codes per indication: SNOMED CT, WHO ICD-10, ICD-10-CM, ICD-10-GM. */
export const DISEASE_CODES: Record<Indication, readonly Code[]> = {
  // codes.csv lines 2, 4, 6, 7, 11 (SNOMED), 12 (CM), 17-19 (WHO), 21 (GM)
  CD: [
    [SCT, '34000006', "Crohn's disease"],
    [SCT, '38106008', "Crohn's disease of ileum"],
    [SCT, '3815005', "Crohn's disease of rectum"],
    [SCT, '235796008', "Perianal Crohn's disease"],
    [SCT, '7620006', "Crohn's disease of large bowel"],
    [CM, 'K50.00', "Crohn's disease of small intestine"],
    [WHO, 'K50.0', 'Crohn disease of small intestine'],
    [WHO, 'K50.8', 'Other Crohn disease'],
    [GM, 'K50.0', 'Crohn-Krankheit des Dünndarmes'],
  ],
  // codes.csv lines 25, 27, 28 (SNOMED), 35 (CM), 42-43 (WHO), 48 (GM)
  UC: [
    [SCT, '64766004', 'Ulcerative colitis'],
    [SCT, '445243001', 'Left sided ulcerative colitis'],
    [SCT, '52231000', 'Chronic ulcerative proctitis'],
    [CM, 'K51.00', 'Ulcerative (chronic) pancolitis'],
    [WHO, 'K51.0', 'Ulcerative (chronic) pancolitis'],
    [WHO, 'K51.2', 'Ulcerative (chronic) proctitis'],
    [GM, 'K51.0', 'Ulzeröse (chronische) Pankolitis'],
  ],
  // codes.csv lines 55, 61, 66 (SNOMED), 69, 73 (CM), 78, 80 (WHO), 81 (GM)
  RA: [
    [SCT, '69896004', 'Rheumatoid arthritis'],
    [SCT, '239791005', 'Seropositive rheumatoid arthritis'],
    [SCT, '239792003', 'Seronegative rheumatoid arthritis'],
    [CM, 'M05.79', 'RA with rheumatoid factor of multiple sites'],
    [CM, 'M06.00', 'RA without rheumatoid factor'],
    [WHO, 'M05.9', 'Seropositive RA, unspecified'],
    [WHO, 'M06.9', 'Rheumatoid arthritis, unspecified'],
    [GM, 'M05.9', 'Seropositive chronische Polyarthritis'],
  ],
  // codes.csv lines 83, 84 (exacerbation = relapse), 87 (SNOMED), 94 (CM FY2026), 98 (WHO), 101-102 (GM)
  RMS: [
    [SCT, '24700007', 'Multiple sclerosis'],
    [SCT, '192929006', 'Exacerbation of multiple sclerosis'],
    [SCT, '426373005', 'Relapsing remitting multiple sclerosis'],
    [CM, 'G35.A', 'Relapsing-remitting multiple sclerosis'],
    [WHO, 'G35', 'Multiple sclerosis'],
    [GM, 'G35.10', 'MS mit vorherrschend schubförmigem Verlauf'],
    [GM, 'G35.11', 'MS, schubförmig, mit Exazerbation'],
  ],
};

/** Comorbidities the safety rules read (local.ts dx.* SNOMED rows and ICD10_PREFIXES), plus unrelated ones. */
export const COMORBIDITY_CODES: readonly Code[] = [
  [SCT, '84114007', 'Heart failure'],
  [GM, 'I50.13', 'Linksherzinsuffizienz NYHA III'],
  [SCT, '6118003', 'Demyelinating disease of CNS'],
  [SCT, '56717001', 'Tuberculosis'],
  [WHO, 'Z22.7', 'Latent tuberculosis'],
  [SCT, '61977001', 'Chronic hepatitis B'],
  [SCT, '254837009', 'Malignant neoplasm of breast'],
  [CM, 'C18.9', 'Malignant neoplasm of colon'],
  [SCT, '128053003', 'Deep venous thrombosis'],
  [WHO, 'I26.9', 'Pulmonary embolism'],
  [SCT, '59621000', 'Essential hypertension'],
  [CM, 'E11.9', 'Type 2 diabetes'],
  [SCT, '22298006', 'Myocardial infarction'],
  [SCT, '91302008', 'Sepsis'],
  [SCT, '77386006', 'Pregnant'],
  [SCT, '169564008', 'Planning pregnancy'],
  [SCT, '77628002', 'Erythema nodosum'],
  [SCT, '128473001', 'Uveitis'],
  [SCT, '195967001', 'Asthma'],
  [CM, 'J45.909', 'Asthma, uncomplicated'],
];

export interface DrugDef {
  inn: string;
  atc?: string;
  rxnorm?: string;
  indications: readonly Indication[];
}

/** Drugs with their WHO ATC and RxNorm codes (codes.csv lines 182-294), tagged with the models that rank them. */
export const DRUGS: readonly DrugDef[] = [
  { inn: 'infliximab', atc: 'L04AB02', rxnorm: '191831', indications: ['CD', 'UC', 'RA'] },
  { inn: 'adalimumab', atc: 'L04AB04', rxnorm: '327361', indications: ['CD', 'UC', 'RA'] },
  { inn: 'certolizumab pegol', atc: 'L04AB05', rxnorm: '709271', indications: ['CD', 'RA'] },
  { inn: 'golimumab', atc: 'L04AB06', rxnorm: '819300', indications: ['UC', 'RA'] },
  { inn: 'etanercept', atc: 'L04AB01', rxnorm: '214555', indications: ['RA'] },
  { inn: 'vedolizumab', atc: 'L04AG05', rxnorm: '1538097', indications: ['CD', 'UC'] },
  { inn: 'ustekinumab', atc: 'L04AC05', rxnorm: '847083', indications: ['CD', 'UC'] },
  { inn: 'risankizumab', atc: 'L04AC18', indications: ['CD'] },
  { inn: 'mirikizumab', atc: 'L04AC24', indications: ['UC'] },
  { inn: 'tofacitinib', atc: 'L04AF01', rxnorm: '1357536', indications: ['UC', 'RA'] },
  { inn: 'upadacitinib', atc: 'L04AF03', rxnorm: '2196092', indications: ['CD', 'UC', 'RA'] },
  { inn: 'ozanimod', atc: 'L04AE02', rxnorm: '2288236', indications: ['UC', 'RMS'] },
  { inn: 'abatacept', atc: 'L04AA24', rxnorm: '614391', indications: ['RA'] },
  { inn: 'tocilizumab', atc: 'L04AC07', rxnorm: '612865', indications: ['RA'] },
  { inn: 'rituximab', atc: 'L01FA01', rxnorm: '121191', indications: ['RA'] },
  { inn: 'methotrexate', atc: 'L04AX03', rxnorm: '6851', indications: ['RA', 'CD'] },
  { inn: 'azathioprine', atc: 'L04AX01', rxnorm: '1256', indications: ['CD', 'UC'] },
  { inn: 'prednisolone', atc: 'H02AB06', rxnorm: '8638', indications: ['CD', 'UC', 'RA', 'RMS'] },
  { inn: 'budesonide', atc: 'A07EA06', rxnorm: '19831', indications: ['CD', 'UC'] },
  { inn: 'mesalazine', atc: 'A07EC02', rxnorm: '52582', indications: ['UC'] },
  { inn: 'interferon beta-1a', atc: 'L03AB07', rxnorm: '72257', indications: ['RMS'] },
  { inn: 'glatiramer acetate', atc: 'L03AX13', rxnorm: '214582', indications: ['RMS'] },
  { inn: 'teriflunomide', atc: 'L04AK02', rxnorm: '1310520', indications: ['RMS'] },
  { inn: 'dimethyl fumarate', atc: 'L04AX07', rxnorm: '1373478', indications: ['RMS'] },
  { inn: 'fingolimod', atc: 'L04AE01', rxnorm: '1012892', indications: ['RMS'] },
  { inn: 'natalizumab', atc: 'L04AG03', rxnorm: '354770', indications: ['RMS', 'CD'] },
  { inn: 'ocrelizumab', atc: 'L04AG08', rxnorm: '1876366', indications: ['RMS'] },
  { inn: 'cladribine', atc: 'L04AA40', rxnorm: '44157', indications: ['RMS'] },
];
