// @vitest-environment jsdom
import type { Bundle, MedicationStatement } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FhirRequestError } from '@src/smart/errors.ts';
import { readRecord, type PlannedQuery } from '@src/pipeline/readRecord.ts';
import { createFhirSession } from '@src/smart/session.ts';
import { startScriptedServer, type ScriptedServer, type Step } from './scriptedServer.ts';
import { fakeClient } from '../../support/fakeClient.ts';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
});

function page(ids: string[], next?: string): Step {
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 4,
    entry: ids.map((id) => ({ resource: { resourceType: 'Observation', id, status: 'final', code: { text: 'CRP' } }, search: { mode: 'match' } })),
    ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
  };
  return { status: 200, body: JSON.stringify(bundle) };
}

const session = () => createFhirSession(fakeClient(server.base), { retryPolicy: { baseDelayMs: 1, timeoutMs: 15_000 } });

describe('paging: a search is complete or fails as a whole', () => {
  it('follows next links to the end', async () => {
    server.script([page(['a', 'b'], `${server.base}/Observation?page=2`), page(['c', 'd'])]);
    const r = await session().search('Observation', { patient: 'p1' });
    expect(r.matches.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.pages).toBe(2);
  });

  it.each<[string, Step[], string, RegExp]>([
    [
      'page 2 answers 500',
      [page(['a', 'b'], 'BASE/Observation?page=2'), { status: 500 }],
      'server-error',
      /page 2 failed after 1 read; the search was discarded as a whole \(HTTP 500\)/,
    ],
    [
      'page 2 is malformed',
      [page(['a', 'b'], 'BASE/Observation?page=2'), { status: 200, body: '{"resourceType":"Bun' }],
      'bad-response',
      /page 2 failed.*not valid JSON/,
    ],
    [
      'a next link off the server',
      [page(['a', 'b'], 'http://elsewhere.example.org/fhir/Observation?page=2')],
      'bad-response',
      /points outside the FHIR server/,
    ],
  ])('%s -> rejected, no partial list', async (_name, steps, code, detail) => {
    server.script(steps.map((s) => ('body' in s && s.body ? { ...s, body: s.body.replace('BASE', server.base) } : s)));
    const error = await session()
      .search('Observation', { patient: 'p1' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(FhirRequestError);
    expect((error as FhirRequestError).code).toBe(code);
    expect((error as FhirRequestError).detail).toMatch(detail);
    expect(server.seen.some((s) => s.url.includes('elsewhere'))).toBe(false);
  });
});

describe('readRecord with failing searches', () => {
  const plan: PlannedQuery[] = [{ id: 'labs', resourceType: 'Observation', params: { patient: 'p1' }, wave: 1, purpose: 'labs' }];
  const patient: Step = { status: 200, body: JSON.stringify({ resourceType: 'Patient', id: 'p1' }) };

  const route =
    (labs: (url: string) => Step) =>
    (url: string): Step =>
      url.includes('/Patient/') ? patient : labs(url);

  it('a search broken halfway is a failure, and none of its pages is kept', async () => {
    server.route(route((url) => (url.includes('page=2') ? { status: 500 } : page(['a', 'b'], `${server.base}/Observation?page=2`))));
    const record = await readRecord(session(), plan);
    expect(record.patient.id).toBe('p1');
    expect(record.failures.map((f) => [f.resourceType, f.error.code])).toEqual([['Observation', 'server-error']]);
    expect(record.resources.filter((r) => r.resourceType === 'Observation')).toEqual([]);
  });

  it('a search that ends unauthorized ends the whole read (the UI asks to relaunch)', async () => {
    server.route(route(() => ({ status: 401 })));
    const error = await readRecord(session(), plan).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FhirRequestError);
    expect((error as FhirRequestError).code).toBe('unauthorized');
    expect((error as FhirRequestError).resourceType).toBe('Observation');
  });

  it('a 403 on one search leaves the rest of the record', async () => {
    server.route(route(() => ({ status: 403 })));
    const record = await readRecord(session(), plan);
    expect(record.patient.id).toBe('p1');
    expect(record.failures.map((f) => [f.resourceType, f.error.code, f.error.status])).toEqual([['Observation', 'forbidden', 403]]);
  });
});

const statementResource: MedicationStatement = {
  resourceType: 'MedicationStatement',
  id: 's1',
  status: 'active',
  subject: { reference: 'Patient/p1' },
  medicationReference: { reference: 'Medication/m1' },
};
const medicationFollowUp = (): PlannedQuery[] => [{ id: 'med', resourceType: 'Medication', params: { _id: 'm1' }, wave: 0, purpose: 'medication' }];

describe('readRecord follow-ups', () => {
  it('a failing follow-up search is not repeated wave after wave', async () => {
    const plan: PlannedQuery[] = [{ id: 'meds', resourceType: 'MedicationStatement', params: { patient: 'p1' }, wave: 1, purpose: 'meds' }];
    const statement: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: statementResource }],
    };
    server.route((url) => {
      if (url.includes('/Patient/')) return { status: 200, body: JSON.stringify({ resourceType: 'Patient', id: 'p1' }) };
      if (url.includes('/MedicationStatement?')) return { status: 200, body: JSON.stringify(statement) };
      return { status: 404 };
    });
    const record = await readRecord(session(), plan, { followUp: medicationFollowUp });
    expect(record.failures.map((f) => [f.resourceType, f.error.code])).toEqual([['Medication', 'not-found']]);
    expect(record.waves).toBe(2);
    expect(server.seen.filter((s) => s.url.includes('/Medication?'))).toHaveLength(1);
  });
});
