/**
 * Typed reasons: every missing-data reason, note and problem the extractor writes carries, beside its
 * English sentence (kept for the command line, logs and the rules that read it), a machine key with its
 * parameters, so the screen can say it in the clinician's language (issue 13, "Clinician's language
 * everywhere"). The keys are one union here; the message tables (src/ui/i18n/reasons.*.ts) are typed
 * against it, so a key without a German or French text is a type error.
 *
 * A reason is a list of parts (a composite reason such as "the Condition search failed; no CRP recorded"
 * is two parts). A parameter is shown as it is (a number, a date as recorded, a unit, a code, a resource
 * id), or is a nested reason, an input (shown by its translated label), text from the record (shown
 * verbatim, never translated) or a code/status value with a translated label (`{ status }`).
 */
import type { InputName } from './catalogue.ts';

export const REASON_KEYS = [
  // dates.ts
  'date-none',
  'date-unreadable',
  'date-impossible',
  'date-before-1900',
  'date-future',
  // units.ts
  'unit-dimensionless',
  'unit-missing',
  'unit-not-convertible',
  'unit-unrecognised',
  'unit-not-convertible-generic',
  'converted-molar',
  'outside-plausible',
  'implausible-generic',
  // latest.ts, derive.ts
  'stale',
  'stale-repeat',
  // src/scores: a score computed from its components
  'derived-stale',
  'not-in-window',
  'not-recorded',
  'outside-range',
  'no-mri-12m',
  'mri-aggregate',
  'only-hs-crp',
  'start-date-missing',
  'no-current-therapy',
  'since-date',
  'montreal-from-text',
  'current-inferred-from-administrations',
  'level-unknown',
  'from-interpretation-flag',
  'above-lab-limit',
  'no-interpretation',
  'none-recorded',
  'bmi-computed',
  'no-relapse-window',
  'birth-year-only',
  'smoking-code-unknown',
  'no-smoking-status',
  'from-onset',
  'no-onset-date',
  'no-ongoing-therapy',
  'montreal-location-missing',
  'montreal-behaviour-missing',
  'montreal-extent-missing',
  'from-diagnosis-code',
  'from-diagnosis-code-extensive',
  'no-perianal',
  'no-resection',
  'no-eim',
  'from-ra-subtype',
  // coverage.ts, dependencies.ts
  'search-failed',
  'type-not-shared',
  'lower-bound-only',
  'cannot-assume',
  'may-hold-more',
  // safety/context.ts, conditions.ts
  'problem-list-thin',
  'cannot-rule-out',
  'none-in-problem-list',
  'record-text',
  'hf-without-nyha',
  'nyha-class',
  'undated-cardiac-event',
  'no-cardiac-event-6m',
  'pacemaker-in-place',
  'mobitz-unknown',
  'nmsc-not-counted',
  'diverticular-disease-only',
  'no-mace-risk',
  'term',
  // safety/index.ts
  'lasting-still-counts',
  'older-than-limit',
  // safety/infection.ts
  'tb-screen-positive',
  'tb-screen-negative',
  'jcv-from-index',
  'jcv-grey-zone',
  'hcv-rna-missing',
  'zoster-history',
  'varicella-doses',
  'vzv-igg-reading',
  'one-varicella-dose',
  'vzv-igg-unreadable',
  'vzv-unknown',
  'vzv-one-dose-only',
  'current-drug',
  'live-vaccine-on',
  'no-vaccination-history',
  'live-vaccine-undated',
  'no-live-vaccine',
  'active-since-confirm',
  // safety/labs.ts
  'uln-lab',
  'uln-default',
  'no-creatinine-clearance',
  'clearance-not-egfr',
  'index-cut-off',
  'result-conflicting',
  'result-not-interpretable',
  // safety/medications.ts
  'no-antithrombotic',
  'tb-prophylaxis-started',
  'tb-prophylaxis-undated',
  'no-tb-prophylaxis',
  'no-prior-immunosuppressant',
  // safety/person.ts
  'sex-male',
  'sex-other',
  'no-birth-date',
  'no-birth-date-female',
  'age-over',
  'age',
  'female-of-age',
  'pregnancy-unknown',
  'no-pregnancy-status',
  'pregnancy-result-unreadable',
  'no-childbearing-potential',
  'pregnancy-intention',
  'no-pregnancy-plan',
  // indications.ts, problems
  'recorded-as',
  'excluded-status',
  'excluded-entered-in-error',
  'excluded-verification',
  'excluded-gm-a',
  'not-exposure',
  'not-used',
  'could-not-read',
  'value-not-finite',
  'comparator-without-value',
  'no-usable-value',
  'no-usable-value-because',
  'skipped-verification',
  'not-an-array',
  'malformed-entries',
  'several-patients',
  'no-patient',
  'no-indication',
  'only-suspected',
  'molar-albumin',
  'molar-haemoglobin',
  'molar-creatinine',
  'score-computed',
  'score-lab-same-day',
  'score-lab-before',
  'score-lab-after',
  'vas-mm',
  'vas-mm-cm',
  'vas-cm',
  'vas-cm-mm',
  'vas-above-10',
  'vas-above-10-cm',
  'vas-010',
  'vas-010-mm',
  'gh-from-ptga',
  'sdai-crp',
  'certainty-verification',
  'certainty-gm',
  'certainty-none',
  'certainty-unknown-verification',
  'certainty-unknown-gm',
  'certainty-conflict',
  'certainty-note',
  'certainty-skipped',
  'certainty-text-suspicion',
  'text-negated',
  'read-from-text',
  // terminology/server.ts: the optional terminology server
  'terminology-server-match',
  'terminology-server-failed',
  'search-failed-problem',
  'not-processed',
] as const;

