/**
 * Derive the safety facts (catalogue `use: 'safety'`, catalogue.safety.ts): inputs to the contraindication
 * rules, not to the models. Each group lives in its own file; the absence rules ("looked and found nothing"
 * vs unknown) are in context.ts and documented in catalogue.safety.ts.
 */
import { because, joinReasons } from '../reasons.ts';
import { CATALOGUE_BY_NAME, type SafetyName } from '../catalogue.ts';
import type { InputValue } from '../values.ts';
import { conditionFacts } from './conditions.ts';
import type { SafetyContext } from './context.ts';
import type { ConditionFact } from '../facts.ts';
import { infectionFacts } from './infection.ts';
import { labFacts } from './labs.ts';
import { medicationFacts } from './medications.ts';
import { personFacts } from './person.ts';

export type { SafetyContext } from './context.ts';
export { readOtherMedications, type OtherMedication } from './medications.ts';

/** A stale lasting finding says it still counts and asks for a repeat; other stale values only ask for the repeat. */
function lastingNote(v: InputValue): InputValue {
  if (v.state !== 'stale') return v;
  const lasting = CATALOGUE_BY_NAME[v.name].lasting;
  const counts = lasting === 'any' || (lasting?.includes(v.value) ?? false);
  const note = counts ? `still counts (lasting finding of ${v.date ?? '?'}); repeat to confirm` : `older than the catalogue limit (${v.date ?? '?'}); repeat`;
  const why = because(counts ? 'lasting-still-counts' : 'older-than-limit', { date: v.date ?? '?' });
  return { ...v, note: v.note ? `${v.note}; ${note}` : note, ...(!v.note || v.noteWhy ? { noteWhy: joinReasons(v.noteWhy, why) } : {}) };
}

function deriveAll(ctx: SafetyContext): Record<SafetyName, InputValue> {
  return {
    ...conditionFacts(ctx),
    ...infectionFacts(ctx),
    ...personFacts(ctx),
    ...labFacts(ctx),
    ...medicationFacts(ctx),
  };
}

/**
 * The fact as `possible` when only a suspected diagnosis makes it what it would be if confirmed: the
 * "if confirmed" value draws on a suspected Condition and differs from the value without the suspicions.
 * Otherwise the fact without the suspicions stands (a suspicion that changes nothing is not a finding).
 */
function possibleOf(without: InputValue, ifConfirmed: InputValue, suspected: readonly ConditionFact[]): InputValue {
  if (ifConfirmed.state !== 'ok' && ifConfirmed.state !== 'stale') return without;
  const involved = suspected.filter((c) => ifConfirmed.sources.includes(c.ref));
  if (involved.length === 0) return without;
  if ((without.state === 'ok' || without.state === 'stale') && without.value === ifConfirmed.value) return without;
  const basis = involved.map((c) => `${c.ref}, ${c.certaintyLabel ?? 'suspected'}`).join('; ');
  const v = ifConfirmed;
  return {
    name: v.name,
    unit: v.unit,
    sources: v.sources,
    matchedBy: v.matchedBy,
    ...(v.date !== undefined ? { date: v.date } : {}),
    ...(v.precision !== undefined ? { precision: v.precision } : {}),
    ...(v.original !== undefined ? { original: v.original } : {}),
    ...(v.note !== undefined ? { note: v.note } : {}),
    state: 'possible',
    value: ifConfirmed.value,
    reason: `suspected diagnosis, not confirmed (${basis}): would read as ${String(ifConfirmed.value)} if confirmed`,
    suspicion: basis,
    unconfirmed: without,
  };
}

/**
 * Derive every safety fact. Suspected diagnoses (certainty.ts) never make a fact silently present or
 * absent: the facts are derived without them, and again as if they were confirmed; a fact that only the
 * suspicion changes becomes `possible` (with both readings).
 * @param ctx facts read from the record, immunizations, other medications, the smoking result and the search coverage
 */
export function deriveSafetyFacts(ctx: SafetyContext): Record<SafetyName, InputValue> {
  const suspected = ctx.conditions.filter((c) => c.certainty === 'suspected');
  const definite = ctx.conditions.filter((c) => c.certainty !== 'suspected');
  const facts = deriveAll({ ...ctx, conditions: definite, allConditions: ctx.conditions });
  if (suspected.length > 0) {
    const asConfirmed = deriveAll({
      ...ctx,
      conditions: ctx.conditions.map((c) => (c.certainty === 'suspected' ? { ...c, certainty: 'confirmed' as const } : c)),
    });
    for (const name of Object.keys(facts) as SafetyName[]) facts[name] = possibleOf(facts[name], asConfirmed[name], suspected);
  }
  for (const name of Object.keys(facts) as SafetyName[]) facts[name] = lastingNote(facts[name]);
  return facts;
}
