/** The value types the extractor returns: every input is a state with its evidence, never a bare number. */
import type { InputName } from './catalogue.ts';
import type { DatePrecision } from './dates.ts';
import type { Reason } from './reasons.ts';
import type { LooseCoding } from './terminology/index.ts';

export type InputScalar = number | boolean | string;

/** What the record said, before conversion. */
export interface OriginalValue {
  value?: InputScalar;
  unit?: string;
  coding?: LooseCoding;
  text?: string;
}

interface Evidence {
  name: InputName;
  /** Canonical UCUM unit of `value` (null for booleans, categories, counts, scores). */
  unit: string | null;
  /** Effective date as recorded (precision kept: `2019-03` is a month). */
  date?: string;
  precision?: DatePrecision;
  /** `Observation/123`, ... ; several when duplicates were collapsed or a value is derived. */
  sources: string[];
  /** `code`: matched on system + code; `text`: display-text fallback; `derived`: computed from other data. */
  matchedBy: 'code' | 'text' | 'derived';
  original?: OriginalValue;
  /** Clinician-readable remark (conversion applied, assumption made). */
  note?: string;
  /** The note as a typed reason, for the screen's languages (./reasons.ts). */
  noteWhy?: Reason;
}

/** The typed form of a `reason` (./reasons.ts): the screen shows it in the clinician's language; absent = English only. */
interface Why {
  why?: Reason;
}

export type InputValue =
  | (Evidence & { state: 'ok'; value: InputScalar })
  /** Present but older than the catalogue's staleAfterDays: shown, not used silently. */
  | (Evidence & Why & { state: 'stale'; value: InputScalar; ageDays: number; reason: string })
  /** Outside the plausible range: a data error, not a clinical extreme. */
  | (Evidence & Why & { state: 'implausible'; value: number; reason: string })
  /**
   * Would be `value` if a suspected diagnosis (verificationStatus unconfirmed/provisional/differential,
   * ICD-10-GM V) were confirmed: shown with the suspicion, never silently present or absent.
   * `suspicion` names the suspected Conditions and their certainty source; `unconfirmed` is what the
   * record reads without the suspected diagnoses. The safety check evaluates
   * both (rules/safety/check.ts) and words a finding that only the suspicion causes as "possible".
   */
  | (Evidence & Why & { state: 'possible'; value: InputScalar; reason: string; suspicion: string; unconfirmed: InputValue })
  /** A number whose unit could not be converted. No value is given. */
  | (Evidence & Why & { state: 'unknown-unit'; reason: string })
  | (Why & { name: InputName; state: 'missing'; reason: string; sources: string[] });

export type InputState = InputValue['state'];

/** A data gap the UI lists: an input that is not `ok`, or a record-level problem tied to a resource. */
export interface DataGap {
  input: InputName | null;
  state: Exclude<InputState, 'ok'> | 'excluded' | 'unreadable';
  reason: string;
  /** The typed reason (./reasons.ts), when the extractor gave one. */
  why?: Reason;
  sources: string[];
}

/** A missing value with its reason (and its typed form, for the screen). */
export function missing(name: InputName, reason: string, sources: string[] = [], why?: Reason): InputValue {
  return why ? { name, state: 'missing', reason, why, sources } : { name, state: 'missing', reason, sources };
}

/** The value with a typed `why` for its reason (no change to an ok value). */
export function withWhy<V extends InputValue>(v: V, why: Reason | undefined): V {
  return why && v.state !== 'ok' ? { ...v, why } : v;
}

/** Is the value usable by a model (ok)? */
export function isOk(v: InputValue | undefined): v is Extract<InputValue, { state: 'ok' }> {
  return v?.state === 'ok';
}
