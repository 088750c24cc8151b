/**
 * Observations -> canonical, dated, sourced series per concept (labs, vitals, scores, qualitative results,
 * classifications). Entered-in-error/cancelled are excluded; exact duplicates (same concept, time, value)
 * collapse into one point that keeps every source reference.
 */
import type { Observation } from 'fhir/r4';
import { codeMatches, codingsOf, hasCodedCoding, normaliseText, SYSTEMS, textContains, textOf, type LooseCoding } from './terminology/index.ts';
import { parseFhirDate, type FhirDate } from './dates.ts';
import { arr, num, own, refOf, statusCode, str } from './fhir.ts';
import { implausibleReason, implausibleWhy, toCanonical, type AnalyteKey } from './units.ts';
import { because, couldNotRead, recordText, statusRef, type Reason } from './reasons.ts';
import type { OriginalValue } from './values.ts';
import { excludedProblem, unreadableProblem, type ExtractProblem } from './problems.ts';

export interface ObservationPoint {
  /** Concept key, e.g. `lab.crp`, `score.harvey_bradshaw`, `lab.hbsag`. */
  concept: string;
  date: FhirDate;
  /** Canonical number (absent for qualitative results and unconvertible units). */
  value?: number;
  unit: string | null;
  /** Qualitative/category result: positive | negative | indeterminate, or a code such as L3, B2, 8517006. */
  category?: string;
  state: 'ok' | 'implausible' | 'unknown-unit';
  reason?: string;
  /** The typed reason (./reasons.ts). */
  why?: Reason;
  sources: string[];
  matchedBy: 'code' | 'text';
  original: OriginalValue;
  note?: string;
  /** The typed note (./reasons.ts). */
  noteWhy?: Reason;
  /** Upper reference limit in the canonical unit, when the lab sent one in the same unit. */
  referenceHigh?: number;
  /** Qualitative reading of Observation.interpretation (H/POS -> positive, N/NEG -> negative). */
  interpretation?: string;
}

export interface ObservationResult {
  series: Record<string, ObservationPoint[]>;
  problems: ExtractProblem[];
}

/** Concept -> analyte whose unit rules apply. Concepts absent here are qualitative or category results. */
const ANALYTE_OF: Record<string, AnalyteKey> = {
  'lab.crp': 'crp',
  'lab.crp_hs': 'crp',
  'lab.esr': 'esr',
  'lab.fecal_calprotectin': 'fcal',
  'lab.albumin': 'albumin',
  'lab.hemoglobin': 'haemoglobin',
  'lab.lymphocytes': 'lymphocytes',
  'lab.wbc': 'wbc',
  'lab.platelets': 'platelets',
  'lab.creatinine': 'creatinine',
  'lab.alt': 'alt',
  'lab.ast': 'ast',
  'lab.egfr': 'egfr',
  'lab.jcv_index': 'jcv_index',
  'vital.bmi': 'bmi',
  'vital.body_weight': 'body_weight',
  'vital.body_height': 'body_height',
  'lab.neutrophils': 'neutrophils',
  'lab.igg': 'igg',
  'lab.creatinine_clearance': 'creatinine_clearance',
  'obs.qtc': 'qtc',
};

/**
 * Codes that share a concept but measure something else: qualitative CRP 11039-5 ("Presence"), lymphocyte
 * percentage 736-9 (codes.csv rows lab.crp / lab.lymphocytes). They get their own series.
 */
const SPLIT_CODES: Record<string, string> = {
  '11039-5': 'lab.crp_qualitative',
  '736-9': 'lab.lymphocytes_pct',
  // codes.csv score.cdai_ra rows also list the CDAI panel and its components: only 75847-4 is the total.
  '75842-5': 'score.cdai_ra_panel',
  '88982-4': 'score.cdai_ra_level',
  '88981-6': 'score.tjc28',
  '88980-8': 'score.sjc28',
  '75894-6': 'score.ptga',
  '75846-6': 'score.phga',
  '75843-3': 'score.sdai_panel',
};
/** Numbers kept in the lab's own unit: arbitrary-unit immunoassays read against the lab's own cut-off. */
const RAW_NUMERIC = new Set([
  'lab.rheumatoid_factor',
  'lab.anti_ccp',
  'lab.anti_hbs',
  'lab.vzv_igg',
  // Serology reported as an index (S/CO, COI): read against the lab's own cut-off or interpretation flag.
  'lab.hbsag',
  'lab.anti_hbc',
  'lab.hiv',
  'lab.hcv_ab',
  'lab.jcv_antibody',
]);

