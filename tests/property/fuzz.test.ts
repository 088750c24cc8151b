import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, SAFETY_NAMES } from '@src/extract/catalogue.ts';
import { resourcesFromBundle } from '@src/extract/bundle.ts';
import { extractRecord } from '@src/extract/extract.ts';
import { detectIndications } from '@src/extract/indications.ts';
import { NOW } from '../support/fhir.ts';

const TYPES = [
  'Patient',
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'Medication',
  'Procedure',
  'Immunization',
  'Bundle',
];
const SYSTEMS = [
  'http://snomed.info/sct',
  'http://loinc.org',
  'http://www.whocc.no/atc',
  'http://fhir.de/CodeSystem/bfarm/atc',
  'http://hl7.org/fhir/sid/icd-10-gm',
  'http://www.nlm.nih.gov/research/umls/rxnorm',
  '',
];
const CODES = ['1988-5', '718-7', '69896004', 'K50.0', 'G35.A', 'L04AG05', '105586', '327361', '2106-3', 'M06.1', ''];

const anyValue = fc.anything({
  maxDepth: 3,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
});
const coding = fc.record(
  { system: fc.oneof(fc.constantFrom(...SYSTEMS), anyValue), code: fc.oneof(fc.constantFrom(...CODES), anyValue), display: fc.oneof(fc.string(), anyValue) },
  { requiredKeys: [] },
);
const concept = fc.oneof(
  fc.record({ coding: fc.oneof(fc.array(coding, { maxLength: 3 }), anyValue), text: fc.oneof(fc.string(), anyValue) }, { requiredKeys: [] }),
  anyValue,
);
const date = fc.oneof(
  fc.constantFrom('2019', '2019-03', '2026-11-01', '2099-01-01', '1850-01-01', '2023-02-30', 'garbage', '2020-01-01T10:00:00+01:00'),
  anyValue,
);
const resourceArb = fc.record(
  {
    resourceType: fc.oneof(fc.constantFrom(...TYPES), anyValue),
    id: fc.oneof(fc.string({ maxLength: 8 }), anyValue),
    status: fc.oneof(fc.constantFrom('active', 'stopped', 'cancelled', 'completed', 'entered-in-error', 'final'), anyValue),
    code: concept,
    medicationCodeableConcept: concept,
    medicationReference: fc.oneof(fc.record({ reference: fc.oneof(fc.constantFrom('Medication/m', '#m', 'urn:uuid:x'), anyValue) }), anyValue),
    valueQuantity: fc.oneof(
      fc.record(
        { value: fc.oneof(fc.double(), anyValue), code: fc.oneof(fc.constantFrom('mg/L', 'mg/dL', '/nL', 'mmol/L', 'foo', ''), anyValue) },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
    valueCodeableConcept: concept,
    effectiveDateTime: date,
    onsetDateTime: date,
    authoredOn: date,
    birthDate: date,
    effectivePeriod: fc.oneof(fc.record({ start: date, end: date }, { requiredKeys: [] }), anyValue),
    clinicalStatus: concept,
    verificationStatus: concept,
    statusReason: fc.oneof(concept, fc.array(concept, { maxLength: 2 })),
    contained: fc.oneof(fc.array(anyValue, { maxLength: 2 }), anyValue),
    entry: fc.oneof(fc.array(fc.record({ fullUrl: fc.oneof(fc.string(), anyValue), resource: anyValue }, { requiredKeys: [] }), { maxLength: 3 }), anyValue),
  },
  { requiredKeys: [] },
);
const input = fc.oneof(fc.array(fc.oneof(resourceArb, anyValue), { maxLength: 8 }), anyValue);

describe('robustness: no exception escapes (fast-check, seeded)', () => {
  it('extractRecord survives 2,500 random and malformed resource lists', () => {
    fc.assert(
      fc.property(input, (resources) => {
        const r = extractRecord(Array.isArray(resources) ? resources : [resources], { now: NOW });
        expect(Object.keys(r.inputs)).toHaveLength(INPUT_NAMES.length + SAFETY_NAMES.length);
        expect(JSON.stringify(r)).toBeTypeOf('string');
      }),
      { numRuns: 2500, seed: 20261115 },
    );
    // 2,500 extractions of a few milliseconds each: over the default timeout on a loaded machine.
  }, 90_000);

  it('detectIndications survives 2,500 random resource lists', () => {
    fc.assert(
      fc.property(input, (resources) => {
        expect(Array.isArray(detectIndications(Array.isArray(resources) ? resources : [resources], NOW))).toBe(true);
      }),
      { numRuns: 2500, seed: 7 },
    );
  });

  it('mutated real bundles (fields deleted or replaced at random) never throw', () => {
    const base: unknown = JSON.parse(readFileSync('tests/fixtures/fhir-examples/mii-de/Bundle-mii-exa-test-data-bundle-pat-1.json', 'utf8'));
    const resources: Array<Record<string, unknown>> = structuredClone(resourcesFromBundle(base).resources).map((r) => ({ ...r }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 20 }), anyValue), { minLength: 1, maxLength: 6 }), (mutations) => {
        const copy = structuredClone(resources);
        for (const [i, key, v] of mutations) {
          const target = copy[i % copy.length];
          if (!target) continue;
          const keys = Object.keys(target);
          const k = keys[key.length % keys.length] ?? key;
          if (key.length % 3 === 0) delete target[k];
          else target[k] = v;
        }
        const r = extractRecord(copy, { now: NOW });
        expect(r.inputs.age_years).toBeDefined();
        expect(resourcesFromBundle({ resourceType: 'Bundle', entry: copy.map((resource) => ({ resource })) }).resources.length).toBeLessThanOrEqual(
          copy.length,
        );
      }),
      { numRuns: 2000, seed: 42 },
    );
    // 2,000 full extractions: about 10 s alone, more on a loaded machine.
  }, 90_000);
});
