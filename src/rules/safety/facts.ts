/**
 * Reading extracted facts for safety rules. Policy (why): a rule may only act on a value the extractor
 * marked `ok`; a `stale` value counts only where the finding is lasting: the catalogue's `lasting` values
 * (a chronic condition, a past positive TB/HBV/JCV test, an old NYHA class or JCV index until a newer one,
 * issue 10 "Old is not unknown") or a value the rule itself names in `stalePositive`; everything else is a
 * gap that the rule reports as `unknown`, never as "fine".
 */
import { CATALOGUE_BY_NAME, type InputName } from '../../extract/catalogue.ts';
import type { InputValue } from '../../extract/values.ts';
import type { FactEvidence, FactReader, RuleOutcome, MessageParams, RuleId } from './types.ts';

type Facts = Readonly<Record<string, InputValue>>;

/** A stale value the catalogue marks as lasting (it keeps counting until the record says otherwise). */
export function isLastingStale(v: InputValue | undefined): boolean {
  if (v?.state !== 'stale') return false;
  const lasting = CATALOGUE_BY_NAME[v.name]?.lasting;
  return lasting === 'any' || (lasting?.includes(v.value) ?? false);
}

/** The fact reader over a plain record of extracted values (absent names read as missing). */
export function readerFor(facts: Facts): FactReader {
  const get = (name: InputName): InputValue | undefined => facts[name];
  return {
    bool(name, opts) {
      const v = get(name);
      if (v?.state === 'ok' && typeof v.value === 'boolean') return v.value;
      if (v?.state === 'stale' && v.value === true && (opts?.stalePositive === true || isLastingStale(v))) return true;
      return undefined;
    },
    num(name) {
      const v = get(name);
      if ((v?.state === 'ok' || isLastingStale(v)) && v !== undefined && 'value' in v && typeof v.value === 'number' && Number.isFinite(v.value))
        return v.value;
      return undefined;
    },
    cat(name, opts) {
      const v = get(name);
      if (v?.state === 'ok' && typeof v.value === 'string') return v.value;
      if (v?.state === 'stale' && typeof v.value === 'string' && (opts?.stalePositive?.includes(v.value) === true || isLastingStale(v))) return v.value;
      return undefined;
    },
    date(name) {
      const v = get(name);
      return v && v.state !== 'missing' ? v.date : undefined;
    },
    note(name) {
      const v = get(name);
      return v && v.state !== 'missing' ? v.note : undefined;
    },
  };
}

/** Copy one extracted value into a flag's evidence (values, dates, source references, reasons). */
export function evidenceOf(name: InputName, v: InputValue | undefined): FactEvidence {
  if (!v) return { name, state: 'missing', sources: [], reason: 'not provided by the data layer' };
  if (v.state === 'missing') return { name, state: 'missing', sources: [...v.sources], reason: v.reason };
  const e: FactEvidence = { name, state: v.state, unit: v.unit, sources: [...v.sources] };
  if (v.date !== undefined) e.date = v.date;
  if (v.note !== undefined) e.note = v.note;
  if (v.state !== 'unknown-unit') e.value = v.value;
  if (v.state !== 'ok') e.reason = v.reason;
  return e;
}

/**
 * The gap that an unknown outcome reports: the state of the first named fact that is not `ok`
 * (`implausible` when every named fact is ok but of an unexpected type), and the date of a stale one.
 */
export function gapOf(names: readonly InputName[], facts: Facts): MessageParams {
  for (const name of names) {
    const v = facts[name];
    if (!v) return { gap: 'missing' };
    if (v.state === 'ok' || isLastingStale(v)) continue;
    if (v.state === 'stale') return { gap: 'stale', gapDate: v.date ?? '?' };
    return { gap: v.state };
  }
  return { gap: 'implausible' };
}

// Outcome constructors, so the rule table reads as clinical logic.
export const clear = (): RuleOutcome => ({ kind: 'clear' });
export const hit = (facts: InputName[], params?: MessageParams, variant?: string): RuleOutcome => ({
  kind: 'triggered',
  facts,
  ...(params ? { params } : {}),
  ...(variant ? { variant } : {}),
});
export const gap = (facts: InputName[], params?: MessageParams, variant?: string): RuleOutcome => ({
  kind: 'unknown',
  facts,
  ...(params ? { params } : {}),
  ...(variant ? { variant } : {}),
});
export const covered = (by: RuleId): RuleOutcome => ({ kind: 'covered', by });

/** Add whole days to an ISO date (date part only); undefined for an unparseable date. */
export function addDays(isoDate: string, days: number): string | undefined {
  const t = Date.parse(isoDate);
  if (Number.isNaN(t)) return undefined;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}
