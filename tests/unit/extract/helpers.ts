/** Typed FHIR builders for the extract tests. */
import type { CodeableConcept, Coding, Condition, Observation, Patient, Quantity } from 'fhir/r4';

export const NOW = new Date('2026-11-15T12:00:00Z');
export const LOINC = 'http://loinc.org';
export const SCT = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';

export function cc(...codings: Coding[]): CodeableConcept {
  return { coding: codings };
}

export function patient(over: Partial<Patient> = {}): Patient {
  return { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1980-06-01', ...over };
}

export function condition(id: string, code: CodeableConcept, over: Partial<Condition> = {}): Condition {
  return { resourceType: 'Condition', id, subject: { reference: 'Patient/p1' }, code, ...over };
}

export function quantityObs(id: string, loinc: string, value: number, unit: string | undefined, date: string, over: Partial<Observation> = {}): Observation {
  const valueQuantity: Quantity = unit === undefined ? { value } : { value, unit, system: UCUM, code: unit };
  return { resourceType: 'Observation', id, status: 'final', code: cc({ system: LOINC, code: loinc }), subject: { reference: 'Patient/p1' }, effectiveDateTime: date, valueQuantity, ...over };
}
