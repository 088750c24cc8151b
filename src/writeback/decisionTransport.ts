/**
 * Sends a decision record once, in the form the plan names (src/writeback/decisionRecord.ts), and reads
 * what was saved from the answers, entry by entry:
 *
 * - **transaction** (R4 http.html §3.1.0.11.2): one Bundle, all-or-nothing; entries linked by fullUrl.
 * - **batch** (§3.1.0.11.1): entries are independent, so they link by identifier (decisionCommon.ts).
 *   The targets go first; the Provenance follows in a second batch with the real `Type/id` of each
 *   target read from the batch-response, and only once every target is confirmed (a Provenance over
 *   half a record would be kept by its conditional create and never completed).
 * - **single** creates: POST [type] with `If-None-Exist` per resource, the Provenance last, likewise.
 *
 * Each entry is a conditional create on the same identifiers in every form, so a resend, in the same
 * form or another, matches what an earlier send saved. "saved" only when every entry is confirmed.
 * Without a CapabilityStatement the plan lists all three forms: a refusal that says the form is not
 * supported moves on to the next one ({@link isUnsupported}); any other answer fixes the form.
 */
import type { Reference } from 'fhir/r4';
import type { FhirSession } from '../smart/session.ts';
import { DECISION_ID_SYSTEM, type DecisionInput, type DecisionItem } from './decisionCommon.ts';
import {
  batchOf,
  buildDecisionProvenance,
  buildDecisionTargets,
  buildDecisionTransaction,
  decisionContext,
  type DecisionPlan,
  type Transport,
} from './decisionRecord.ts';
import { classifyTransactionAnswer, entryStatus, sendWrite, type SavedItem, type WriteAnswer, type WriteOutcome } from './writeOutcome.ts';

/** What the EHR said about one resource of the record. */
export interface EntryResult {
  key: string;
  resourceType: string;
  /** created (201), existing (200: an earlier send saved it), failed (an error status), unknown (no answer or no status). */
  state: 'created' | 'existing' | 'failed' | 'unknown';
  /** `Type/id` when the EHR gave it. */
  location?: string;
  /** The error or why the state is unknown (status line and OperationOutcome issue codes only). */
  detail?: string;
  /** `unknown` because the request got no answer (timeout, connection lost): a resend is due. */
  lost?: boolean;
}

/** The outcome of a send: a {@link WriteOutcome} or a partial save, with the form used. */
export type DecisionOutcome = (WriteOutcome | { kind: 'partial'; detail: string }) & {
  form: Transport;
  /** Forms the EHR refused as not supported before `form` was used. */
  refused: Transport[];
  /** Entry by entry, when the answer lists them. */
  entries?: EntryResult[];
};

/** The session calls a decision write needs. */
export type DecisionSession = Pick<FhirSession, 'transaction' | 'createConditional'>;

/** The form that worked or is in use, fixed for the resends of one decision. */
export interface TransportState {
  form?: Transport;
  refused: Transport[];
}

/**
 * A refusal of the form itself: 405 Method Not Allowed or 501 Not Implemented (RFC 9110 §15.5.6,
 * §15.6.2), or 400/404 with an OperationOutcome issue `not-supported`.
 */
export function isUnsupported(answer: WriteAnswer): boolean {
  if (answer.kind !== 'http-error') return false;
  if (answer.status === 405 || answer.status === 501) return true;
  return (answer.status === 400 || answer.status === 404) && answer.notSupported === true;
}

/** `Type/id` from a location (relative or absolute, with or without `_history`), or undefined. */
export function relativeLocation(location: unknown): string | undefined {
  if (typeof location !== 'string') return undefined;
  const m = /(?:^|\/)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]*)?\/?$/.exec(location.split('?')[0] ?? '');
  return m?.[1];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `; OperationOutcome: code, ...` from an entry's `response.outcome` (issue codes only: diagnostics may quote patient data). */
function issueCodes(outcome: unknown): string {
  const issues = isObject(outcome) && Array.isArray(outcome['issue']) ? (outcome['issue'] as unknown[]) : [];
  const codes = issues.flatMap((i) => (isObject(i) && typeof i['code'] === 'string' ? [i['code']] : []));
  return codes.length > 0 ? `; OperationOutcome: ${codes.join(', ')}` : '';
}

