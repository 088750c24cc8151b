import { describe, expect, it } from 'vitest';
import {
  offersInclude,
  offersInteraction,
  offersSearchParam,
  offersSystem,
  offersType,
  parseCapabilityStatement,
  readCapabilities,
  clearCapabilitiesCache,
} from '@src/smart/capabilities.ts';

// A statement shaped like a vendor's: MedicationRequest without _include, no MedicationStatement, batch only.
const statement = {
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: '2026-01-01',
  kind: 'instance',
  fhirVersion: '4.0.1',
  format: ['json'],
  software: { name: 'Example EHR', version: '2026.1' },
  rest: [
    {
      mode: 'server',
      interaction: [{ code: 'batch' }],
      resource: [
        { type: 'Patient', interaction: [{ code: 'read' }] },
        {
          type: 'MedicationRequest',
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [
            { name: 'patient', type: 'reference' },
            { name: 'status', type: 'token' },
          ],
        },
        { type: 'Observation', interaction: [{ code: 'search-type' }, { code: 'create' }], searchInclude: ['*'], conditionalCreate: true },
        { type: 'Condition', interaction: [{ code: 'search-type' }] },
      ],
    },
  ],
};

describe('parseCapabilityStatement', () => {
  const caps = parseCapabilityStatement(statement);

  it('reads types, interactions, search parameters, includes and system interactions', () => {
    expect(caps.source).toBe('metadata');
    expect(caps.software).toBe('Example EHR 2026.1');
    expect(caps.fhirVersion).toBe('4.0.1');
    expect(offersType(caps, 'MedicationRequest')).toBe(true);
    expect(offersType(caps, 'MedicationStatement')).toBe(false);
    expect(offersInteraction(caps, 'MedicationRequest', 'search-type')).toBe(true);
    expect(offersInteraction(caps, 'Patient', 'search-type')).toBe(false);
    expect(offersInteraction(caps, 'Observation', 'create')).toBe(true);
    expect(caps.resources.get('Observation')?.conditionalCreate).toBe(true);
    expect(caps.resources.get('MedicationRequest')?.conditionalCreate).toBe(false);
    expect(offersSearchParam(caps, 'MedicationRequest', 'status')).toBe(true);
    expect(offersSearchParam(caps, 'MedicationRequest', '_count')).toBe(false);
    // No parameters listed at all: not read as "no search parameters".
    expect(offersSearchParam(caps, 'Condition', 'patient')).toBe(true);
    expect(offersSearchParam(caps, 'MedicationStatement', 'patient')).toBe(false);
    expect(offersInclude(caps, 'MedicationRequest', 'MedicationRequest:medication')).toBe(false);
    expect(offersInclude(caps, 'Observation', 'Observation:subject')).toBe(true);
    expect(offersSystem(caps, 'batch')).toBe(true);
    expect(offersSystem(caps, 'transaction')).toBe(false);
  });

  it.each([
    ['not a resource', null, 'did not answer /metadata with a CapabilityStatement'],
    ['another resource', { resourceType: 'OperationOutcome' }, 'did not answer /metadata with a CapabilityStatement'],
    ['no server part', { resourceType: 'CapabilityStatement', rest: [{ mode: 'client' }] }, 'no server'],
  ])('%s: unavailable, everything assumed, with the reason', (_, json, reason) => {
    const none = parseCapabilityStatement(json);
    expect(none.source).toBe('unavailable');
    expect(none.reason).toContain(reason);
    expect(offersType(none, 'MedicationStatement')).toBe(true);
    expect(offersSystem(none, 'transaction')).toBe(true);
    expect(offersInclude(none, 'MedicationRequest', 'MedicationRequest:medication')).toBe(true);
  });
});

describe('readCapabilities', () => {
  it('reads once per server and reports a failed read as unavailable', async () => {
    clearCapabilitiesCache();
    let reads = 0;
    const fetch = () => {
      reads++;
      return Promise.resolve(statement);
    };
    await readCapabilities('https://a.example/fhir', fetch);
    await readCapabilities('https://a.example/fhir', fetch);
    expect(reads).toBe(1);
    const failed = await readCapabilities('https://b.example/fhir', () => Promise.reject(new Error('HTTP 404')));
    expect(failed.source).toBe('unavailable');
    expect(failed.reason).toContain('HTTP 404');
  });
});
