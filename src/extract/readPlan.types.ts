/** The types of the adapted read plan (./readPlan.ts) and its summary (./readPlan.summary.ts). */

/** Why a type is not searched. */
export type GapWhy = 'type-not-offered' | 'search-not-offered' | 'no-patient-parameter';

/**
 * What the gap means for the reader, as a message key (src/ui/record/messages: `gap.<key>`):
 * - `history-from`: one medication type is missing; the therapy history comes from `from` only
 * - `history-unknown`: no medication type at all; the therapy history is unknown
 * - `codes-on-request`: no Medication; drugs are recognised from the codes on the request itself
 * - `references-unresolved`: no Medication, and `unresolved` requests name their drug only by a reference to one
 * - `inputs-unknown`: everything that depends on this type is shown as unknown
 * - `allergies-not-shown`: allergies are not shown (they feed no input; the clinician checks them in the EHR)
 */
export type GapConsequence = 'history-from' | 'history-unknown' | 'codes-on-request' | 'references-unresolved' | 'inputs-unknown' | 'allergies-not-shown';

/** A resource type the plan does not search, because the server does not offer it: a known gap, not a failure. */
export interface ReadGap {
  resourceType: string;
  why: GapWhy;
  consequence: GapConsequence;
  /** `history-from`: the medication types that are read instead. */
  from?: readonly string[];
  /** `references-unresolved`: how many medication resources name their drug only by a Medication reference. */
  unresolved?: number;
  /** The gap leaves a kind of data wholly unread: inputs that depend on it are `missing` (./coverage.ts). */
  leavesUnknown: boolean;
}

/** A search parameter the plan left out for a type, because the server does not list it. */
export interface DroppedParam {
  resourceType: string;
  param: string;
}

/** The plan used for one read. */
export interface ReadPlanSummary {
  /**
   * Where the plan's knowledge of the server came from: its CapabilityStatement (`metadata`), none usable
   * (`unavailable`: every type and parameter assumed, the fixed plan), or not asked (`not-read`: a plan given
   * by the caller, as in tests and the command line).
   */
  capabilities: 'metadata' | 'unavailable' | 'not-read';
  /** Why no statement was used (`unavailable`), in English, for the technical detail. */
  reason?: string;
  /** CapabilityStatement.software (name and version) or implementation.description. */
  software?: string;
  fhirVersion?: string;
  /** Types not searched, with why. */
  skipped: ReadonlyArray<{ resourceType: string; why: GapWhy }>;
  droppedParams: readonly DroppedParam[];
  /** Types whose `_include` of their Medication was replaced by the follow-up read of Medication. */
  includeReplaced: readonly string[];
}
