import type Client from 'fhirclient/lib/Client';
import { createSlots, MAX_PARALLEL_REQUESTS } from './concurrency.ts';
import { codeForStatus, FhirRequestError } from './errors.ts';
import {
  DEFAULT_RETRY_POLICY,
  sendWithRetry,
  TransportFailure,
  type AttemptRecord,
  type RetryPolicy,
  type RetryReason,
  type TransportFailureKind,
} from './retry.ts';

/** One HTTP request the app made to the FHIR server, for the request log and the benchmarks. */
export interface RequestLogEntry {
  url: string;
  resourceType: string;
  status: number | null;
  startedMs: number;
  durationMs: number;
  wave: number;
  /** 1 for a request's first attempt, 2+ for its retries (one entry per attempt). */
  attempt?: number;
  /** Set when this attempt was followed by a retry, and why. */
  retryReason?: RetryReason;
  /** Wait before the retry that followed, in ms. */
  waitMs?: number;
  /** The attempt got no HTTP answer. */
  failure?: TransportFailureKind;
}

/** Options of the FHIR transport (tests shorten the timeout and the backoff). */
export interface FhirHttpOptions {
  retryPolicy?: Partial<RetryPolicy>;
  fetchFn?: typeof fetch;
}

/** The parts of fhirclient's Client the transport uses: the token, and its refresh. */
export type TokenSource = Pick<Client, 'getAuthorizationHeader' | 'refresh' | 'refreshIfNeeded' | 'state'>;

export interface FhirHttpRequest {
  /** Relative to the FHIR base (`Patient/1`, `Observation?...`) or absolute under it (a `next` link). */
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  resourceType: string;
  wave: number;
  /**
   * A write whose outcome the caller reads from the answer: a 2xx is returned as
   * {@link RawAnswer} (status and text, even when empty or not JSON) instead of being parsed here.
   */
  raw?: boolean;
  /** Extra request headers (a conditional create's `If-None-Exist`). */
  headers?: Record<string, string>;
}

/** A 2xx answer, unparsed (for writes: src/writeback/writeOutcome.ts decides what it means). */
export interface RawAnswer {
  status: number;
  text: string;
  /** The `Location` header, if any (a create's new resource: FHIR R4 http.html §3.1.0.8). */
  location?: string;
}

/** An error's message on one line (fhirclient's HttpError spreads status, URL and body over lines). */
function describe(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
}

/**
 * A short technical detail for an HTTP error: the status line and, from an OperationOutcome, the
 * issue codes only (diagnostics may quote patient data, and `detail` must never hold any).
 */
function errorDetail(status: number, text: string, retryAfter: string | null): string {
  const parts = [`HTTP ${status}`];
  try {
    const body = JSON.parse(text) as { resourceType?: unknown; issue?: Array<{ code?: unknown }> };
    if (body.resourceType === 'OperationOutcome' && Array.isArray(body.issue)) {
      const codes = body.issue.map((i) => (typeof i.code === 'string' ? i.code : '')).filter(Boolean);
      if (codes.length > 0) parts.push(`OperationOutcome: ${codes.join(', ')}`);
    }
  } catch {
    // not JSON: the status says enough
  }
  if (retryAfter) parts.push(`Retry-After: ${retryAfter}`);
  return parts.join('; ');
}

/** The origin a redirect points to (never its path or query, which may carry patient data). */
function safeOrigin(location: string, base: string): string {
  try {
    return new URL(location, base).origin;
  } catch {
    return 'an invalid address';
  }
}

/** Runs a token renewal; a failure ends the session (`unauthorized`, the UI asks to relaunch). */
async function renew(resourceType: string, why: () => Promise<unknown>): Promise<void> {
  try {
    await why();
  } catch (e) {
    throw new FhirRequestError('unauthorized', 401, resourceType, `the session expired and could not be renewed (${describe(e)})`);
  }
}

/**
 * The FHIR transport of a session: bearer token from fhirclient, timeout, retries
 * ({@link sendWithRetry}), one token refresh on a 401, JSON parsing with a clear error, and one
 * request-log entry per attempt. Throws {@link FhirRequestError} only.
 *
 * fhirclient 2.6.3's own `request()` does not retry after a 401: it clears the session and throws
 * (lib/Client.js, "Handle 401"); it only refreshes before a request when the token has expired.
 * So a token revoked or expired early (EHR restart, clock skew) is handled here: refresh once via
 * `client.refresh()` (which sends client_id: `refreshTokenWithClientId`, see fhirclient.ts), retry
 * once; a second 401, or a refused refresh, is `unauthorized` and the UI asks to relaunch.
 */