/** A reason's machine key; the message tables are `Record<ReasonKey, string>`. */
export type ReasonKey = (typeof REASON_KEYS)[number];

/** An input, shown by its translated label. */
export interface InputRef {
  input: InputName;
}
/** Text from the record (a diagnosis text, a drug name, a clinician's note), shown verbatim. */
export interface RecordText {
  text: string;
}
/** A FHIR code value with a translated label (status, clinicalStatus, verificationStatus, sex). */
export interface StatusRef {
  status: string;
}

/** One parameter: verbatim (number, date as recorded, unit, code, resource id), a nested reason, an input, record text or a status. */
export type ReasonParam = string | number | Reason | InputRef | RecordText | StatusRef;

/** One part of a reason. */
export interface ReasonPart {
  key: ReasonKey;
  params?: Readonly<Record<string, ReasonParam>>;
}

/** A reason: its parts, in order (a composite reason has several). */
export type Reason = readonly ReasonPart[];

/** A one-part reason. */
export function because(key: ReasonKey, params?: Readonly<Record<string, ReasonParam>>): Reason {
  return [params ? { key, params } : { key }];
}

/** Several reasons as one (undefined ones left out); undefined when none is left. */
export function joinReasons(...reasons: ReadonlyArray<Reason | undefined>): Reason | undefined {
  const parts = reasons.flatMap((r) => r ?? []);
  return parts.length > 0 ? parts : undefined;
}

/** An input parameter. */
export const inputRef = (input: InputName): InputRef => ({ input });
/** A record-text parameter. */
export const recordText = (text: string): RecordText => ({ text });
/** A status parameter. */
export const statusRef = (status: string): StatusRef => ({ status });

/** "Type/id could not be read: <error>" (an exception while reading a resource; the error's words stay as they are). */
export function couldNotRead(ref: string, error: unknown): Reason {
  return because('could-not-read', { ref, error: error instanceof Error ? error.message : String(error) });
}

/** A note in English with its typed form. */
export interface Noted {
  text: string;
  why: Reason;
}

/** The `note`/`noteWhy` fields of a value from a plain English note or a typed one. */
export function noteFields(note: string | Noted | undefined): { note?: string; noteWhy?: Reason } {
  if (note === undefined || note === '') return {};
  return typeof note === 'string' ? { note } : { note: note.text, noteWhy: note.why };
}

/** A list of drug names (record words, shown as they are): "adalimumab, infliximab". */
export function drugsNote(inns: readonly string[]): Noted {
  const text = [...new Set(inns)].join(', ');
  return { text, why: because('record-text', { text: recordText(text) }) };
}

/** Is the parameter a nested reason? */
export function isReason(p: ReasonParam): p is Reason {
  return Array.isArray(p);
}
