/**
 * Annualised relapse rate (ARR) of one patient over a window.
 *
 * ARR = number of relapses with onset inside the window / (window length in days / 365.25).
 * This is the per-patient form of the trial endpoint (e.g. FREEDOMS: Kappos L et al., N Engl J Med
 * 2010;362:387-401); trials pool relapses over patient-years the same way.
 * Relapse counting: an onset less than 30 days after the onset of the previous counted relapse is
 * part of that relapse, not a new one (McDonald criteria: attacks separated by at least 30 days;
 * Polman CH et al., Ann Neurol 2011;69:292-302; Thompson AJ et al., Lancet Neurol 2018;17:162-173).
 * The window includes both its start and end dates. Rounding: two decimals, half up.
 * A window shorter than 90 days is rejected: annualising a few weeks multiplies one relapse into an
 * implausible rate (our guard, not a published rule).
 * No interpretation bands are published for an individual ARR: band is null.
 */
import { DAY_MS, DAYS_PER_YEAR, daysBetween, parseFullDate } from './dates.ts';
import { roundHalfUp } from './items.ts';
import type { ComputedFromItem, DatedEvent, DateWindow, ScoreResult, SourcedValue } from './types.ts';

export const ARR_CITATION =
  'Annualised relapse rate: relapses / patient-years (as in Kappos L et al., N Engl J Med 2010;362:387-401); relapses < 30 days apart counted once (Thompson AJ et al., Lancet Neurol 2018;17:162-173).';

/** Minimum window length, days (see file header). */
export const ARR_MIN_WINDOW_DAYS = 90;

/** Onsets closer than this to the previous counted onset belong to the same relapse. */
export const RELAPSE_SEPARATION_DAYS = 30;

/** Counted relapses and the problems found while reading them. */
export interface RelapseCount {
  count: number;
  counted: ComputedFromItem[];
  problems: string[];
}

/**
 * Counts distinct relapses with onset inside a window (30-day separation rule).
 * @param relapses relapse onsets, any order
 * @param startMs window start (inclusive), epoch ms
 * @param endMs window end (inclusive), epoch ms
 */
export function countRelapses(relapses: readonly DatedEvent[], startMs: number, endMs: number): RelapseCount {
  const problems: string[] = [];
  const dated: Array<{ ms: number; event: DatedEvent }> = [];
  for (const event of relapses) {
    const ms = parseFullDate(event.date);
    if (typeof ms === 'string') problems.push(`relapse ${ms}`);
    else dated.push({ ms, event });
  }
  dated.sort((a, b) => a.ms - b.ms);
  const counted: ComputedFromItem[] = [];
  let lastCounted: number | null = null;
  for (const { ms, event } of dated) {
    if (lastCounted !== null && daysBetween(lastCounted, ms) < RELAPSE_SEPARATION_DAYS) continue;
    lastCounted = ms;
    if (ms < startMs || ms > endMs) continue;
    const item: ComputedFromItem = { item: 'relapse', value: true, date: event.date };
    if (event.sourceRef !== undefined) item.sourceRef = event.sourceRef;
    counted.push(item);
  }
  return { count: counted.length, counted, problems };
}

/**
 * Number of distinct relapses with onset in a window, as an item for {@link neda3} or the
 * interferon-beta response scores. Unknown history (null) or an unreadable date gives value null.
 * @param relapses relapse onsets, or null when the relapse history is unknown
 * @param window the window, both ends included
 */
export function relapsesInWindow(relapses: readonly DatedEvent[] | null | undefined, window: DateWindow): SourcedValue<number> {
  const start = parseFullDate(window.start);
  const end = parseFullDate(window.end);
  if (relapses === null || relapses === undefined || typeof start === 'string' || typeof end === 'string') return { value: null };
  const { count, problems } = countRelapses(relapses, start, end + DAY_MS - 1);
  return problems.length > 0 ? { value: null } : { value: count, date: window.end };
}

/**
 * Computes the annualised relapse rate over a window.
 * @param relapses relapse onsets (all known ones; those outside the window are ignored)
 * @param window the observation window; end after start, at least 90 days
 * @returns a {@link ScoreResult} with score `arr`, value in relapses per year (2 decimals)
 */
export function annualisedRelapseRate(relapses: readonly DatedEvent[] | null | undefined, window: DateWindow): ScoreResult {
  const base = { score: 'arr' as const, citation: ARR_CITATION, band: null };
  const start = parseFullDate(window.start);
  const end = parseFullDate(window.end);
  const windowItems: ComputedFromItem[] = [
    { item: 'window-start', value: null, date: window.start },
    { item: 'window-end', value: null, date: window.end },
  ];
  if (typeof start === 'string' || typeof end === 'string') {
    const reason = [start, end]
      .filter((x): x is string => typeof x === 'string')
      .map((x) => `window ${x}`)
      .join('; ');
    return { ...base, value: null, status: 'invalid', missing: [], reason, computedFrom: windowItems };
  }
  const days = daysBetween(start, end) + 1;
  if (days < ARR_MIN_WINDOW_DAYS) {
    return {
      ...base,
      value: null,
      status: 'invalid',
      missing: [],
      reason: `window of ${days} days is shorter than ${ARR_MIN_WINDOW_DAYS} days`,
      computedFrom: windowItems,
    };
  }
  if (relapses === null || relapses === undefined) {
    return { ...base, value: null, status: 'incomplete', missing: ['relapse history'], computedFrom: windowItems };
  }
  // A bare end date means the whole end day: count onsets up to its last millisecond.
  const { count, counted, problems } = countRelapses(relapses, start, start + days * DAY_MS - 1);
  const computedFrom = [...windowItems, ...counted];
  if (problems.length > 0) {
    return { ...base, value: null, status: 'invalid', missing: [], reason: problems.join('; '), computedFrom };
  }
  return { ...base, value: roundHalfUp(count / (days / DAYS_PER_YEAR), 2), status: 'complete', missing: [], computedFrom };
}