export function createFhirHttp(client: TokenSource, fhirBaseUrl: string, log: RequestLogEntry[], origin: number, options: FhirHttpOptions = {}) {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy };
  // One limit per session: the timeout measures the server, not the queue behind our own requests.
  const slots = createSlots(MAX_PARALLEL_REQUESTS);

  function absolute(url: string): string {
    if (/^https?:\/\//i.test(url)) return url;
    return `${fhirBaseUrl}/${url.replace(/^\/+/, '')}`;
  }

  return async function fhirRequest<T>(req: FhirHttpRequest): Promise<T> {
    const { resourceType, wave } = req;
    const url = absolute(req.url);
    const logUrl = req.url.replace(fhirBaseUrl, '');
    // An access token known to have expired is renewed before the call (fhirclient's own rule).
    await renew(resourceType, () => client.refreshIfNeeded());
    let attemptsBefore = 0;
    let refreshed = false;
    for (;;) {
      const auth = client.getAuthorizationHeader();
      const headers: Record<string, string> = { ...req.headers, Accept: 'application/fhir+json' };
      if (auth) headers['Authorization'] = auth;
      if (req.body !== undefined) headers['Content-Type'] = 'application/fhir+json';
      let last: RequestLogEntry | undefined;
      const onAttempt = (a: AttemptRecord): void => {
        last = {
          url: logUrl,
          resourceType,
          status: a.status,
          startedMs: a.startedMs - origin,
          durationMs: a.durationMs,
          wave,
          attempt: a.attempt + attemptsBefore,
        };
        if (a.retryReason) last.retryReason = a.retryReason;
        if (a.waitMs !== undefined) last.waitMs = a.waitMs;
        if (a.failure) last.failure = a.failure;
        log.push(last);
      };
      let answer;
      try {
        answer = await sendWithRetry(
          { url, method: req.method, headers, ...(req.body === undefined ? {} : { body: req.body }) },
          { policy, onAttempt, slots, ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}) },
        );
      } catch (e) {
        if (e instanceof TransportFailure) {
          if (e.kind === 'timeout') throw new FhirRequestError('timeout', null, resourceType, `timeout: ${e.message}`);
          throw new FhirRequestError('unreachable', null, resourceType, `no connection: ${e.message}`);
        }
        throw new FhirRequestError('unreachable', null, resourceType, describe(e));
      }
      attemptsBefore = last?.attempt ?? attemptsBefore + 1;
      if (answer.status === 401 && !refreshed && client.state.tokenResponse?.refresh_token) {
        refreshed = true;
        if (last) last.retryReason = 'unauthorized';
        // Parallel requests that all met the old token share one refresh (fhirclient keeps one
        // refresh task); a request that sees a newer token than it sent just retries with it.
        if (client.getAuthorizationHeader() === auth) await renew(resourceType, () => client.refresh());
        continue;
      }
      if (answer.status === 0 || (answer.status >= 300 && answer.status < 400)) {
        // Not followed (retry.ts asks fetch not to): the data must come from this FHIR server's address.
        const to = answer.headers.get('location');
        throw new FhirRequestError(
          'bad-response',
          answer.status || null,
          resourceType,
          `the server redirected the request${to ? ` to ${safeOrigin(to, url)}` : ''}; redirects are not followed`,
        );
      }
      if (answer.status < 200 || answer.status >= 300) {
        const detail = errorDetail(answer.status, answer.text, answer.headers.get('retry-after'));
        const tries = attemptsBefore > 1 ? ` (after ${attemptsBefore} attempts)` : '';
        const renewal = answer.status === 401 && refreshed ? '; the renewed token was refused too' : '';
        throw new FhirRequestError(codeForStatus(answer.status), answer.status, resourceType, `${detail}${renewal}${tries}`);
      }
      if (req.raw) {
        const location = answer.headers.get('location');
        return { status: answer.status, text: answer.text, ...(location ? { location } : {}) } satisfies RawAnswer as T;
      }
      if (answer.text.trim() === '') {
        if (req.method === 'POST') return undefined as T;
        throw new FhirRequestError('bad-response', answer.status, resourceType, `HTTP ${answer.status} with an empty body`);
      }
      try {
        return JSON.parse(answer.text) as T;
      } catch (e) {
        // The parser's message quotes the body (patient data): only its position and the size are kept.
        const at = /position (\d+)/.exec(describe(e))?.[1];
        throw new FhirRequestError(
          'bad-response',
          answer.status,
          resourceType,
          `the server's answer is not valid JSON (${answer.text.length} bytes, content-type ${answer.headers.get('content-type') ?? 'none'}${at ? `, error at position ${at}` : ''})`,
        );
      }
    }
  };
}