/** Text fallback for Observations without any coded coding (English, German, French lab names). */
const TEXT_NAMES: Array<[string, readonly string[]]> = [
  ['lab.crp_hs', ['hs-crp', 'hscrp', 'high sensitivity crp', 'hochsensitives crp']],
  ['lab.crp', ['c-reactive protein', 'c reactive protein', 'crp', 'c-reaktives protein', 'proteine c reactive']],
  ['lab.fecal_calprotectin', ['calprotectin', 'calprotectine']],
  ['lab.esr', ['esr', 'erythrocyte sedimentation rate', 'bsg', 'blutsenkung', 'vitesse de sedimentation', 'vs']],
  ['lab.albumin', ['albumin', 'albumine']],
  ['lab.hemoglobin', ['hemoglobin', 'haemoglobin', 'hamoglobin', 'hemoglobine', 'hb']],
  ['lab.lymphocytes', ['lymphocytes absolute', 'lymphozyten absolut', 'absolute lymphocyte count']],
  // Safety labs (issue 10): the names European lab reports print (EN/DE/FR).
  [
    'lab.neutrophils',
    [
      'neutrophils absolute',
      'absolute neutrophil count',
      'neutrophile absolut',
      'neutrophile granulozyten absolut',
      'polynucleaires neutrophiles',
      'neutrophiles',
    ],
  ],
  ['lab.platelets', ['platelets', 'platelet count', 'thrombozyten', 'plaquettes']],
  ['lab.vzv_igg', ['vzv igg', 'varicella zoster igg', 'varizella-zoster-virus igg', 'vzv-igg', 'vzv-ak igg']],
  ['lab.alt', ['alt', 'alat', 'gpt', 'alt (gpt)', 'alanine aminotransferase', 'alanin-aminotransferase']],
  ['lab.ast', ['ast', 'asat', 'got', 'ast (got)', 'aspartate aminotransferase', 'aspartat-aminotransferase']],
  ['lab.egfr', ['egfr', 'gfr (ckd-epi)', 'estimated gfr', 'dfg', 'debit de filtration glomerulaire']],
  ['lab.hbsag', ['hbsag', 'hbs-ag', 'hbs antigen', 'antigene hbs', 'ag hbs']],
  ['lab.anti_hbc', ['anti-hbc', 'hbc-ak', 'anti hbc', 'ac anti-hbc', 'hepatitis b core antibody']],
  ['lab.igra_tb', ['quantiferon', 'igra', 't-spot', 'interferon-gamma release assay']],
  ['lab.hcv_rna', ['hcv rna', 'hcv-rna', 'hcv pcr', 'arn vhc']],
  ['lab.hiv', ['hiv 1/2', 'hiv-1/2', 'hiv ag/ab', 'hiv-ak', 'vih']],
  ['obs.qtc', ['qtc']],
  // Last: "IgG" alone would also match "VZV IgG" or "anti-HBc IgG" above.
  ['lab.igg', ['immunoglobulin g', 'immunglobulin g', 'immunoglobuline g', 'igg']],
];

/**
 * SNOMED CT qualifier values for qualitative results (the contract's answer codes: 10828004 positive,
 * 260385009 negative, 260373001 detected, 260415000 not detected; 11214006 reactive, 131194007 non-reactive,
 * 82334004 indeterminate, 419984006 inconclusive, 52101004 present, 2667000 absent; SNOMED CT qualifier
 * value hierarchy, as used in IPS and US lab results; the last six recalled, re-check in the browser).
 */
