/** The read plan adapted to the server's CapabilityStatement (issue 14, item 1): which searches, which gaps. */
import type { CapabilityStatement, FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { parseCapabilityStatement, unavailableCapabilities } from '@src/smart/capabilities.ts';
import { buildQueryPlan } from '@src/extract/queries.ts';
import { completeGaps, describeReadPlan, gapOutcomes, planRead } from '@src/extract/readPlan.ts';
import { FULL_STATEMENT, ORACLE_LIKE_STATEMENT } from '../../support/capabilityStatements.ts';
import { NOW } from '../../support/fhir.ts';

const types = (queries: readonly { resourceType: string }[]) => [...new Set(queries.map((q) => q.resourceType))].sort();

/** A copy of a statement with one resource entry changed (or removed with `undefined`). */
function withResource(
  base: CapabilityStatement,
  type: string,
  change: (r: NonNullable<CapabilityStatement['rest']>[number]['resource']) => unknown,
): CapabilityStatement {
  const copy = structuredClone(base);
  const rest = copy.rest?.[0];
  if (rest) rest.resource = change(rest.resource?.filter((r) => r.type !== type)) as typeof rest.resource;
  return copy;
}

describe('planRead on a full server', () => {
  const plan = planRead('p1', NOW, parseCapabilityStatement(FULL_STATEMENT));

  it('is the fixed plan: same searches, same parameters (result parameters kept when the server lists none)', () => {
    expect(plan.queries).toEqual(buildQueryPlan('p1', NOW));
    expect(plan.gaps).toEqual([]);
    expect(plan.summary).toMatchObject({
      capabilities: 'metadata',
      software: 'Full test server',
      fhirVersion: '4.0.1',
      skipped: [],
      droppedParams: [],
      includeReplaced: [],
    });
  });

  it('follows up Medications the server did not include', () => {
    const request: FhirResource = {
      resourceType: 'MedicationRequest',
      id: 'r1',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationReference: { reference: 'Medication/m1' },
    };
    expect(plan.followUp([request])).toEqual([expect.objectContaining({ resourceType: 'Medication', params: { _id: 'm1', _count: '200' } })]);
  });
});

describe('planRead on an Oracle-like server (no MedicationStatement, no Medication, no _include, _count only where listed)', () => {
  const plan = planRead('p1', NOW, parseCapabilityStatement(ORACLE_LIKE_STATEMENT));

  it('searches only offered types, and reads MedicationRequest and MedicationAdministration as the medication history', () => {
    expect(types(plan.queries)).toEqual([
      'AllergyIntolerance',
      'Condition',
      'Immunization',
      'MedicationAdministration',
      'MedicationRequest',
      'Observation',
      'Procedure',
    ]);
  });

  it('names MedicationStatement and Medication as gaps with their consequence, neither leaving inputs unknown', () => {
    expect(plan.gaps).toEqual([
      {
        resourceType: 'MedicationStatement',
        why: 'type-not-offered',
        consequence: 'history-from',
        from: ['MedicationRequest', 'MedicationAdministration'],
        leavesUnknown: false,
      },
      { resourceType: 'Medication', why: 'type-not-offered', consequence: 'codes-on-request', leavesUnknown: false },
    ]);
    // The medication history is still read (from requests and administrations): a partial gap, not an unknown one.
    expect(gapOutcomes(plan.gaps)).toEqual([
      { id: 'gap-MedicationStatement', resourceType: 'MedicationStatement', ok: false, gap: true, partial: true, reason: 'type-not-offered' },
    ]);
  });

  it('drops _include (no follow-up either: Medication is not offered) and _count where the type does not list it', () => {
    for (const q of plan.queries) expect(q.params['_include']).toBeUndefined();
    const count = (type: string) => plan.queries.filter((q) => q.resourceType === type).map((q) => q.params['_count']);
    expect(new Set(count('Observation'))).toEqual(new Set(['200']));
    expect(count('Condition')).toEqual(['200']);
    expect(count('MedicationRequest')).toEqual([undefined]);
    expect(count('Procedure')).toEqual([undefined]);
    const request: FhirResource = {
      resourceType: 'MedicationRequest',
      id: 'r1',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationReference: { reference: 'Medication/m1' },
    };
    expect(plan.followUp([request])).toEqual([]);
    expect(plan.summary.includeReplaced).toEqual(['MedicationRequest', 'MedicationAdministration']);
    expect(plan.summary.droppedParams).toEqual(
      expect.arrayContaining([
        { resourceType: 'MedicationRequest', param: '_count' },
        { resourceType: 'Immunization', param: '_count' },
      ]),
    );
    expect(plan.summary.droppedParams).not.toContainEqual({ resourceType: 'Observation', param: '_count' });
  });

  it('keeps the date windows where the type lists date, and the Observation chunks with their codes', () => {
    const labs = plan.queries.find((q) => q.id === 'obs-labs-1');
    expect(labs?.params.date).toMatch(/^ge\d{4}-\d{2}-\d{2}$/);
    expect(labs?.params.code).toBe(buildQueryPlan('p1', NOW).find((q) => q.id === 'obs-labs-1')?.params.code);
  });

  it('describes itself in one English line for the Provenance', () => {
    const line = describeReadPlan({ plan: plan.summary, requests: Array.from({ length: 14 }, () => null), waves: 1 });
    expect(line).toBe(
      "Read plan: capabilities from the server's CapabilityStatement (Oracle-like test server, FHIR 4.0.1); not searched: MedicationStatement (type not offered), Medication (type not offered); " +
        'parameters dropped: MedicationRequest _count, MedicationAdministration _count, Procedure _count, AllergyIntolerance _count, Immunization _count; ' +
        '_include replaced by a follow-up read of Medication: MedicationRequest, MedicationAdministration; 14 requests in 1 waves.',
    );
  });
});

describe('planRead without a usable CapabilityStatement', () => {
  it.each([
    ['no statement (e.g. /metadata failed)', unavailableCapabilities('the CapabilityStatement could not be read (HTTP 404)')],
    ['an answer that is not a CapabilityStatement', parseCapabilityStatement({ resourceType: 'OperationOutcome' })],
  ])('%s: the fixed plan, nothing skipped, and the reason reported', (_name, caps) => {
    const plan = planRead('p1', NOW, caps);
    expect(plan.queries).toEqual(buildQueryPlan('p1', NOW));
    expect(plan.gaps).toEqual([]);
    expect(plan.summary.capabilities).toBe('unavailable');
    expect(describeReadPlan({ plan: plan.summary })).toMatch(
      /^Read plan: no usable CapabilityStatement \(.+\); every type and parameter assumed; every planned type searched\.$/,
    );
  });
});

describe('planRead: parameters and types one at a time', () => {
  it('without a date parameter, reads without a date window and says so in the purpose', () => {
    const caps = parseCapabilityStatement(
      withResource(FULL_STATEMENT, 'Observation', (rs) => [
        ...(rs ?? []),
        {
          type: 'Observation',
          interaction: [{ code: 'search-type' }],
          searchParam: [
            { name: 'patient', type: 'reference' },
            { name: 'code', type: 'token' },
          ],
        },
      ]),
    );
    const plan = planRead('p1', NOW, caps);
    const obs = plan.queries.filter((q) => q.resourceType === 'Observation');
    expect(obs.length).toBe(buildQueryPlan('p1', NOW).filter((q) => q.resourceType === 'Observation').length);
    for (const q of obs) expect(q.params.date).toBeUndefined();
    expect(obs.find((q) => q.id === 'obs-labs-1')?.purpose).toMatch(/without a date limit.*applies the look-back windows itself/);
    expect(plan.summary.droppedParams).toContainEqual({ resourceType: 'Observation', param: 'date' });
  });

  it('the Medication follow-up drops _count where the server lists it for other types only', () => {
    const statement = withResource(ORACLE_LIKE_STATEMENT, 'Medication', (rs) => [
      ...(rs ?? []),
      { type: 'Medication', interaction: [{ code: 'read' }, { code: 'search-type' }], searchParam: [{ name: '_id', type: 'token' }] },
    ]);
    const plan = planRead('p1', NOW, parseCapabilityStatement(statement));
    expect(plan.gaps.map((g) => g.resourceType)).toEqual(['MedicationStatement']);
    expect(plan.summary.droppedParams).toContainEqual({ resourceType: 'Medication', param: '_count' });
    expect(plan.followUp([byRef('a')])).toEqual([expect.objectContaining({ resourceType: 'Medication', params: { _id: 'a-med' } })]);
  });

  it('without a code parameter, the Observation chunks become one search of all the patient’s Observations', () => {
    const caps = parseCapabilityStatement(
      withResource(FULL_STATEMENT, 'Observation', (rs) => [
        ...(rs ?? []),
        { type: 'Observation', interaction: [{ code: 'search-type' }], searchParam: [{ name: 'patient', type: 'reference' }] },
      ]),
    );
    const obs = planRead('p1', NOW, caps).queries.filter((q) => q.resourceType === 'Observation');
    expect(obs).toEqual([expect.objectContaining({ id: 'obs-all', params: { patient: 'p1', _count: '200' } })]);
  });

  it('with `subject` but no `patient` parameter, searches by subject', () => {
    const caps = parseCapabilityStatement(
      withResource(FULL_STATEMENT, 'Procedure', (rs) => [
        ...(rs ?? []),
        { type: 'Procedure', interaction: [{ code: 'search-type' }], searchParam: [{ name: 'subject', type: 'reference' }] },
      ]),
    );
    expect(planRead('p1', NOW, caps).queries.find((q) => q.resourceType === 'Procedure')?.params).toEqual({ subject: 'Patient/p1', _count: '200' });
  });

  it.each([
    ['Observation', 'type-not-offered', 'inputs-unknown', true],
    ['Condition', 'type-not-offered', 'inputs-unknown', true],
    ['Immunization', 'type-not-offered', 'inputs-unknown', true],
    ['Procedure', 'type-not-offered', 'inputs-unknown', true],
    ['AllergyIntolerance', 'type-not-offered', 'allergies-not-shown', false],
  ] as const)('%s not offered: a gap (%s, %s), not a search', (type, why, consequence, leavesUnknown) => {
    const plan = planRead('p1', NOW, parseCapabilityStatement(withResource(FULL_STATEMENT, type, (rs) => rs)));
    expect(plan.queries.some((q) => q.resourceType === type)).toBe(false);
    expect(plan.gaps).toEqual([{ resourceType: type, why, consequence, leavesUnknown }]);
    expect(gapOutcomes(plan.gaps).map((o) => o.resourceType)).toEqual(leavesUnknown ? [type] : []);
  });

  it('a type listed without search-type, or without any patient parameter, is a gap too', () => {
    const noSearch = withResource(FULL_STATEMENT, 'Procedure', (rs) => [...(rs ?? []), { type: 'Procedure', interaction: [{ code: 'read' }] }]);
    expect(planRead('p1', NOW, parseCapabilityStatement(noSearch)).gaps).toEqual([
      expect.objectContaining({ resourceType: 'Procedure', why: 'search-not-offered' }),
    ]);
    const noPatient = withResource(FULL_STATEMENT, 'Procedure', (rs) => [
      ...(rs ?? []),
      { type: 'Procedure', interaction: [{ code: 'search-type' }], searchParam: [{ name: 'code', type: 'token' }] },
    ]);
    expect(planRead('p1', NOW, parseCapabilityStatement(noPatient)).gaps).toEqual([
      expect.objectContaining({ resourceType: 'Procedure', why: 'no-patient-parameter' }),
    ]);
  });

  it('no medication type at all: the therapy history is unknown (every medication gap leaves inputs unknown), and no Medication gap', () => {
    let statement = FULL_STATEMENT;
    for (const t of ['MedicationRequest', 'MedicationStatement', 'MedicationAdministration']) statement = withResource(statement, t, (rs) => rs);
    const plan = planRead('p1', NOW, parseCapabilityStatement(statement));
    expect(plan.gaps.map((g) => [g.resourceType, g.consequence, g.leavesUnknown])).toEqual([
      ['MedicationRequest', 'history-unknown', true],
      ['MedicationStatement', 'history-unknown', true],
      ['MedicationAdministration', 'history-unknown', true],
    ]);
  });
});

/** A request that names its drug by a Medication reference only (with a display, or without). */
const byRef = (id: string, display?: string): FhirResource => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationReference: { reference: `Medication/${id}-med`, ...(display ? { display } : {}) },
});

describe('completeGaps: Medication not offered, and a request names its drug only by reference', () => {
  const gaps = planRead('p1', NOW, parseCapabilityStatement(ORACLE_LIKE_STATEMENT)).gaps;

  it('the therapy history becomes unknown (the gap leaves medications unread)', () => {
    const done = completeGaps(gaps, [byRef('a'), byRef('b', 'adalimumab 40 mg')]);
    expect(done.find((g) => g.resourceType === 'Medication')).toEqual(
      expect.objectContaining({ consequence: 'references-unresolved', unresolved: 1, leavesUnknown: true }),
    );
    expect(gapOutcomes(done).find((o) => o.resourceType === 'Medication')).toEqual({
      id: 'gap-Medication',
      resourceType: 'Medication',
      gap: true,
      ok: false,
      reason: 'type-not-offered',
    });
  });

  it('coded requests (the usual shape without Medication) leave the gap as it was', () => {
    const coded: FhirResource = {
      resourceType: 'MedicationRequest',
      id: 'c',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationCodeableConcept: { text: 'adalimumab' },
    };
    expect(completeGaps(gaps, [coded])).toEqual(gaps);
  });
});
