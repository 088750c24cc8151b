import { FHIR } from './fhirclient.ts';
import { scopesAllowCreate, scopesAllowCreateAll, type CategoryToken } from './scopes.ts';
import type Client from 'fhirclient/lib/Client';
import type { Bundle, FhirResource, Patient, Resource } from 'fhir/r4';
import { FhirRequestError, LaunchError, type LaunchErrorCode } from './errors.ts';
import { createFhirHttp, type FhirHttpOptions, type RawAnswer, type RequestLogEntry } from './fhirHttp.ts';
import { checkPatientAnswer } from './patientContext.ts';
import { resolveUnderBase } from './urls.ts';
import { readCapabilities, type ServerCapabilities } from './capabilities.ts';
import { readLaunchContext, type LaunchContextRequest } from './launchContext.ts';

export type { RequestLogEntry, FhirHttpOptions, RawAnswer } from './fhirHttp.ts';

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
  /** The token response's `smart_style_url` (SMART App Launch 2.x, "Styling"), if any: read by src/smart/style.ts. */
  readonly smartStyleUrl?: string;
  /**
   * The token response's `fhirContext` / `appContext`, read by src/smart/launchContext.ts: what the EHR
   * asks the app to open on (an indication, a drug), checked against the record by src/pipeline/launchFocus.ts.
   * Absent when the launch sent neither.
   */
  readonly launchContext?: LaunchContextRequest;
  /**
   * The token response's `encounter` (SMART App Launch 2.x launch context, scope `launch/encounter`):
   * the encounter the EHR opened the app in, carried into everything the app writes. Absent when the
   * EHR sent none (the scope is optional and servers may ignore it).
   */
  readonly encounterId?: string;
  readonly requestLog: readonly RequestLogEntry[];
  /** Reads the launch's Patient; any other answer is a `wrong-patient` error. */
  readPatient(): Promise<Patient>;
  /** Reads one resource by relative reference (`Medication/abc`). */
  read<T extends Resource = FhirResource>(reference: string, wave?: number): Promise<T>;
  /**
   * A search in the patient's record, following every `next` link to the end. Returns matches and
   * `_include`d resources as one list (each tagged by Bundle.entry.search.mode).
   */
  search(resourceType: string, params: Record<string, string>, wave?: number): Promise<SearchResult>;
  /**
   * True when the granted scopes allow creating resources of this type in the patient's record; with
   * `categories`, for every one of them (granular SMART v2 scopes such as `patient/Observation.c?category=...`
   * allow only their category: src/smart/scopes.ts).
   */
  canCreate(resourceType: string, categories?: readonly CategoryToken[]): boolean;
  /** Creates a resource (POST); the server's copy, with its id, is returned. */
  create<T extends Resource>(resource: T): Promise<T>;
  /**
   * POSTs a transaction (or batch) Bundle to the FHIR base and returns the 2xx answer unparsed: what
   * was saved is read from it by src/writeback/writeOutcome.ts, never assumed from the status. An HTTP
   * error throws {@link FhirRequestError}. 429/503 are retried by the transport; a timeout or lost
   * answer is NOT retried here: the caller may resend the same Bundle only because its entries are
   * conditional creates (`ifNoneExist`), which makes a resend idempotent (FHIR R4 http.html §3.1.0.8.1).
   */
  transaction(bundle: Bundle): Promise<RawAnswer>;
  /**
   * A conditional create (FHIR R4 http.html §3.1.0.8.1): POST [type] with `If-None-Exist`, so a resend
   * of the same resource after a lost answer matches the first copy (200) instead of creating a second.
   * Returns the 2xx answer unparsed with its `Location`; an HTTP error throws {@link FhirRequestError}.
   */
  createConditional(resource: Resource, ifNoneExist: string): Promise<RawAnswer>;
  /**
   * The server's CapabilityStatement reduced to what the read plan and the write-back use
   * (src/smart/capabilities.ts); read once per server and page, `unavailable` when it cannot be read.
   */
  capabilities(): Promise<ServerCapabilities>;
}

/**
 * Does a granted scope string allow `create` on a type (unrestricted scopes only)? SMART v1 and v2,
 * patient/user/system: see src/smart/scopes.ts, which also reads granular `?category=` scopes.
 */
export function scopeAllowsCreate(granted: string, resourceType: string): boolean {
  return scopesAllowCreate(granted, resourceType);
}

export interface SearchResult {
  matches: Resource[];
  included: Resource[];
  pages: number;
  total: number | null;
  /** Issue codes of warning/information OperationOutcomes the server put in the searchset (e.g. a parameter ignored). */
  warnings?: string[];
}

