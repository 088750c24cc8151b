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

/**
 * Derive every safety fact.
 * @param ctx facts read from the record, immunizations, other medications, the smoking result and the search coverage
 */
export function deriveSafetyFacts(ctx: SafetyContext): Record<SafetyName, InputValue> {
  const facts: Record<SafetyName, InputValue> = {
    ...conditionFacts(ctx),
    ...infectionFacts(ctx),
    ...personFacts(ctx),
    ...labFacts(ctx),
    ...medicationFacts(ctx),
  };
  for (const name of Object.keys(facts) as SafetyName[]) facts[name] = lastingNote(facts[name]);
  return facts;
}
