/**
 * Tiers, not one list: suitable options, "only if no suitable alternative", contraindicated, each in
 * probability order, with options the patient already failed or did not tolerate placed after the
 * others of their tier (src/rules/history.ts, `demoted`). The current therapy is not ranked against
 * new starts: it has its own panel. Pure, so the tier can later come from the rules' ranking instead
 * of `worst` (only {@link tierOf} changes).
 */
import type { RankedOption } from '../../rules/ranking.ts';
import type { Severity } from '../../rules/safety/types.ts';

export type Tier = 'suitable' | 'restricted' | 'contraindicated';
export const TIERS: readonly Tier[] = ['suitable', 'restricted', 'contraindicated'];

/**
 * The tier of an option from its worst safety finding: caution and screen-before-start leave an option
 * suitable (monitoring, or a test a result resolves); "only if no suitable alternative" is the EMA
 * wording of the restricted group (JAK inhibitors, PRAC 2022); contraindicated is label section 4.3.
 */
export function tierOf(worst: Severity | null): Tier {
  if (worst === 'contraindicated') return 'contraindicated';
  if (worst === 'only-if-no-alternative') return 'restricted';
  return 'suitable';
}

/** One option in its tier; `position` counts across tiers from 1 (the order the clinician reads). */
export interface TieredOption {
  option: RankedOption;
  tier: Tier;
  demoted: boolean;
  position: number;
}

export interface TierGroup {
  tier: Tier;
  options: TieredOption[];
}

/**
 * Groups the new-start options into tiers (empty tiers omitted) and orders each: not demoted before
 * demoted, then probability (high first), then the model's order.
 * @param options the ranking's options (the current therapy is left out: see the continue panel)
 * @param demoted drugs the history demotes
 */
export function groupByTier(options: readonly RankedOption[], demoted: ReadonlySet<string> = new Set()): TierGroup[] {
  const starts = options.filter((o) => !o.current);
  let position = 0;
  return TIERS.flatMap((tier) => {
    const inTier = starts
      .map((option, index) => ({ option, index, demoted: option.demoted || demoted.has(option.drug) }))
      .filter((x) => tierOf(x.option.worst) === tier)
      .sort((a, b) => Number(a.demoted) - Number(b.demoted) || b.option.probability - a.option.probability || a.index - b.index);
    if (inTier.length === 0) return [];
    return [{ tier, options: inTier.map((x) => ({ option: x.option, tier, demoted: x.demoted, position: ++position })) }];
  });
}
