/**
 * The idempotent send loop of the decision record: one decision gets one id and one Bundle at the
 * first click, and every retry sends exactly that Bundle. Its entries are conditional creates
 * (decisionRecord.ts), so a resend after a lost answer cannot duplicate the record. What was saved is
 * read from the answer, not the status line (writeOutcome.ts). No React: the component renders the
 * states and drives this through useMutation.
 */
import type { Bundle } from 'fhir/r4';
import { codeForStatus } from '../smart/errors.ts';
import type { FhirSession } from '../smart/session.ts';
import { buildDecisionTransaction, type DecisionInput } from './decisionRecord.ts';
import { afterEarlierSends, classifyTransactionAnswer, sendWrite, type WriteOutcome } from './writeOutcome.ts';

/** Sends of one decision before the clinician is asked (the transport already retries 429/503 itself). */
export const MAX_SENDS = 3;
/** The software agent of the Provenance; its version follows package.json. */
export const APP = { name: 'Therapy Navigator', version: '0.1.0' };

/** The decision being recorded: its id and Bundle are fixed at the first click, so every retry sends the same. */
export interface PendingDecision {
  decisionId: string;
  bundle: Bundle;
  /** An earlier send got no answer: the EHR may hold the record already (a resend is still safe). */
  unanswered: boolean;
}

/** An outcome that is not a confirmed save: `uncertain` may have been saved (retrying is safe), `not-saved` was refused. */
export type UnconfirmedOutcome = Exclude<WriteOutcome, { kind: 'saved' }>;

/** Fixes the decision's id and Bundle (generated once per decision and kept for every retry). */
export function draftDecision(input: Omit<DecisionInput, 'decisionId' | 'app'>): PendingDecision {
  const decisionId = crypto.randomUUID();
  return { decisionId, bundle: buildDecisionTransaction({ ...input, app: APP, decisionId }), unanswered: false };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The code shown to support (data-error-code): the transport failure, `unreadable`, or the HTTP error class. */
export function errorCode(outcome: UnconfirmedOutcome): string {
  if (outcome.kind === 'not-saved') return codeForStatus(outcome.status);
  if (outcome.why !== 'no-answer') return 'unreadable';
  return /^[a-z-]+$/.test(outcome.detail) ? outcome.detail : 'no-answer';
}

/**
 * Sends the same transaction until the EHR answers: a timeout or a lost answer is resent (the
 * conditional creates make it idempotent). "saved" only when the transaction-response confirms every
 * entry; an HTTP error is final (the transaction saved nothing, unless an earlier send went
 * unanswered); a 2xx the app cannot read may have saved the decision and is offered for a safe retry.
 */
export async function sendDecision(session: Pick<FhirSession, 'transaction'>, pending: PendingDecision, onAttempt: (n: number) => void): Promise<WriteOutcome> {
  const sent = pending.bundle.entry?.length ?? 0;
  for (let attempt = 1; ; attempt++) {
    onAttempt(attempt);
    const outcome = afterEarlierSends(classifyTransactionAnswer(sent, await sendWrite(() => session.transaction(pending.bundle))), pending.unanswered);
    if (outcome.kind === 'uncertain') pending.unanswered = true;
    if (outcome.kind !== 'uncertain' || outcome.why !== 'no-answer' || attempt >= MAX_SENDS) return outcome;
    await sleep(1000 * attempt);
  }
}
