// The idempotent send loop of the decision record: the same Bundle is resent after a lost answer,
// an HTTP error is final, and the number of sends is bounded.
import type { Bundle } from 'fhir/r4';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FhirRequestError } from '@src/smart/errors.ts';
import { MAX_SENDS, sendDecision, type PendingDecision } from '@src/writeback/sendDecision.ts';

const bundle: Bundle = { resourceType: 'Bundle', type: 'transaction', entry: [] };
const response: Bundle = {
  resourceType: 'Bundle',
  type: 'transaction-response',
  entry: [
    { response: { status: '201 Created', location: 'GuidanceResponse/g1/_history/1' } },
    { response: { status: '200 OK', location: 'Provenance/p1/_history/3' } },
  ],
};

function pending(): PendingDecision {
  return { decisionId: 'd-1', bundle, uncertain: false };
}

describe('sendDecision', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('returns the saved items, created or already there, without the version suffix', async () => {
    const transaction = vi.fn<(b: Bundle) => Promise<Bundle>>().mockResolvedValue(response);
    const attempts: number[] = [];
    const saved = await sendDecision({ transaction }, pending(), (n) => attempts.push(n));
    expect(saved).toEqual([
      { location: 'GuidanceResponse/g1', created: true },
      { location: 'Provenance/p1', created: false },
    ]);
    expect(attempts).toEqual([1]);
  });

  it('resends exactly the same Bundle after a timeout and marks the outcome uncertain', async () => {
    const sent: Bundle[] = [];
    const transaction = vi.fn<(b: Bundle) => Promise<Bundle>>(async (b) => {
      sent.push(b);
      if (sent.length === 1) throw new FhirRequestError('timeout', null, 'Bundle', 'no answer');
      return response;
    });
    const p = pending();
    const result = sendDecision({ transaction }, p, () => undefined);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toHaveLength(2);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    expect(p.uncertain).toBe(true);
  });

  it('stops after MAX_SENDS lost answers with the transport error', async () => {
    const transaction = vi.fn<(b: Bundle) => Promise<Bundle>>().mockRejectedValue(new FhirRequestError('unreachable', null, 'Bundle', 'offline'));
    const result = sendDecision({ transaction }, pending(), () => undefined);
    const caught = result.then(() => null, (e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await caught).toMatchObject({ code: 'unreachable' });
    expect(transaction).toHaveBeenCalledTimes(MAX_SENDS);
  });

  it('does not resend after an HTTP error: the transaction saved nothing', async () => {
    const transaction = vi.fn<(b: Bundle) => Promise<Bundle>>().mockRejectedValue(new FhirRequestError('server-error', 500, 'Bundle', 'boom'));
    const p = pending();
    await expect(sendDecision({ transaction }, p, () => undefined)).rejects.toMatchObject({ code: 'server-error', status: 500 });
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(p.uncertain).toBe(false);
  });

  it('turns anything else thrown into a FhirRequestError', async () => {
    const transaction = vi.fn<(b: Bundle) => Promise<Bundle>>().mockRejectedValue(new TypeError('fetch failed'));
    const result = sendDecision({ transaction }, pending(), () => undefined);
    const caught = result.then(() => null, (e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await caught).toBeInstanceOf(FhirRequestError);
  });
});
