/**
 * Shared types of the score layer: what every score function returns and how an input item may
 * carry its provenance (the FHIR resource it came from and its date).
 */

/** The scores this module computes; each is also a code in {@link SCORES_CODE_SYSTEM}. */
export type ScoreId =
  | 'hbi'
  | 'cdai-cd'
  | 'mayo-full'
  | 'mayo-partial'
  | 'das28-crp'
  | 'das28-esr'
  | 'cdai-ra'
  | 'sdai'
  | 'edss'
  | 'arr'
  | 'neda3'
  | 'vedo-cdst'
  | 'modified-rio'
  | 'magnims';

/**
 * complete: every item present and valid (or, for rule-based scores such as NEDA-3 and MAGNIMS,
 * the missing items cannot change the result). incomplete: at least one item missing, value null.
 * invalid: at least one item out of range or inconsistent, value null, `reason` says which.
 */
export type ScoreStatus = 'complete' | 'incomplete' | 'invalid';

/** One input item as it entered the computation, for display and for FHIR `derivedFrom`. */
export interface ComputedFromItem {
  item: string;
  value: number | boolean | null;
  /** e.g. `Observation/123`: the resource the value was read from. */
  sourceRef?: string;
  /** ISO 8601 date or dateTime of the value. */
  date?: string;
}

/** The result of every score function. Never NaN, never thrown: gaps and errors are values. */
export interface ScoreResult {
  score: ScoreId;
  value: number | null;
  band: string | null;
  status: ScoreStatus;
  missing: string[];
  reason?: string;
  citation: string;
  computedFrom: ComputedFromItem[];
}

/** A value with its provenance; `value: null` records a looked-for but absent item. */
export interface SourcedValue<T extends number | boolean> {
  value: T | null;
  sourceRef?: string;
  date?: string;
}

/** What a score function accepts for one item: a plain value, a sourced value, or nothing. */
export type ItemInput<T extends number | boolean> = T | SourcedValue<T> | null | undefined;

/** A dated event (relapse onset) with optional provenance. */
export interface DatedEvent {
  date: string;
  sourceRef?: string;
}

/** A closed observation window, ISO dates (YYYY-MM-DD or full dateTime). */
export interface DateWindow {
  start: string;
  end: string;
}

/** First-year-on-therapy counts used by the interferon-beta response scores (modified Rio, MAGNIMS). */
export interface MsYearOneInput {
  /** Relapses during the first year on therapy. */
  relapses: ItemInput<number>;
  /** New T2 lesions on the 1-year MRI versus the on-therapy reference MRI. */
  newT2Lesions: ItemInput<number>;
}
