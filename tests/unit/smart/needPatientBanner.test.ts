// @vitest-environment jsdom
// The launch context's need_patient_banner reaches the session (false: the EHR shows its own banner).
import type Client from 'fhirclient/lib/Client';
import { describe, expect, it } from 'vitest';
import { createFhirSession } from '@src/smart/session.ts';

function client(tokenResponse: Record<string, unknown>): Client {
  const state = { serverUrl: 'https://fhir.example.org/r4', tokenResponse: { access_token: 'at', scope: 'patient/*.rs', ...tokenResponse } };
  return { patient: { id: 'p1' }, user: { fhirUser: 'Practitioner/1' }, state, getAuthorizationHeader: () => 'Bearer at' } as unknown as Client;
}

describe('needPatientBanner', () => {
  it.each([
    [{ need_patient_banner: false }, false],
    [{ need_patient_banner: true }, true],
    [{}, undefined],
    [{ need_patient_banner: 'false' }, undefined],
  ] as const)('token response %j -> %s', (token, expected) => {
    expect(createFhirSession(client(token)).needPatientBanner).toBe(expected);
  });
});