/** Reads a batch-response entry by entry, or says why it cannot be read (a {@link WriteOutcome}). */
export function batchEntries(items: readonly DecisionItem[], answer: WriteAnswer): EntryResult[] | WriteOutcome {
  if (answer.kind !== 'answer') return classifyTransactionAnswer(items.length, answer, 'batch');
  const body = answer.body;
  if (!isObject(body) || body['resourceType'] !== 'Bundle' || body['type'] !== 'batch-response' || !Array.isArray(body['entry']))
    return classifyTransactionAnswer(items.length, answer, 'batch');
  const entries = body['entry'] as unknown[];
  if (entries.length !== items.length)
    return {
      kind: 'uncertain',
      why: 'unreadable',
      detail: `HTTP ${answer.status}: the answer lists ${entries.length} results for ${items.length} resources sent`,
    };
  return items.map((item, i) => {
    const e = entries[i];
    const response = isObject(e) && isObject(e['response']) ? e['response'] : undefined;
    const status = entryStatus(response?.['status']);
    const base = { key: item.key, resourceType: item.resourceType };
    if (status === null) return { ...base, state: 'unknown', detail: 'no status' };
    if (status < 200 || status > 299) return { ...base, state: 'failed', detail: `HTTP ${status}${issueCodes(response?.['outcome'])}` };
    const location = relativeLocation(response?.['location']);
    return { ...base, state: status === 201 ? 'created' : 'existing', ...(location ? { location } : {}) };
  });
}

/** One conditional create; its location from the `Location` header or the returned resource. */
async function sendSingle(session: DecisionSession, item: DecisionItem): Promise<{ result: EntryResult }> {
  let header: string | undefined;
  const answer = await sendWrite(async () => {
    const raw = await session.createConditional(item.resource, item.ifNoneExist);
    header = raw.location;
    return raw;
  });
  const base = { key: item.key, resourceType: item.resourceType };
  if (answer.kind === 'no-answer') return { result: { ...base, state: 'unknown', detail: answer.detail, lost: true } };
  if (answer.kind === 'http-error') return { result: { ...base, state: 'failed', detail: answer.detail } };
  if (answer.status < 200 || answer.status > 299) return { result: { ...base, state: 'unknown', detail: `HTTP ${answer.status}` } };
  const body = answer.body;
  const fromBody =
    isObject(body) && body['resourceType'] === item.resourceType && typeof body['id'] === 'string' ? `${item.resourceType}/${body['id']}` : undefined;
  const location = relativeLocation(header) ?? relativeLocation(fromBody);
  return { result: { ...base, state: answer.status === 201 ? 'created' : 'existing', ...(location ? { location } : {}) } };
}

const confirmed = (e: EntryResult): boolean => e.state === 'created' || e.state === 'existing';

/** The Provenance's targets: the real `Type/id`, or the identifier where the EHR gave no location. */
function targetRefs(items: readonly DecisionItem[], results: readonly EntryResult[]): Reference[] {
  return items.map((item, i) => {
    const location = results[i]?.location;
    return location ? { reference: location } : { type: item.resourceType, identifier: { system: DECISION_ID_SYSTEM, value: item.key } };
  });
}

/** Entry results to an outcome: saved only when all are confirmed. */
function fromEntries(entries: EntryResult[], form: Transport, refused: Transport[]): DecisionOutcome {
  const ok = entries.filter(confirmed);
  const common = { form, refused, entries };
  if (ok.length === entries.length)
    return { kind: 'saved', items: ok.map((e): SavedItem => ({ location: e.location ?? '', created: e.state === 'created' })), ...common };
  const failed = entries.filter((e) => e.state === 'failed').length;
  const unknown = entries.length - ok.length - failed;
  const detail = `${ok.length} of ${entries.length} confirmed, ${failed} refused, ${unknown} without an answer`;
  // Nothing refused, only answers missing: the send loop resends by itself (the creates are conditional).
  if (failed === 0) return { kind: 'uncertain', why: entries.some((e) => e.lost) ? 'no-answer' : 'unreadable', detail, ...common };
  if (ok.length > 0) return { kind: 'partial', detail, ...common };
  const status = Number(/HTTP (\d{3})/.exec(entries.find((e) => e.state === 'failed')?.detail ?? '')?.[1] ?? 0) || 400;
  return { kind: 'not-saved', status, detail, ...common };
}