/** Issue codes of an OperationOutcome's issues of the given severities. */
function outcomeCodes(resource: Resource, severities: readonly string[]): string[] {
  const issues = (resource as { issue?: unknown }).issue;
  if (!Array.isArray(issues)) return [];
  return issues
    .filter((i: unknown) => typeof i === 'object' && i !== null && severities.includes(String((i as { severity?: unknown }).severity)))
    .map((i: { code?: unknown }) => (typeof i.code === 'string' ? i.code : 'unknown'));
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

/** The session's `launchContext` field, present only when the token response carried fhirContext or appContext. */
function launchContextOf(tokenResponse: unknown): { launchContext?: LaunchContextRequest } {
  const launchContext = readLaunchContext(tokenResponse);
  return launchContext ? { launchContext } : {};
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
   * The next page of a search, resolved against the FHIR base and normalised (dot segments, also
   * percent-encoded, resolved): it must stay under the base, since the bearer token goes with it,
   * and a server that points elsewhere is misconfigured or hostile.
   */
  function nextLink(bundle: Bundle, resourceType: string): string | null {
    const link = bundle.link?.find((l) => l.relation === 'next');
    if (!link) return null;
    const resolved = resolveUnderBase(link.url, fhirBaseUrl);
    if ('refused' in resolved) {
      throw new FhirRequestError('bad-response', 200, resourceType, `a "next" link was refused (${resolved.refused}); the search was stopped`);
    }
    return resolved.url;
  }

  const grantedScope = client.state.tokenResponse?.scope ?? '';
  return {
    fhirBaseUrl,
    patientId,
    user: client.user.fhirUser ?? null,
    grantedScope,
    ...(typeof client.state.tokenResponse?.need_patient_banner === 'boolean' ? { needPatientBanner: client.state.tokenResponse.need_patient_banner } : {}),
    ...(typeof client.state.tokenResponse?.smart_style_url === 'string' ? { smartStyleUrl: client.state.tokenResponse.smart_style_url } : {}),
    // launch context: fhirContext / appContext (src/smart/launchContext.ts)
    ...launchContextOf(client.state.tokenResponse),
    ...(typeof client.state.tokenResponse?.encounter === 'string' && client.state.tokenResponse.encounter !== ''
      ? { encounterId: client.state.tokenResponse.encounter }
      : {}),
    canCreate: (resourceType, categories = []) => scopesAllowCreateAll(grantedScope, resourceType, categories),
    async create<T extends Resource>(resource: T): Promise<T> {
      return http<T>({ url: resource.resourceType, method: 'POST', body: JSON.stringify(resource), resourceType: resource.resourceType, wave: 0 });
    },
    transaction: (bundle: Bundle): Promise<RawAnswer> =>
      http<RawAnswer>({ url: '', method: 'POST', body: JSON.stringify(bundle), resourceType: 'Bundle', wave: 0, raw: true }),
    createConditional: (resource: Resource, ifNoneExist: string): Promise<RawAnswer> =>
      http<RawAnswer>({
        url: resource.resourceType,
        method: 'POST',
        body: JSON.stringify(resource),
        resourceType: resource.resourceType,
        wave: 0,
        raw: true,
        headers: { 'If-None-Exist': ifNoneExist },
      }),
    capabilities: () => readCapabilities(fhirBaseUrl, () => get<unknown>('metadata', 'CapabilityStatement', 0)),
    requestLog: log,
    // The answer must be the launch's Patient: another id, `{}` or an OperationOutcome stops the launch.
    readPatient: async () => checkPatientAnswer(await get<unknown>(`Patient/${encodeURIComponent(patientId)}`, 'Patient', 1), patientId),
    read: <T extends Resource>(reference: string, wave = 1) => get<T>(reference, reference.split('/')[0] ?? 'unknown', wave),
    async search(resourceType, params, wave = 1) {
      const result: SearchResult = { matches: [], included: [], pages: 0, total: null };
      let url: string | null = `${resourceType}?${toQueryString(params)}`;
      // Links already read: a server whose `next` leads back to an earlier page would loop.
      const visited = new Set<string>([`${fhirBaseUrl}/${url}`]);
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
          throw new FhirRequestError(
            e.code,
            e.status,
            resourceType,
            `page ${result.pages + 1} failed after ${result.pages} read; the search was discarded as a whole (${e.detail})`,
          );
        }
        if (bundle?.resourceType !== 'Bundle') throw new FhirRequestError('bad-response', 200, resourceType, 'the server did not return a Bundle');
        result.pages++;
        if (typeof bundle.total === 'number') result.total = bundle.total;
        for (const e of bundle.entry ?? []) {
          if (!e.resource) continue;
          // An OperationOutcome in a searchset (FHIR R4 search.html §3.1.1.4.1, mode "outcome") is
          // about the search: with an error the result is not "no results" but a failed search.
          if (e.resource.resourceType === 'OperationOutcome') {
            const errors = outcomeCodes(e.resource, ['error', 'fatal']);
            if (errors.length > 0) {
              throw new FhirRequestError(
                'bad-response',
                200,
                resourceType,
                `the server reported an error in the search result (OperationOutcome: ${errors.join(', ')}); the search was discarded`,
              );
            }
            result.warnings = [...(result.warnings ?? []), ...outcomeCodes(e.resource, ['warning', 'information'])];
            continue;
          }
          if (e.search?.mode === 'include' || e.resource.resourceType !== resourceType) result.included.push(e.resource);
          else result.matches.push(e.resource);
        }
        url = nextLink(bundle, resourceType);
        if (url !== null) {
          if (visited.has(url)) {
            throw new FhirRequestError(
              'bad-response',
              200,
              resourceType,
              `the "next" link of page ${result.pages} repeats an earlier page after ${result.pages} pages; the search was discarded as a whole`,
            );
          }
          visited.add(url);
        }
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
    let code: LaunchErrorCode = 'authorization-failed';
    if (error === 'access_denied') code = 'authorization-denied';
    else if (/launch/i.test(description)) code = 'launch-invalid';
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
