/**
 * Unit conversion to each analyte's canonical UCUM unit, through @lhncbc/ucum-lhc 7.1.10
 * (UcumLhcUtils.convertUnitTo). Molar <-> mass conversions are done here explicitly with a cited molecular
 * weight. An unknown or incompatible unit is returned as a failure with its reason, never as a number
 * (CONVENTIONS.md; fhirclient's own units module throws rather than guess, for the same reason).
 */
// Named import: the package's CJS entry sets __esModule, so it has no usable default export.
import { because, type Reason } from './reasons.ts';
import { UcumLhcUtils } from '@lhncbc/ucum-lhc';

export type AnalyteKey =
  | 'crp'
  | 'fcal'
  | 'esr'
  | 'albumin'
  | 'haemoglobin'
  | 'lymphocytes'
  | 'wbc'
  | 'platelets'
  | 'creatinine'
  | 'alt'
  | 'ast'
  | 'egfr'
  | 'bmi'
  | 'body_weight'
  | 'body_height'
  | 'rf'
  | 'anti_ccp'
  | 'jcv_index'
  | 'score'
  | 'neutrophils'
  | 'igg'
  | 'creatinine_clearance'
  | 'qtc';

export interface AnalyteSpec {
  key: AnalyteKey;
  /** Canonical UCUM unit; null for dimensionless scores/indices. */
  unit: string | null;
  /** Values outside [low, high] in the canonical unit are implausible (data error, not a clinical extreme). */
  plausible: readonly [number, number];
  plausibleSource: string;
  /** Molecular weight in g/mol for molar -> mass conversion, with its source. */
  /** `sourceKey`: the same source as a typed reason (shown in the reader's language). */
  molarMass?: { gPerMol: number; source: string; sourceKey: 'molar-albumin' | 'molar-haemoglobin' | 'molar-creatinine' };
}

const ADULT_REF =
  'wide data-error limits around adult clinical extremes (Tietz Textbook of Laboratory Medicine, 7th ed., reference intervals and critical values); tightened limits belong in rules/';

