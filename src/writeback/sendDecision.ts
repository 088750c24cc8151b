/**
 * The idempotent send loop of the decision record: one decision gets one id and one Bundle at the
 * first click, and every retry sends exactly that Bundle. Its entries are conditional creates
 * (decisionRecord.ts), so a resend after a lost answer cannot duplicate the record. No React: the
 * component renders the states and drives this through useMutation.
 */
import type { Bundle } from 'fhir/r4';
import { FhirRequestError } from '../smart/errors.ts';
import type { FhirSession } from '../smart/session.ts';
import { buildDecisionTransaction, type DecisionInput } from './decisionRecord.ts';

/** Sends of one decision before the clinician is asked (the transport already retries 429/503 itself). */
export const MAX_SENDS = 3;
/** The software agent of the Provenance; its version follows package.json. */
export const APP = { name: 'Therapy Navigator', version: '0.1.0' };

/** One resource the EHR confirmed, from the transaction-response. */
export interface SavedItem {
  location: string;
  created: boolean;
}

/** The decision being recorded: its id and Bundle are fixed at the first click, so every retry sends the same. */
export interface PendingDecision {
  decisionId: string;
  bundle: Bundle;
  /** An earlier send got no answer: the EHR may hold the record already (a resend is still safe). */
  uncertain: boolean;
}

/** Fixes the decision's id and Bundle (generated once per decision and kept for every retry). */
export function draftDecision(input: Omit<DecisionInput, 'decisionId' | 'app'>): PendingDecision {
  const decisionId = crypto.randomUUID();
  return { decisionId, bundle: buildDecisionTransaction({ ...input, app: APP, decisionId }), uncertain: false };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function savedItems(response: Bundle): SavedItem[] {
  return (response.entry ?? []).map((e) => ({ location: (e.response?.location ?? '').replace(/\/_history\/.*$/, ''), created: e.response?.status?.startsWith('201') ?? false }));
}

/**
 * Sends the same transaction until the EHR answers: a timeout or a lost answer is resent (the
 * conditional creates make it idempotent); an HTTP error is final (the transaction saved nothing).
 * Always rejects with a FhirRequestError.
 */
export async function sendDecision(session: Pick<FhirSession, 'transaction'>, pending: PendingDecision, onAttempt: (n: number) => void): Promise<SavedItem[]> {
  try {
    for (let attempt = 1; ; attempt++) {
      onAttempt(attempt);
      try {
        return savedItems(await session.transaction(pending.bundle));
      } catch (e) {
        const error = e instanceof FhirRequestError ? e : new FhirRequestError('unreachable', null, 'Bundle', String(e));
        const unknownOutcome = error.code === 'timeout' || error.code === 'unreachable';
        if (unknownOutcome) pending.uncertain = true;
        if (!unknownOutcome || attempt >= MAX_SENDS) throw error;
        await sleep(1000 * attempt);
      }
    }
  } catch (e) {
    throw e instanceof FhirRequestError ? e : new FhirRequestError('bad-response', null, 'Bundle', String(e));
  }
}
