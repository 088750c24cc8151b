/**
 * What the extractor reports besides the facts: typed problems, so the screen decides how to show one
 * by its kind and never by parsing the English message.
 *
 * - `excluded`: a resource was read and deliberately left out (entered-in-error, refuted, cancelled,
 *   not counted as exposure); the message names it as `Type/id`.
 * - `unreadable`: a resource was there but could not be used (no usable value, unreadable date,
 *   an exception while reading it); the message names it.
 * - `note`: anything about the record as a whole (no Patient, no diagnosis found, a Condition skipped
 *   for detection, a malformed list).
 */
import type { Reason } from './reasons.ts';

export type ProblemKind = 'excluded' | 'unreadable' | 'note';

/** One problem met while extracting; `message` is clinician-readable English and names the resource. */
export interface ExtractProblem {
  kind: ProblemKind;
  message: string;
  /** The message as a typed reason (./reasons.ts), for the screen's languages. */
  why?: Reason;
}

const problem = (kind: ProblemKind, message: string, why?: Reason): ExtractProblem => (why ? { kind, message, why } : { kind, message });
/** A resource deliberately left out. */
export const excludedProblem = (message: string, why?: Reason): ExtractProblem => problem('excluded', message, why);
/** A resource that was there but could not be used. */
export const unreadableProblem = (message: string, why?: Reason): ExtractProblem => problem('unreadable', message, why);
/** A note about the record as a whole. */
export const noteProblem = (message: string, why?: Reason): ExtractProblem => problem('note', message, why);