export const ANALYTES: Record<AnalyteKey, AnalyteSpec> = {
  crp: {
    key: 'crp',
    unit: 'mg/L',
    plausible: [0, 700],
    plausibleSource: 'immunoturbidimetric CRP measuring range up to 350 mg/L, 700 mg/L after dilution (Roche Tina-quant CRP Gen.4 method sheet)',
  },
  fcal: {
    key: 'fcal',
    unit: 'ug/g',
    plausible: [0, 30000],
    plausibleSource:
      'faecal calprotectin ELISA/CLIA ranges reach 6000-8000 ug/g undiluted, >20000 with dilution (BUHLMANN fCAL ELISA, LIAISON Calprotectin method sheets)',
  },
  esr: {
    key: 'esr',
    unit: 'mm/h',
    plausible: [0, 200],
    plausibleSource: 'Westergren column is 200 mm long (ICSH review of ESR measurement, Int J Lab Hematol 2017;39:448-457)',
  },
  albumin: {
    key: 'albumin',
    unit: 'g/L',
    plausible: [5, 80],
    plausibleSource: ADULT_REF,
    molarMass: { gPerMol: 66_472, source: 'human serum albumin, mature chain 66,472 Da (UniProt P02768)', sourceKey: 'molar-albumin' },
  },
  haemoglobin: {
    key: 'haemoglobin',
    unit: 'g/dL',
    plausible: [3, 25],
    plausibleSource: 'survivable haemoglobin range ~3-25 g/dL (task brief; Tietz critical values <5 and >20 g/dL)',
    // 1 mmol/L (haem monomer) = 1.611 g/dL: molecular weight of the Hb monomer 16,114.5 g/mol (ICSH 1995
    // reference method, van Assendelft; the conventional factor used by European labs, 1 g/dL = 0.6206 mmol/L).
    molarMass: {
      gPerMol: 16_114.5,
      source: 'haemoglobin monomer 16,114.5 g/mol: 1 mmol/L = 1.611 g/dL (ICSH 1995 haemiglobincyanide reference method)',
      sourceKey: 'molar-haemoglobin',
    },
  },
  lymphocytes: { key: 'lymphocytes', unit: '10*9/L', plausible: [0, 400], plausibleSource: ADULT_REF },
  wbc: { key: 'wbc', unit: '10*9/L', plausible: [0, 500], plausibleSource: ADULT_REF },
  platelets: { key: 'platelets', unit: '10*9/L', plausible: [0, 3000], plausibleSource: ADULT_REF },
  creatinine: {
    key: 'creatinine',
    unit: 'mg/dL',
    plausible: [0.05, 30],
    plausibleSource: ADULT_REF,
    molarMass: { gPerMol: 113.12, source: 'creatinine C4H7N3O 113.12 g/mol (1 mg/dL = 88.4 umol/L)', sourceKey: 'molar-creatinine' },
  },
  alt: { key: 'alt', unit: 'U/L', plausible: [0, 20000], plausibleSource: ADULT_REF },
  ast: { key: 'ast', unit: 'U/L', plausible: [0, 20000], plausibleSource: ADULT_REF },
  egfr: { key: 'egfr', unit: 'mL/min/{1.73_m2}', plausible: [0, 250], plausibleSource: ADULT_REF },
  bmi: { key: 'bmi', unit: 'kg/m2', plausible: [10, 90], plausibleSource: 'WHO BMI classification; values <10 or >90 kg/m2 are recording errors' },
  body_weight: { key: 'body_weight', unit: 'kg', plausible: [2, 400], plausibleSource: 'recording-error limits for adult weight' },
  body_height: { key: 'body_height', unit: 'cm', plausible: [40, 250], plausibleSource: 'recording-error limits for adult height' },
  rf: { key: 'rf', unit: '[IU]/mL', plausible: [0, 100000], plausibleSource: ADULT_REF },
  anti_ccp: { key: 'anti_ccp', unit: 'U/mL', plausible: [0, 100000], plausibleSource: ADULT_REF },
  jcv_index: {
    key: 'jcv_index',
    unit: null,
    plausible: [0, 10],
    plausibleSource: 'STRATIFY JCV DxSelect index reported 0 to ~5 (Lee P et al., J Clin Virol 2013;57:141-146)',
  },
  neutrophils: { key: 'neutrophils', unit: '10*9/L', plausible: [0, 100], plausibleSource: ADULT_REF },
  igg: { key: 'igg', unit: 'g/L', plausible: [0, 60], plausibleSource: ADULT_REF },
  creatinine_clearance: { key: 'creatinine_clearance', unit: 'mL/min', plausible: [0, 300], plausibleSource: ADULT_REF },
  qtc: { key: 'qtc', unit: 'ms', plausible: [200, 800], plausibleSource: 'recording-error limits around the clinical QTc range (about 300-700 ms)' },
  score: { key: 'score', unit: null, plausible: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], plausibleSource: 'per-score ranges in catalogue.ts' },
};

/**
 * Unit spellings seen in lab exports that are not valid UCUM, mapped to UCUM. German "G/l" (Giga per litre),
 * "Tsd/µl", US "K/uL" and "x10E3/uL" all mean 10^9/L; "µ" is written "u" in UCUM (UCUM spec §4.2).
 */
const UNIT_ALIASES: Record<string, string> = {
  'G/l': '10*9/L',
  'G/L': '10*9/L',
  'Gpt/l': '10*9/L',
  'Gpt/L': '10*9/L',
  'Tsd/µl': '10*3/uL',
  'Tsd/ul': '10*3/uL',
  'K/uL': '10*3/uL',
  'K/µL': '10*3/uL',
  'x10E3/uL': '10*3/uL',
  '10^3/uL': '10*3/uL',
  '10^9/L': '10*9/L',
  'x10^9/L': '10*9/L',
  '/nl': '/nL',
  'mm/hr': 'mm/h',
  'mm/Std': 'mm/h',
  'mm/1h': 'mm/h',
  'µg/g': 'ug/g',
  'mcg/g': 'ug/g',
  'IU/mL': '[IU]/mL',
  'IU/ml': '[IU]/mL',
  'U/ml': 'U/mL',
  'kg/m^2': 'kg/m2',
  'kg/m²': 'kg/m2',
  'µmol/l': 'umol/L',
  'µmol/L': 'umol/L',
  'mL/min/1.73m2': 'mL/min/{1.73_m2}',
  'mL/min/1.73 m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m²': 'mL/min/{1.73_m2}',
};

