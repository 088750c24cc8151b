// @vitest-environment jsdom
/** Issue 12: a searchset whose entry is an error OperationOutcome is a failed search, not "no results". */
import type { Bundle, OperationOutcome } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FhirRequestError } from '../../../src/smart/errors.ts';
import { readRecord } from '@src/pipeline/readRecord.ts';
import { createFhirSession } from '../../../src/smart/session.ts';
import { startScriptedServer, type ScriptedServer } from './scriptedServer.ts';
import { fakeClient } from '../../support/fakeClient.ts';

const fakeClientNoUser = (base: string) => fakeClient(base, null);

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
});
const session = () => createFhirSession(fakeClientNoUser(server.base), { retryPolicy: { baseDelayMs: 1, timeoutMs: 15_000, maxRetries: 0 } });
const outcome = (severity: string, code: string): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: 0,
  entry: [
    {
      resource: { resourceType: 'OperationOutcome', issue: [{ severity: severity as 'error', code: code as 'processing' }] } as OperationOutcome,
      search: { mode: 'outcome' },
    },
  ],
});

describe('search outcomes', () => {
  it.each(['error', 'fatal'])('a searchset with an %s OperationOutcome fails the search', async (severity) => {
    server.script([{ status: 200, body: JSON.stringify(outcome(severity, 'too-costly')) }]);
    const error = await session()
      .search('Condition', { patient: 'p1' })
      .then(
        () => null,
        (e: unknown) => e as FhirRequestError,
      );
    expect(error).toBeInstanceOf(FhirRequestError);
    expect(error?.detail).toMatch(/OperationOutcome.*too-costly/);
  });

  it('in a record, it is a named failure (the Conditions are missing), not an empty list', async () => {
    server.route((url) =>
      url.includes('/Patient/')
        ? { status: 200, body: JSON.stringify({ resourceType: 'Patient', id: 'p1' }) }
        : { status: 200, body: JSON.stringify(outcome('error', 'processing')) },
    );
    const record = await readRecord(session(), [{ id: 'c', resourceType: 'Condition', params: { patient: 'p1' }, wave: 1, purpose: 'diagnoses' }]);
    expect(record.failures.map((f) => [f.resourceType, f.error.code])).toEqual([['Condition', 'bad-response']]);
  });

  it('a warning outcome (e.g. a parameter ignored) is not a resource and not a failure', async () => {
    server.script([{ status: 200, body: JSON.stringify(outcome('warning', 'not-supported')) }]);
    const r = await session().search('Condition', { patient: 'p1' });
    expect(r.matches).toEqual([]);
    expect(r.included).toEqual([]);
    expect(r.warnings).toEqual(['not-supported']);
  });
});
