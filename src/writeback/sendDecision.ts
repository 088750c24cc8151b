/**
 * The idempotent send loop of the decision record: one decision gets one id, one plan and one input at
 * the first click, and every retry sends exactly the same resources (the builders are deterministic).
 * Every resource is a conditional create (decisionRecord.ts), so a resend after a lost answer cannot
 * duplicate the record, in whichever form it goes (decisionTransport.ts). What was saved is read from
 * the answers, not the status line. No React: the component renders the states and drives this through
 * useMutation.
 */
import { codeForStatus } from '../smart/errors.ts';
import type { DecisionInput, DecisionSummaryText } from './decisionCommon.ts';
import { decisionContext } from './decisionCommon.ts';
import type { DecisionPlan } from './decisionRecord.ts';
import { sendDecisionOnce, type DecisionOutcome, type DecisionSession, type TransportState } from './decisionTransport.ts';
import { afterEarlierSends } from './writeOutcome.ts';

/** Sends of one decision before the clinician is asked (the transport already retries 429/503 itself). */
export const MAX_SENDS = 3;
/** The software agent of the Provenance; its version follows package.json. */
export const APP = { name: 'Therapy Navigator', version: '0.1.0' };

/** The decision being recorded: id, input and plan are fixed at the first click, so every retry sends the same. */
export interface PendingDecision {
  decisionId: string;
  input: DecisionInput;
  plan: DecisionPlan;
  /** The form in use once the EHR answered one (kept for the resends), and the forms it refused as unsupported. */
  transport: TransportState;
  /** An earlier send got no answer: the EHR may hold the record already (a resend is still safe). */
  unanswered: boolean;
}

/** An outcome that is not a confirmed save: `uncertain` or `partial` may have saved some (retrying is safe), `not-saved` was refused. */
export type UnconfirmedOutcome = Exclude<DecisionOutcome, { kind: 'saved' }>;

/**
 * Fixes the decision's id, input and plan (generated once per decision and kept for every retry).
 * @param summary the document's text for this decision id (it names the id)
 * @throws DecisionRecordError when the decision cannot be recorded as given (checked here, before any send)
 */
export function draftDecision(
  input: Omit<DecisionInput, 'decisionId' | 'app' | 'summary'>,
  plan: DecisionPlan,
  summary: (decisionId: string) => DecisionSummaryText,
): PendingDecision {
  const decisionId = crypto.randomUUID();
  const full: DecisionInput = { ...input, app: APP, decisionId, summary: summary(decisionId) };
  decisionContext(full, 'fullUrl');
  return { decisionId, input: full, plan, transport: { refused: [] }, unanswered: false };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The code shown to support (data-error-code): the transport failure, `unreadable`, `partial`, or the HTTP error class. */
export function errorCode(outcome: UnconfirmedOutcome): string {
  if (outcome.kind === 'not-saved') return codeForStatus(outcome.status);
  if (outcome.kind === 'partial') return 'partial';
  if (outcome.why !== 'no-answer') return 'unreadable';
  return /^[a-z-]+$/.test(outcome.detail) ? outcome.detail : 'no-answer';
}

/**
 * Sends the same record until the EHR answers: a timeout or a lost answer is resent (the conditional
 * creates make it idempotent). "saved" only when the EHR confirmed every resource; an HTTP error is
 * final (nothing saved, unless an earlier send went unanswered); a partial save or a 2xx the app cannot
 * read may have saved part of the decision and is offered for a safe retry.
 */
export async function sendDecision(session: DecisionSession, pending: PendingDecision, onAttempt: (n: number) => void): Promise<DecisionOutcome> {
  for (let attempt = 1; ; attempt++) {
    onAttempt(attempt);
    const sent = await sendDecisionOnce(session, pending.input, pending.plan, pending.transport);
    const outcome: DecisionOutcome =
      sent.kind === 'not-saved'
        ? { ...afterEarlierSends(sent, pending.unanswered), form: sent.form, refused: sent.refused, ...(sent.entries ? { entries: sent.entries } : {}) }
        : sent;
    if (outcome.kind === 'uncertain' || outcome.kind === 'partial') pending.unanswered = true;
    if (outcome.kind !== 'uncertain' || outcome.why !== 'no-answer' || attempt >= MAX_SENDS) return outcome;
    await sleep(1000 * attempt);
  }
}
