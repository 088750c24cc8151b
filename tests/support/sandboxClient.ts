import type { Resource } from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import { inject } from 'vitest';
import type { SandboxInfo } from './globalSetup';

/** A token response from the sandbox, with the SMART launch context fields. */
export interface SandboxToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  patient?: string;
}

/** The running sandbox (started by tests/support/globalSetup.ts for the integration project). */
export function sandbox(): SandboxInfo {
  return inject('sandbox');
}

/**
 * The JSON body of a response, typed by the caller: the sandbox is trusted test infrastructure,
 * and each test asserts the fields it relies on.
 */
export function readJson<T>(res: Response): Promise<T> {
  return res.json();
}

async function testEndpoint<T>(path: string, body: unknown): Promise<T> {
  const sb = sandbox();
  const res = await fetch(`${sb.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-test-key': sb.testKey },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return readJson<T>(res);
}

/**
 * Mints a real access token (stored in the authorization server, checked by the FHIR side like
 * any other) for `patient` with `scope`, skipping the browser flow. `ttl` in seconds.
 */
export function mintToken(patient: string | undefined, scope: string, ttl?: number): Promise<SandboxToken> {
  return testEndpoint<SandboxToken>('/__test__/token', { patient, scope, ttl });
}

/** Mints an EHR launch id for `patient`; `ttl` in seconds (0 or less: already expired). */
export async function mintLaunch(patient: string, options: { ttl?: number; encounter?: string } = {}): Promise<string> {
  const out = await testEndpoint<{ launch: string }>('/__test__/launch', { patient, ...options });
  return out.launch;
}

/**
 * A real fhirclient `Client` on the sandbox, authorized for `patient` with `scope`.
 * fhirclient reads `window` at import, so callers run in the jsdom environment.
 */
export async function authorizedClient(patient: string, scope: string): Promise<Client> {
  const token = await mintToken(patient, scope);
  const { default: FHIR } = await import('fhirclient');
  return FHIR.client({ serverUrl: sandbox().fhirBaseUrl, tokenResponse: { ...token, patient } });
}

/** The result of {@link fhirFetch}: status, parsed body and headers. */
export interface FhirFetchResult<T = Resource> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * Plain HTTP against the sandbox FHIR base (relative `path`), with an optional bearer token:
 * for asserting status codes and OperationOutcomes that fhirclient would turn into exceptions.
 */
export async function fhirFetch<T = Resource>(
  path: string,
  options: { token?: string; method?: string; body?: string; contentType?: string } = {},
): Promise<FhirFetchResult<T>> {
  const headers: Record<string, string> = { accept: 'application/fhir+json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.contentType) headers['content-type'] = options.contentType;
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (options.body !== undefined) init.body = options.body;
  const res = await fetch(`${sandbox().fhirBaseUrl}/${path}`, init);
  return { status: res.status, body: await readJson<T>(res), headers: res.headers };
}
