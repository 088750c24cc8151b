/**
 * Observations -> canonical, dated, sourced series per concept (labs, vitals, scores, qualitative results,
 * classifications). Entered-in-error/cancelled are excluded; exact duplicates (same concept, time, value)
 * collapse into one point that keeps every source reference.
 */
import type { Observation } from 'fhir/r4';
import { codeMatches, codingsOf, hasCodedCoding, SYSTEMS, textContains, textOf, type LooseCoding } from './terminology/index.ts';
import { parseFhirDate, type FhirDate } from './dates.ts';
import { arr, num, own, refOf, statusCode, str } from './fhir.ts';
import { implausibleReason, toCanonical, type AnalyteKey } from './units.ts';
import type { OriginalValue } from './values.ts';

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
  sources: string[];
  matchedBy: 'code' | 'text';
  original: OriginalValue;
  note?: string;
  /** Upper reference limit in the canonical unit, when the lab sent one in the same unit. */
  referenceHigh?: number;
  /** Qualitative reading of Observation.interpretation (H/POS -> positive, N/NEG -> negative). */
  interpretation?: string;
}

export interface ObservationResult {
  series: Record<string, ObservationPoint[]>;
  problems: string[];
}

/** Concept -> analyte whose unit rules apply. Concepts absent here are qualitative or category results. */
const ANALYTE_OF: Record<string, AnalyteKey> = {
  'lab.crp': 'crp', 'lab.crp_hs': 'crp', 'lab.esr': 'esr', 'lab.fecal_calprotectin': 'fcal', 'lab.albumin': 'albumin',
  'lab.hemoglobin': 'haemoglobin', 'lab.lymphocytes': 'lymphocytes', 'lab.wbc': 'wbc', 'lab.platelets': 'platelets',
  'lab.creatinine': 'creatinine', 'lab.alt': 'alt', 'lab.ast': 'ast', 'lab.egfr': 'egfr', 'lab.jcv_index': 'jcv_index', 'vital.bmi': 'bmi', 'vital.body_weight': 'body_weight',
  'vital.body_height': 'body_height',
};

/**
 * Codes that share a concept but measure something else: qualitative CRP 11039-5 ("Presence"), lymphocyte
 * percentage 736-9 (codes.csv rows lab.crp / lab.lymphocytes). They get their own series.
 */
const SPLIT_CODES: Record<string, string> = {
  '11039-5': 'lab.crp_qualitative', '736-9': 'lab.lymphocytes_pct',
  // codes.csv score.cdai_ra rows also list the CDAI panel and its components: only 75847-4 is the total.
  '75842-5': 'score.cdai_ra_panel', '88982-4': 'score.cdai_ra_level', '88981-6': 'score.tjc28', '88980-8': 'score.sjc28',
  '75894-6': 'score.ptga', '75846-6': 'score.phga', '75843-3': 'score.sdai_panel',
};
/** Numbers kept in the lab's own unit: arbitrary-unit immunoassays read against the lab's own cut-off. */
const RAW_NUMERIC = new Set(['lab.rheumatoid_factor', 'lab.anti_ccp', 'lab.anti_hbs']);

/** Text fallback for Observations without any coded coding (English, German, French lab names). */
const TEXT_NAMES: Array<[string, readonly string[]]> = [
  ['lab.crp_hs', ['hs-crp', 'hscrp', 'high sensitivity crp', 'hochsensitives crp']],
  ['lab.crp', ['c-reactive protein', 'c reactive protein', 'crp', 'c-reaktives protein', 'proteine c reactive']],
  ['lab.fecal_calprotectin', ['calprotectin', 'calprotectine']],
  ['lab.esr', ['esr', 'erythrocyte sedimentation rate', 'bsg', 'blutsenkung', 'vitesse de sedimentation', 'vs']],
  ['lab.albumin', ['albumin', 'albumine']],
  ['lab.hemoglobin', ['hemoglobin', 'haemoglobin', 'hamoglobin', 'hemoglobine', 'hb']],
  ['lab.lymphocytes', ['lymphocytes absolute', 'lymphozyten absolut', 'absolute lymphocyte count']],
];

/** SNOMED CT qualifier values for qualitative results (SNOMED CT qualifier hierarchy; as used in IPS results). */
const QUALITATIVE_SCT: Record<string, string> = { '10828004': 'positive', '260385009': 'negative', '82334004': 'indeterminate', '52101004': 'positive', '2667000': 'negative' };
/** HL7 v3 ObservationInterpretation codes that carry a qualitative answer. */
const INTERPRETATION: Record<string, string> = { POS: 'positive', NEG: 'negative', IND: 'indeterminate', DET: 'positive', ND: 'negative', H: 'positive', HH: 'positive', A: 'positive', N: 'negative', L: 'negative' };

