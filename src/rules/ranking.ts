import type { SafetyFlag, Severity } from './safety/types.ts';
import { worstSeverity } from './safety/index.ts';

/**
 * Safety tier of an option, from its worst flag (issue 10):
 * - `suitable`: no flag, or the worst is screen-before-start, caution or treat-before-start. A
 *   treat-before-start finding (latent TB without started prophylaxis, VZV non-immune before an S1P
 *   modulator) delays the first dose but leaves the drug a suitable choice once the treatment is under way,
 *   so it stays in this tier (its flag says what to do first).
 * - `only-if-no-alternative`: the EMA wording for JAK inhibitors in risk groups and label "not recommended":
 *   after every suitable option, whatever its probability.
 * - `contraindicated`: kept visible, last, with its reason.
 */
export type SafetyTier = 'suitable' | 'only-if-no-alternative' | 'contraindicated';

/** Tiers in ranking order. */
export const TIER_ORDER: readonly SafetyTier[] = ['suitable', 'only-if-no-alternative', 'contraindicated'];

/** The tier of a worst severity (null: no flag). */
export function tierOf(worst: Severity | null): SafetyTier {
  if (worst === 'contraindicated') return 'contraindicated';
  return worst === 'only-if-no-alternative' ? 'only-if-no-alternative' : 'suitable';
}

/** One therapy option as the ranking view shows it. */
export interface RankedOption {
  drug: string;
  /** Probability of the model's endpoint and its interval (ensemble spread, see the model card). */
  probability: number;
  lower: number;
  upper: number;
  flags: SafetyFlag[];
  worst: Severity | null;
  /** The safety tier that places the option (see {@link SafetyTier}). */
  tier: SafetyTier;
  /** The therapy the patient is on now ("continue" option): judged in its own panel, listed after the new starts. */
  current: boolean;
  /**
   * The patient already failed or did not tolerate this drug or its mechanism (rules/history.ts: avoid,
   * not a first choice, prefer another mechanism): placed after the other options of its tier.
   */
  demoted: boolean;
  rank: number;
  /** True when the interval overlaps the top option's interval: the ranking cannot tell them apart. */
  indistinguishableFromTop: boolean;
}

export interface RankInput {
  drug: string;
  probability: number;
  lower: number;
  upper: number;
}

/**
 * Orders the options as the clinician reads them, so that the screen, the print summary and the decision
 * record agree on what "first" is:
 * 1. new starts before the current therapy (the current therapy is judged in its own panel on its current
 *    response and the switch reasons, not ranked against new starts: issue 13);
 * 2. safety tier: suitable, then only if no suitable alternative, then contraindicated (kept, never removed,
 *    with their reason visible: issue 10);
 * 3. inside a tier, options the patient's own history demotes (`demoted`: rules/history.ts) after the others;
 * 4. predicted probability, ties in the model's drug order (stable sort), so the ranking is reproducible.
 * Options whose intervals overlap the first option's are marked, because the model cannot separate them
 * (the app never presents a ranking as certain).
 * @param demoted drugs the patient's history demotes (empty when the history is not known)
 */
export function rankOptions(
  predictions: readonly RankInput[],
  flags: Readonly<Record<string, SafetyFlag[]>>,
  currentTherapy: string | null,
  demoted: ReadonlySet<string> = new Set(),
): RankedOption[] {
  const options = predictions.map((p): RankedOption => {
    const f = flags[p.drug] ?? [];
    const worst = worstSeverity(f);
    const current = currentTherapy !== null && p.drug === currentTherapy;
    return { ...p, flags: f, worst, tier: tierOf(worst), current, demoted: demoted.has(p.drug), rank: 0, indistinguishableFromTop: false };
  });
  options.sort(
    (a, b) =>
      Number(a.current) - Number(b.current) ||
      TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
      Number(a.demoted) - Number(b.demoted) ||
      b.probability - a.probability,
  );
  const top = options[0];
  options.forEach((o, i) => {
    o.rank = i + 1;
    o.indistinguishableFromTop = top !== undefined && o !== top && o.upper >= top.lower;
  });
  return options;
}
