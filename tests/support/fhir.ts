/**
 * Typed FHIR R4 builders and the fixed clock shared by the tests (extract, scores, property, UI and
 * integration tests): one `NOW`, one set of system URIs, minimal valid resources to override per case.
 */
import type { CodeableConcept, Coding, Condition, Observation, Patient, Quantity } from 'fhir/r4';

export const NOW = new Date('2026-11-15T12:00:00Z');
export const LOINC = 'http://loinc.org';
export const SCT = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';

/** A CodeableConcept of the given codings. */
export function cc(...codings: Coding[]): CodeableConcept {
  return { coding: codings };
}

/** Patient p1 (female, born 1980-06-01), overridable. */
export function patient(over: Partial<Patient> = {}): Patient {
  return { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1980-06-01', ...over };
}

/** A Condition of Patient/p1 with the given code. */
export function condition(id: string, code: CodeableConcept, over: Partial<Condition> = {}): Condition {
  return { resourceType: 'Condition', id, subject: { reference: 'Patient/p1' }, code, ...over };
}

/** A final laboratory Observation of Patient/p1: LOINC code, value and UCUM unit (no unit when undefined). */
export function quantityObs(id: string, loinc: string, value: number, unit: string | undefined, date: string, over: Partial<Observation> = {}): Observation {
  const valueQuantity: Quantity = unit === undefined ? { value } : { value, unit, system: UCUM, code: unit };
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: cc({ system: LOINC, code: loinc }),
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: date,
    valueQuantity,
    ...over,
  };
}
