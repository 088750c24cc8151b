/**
 * What a write to the EHR achieved, read from the EHR's answer and not from its status line alone.
 * Shared by "Record this decision" and the clinician-entered Observations (both sent as transactions
 * of conditional creates, which makes a resend safe: FHIR R4 http.html §3.1.0.8.1 `ifNoneExist`).
 *
 * - `saved` only when the transaction-response has one entry per request entry and every entry's
 *   `response.status` is 2xx (R4 http.html §3.1.0.11.2: the response has an entry per request
 *   entry, in the same order);
 * - any 2xx the app cannot read (no body, not JSON, not a transaction-response, entries missing,
 *   an entry without a 2xx status) is `uncertain`: it may have been saved, and retrying is safe;
 * - no answer at all (timeout, connection lost) is `uncertain` too;
 * - `not-saved` only for an HTTP 4xx/5xx (a transaction is all-or-nothing, so nothing was saved).
 *
 * Pure: tests run it on a table of answers.
 */

/** The EHR's answer to one write request, as the transport saw it. */
export type WriteAnswer =
  /** A 2xx answer; `body` is the parsed JSON, `undefined` when empty, `unreadable` when not JSON. */
  | { kind: 'answer'; status: number; body: unknown }
  /**
   * An HTTP error status (after the transport's own retries of 429/503); `notSupported` when an
   * OperationOutcome in the answer has the issue code `not-supported` (R4 valueset-issue-type).
   */
  | { kind: 'http-error'; status: number; detail: string; notSupported?: boolean }
  /** No answer: timeout or connection lost; the request may or may not have arrived. */
  | { kind: 'no-answer'; detail: string };

/** Marker for a 2xx body that is not JSON. */
export const UNREADABLE = Symbol('unreadable');

/** One resource the EHR confirmed. */
export interface SavedItem {
  /** `Type/id` (history suffix removed), or empty when the EHR gave no location. */
  location: string;
  /** 201: created now; 200: it already existed (a conditional create matched an earlier send). */
  created: boolean;
}

export type WriteOutcome =
  | { kind: 'saved'; items: SavedItem[] }
  | { kind: 'uncertain'; why: 'no-answer' | 'unreadable'; detail: string }
  | { kind: 'not-saved'; status: number; detail: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The HTTP status code at the start of `Bundle.entry.response.status` ("201 Created"), or null. */
export function entryStatus(status: unknown): number | null {
  if (typeof status !== 'string') return null;
  const m = /^\s*(\d{3})(?:\s|$)/.exec(status);
  return m ? Number(m[1]) : null;
}

/**
 * Classifies the answer to a transaction (or batch) of `sent` entries.
 * @param sent number of entries in the request Bundle
 * @param type the request Bundle's type: the answer must be `<type>-response`
 */
export function classifyTransactionAnswer(sent: number, answer: WriteAnswer, type: 'transaction' | 'batch' = 'transaction'): WriteOutcome {
  if (answer.kind === 'no-answer') return { kind: 'uncertain', why: 'no-answer', detail: answer.detail };
  if (answer.kind === 'http-error') {
    if (answer.status >= 400 && answer.status <= 599) return { kind: 'not-saved', status: answer.status, detail: answer.detail };
    // 1xx/3xx reaching here are not a refusal: the outcome is unknown.
    return { kind: 'uncertain', why: 'unreadable', detail: `HTTP ${answer.status}` };
  }
  const unreadable = (detail: string): WriteOutcome => ({ kind: 'uncertain', why: 'unreadable', detail: `HTTP ${answer.status}: ${detail}` });
  if (answer.status < 200 || answer.status > 299) return unreadable('not a success status');
  const body = answer.body;
  if (body === undefined) return unreadable('no answer body');
  if (body === UNREADABLE) return unreadable('the answer is not JSON');
  if (!isObject(body) || body['resourceType'] !== 'Bundle') return unreadable('the answer is not a Bundle');
  if (body['type'] !== `${type}-response`)
    return unreadable(`the answer is a ${typeof body['type'] === 'string' ? body['type'] : 'untyped'} Bundle, not a ${type}-response`);
  const entries = Array.isArray(body['entry']) ? (body['entry'] as unknown[]) : [];
  if (entries.length !== sent) return unreadable(`the answer lists ${entries.length} results for ${sent} resources sent`);
  const items: SavedItem[] = [];
  let failed = 0;
  let unknown = 0;
  for (const e of entries) {
    const response = isObject(e) && isObject(e['response']) ? e['response'] : undefined;
    const status = entryStatus(response?.['status']);
    if (status === null) unknown++;
    else if (status < 200 || status > 299) failed++;
    else {
      const location = typeof response?.['location'] === 'string' ? response['location'].replace(/\/_history\/.*$/, '') : '';
      items.push({ location, created: status === 201 });
    }
  }
  if (failed > 0) return unreadable(`the EHR reported an error for ${failed} of ${sent} resources`);
  if (unknown > 0) return unreadable(`${unknown} of ${sent} results have no status`);
  return { kind: 'saved', items };
}

/** An HTTP error as the transport reports it (src/smart/errors.ts FhirRequestError, structurally). */
interface TransportError {
  code: string;
  status: number | null;
  detail: string;
}

function isTransportError(e: unknown): e is TransportError {
  return isObject(e) && typeof e['code'] === 'string' && typeof e['detail'] === 'string' && (typeof e['status'] === 'number' || e['status'] === null);
}

/**
 * Sends a write and describes what came back: the 2xx body parsed (or `undefined` / UNREADABLE),
 * an HTTP error status, or no answer (timeout, connection lost, or anything else that left the
 * outcome unknown).
 */
export async function sendWrite(send: () => Promise<{ status: number; text: string }>): Promise<WriteAnswer> {
  let raw: { status: number; text: string };
  try {
    raw = await send();
  } catch (e) {
    if (isTransportError(e) && e.status !== null && e.status >= 300) {
      // src/smart/fhirHttp.ts puts the OperationOutcome's issue codes (never its text) into the detail.
      const notSupported = /OperationOutcome:[^;]*\bnot-supported\b/.test(e.detail);
      return { kind: 'http-error', status: e.status, detail: `HTTP ${e.status}`, ...(notSupported ? { notSupported } : {}) };
    }
    return { kind: 'no-answer', detail: isTransportError(e) ? e.code : 'no answer' };
  }
  if (raw.text.trim() === '') return { kind: 'answer', status: raw.status, body: undefined };
  try {
    return { kind: 'answer', status: raw.status, body: JSON.parse(raw.text) as unknown };
  } catch {
    return { kind: 'answer', status: raw.status, body: UNREADABLE };
  }
}

/**
 * The outcome of a resend. When an earlier send of the same Bundle got no answer, that send may have
 * saved it, so a later refusal (4xx/5xx) does not mean nothing was saved: it is `uncertain`.
 */
export function afterEarlierSends(outcome: WriteOutcome, earlierUnanswered: boolean): WriteOutcome {
  if (outcome.kind !== 'not-saved' || !earlierUnanswered) return outcome;
  return { kind: 'uncertain', why: 'no-answer', detail: `${outcome.detail} after an earlier send got no answer` };
}
