import { FHIR } from './fhirclient.ts';
import type Client from 'fhirclient/lib/Client';
import type { Bundle, FhirResource, Patient, Resource } from 'fhir/r4';
import { FhirRequestError, LaunchError } from './errors.ts';
import { createFhirHttp, type FhirHttpOptions, type RequestLogEntry } from './fhirHttp.ts';

export type { RequestLogEntry, FhirHttpOptions } from './fhirHttp.ts';

/**
 * The app's authorised connection to one patient's record. Everything above smart/ reads FHIR
 * through this interface, so tests can run it against the real sandbox and nothing else imports
 * fhirclient.
 */
export interface FhirSession {
  readonly fhirBaseUrl: string;
  readonly patientId: string;
  /** `Practitioner/123` from the id_token's fhirUser claim, if the server sent one. */
  readonly user: string | null;
  readonly grantedScope: string;
  /**
   * The token response's `need_patient_banner` (SMART App Launch 2.x, launch context): false when the
   * EHR shows its own patient banner around the app. Absent (undefined) means show the banner.
   */
  readonly needPatientBanner?: boolean;
  readonly requestLog: readonly RequestLogEntry[];
  readPatient(): Promise<Patient>;
  /** Reads one resource by relative reference (`Medication/abc`). */
  read<T extends Resource = FhirResource>(reference: string, wave?: number): Promise<T>;
  /**
   * A search in the patient's record, following every `next` link to the end. Returns matches and
   * `_include`d resources as one list (each tagged by Bundle.entry.search.mode).
   */
  search(resourceType: string, params: Record<string, string>, wave?: number): Promise<SearchResult>;
  /** True when the granted scopes allow creating resources of this type in the patient's record. */
  canCreate(resourceType: string): boolean;
  /** Creates a resource (POST); the server's copy, with its id, is returned. */
  create<T extends Resource>(resource: T): Promise<T>;
  /**
   * POSTs a transaction Bundle to the FHIR base and returns the transaction-response. 429/503 are
   * retried by the transport; a timeout or lost answer is NOT retried here: the caller may resend
   * the same Bundle only because its entries are conditional creates (`ifNoneExist`), which makes
   * a resend idempotent (FHIR R4 http.html §3.1.0.8.1).
   */
  transaction(bundle: Bundle): Promise<Bundle>;
}

/**
 * Does a granted scope string allow `create` on a type? SMART v2 (`patient/Observation.c`,
 * `.cruds`, `patient/*.c`) and v1 (`patient/Observation.write`, `patient/*.*`), patient- or
 * user-level (SMART App Launch 2.x §3).
 */
export function scopeAllowsCreate(granted: string, resourceType: string): boolean {
  return granted.split(/\s+/).some((s) => {
    const m = /^(patient|user)\/([A-Za-z*]+)\.([a-z*]+)$/.exec(s);
    if (!m || (m[2] !== resourceType && m[2] !== '*')) return false;
    const perm = m[3] ?? '';
    return perm === '*' || perm === 'write' || (/^c?r?u?d?s?$/.test(perm) && perm.includes('c'));
  });
}

export interface SearchResult {
  matches: Resource[];
  included: Resource[];
  pages: number;
  total: number | null;
}

