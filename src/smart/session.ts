import { FHIR } from './fhirclient.ts';
import type Client from 'fhirclient/lib/Client';
import type { Bundle, FhirResource, Patient, Resource } from 'fhir/r4';
import { codeForStatus, FhirRequestError, LaunchError } from './errors.ts';

/** One HTTP request the app made to the FHIR server, for the request log and the benchmarks. */
export interface RequestLogEntry {
  url: string;
  resourceType: string;
  status: number | null;
  startedMs: number;
  durationMs: number;
  wave: number;
}

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

/** fhirclient's HttpError carries the response status; anything else is a network failure. */
function statusOf(e: unknown): number | null {
  if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number') return e.status;
  return null;
}

/** Builds a query string with every value URL-encoded (`system|code` tokens included). */
export function toQueryString(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/** Wraps an authorised fhirclient Client. Exported for tests that build a Client directly. */
export function createFhirSession(client: Client): FhirSession {
  const patientId = client.patient.id;
  if (!patientId) throw new LaunchError('no-patient-context', 'the token response names no patient');
  const log: RequestLogEntry[] = [];
  const origin = performance.now();
  const fhirBaseUrl = client.state.serverUrl.replace(/\/+$/, '');

  async function request<T>(url: string, resourceType: string, wave: number): Promise<T> {
    const started = performance.now();
    const entry: RequestLogEntry = { url: url.replace(fhirBaseUrl, ''), resourceType, status: null, startedMs: started - origin, durationMs: 0, wave };
    log.push(entry);
    try {
      // useRefreshToken (fhirclient default): an expired access token is refreshed before the call.
      const result = await client.request<T>({ url, headers: { Accept: 'application/fhir+json' } }, { useRefreshToken: true });
      entry.status = 200;
      return result;
    } catch (e) {
      const status = statusOf(e);
      entry.status = status;
      if (status === null) throw new FhirRequestError('unreachable', null, resourceType, describe(e));
      throw new FhirRequestError(codeForStatus(status), status, resourceType, describe(e));
    } finally {
      entry.durationMs = performance.now() - started;
    }
  }

  const grantedScope = client.state.tokenResponse?.scope ?? '';
  return {
    fhirBaseUrl,
    patientId,
    user: client.user.fhirUser ?? null,
    grantedScope,
    canCreate: (resourceType) => scopeAllowsCreate(grantedScope, resourceType),
    async create<T extends Resource>(resource: T): Promise<T> {
      const started = performance.now();
      const entry: RequestLogEntry = { url: resource.resourceType, resourceType: resource.resourceType, status: null, startedMs: started - origin, durationMs: 0, wave: 0 };
      log.push(entry);
      try {
        const result = await client.request<T>(
          { url: resource.resourceType, method: 'POST', body: JSON.stringify(resource), headers: { 'Content-Type': 'application/fhir+json', Accept: 'application/fhir+json' } },
          { useRefreshToken: true },
        );
        entry.status = 201;
        return result;
      } catch (e) {
        const status = statusOf(e);
        entry.status = status;
        throw new FhirRequestError(status === null ? 'unreachable' : codeForStatus(status), status, resource.resourceType, describe(e));
      } finally {
        entry.durationMs = performance.now() - started;
      }
    },
    requestLog: log,
    readPatient: () => request<Patient>(`Patient/${encodeURIComponent(patientId)}`, 'Patient', 1),
    read: <T extends Resource>(reference: string, wave = 1) => request<T>(reference, reference.split('/')[0] ?? 'unknown', wave),
    async search(resourceType, params, wave = 1) {
      const result: SearchResult = { matches: [], included: [], pages: 0, total: null };
      let url: string | null = `${resourceType}?${toQueryString(params)}`;
      while (url) {
        if (result.pages >= MAX_PAGES) {
          throw new FhirRequestError('bad-response', null, resourceType, `more than ${MAX_PAGES} pages; the record was not read completely`);
        }
        const bundle: Bundle = await request<Bundle>(url, resourceType, wave);
        if (bundle?.resourceType !== 'Bundle') throw new FhirRequestError('bad-response', 200, resourceType, 'the server did not return a Bundle');
        result.pages++;
        if (typeof bundle.total === 'number') result.total = bundle.total;
        for (const e of bundle.entry ?? []) {
          if (!e.resource) continue;
          if (e.search?.mode === 'include' || e.resource.resourceType !== resourceType) result.included.push(e.resource);
          else result.matches.push(e.resource);
        }
        url = bundle.link?.find((l) => l.relation === 'next')?.url ?? null;
      }
      return result;
    },
  };
}

/**
 * Completes the authorization on the redirect page: checks the authorization server's answer,
 * validates `state`, exchanges the code (with the PKCE verifier) for tokens and returns the session.
 */
export async function completeLaunch(search: string = window.location.search): Promise<FhirSession> {
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
  return createFhirSession(client);
}
