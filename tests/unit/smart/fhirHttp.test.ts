import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FhirRequestError } from '@src/smart/errors.ts';
import { createFhirHttp, type RequestLogEntry, type TokenSource } from '@src/smart/fhirHttp.ts';
import { startScriptedServer, type ScriptedServer, type Step } from './scriptedServer.ts';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
});

/** A stand-in for fhirclient's Client: a token, a refresh that rotates it (or fails). */
function tokens(opts: { refreshToken?: boolean; refreshFails?: boolean } = {}) {
  let n = 1;
  const calls = { refresh: 0 };
  const state = { tokenResponse: { access_token: 'at-1', ...(opts.refreshToken === false ? {} : { refresh_token: 'rt' }) } };
  const source = {
    state,
    getAuthorizationHeader: () => `Bearer ${state.tokenResponse.access_token}`,
    refreshIfNeeded: async () => state,
    refresh: async () => {
      calls.refresh++;
      if (opts.refreshFails) throw new Error('invalid_grant');
      state.tokenResponse.access_token = `at-${++n}`;
      return state;
    },
  } as unknown as TokenSource;
  return { source, calls };
}

/** Answered requests get a timeout a loaded machine cannot reach (15 s); only a request never answered is given a short one. */
async function read(steps: Step[], tokenOpts: Parameters<typeof tokens>[0] = {}, timeoutMs = 15_000) {
  server.script(steps, { status: 200, body: '{"resourceType":"Patient","id":"1"}' });
  const log: RequestLogEntry[] = [];
  const t = tokens(tokenOpts);
  const http = createFhirHttp(t.source, server.base, log, 0, { retryPolicy: { baseDelayMs: 1, timeoutMs } });
  let error: FhirRequestError | null = null;
  let body: unknown = null;
  try {
    body = await http<unknown>({ url: 'Patient/1', method: 'GET', resourceType: 'Patient', wave: 1 });
  } catch (e) {
    if (!(e instanceof FhirRequestError)) throw e;
    error = e;
  }
  return { error, body, log, refreshes: t.calls.refresh, auth: server.seen.map((s) => s.authorization) };
}

describe('FHIR transport: token refresh on 401', () => {
  it('refreshes once and retries with the new token', async () => {
    const r = await read([{ status: 401 }]);
    expect(r.error).toBeNull();
    expect(r.body).toEqual({ resourceType: 'Patient', id: '1' });
    expect(r.refreshes).toBe(1);
    expect(r.auth).toEqual(['Bearer at-1', 'Bearer at-2']);
    expect(r.log.map((e) => [e.attempt, e.status, e.retryReason ?? null])).toEqual([
      [1, 401, 'unauthorized'],
      [2, 200, null],
    ]);
  });

  it.each<[string, Step[], Parameters<typeof tokens>[0], number, number]>([
    ['a second 401 after the refresh', [{ status: 401 }, { status: 401 }], {}, 1, 2],
    ['a refused refresh', [{ status: 401 }], { refreshFails: true }, 1, 1],
    ['no refresh token', [{ status: 401 }], { refreshToken: false }, 0, 1],
  ])('%s ends as unauthorized', async (_name, steps, tokenOpts, refreshes, requests) => {
    const r = await read(steps, tokenOpts);
    expect(r.error?.code).toBe('unauthorized');
    expect(r.error?.status).toBe(401);
    expect(r.refreshes).toBe(refreshes);
    expect(r.auth).toHaveLength(requests);
  });
});

describe('FHIR transport: errors a clinician can act on', () => {
  it.each<[string, Step[], string, number | null, RegExp]>([
    [
      'malformed JSON',
      [{ status: 200, body: '{"resourceType":"Patient","name":[{"family":"Muster' }],
      'bad-response',
      200,
      /not valid JSON \(\d+ bytes, content-type application\/fhir\+json/,
    ],
    ['an empty body', [{ status: 200, body: '' }], 'bad-response', 200, /empty body/],
    [
      '403',
      [{ status: 403, body: '{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden","diagnostics":"Jane Doe"}]}' }],
      'forbidden',
      403,
      /^HTTP 403; OperationOutcome: forbidden$/,
    ],
    ['404', [{ status: 404 }], 'not-found', 404, /HTTP 404/],
    ['500', [{ status: 500 }], 'server-error', 500, /^HTTP 500$/],
    ['503 that stays', [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }], 'server-error', 503, /after 4 attempts/],
    ['429 asking for a long wait', [{ status: 429, headers: { 'Retry-After': '600' } }], 'throttled', 429, /Retry-After: 600/],
    ['no answer', [{ hang: true }], 'timeout', null, /^timeout: no answer within 0.2 s$/],
  ])('%s', async (_name, steps, code, status, detail) => {
    const r = await read(steps, {}, steps.some((s) => 'hang' in s) ? 200 : 15_000);
    expect(r.error?.code).toBe(code);
    expect(r.error?.status).toBe(status);
    expect(r.error?.detail).toMatch(detail);
    // the detail never quotes the body (patient data)
    expect(r.error?.detail).not.toMatch(/Muster|Jane/);
  });

  it('counts every retry in the request log', async () => {
    const r = await read([
      { status: 503, headers: { 'Retry-After': '0' } },
      { status: 429, headers: { 'Retry-After': '0' } },
    ]);
    expect(r.error).toBeNull();
    expect(r.log.map((e) => [e.attempt, e.status, e.retryReason ?? null, e.url])).toEqual([
      [1, 503, 'unavailable', 'Patient/1'],
      [2, 429, 'throttled', 'Patient/1'],
      [3, 200, null, 'Patient/1'],
    ]);
  });
});
