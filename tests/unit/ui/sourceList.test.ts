import type { Medication } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { resourceDate, resourceSummary } from '@src/ui/components/sourceList.utils.ts';

describe('resourceDate', () => {
  it.each([
    [{ resourceType: 'Observation', effectivePeriod: { start: '2024-02' }, issued: '2024-03-01T00:00:00Z' }, '2024-02'],
    [{ resourceType: 'MedicationAdministration', effectiveDateTime: '2025-01-10' }, '2025-01-10'],
    [{ resourceType: 'MedicationRequest', authoredOn: '2023-05-05' }, '2023-05-05'],
    [{ resourceType: 'Condition', onsetDateTime: '2015', recordedDate: '2016-01-01' }, '2015'],
    [{ resourceType: 'Immunization', occurrenceDateTime: '2022-10-01' }, '2022-10-01'],
    [{ resourceType: 'Procedure', performedPeriod: { start: 42 } }, undefined],
    ['not a resource', undefined],
  ])('%j -> %s', (r, expected) => {
    expect(resourceDate(r)).toBe(expected);
  });
});

describe('resourceSummary', () => {
  const med: Medication = { resourceType: 'Medication', id: 'm1', code: { coding: [{ display: 'Natalizumab 300 mg' }] } };
  const lookup = (ref: string) => (ref === 'Medication/m1' ? med : undefined);
  it.each([
    [{ resourceType: 'Observation', code: { text: 'CRP' }, valueQuantity: { value: 3.25, unit: 'mg/L' } }, 'CRP · 3.25 mg/L'],
    [{ resourceType: 'Observation', code: { text: 'HBsAg' }, valueCodeableConcept: { text: 'negative' } }, 'HBsAg · negative'],
    [{ resourceType: 'MedicationAdministration', medicationReference: { reference: 'Medication/m1' } }, 'Natalizumab 300 mg'],
    [
      {
        resourceType: 'MedicationStatement',
        medicationReference: { reference: '#c' },
        contained: [{ resourceType: 'Medication', id: 'c', code: { text: 'Adalimumab' } }],
      },
      'Adalimumab',
    ],
    [{ resourceType: 'MedicationRequest', medicationReference: { reference: 'Medication/unknown', display: 'Ocrelizumab' } }, 'Ocrelizumab'],
    [{ resourceType: 'Immunization', vaccineCode: { text: 'Varicella zoster' } }, 'Varicella zoster'],
    [{ resourceType: 'Condition', code: { coding: [{ code: 'K50.9' }] } }, 'K50.9'],
    [{ resourceType: 'Observation', code: 'wrong type' }, null],
  ])('%j -> %s', (r, expected) => {
    expect(resourceSummary(r, 'en', lookup)).toBe(expected);
  });
});
