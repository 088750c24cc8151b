/**
 * Small building blocks the rule files share: reading a yes/no finding, a lasting (old but still valid)
 * number, and the date parameter of a message. Kept here so the rule files read as clinical logic.
 */
import type { InputName } from '../../extract/catalogue.ts';
import type { FactReader, MessageParams, RuleContext, RuleOutcome } from './types.ts';
import { clear, gap, hit } from './facts.ts';

/** `{ date }` of a fact for a message; "date not recorded" when the record gave none. */
export const dated = (f: FactReader, name: InputName): MessageParams => ({ date: f.date(name) ?? 'date not recorded' });

/**
 * A recorded yes/no finding: true triggers, false clears, anything else is unknown. `lasting`: an old
 * (stale) true still counts (chronic conditions, past positive results: SAFETY_FACTS contract).
 */
export const finding =
  (name: InputName, lasting = true) =>
  ({ facts }: RuleContext): RuleOutcome => {
    const v = facts.bool(name, { stalePositive: lasting });
    if (v === true) return hit([name], dated(facts, name));
    return v === false ? clear() : gap([name]);
  };

/** A number that stays valid when old: its value, whether it is stale, and its date. */
export interface LastingNumber {
  value: number;
  stale: boolean;
  date?: string;
}

/**
 * An `ok` number, or a `stale` one (old heart-failure class, old JC virus index: they count until a newer
 * result, shown with their date and a repeat prompt). Undefined for anything else. Without the raw values
 * (a hand-built context) only the reader's ok numbers are seen.
 */
export function lastingNum(ctx: RuleContext, name: InputName): LastingNumber | undefined {
  const v = ctx.values?.[name];
  if (v === undefined) {
    const n = ctx.facts.num(name);
    return n === undefined ? undefined : { value: n, stale: false };
  }
  if ((v.state === 'ok' || v.state === 'stale') && typeof v.value === 'number' && Number.isFinite(v.value)) {
    return { value: v.value, stale: v.state === 'stale', ...(v.date !== undefined ? { date: v.date } : {}) };
  }
  return undefined;
}

/** The extractor's reason for a missing fact (e.g. "heart failure recorded, NYHA class not recorded"). */
export function missingReason(ctx: RuleContext, name: InputName): string | undefined {
  const v = ctx.values?.[name];
  return v?.state === 'missing' ? v.reason : undefined;
}

/** Heart failure is on record but its NYHA class is not (the facts contract's missing reason). */
export function heartFailureWithoutClass(ctx: RuleContext): boolean {
  return /heart failure recorded/i.test(missingReason(ctx, 'heart_failure_nyha') ?? '');
}

/** No pregnancy question arises: male, or a woman recorded without childbearing potential (age, menopause, surgery). */
export function noChildbearingPotential(f: FactReader): boolean {
  return f.bool('childbearing_potential') === false || f.bool('sex_female') === false;
}
