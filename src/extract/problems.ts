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
export type ProblemKind = 'excluded' | 'unreadable' | 'note';

/** One problem met while extracting; `message` is clinician-readable English and names the resource. */
export interface ExtractProblem {
  kind: ProblemKind;
  message: string;
}

/** A resource deliberately left out. */
export const excludedProblem = (message: string): ExtractProblem => ({ kind: 'excluded', message });
/** A resource that was there but could not be used. */
export const unreadableProblem = (message: string): ExtractProblem => ({ kind: 'unreadable', message });
/** A note about the record as a whole. */
export const noteProblem = (message: string): ExtractProblem => ({ kind: 'note', message });