const QUALITATIVE_SCT: Record<string, string> = {
  '10828004': 'positive',
  '260385009': 'negative',
  '260373001': 'positive',
  '260415000': 'negative',
  '11214006': 'positive',
  '131194007': 'negative',
  '82334004': 'indeterminate',
  '419984006': 'indeterminate',
  '52101004': 'positive',
  '2667000': 'negative',
};
/** LOINC answer codes (LA) of qualitative results: LA6576-8 Positive, LA6577-6 Negative, LA11882-0 Detected, LA11883-8 Not detected, LA11884-6 Indeterminate (LOINC answer lists; secondary). */
const QUALITATIVE_LA: Record<string, string> = {
  'LA6576-8': 'positive',
  'LA6577-6': 'negative',
  'LA11882-0': 'positive',
  'LA11883-8': 'negative',
  'LA11884-6': 'indeterminate',
};
const V3_INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
/** HL7 v3 ObservationInterpretation codes that carry a qualitative answer. */
const INTERPRETATION: Record<string, string> = {
  POS: 'positive',
  NEG: 'negative',
  IND: 'indeterminate',
  DET: 'positive',
  ND: 'negative',
  H: 'positive',
  HH: 'positive',
  A: 'positive',
  AA: 'positive',
  N: 'negative',
  L: 'negative',
};

/** Negations are read FIRST: "Non-Reactive" contains "reactive", "nicht nachweisbar" contains "nachweisbar". */
const NEGATIVE_TEXT = [
  'non-reactive',
  'nonreactive',
  'non reactive',
  'not reactive',
  'not detected',
  'undetected',
  'non-detected',
  'none detected',
  'negative',
  'neg',
  'nicht reaktiv',
  'negativ',
  'nicht nachweisbar',
  'nicht nachgewiesen',
  'kein nachweis',
  'non reactif',
  'non-reactif',
  'negatif',
  'non detecte',
  'indetectable',
];
const INDETERMINATE_TEXT = [
  'indeterminate',
  'equivocal',
  'borderline',
  'inconclusive',
  'grenzwertig',
  'unbestimmt',
  'fraglich',
  'indetermine',
  'douteux',
  'equivoque',
  'limite',
];
const POSITIVE_TEXT = ['positive', 'pos', 'positiv', 'positif', 'detected', 'reactive', 'reaktiv', 'reactif', 'nachweisbar', 'nachgewiesen', 'detecte'];

/**
 * A qualitative result read from free text, negation-aware (EN/DE/FR). Negative phrases are matched first and
 * removed; a positive word left over ("HBsAg negative, anti-HBc positive") makes the text `conflicting`.
 */
export function qualitativeFromText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const negative = textContains(text, NEGATIVE_TEXT);
  if (negative) {
    let rest = normaliseText(text);
    for (const phrase of NEGATIVE_TEXT) rest = rest.split(normaliseText(phrase)).join(' ');
    return textContains(rest, POSITIVE_TEXT) || textContains(rest, INDETERMINATE_TEXT) ? 'conflicting' : 'negative';
  }
  if (textContains(text, INDETERMINATE_TEXT)) return 'indeterminate';
  if (textContains(text, POSITIVE_TEXT)) return 'positive';
  return undefined;
}

