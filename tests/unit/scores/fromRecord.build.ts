/**
 * Typed FHIR builders for the fromRecord tests: small records run through the real extractor.
 * Codes: codes.csv rows dx.rheumatoid_arthritis 69896004, dx.crohns_disease 34000006,
 * dx.ulcerative_colitis 64766004, dx.multiple_sclerosis 192929006 (relapse), score.cdai_ra components
 * 88981-6/88980-8/75894-6/75846-6, lab.crp 1988-5, lab.esr 4537-7, drug.interferon_beta_1a L03AB07;
 * MS RRMS SNOMED 426373005 as in sandbox/fixtures; local score codes from src/extract/terminology/local.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeableConcept, Condition, FhirResource, MedicationStatement, Observation, Patient, Quantity } from 'fhir/r4';
import { extractRecord, resourcesFromBundle, type ExtractedRecord } from '@src/extract/index.ts';
import type { ObservationPoint } from '@src/extract/index.ts';

import { LOINC, NOW, SCT, UCUM } from '../../support/fhir.ts';

export { NOW };
export const LOCAL = 'https://therapy-navigator.example.org/fhir/CodeSystem/scores';
const FIXTURES = join(import.meta.dirname, '../../../sandbox/fixtures');

export const DX = { RA: '69896004', CD: '34000006', UC: '64766004', RMS: '426373005', RELAPSE: '192929006' } as const;
export const LN = { tjc: '88981-6', sjc: '88980-8', ptga: '75894-6', phga: '75846-6', crp: '1988-5', esr: '4537-7' } as const;

const cc = (system: string, code: string): CodeableConcept => ({ coding: [{ system, code }] });

export function patient(gender: Patient['gender'] = 'female'): Patient {
  return { resourceType: 'Patient', id: 'p1', gender, birthDate: '1970-05-01' };
}

export function diagnosis(id: string, code: string, onset: string): Condition {
  return { resourceType: 'Condition', id, subject: { reference: 'Patient/p1' }, code: cc(SCT, code), onsetDateTime: onset };
}

/** A numeric Observation; `unit` undefined = no unit at all; `system` defaults to LOINC. */
export function obs(id: string, code: string, value: number, date: string, unit?: string, system: string = LOINC): Observation {
  const valueQuantity: Quantity = unit === undefined ? { value } : { value, unit, system: UCUM, code: unit };
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: cc(system, code),
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: date,
    valueQuantity,
  };
}

/** A joint assessment on one day: TJC28, SJC28, PtGA (unit as given), PhGA (0-10 {score}). */
export function jointAssessment(day: string, tjc: number, sjc: number, ptga: number, phga: number, ptgaUnit = '{score}'): Observation[] {
  const at = `${day}T10:30:00+01:00`;
  return [
    obs(`tjc-${day}`, LN.tjc, tjc, at),
    obs(`sjc-${day}`, LN.sjc, sjc, at),
    obs(`ptga-${day}`, LN.ptga, ptga, at, ptgaUnit),
    obs(`phga-${day}`, LN.phga, phga, at, '{score}'),
  ];
}

export function crp(day: string, value: number, unit = 'mg/L'): Observation {
  return obs(`crp-${day}`, LN.crp, value, `${day}T08:30:00+01:00`, unit);
}

export function esr(day: string, value: number): Observation {
  return obs(`esr-${day}`, LN.esr, value, `${day}T08:30:00+01:00`, 'mm/h');
}

/** An ongoing (or ended) therapy statement coded with WHO ATC. */
export function therapy(id: string, atc: string, start: string, end?: string): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id,
    status: end ? 'completed' : 'active',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: cc('http://www.whocc.no/atc', atc),
    effectivePeriod: end ? { start, end } : { start },
  };
}

/** Run the real extractor on resources. */
export function extract(resources: readonly FhirResource[], now: Date = NOW): ExtractedRecord {
  return extractRecord(resources, { now });
}

/** A demo patient from sandbox/fixtures through the real extractor, at the fixtures' "today". */
export function fixture(name: string, now: Date = NOW): ExtractedRecord {
  const bundle = resourcesFromBundle(JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')));
  return extractRecord(bundle.resources, { now });
}

/**
 * Adds component points to an extracted record's series, for score items the extractor does not map
 * yet (HBI items, Mayo subscores under their local item codes): the shape is the extractor's own.
 */
export function withSeries(record: ExtractedRecord, concept: string, points: Array<[string, number]>): ExtractedRecord {
  const added: ObservationPoint[] = points.map(([day, value]) => ({
    concept,
    value,
    unit: null,
    state: 'ok',
    matchedBy: 'code',
    sources: [`Observation/${concept}-${day}`],
    original: { value },
    date: { raw: day, precision: 'day', start: new Date(`${day}T00:00:00Z`), end: new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000) },
  }));
  return { ...record, observations: { ...record.observations, [concept]: [...(record.observations[concept] ?? []), ...added] } };
}
