/**
 * EDSS trend: confirmed disability progression (CDP) from a series of EDSS assessments.
 *
 * EDSS: Kurtzke JF. Rating neurologic impairment in multiple sclerosis: an expanded disability
 * status scale (EDSS). Neurology 1983;33(11):1444-1452. doi:10.1212/WNL.33.11.1444. Valid steps:
 * 0, then 1.0 to 10.0 in 0.5 steps (there is no 0.5).
 * CDP definition implemented (fixed reference = first eligible assessment):
 *   increase >= 1.5 if the reference EDSS is 0; >= 1.0 if it is 1.0-5.5; >= 0.5 if it is > 5.5
 *   (Kalincik T et al., Defining reliable disability outcomes in multiple sclerosis, Brain
 *   2015;138:3287-3298; Kappos L et al., Mult Scler 2018;24(7):963-973, doi:10.1177/1352458517709619),
 *   confirmed when every eligible assessment from the onset up to one >= 12 weeks (84 days) or
 *   >= 24 weeks (168 days) after the onset keeps the increase (Kappos 2018; "confirmed at 3 or 6
 *   months" in trial reporting). Terminology: Lublin FD et al., Neurology 2014;83:278-286
 *   ("worsening"; we keep the trial term "progression" as the brief does).
 * Assessments within 30 days after a relapse onset are not eligible as onset or confirmation
 * (Kappos 2018: confirmation outside relapses), so relapse-related worsening is not counted.
 * Value: the latest eligible EDSS. Band: the CDP status.
 */
import { DAY_MS, daysBetween, parseFullDate } from './dates.ts';
import type { ComputedFromItem, DatedEvent, ScoreResult } from './types.ts';

export const EDSS_CITATION =
  'Kurtzke JF, Neurology 1983;33:1444-1452. CDP: +1.5 from 0, +1.0 from 1.0-5.5, +0.5 from >5.5, confirmed >=12/24 weeks (Kalincik T et al., Brain 2015;138:3287; Kappos L et al., Mult Scler 2018;24:963).';

export interface EdssAssessment {
  date: string;
  value: number;
  sourceRef?: string;
}

export interface EdssTrendOptions {
  /** Confirmation interval: 12 weeks (3 months, default) or 24 weeks (6 months). */
  confirmationWeeks?: 12 | 24;
  /** Relapse onsets, to exclude assessments made shortly after a relapse. */
  relapses?: readonly DatedEvent[];
  /** Days after a relapse onset during which an assessment is not eligible (default 30). */
  relapseExclusionDays?: number;
}

export interface EdssPoint {
  date: string;
  value: number;
}

/** A confirmed (or pending) progression event. */
export interface DisabilityProgression {
  reference: EdssPoint;
  onset: EdssPoint;
  /** null while the increase is not yet confirmed by a later assessment. */
  confirmation: EdssPoint | null;
  requiredIncrease: number;
}

/** The EDSS trend result: a ScoreResult plus the progression event, if any. */
export interface EdssTrendResult extends ScoreResult {
  progression: DisabilityProgression | null;
}

/** Whether a number is a valid EDSS step (0, 1.0, 1.5, ..., 10.0). */
export function isEdssStep(value: number): boolean {
  return Number.isFinite(value) && (value === 0 || (value >= 1 && value <= 10 && Number.isInteger(value * 2)));
}

/** Minimum EDSS increase over the reference that counts as progression. */
export function requiredEdssIncrease(reference: number): number {
  if (reference === 0) return 1.5;
  if (reference <= 5.5) return 1.0;
  return 0.5;
}

interface Eligible {
  ms: number;
  point: EdssPoint;
}

/**
 * Looks for the first confirmed disability progression in a series of EDSS assessments.
 * @param assessments EDSS assessments, any order; full dates required
 * @param options confirmation interval and relapses to exclude
 * @returns an {@link EdssTrendResult} with score `edss`
 */
export function edssTrend(assessments: readonly EdssAssessment[] | null | undefined, options: EdssTrendOptions = {}): EdssTrendResult {
  const weeks = options.confirmationWeeks ?? 12;
  const exclusionDays = options.relapseExclusionDays ?? 30;
  const base = { score: 'edss' as const, citation: EDSS_CITATION, progression: null };
  const computedFrom: ComputedFromItem[] = [];
  const problems: string[] = [];
  const relapseMs: number[] = [];
  for (const relapse of options.relapses ?? []) {
    const ms = parseFullDate(relapse.date);
    if (typeof ms === 'string') problems.push(`relapse ${ms}`);
    else relapseMs.push(ms);
  }
  const eligible: Eligible[] = [];
  for (const a of assessments ?? []) {
    const entry: ComputedFromItem = { item: 'edss', value: a.value, date: a.date };
    if (a.sourceRef !== undefined) entry.sourceRef = a.sourceRef;
    computedFrom.push(entry);
    const ms = parseFullDate(a.date);
    if (typeof ms === 'string') problems.push(`EDSS ${ms}`);
    else if (!isEdssStep(a.value)) problems.push(`EDSS = ${a.value} on ${a.date}: must be 0 or 1.0-10.0 in 0.5 steps`);
    else if (!relapseMs.some((r) => ms >= r && daysBetween(r, ms) <= exclusionDays)) eligible.push({ ms, point: { date: a.date, value: a.value } });
  }
  if (problems.length > 0) {
    return { ...base, value: null, band: null, status: 'invalid', missing: [], reason: problems.join('; '), computedFrom };
  }
  eligible.sort((x, y) => x.ms - y.ms);
  const first = eligible[0];
  const latest = eligible[eligible.length - 1];
  if (first === undefined || latest === undefined || eligible.length < 2) {
    const missing = eligible.length === 0 ? ['EDSS reference assessment', 'EDSS follow-up assessment'] : ['EDSS follow-up assessment'];
    return { ...base, value: null, band: null, status: 'incomplete', missing, computedFrom };
  }
  const progression = findProgression(eligible, first.point, weeks * 7);
  let band = `confirmed disability progression (${weeks}-week)`;
  if (progression === null) band = 'no confirmed progression';
  else if (progression.confirmation === null) band = 'progression not yet confirmed';
  return { ...base, value: latest.point.value, band, status: 'complete', missing: [], computedFrom, progression };
}

function findProgression(series: readonly Eligible[], reference: EdssPoint, confirmDays: number): DisabilityProgression | null {
  const needed = requiredEdssIncrease(reference.value);
  const meets = (e: Eligible) => e.point.value - reference.value >= needed;
  let pending: DisabilityProgression | null = null;
  for (let i = 1; i < series.length; i++) {
    const onset = series[i];
    if (onset === undefined || !meets(onset)) continue;
    for (let j = i + 1; j < series.length; j++) {
      const later = series[j];
      if (later === undefined || !meets(later)) break;
      if (later.ms - onset.ms >= confirmDays * DAY_MS) {
        return { reference, onset: onset.point, confirmation: later.point, requiredIncrease: needed };
      }
    }
    // An increase sustained to the last assessment but not yet long enough is pending.
    const rest = series.slice(i);
    if (pending === null && rest.every(meets)) {
      pending = { reference, onset: onset.point, confirmation: null, requiredIncrease: needed };
    }
  }
  return pending;
}