/** A qualitative answer from coded values: SNOMED CT qualifiers, LOINC LA answers, v3 interpretation codes used as values. */
function qualitativeFromCodings(codings: readonly LooseCoding[]): string | undefined {
  for (const c of codings) {
    if (!c.code) continue;
    // own(): only the tables' own keys (a code named "constructor" must not read Object.prototype; issue 12).
    if (c.system === SYSTEMS.snomed && own(QUALITATIVE_SCT, c.code)) return own(QUALITATIVE_SCT, c.code);
    if (c.system === SYSTEMS.loinc && own(QUALITATIVE_LA, c.code)) return own(QUALITATIVE_LA, c.code);
    if (c.system === V3_INTERPRETATION && own(INTERPRETATION, c.code.toUpperCase())) return own(INTERPRETATION, c.code.toUpperCase());
  }
  return undefined;
}
function identify(o: Observation): { concept: string; matchedBy: 'code' | 'text'; coding: LooseCoding } | undefined {
  const matches = codeMatches(o.code).filter((m) => /^(lab|vital|score|obs|social)\./.test(m.concept));
  const first = matches[0];
  if (first) {
    const split = first.coding.system === SYSTEMS.loinc && first.coding.code ? own(SPLIT_CODES, first.coding.code) : undefined;
    return { concept: split ?? first.concept, matchedBy: 'code', coding: first.coding };
  }
  if (hasCodedCoding(o.code)) return undefined;
  const text = textOf(o.code);
  for (const [concept, names] of TEXT_NAMES) {
    if (textContains(text, names)) return { concept, matchedBy: 'text', coding: { display: text } };
  }
  return undefined;
}

function effectiveOf(o: Observation): unknown {
  return o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued;
}

function interpretationOf(o: Observation): string | undefined {
  for (const concept of arr(o.interpretation)) {
    for (const c of codingsOf(concept)) {
      const q = c.code ? own(INTERPRETATION, c.code.toUpperCase()) : undefined;
      if (q) return q;
    }
  }
  return undefined;
}

/** An Observation that is there but gives no usable point: the problem's message and its typed reason. */
interface Unused {
  message: string;
  why: Reason;
}

function pointFor(o: Observation, concept: string, matchedBy: 'code' | 'text', coding: LooseCoding, date: FhirDate): ObservationPoint | Unused {
  const ref = refOf(o);
  const base = { concept, date, sources: [ref], matchedBy, original: { coding } as OriginalValue };
  const analyte = ANALYTE_OF[concept];
  const quantity = o.valueQuantity;
  // JSON `1e999` parses to Infinity: a number, but no measurement. Not used, and said so in the
  // problems (an implausible point would carry Infinity into charts and tables as a value).
  const rawNumber: unknown = quantity?.value ?? o.valueInteger;
  if (typeof rawNumber === 'number' && !Number.isFinite(rawNumber))
    return {
      message: `${ref} (${concept}): implausible value, ${String(rawNumber)} is not a finite number; not used`,
      why: because('value-not-finite', { ref, value: String(rawNumber) }),
    };
  const number = num(quantity?.value) ?? num(o.valueInteger);
  if (number !== undefined && (analyte || RAW_NUMERIC.has(concept) || concept.startsWith('score.') || concept.startsWith('obs.'))) {
    const unitCode = str(quantity?.code) ?? str(quantity?.unit);
    base.original = { ...base.original, value: number, ...(unitCode ? { unit: unitCode } : {}) };
    const ranges = Array.isArray(o.referenceRange) ? o.referenceRange : [];
    const refHighRaw = num(ranges.map((r) => r?.high).find((h) => h !== undefined && (str(h.code) ?? str(h.unit)) === unitCode)?.value);
    const interp = interpretationOf(o);
    if (!analyte) {
      return {
        ...base,
        value: number,
        unit: RAW_NUMERIC.has(concept) ? (unitCode ?? null) : null,
        state: 'ok',
        ...(refHighRaw !== undefined ? { referenceHigh: refHighRaw } : {}),
        ...(interp ? { interpretation: interp } : {}),
      };
    }
    const converted = toCanonical(analyte, number, unitCode);
    if (!converted.ok) return { ...base, unit: null, state: 'unknown-unit', reason: converted.reason, why: converted.why };
    const implausible = implausibleReason(analyte, converted.value);
    const implausibleBecause = implausibleWhy(analyte, converted.value);
    return {
      ...base,
      ...(refHighRaw !== undefined && number !== 0 ? { referenceHigh: Number(((refHighRaw * converted.value) / number).toPrecision(12)) } : {}),
      ...(interp ? { interpretation: interp } : {}),
      value: converted.value,
      unit: converted.unit,
      state: implausible ? 'implausible' : 'ok',
      ...(implausible ? { reason: implausible } : {}),
      ...(implausibleBecause ? { why: implausibleBecause } : {}),
      ...(converted.note ? { note: converted.note } : {}),
      ...(converted.noteWhy ? { noteWhy: converted.noteWhy } : {}),
    };
  }
  // Qualitative or category answers.
  const valueCodings = codingsOf(o.valueCodeableConcept);
  const valueText = str(o.valueString) ?? textOf(o.valueCodeableConcept);
  const comparator = str(quantity?.comparator);
  // Coded first (answer code, then the interpretation flag), then negation-aware text. A coded answer and
  // an interpretation flag that disagree are `conflicting`: shown, never used as either.
  let category: string | undefined;
  if (concept.startsWith('obs.')) category = valueCodings.find((c) => c.code)?.code ?? valueText;
  else if (concept.startsWith('social.')) category = valueCodings.find((c) => c.system === SYSTEMS.snomed && c.code)?.code;
  else {
    const readings = [qualitativeFromCodings(valueCodings), interpretationOf(o), qualitativeFromText(valueText)].filter((x) => x !== undefined);
    category = readings.some((x) => x !== readings[0]) ? 'conflicting' : readings[0];
  }
  category ??= qualitativeFromText(valueText) ?? interpretationOf(o);
  if (category === undefined && comparator && number === undefined)
    return { message: `${ref}: comparator without value`, why: because('comparator-without-value', { ref }) };
  if (category === undefined) {
    const absent = textOf(o.dataAbsentReason);
    return {
      message: `${ref} (${concept}): no usable value${absent ? ` (${absent})` : ''}`,
      why: because(absent ? 'no-usable-value-because' : 'no-usable-value', { ref, ...(absent ? { absent: recordText(absent) } : {}) }),
    };
  }
  base.original = { ...base.original, ...(valueText ? { text: valueText } : {}), ...(valueCodings[0] ? { coding: valueCodings[0] } : {}) };
  return { ...base, unit: null, category, state: 'ok' };
}

