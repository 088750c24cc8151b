import type { SafetyFlag, Severity } from './safety/types.ts';
import { worstSeverity } from './safety/index.ts';

/** One therapy option as the ranking view shows it. */
export interface RankedOption {
  drug: string;
  /** Probability of the model's endpoint and its interval (ensemble spread, see the model card). */
  probability: number;
  lower: number;
  upper: number;
  flags: SafetyFlag[];
  worst: Severity | null;
  /** The therapy the patient is on now ("continue" option). */
  current: boolean;
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
 * Orders the options by predicted probability. Contraindicated options are kept, never removed,
 * and placed after the usable ones with their reason visible; within each group the order is the
 * model's. Ties in probability keep the model's drug order (stable sort), so the ranking is
 * reproducible. Options whose intervals overlap the first option's are marked, because the model
 * cannot separate them (the app never presents a ranking as certain).
 */
export function rankOptions(predictions: readonly RankInput[], flags: Readonly<Record<string, SafetyFlag[]>>, currentTherapy: string | null): RankedOption[] {
  const options = predictions.map((p) => {
    const f = flags[p.drug] ?? [];
    return { ...p, flags: f, worst: worstSeverity(f), current: currentTherapy !== null && p.drug === currentTherapy, rank: 0, indistinguishableFromTop: false };
  });
  const blocked = (o: (typeof options)[number]): number => (o.worst === 'contraindicated' ? 1 : 0);
  options.sort((a, b) => blocked(a) - blocked(b) || b.probability - a.probability);
  const top = options[0];
  options.forEach((o, i) => {
    o.rank = i + 1;
    o.indistinguishableFromTop = top !== undefined && o !== top && o.upper >= top.lower;
  });
  return options;
}
