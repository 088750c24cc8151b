/** Shared pieces of the safety-fact derivation: the context, dated values with staleness, and the absence rules. */
import { because, inputRef, noteFields, recordText, type Noted, type Reason } from '../reasons.ts';
import { CATALOGUE_BY_NAME, type SafetyName } from '../catalogue.ts';
import type { Coverage } from '../coverage.ts';
import { daysSince, type FhirDate } from '../dates.ts';
import type { DeriveContext } from '../derive.ts';
import type { ConditionFact, ImmunizationFact } from '../facts.ts';
import type { InputScalar, InputValue } from '../values.ts';

/** A non-indication medication the safety facts read (TB prophylaxis, antithrombotics): src/extract/safety/medications.ts. */
export type OtherMedicationConcept = 'med.tb_prophylaxis' | 'med.antithrombotic';

export interface OtherMedication {
  concept: OtherMedicationConcept;
  ref: string;
  name: string;
  start?: FhirDate;
  ongoing: boolean;
  matchedBy: 'code' | 'text';
}

export interface SafetyContext extends DeriveContext {
  immunizations: ImmunizationFact[];
  /** Immunization resources read, whatever their status (evidence that the vaccination history was shared). */
  immunizationsRead: number;
  smokingCurrent: boolean | undefined;
  /** Records of drugs outside the drug catalogue that safety facts read (TB prevention, antithrombotics). */
  otherMeds: OtherMedication[];
  coverage: Coverage;
  /**
   * Every Condition read, suspected ones included, when `conditions` holds only the definite ones
   * (safety/index.ts): a suspected diagnosis still shows that the problem list was shared.
   */
  allConditions?: ConditionFact[];
}

/**
 * Concepts of the four indications' own diagnoses. A problem list holding nothing else is "thin": it tells
 * nothing about comorbidities (catalogue.safety.ts, "looked and found nothing").
 */
const INDICATION_CONCEPTS = new Set([
  'dx.crohns_disease',
  'dx.ulcerative_colitis',
  'dx.ibd_unspecified',
  'dx.rheumatoid_arthritis',
  'dx.ra_seropositive',
  'dx.ra_seronegative',
  'dx.multiple_sclerosis',
  'dx.ms_rrms',
  'dx.ms_spms',
  'dx.ms_ppms',
  'dx.ms_prms',
  'dx.ms_cis',
]);

/** Conditions other than the indication's own diagnoses. */
export function otherConditions(conditions: readonly ConditionFact[]): ConditionFact[] {
  return conditions.filter((c) => !c.concepts.some((k) => INDICATION_CONCEPTS.has(k)));
}

/**
 * Why the absence of a diagnosis cannot be read as "none", or undefined when it can: the Condition search
 * succeeded and the problem list holds at least one Condition other than the indication.
 */
export function conditionAbsence(ctx: SafetyContext): string | undefined {
  const failed = ctx.coverage.failed('conditions');
  if (failed) return failed;
  if (otherConditions(ctx.allConditions ?? ctx.conditions).length === 0) return 'problem list not shared / only the indication recorded';
  return undefined;
}

/** {@link conditionAbsence} as a typed reason. */
export function conditionAbsenceWhy(ctx: SafetyContext): Reason | undefined {
  const failed = ctx.coverage.failedWhy('conditions');
  if (failed) return failed;
  if (otherConditions(ctx.conditions).length === 0) return because('problem-list-thin');
  return undefined;
}

/** {@link medicationAbsence} as a typed reason. */
export function medicationAbsenceWhy(ctx: SafetyContext): Reason | undefined {
  return ctx.coverage.failedWhy('medications');
}

/** Why the absence of a medication cannot be read as "none" (a medication search failed), or undefined. */
export function medicationAbsence(ctx: SafetyContext): string | undefined {
  return ctx.coverage.failed('medications');
}

