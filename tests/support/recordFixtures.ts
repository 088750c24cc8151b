/**
 * A small hand-written RA record (FHIR R4) run through the real extractor, with one example of each
 * thing the record view must show: a text-only CRP, an implausible haemoglobin, a stale series, an
 * unknown unit, an entered-in-error and an unreadable result, a partial-date stopped anti-TNF.
 */
import type { Condition, MedicationStatement, Observation, Patient, Resource } from 'fhir/r4';
import { extractRecord, type ExtractedRecord } from '@src/extract/index.ts';
import { SCORES_CODE_SYSTEM } from '@src/scores/index.ts';

export const NOW = new Date('2026-11-15T12:00:00Z');
const LOINC = 'http://loinc.org';
const SCT = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const UCUM = 'http://unitsofmeasure.org';
const subject = { reference: 'Patient/ra-t1' };

function lab(id: string, code: string, date: string, value: number, unit: string, extra: Partial<Observation> = {}): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: LOINC, code }] },
    subject,
    effectiveDateTime: date,
    valueQuantity: { value, unit, system: UCUM, code: unit },
    ...extra,
  };
}

const patient: Patient = { resourceType: 'Patient', id: 'ra-t1', gender: 'female', birthDate: '1970-05-01', name: [{ family: 'Test', given: ['Rhea'] }] };

// codes.csv dx.rheumatoid_arthritis: SNOMED 69896004.
const ra: Condition = {
  resourceType: 'Condition',
  id: 'ra-dx',
  subject,
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: SCT, code: '69896004', display: 'Rheumatoid arthritis' }] },
  onsetDateTime: '2015-04-01',
};

function statement(
  id: string,
  rxnorm: string,
  inn: string,
  status: MedicationStatement['status'],
  period: { start: string; end?: string },
  reason?: string,
): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id,
    status,
    subject,
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: rxnorm, display: inn }] },
    effectivePeriod: period,
    ...(reason ? { statusReason: [{ text: reason }] } : {}),
  };
}

export const RA_RESOURCES: Resource[] = [
  patient,
  ra,
  // codes.csv lab.crp LOINC 1988-5 (mg/L).
  lab('crp-1', '1988-5', '2026-01-10', 12, 'mg/L'),
  lab('crp-2', '1988-5', '2026-06-10', 8, 'mg/L'),
  lab('crp-3', '1988-5', '2026-10-20', 6, 'mg/L'),
  // No coding at all, only text: matched by text, 1 mg/dL = 10 mg/L; the latest CRP.
  { ...lab('crp-text', '1988-5', '2026-11-01', 1, 'mg/dL'), code: { text: 'CRP' } },
  lab('crp-eie', '1988-5', '2026-09-01', 99, 'mg/L', { status: 'entered-in-error' }),
  lab('crp-baddate', '1988-5', 'last tuesday', 5, 'mg/L'),
  // codes.csv lab.hemoglobin 718-7; 45 g/dL is implausible; the latest is older than 180 days (stale).
  lab('hb-1', '718-7', '2025-01-10', 13.5, 'g/dL'),
  lab('hb-2', '718-7', '2025-03-10', 45, 'g/dL'),
  lab('hb-3', '718-7', '2025-04-10', 13.8, 'g/dL'),
  // codes.csv lab.esr 4537-7 with a unit no one can convert.
  lab('esr-1', '4537-7', '2026-10-20', 20, 'furlongs'),
  // A DAS28-CRP recorded with the local score code.
  { ...lab('das-1', 'x', '2026-06-10', 3.1, '{score}'), code: { coding: [{ system: SCORES_CODE_SYSTEM, code: 'das28-crp' }] } },
  // codes.csv drug.etanercept RxNorm 214555, drug.tocilizumab RxNorm 612865.
  statement('ms-eta', '214555', 'etanercept', 'stopped', { start: '2019-03', end: '2021-05' }, 'loss of response'),
  statement('ms-toc', '612865', 'tocilizumab', 'active', { start: '2021-06-07' }),
];

/** The RA record as the real extractor reads it at {@link NOW}. */
export function raRecord(): ExtractedRecord {
  return extractRecord(RA_RESOURCES, { now: NOW });
}
