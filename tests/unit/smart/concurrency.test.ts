import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSlots } from '../../../src/smart/concurrency.ts';
import { sendWithRetry, TransportFailure } from '../../../src/smart/retry.ts';

afterEach(() => vi.useRealTimers());

/** A fake server: every request takes `ms`; counts requests in flight. */
function slowServer(ms: number): { fetchFn: typeof fetch; maxInFlight: () => number } {
  let inFlight = 0;
  let max = 0;
  const fetchFn = ((_url: string, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      inFlight++;
      max = Math.max(max, inFlight);
      const timer = setTimeout(() => {
        inFlight--;
        resolve(new Response('{}', { status: 200 }));
      }, ms);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        inFlight--;
        reject(new DOMException('aborted', 'AbortError'));
      });
    })) as typeof fetch;
  return { fetchFn, maxInFlight: () => max };
}

const policy = { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 100 };
const req = { url: 'https://fhir.example/Observation', method: 'GET' as const, headers: {} };

describe('request slots: the timeout measures the server, not our own queue', () => {
  it('20 parallel searches of 60 ms each with a 100 ms timeout: all succeed, at most 6 in flight', async () => {
    vi.useFakeTimers();
    const server = slowServer(60);
    const slots = createSlots(6);
    const all = Promise.allSettled(Array.from({ length: 20 }, () => sendWithRetry(req, { policy, fetchFn: server.fetchFn, slots })));
    await vi.advanceTimersByTimeAsync(1000);
    const results = await all;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    expect(server.maxInFlight()).toBe(6);
  });

  it('without slots the same wave runs 20 at once (the browser would queue them with their timers running)', async () => {
    vi.useFakeTimers();
    const server = slowServer(60);
    const all = Promise.allSettled(Array.from({ length: 20 }, () => sendWithRetry(req, { policy, fetchFn: server.fetchFn })));
    await vi.advanceTimersByTimeAsync(1000);
    await all;
    expect(server.maxInFlight()).toBe(20);
  });

  it('a server slower than the timeout still times out, and frees its slot', async () => {
    vi.useFakeTimers();
    const server = slowServer(500);
    const slots = createSlots(1);
    const first = sendWithRetry(req, { policy, fetchFn: server.fetchFn, slots }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(150);
    expect(await first).toBeInstanceOf(TransportFailure);
    expect(slots.waiting).toBe(0);
  });
});
