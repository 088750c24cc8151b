/**
 * HTTP transport of the FHIR layer: one request with a timeout, bounded retries with exponential
 * backoff and jitter for answers that say "try again later", and a record of every attempt.
 *
 * Framework-free (plain `fetch`), so it runs the same in the browser and in node tests.
 *
 * Retried:
 * - 429 Too Many Requests and 503 Service Unavailable, any method: the server refused the request
 *   before doing it (RFC 9110 §15.6.4, RFC 6585 §4). `Retry-After` (delay-seconds or HTTP-date,
 *   RFC 9110 §10.2.3) is honoured; when the server asks for a longer wait than `maxDelayMs` the app
 *   gives up at once instead of retrying early, and the clinician can retry later.
 * - network errors (no HTTP answer) on idempotent methods only (RFC 9110 §9.2.2): a POST may have
 *   reached the server, so it is never repeated blindly.
 * Not retried: timeouts (the server is slow, not refusing: waiting again multiplies the delay the
 * clinician sees), any other status.
 * Backoff: "full jitter" of the AWS Architecture Blog, "Exponential Backoff and Jitter" (2015),
 * with a floor of half the step so two retries are never back to back.
 */
import type { Slots } from './concurrency.ts';

/** Limits of the retry loop and the per-attempt timeout. */
export interface RetryPolicy {
  /** Retries after the first attempt (so at most `maxRetries + 1` requests). */
  maxRetries: number;
  /** First backoff step; doubles with each retry. */
  baseDelayMs: number;
  /** Cap of any wait, backoff or `Retry-After`. */
  maxDelayMs: number;
  /** Per attempt, from sending until the body is read. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  timeoutMs: 20_000,
};

/** Why an attempt was followed by another one. */
export type RetryReason = 'throttled' | 'unavailable' | 'network' | 'unauthorized';

/** One HTTP attempt, as the request log shows it. */
export interface AttemptRecord {
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  status: number | null;
  startedMs: number;
  durationMs: number;
  /** Set when this attempt's outcome made the transport try again. */
  retryReason?: RetryReason;
  /** How long the transport waited before the next attempt. */
  waitMs?: number;
  /** No HTTP answer: `timeout` or `network`. */
  failure?: TransportFailureKind;
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** A complete HTTP answer; the body is read as text so malformed JSON can be reported precisely. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export type TransportFailureKind = 'timeout' | 'network';

/** No HTTP answer at all, after the retries the policy allows. */
export class TransportFailure extends Error {
  readonly kind: TransportFailureKind;
  readonly attempts: number;

  constructor(kind: TransportFailureKind, attempts: number, message: string) {
    super(message);
    this.name = 'TransportFailure';
    this.kind = kind;
    this.attempts = attempts;
  }
}

export interface SendOptions {
  policy?: Readonly<RetryPolicy>;
  /** Called once per attempt when it has ended (for the request log). */
  onAttempt?: (record: AttemptRecord) => void;
  /** Injected in tests; default `Math.random`. */
  random?: () => number;
  /** Injected in tests; default a `setTimeout` promise. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected in tests; default `Date.now`. */
  now?: () => number;
  /** Default the global `fetch`. */
  fetchFn?: typeof fetch;
  /** Milliseconds since an origin, for `startedMs`; default `performance.now()`. */
  clock?: () => number;
  /** Shared limit on requests in flight (concurrency.ts); the attempt's timer starts when it gets a slot. */
  slots?: Slots;
}

/**
 * `Retry-After` as milliseconds from now: delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`), RFC 9110 §10.2.3. Null when absent or unreadable; a date in
 * the past is 0.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * The wait before retry number `retry` (1-based): `Retry-After` when the server sent one, else
 * exponential backoff with jitter, uniformly in [step/2, step] with step = base * 2^(retry-1),
 * capped at `maxDelayMs`.
 */
export function retryDelayMs(retry: number, retryAfterMs: number | null, policy: Readonly<RetryPolicy>, random: () => number = Math.random): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxDelayMs);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One attempt with its own timeout, covering the body as well as the headers. */
async function attemptOnce(req: HttpRequest, timeoutMs: number, fetchFn: typeof fetch): Promise<HttpAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const res = await fetchFn(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body === undefined ? {} : { body: req.body }),
      signal: controller.signal,
      mode: 'cors',
      // Redirects are never followed: the answer of another address must not be read as the
      // patient's data. A browser reports the redirect as an opaque answer with status 0.
      redirect: 'manual',
    });
    if (res.type === 'opaqueredirect') return { status: 0, headers: res.headers, text: '' };
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    if (timedOut) throw new TransportFailure('timeout', 1, `no answer within ${timeoutMs / 1000} s`);
    throw new TransportFailure('network', 1, `network error: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a request, retrying as the module comment describes. Resolves with the last HTTP answer,
 * whatever its status (the caller maps statuses to errors); rejects with {@link TransportFailure}
 * when no answer came.
 */
export async function sendWithRetry(req: HttpRequest, options: SendOptions = {}): Promise<HttpAnswer> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const fetchFn = options.fetchFn ?? ((input, init) => fetch(input, init));
  const clock = options.clock ?? (() => performance.now());
  const idempotent = req.method === 'GET';

  for (let attempt = 1; ; attempt++) {
    // Wait for a slot first: the timeout and the logged duration start when the request is issued.
    const release = options.slots ? await options.slots.acquire() : undefined;
    const started = clock();
    const record: AttemptRecord = { attempt, status: null, startedMs: started, durationMs: 0 };
    const canRetry = attempt <= policy.maxRetries;
    try {
      const answer = await attemptOnce(req, policy.timeoutMs, fetchFn).finally(() => release?.());
      record.status = answer.status;
      record.durationMs = clock() - started;
      if ((answer.status === 429 || answer.status === 503) && canRetry) {
        const retryAfter = parseRetryAfter(answer.headers.get('retry-after'), now());
        if (retryAfter === null || retryAfter <= policy.maxDelayMs) {
          record.retryReason = answer.status === 429 ? 'throttled' : 'unavailable';
          record.waitMs = retryDelayMs(attempt, retryAfter, policy, random);
          options.onAttempt?.(record);
          await sleep(record.waitMs);
          continue;
        }
      }
      options.onAttempt?.(record);
      return answer;
    } catch (e) {
      record.durationMs = clock() - started;
      if (!(e instanceof TransportFailure)) throw e;
      record.failure = e.kind;
      if (e.kind === 'network' && idempotent && canRetry) {
        record.retryReason = 'network';
        record.waitMs = retryDelayMs(attempt, null, policy, random);
        options.onAttempt?.(record);
        await sleep(record.waitMs);
        continue;
      }
      options.onAttempt?.(record);
      throw new TransportFailure(e.kind, attempt, attempt > 1 ? `${e.message} (after ${attempt} attempts)` : e.message);
    }
  }
}
