/**
 * A limit on the FHIR requests in flight, so the request timeout measures the server and not the time a
 * request waits behind the app's own parallel requests (issue 10). Browsers open at most 6 connections per
 * host over HTTP/1.1 (the limit Chrome, Firefox and Safari share); a fetch beyond them queues inside the
 * browser with its timer already running, so a slow wave of 20 searches timed out searches the server never
 * saw. With this limiter the app queues them itself and starts each attempt's timer when it is issued.
 */

/** Requests in flight per FHIR server (the browsers' HTTP/1.1 per-host connection limit). */
export const MAX_PARALLEL_REQUESTS = 6;

/** A counting semaphore: `acquire` resolves with a `release` function once a slot is free (FIFO). */
export interface Slots {
  acquire(): Promise<() => void>;
  /** Requests waiting for a slot (for tests and the request log). */
  readonly waiting: number;
}

/** Create a limiter with `size` slots. */
export function createSlots(size: number = MAX_PARALLEL_REQUESTS): Slots {
  let free = Math.max(1, Math.floor(size));
  const queue: Array<() => void> = [];
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else free++;
  };
  return {
    acquire() {
      return new Promise((resolve) => {
        let released = false;
        const grant = (): void =>
          resolve(() => {
            if (released) return;
            released = true;
            release();
          });
        if (free > 0) {
          free--;
          grant();
        } else queue.push(grant);
      });
    },
    get waiting() {
      return queue.length;
    },
  };
}
