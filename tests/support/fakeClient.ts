/** A fhirclient Client as far as the FHIR session uses it: a fixed bearer token, no real refresh. */
import type Client from 'fhirclient/lib/Client';

export function fakeClient(base: string, fhirUser: string | null = 'Practitioner/1'): Client {
  const state = { serverUrl: base, tokenResponse: { access_token: 'at', scope: 'patient/*.rs' } };
  return {
    patient: { id: 'p1' },
    user: { fhirUser },
    state,
    getAuthorizationHeader: () => 'Bearer at',
    refreshIfNeeded: async () => state,
    refresh: async () => state,
  } as unknown as Client;
}