export type Conversion =
  | { ok: true; value: number; unit: string | null; note?: string; noteWhy?: Reason }
  | { ok: false; state: 'unknown-unit'; reason: string; why: Reason };

const utils = UcumLhcUtils.getInstance();

/** Round away binary floating-point noise (16.999999999999996 -> 17) without losing lab precision. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

function ucumConvert(from: string, value: number, to: string): number | undefined {
  try {
    const r = utils.convertUnitTo(from, value, to);
    return r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal) ? r.toVal : undefined;
  } catch {
    return undefined;
  }
}

function isMolar(unit: string): boolean {
  return ucumConvert(unit, 1, 'mol/L') !== undefined;
}

/**
 * Convert a measured value to the analyte's canonical unit.
 * @param analyte which analyte (decides canonical unit and molar mass)
 * @param value the recorded number
 * @param unit the UCUM code (Quantity.code), else the printed unit (Quantity.unit); undefined if none
 */
export function toCanonical(analyte: AnalyteKey, value: number, unit: string | undefined): Conversion {
  const spec = ANALYTES[analyte];
  const raw = unit?.trim() ?? '';
  if (spec.unit === null) {
    // Dimensionless: accept no unit, UCUM "1", or an annotation like {score} / {index}.
    if (raw === '' || raw === '1' || /^\{[^}]*\}$/.test(raw)) return { ok: true, value, unit: null };
    return {
      ok: false,
      state: 'unknown-unit',
      reason: `unit "${raw}" given for a dimensionless ${analyte}`,
      why: because('unit-dimensionless', { unit: raw, analyte }),
    };
  }
  if (raw === '')
    return { ok: false, state: 'unknown-unit', reason: `no unit recorded; expected ${spec.unit}`, why: because('unit-missing', { expected: spec.unit }) };
  // Own keys only: a unit named like an Object.prototype property (`constructor`) is just unknown.
  const from = (Object.hasOwn(UNIT_ALIASES, raw) ? UNIT_ALIASES[raw] : undefined) ?? raw;
  if (from === spec.unit) return { ok: true, value, unit: spec.unit };
  const direct = ucumConvert(from, value, spec.unit);
  if (direct !== undefined) return { ok: true, value: tidy(direct), unit: spec.unit };
  if (spec.molarMass && isMolar(from)) {
    const molPerL = ucumConvert(from, value, 'mol/L');
    const gPerL = molPerL === undefined ? undefined : molPerL * spec.molarMass.gPerMol;
    const target = gPerL === undefined ? undefined : ucumConvert('g/L', gPerL, spec.unit);
    if (target !== undefined)
      return {
        ok: true,
        value: tidy(target),
        unit: spec.unit,
        note: `converted from ${raw} with ${spec.molarMass.source}`,
        noteWhy: because('converted-molar', { unit: raw, source: because(spec.molarMass.sourceKey) }),
      };
  }
  const valid = (() => {
    try {
      return utils.validateUnitString(from).status === 'valid';
    } catch {
      return false;
    }
  })();
  return {
    ok: false,
    state: 'unknown-unit',
    reason: valid ? `unit ${raw} cannot be converted to ${spec.unit} for ${analyte}` : `"${raw}" is not a recognised unit (expected ${spec.unit})`,
    why: because(valid ? 'unit-not-convertible' : 'unit-unrecognised', { unit: raw, expected: spec.unit, analyte }),
  };
}

/** {@link implausibleReason} as a typed reason (same test). */
export function implausibleWhy(
  analyte: AnalyteKey,
  canonicalValue: number,
  range: readonly [number, number] = ANALYTES[analyte].plausible,
): Reason | undefined {
  const [low, high] = range;
  if (canonicalValue >= low && canonicalValue <= high) return undefined;
  return because('outside-plausible', { value: canonicalValue, unit: ANALYTES[analyte].unit ?? '', low, high });
}

/** Undefined when plausible, else the clinician-readable reason. */
export function implausibleReason(
  analyte: AnalyteKey,
  canonicalValue: number,
  range: readonly [number, number] = ANALYTES[analyte].plausible,
): string | undefined {
  const [low, high] = range;
  if (canonicalValue >= low && canonicalValue <= high) return undefined;
  const unit = ANALYTES[analyte].unit ?? '';
  return `${canonicalValue} ${unit} is outside the plausible range ${low}-${high} ${unit}`.replace(/\s+/g, ' ').trim();
}
