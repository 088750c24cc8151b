// @vitest-environment jsdom
// The launch's encounter (SMART `launch/encounter`) reaches the session, and the session's conditional
// create sends `If-None-Exist` and returns the answer with its Location (issue 14, items 5 and 6).
import type Client from 'fhirclient/lib/Client';
import { describe, expect, it, vi } from 'vitest';
import { createFhirSession } from '@src/smart/session.ts';
import { DEFAULT_SCOPE, DEFAULT_SCOPE_V1 } from '@src/smart/settings.ts';
import { DECISION_TYPES, withWriteScopes } from '@src/smart/launch.ts';

function client(tokenResponse: Record<string, unknown>): Client {
  const state = { serverUrl: 'https://fhir.example.org/r4', tokenResponse: { access_token: 'at', scope: 'patient/*.rs', ...tokenResponse } };
  return {
    patient: { id: 'p1' },
    user: { fhirUser: 'Practitioner/1' },
    state,
    getAuthorizationHeader: () => 'Bearer at',
    refreshIfNeeded: () => Promise.resolve(),
  } as unknown as Client;
}

describe('encounter context', () => {
  it.each([
    [{ encounter: 'enc-42' }, 'enc-42'],
    [{}, undefined],
    [{ encounter: '' }, undefined],
    [{ encounter: 42 }, undefined],
  ] as const)('token response %j -> encounterId %s', (token, expected) => {
    expect(createFhirSession(client(token)).encounterId).toBe(expected);
  });

  it('the launch asks for the encounter (optional) in v1 and v2 syntax', () => {
    expect(DEFAULT_SCOPE.split(' ')).toContain('launch/encounter');
    expect(DEFAULT_SCOPE_V1.split(' ')).toContain('launch/encounter');
  });

  it('write-back asks to create the DocumentReference with the decision types', () => {
    expect(DECISION_TYPES).toContain('DocumentReference');
    expect(withWriteScopes('patient/Patient.rs', true).split(' ')).toContain('patient/DocumentReference.c');
  });
});

describe('createConditional', () => {
  it('POSTs the resource with If-None-Exist and returns status, body and Location', async () => {
    const fetchFn = vi.fn<typeof fetch>(() =>
      Promise.resolve(
        new Response(JSON.stringify({ resourceType: 'DocumentReference', id: 'd1' }), {
          status: 201,
          headers: { 'Content-Type': 'application/fhir+json', Location: 'https://fhir.example.org/r4/DocumentReference/d1/_history/1' },
        }),
      ),
    );
    const session = createFhirSession(client({}), { fetchFn });
    const answer = await session.createConditional({ resourceType: 'DocumentReference' }, 'identifier=urn:x|1');
    expect(answer.status).toBe(201);
    expect(answer.location).toBe('https://fhir.example.org/r4/DocumentReference/d1/_history/1');
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('https://fhir.example.org/r4/DocumentReference');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('If-None-Exist')).toBe('identifier=urn:x|1');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer at');
  });
});
