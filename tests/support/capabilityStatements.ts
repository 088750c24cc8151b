/**
 * CapabilityStatements of the three server shapes the read plan is tested against (issue 14): a full
 * server (every type the app reads, `_include` of Medication listed), an Oracle-like one (modelled on the
 * shape Oracle Health publishes for Millennium R4: no MedicationStatement and no Medication, no `_include`
 * on MedicationRequest, `_count` listed only for some types, batch but no transaction; the type and
 * parameter lists here are a model of that shape, not a copy of the vendor's statement), and none at all.
 */
import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';

const search = (type: string, params: readonly string[], extra: Partial<CapabilityStatementRestResource> = {}): CapabilityStatementRestResource => ({
  type: type as CapabilityStatementRestResource['type'],
  interaction: [{ code: 'read' }, { code: 'search-type' }],
  searchParam: params.map((name) => ({ name, type: 'token' })),
  ...extra,
});

function statement(software: string, resources: CapabilityStatementRestResource[], system: readonly string[]): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    software: { name: software },
    rest: [{ mode: 'server', resource: resources, interaction: system.map((code) => ({ code: code as 'batch' })) }],
  };
}

const MEDICATION_INCLUDE = (type: string) => ({ searchInclude: [`${type}:medication`] });

/** Every type and parameter the app reads; result parameters not listed (the specification's convention). */
export const FULL_STATEMENT = statement(
  'Full test server',
  [
    { type: 'Patient', interaction: [{ code: 'read' }] },
    search('Condition', ['patient', 'subject', 'code', 'clinical-status']),
    search('Observation', ['patient', 'subject', 'code', 'date', 'category']),
    search('MedicationRequest', ['patient', 'status'], MEDICATION_INCLUDE('MedicationRequest')),
    search('MedicationStatement', ['patient', 'status'], MEDICATION_INCLUDE('MedicationStatement')),
    search('MedicationAdministration', ['patient', 'status'], MEDICATION_INCLUDE('MedicationAdministration')),
    search('Medication', ['_id', 'code']),
    search('Procedure', ['patient', 'code', 'date']),
    search('AllergyIntolerance', ['patient']),
    search('Immunization', ['patient', 'date']),
  ],
  ['transaction', 'batch'],
);

/** Oracle-like: no MedicationStatement, no Medication, no `_include`, `_count` only where listed, batch only. */
export const ORACLE_LIKE_STATEMENT = statement(
  'Oracle-like test server',
  [
    { type: 'Patient', interaction: [{ code: 'read' }, { code: 'search-type' }] },
    search('Condition', ['patient', 'clinical-status', 'category', '_count']),
    search('Observation', ['patient', 'subject', 'code', 'date', 'category', '_count']),
    search('MedicationRequest', ['patient', 'status', 'intent']),
    search('MedicationAdministration', ['patient', 'status']),
    search('Procedure', ['patient', 'date']),
    search('AllergyIntolerance', ['patient', 'clinical-status']),
    search('Immunization', ['patient', 'date', 'target-disease']),
  ],
  ['batch'],
);
