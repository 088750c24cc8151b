// @vitest-environment jsdom
/**
 * Issue 12, wrong patient: nothing the server returns is used unless it is about the launch's
 * patient. Runs the real session and record reader against a scripted HTTP server.
 */
import type { Bundle, Resource } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FhirRequestError } from '../../../src/smart/errors.ts';
import { checkPatientAnswer, partitionByPatient, patientIdOfReference } from '../../../src/smart/patientContext.ts';
import { readRecord, type PlannedQuery } from '@src/pipeline/readRecord.ts';
import { createFhirSession } from '../../../src/smart/session.ts';
import { startScriptedServer, type ScriptedServer, type Step } from './scriptedServer.ts';
import { fakeClient } from '../../support/fakeClient.ts';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
});

const session = () => createFhirSession(fakeClient(server.base), { retryPolicy: { baseDelayMs: 1, timeoutMs: 15_000 } });
const searchset = (resources: Resource[], include: Resource[] = []): Step => ({
  status: 200,
  body: JSON.stringify({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [
      ...resources.map((resource) => ({ resource, search: { mode: 'match' as const } })),
      ...include.map((resource) => ({ resource, search: { mode: 'include' as const } })),
    ],
  } satisfies Bundle),
});
const condition = (id: string, subject: string | undefined): Resource =>
  ({ resourceType: 'Condition', id, code: { text: 'Rheumatoid arthritis' }, ...(subject ? { subject: { reference: subject } } : {}) }) as Resource;
const plan: PlannedQuery[] = [
  { id: 'conditions', resourceType: 'Condition', params: { patient: 'p1' }, wave: 1, purpose: 'diagnoses' },
  { id: 'meds', resourceType: 'MedicationRequest', params: { patient: 'p1', _include: 'MedicationRequest:medication' }, wave: 1, purpose: 'meds' },
];

function serve(patient: Step, conditions: Step, meds: Step = searchset([])): void {
  server.route((url) => (url.includes('/Patient/') ? patient : url.includes('/Condition?') ? conditions : meds));
}
const okPatient: Step = { status: 200, body: JSON.stringify({ resourceType: 'Patient', id: 'p1', name: [{ family: 'Right' }] }) };

describe('the Patient read must answer the launch patient', () => {
  it.each<[string, Step]>([
    ['another Patient id', { status: 200, body: JSON.stringify({ resourceType: 'Patient', id: 'p2', name: [{ family: 'Wrong' }] }) }],
    ['200 {}', { status: 200, body: '{}' }],
    [
      '200 with an error OperationOutcome',
      { status: 200, body: JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing' }] }) },
    ],
    ['200 with a Bundle', { status: 200, body: JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: [] }) }],
  ])('%s stops the launch (wrong-patient)', async (_name, answer) => {
    serve(answer, searchset([condition('c1', 'Patient/p1')]));
    const error = await readRecord(session(), plan).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FhirRequestError);
    expect((error as FhirRequestError).code).toBe('wrong-patient');
    expect((error as FhirRequestError).detail).not.toMatch(/Wrong/);
  });
});

describe('every resource read is checked against the launch patient', () => {
  it("a Condition search that also returns another patient's RA: dropped and named", async () => {
    serve(okPatient, searchset([condition('c1', 'Patient/p1'), condition('c2', 'Patient/p2'), condition('c3', `${server.base}/Patient/p1`)]));
    const record = await readRecord(session(), plan);
    expect(
      record.resources
        .filter((r) => r.resourceType === 'Condition')
        .map((r) => r.id)
        .sort((a, b) => String(a).localeCompare(String(b))),
    ).toEqual(['c1', 'c3']);
    expect(record.foreign).toEqual([{ ref: 'Condition/c2', reason: 'its subject refers to another patient' }]);
  });

  it('a Condition about a Group, one without subject, and a second Patient are dropped', async () => {
    serve(okPatient, searchset([condition('g', 'Group/1'), condition('none', undefined)], [{ resourceType: 'Patient', id: 'p2' }]));
    const record = await readRecord(session(), plan);
    expect(record.resources.map((r) => `${r.resourceType}/${r.id}`)).toEqual(['Patient/p1']);
    expect(record.foreign.map((f) => f.ref).sort((a, b) => a.localeCompare(b))).toEqual(['Condition/g', 'Condition/none', 'Patient/p2']);
  });

  it("an _include'd Medication is kept only when a kept request links to it; a request containing another patient's resource is dropped", async () => {
    const mine = {
      resourceType: 'MedicationRequest',
      id: 'mr1',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationReference: { reference: 'Medication/m1' },
    };
    const theirs = {
      resourceType: 'MedicationRequest',
      id: 'mr2',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p2' },
      medicationReference: { reference: 'Medication/m2' },
    };
    const sneaky = {
      resourceType: 'MedicationRequest',
      id: 'mr3',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      contained: [{ resourceType: 'Condition', id: 'x', subject: { reference: 'Patient/p2' } }],
      medicationCodeableConcept: { text: 'x' },
    };
    serve(
      okPatient,
      searchset([]),
      searchset(
        [mine, theirs, sneaky] as Resource[],
        [
          { resourceType: 'Medication', id: 'm1' },
          { resourceType: 'Medication', id: 'm2' },
        ] as Resource[],
      ),
    );
    const record = await readRecord(session(), plan);
    expect(record.resources.map((r) => `${r.resourceType}/${r.id}`).sort((a, b) => a.localeCompare(b))).toEqual([
      'Medication/m1',
      'MedicationRequest/mr1',
      'Patient/p1',
    ]);
    expect(record.foreign.map((f) => f.ref).sort((a, b) => a.localeCompare(b))).toEqual(['Medication/m2', 'MedicationRequest/mr2', 'MedicationRequest/mr3']);
  });
});

describe('pure checks', () => {
  it.each<[unknown, string | null]>([
    [{ reference: 'Patient/p1' }, 'p1'],
    [{ reference: 'https://x.example/fhir/Patient/p1/_history/3' }, 'p1'],
    [{ reference: 'Group/p1' }, null],
    [{ identifier: { value: 'p1' } }, null],
    [{ reference: '#p1' }, null],
    ['Patient/p1', null],
    [{ reference: 'Patient/p1/extra' }, null],
  ])('patientIdOfReference(%j) = %s', (ref, id) => {
    expect(patientIdOfReference(ref)).toBe(id);
  });

  it('checkPatientAnswer accepts only the launch Patient', () => {
    expect(checkPatientAnswer({ resourceType: 'Patient', id: 'p1' }, 'p1').id).toBe('p1');
    expect(() => checkPatientAnswer(null, 'p1')).toThrow(/no FHIR resource/);
    expect(() => checkPatientAnswer({ resourceType: 'OperationOutcome' }, 'p1')).toThrow(/OperationOutcome/);
  });

  it('a Patient resource whose subject-less Observation is about nobody is dropped with a reason', () => {
    const { kept, foreign } = partitionByPatient(
      [{ resourceType: 'Patient', id: 'p1' }, { resourceType: 'Observation', id: 'o', status: 'final', code: {} } as Resource],
      'p1',
    );
    expect(kept.map((r) => r.id)).toEqual(['p1']);
    expect(foreign[0]?.reason).toMatch(/names no patient/);
  });
});