/** A value with its date; `stale` (with a "repeat" note) when older than the catalogue's staleAfterDays. */
export function dated(
  name: SafetyName,
  value: InputScalar,
  date: FhirDate | undefined,
  sources: readonly string[],
  now: Date,
  extra: { note?: string | Noted | undefined; matchedBy?: 'code' | 'text' | 'derived'; neverStale?: boolean } = {},
): InputValue {
  const def = CATALOGUE_BY_NAME[name];
  const matchedBy: 'code' | 'text' | 'derived' = extra.matchedBy ?? 'derived';
  const base = {
    name,
    unit: def.unit,
    sources: [...new Set(sources)],
    matchedBy,
    ...(date ? { date: date.raw, precision: date.precision } : {}),
    ...noteFields(extra.note),
  };
  if (date && def.staleAfterDays !== null && extra.neverStale !== true) {
    const age = Math.floor(daysSince(date, now));
    if (age > def.staleAfterDays)
      return {
        ...base,
        state: 'stale',
        value,
        ageDays: age,
        reason: `last recorded ${date.raw} (${age} days ago; older than ${def.staleAfterDays} days): repeat`,
        why: because('stale-repeat', { date: date.raw, days: age, limit: def.staleAfterDays }),
      };
  }
  return { ...base, state: 'ok', value };
}

/** The most recent date of a list (undefined entries ignored). */
export function latestDate(dates: ReadonlyArray<FhirDate | undefined>): FhirDate | undefined {
  return dates.filter((d): d is FhirDate => d !== undefined).sort((a, b) => b.start.getTime() - a.start.getTime())[0];
}

/** {@link describeConditions} as a note: record words, shown as they are in every language. */
export function conditionsNote(hits: readonly ConditionFact[]): Noted {
  const text = describeConditions(hits);
  return { text, why: because('record-text', { text: recordText(text) }) };
}

/** Short description of conditions for a note: their text or first code. */
export function describeConditions(hits: readonly ConditionFact[]): string {
  return [...new Set(hits.map((c) => c.text ?? c.codings[0]?.code ?? c.ref))].join('; ');
}

export interface FlagOptions {
  /** Only active (not resolved/inactive/remission) conditions count. */
  activeOnly: boolean;
  /** Words for the reason/note ("venous thromboembolism"). */
  label: string;
  /** Further filter on the matching conditions (e.g. exclude old-MI codes). */
  keep?: (c: ConditionFact) => boolean;
}

/** `{ why }` for "<the problem list is not usable>: <fact> cannot be ruled out" (empty when the cause is not typed). */
export function cannotRuleOut(ctx: SafetyContext, name: SafetyName, cause: Reason | undefined = conditionAbsenceWhy(ctx)): { why?: Reason } {
  return cause ? { why: because('cannot-rule-out', { cause, input: inputRef(name) }) } : {};
}

/** Conditions matching any of the concepts (and the options). */
export function matching(ctx: SafetyContext, concepts: readonly string[], opts: Pick<FlagOptions, 'activeOnly' | 'keep'>): ConditionFact[] {
  return ctx.conditions.filter((c) => (!opts.activeOnly || c.active) && c.concepts.some((k) => concepts.includes(k)) && (opts.keep?.(c) ?? true));
}

/**
 * A condition-based boolean fact: true from matching Conditions (dated by the most recent onset), false only
 * when the absence is evidence (conditionAbsence), else missing with a reason the clinician understands.
 */
export function conditionFlag(name: SafetyName, ctx: SafetyContext, concepts: readonly string[], opts: FlagOptions): InputValue {
  const hits = matching(ctx, concepts, opts);
  if (hits.length > 0) {
    const byText = hits.every((c) => concepts.some((k) => c.textConcepts?.includes(k)));
    return dated(
      name,
      true,
      latestDate(hits.map((c) => c.onset)),
      hits.map((c) => c.ref),
      ctx.now,
      { note: conditionsNote(hits), matchedBy: byText ? 'text' : 'code' },
    );
  }
  const absent = conditionAbsence(ctx);
  if (absent) return { name, state: 'missing', sources: [], reason: `${absent}: ${opts.label} cannot be ruled out`, ...cannotRuleOut(ctx, name) };
  const others = otherConditions(ctx.conditions).length;
  return dated(name, false, undefined, [], ctx.now, {
    note: {
      text: `no ${opts.label} in the problem list (${others} other diagnoses recorded)`,
      why: because('none-in-problem-list', { input: inputRef(name), count: others }),
    },
  });
}