type Sent = DecisionOutcome | 'unsupported';

async function sendTransaction(session: DecisionSession, input: DecisionInput, plan: DecisionPlan, refused: Transport[]): Promise<Sent> {
  const bundle = buildDecisionTransaction(input, plan.types);
  const answer = await sendWrite(() => session.transaction(bundle));
  if (isUnsupported(answer)) return 'unsupported';
  return { ...classifyTransactionAnswer(bundle.entry?.length ?? 0, answer), form: 'transaction', refused };
}

async function sendBatch(session: DecisionSession, input: DecisionInput, plan: DecisionPlan, refused: Transport[]): Promise<Sent> {
  const targets = buildDecisionTargets(input, plan.types, 'identifier');
  const answer = await sendWrite(() => session.transaction(batchOf(targets)));
  if (isUnsupported(answer)) return 'unsupported';
  const results = batchEntries(targets, answer);
  if (!Array.isArray(results)) return { ...results, form: 'batch', refused };
  if (!results.every(confirmed) || !plan.types.includes('Provenance')) return fromEntries(results, 'batch', refused);
  const prov = buildDecisionProvenance(decisionContext(input, 'identifier'), targetRefs(targets, results));
  const provAnswer = await sendWrite(() => session.transaction(batchOf([prov])));
  const provResult = batchEntries([prov], provAnswer);
  const last: EntryResult = Array.isArray(provResult)
    ? (provResult[0] ?? { key: prov.key, resourceType: 'Provenance', state: 'unknown' })
    : {
        key: prov.key,
        resourceType: 'Provenance',
        state: provResult.kind === 'not-saved' ? 'failed' : 'unknown',
        ...(provResult.kind === 'saved' ? {} : { detail: provResult.detail }),
        ...(provResult.kind === 'uncertain' && provResult.why === 'no-answer' ? { lost: true } : {}),
      };
  return fromEntries([...results, last], 'batch', refused);
}

async function sendSingles(session: DecisionSession, input: DecisionInput, plan: DecisionPlan, refused: Transport[]): Promise<Sent> {
  const targets = buildDecisionTargets(input, plan.types, 'identifier');
  const results: EntryResult[] = [];
  for (const item of targets) {
    // Single creates are the last form: a refusal here is the entry's, reported as such.
    results.push((await sendSingle(session, item)).result);
  }
  if (results.every(confirmed) && plan.types.includes('Provenance')) {
    const prov = buildDecisionProvenance(decisionContext(input, 'identifier'), targetRefs(targets, results));
    results.push((await sendSingle(session, prov)).result);
  }
  return fromEntries(results, 'single', refused);
}

const SENDERS: Record<Transport, typeof sendTransaction> = { transaction: sendTransaction, batch: sendBatch, single: sendSingles };

/**
 * Sends the record once in the form in use (or, the first time, the first form of the plan that the
 * EHR does not refuse as unsupported). `state` keeps the form for the resends.
 */
export async function sendDecisionOnce(session: DecisionSession, input: DecisionInput, plan: DecisionPlan, state: TransportState): Promise<DecisionOutcome> {
  const forms = state.form ? [state.form] : plan.transports;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i] as Transport;
    const sent = await SENDERS[form](session, input, plan, [...state.refused]);
    if (sent !== 'unsupported') {
      state.form = form;
      return sent;
    }
    state.refused.push(form);
  }
  // Every form refused as unsupported: nothing was saved.
  const last = forms[forms.length - 1] ?? 'transaction';
  return { kind: 'not-saved', status: 501, detail: `the EHR supports none of: ${state.refused.join(', ')}`, form: last, refused: [...state.refused] };
}
