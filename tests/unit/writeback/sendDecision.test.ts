// The idempotent send loop of the decision record: the same Bundle is resent after a lost answer, an HTTP
// error is final, the number of sends is bounded, and what was saved is read from the answer (issue 12).
import type { Bundle, Resource } from 'fhir/r4';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FhirRequestError } from '@src/smart/errors.ts';
import type { RawAnswer } from '@src/smart/session.ts';
import { planDecisionWrite } from '@src/writeback/decisionRecord.ts';
import { draftDecision, errorCode, MAX_SENDS, sendDecision, type PendingDecision } from '@src/writeback/sendDecision.ts';
import { NOW, demoRanking } from '../../support/decisionFixtures.ts';
import { capsOf } from '../../support/fakeEhr.ts';

type Raw = { status: number; text: string };
const { record, ranking } = demoRanking('cd-us-001.json');
// A server that offers the GuidanceResponse and the Provenance in a transaction: two entries.
const plan = planDecisionWrite(capsOf(['GuidanceResponse', 'Provenance'], ['transaction']), () => true);
const createConditional = vi.fn<(r: Resource, c: string) => Promise<RawAnswer>>().mockRejectedValue(new Error('not used: the plan says transaction'));
const response: Raw = {
  status: 200,
  text: JSON.stringify({
    resourceType: 'Bundle',
    type: 'transaction-response',
    entry: [
      { response: { status: '201 Created', location: 'GuidanceResponse/g1/_history/1' } },
      { response: { status: '200 OK', location: 'Provenance/p1/_history/3' } },
    ],
  }),
};

function pending(): PendingDecision {
  return draftDecision({ ranking, record, chosenDrug: ranking.options[0]?.drug ?? '', user: null, patientRef: 'Patient/cd-us-001', now: NOW }, plan, () => ({
    text: 'summary',
    language: 'en',
    title: 'decision',
  }));
}

describe('sendDecision', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('returns the saved items, created or already there, without the version suffix', async () => {
    const transaction = vi.fn<(b: Bundle) => Promise<Raw>>().mockResolvedValue(response);
    const attempts: number[] = [];
    const outcome = await sendDecision({ transaction, createConditional }, pending(), (n) => attempts.push(n));
    expect(outcome).toEqual({
      kind: 'saved',
      form: 'transaction',
      refused: [],
      items: [
        { location: 'GuidanceResponse/g1', created: true },
        { location: 'Provenance/p1', created: false },
      ],
    });
    expect(transaction.mock.calls[0]?.[0].entry?.map((e) => e.resource?.resourceType)).toEqual(['GuidanceResponse', 'Provenance']);
    expect(attempts).toEqual([1]);
  });

  it('resends exactly the same Bundle after a timeout and remembers the unanswered send', async () => {
    const sent: Bundle[] = [];
    const transaction = vi.fn<(b: Bundle) => Promise<Raw>>(async (b) => {
      sent.push(b);
      if (sent.length === 1) throw new FhirRequestError('timeout', null, 'Bundle', 'no answer');
      return response;
    });
    const p = pending();
    const result = sendDecision({ transaction, createConditional }, p, () => undefined);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toMatchObject({ kind: 'saved' });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(p.unanswered).toBe(true);
  });

  it('stops after MAX_SENDS lost answers: may have been saved, retrying is safe', async () => {
    const transaction = vi.fn<(b: Bundle) => Promise<Raw>>().mockRejectedValue(new FhirRequestError('unreachable', null, 'Bundle', 'offline'));
    const result = sendDecision({ transaction, createConditional }, pending(), () => undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    const outcome = await result;
    expect(outcome).toMatchObject({ kind: 'uncertain', why: 'no-answer' });
    expect(outcome.kind !== 'saved' && errorCode(outcome)).toBe('unreachable');
    expect(transaction).toHaveBeenCalledTimes(MAX_SENDS);
  });

  it('does not resend after an HTTP error: the transaction saved nothing', async () => {
    const transaction = vi.fn<(b: Bundle) => Promise<Raw>>().mockRejectedValue(new FhirRequestError('server-error', 500, 'Bundle', 'boom'));
    const p = pending();
    await expect(sendDecision({ transaction, createConditional }, p, () => undefined)).resolves.toMatchObject({ kind: 'not-saved', status: 500 });
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(p.unanswered).toBe(false);
  });

  it('a 200 whose entries all failed is not "saved": may have been saved, not resent', async () => {
    const failed: Raw = {
      status: 200,
      text: JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction-response',
        entry: [{ response: { status: '400 Bad Request' } }, { response: { status: '400 Bad Request' } }],
      }),
    };
    const transaction = vi.fn<(b: Bundle) => Promise<Raw>>().mockResolvedValue(failed);
    await expect(sendDecision({ transaction, createConditional }, pending(), () => undefined)).resolves.toMatchObject({ kind: 'uncertain', why: 'unreadable' });
    expect(transaction).toHaveBeenCalledTimes(1);
  });

  it('a refusal after an unanswered send is uncertain, not "not saved"', async () => {
    let n = 0;
    const transaction = vi.fn<(b: Bundle) => Promise<Raw>>(async () => {
      n++;
      if (n === 1) throw new FhirRequestError('timeout', null, 'Bundle', 'no answer');
      throw new FhirRequestError('server-error', 500, 'Bundle', 'boom');
    });
    const result = sendDecision({ transaction, createConditional }, pending(), () => undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(result).resolves.toMatchObject({ kind: 'uncertain', why: 'no-answer' });
  });
});