const MAX_PAGES = 200;

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Builds a query string with every value URL-encoded (`system|code` tokens included). */
export function toQueryString(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/**
 * Wraps an authorised fhirclient Client. Exported for tests that build a Client directly;
 * `options` shortens the timeout and backoff in tests (defaults: DEFAULT_RETRY_POLICY in retry.ts).
 */
export function createFhirSession(client: Client, options: FhirHttpOptions = {}): FhirSession {
  const patientId = client.patient.id;
  if (!patientId) throw new LaunchError('no-patient-context', 'the token response names no patient');
  const log: RequestLogEntry[] = [];
  const origin = performance.now();
  const fhirBaseUrl = client.state.serverUrl.replace(/\/+$/, '');
  const http = createFhirHttp(client, fhirBaseUrl, log, origin, options);
  const get = <T>(url: string, resourceType: string, wave: number): Promise<T> => http<T>({ url, method: 'GET', resourceType, wave });

  /**
   * The next page of a search. The link must stay on this FHIR server: the bearer token goes with
   * it, and a server that points elsewhere is misconfigured or hostile.
   */
  function nextLink(bundle: Bundle, resourceType: string): string | null {
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    if (!next) return null;
    if (/^https?:\/\//i.test(next) && !next.startsWith(`${fhirBaseUrl}/`) && !next.startsWith(`${fhirBaseUrl}?`)) {
      throw new FhirRequestError('bad-response', 200, resourceType, 'a "next" link points outside the FHIR server; the search was stopped');
    }
    return next;
  }

  const grantedScope = client.state.tokenResponse?.scope ?? '';
  return {
    fhirBaseUrl,
    patientId,
    user: client.user.fhirUser ?? null,
    grantedScope,
    ...(typeof client.state.tokenResponse?.need_patient_banner === 'boolean' ? { needPatientBanner: client.state.tokenResponse.need_patient_banner } : {}),
    canCreate: (resourceType) => scopeAllowsCreate(grantedScope, resourceType),
    async create<T extends Resource>(resource: T): Promise<T> {
      return http<T>({ url: resource.resourceType, method: 'POST', body: JSON.stringify(resource), resourceType: resource.resourceType, wave: 0 });
    },
    async transaction(bundle: Bundle): Promise<Bundle> {
      const answer = await http<Bundle | undefined>({ url: '', method: 'POST', body: JSON.stringify(bundle), resourceType: 'Bundle', wave: 0 });
      if (answer?.resourceType !== 'Bundle') throw new FhirRequestError('bad-response', null, 'Bundle', 'the server did not answer the transaction with a Bundle');
      return answer;
    },
    requestLog: log,
    readPatient: () => get<Patient>(`Patient/${encodeURIComponent(patientId)}`, 'Patient', 1),
    read: <T extends Resource>(reference: string, wave = 1) => get<T>(reference, reference.split('/')[0] ?? 'unknown', wave),
    async search(resourceType, params, wave = 1) {
      const result: SearchResult = { matches: [], included: [], pages: 0, total: null };
      let url: string | null = `${resourceType}?${toQueryString(params)}`;
      while (url) {
        if (result.pages >= MAX_PAGES) {
          throw new FhirRequestError('bad-response', null, resourceType, `more than ${MAX_PAGES} pages; the record was not read completely`);
        }
        let bundle: Bundle;
        try {
          bundle = await get<Bundle>(url, resourceType, wave);
        } catch (e) {
          // A page after the first failed: the whole search fails, never a silently truncated list.
          if (result.pages === 0 || !(e instanceof FhirRequestError)) throw e;
          throw new FhirRequestError(e.code, e.status, resourceType, `page ${result.pages + 1} failed after ${result.pages} read; the search was discarded as a whole (${e.detail})`);
        }
        if (bundle?.resourceType !== 'Bundle') throw new FhirRequestError('bad-response', 200, resourceType, 'the server did not return a Bundle');
        result.pages++;
        if (typeof bundle.total === 'number') result.total = bundle.total;
        for (const e of bundle.entry ?? []) {
          if (!e.resource) continue;
          if (e.search?.mode === 'include' || e.resource.resourceType !== resourceType) result.included.push(e.resource);
          else result.matches.push(e.resource);
        }
        url = nextLink(bundle, resourceType);
      }
      return result;
    },
  };
}

/**
 * Completes the authorization on the redirect page: checks the authorization server's answer,
 * validates `state`, exchanges the code (with the PKCE verifier) for tokens and returns the session.
 */
export async function completeLaunch(search: string = window.location.search, options: FhirHttpOptions = {}): Promise<FhirSession> {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description') ?? '';
    const code = error === 'access_denied' ? 'authorization-denied' : /launch/i.test(description) ? 'launch-invalid' : 'authorization-failed';
    throw new LaunchError(code, `${error}${description ? `: ${description}` : ''}`);
  }
  let client: Client;
  try {
    client = await FHIR.oauth2.ready();
  } catch (e) {
    const message = describe(e);
    if (/state/i.test(message)) throw new LaunchError('no-launch-state', message);
    throw new LaunchError('token-exchange-failed', message);
  }
  return createFhirSession(client, options);
}
