/** Builders for the safety-fact tests: the three coding styles the app reads (US Core, German MII, IPS/WHO). */
import type { CodeableConcept, Coding, Condition, FhirResource, Immunization, MedicationStatement, Observation, Procedure } from 'fhir/r4';
import { extractRecord, type ExtractedRecord } from '@src/extract/extract.ts';
import type { SearchOutcome } from '@src/extract/coverage.ts';
import { cc, condition, LOINC, NOW, patient, SCT } from '../../support/fhir.ts';

export const ICD_CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const ICD_GM = 'http://fhir.de/CodeSystem/bfarm/icd-10-gm';
export const ICD_WHO = 'http://hl7.org/fhir/sid/icd-10';
export const ATC_DE = 'http://fhir.de/CodeSystem/bfarm/atc';
export const ATC_DE_OLD = 'http://fhir.de/CodeSystem/dimdi/atc';
export const ATC_WHO = 'http://www.whocc.no/atc';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const CVX = 'http://hl7.org/fhir/sid/cvx';
export const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

const crohn = condition('cd', cc({ system: SCT, code: '34000006' }), { onsetDateTime: '2019-03' });
/** A diagnosis unrelated to every safety fact (asthma): the problem list is then not thin. */
export const OTHER = condition('asthma', cc({ system: SCT, code: '195967001', display: 'Asthma' }));

export function dx(id: string, system: string, code: string, over: Partial<Condition> = {}): Condition {
  return condition(id, cc({ system, code }), {
    clinicalStatus: cc({ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }),
    ...over,
  });
}
export function resolved(id: string, system: string, code: string, over: Partial<Condition> = {}): Condition {
  return dx(id, system, code, { clinicalStatus: cc({ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }), ...over });
}
export function textDx(id: string, text: string): Condition {
  return condition(id, { text });
}

/** A qualitative Observation: coded value, text value and interpretation as given. */
export function qual(id: string, loinc: string, date: string, v: { code?: Coding; text?: string; interp?: string }): Observation {
  const value: CodeableConcept | undefined = v.code ? { coding: [v.code], ...(v.text ? { text: v.text } : {}) } : undefined;
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: cc({ system: LOINC, code: loinc }),
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: date,
    ...(value ? { valueCodeableConcept: value } : v.text ? { valueString: v.text } : {}),
    ...(v.interp ? { interpretation: [cc({ system: V3, code: v.interp })] } : {}),
  };
}

export function vaccine(id: string, date: string, coding: Coding, status: Immunization['status'] = 'completed'): Immunization {
  return { resourceType: 'Immunization', id, status, patient: { reference: 'Patient/p1' }, vaccineCode: { coding: [coding] }, occurrenceDateTime: date };
}
export function textVaccine(id: string, date: string, coding: Coding, text: string): Immunization {
  return { ...vaccine(id, date, coding), vaccineCode: { coding: [coding], text } };
}

export function med(
  id: string,
  coding: Coding,
  status: MedicationStatement['status'],
  start: string,
  over: Partial<MedicationStatement> = {},
): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id,
    status,
    subject: { reference: 'Patient/p1' },
    effectivePeriod: { start },
    medicationCodeableConcept: { coding: [coding] },
    ...over,
  };
}

export function proc(id: string, system: string, code: string, date: string): Procedure {
  return { resourceType: 'Procedure', id, status: 'completed', subject: { reference: 'Patient/p1' }, code: cc({ system, code }), performedDateTime: date };
}

export const failed = (id: string, resourceType: string, reason = 'timeout: no answer within 20 s'): SearchOutcome => ({ id, resourceType, ok: false, reason });

/** Extract a record of the default patient (female, born 1980-06-01) with Crohn's disease and the given resources. */
export function extract(
  resources: FhirResource[],
  opts: { searches?: SearchOutcome[]; birthDate?: string; gender?: 'male' | 'female' | 'unknown' } = {},
): ExtractedRecord {
  const p = patient({ ...(opts.birthDate ? { birthDate: opts.birthDate } : {}), ...(opts.gender ? { gender: opts.gender } : {}) });
  return extractRecord([p, crohn, ...resources], { now: NOW, ...(opts.searches ? { searches: opts.searches } : {}) });
}

export { NOW, SCT, LOINC };
