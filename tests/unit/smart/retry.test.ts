import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs, sendWithRetry, TransportFailure, type AttemptRecord, type RetryPolicy } from '@src/smart/retry.ts';
import { startScriptedServer, type ScriptedServer, type Step } from './scriptedServer.ts';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000, timeoutMs: 300 };

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  it.each([
    [null, null],
    ['0', 0],
    ['2', 2000],
    [' 120 ', 120_000],
    ['Mon, 02 Mar 2026 10:00:05 GMT', 5000],
    ['Mon, 02 Mar 2026 09:59:00 GMT', 0],
    ['soon', null],
    ['-1', null],
    ['1.5', null],
  ])('%s -> %s ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it.each([
    // retry, Retry-After, random, expected
    [1, null, 0, 50],
    [1, null, 1, 100],
    [2, null, 0.5, 150],
    [3, null, 1, 400],
    [20, null, 1, 10_000],
    [1, 3000, 0.9, 3000],
    [1, 60_000, 0, 10_000],
  ])('retry %d, Retry-After %s ms, random %d -> %d ms', (retry, after, random, expected) => {
    expect(retryDelayMs(retry, after, POLICY, () => random)).toBe(expected);
  });
});

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
});

interface Run {
  status: number | 'timeout' | 'network';
  attempts: AttemptRecord[];
  waits: number[];
  requests: number;
}

/**
 * The short timeout only where the server never answers: an answered request on a loaded machine can take
 * longer than 300 ms, and a timeout there would test the machine, not the retry rules.
 */
function policyFor(steps: readonly Step[]): RetryPolicy {
  return steps.some((s) => 'hang' in s) ? POLICY : { ...POLICY, timeoutMs: 15_000 };
}

async function run(steps: Step[], method: 'GET' | 'POST' = 'GET', fallback: Step = { status: 200, body: '{}' }): Promise<Run> {
  server.script(steps, fallback);
  const attempts: AttemptRecord[] = [];
  const waits: number[] = [];
  let status: Run['status'];
  try {
    const answer = await sendWithRetry(
      { url: `${server.base}/Patient/1`, method, headers: { Accept: 'application/fhir+json' }, ...(method === 'POST' ? { body: '{}' } : {}) },
      { policy: policyFor(steps), onAttempt: (a) => attempts.push(a), sleep: async (ms) => void waits.push(ms), random: () => 1, now: () => NOW },
    );
    status = answer.status;
  } catch (e) {
    if (!(e instanceof TransportFailure)) throw e;
    status = e.kind;
  }
  return { status, attempts, waits, requests: server.seen.length };
}

describe('sendWithRetry against a real HTTP server', () => {
  it.each<[string, Step[], 'GET' | 'POST', Run['status'], number[]]>([
    ['200 at once', [{ status: 200, body: '{}' }], 'GET', 200, []],
    ['503 with Retry-After: 2, then 200', [{ status: 503, headers: { 'Retry-After': '2' } }], 'GET', 200, [2000]],
    ['429 with an HTTP-date, then 200', [{ status: 429, headers: { 'Retry-After': 'Mon, 02 Mar 2026 10:00:03 GMT' } }], 'GET', 200, [3000]],
    ['429 three times without Retry-After: backoff 100, 200, 400', [{ status: 429 }, { status: 429 }, { status: 429 }], 'GET', 200, [100, 200, 400]],
    ['503 four times: gives up after 3 retries', [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }], 'GET', 503, [100, 200, 400]],
    ['Retry-After beyond the cap: no early retry', [{ status: 429, headers: { 'Retry-After': '120' } }], 'GET', 429, []],
    ['500 is not retried', [{ status: 500 }], 'GET', 500, []],
    ['404 is not retried', [{ status: 404 }], 'GET', 404, []],
    ['401 is left to the session (token refresh)', [{ status: 401 }], 'GET', 401, []],
    ['a reset connection on a GET is retried', [{ reset: true }], 'GET', 200, [100]],
    ['a reset connection on a POST is not repeated', [{ reset: true }], 'POST', 'network', []],
    ['429 on a POST is retried (the server did not act on it)', [{ status: 429, headers: { 'Retry-After': '0' } }], 'POST', 200, [0]],
    ['a request never answered ends as a timeout, not retried', [{ hang: true }], 'GET', 'timeout', []],
  ])('%s', async (_name, steps, method, status, waits) => {
    const r = await run(steps, method);
    expect(r.status).toBe(status);
    expect(r.waits).toEqual(waits);
    expect(r.requests).toBe(waits.length + 1);
    expect(r.attempts.map((a) => a.attempt)).toEqual(Array.from({ length: waits.length + 1 }, (_, i) => i + 1));
    expect(r.attempts.filter((a) => a.retryReason).length).toBe(waits.length);
  });

  it('network errors on GETs are retried at most 3 times', async () => {
    const r = await run([], 'GET', { reset: true });
    expect(r.status).toBe('network');
    expect(r.requests).toBe(4);
    expect(r.attempts.map((a) => a.retryReason ?? a.failure)).toEqual(['network', 'network', 'network', 'network']);
  });

  it('the timeout ends the attempt within its limit', async () => {
    const started = performance.now();
    const r = await run([{ hang: true }]);
    const took = performance.now() - started;
    expect(r.status).toBe('timeout');
    expect(took).toBeGreaterThanOrEqual(POLICY.timeoutMs - 20);
    // No upper bound on wall-clock time (a loaded machine delays timers by seconds): the server never
    // answers, so an attempt that ends as 'timeout' was ended by the timer, and only once.
    expect(r.attempts).toHaveLength(1);
    expect(r.attempts[0]?.failure).toBe('timeout');
  });

  it('records why each retry happened and how long it waited', async () => {
    const r = await run([{ status: 429, headers: { 'Retry-After': '1' } }, { status: 503 }]);
    expect(r.attempts.map((a) => [a.status, a.retryReason ?? null, a.waitMs ?? null])).toEqual([
      [429, 'throttled', 1000],
      [503, 'unavailable', 200],
      [200, null, null],
    ]);
  });

  it('really waits between attempts when no sleep is injected', async () => {
    server.script([{ status: 503, headers: { 'Retry-After': '0' } }, { status: 429 }], { status: 200, body: '{}' });
    const started = performance.now();
    const answer = await sendWithRetry({ url: `${server.base}/x`, method: 'GET', headers: {} }, { policy: { ...POLICY, baseDelayMs: 200 }, random: () => 1 });
    expect(answer.status).toBe(200);
    // second retry waits the full step of retry 2 with random = 1: 400 ms
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
  });
});