/**
 * Read all Observations into canonical series per concept, sorted oldest first.
 * @param observations Observation resources (malformed ones produce problems, never exceptions)
 * @param now reference time for date plausibility
 */
export function readObservations(observations: readonly Observation[], now: Date): ObservationResult {
  const series: Record<string, ObservationPoint[]> = {};
  const problems: ExtractProblem[] = [];
  const seen = new Map<string, ObservationPoint>();
  for (const o of observations) {
    try {
      const status = typeof o.status === 'string' ? o.status : statusCode(o.status);
      const id = identify(o);
      if (!id) continue;
      if (status === 'entered-in-error' || status === 'cancelled') {
        problems.push(
          excludedProblem(`${refOf(o)} (${id.concept}) excluded: status ${status}`, because('excluded-status', { ref: refOf(o), status: statusRef(status) })),
        );
        continue;
      }
      const parsed = parseFhirDate(effectiveOf(o), now);
      if (!parsed.ok) {
        problems.push(unreadableProblem(`${refOf(o)} (${id.concept}) not used: ${parsed.reason}`, because('not-used', { ref: refOf(o), cause: parsed.why })));
        continue;
      }
      const point = pointFor(o, id.concept, id.matchedBy, id.coding, parsed.date);
      if ('message' in point) {
        problems.push(unreadableProblem(point.message, point.why));
        continue;
      }
      const key = `${point.concept}|${point.date.start.getTime()}|${point.value ?? point.category ?? point.state}`;
      const dup = seen.get(key);
      if (dup) {
        for (const s of point.sources) if (!dup.sources.includes(s)) dup.sources.push(s);
        continue;
      }
      seen.set(key, point);
      (series[point.concept] ??= []).push(point);
    } catch (error) {
      problems.push(
        unreadableProblem(`${refOf(o)} could not be read: ${error instanceof Error ? error.message : String(error)}`, couldNotRead(refOf(o), error)),
      );
    }
  }
  for (const list of Object.values(series)) list.sort((a, b) => a.date.start.getTime() - b.date.start.getTime());
  return { series, problems };
}