function qualitativeFromText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (textContains(text, ['indeterminate', 'equivocal', 'grenzwertig', 'unbestimmt', 'indetermine'])) return 'indeterminate';
  if (textContains(text, ['negative', 'negativ', 'not detected', 'nicht nachweisbar', 'non detecte'])) return 'negative';
  if (textContains(text, ['positive', 'positiv', 'detected', 'reactive', 'nachweisbar', 'reaktiv'])) return 'positive';
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

function pointFor(o: Observation, concept: string, matchedBy: 'code' | 'text', coding: LooseCoding, date: FhirDate): ObservationPoint | string {
  const ref = refOf(o);
  const base = { concept, date, sources: [ref], matchedBy, original: { coding } as OriginalValue };
  const analyte = ANALYTE_OF[concept];
  const quantity = o.valueQuantity;
  // JSON `1e999` parses to Infinity: a number, but no measurement. Not used, and said so in the
  // problems (an implausible point would carry Infinity into charts and tables as a value).
  const rawNumber: unknown = quantity?.value ?? o.valueInteger;
  if (typeof rawNumber === 'number' && !Number.isFinite(rawNumber)) return `${ref} (${concept}): implausible value, ${String(rawNumber)} is not a finite number; not used`;
  const number = num(quantity?.value) ?? num(o.valueInteger);
  if (number !== undefined && (analyte || RAW_NUMERIC.has(concept) || concept.startsWith('score.') || concept.startsWith('obs.'))) {
    const unitCode = str(quantity?.code) ?? str(quantity?.unit);
    base.original = { ...base.original, value: number, ...(unitCode ? { unit: unitCode } : {}) };
    const ranges = Array.isArray(o.referenceRange) ? o.referenceRange : [];
    const refHighRaw = num(ranges.map((r) => r?.high).find((h) => h !== undefined && (str(h.code) ?? str(h.unit)) === unitCode)?.value);
    const interp = interpretationOf(o);
    if (!analyte) {
      return { ...base, value: number, unit: RAW_NUMERIC.has(concept) ? unitCode ?? null : null, state: 'ok', ...(refHighRaw !== undefined ? { referenceHigh: refHighRaw } : {}), ...(interp ? { interpretation: interp } : {}) };
    }
    const converted = toCanonical(analyte, number, unitCode);
    if (!converted.ok) return { ...base, unit: null, state: 'unknown-unit', reason: converted.reason };
    const implausible = implausibleReason(analyte, converted.value);
    return {
      ...base,
      ...(refHighRaw !== undefined && number !== 0 ? { referenceHigh: Number(((refHighRaw * converted.value) / number).toPrecision(12)) } : {}),
      ...(interp ? { interpretation: interp } : {}),
      value: converted.value,
      unit: converted.unit,
      state: implausible ? 'implausible' : 'ok',
      ...(implausible ? { reason: implausible } : {}),
      ...(converted.note ? { note: converted.note } : {}),
    };
  }
  // Qualitative or category answers.
  const valueCodings = codingsOf(o.valueCodeableConcept);
  const valueText = str(o.valueString) ?? textOf(o.valueCodeableConcept);
  const comparator = str(quantity?.comparator);
  let category: string | undefined;
  for (const c of valueCodings) {
    if (c.system === SYSTEMS.snomed && c.code && own(QUALITATIVE_SCT, c.code)) category = own(QUALITATIVE_SCT, c.code);
  }
  if (!category && concept.startsWith('obs.') ) category = valueCodings.find((c) => c.code)?.code ?? valueText;
  if (!category && concept.startsWith('social.')) category = valueCodings.find((c) => c.system === SYSTEMS.snomed && c.code)?.code;
  category ??= qualitativeFromText(valueText) ?? interpretationOf(o);
  if (category === undefined && comparator && number === undefined) return `${ref}: comparator without value`;
  if (category === undefined) {
    const absent = textOf(o.dataAbsentReason);
    return `${ref} (${concept}): no usable value${absent ? ` (${absent})` : ''}`;
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
  const problems: string[] = [];
  const seen = new Map<string, ObservationPoint>();
  for (const o of observations) {
    try {
      const status = typeof o.status === 'string' ? o.status : statusCode(o.status);
      const id = identify(o);
      if (!id) continue;
      if (status === 'entered-in-error' || status === 'cancelled') {
        problems.push(`${refOf(o)} (${id.concept}) excluded: status ${status}`);
        continue;
      }
      const parsed = parseFhirDate(effectiveOf(o), now);
      if (!parsed.ok) {
        problems.push(`${refOf(o)} (${id.concept}) not used: ${parsed.reason}`);
        continue;
      }
      const point = pointFor(o, id.concept, id.matchedBy, id.coding, parsed.date);
      if (typeof point === 'string') {
        problems.push(point);
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
      problems.push(`${refOf(o)} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const list of Object.values(series)) list.sort((a, b) => a.date.start.getTime() - b.date.start.getTime());
  return { series, problems };
}
