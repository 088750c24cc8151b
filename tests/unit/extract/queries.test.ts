import { describe, expect, it } from 'vitest';
import type { FhirResource } from 'fhir/r4';
import { buildMedicationFollowUp, buildQueryPlan, MAX_TOKENS_PER_QUERY } from '@src/extract/queries.ts';
import { NOW } from '../../support/fhir.ts';

describe('buildQueryPlan', () => {
  const plan = buildQueryPlan('pat-42', NOW);

  it('reads every resource type the extractor uses, all in wave 1, patient-scoped, _count=200', () => {
    expect(new Set(plan.map((q) => q.resourceType))).toEqual(
      new Set([
        'Condition',
        'Observation',
        'MedicationRequest',
        'MedicationStatement',
        'MedicationAdministration',
        'Procedure',
        'AllergyIntolerance',
        'Immunization',
      ]),
    );
    for (const q of plan) {
      expect(q.wave).toBe(1);
      expect(q.params.patient).toBe('pat-42');
      expect(q.params['_count']).toBe('200');
      expect(q.purpose.length).toBeGreaterThan(10);
    }
    expect(new Set(plan.map((q) => q.id)).size).toBe(plan.length);
  });

  it('chunks Observation codes into at most 40 system|code tokens', () => {
    const obs = plan.filter((q) => q.resourceType === 'Observation');
    for (const q of obs) {
      const tokens = (q.params.code ?? '').split(',');
      expect(tokens.length).toBeLessThanOrEqual(MAX_TOKENS_PER_QUERY);
      for (const t of tokens) expect(t).toMatch(/^https?:\/\/[^|]+\|[^|,]+$/);
    }
    const all = obs.flatMap((q) => (q.params.code ?? '').split(','));
    expect(all).toContain('http://loinc.org|1988-5');
    expect(all).toContain('http://loinc.org|38445-3');
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['obs-labs-1', 'ge2021-11-16'],
    ['obs-vitals-1', 'ge2024-11-15'],
    ['obs-ms-mri-1', 'ge2023-11-16'],
    ['obs-safety-1', undefined],
    ['obs-classification-1', undefined],
  ])('%s look-back %s', (id, date) => {
    expect(plan.find((q) => q.id === id)?.params.date).toBe(date);
  });

  it('includes the referenced Medication with each medication search', () => {
    for (const type of ['MedicationRequest', 'MedicationStatement', 'MedicationAdministration']) {
      expect(plan.find((q) => q.resourceType === type)?.params['_include']).toBe(`${type}:medication`);
    }
  });
});

describe('buildMedicationFollowUp', () => {
  it('asks in wave 2 for referenced Medications the server did not include, skipping contained ones', () => {
    const resources: FhirResource[] = [
      { resourceType: 'MedicationRequest', id: 'a', status: 'active', intent: 'order', subject: {}, medicationReference: { reference: 'Medication/m1' } },
      { resourceType: 'MedicationStatement', id: 'b', status: 'active', subject: {}, medicationReference: { reference: 'Medication/m2' } },
      { resourceType: 'MedicationStatement', id: 'c', status: 'active', subject: {}, medicationReference: { reference: '#contained' } },
      { resourceType: 'Medication', id: 'm2' },
    ];
    const q = buildMedicationFollowUp(resources);
    expect(q).toHaveLength(1);
    expect(q[0]?.wave).toBe(2);
    expect(q[0]?.params['_id']).toBe('m1');
  });
});
